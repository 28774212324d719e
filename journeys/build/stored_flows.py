"""Checked flows kept between builds: a flow file whose bytes are unchanged is not parsed or checked again.

Reading and checking 200 flow files is most of an incremental rebuild that renders one of them.
A build keeps each flow as read (the Flow and every problem found in it, so a kept flow still
reports each one) in the project's .journeys/cache/flows/, one file per flow file. An entry is
used only when everything the reading depends on is as it was: the flow file's bytes, its name
and address, the layouts' names, the bytes of every data list, Journeys' own code and
libraries. Anything else reads the file again and replaces the entry. Problems across flows
(shared answers, clashing addresses) are checked afresh on every build, from the flows.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
STORE_VERSION = 1


class StoredFlows:
    """Flows as read, by their flow file, kept while nothing they were read from has changed."""

    def __init__(self, folder: Path, code: Callable[[], object]):
        self.folder = folder
        self._code = code  # Journeys' code and libraries, as a JSON-able value: asked once, when first needed
        self._code_key: str | None = None
        self._list_digests: dict[Path, str | None] = {}  # each data list hashed once a build, not once a flow

    def read(self, path: Path, names: tuple, list_files: tuple[Path, ...], read: Callable[[Path], T]) -> T:
        """`read(path)`, or what it gave for the same bytes of `path` and `list_files`, `names` and code."""
        content = path.read_bytes()
        key = self._key(path, content, names, list_files)
        entry = self.folder / (hashlib.sha256(os.fsencode(path)).hexdigest()[:24] + ".pickle")
        kept = _load(entry)
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key:
            return kept[1]
        value = read(path)
        if path.read_bytes() == content:  # not edited while it was read
            _save(entry, (key, value))
        return value

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


def _load(entry: Path):
    try:
        data = entry.read_bytes()
    except OSError:
        return None
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


def _save(entry: Path, value) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        draft = entry.with_name(f"{entry.name}.{os.getpid()}")
        draft.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(draft, entry)
    except OSError:
        pass  # a read-only project builds, only without the store
