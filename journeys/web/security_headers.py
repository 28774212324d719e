"""The headers every response carries, from the dev server or gunicorn: the frozen site's own.

journeys/nginx/journeys.conf sends the same set for a frozen prototype (tests/test_security.py
compares the two). The one inline script allowed is the GOV.UK template's, by its hash; the dev
server's livereload.js is a file from this origin, so 'self' covers it and its websocket.
"""

from __future__ import annotations

import base64
import hashlib

from flask import Response

GOVUK_TEMPLATE_SCRIPT = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"


def content_security_policy(inline_styles: tuple[str, ...] = ()) -> str:
    """The policy; `inline_styles` are <style> blocks a page of ours carries (allowed by their hash)."""
    policy = f"default-src 'self'; script-src 'self' {GOVUK_TEMPLATE_SCRIPT}; "
    if inline_styles:
        policy += "style-src 'self' " + " ".join(f"'sha256-{_hash(style)}'" for style in inline_styles) + "; "
    return policy + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"


HEADERS = {
    "Content-Security-Policy": content_security_policy(),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",  # frame-ancestors above, for browsers that know only this
    "X-Robots-Tag": "noindex, nofollow",  # prototypes must never be found in search engines
}


def add_security_headers(response: Response) -> Response:
    """Every header of HEADERS that the response does not set itself."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
