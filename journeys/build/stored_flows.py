"""Checked flows kept between builds: a flow file whose bytes are unchanged is not parsed or checked again.

Reading and checking 200 flow files is most of an incremental rebuild that renders one of them.
A build keeps each flow as read (the Flow and every problem found in it, so a kept flow still
reports each one) in the project's .journeys/cache/flows/, one file per flow file. An entry is
used only when everything the reading depends on is as it was: the flow file's bytes, its name
and address, the layouts' names, the bytes of every data list, Journeys' own code and
libraries. Anything else reads the file again and replaces the entry. Problems across flows
(shared answers, clashing addresses) are checked afresh on every build, from the flows.

Flows not kept (a first build, or Journeys updated) are read a share per core at once
(`read_ahead`): reading and checking 200 flow files of 50 pages takes about 1.8 s in one process.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
STORE_VERSION = 1
FLOWS_PER_PROCESS = 8  # fewer to read than this each, and a second process costs more than it saves


class StoredFlows:
    """Flows as read, by their flow file, kept while nothing they were read from has changed."""

    def __init__(self, folder: Path, code: Callable[[], object]):
        self.folder = folder
        self._code = code  # Journeys' code and libraries, as a JSON-able value: asked once, when first needed
        self._code_key: str | None = None
        self._list_digests: dict[Path, str | None] = {}  # each data list hashed once a build, not once a flow
        self._ready: dict[Path, tuple[str, object]] = {}  # path -> (key, value), read ahead

    def read(self, path: Path, names: tuple, list_files: tuple[Path, ...], read: Callable[[Path], T]) -> T:
        """`read(path)`, or what it gave for the same bytes of `path` and `list_files`, `names` and code."""
        ready = self._ready.pop(path, None)
        if ready is not None:  # read ahead a moment ago, with the same names and lists
            return ready[1]
        content, key, kept = self._look_up(path, names, list_files)
        if kept is not None:
            return kept[1]
        value = read(path)
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        _save_unless_edited(self._entry(path), path, content, data)
        return value

    def read_ahead(self, requests: list[tuple[Path, tuple, tuple[Path, ...], Callable[[Path], T]]]) -> None:
        """Before `read` is asked for each of `requests`: read those not kept, a share per core at once.

        Each share's process reads its flows and keeps them in the store; this process reads one
        share itself and takes the others' from them. Only where processes fork (Linux).
        """
        from journeys.build.workers import cores, die_with_parent  # workers imports the app; this module must not

        count = cores()
        missing = []
        for path, names, list_files, read in requests:
            content, key, kept = self._look_up(path, names, list_files)
            if kept is not None:
                self._ready[path] = kept
            else:
                missing.append((path, content, key, read))
        if count < 2 or len(missing) < 2 * FLOWS_PER_PROCESS or multiprocessing.get_start_method() != "fork":
            return
        global _reading
        _reading = [(path, content, key, read, self._entry(path)) for path, content, key, read in missing]
        shares = [list(range(start, len(_reading), count)) for start in range(count)]
        try:
            with multiprocessing.get_context("fork").Pool(count - 1, initializer=die_with_parent,
                                                          initargs=(os.getpid(),)) as pool:
                theirs = pool.map_async(_read_share, shares[1:])
                for index in shares[0]:
                    self._keep(index, _read_one(index))
                for share, results in zip(shares[1:], theirs.get()):
                    for index, data in zip(share, results):
                        self._keep(index, data)
        finally:
            _reading = []

    def _keep(self, index: int, data: bytes | None) -> None:
        """A flow read ahead, for `read` to take: unless it failed, which `read` then meets itself."""
        if data is not None:
            self._ready[_reading[index][0]] = _loads(data)

    def _look_up(self, path: Path, names: tuple, list_files: tuple[Path, ...]) -> tuple[bytes, str, tuple | None]:
        """The file's bytes, its key, and the (key, value) the store keeps for that key, or None."""
        content = path.read_bytes()
        key = self._key(path, content, names, list_files)
        kept = _load(self._entry(path))
        return content, key, kept if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key else None

    def _entry(self, path: Path) -> Path:
        return self.folder / (hashlib.sha256(os.fsencode(path)).hexdigest()[:24] + ".pickle")

    def _key(self, path: Path, content: bytes, names: tuple, list_files: tuple[Path, ...]) -> str:
        if self._code_key is None:
            self._code_key = hashlib.sha256(json.dumps(self._code(), sort_keys=True, default=str).encode()).hexdigest()
        lists = [(str(file), self._list_digest(file)) for file in sorted(list_files)]
        described = json.dumps([STORE_VERSION, self._code_key, str(path), hashlib.sha256(content).hexdigest(),
                                names, lists], default=str)
        return hashlib.sha256(described.encode()).hexdigest()

    def _list_digest(self, path: Path) -> str | None:
        if path not in self._list_digests:
            self._list_digests[path] = _digest(path)
        return self._list_digests[path]


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# The flows being read ahead: (path, its bytes, its key, how to read it, its entry), inherited by
# the forked processes, which are told only which to read.
_reading: list = []


def _read_share(indexes: list[int]) -> list[bytes | None]:
    return [_read_one(index) for index in indexes]


def _read_one(index: int) -> bytes | None:
    """Read one flow and keep it in the store; what was kept, or None if reading it failed."""
    path, content, key, read, entry = _reading[index]
    try:
        data = pickle.dumps((key, read(path)), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # its problem is met again, and reported, when the build reads it
        return None
    _save_unless_edited(entry, path, content, data)
    return data


def _load(entry: Path):
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    return _loads(data)


def _loads(data: bytes):
    # Unpickling makes many small objects: Python's garbage collector, run again and again as
    # they are made, would take ten times as long as the unpickling itself.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    except Exception:  # a damaged or outdated entry is read again, never trusted
        return None
    finally:
        if enabled:
            gc.enable()


def _save_unless_edited(entry: Path, path: Path, content: bytes, data: bytes) -> None:
    """Keep `data`, read from `path`, unless the file was edited while it was read (it is no longer `content`)."""
    if path.read_bytes() == content:
        _save(entry, data)


def _save(entry: Path, data: bytes) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        draft = entry.with_name(f"{entry.name}.{os.getpid()}")
        draft.write_bytes(data)
        os.replace(draft, entry)
    except OSError:
        pass  # a read-only project builds, only without the store
