"""Benchmark: `journeys build` against a plain Frozen-Flask freeze and the build before it, same run.

    .venv/bin/python bench/build.py                       # 1,000 and 10,000 pages, 3 rounds
    .venv/bin/python bench/build.py --sizes 100,1000 --rounds 5 --write results.md

Every build runs in its own process (so peak memory is its own) into a new, empty folder.
Rounds interleave the builds, so a busy moment on a shared machine slows all of them alike,
each round starting with the next one, so none always runs right after the same build; the
disk is synced before each build, so none pays for writing out the files of the one before.
The tables show medians. The pages are YAML flows (bench/prototype.py), rendered by every
build from the same app, so all write the same HTML. Every Journeys build is a first build:
nothing is kept from an earlier one. Outputs are deleted only between sizes, then the disk is
left to settle: on a disk mounted with `discard`, a large delete slows the writes after it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

# "frozen-flask": a plain Frozen-Flask loop, as a team would wire it to these templates: Flask's
# own Jinja environment, each GOV.UK macro called as it is; every ratio is to it. "frozen-flask,
# fast rendering": the same loop through Journeys' own rendering (shared macro HTML, question
# shapes), which the live server also has (not run by default). "journeys before": the build
# with its own freezing loop, as it was before Frozen-Flask drove it (bench/build_before.py),
# the second baseline. "journeys": `journeys build` as it is.
KINDS = ("frozen-flask", "frozen-flask, fast rendering", "journeys before", "journeys")
DEFAULT_KINDS = ("frozen-flask", "journeys before", "journeys")
DEFAULT_WORK = "/var/tmp" if os.access("/var/tmp", os.W_OK) else None
# After deleting the outputs of one size, before building the next: on ext4 without a journal
# (as /var/tmp is here) every file made within 30 seconds of a delete first steps over each
# inode freed (bench/RESULTS.md, "The build against the disk").
SETTLE_SECONDS = 35


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="question pages per prototype")
    parser.add_argument("--kinds", default=",".join(DEFAULT_KINDS), help=f"builds to time, of: {', '.join(KINDS)}")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", help="also write the results, as Markdown, to this file")
    parser.add_argument("--work", default=DEFAULT_WORK,
                        help="where the prototypes and builds go (default: /var/tmp)")
    parser.add_argument("--same-pages", action="store_true",
                        help="the baselines freeze the journey maps too (each drawn by a dot of its own), "
                             "as journeys build does: the same pages in every build")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PROJECT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.same_pages:
        os.environ["BENCH_SAME_PAGES"] = "1"  # read by bench/build_before.py's list of pages, in each child
    if args.child:
        print(json.dumps(run_one(*args.child)))
        return 0

    sizes = [int(size) for size in args.sizes.split(",")]
    kinds = [kind.strip() for kind in args.kinds.split(",")]
    if not set(kinds) <= set(KINDS) or "frozen-flask" not in kinds:
        parser.error(f"--kinds: some of {', '.join(KINDS)}, frozen-flask included (the ratios' baseline)")
    load_before = os.getloadavg()
    results = {}
    with tempfile.TemporaryDirectory(prefix="journeys-bench-", dir=args.work) as work:
        for size in sizes:
            project = make_prototype(Path(work) / f"p{size}", size)
            results[size] = {kind: [] for kind in kinds}
            time.sleep(SETTLE_SECONDS)
            for round_number in range(args.rounds):
                # Each round starts with the next build, so none always follows the same one.
                turn = round_number % len(kinds)
                for kind in kinds[turn:] + kinds[:turn]:
                    shutil.rmtree(project / ".journeys", ignore_errors=True)
                    # The previous build's files reach the disk now, not while this one runs.
                    os.sync()
                    out = Path(work) / f"out-{size}-{round_number}-{kind.replace(' ', '-')}"
                    result = child(kind, project, out)
                    results[size][kind].append(result)
                    print(f"{size:>6} pages, round {round_number + 1}, {kind:<28} "
                          f"{result['pages'] / result['seconds']:8.0f} pages/s", file=sys.stderr, flush=True)
            for out in Path(work).glob(f"out-{size}-*"):
                shutil.rmtree(out)
    report = markdown(results, args.rounds, load_before, os.getloadavg(), args.work)
    print(report)
    if args.write:
        Path(args.write).write_text(report)
    return 0


def make_prototype(folder: Path, size: int) -> Path:
    """A prototype of `size` question pages in YAML flows of 50 pages."""
    from prototype import write_flow_yaml

    return write_flow_yaml(folder, size)


def child(kind: str, project: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(project), str(out)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_one(kind: str, project: str, out: str) -> dict:
    """One build, timed from making the app to the last file written."""
    import warnings

    from build_before import build as build_before
    from build_before import site_map
    from flask_frozen import Freezer

    from journeys import create_app
    from journeys.build.freeze_site import build

    before = resource.getrusage(resource.RUSAGE_SELF)
    if kind.startswith("frozen-flask"):
        started = time.perf_counter()
        # The app as Journeys' build sets it up (FROZEN), so both write the same pages.
        app = create_app(project, SECRET_KEY="bench", ANSWERS_DB=str(Path(out).parent / "answers.sqlite3"), FROZEN=True)
        app.config["FREEZER_DESTINATION"] = out
        if kind == "frozen-flask":
            plain_rendering(app)
        freezer = Freezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
        # The same pages, listed as the build before listed them; '/a/' is written as
        # a/index.html, as journeys build writes '/a'.
        pages = [url for url in site_map(app)[0] if "." not in url.rsplit("/", 1)[-1]]
        # A journey map's address ends in the flow's path: a slash after it would name no flow.
        freezer.register_generator(lambda: [url if url.startswith("/_journeys/map/") else url.rstrip("/") + "/"
                                            for url in pages])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pages = len(freezer.freeze())
        seconds = time.perf_counter() - started
    elif kind == "journeys before":
        started = time.perf_counter()
        pages = build_before(project, out, report=lambda line: None)
        seconds = time.perf_counter() - started
    else:
        started = time.perf_counter()
        pages = build(project, out, report=lambda line: None).pages
        seconds = time.perf_counter() - started
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "pages": pages,
        "seconds": seconds,
        "peak_kb": own.ru_maxrss,
        "worker_peak_kb": workers.ru_maxrss,
        # CPU time in Python and in the kernel (creating files) of all processes, from the start.
        "user": own.ru_utime - before.ru_utime + workers.ru_utime,
        "system": own.ru_stime - before.ru_stime + workers.ru_stime,
    }


def plain_rendering(app) -> None:
    """Flask's own Jinja environment, and every question rendered by its GOV.UK macro."""
    import flask

    from journeys.rendering import environment, questions
    from journeys.web.state import state

    plain = flask.templating.Environment(app, **app.jinja_options)
    environment.configure(plain, state(app).project)
    app.jinja_env = plain
    questions.render_shaped = lambda macro, name, params: macro(params)


