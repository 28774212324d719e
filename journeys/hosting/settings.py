"""What `journeys host` is told, from its options and the environment, checked all at once."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from journeys.problems import ContentError, Problem

MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_hex(32))'"
SHORTEST_KEY = 32  # characters: a key anyone could guess signs cookies anyone could forge
DEFAULT_PORT = 8000
DEFAULT_FORGET_AFTER = "7d"
# Proxies whose X-Forwarded-* headers are believed: NGINX on this machine.
DEFAULT_TRUSTED_PROXIES = "127.0.0.1,::1"
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@dataclass(frozen=True)
class HostSettings:
    """Everything a hosted prototype needs to know, checked."""

    project: Path
    secret_key: str
    password: str | None  # None: public, no password asked
    redis_url: str | None  # None: answers in SQLite on this machine
    answers_db: Path  # the SQLite file, without Redis
    forget_after: float  # seconds a session's answers are kept after its last answer
    trusted_proxies: tuple[str, ...]  # addresses whose X-Forwarded-* headers are believed; ("*",) for any
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    workers: int = 1


def duration(text: str, name: str) -> float:
    """'90m', '2h', '7d', '1w' as seconds; ContentError naming `name` if it is not one."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", str(text).lower())
    if not found or float(found[1]) <= 0:
        raise ContentError([Problem(name, None, f"'{text}' is not a length of time",
                                    "Give a number and a unit: 30m, 2h, 7d or 2w (minutes, hours, days, weeks).")])
    return float(found[1]) * UNITS[found[2]]


def from_options(project: str, *, port=None, host=None, workers=None, public: bool = False,
                 forget_after=None, environ=os.environ) -> HostSettings:
    """The settings from `journeys host`'s options, then the environment; every problem at once."""
    problems = []
    secret_key = environ.get("SECRET_KEY", "")
    if not secret_key:
        problems.append(Problem("SECRET_KEY", None, "is not set, and a hosted prototype needs it to sign its cookies",
                                f"Make one with  {MAKE_A_KEY}  and set it the same for every instance: "
                                "export SECRET_KEY=<the key>"))
    elif len(secret_key) < SHORTEST_KEY:
        problems.append(Problem("SECRET_KEY", None, f"is {len(secret_key)} characters long: too short to keep "
                                f"cookies from being forged", f"Use at least {SHORTEST_KEY}: make one with  {MAKE_A_KEY}"))
    password = environ.get("JOURNEYS_PASSWORD") or None
    if password is None and not public:
        problems.append(Problem("JOURNEYS_PASSWORD", None, "is not set, so anyone could see the prototype",
                                "Set the password participants will type: export JOURNEYS_PASSWORD=<a password>. "
                                "Or, for a prototype anyone may see, start it with --public."))
    if public:
        password = None
    try:
        forget = duration(forget_after or environ.get("JOURNEYS_FORGET_AFTER") or DEFAULT_FORGET_AFTER, "--forget-after")
    except ContentError as error:
        problems += error.problems
        forget = 0.0
    port_number = _number(port if port is not None else environ.get("PORT") or DEFAULT_PORT, "--port", problems, 1, 65535)
    worker_count = _number(workers if workers is not None else environ.get("WEB_CONCURRENCY") or default_workers(),
                           "--workers", problems, 1, 64)
    redis_url = environ.get("REDIS_URL") or None
    if redis_url and urlsplit(redis_url).scheme not in ("redis", "rediss", "unix"):
        problems.append(Problem("REDIS_URL", None, f"'{where_of(redis_url)}' is not the address of a Redis server",
                                "Write it as redis://host:6379/0 (rediss:// over TLS, unix:///path/to/redis.sock)."))
    trusted = tuple(a.strip() for a in (environ.get("JOURNEYS_TRUSTED_PROXIES") or DEFAULT_TRUSTED_PROXIES).split(",")
                    if a.strip())
    for address in (a for a in trusted if a != "*"):
        try:
            ipaddress.ip_network(address, strict=False)
        except ValueError:
            problems.append(Problem("JOURNEYS_TRUSTED_PROXIES", None, f"'{address}' is not an address or a network",
                                    "List the proxies' addresses, separated by commas: 127.0.0.1,10.0.0.0/8 (or * for any)."))
    if problems:
        raise ContentError(problems)
    root = Path(project).resolve()
    return HostSettings(
        project=root, secret_key=secret_key, password=password, redis_url=redis_url,
        answers_db=Path(environ.get("JOURNEYS_ANSWERS_DB") or root / ".journeys" / "hosted-answers.sqlite3"),
        forget_after=forget, trusted_proxies=trusted,
        host=host or environ.get("HOST") or "127.0.0.1", port=port_number, workers=worker_count,
    )


def default_workers() -> int:
    """gunicorn's advice: two worker processes per core, and one more."""
    return 2 * (os.cpu_count() or 1) + 1


def _number(value, name: str, problems: list, lowest: int, highest: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not lowest <= number <= highest:
        problems.append(Problem(name, None, f"'{value}' is not a whole number from {lowest} to {highest}",
                                f"Give {name} a number in that range."))
        return lowest
    return number


def where_of(url: str) -> str:
    """A URL without the password it may carry, to be shown."""
    parts = urlsplit(url)
    return url.replace(parts.password, "***") if parts.password else url
