"""Parsed files kept until the file on disk changes, so an edit shows on the next request."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


class FileCache:
    """Results of reading files, each kept while the file's size and modification time hold.

    `read` should be a module-level function: it is part of the key, with `args`, so a
    lambda made per call would never be found again (and the cache would grow forever).
    """

    def __init__(self):
        self._entries: dict = {}
        self._lock = threading.Lock()
        self._generation = 0

    def get(self, path: Path, read: Callable[..., T], *args) -> T:
        """read(path, *args), or what it returned last time if the file has not changed since."""
        # Taken before reading: a clear() while the file is read makes this result stale.
        generation = self._generation
        stat = path.stat()
        key = (path, read, args)
        stamp = (stat.st_mtime_ns, stat.st_size, generation)
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and entry[0] == stamp:
            return entry[1]
        value = read(path, *args)
        with self._lock:
            self._entries[key] = (stamp, value)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget everything, including what is being read right now (the dev server calls this on every save)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()
