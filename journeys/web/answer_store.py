"""Where answers live between requests: on the server, keyed by a session id.

Answers never go in Flask's cookie session: browsers drop cookies past 4 KB, silently.
Anything with these four methods can stand in for the SQLite store (Redis, say). `update`
must merge atomically: one participant's two tabs may post two pages at the same moment, and
each page's answers must be added to the other's, never written over them (Redis: a hash per
session, or a Lua script or WATCH/MULTI that re-reads). Expiry is the store's own: the SQLite
store sweeps out answers untouched for `expire_after` seconds; Redis would give each session's
key that time to live, renewed on every write.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Protocol

from journeys.web.store_errors import AnswersUnavailable, explain

PURGE_EVERY = 3600  # seconds between sweeps for expired answers


class AnswerStore(Protocol):
    def load(self, session_id: str) -> dict:
        """The answers kept for this session ({} if none, or if they have expired)."""

    def update(self, session_id: str, changes: dict, remove: Iterable[str] = ()) -> dict:
        """Add `changes` and drop `remove`, atomically against every other writer; the answers after."""

    def replace(self, session_id: str, answers: dict) -> None:
        """Keep `answers` in place of everything this session had."""

    def clear(self, session_id: str) -> None:
        """Forget this session's answers."""


class SQLiteAnswerStore:
    """Answers in one SQLite file, so they survive a restart; answers untouched for `expire_after` seconds go."""

    def __init__(self, path, expire_after: float | None = None):
        self.path = Path(path)
        self.expire_after = expire_after
        self._local = threading.local()
        self._lock = threading.Lock()
        self._ready = False
        self._purged_at = float("-inf")
        # Nothing is opened yet: a prototype whose answers file is damaged still serves every
        # page that needs no answers, and tools that never ask for answers never touch it.

    def load(self, session_id: str) -> dict:
        with self._explained(writing=False):
            row = self._connection().execute(
                "SELECT answers FROM answers WHERE session_id = ? AND updated_at >= ?", (session_id, self._cutoff())
            ).fetchone()
            return json.loads(row[0]) if row else {}

    def update(self, session_id: str, changes: dict, remove: Iterable[str] = ()) -> dict:
        with self._explained(writing=True), self._transaction() as db:
            row = db.execute("SELECT answers FROM answers WHERE session_id = ? AND updated_at >= ?",
                             (session_id, self._cutoff())).fetchone()
            answers = {**(json.loads(row[0]) if row else {}), **changes}
            for name in remove:
                answers.pop(name, None)
            self._write(db, session_id, answers)
            return answers

    def replace(self, session_id: str, answers: dict) -> None:
        with self._explained(writing=True), self._transaction() as db:
            self._write(db, session_id, answers)

    def clear(self, session_id: str) -> None:
        with self._explained(writing=True), self._transaction() as db:
            db.execute("DELETE FROM answers WHERE session_id = ?", (session_id,))

    @contextmanager
    def _explained(self, writing: bool):
        """SQLite's errors as a problem naming the file and its fix; the next use opens the file afresh."""
        try:
            yield
        except (sqlite3.Error, OSError) as error:
            self._forget_connection()
            raise explain(error, self.path, writing) from error

    def _forget_connection(self) -> None:
        # A file deleted or replaced to fix it must be opened again, not read through an old handle.
        db = getattr(self._local, "db", None)
        self._local.db = None
        self._ready = False
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass

    def _write(self, db: sqlite3.Connection, session_id: str, answers: dict) -> None:
        db.execute(
            "INSERT INTO answers (session_id, answers, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(session_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at",
            (session_id, json.dumps(answers, ensure_ascii=False), time.time()),
        )
        if self.expire_after is not None and time.monotonic() - self._purged_at > min(PURGE_EVERY, self.expire_after):
            self._purged_at = time.monotonic()
            db.execute("DELETE FROM answers WHERE updated_at < ?", (self._cutoff(),))

    def _cutoff(self) -> float:
        return time.time() - self.expire_after if self.expire_after is not None else float("-inf")

    def _transaction(self):
        return _Immediate(self._connection())

    def _connection(self) -> sqlite3.Connection:
        # One connection per thread: sqlite3 connections must not cross threads.
        db = getattr(self._local, "db", None)
        if db is None:
            if not self._ready:
                with self._lock:
                    if not self._ready:
                        self._create()
                        self._ready = True
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def _create(self) -> None:
        """The file, readable by its owner only (answers are personal), in WAL mode, with its table."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            stat = self.path.stat()
            if stat.st_mode & 0o077 and stat.st_uid == os.geteuid() and os.access(self.path, os.W_OK):
                self.path.chmod(0o600)  # made world-readable by an earlier version
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS answers ("
                       " session_id TEXT PRIMARY KEY, answers TEXT NOT NULL, updated_at REAL NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS answers_updated_at ON answers (updated_at)")
        except sqlite3.OperationalError as error:
            if "readonly" not in str(error):
                raise  # a read-only file can still be read: each write says what to do
        finally:
            db.close()


class _Immediate:
    """BEGIN IMMEDIATE ... COMMIT: the write lock is taken before the read, so no two merges interleave."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.Error:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")


__all__ = ["AnswerStore", "AnswersUnavailable", "SQLiteAnswerStore"]
