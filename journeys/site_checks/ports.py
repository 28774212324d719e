"""A free port for a server Journeys starts for itself: in the range JOURNEYS_PORTS names, when it names one."""

from __future__ import annotations

import os
import random
import socket

PORTS = "JOURNEYS_PORTS"  # such as 20000-20999: where a firewall, or another user's servers, leave room


def free_port(host: str = "127.0.0.1") -> int:
    """A port no one listens on: any the system offers, or one in JOURNEYS_PORTS."""
    wanted = os.environ.get(PORTS, "").strip()
    if not wanted:
        return _bound(host, 0)
    candidates = list(port_range(wanted))
    random.shuffle(candidates)  # two test runs sharing the range rarely try the same port first
    for port in candidates:
        try:
            return _bound(host, port)
        except OSError:
            continue
    raise OSError(f"every port in {PORTS}={wanted} is in use: stop some servers, or widen the range")


def port_range(text: str) -> range:
    """'20000-20999' as the ports it names; a ValueError that says how to write it."""
    low, dash, high = text.partition("-")
    try:
        first, last = int(low), int(high if dash else low)
    except ValueError:
        first, last = 0, -1
    if not 1024 <= first <= last <= 65535:
        raise ValueError(f"{PORTS}={text} is not a range of ports: write it as two numbers from 1024 to 65535, "
                         "such as 20000-20999")
    return range(first, last + 1)


def _bound(host: str, port: int) -> int:
    with socket.socket() as probe:
        probe.bind((host, port))
        return probe.getsockname()[1]