def markdown(results: dict, rounds: int, load_before, load_after, work) -> str:
    kinds_run = list(next(iter(results.values())))
    lines = [
        "## The build (`bench/build.py`)",
        "",
        f"`.venv/bin/python bench/build.py --sizes {','.join(map(str, results))} --rounds {rounds}"
        + (f" --kinds '{','.join(kinds_run)}'" if tuple(kinds_run) != DEFAULT_KINDS else "")
        + (f" --work {work}" if work != DEFAULT_WORK else "")
        + (" --same-pages" if os.environ.get("BENCH_SAME_PAGES") else "") + "`"
        f" on {time.strftime('%Y-%m-%d')}: {machine()}; files in {work or tempfile.gettempdir()}.",
        f"Load average (1, 5, 15 min) before: {', '.join(f'{x:.1f}' for x in load_before)}; "
        f"after: {', '.join(f'{x:.1f}' for x in load_after)}.",
        "",
        "Pages are generated question pages in YAML flows of 50 (radios that branch, a number or a",
        "past date, each with a hint and a caption, then check answers and a confirmation). Every",
        "build renders them from the same app. Medians of the rounds; each ratio is the median of",
        "the ratios within a round, to plain Frozen-Flask and to the build before Frozen-Flask drove it.",
        "Peak memory is the largest resident set of the main process and of any worker process. CPU is",
        "the time spent by all the build's processes, in Python (user) and in the kernel (system:",
        "mostly creating folders and files), per page.",
        "",
        "| pages | build | pages/s | seconds | vs Frozen-Flask | vs journeys before | CPU per page, user + system "
        "| peak memory (main / worker) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, kinds in results.items():
        speeds = {kind: [r["pages"] / r["seconds"] for r in runs] for kind, runs in kinds.items()}
        for kind, runs in kinds.items():
            worker = max(r["worker_peak_kb"] for r in runs)
            lines.append(
                f"| {size:,} | {kind} | {statistics.median(speeds[kind]):,.0f} | "
                f"{statistics.median(r['seconds'] for r in runs):.2f} | "
                f"{_ratio(speeds[kind], speeds['frozen-flask'])} | {_ratio(speeds[kind], speeds.get('journeys before'))} | "
                f"{statistics.median(r['user'] / r['pages'] * 1000 for r in runs):.1f} + "
                f"{statistics.median(r['system'] / r['pages'] * 1000 for r in runs):.1f} ms | "
                f"{max(r['peak_kb'] for r in runs) / 1024:.0f} MB / "
                + (f"{worker / 1024:.0f} MB |" if worker else "- |")
            )
    return "\n".join(lines) + "\n"


def _ratio(speeds: list[float], baseline: list[float] | None) -> str:
    """The median, over the rounds, of the speed over the baseline's in the same round."""
    if not baseline:
        return "-"
    return f"{statistics.median(speed / base for speed, base in zip(speeds, baseline)):.2f}x"


def machine() -> str:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({model or platform.machine()}), Python {platform.python_version()}, {platform.system()}"


if __name__ == "__main__":
    sys.exit(main())
