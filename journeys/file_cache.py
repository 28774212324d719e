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

    def get(self, path: Path, kind: str, read: Callable[[Path], T], depends: tuple[Path, ...] = ()) -> T:
        """`read(path)`, read again only when `path` or a file it `depends` on has changed.

        Entries are kept by path and `kind` (what is read: "flow", "settings"...), never by
        the `read` function, which callers may make afresh on every request.
        """
        key = (path, kind)
        stamp = tuple(_stamp(file) for file in (path, *depends))
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


def _stamp(path: Path):
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
