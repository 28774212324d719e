"""`journeys build`: the prototype frozen into static files, ready for any web server.

Gather everything, then write: the URLs and the finished assets first, then every page, all
into a new folder beside the output, which replaces the output only when nothing failed.
Frozen-Flask freezes every URL (freezer.py); this module puts the steps in order.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from unicodedata import normalize

from flask import Flask

from journeys.build import hashed_assets, output_folder, previous_build, rewrite, site_urls
from journeys.build.build_app import build_app
from journeys.build.build_client import render_not_found
from journeys.build.finished_responses import finish_responses
from journeys.build.freezer import Frozen, SiteFreezer, frozen_flask_warnings
from journeys.build.workers import Job, freeze_pages
from journeys.problems import ContentError, Problem, problems_from
from journeys.prototype_checks import check_prototype, check_published
from journeys.web.state import state

PROGRESS_STEPS = 10


@dataclass
class Summary:
    pages: int
    files: int
    bytes: int
    seconds: float
    out: Path

    def __str__(self) -> str:
        return (f"Built {self.pages:,} pages: {self.files:,} files, {_size(self.bytes)}, "
                f"in {self.seconds:.1f} s into {self.out}/")


def build(project_dir, out, base_url: str = "/", report: Callable[[str], None] = print,
          processes: int | None = None) -> Summary:
    """Freeze the prototype in `project_dir` into `out`, for a site served at `base_url`.

    Raises ContentError with every problem found; `out` is then left as it was. Pages are
    rendered in `processes` processes: by default one per core, or one for a small prototype.
    """
    return freeze(build_app(project_dir), out, base_url, report, processes)


def freeze(app: Flask, out, base_url: str = "/", report: Callable[[str], None] = print,
           processes: int | None = None) -> Summary:
    """Freeze the prototype served by `app` (made by build_app) into `out`: `build`, given the app."""
    started = time.perf_counter()
    base = rewrite.normal_base(base_url)
    # Everything is written into a staging folder beside `out`, swapped in whole once nothing has
    # failed. Flows unchanged since the last build are linked into it from `out` while the
    # prototype is read (previous_build.py).
    with output_folder.staging(Path(out), report) as folder, \
            previous_build.link_ahead(app, Path(out), folder, base) as early:
        pages, written = _freeze_into(app, folder, early, Path(out), base, report, processes)
    return Summary(pages, written.files, written.bytes, time.perf_counter() - started, Path(out))


def _freeze_into(app: Flask, folder: Path, early: previous_build.EarlyLinks, out: Path, base: str,
                 report: Callable[[str], None], processes: int | None) -> tuple[int, Frozen]:
    """Every page and file into `folder`, then `folder` swapped in for `out`; (pages, what was written)."""
    project = state(app).project
    # Every problem in every file, then every page that fails to render: all reported together,
    # and nothing is written to `out`.
    problems = check_prototype(state(app).source.current())
    report(f"Building {project.root} into {out}/" + (f" for {base}" if base != "/" else ""))
    _report_warnings([str(warning) for warning in check_published(state(app).source.current())], report)
    freezer = SiteFreezer(app, site_urls.url_generators(app))
    warned: list[str] = []
    with frozen_flask_warnings(warned):
        urls = freezer.site_urls()
    _report_warnings(warned, report)
    sources = site_urls.file_sources(app)
    report(f"  {len(sources):,} files: GOV.UK Frontend's CSS, JavaScript, fonts and images, and static/")
    _check_paths(freezer, [url for url, _ in urls])
    # Journey maps first: a share of them waits on one Graphviz process (freezer.freeze_share)
    # that draws on one core while the other processes render pages; drawn last, the others
    # would have nothing left to do while it ran.
    maps = {url for url, endpoint in urls if endpoint in site_urls.MAP_ENDPOINTS}
    pages = sorted(_unique(url for url, endpoint in urls if endpoint not in site_urls.FILE_ENDPOINTS),
                   key=lambda url: url not in maps)
    files = _unique(url for url, endpoint in urls if endpoint in site_urls.FILE_ENDPOINTS)
    assets = hashed_assets.prepare(sources, base)
    finish_responses(app, base, assets)

    freezer.write_into(folder, assets.hashed)
    # The 404 page first: it loads the layouts and GOV.UK macros every page uses, once.
    written = _not_found_page(app, folder)
    # Flows unchanged since the last build into `out`: their files linked from it, not rendered.
    reuse = previous_build.plan(app, out, base, assets.hashed, freezer.urlpath_to_filepath)
    linked = Frozen()
    site_files = [freezer.urlpath_to_filepath(url) for url, _ in urls]
    linked.files, linked.bytes = reuse.link_into(folder, out.resolve(), early, site_files)
    linked.written = len(reuse.linked)
    if reuse.linked:
        report(f"  {len(reuse.linked):,} pages unchanged since the last build, linked from it")
    skip = set(reuse.linked)
    written.add(linked)
    # The files (CSS, JavaScript, images) are frozen in this process while the others render pages.
    frozen_files = []
    written.add(freeze_pages(freezer, [url for url in pages if url not in skip],
                             Job(str(project.root), str(folder), base, assets.hashed),
                             _progress(report, already=written.written), processes,
                             meanwhile=lambda: frozen_files.append(freezer.freeze_share(files))))
    pages_written = written.written
    for done in frozen_files:
        written.add(done)
    _report_warnings(written.warnings, report)
    if problems or written.problems:
        raise ContentError(problems + written.problems)
    # Unchanged flows' folders of pages are moved from the old output, not linked a file at a time.
    reuse.borrow(folder)
    output_folder.swap_in(folder, out, reuse.borrowed)
    reuse.remember(out.resolve())
    return pages_written, written


def _not_found_page(app: Flask, folder: Path) -> Frozen:
    # Not a URL of the site (every URL Frozen-Flask fetches must answer 200): the app's own
    # 404 page, written as 404.html for the web server to send.
    result = Frozen(tried=1)
    try:
        html = render_not_found(app)
    except Exception as error:
        result.problems += problems_from(error, state(app).project)
        return result
    result.files, result.bytes = output_folder.write(folder, "404.html", html)
    result.written = 1
    return result


def _check_paths(freezer: SiteFreezer, urls: list[str]) -> None:
    """Two URLs must not need the same file: one would silently replace the other."""
    # NFC, as Frozen-Flask normalizes the file names it writes.
    paths = [normalize("NFC", freezer.urlpath_to_filepath(url)) for url in urls] + ["404.html"]
    clashes = [path for path, count in Counter(paths).items() if count > 1]
    if clashes:
        raise ContentError([Problem(path, None, "two pages or files would be written to this same file",
                                    "Rename one of them.") for path in clashes])


def _unique(urls) -> list[str]:
    return list(dict.fromkeys(urls))


def _report_warnings(messages: list[str], report: Callable[[str], None]) -> None:
    for message in messages:
        report(f"  Warning: {message}")


def _progress(report: Callable[[str], None], already: int = 0) -> Callable[[int, int], None]:
    """Progress counting the pages written before these (the 404 page): the last line's count is the summary's."""
    shown = {"step": 0}

    def progress(done: int, total: int) -> None:
        step = done * PROGRESS_STEPS // total if total else PROGRESS_STEPS
        if step > shown["step"] or done == total:
            shown["step"] = step
            report(f"  pages: {done + already:,} of {total + already:,}")

    return progress


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / 1024 / 1024:.1f} MB"
