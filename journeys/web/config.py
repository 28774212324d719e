"""Settings for the app: defaults, then the environment, then what the caller passes."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from journeys.problems import ContentError, Problem
from journeys.web import limits


def defaults(instance: Path) -> dict:
    """Settings that work on a designer's laptop with nothing set."""
    return {
        "ANSWERS_DB": str(instance / "answers.sqlite3"),
        # A person's answers go once nobody has answered anything in their browser for this long.
        "ANSWERS_EXPIRE_DAYS": 30,
        "SESSION_COOKIE_NAME": "journeys_session",
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Assets are revalidated on every load (a 304 when unchanged), so an upgrade shows at once.
        "ASSET_MAX_AGE": 0,
        **limits.DEFAULTS,
    }


def from_environ(environ=os.environ) -> dict:
    """Settings given as environment variables: SECRET_KEY, JOURNEYS_ANSWERS_DB, JOURNEYS_ANSWERS_EXPIRE_DAYS.

    (HOST and PORT are the server's: see cli.py.)
    """
    found = {}
    if environ.get("SECRET_KEY"):
        found["SECRET_KEY"] = environ["SECRET_KEY"]
    if environ.get("JOURNEYS_ANSWERS_DB"):
        found["ANSWERS_DB"] = environ["JOURNEYS_ANSWERS_DB"]
    if environ.get("JOURNEYS_ANSWERS_EXPIRE_DAYS"):
        found["ANSWERS_EXPIRE_DAYS"] = _days(environ["JOURNEYS_ANSWERS_EXPIRE_DAYS"])
    return found


def _days(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ContentError([Problem("JOURNEYS_ANSWERS_EXPIRE_DAYS", None, f"'{text}' is not a number of days",
                                    "Set it to a number, such as 30, or to 0 to keep answers for ever.")]) from None


def stored_secret_key(instance: Path) -> str:
    """A secret key kept in the instance folder, so sessions survive a restart.

    Several processes may start at once (gunicorn's workers, two servers): each writes its key
    to a file of its own, then links it into place, which fails if another got there first.
    The file is only ever seen whole, so every process reads the one same key.
    """
    key_file = instance / "secret-key"
    instance.mkdir(parents=True, exist_ok=True)
    if not key_file.exists():
        key = secrets.token_hex(32)
        draft = instance / f"secret-key.{os.getpid()}.{secrets.token_hex(4)}"
        _write_new(draft, key)
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass  # another process made it first: use theirs
        except OSError:
            # No hard links on this drive (some network or shared folders): create it exclusively.
            try:
                _write_new(key_file, key)
            except FileExistsError:
                pass
        finally:
            draft.unlink()
    for _ in range(20):  # a key being written without a link is empty for a moment
        key = key_file.read_text().strip()
        if key:
            return key
        time.sleep(0.05)
    raise ContentError([Problem(str(key_file), None, "the secret key file is empty",
                                "Delete it and start again: a new key is made (everyone's answers start afresh).")])


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, readable by its owner only."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
        out.write(text)
