"""Parsed files kept until the file on disk changes, so an edit shows on the next request."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


class FileCache:
    """Results of reading files, each kept while the file's size and modification time hold."""

    def __init__(self):
        self._entries: dict = {}
        self._lock = threading.Lock()

    def get(self, path: Path, read: Callable[[Path], T]) -> T:
        stat = path.stat()
        # Callers pass a lambda made afresh on each call: key by its code, or nothing is ever found.
        key = (path, getattr(read, "__code__", read))
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and entry[0] == stamp:
            return entry[1]
        value = read(path)
        with self._lock:
            self._entries[key] = (stamp, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
