"""gunicorn's settings for a hosted prototype: no reloading, workers forked from one loaded app, logs without answers."""

from __future__ import annotations

import os

from journeys.hosting.settings import HostSettings

# The page, never the query string (a form sent without JavaScript puts answers there, and a
# participant link its token) nor the referring page, whose address may carry either.
ACCESS_LOG = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'
TIMEOUT = 30  # seconds a page may take before its worker is replaced
GRACEFUL_TIMEOUT = 10  # seconds pages already started have to finish when stopped (SIGTERM)


def gunicorn_settings(settings: HostSettings, access_log: bool = True) -> dict:
    """Every gunicorn setting `journeys host` gives, by gunicorn's own names."""
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return {
        "bind": [f"{host}:{settings.port}"],
        "workers": settings.workers,
        "worker_class": "sync",  # NGINX in front reads slow clients: each worker serves one page at a time
        "timeout": TIMEOUT,
        "graceful_timeout": GRACEFUL_TIMEOUT,
        # Read and check the prototype once, then fork: every worker starts ready and shares the memory.
        "preload_app": True,
        "reload": False,
        "accesslog": "-" if access_log else None,
        "access_log_format": ACCESS_LOG,
        "errorlog": "-",
        "loglevel": "info",
        # gunicorn's own reading of X-Forwarded-Proto, from the same proxies the app believes.
        "forwarded_allow_ips": ",".join(settings.trusted_proxies),
        # Its control socket is one path per user: two instances on one machine would share it.
        "control_socket_disable": True,
        "proc_name": f"journeys-host:{settings.port}",
        # The workers' heartbeat in memory, not on a disk that may stall (gunicorn's own advice).
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
        # A room of browsers opening at once must not overflow the queue of connections.
        "backlog": 2048,
    }
