"""Settings for the app: defaults, then the environment, then what the caller passes."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def defaults(instance: Path) -> dict:
    """Settings that work on a designer's laptop with nothing set."""
    return {
        "ANSWERS_DB": str(instance / "answers.sqlite3"),
        "SESSION_COOKIE_NAME": "journeys_session",
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Assets are revalidated on every load (a 304 when unchanged), so an upgrade shows at once.
        "ASSET_MAX_AGE": 0,
    }


def from_environ(environ=os.environ) -> dict:
    """Settings given as environment variables: SECRET_KEY, JOURNEYS_ANSWERS_DB. (HOST and PORT are the server's: see cli.py.)"""
    found = {}
    if environ.get("SECRET_KEY"):
        found["SECRET_KEY"] = environ["SECRET_KEY"]
    if environ.get("JOURNEYS_ANSWERS_DB"):
        found["ANSWERS_DB"] = environ["JOURNEYS_ANSWERS_DB"]
    return found


def stored_secret_key(instance: Path) -> str:
    """A secret key kept in the instance folder, so sessions survive a restart."""
    key_file = instance / "secret-key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key
