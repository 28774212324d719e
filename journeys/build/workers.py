"""Freezing pages in several processes, one per core: a Frozen-Flask Freezer in each, over shares of the URLs.

Rendering is pure Python, so threads would take turns. A forked process (Linux) reuses the
main process's app and Freezer, templates already loaded; a spawned one (macOS) makes its own
from the project folder. Shares are handed out a chunk at a time, so no process idles at the end.
A worker ends with the build, however the build ends: even killed with SIGKILL, which no Python
code of the build's can see.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
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
                 processes: int | None = None, meanwhile: Callable[[], object] = lambda: None) -> Frozen:
    """Freeze every page in `urls`, in `processes` processes (default: one per core).

    `meanwhile()` is this process's own work, done while the other processes render pages
    (after them, when there are none).
    """
    total = Frozen()
    workers = processes or max(1, min(cores(), len(urls) // PAGES_PER_PROCESS))
    # Small enough chunks that no process idles long at the end, large enough to be few.
    chunks = _chunks(urls, max(20, min(200, len(urls) // (workers * 10) or 1)))
    if workers == 1:
        for chunk in chunks:
            total.add(freezer.freeze_share(chunk))
            progress(total.tried, len(urls))
        meanwhile()
        return total
    global _forked_freezer
    _forked_freezer = freezer  # a forked process starts with this Freezer and its app
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker, initargs=(job, os.getpid())) as pool:
        shares = pool.imap_unordered(_worker_share, chunks)
        meanwhile()
        for result in shares:
            total.add(result)
            progress(total.tried, len(urls))
    return total


_forked_freezer: SiteFreezer | None = None
_worker_freezer: SiteFreezer | None = None


def _start_worker(job: Job, build_pid: int) -> None:
    global _worker_freezer
    die_with_parent(build_pid)
    # Ctrl-C reaches every process: the main one stops the build and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_freezer = _forked_freezer or _spawned_freezer(job)


PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """End this process when its parent process ends, however it ends."""
    if sys.platform.startswith("linux"):
        # The kernel kills this process the moment its parent dies, even mid-page.
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    watch_parent()  # macOS has no such call: there, this alone
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent ended before either was in place


def watch_parent() -> None:
    """End this process, started by multiprocessing, once its parent has ended."""
    # The pipe from the parent closes when it ends, however it ends; a forked sibling holds an
    # earlier sibling's pipe open, but ends first, so they end one after the other.
    threading.Thread(target=_exit_when_ready, args=(multiprocessing.parent_process().sentinel,),
                     daemon=True, name="watch-parent").start()


def _exit_when_ready(sentinel) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


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


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1
