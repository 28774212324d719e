"""`journeys build`: the prototype frozen into static files, ready for any web server.

Gather everything, then write: the URLs and the finished assets first, then every page, all
into a new folder beside the output, which replaces the output only when nothing failed.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from journeys.build import hashed_assets, output_folder, rewrite
from journeys.build.build_app import build_app, render_not_found
from journeys.build.site_map import output_path, site_map
from journeys.build.workers import Frozen, Job, freeze_pages
from journeys.problems import ContentError, Problem, problems_from
from journeys.prototype_checks import check_prototype
from journeys.web.state import state

# Prototypes must never be indexed: every page also says noindex, and NGINX sends X-Robots-Tag.
ROBOTS_TXT = b"User-agent: *\nDisallow: /\n"
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
    started = time.perf_counter()
    base = rewrite.normal_base(base_url)
    app = build_app(project_dir)
    project = state(app).project
    # Every problem in every file, then every page that fails to render: all reported together,
    # and nothing is written to `out` (pages are rendered into a staging folder).
    problems = check_prototype(state(app).source.current())
    site = site_map(app)
    report(f"Building {project.root} into {out}/"
           + (f" for {base}" if base != "/" else ""))
    report(f"  {len(site.files):,} files: GOV.UK Frontend's CSS, JavaScript, fonts and images, and static/")
    _check_paths(site)
    assets = hashed_assets.prepare(site.files, base)

    with output_folder.staging(Path(out)) as folder:
        job = Job(str(project.root), str(folder), base, assets.hashed)
        # The 404 page first: it loads the layouts and GOV.UK macros every page uses, once.
        written = _not_found_page(app, job)
        written.add(freeze_pages(app, site.pages, job, _progress(report), processes))
        if problems or written.problems:
            raise ContentError(problems + written.problems)
        for url, content in sorted(assets.files.items()):
            files, size = output_folder.write(folder, url.lstrip("/"), content)
            written.files, written.bytes = written.files + files, written.bytes + size
        files, size = output_folder.write(folder, "robots.txt", ROBOTS_TXT)
        written.files, written.bytes = written.files + files, written.bytes + size
        output_folder.swap_in(folder, Path(out))
    return Summary(written.pages, written.files, written.bytes, time.perf_counter() - started, Path(out))


def _not_found_page(app, job: Job) -> Frozen:
    result = Frozen(tried=1)
    try:
        html = render_not_found(app).decode("utf-8")
    except Exception as error:
        result.problems += problems_from(error, state(app).project)
        return result
    result.files, result.bytes = output_folder.write(Path(job.root), "404.html", rewrite.html(html, job.to_url).encode("utf-8"))
    result.pages = 1
    return result


def _check_paths(site) -> None:
    """Two URLs must not need the same file: one would silently replace the other."""
    paths = [output_path(url) for url in site.pages] + [url.lstrip("/") for url in site.files]
    paths += ["404.html", "robots.txt"]
    clashes = [path for path, count in Counter(paths).items() if count > 1]
    if clashes:
        raise ContentError([Problem(path, None, "two pages or files would be written to this same file",
                                    "Rename one of them.") for path in clashes])


def _progress(report: Callable[[str], None]) -> Callable[[int, int], None]:
    shown = {"step": 0}

    def progress(done: int, total: int) -> None:
        step = done * PROGRESS_STEPS // total if total else PROGRESS_STEPS
        if step > shown["step"] or done == total:
            shown["step"] = step
            report(f"  pages: {done:,} of {total:,}")

    return progress


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / 1024 / 1024:.1f} MB"
