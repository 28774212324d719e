"""Parsed files kept until the file on disk changes, so an edit shows on the next request."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


class FileCache:
    """Results of reading files, each kept while the file's size and modification time hold."""

    def __init__(self, keep: bool = False):
        self.keep = keep  # nothing changes on disk (a build): a file read once is kept, unchecked
        self._entries: dict = {}
        self._lock = threading.Lock()
        self._generation = 0

    def get(self, path: Path, kind: str, read: Callable[[Path], T],
            depends: tuple[Path, ...] | Callable[[], tuple[Path, ...]] = ()) -> T:
        """`read(path)`, read again only when `path` or a file it `depends` on has changed.

        Entries are kept by path and `kind` (what is read: "flow", "settings"...), never by
        the `read` function, which callers may make afresh on every request. `depends` may be
        a function, called only when the file is read: the files it names are kept with the
        entry and checked on every later use.
        """
        key = (path, kind)
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None:
            generation, stamps, files, value = entry
            if generation == self._generation and (self.keep or stamps == tuple(_stamp(file) for file in (path, *files))):
                return value
        # Taken before reading: a clear(), or a change, while the file is read makes this stale.
        generation = self._generation
        files = depends() if callable(depends) else depends
        stamps = tuple(_stamp(file) for file in (path, *files))
        value = read(path)
        with self._lock:
            self._entries[key] = (generation, stamps, files, value)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        """Forget everything, including what is being read right now (the dev server calls this on every save)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()


def _stamp(path: Path):
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
