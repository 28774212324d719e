"""Where answers live between requests: on the server, keyed by a session id.

Answers never go in Flask's cookie session: browsers drop cookies past 4 KB, silently.
Anything with `load`, `save` and `clear` can stand in for the SQLite store (Redis, say).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Protocol


class AnswerStore(Protocol):
    def load(self, session_id: str) -> dict: ...

    def save(self, session_id: str, answers: dict) -> None: ...

    def clear(self, session_id: str) -> None: ...


class SQLiteAnswerStore:
    """Answers in one SQLite file, so they survive a restart of the server."""

    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connection() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS answers ("
                " session_id TEXT PRIMARY KEY, answers TEXT NOT NULL, updated_at REAL NOT NULL)"
            )

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread: sqlite3 connections must not cross threads.
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def load(self, session_id: str) -> dict:
        row = self._connection().execute(
            "SELECT answers FROM answers WHERE session_id = ?", (session_id,)
        ).fetchone()
        return json.loads(row[0]) if row else {}

    def save(self, session_id: str, answers: dict) -> None:
        with self._connection() as db:
            db.execute(
                "INSERT INTO answers (session_id, answers, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(session_id) DO UPDATE SET answers = excluded.answers,"
                " updated_at = excluded.updated_at",
                (session_id, json.dumps(answers, ensure_ascii=False), time.time()),
            )

    def clear(self, session_id: str) -> None:
        with self._connection() as db:
            db.execute("DELETE FROM answers WHERE session_id = ?", (session_id,))
