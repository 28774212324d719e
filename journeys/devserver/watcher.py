"""Watching a prototype's folders: one call per save, once the burst of events has settled.

An editor's save is several file system events (write, close, rename a temporary file over
the original). They are collected until none has come for QUIET seconds and handed over
together, so one save is one reload; an event during the hand-over starts the next batch,
so the last edit of a burst is never dropped.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

QUIET = 0.05
# Changes to content. Not opened/closed-without-writing: the server reads these files all day.
EVENTS = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
          DirCreatedEvent, DirDeletedEvent, DirMovedEvent]
# Editors' own files: vim's swap and write-test files, backups, JetBrains' safe-write copies.
EDITOR_FILES = (".swp", ".swx", ".swo", "~", "___jb_tmp___", "___jb_old___")
EDITOR_NAMES = {"4913"}

# What happened to a path, as far as a reload cares.
EDITED, CREATED, DELETED = "edited", "created", "deleted"
Batch = dict  # {Path: {EDITED, CREATED, DELETED}}

log = logging.getLogger(__name__)


class Debouncer:
    """Collects changes and hands them to `deliver` once none has come for `quiet` seconds."""

    def __init__(self, deliver: Callable[[Batch], None], quiet: float = QUIET):
        self._deliver = deliver
        self._quiet = quiet
        self._pending: Batch = {}
        self._last = 0.0
        self._wake = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="journeys-debounce", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def add(self, path: Path, what: str) -> None:
        with self._wake:
            self._pending.setdefault(path, set()).add(what)
            self._last = time.monotonic()
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._pending and not self._stopped:
                    self._wake.wait()
                while not self._stopped and (left := self._last + self._quiet - time.monotonic()) > 0:
                    self._wake.wait(left)
                if self._stopped:
                    return
                batch, self._pending = self._pending, {}
            try:
                self._deliver(batch)
            except Exception:  # a failed reload must not stop the next one
                log.exception("Could not handle the changes to %s", ", ".join(map(str, batch)))


def is_editor_file(path: Path) -> bool:
    return path.name.endswith(EDITOR_FILES) or path.name in EDITOR_NAMES


class _Events(FileSystemEventHandler):
    def __init__(self, watcher: "FolderWatcher"):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        source = Path(os.fsdecode(event.src_path))
        if isinstance(event, (FileMovedEvent, DirMovedEvent)):
            # An atomic save renames a temporary file over the original: the original was edited.
            self._add(source, DELETED)
            self._add(Path(os.fsdecode(event.dest_path)), EDITED)
        elif isinstance(event, (FileCreatedEvent, DirCreatedEvent)):
            self._add(source, CREATED)
        elif isinstance(event, (FileDeletedEvent, DirDeletedEvent)):
            self._add(source, DELETED)
        else:
            self._add(source, EDITED)

    def _add(self, path: Path, what: str) -> None:
        folders = self.watcher.folders
        if path in folders:
            self.watcher._unwatch(path) if what == DELETED else self.watcher._watch(path)
            self.watcher.debouncer.add(path, what)
            return
        folder = next((f for f in folders if path.is_relative_to(f)), None)
        if folder is None:
            return  # something else in the project folder
        inside = path.relative_to(folder).parts
        if not any(part.startswith(".") for part in inside) and not is_editor_file(path):
            self.watcher.debouncer.add(path, what)


class FolderWatcher:
    """Calls `on_change(batch)` after each settled burst of changes under `folders`.

    Each folder's parent is watched too, so a `layouts/` made (or deleted and made again)
    while the server runs is watched from then on.
    """

    def __init__(self, folders: list[Path], on_change: Callable[[Batch], None], quiet: float = QUIET):
        self.folders = [Path(f).resolve() for f in folders]
        self.debouncer = Debouncer(on_change, quiet)
        self.observer = Observer()
        self._events = _Events(self)
        self._watches: dict = {}
        self._lock = threading.Lock()

    def start(self) -> None:
        for parent in {f.parent for f in self.folders if f.parent.is_dir()}:
            self.observer.schedule(self._events, str(parent), recursive=False,
                                   event_filter=[DirCreatedEvent, DirDeletedEvent, DirMovedEvent])
        for folder in self.folders:
            self._watch(folder)
        self.debouncer.start()
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)
        self.debouncer.stop()

    def _watch(self, folder: Path) -> None:
        with self._lock:
            if folder in self._watches or not folder.is_dir():
                return
            self._watches[folder] = self.observer.schedule(self._events, str(folder), recursive=True,
                                                           event_filter=EVENTS)

    def _unwatch(self, folder: Path) -> None:
        with self._lock:
            watch = self._watches.pop(folder, None)
        if watch is not None:
            try:
                self.observer.unschedule(watch)
            except KeyError:
                pass  # watchdog already dropped the watch of a deleted folder
