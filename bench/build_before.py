"""The build as it was before Frozen-Flask drove it (commit 1c3f033), kept as the benchmark's baseline.

Its own freezing loop (journeys/build/workers.py, the render function it used and the hand-kept
site map), copied as they were; everything else is today's code: the app, its rendering, the
checks, the asset pipeline and the output folder. bench/build.py times it in the same run as
the new build, so the comparison is of the freezing loops alone.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from flask import Flask
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.test import EnvironBuilder

from journeys.assets import all_assets, find_asset
from journeys.build import hashed_assets, output_folder, rewrite
from journeys.build.build_app import build_app
from journeys.flows.flow_files import flow_urls
from journeys.problems import ContentError, Problem, problems_from
from journeys.prototype_checks import check_prototype
from journeys.web.state import state

ROBOTS_TXT = b"User-agent: *\nDisallow: /\n"
BUILT_IN_PAGES = ["/clear-answers", "/scenarios"]
PAGES_PER_PROCESS = 50


def build(project_dir, out, base_url: str = "/", report: Callable[[str], None] = print,
          processes: int | None = None) -> int:
    """Freeze the prototype in `project_dir` into `out` as the old build did; the number of pages."""
    base = rewrite.normal_base(base_url)
    app = build_app(project_dir)
    project = state(app).project
    problems = check_prototype(state(app).source.current())
    pages, files = site_map(app)
    assets = hashed_assets.prepare(files, base)
    with output_folder.staging(Path(out)) as folder:
        job = Job(str(project.root), str(folder), base, assets.hashed)
        written = _not_found_page(app, job)
        written.add(freeze_pages(app, pages, job, lambda done, total: None, processes))
        if problems or written.problems:
            raise ContentError(problems + written.problems)
        for url, content in sorted(assets.files.items()):
            output_folder.write(folder, url.lstrip("/"), content)
        output_folder.write(folder, "robots.txt", ROBOTS_TXT)
        output_folder.swap_in(folder, Path(out))
    return written.pages


def site_map(app: Flask) -> tuple[list[str], dict[str, Path]]:
    """The hand-kept list of pages, and the files to copy (today's model gives the lists)."""
    prototype, govuk = state(app).source.current(), state(app).govuk
    pages = list(prototype.pages) + BUILT_IN_PAGES
    for flow in prototype.flows.values():
        pages += [f"/{flow.slug}", *flow_urls(flow), f"/assets/flows/{flow.slug}.json"]
    pages += [f"/scenarios/{name}" for name in prototype.scenarios]
    if os.environ.get("BENCH_SAME_PAGES"):  # bench/build.py --same-pages: the journey maps too
        pages += ["/_journeys/map", *(f"/_journeys/map/{slug}" for slug in prototype.flows)]
        pages += [f"/_journeys/map/{s.flow}/scenario/{s.name}" for s in prototype.scenarios.values()]
    files = {f"/assets/{path}": find_asset(govuk, path) for path in all_assets(govuk)}
    files.update({f"/static/{path}": prototype.static_file(path) for path in prototype.listing.static})
    return pages, {url: path for url, path in files.items() if path is not None}


def output_path(url: str) -> str:
    path = url.strip("/")
    if "." in path.rsplit("/", 1)[-1]:
        return path
    return f"{path}/index.html" if path else "index.html"


# ---- journeys/build/workers.py as it was ----

@dataclass(frozen=True)
class Job:
    project: str
    root: str
    base: str
    hashed: dict[str, str]

    def to_url(self, url: str) -> str:
        return self.base.rstrip("/") + self.hashed.get(url, url)


@dataclass
class Frozen:
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
    total = Frozen()
    workers = processes or max(1, min(_cores(), len(urls) // PAGES_PER_PROCESS))
    chunks = _chunks(urls, max(20, min(200, len(urls) // (workers * 10) or 1)))
    if workers == 1:
        for chunk in chunks:
            total.add(freeze_chunk(app, chunk, job))
            progress(total.tried, len(urls))
        return total
    global _forked_app
    _forked_app = app
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        for result in pool.imap_unordered(_worker_chunk, chunks):
            total.add(result)
            progress(total.tried, len(urls))
    return total


def freeze_chunk(app: Flask, urls: list[str], job: Job) -> Frozen:
    done = Frozen()
    project = state(app).project
    for url in urls:
        done.tried += 1
        try:
            content = render(app, url)
        except PageError as error:
            done.problems.append(Problem(url, None, str(error), "Every page of a build must answer 200 OK."))
            continue
        except Exception as error:
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
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = (_forked_app or build_app(job.project), job)


def _worker_chunk(urls: list[str]) -> Frozen:
    app, job = _worker
    return freeze_chunk(app, urls, job)


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# ---- the render functions of journeys/build/build_app.py as they were ----

class PageError(Exception):
    """A page answered with something other than 200 OK."""


def render(app: Flask, url: str) -> bytes:
    with app.request_context(_environ(url)):
        try:
            result = app.preprocess_request()
            if result is None:
                result = app.dispatch_request()
        except HTTPException as error:
            raise PageError(f"{url} answered {error.code} {error.name}") from None
        response = app.process_response(app.make_response(result))
    if response.status_code != 200:
        raise PageError(f"{url} answered {response.status}")
    return response.get_data()


def render_not_found(app: Flask) -> bytes:
    with app.request_context(_environ("/404.html")):
        result = app.handle_user_exception(NotFound())
        response = app.process_response(app.make_response(result))
    if response.status_code != 404:
        raise PageError(f"the 404 page answered {response.status}")
    return response.get_data()


def _not_found_page(app, job: Job) -> Frozen:
    result = Frozen(tried=1)
    html = render_not_found(app).decode("utf-8")
    result.files, result.bytes = output_folder.write(Path(job.root), "404.html",
                                                     rewrite.html(html, job.to_url).encode("utf-8"))
    result.pages = 1
    return result


_BLANK_ENVIRON = EnvironBuilder(path="/", base_url="http://localhost/").get_environ()


def _environ(url: str) -> dict:
    return {**_BLANK_ENVIRON, "PATH_INFO": url.encode("utf-8").decode("latin-1")}


if __name__ == "__main__":  # a quick check: python bench/build_before.py PROJECT OUT
    import sys

    started = time.perf_counter()
    print(build(sys.argv[1], sys.argv[2], report=lambda line: None), "pages in",
          f"{time.perf_counter() - started:.1f} s")
