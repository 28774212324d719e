"""Freezing pages in several processes, one per core: a Frozen-Flask Freezer in each, over shares of the URLs.

Rendering is pure Python, so threads would take turns. A forked process (Linux) reuses the
main process's app and Freezer, templates already loaded; a spawned one (macOS) makes its own
from the project folder. Shares are handed out a chunk at a time, so no process idles at the end.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from journeys.build.build_app import build_app
from journeys.build.finished_responses import finish_responses
from journeys.build.freezer import Frozen, SiteFreezer
from journeys.build.hashed_assets import Assets

PAGES_PER_PROCESS = 50  # below this, starting another process costs more than it saves


@dataclass(frozen=True)
class Job:
    """What a spawned process needs to make its own app and Freezer."""

    project: str
    root: str  # the folder being built
    base: str
    hashed: dict[str, str]


def freeze_pages(freezer: SiteFreezer, urls: list[str], job: Job, progress: Callable[[int, int], None],
                 processes: int | None = None) -> Frozen:
    """Freeze every page in `urls`, in `processes` processes (default: one per core)."""
    total = Frozen()
    workers = processes or max(1, min(_cores(), len(urls) // PAGES_PER_PROCESS))
    # Small enough chunks that no process idles long at the end, large enough to be few.
    chunks = _chunks(urls, max(20, min(200, len(urls) // (workers * 10) or 1)))
    if workers == 1:
        for chunk in chunks:
            total.add(freezer.freeze_share(chunk))
            progress(total.tried, len(urls))
        return total
    global _forked_freezer
    _forked_freezer = freezer  # a forked process starts with this Freezer and its app
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        for result in pool.imap_unordered(_worker_share, chunks):
            total.add(result)
            progress(total.tried, len(urls))
    return total


_forked_freezer: SiteFreezer | None = None
_worker_freezer: SiteFreezer | None = None


def _start_worker(job: Job) -> None:
    global _worker_freezer
    # Ctrl-C reaches every process: the main one stops the build and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_freezer = _forked_freezer or _spawned_freezer(job)


def _spawned_freezer(job: Job) -> SiteFreezer:
    """A Freezer for a process started afresh: its own app, finishing pages as the main process's does."""
    app = build_app(job.project)
    finish_responses(app, job.base, Assets({}, job.hashed))  # pages only: the main process writes the files
    freezer = SiteFreezer(app, [])
    freezer.write_into(Path(job.root), {})
    return freezer


def _worker_share(urls: list[str]) -> Frozen:
    return _worker_freezer.freeze_share(urls)


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1
