"""Freezing pages: each one rendered through the app, its URLs rewritten, written with its .gz.

Pages are shared out between processes, one per core: rendering is pure Python, so threads
would take turns. A forked process (Linux) reuses the main process's app; a spawned one
(macOS) makes its own from the project folder.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from flask import Flask

from journeys.build import output_folder, rewrite
from journeys.build.build_app import PageError, build_app, render
from journeys.build.site_map import output_path
from journeys.problems import Problem, problems_from
from journeys.web.state import state

PAGES_PER_PROCESS = 50  # below this, starting another process costs more than it saves


@dataclass(frozen=True)
class Job:
    """What every process needs to freeze its share of pages."""

    project: str
    root: str  # the folder being built
    base: str
    hashed: dict[str, str]

    def to_url(self, url: str) -> str:
        return self.base.rstrip("/") + self.hashed.get(url, url)


@dataclass
class Frozen:
    """What freezing some pages gave: counts, and the problems of the pages that failed."""

    tried: int = 0
    pages: int = 0
    files: int = 0
    bytes: int = 0
    problems: list[Problem] = field(default_factory=list)

    def add(self, other: "Frozen") -> None:
        self.tried += other.tried
        self.pages += other.pages
        self.files += other.files
        self.bytes += other.bytes
        self.problems += other.problems


def freeze_pages(app: Flask, urls: list[str], job: Job, progress: Callable[[int, int], None],
                 processes: int | None = None) -> Frozen:
    """Render and write every page in `urls`, in `processes` processes (default: one per core)."""
    total = Frozen()
    workers = processes or max(1, min(_cores(), len(urls) // PAGES_PER_PROCESS))
    # Small enough chunks that no process idles long at the end, large enough to be few.
    chunks = _chunks(urls, max(20, min(200, len(urls) // (workers * 10) or 1)))
    if workers == 1:
        for chunk in chunks:
            total.add(freeze_chunk(app, chunk, job))
            progress(total.tried, len(urls))
        return total
    global _forked_app
    _forked_app = app  # a forked process starts with this app, its templates already loaded
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        for result in pool.imap_unordered(_worker_chunk, chunks):
            total.add(result)
            progress(total.tried, len(urls))
    return total


def freeze_chunk(app: Flask, urls: list[str], job: Job) -> Frozen:
    """Render, rewrite and write some pages; a page that fails adds its problems instead."""
    done = Frozen()
    project = state(app).project
    for url in urls:
        done.tried += 1
        try:
            content = render(app, url)
        except PageError as error:
            done.problems.append(Problem(url, None, str(error), "Every page of a build must answer 200 OK."))
            continue
        except Exception as error:  # a page's own mistake: reported with its file and line
            done.problems += problems_from(error, project)
            continue
        path = output_path(url)
        if path.endswith(".html"):
            content = rewrite.html(content.decode("utf-8"), job.to_url).encode("utf-8")
        files, size = output_folder.write(Path(job.root), path, content)
        done.pages, done.files, done.bytes = done.pages + 1, done.files + files, done.bytes + size
    return done


_forked_app: Flask | None = None
_worker: tuple[Flask, Job] | None = None


def _start_worker(job: Job) -> None:
    global _worker
    # Ctrl-C reaches every process: the main one stops the build and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Started by fork, a worker has the main process's app; started afresh (spawn), it makes one.
    _worker = (_forked_app or build_app(job.project), job)


def _worker_chunk(urls: list[str]) -> Frozen:
    app, job = _worker
    return freeze_chunk(app, urls, job)


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1
