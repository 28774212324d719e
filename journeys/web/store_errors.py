"""What to tell a person when the answers file cannot be used: which file, what is wrong, what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from journeys.problems import ContentError, Problem


class AnswersUnavailable(ContentError):
    """The answers could not be read or kept. Pages that need no answers are still served."""


def explain(error: sqlite3.Error | OSError, path: Path, writing: bool) -> AnswersUnavailable:
    """The problem behind an SQLite (or file) error on the answers file at `path`, with its fix."""
    text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    if isinstance(error, PermissionError):
        text = f"unable to open: {text}"
    if "not a database" in text or "malformed" in text:
        problem = Problem(str(path), None, f"the answers file is damaged, or is not an answers file ({text})",
                          f"Delete {path}: it is made again, empty, with the next answer given. "
                          "The answers given so far are lost.")
    elif "readonly" in text or "read-only" in text or (writing and "unable to open" in text):
        problem = Problem(str(path), None, f"the answers file cannot be written ({text}), so no answer can be kept",
                          f"Make the file and its folder writable by the user running the server "
                          f"(chmod u+w {path} {path.parent}), or set JOURNEYS_ANSWERS_DB to a file that can be written.")
    elif "unable to open" in text:
        problem = Problem(str(path), None, f"the answers file cannot be opened ({text})",
                          f"Make the file and its folder readable and writable by the user running the server "
                          f"(chmod u+rw {path}), or set JOURNEYS_ANSWERS_DB to another file.")
    elif "locked" in text or "busy" in text:
        problem = Problem(str(path), None, f"the answers file is busy: another program has held it too long ({text})",
                          "Close any other program using it (a database viewer, say), then try again.")
    else:
        problem = Problem(str(path), None, f"the answers file could not be {'written' if writing else 'read'} ({text})",
                          f"Check the disk has space and the file can be read and written; deleting {path} starts "
                          "afresh, without the answers given so far.")
    return AnswersUnavailable([problem])
