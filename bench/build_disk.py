"""Benchmark: `journeys build` against the disk: its time over `cp -a` of its own output, an incremental rebuild, growth.

    .venv/bin/python bench/build_disk.py                 # 3,000 pages in one flow, 10,000 in 200 flows, 3 rounds
    .venv/bin/python bench/build_disk.py --growth        # also 1,000 / 10,000 / 20,000 pages in one flow
    .venv/bin/python bench/build_disk.py --rebuild-only --rounds 5   # only the incremental rebuilds

A build cannot beat writing its output: in each round a clean build (into a new folder, then
`sync`) is timed, then `cp -a` of that output (then `sync`), in the same minute; the ratio is
the round's build time over its copy time. Then one page of the 10,000-page prototype is edited
(the title of one question, in one of its 200 flow files) and the build run again into the same
output, once a round: the incremental rebuild, timed until the command returns and to the end
of a `sync` after it. Each build runs in its own process (bench/build.py's child).

The outputs are kept until the end of the run. On a disk formatted ext4 without a journal (as
/var/tmp is here), the kernel will not reuse an inode for 30 seconds after it was freed, and
every file and folder made in that time first steps over each one freed: a build or a copy
started a few seconds after deleting 20,000 files spends most of its time in the kernel
(`perf record`: ext4's `recently_deleted`). `--after-delete` measures that too: each round's
outputs deleted and the next round started 5 seconds later.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]  # bench/build.py, not the build.py beside bench/

from build import DEFAULT_WORK, child, machine  # noqa: E402
from prototype import write_flow_yaml  # noqa: E402

CASES = {"3,000 pages, one flow": (3000, 3000), "10,000 pages, 200 flows": (10000, 50)}
GROWTH = (1000, 10000, 20000)
SETTLE_SECONDS = 5
MEMORY = "/dev/shm"  # a tmpfs: files in memory only
QUIET_SECONDS = 35  # the kernel steps over an inode freed less than 30 (35 while unwritten) seconds ago


def timed(command) -> float:
    began = time.perf_counter()
    command()
    os.sync()
    return time.perf_counter() - began


def clean_build_and_copy(project: Path, work: Path, name: str, after_delete: bool) -> tuple[float, float, int, float]:
    """(build seconds, cp -a seconds, pages, seconds building into memory) for a clean build of `project`.

    Each is followed by sync. The output and its copy are kept until the run ends, unless
    `after_delete`: then they are deleted, and the next round starts SETTLE_SECONDS later, in
    the 30 seconds the disk is slow. Then the same build into memory (MEMORY, a tmpfs) shows
    what the build costs with writing made free: the floor no work on the disk side can pass.
    """
    out, copy = work / f"out-{name}", work / f"copy-{name}"
    os.sync()
    result = {}
    seconds = timed(lambda: result.update(child("journeys", project, out)))
    copying = timed(lambda: subprocess.run(["cp", "-a", str(out), str(copy)], check=True))
    if after_delete:
        for folder in (out, copy):
            shutil.rmtree(folder)
        time.sleep(SETTLE_SECONDS)
        return seconds, copying, result["pages"], float("nan")
    with tempfile.TemporaryDirectory(prefix="journeys-disk-", dir=MEMORY) as memory:
        in_memory = timed(lambda: child("journeys", project, Path(memory) / "out"))
    return seconds, copying, result["pages"], in_memory


def incremental(project: Path, work: Path, rounds: int) -> tuple[float, list[tuple[float, float]]]:
    """The first build's seconds, then (until it returns, then synced) for each rebuild after editing one page.

    Each rebuild edits the same page again, a few seconds after the build before it, as a
    designer would; the last build's old output is deleted in the background, and that `sync`
    waits for it too.
    """
    out = work / "out-incremental"
    first = timed(lambda: child("journeys", project, out))
    flow = project / "pages" / "collection-100.yaml"
    again = []
    for number in range(rounds):
        time.sleep(SETTLE_SECONDS)
        text = flow.read_text()
        flow.write_text(re.sub(r"\(question 4951[^)]*\)", f"(question 4951, edit {number + 1})", text, count=1))
        began = time.perf_counter()
        child("journeys", project, out)
        returned = time.perf_counter() - began
        os.sync()
        again.append((returned, time.perf_counter() - began))
    return first, again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--growth", action="store_true", help="also 1,000 / 10,000 / 20,000 pages in one flow")
    parser.add_argument("--rebuild-only", action="store_true", help="only the incremental rebuilds")
    parser.add_argument("--after-delete", action="store_true",
                        help="also each size's rounds started 5 s after deleting the round before's output")
    parser.add_argument("--work", default=DEFAULT_WORK, help="where the prototypes and builds go (default: /var/tmp)")
    args = parser.parse_args()
    print(f"Machine: {machine()}. Load average before: {os.getloadavg()[0]:.1f}", flush=True)
    lines = ["| prototype | build (median) | cp -a of its output (median) | build / cp -a (median of rounds) | pages/s "
             "| the build into memory (median) | in memory / cp -a |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"] if not args.rebuild_only else []
    with tempfile.TemporaryDirectory(prefix="journeys-disk-", dir=args.work) as folder:
        work = Path(folder)
        projects = {case: write_flow_yaml(work / f"p-{pages}-{per_flow}", pages, per_flow)
                    for case, (pages, per_flow) in CASES.items()}
        time.sleep(QUIET_SECONDS)  # whatever was deleted before the run is past the kernel's 30 seconds
        for case, (pages, per_flow) in CASES.items():
            if args.rebuild_only:
                continue
            for after_delete in (False, True) if args.after_delete else (False,):
                rounds = [clean_build_and_copy(projects[case], work, f"{pages}-{r}-{after_delete}", after_delete)
                          for r in range(args.rounds)]
                build_s = statistics.median(r[0] for r in rounds)
                copy_s = statistics.median(r[1] for r in rounds)
                ratio = statistics.median(r[0] / r[1] for r in rounds)
                when = ", 5 s after a delete" if after_delete else ""
                floor = "| - | - |"  # not built into memory after a delete: the floor is the same
                if not after_delete:
                    floor = (f"| {statistics.median(r[3] for r in rounds):.2f} s "
                             f"| {statistics.median(r[3] / r[1] for r in rounds):.2f}x |")
                lines.append(f"| {case}{when} | {build_s:.2f} s | {copy_s:.2f} s | {ratio:.2f}x | "
                             f"{rounds[0][2] / build_s:,.0f} {floor}")
                print(lines[-1], file=sys.stderr, flush=True)
                if after_delete:
                    time.sleep(QUIET_SECONDS)  # the next measurement starts on a quiet disk again
        first, again = incremental(projects["10,000 pages, 200 flows"], work, args.rounds)
        returned, synced = statistics.median(a for a, _ in again), statistics.median(b for _, b in again)
        lines += ["", f"Incremental: 10,000 pages in 200 flows built in {first:.2f} s, then one page edited and built "
                      f"again into the same output, {len(again)} times: **{returned:.2f} s** until the command returned "
                      f"(median; each: {', '.join(f'{a:.2f}' for a, _ in again)}), {synced:.2f} s to the end of the "
                      "`sync` after it.", ""]
        if args.growth:
            lines += ["| one flow of | build | seconds per 1,000 pages | vs 1,000 pages |", "| ---: | ---: | ---: | ---: |"]
            per = {}
            for pages in GROWTH:
                project = write_flow_yaml(work / f"g-{pages}", pages, pages)
                seconds = timed(lambda: child("journeys", project, work / f"g-out-{pages}"))
                per[pages] = seconds / pages * 1000
                lines.append(f"| {pages:,} | {seconds:.1f} s | {per[pages]:.2f} s | {per[pages] / per[GROWTH[0]]:.2f}x |")
                print(lines[-1], file=sys.stderr, flush=True)
    print(f"Load average after: {os.getloadavg()[0]:.1f}\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
