"""Behind NGINX: the person's own address and scheme, believed only from a trusted proxy.

NGINX says who connected (X-Forwarded-For) and whether over HTTPS (X-Forwarded-Proto). Anyone
can send those headers, so they are read only when the connection itself comes from one of the
trusted addresses (JOURNEYS_TRUSTED_PROXIES: NGINX on this machine unless set). Redirects then
keep https, cookies are marked Secure, and wrong passwords are counted per person, not per proxy.
"""

from __future__ import annotations

import ipaddress

from werkzeug.middleware.proxy_fix import ProxyFix


class TrustedProxies:
    """ProxyFix for requests from `trusted` addresses (or networks, or "*"); everyone else's headers are ignored."""

    def __init__(self, app, trusted: tuple[str, ...]):
        self.app = app
        self.fixed = ProxyFix(app, x_for=1, x_proto=1, x_host=0, x_port=0, x_prefix=0)
        self.anyone = "*" in trusted
        self.networks = [ipaddress.ip_network(address, strict=False) for address in trusted if address != "*"]

    def __call__(self, environ, start_response):
        if self.anyone or self._trusted(environ.get("REMOTE_ADDR", "")):
            return self.fixed(environ, start_response)
        return self.app(environ, start_response)

    def _trusted(self, address: str) -> bool:
        try:
            peer = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(peer in network for network in self.networks)
