"""Builds that overlap or are killed: dist/ stays whole and nothing is left running (issue 13, items 1 and 4)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT


def pages(count: int, work: int = 0) -> dict[str, str]:
    """`count` pages (two processes share 100 or more), each taking `work` sums' time to render."""
    return {f"pages/q/{n}.html": '{% extends "base.html" %}{% block content %}<p>' + str(n)
            + f"{{{{ (range({work})|sum) * 0 }}}}</p>{{% endblock %}}" for n in range(count)}

LINUX = sys.platform.startswith("linux")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def start_build(project: Path, processes: int | None = None) -> subprocess.Popen:
    """`python build.py` for `project` (or the same build in `processes` processes), started and left running."""
    command = [sys.executable, str(ROOT / "build.py"), "--project", str(project)]
    if processes:
        command = [sys.executable, "-c", "import sys; from journeys.build.freeze_site import build; "
                   f"build(sys.argv[1], sys.argv[2], processes={processes}, report=lambda l: print(l, flush=True))",
                   str(project), str(project / "dist")]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def wait_for_pages(build: subprocess.Popen) -> list[str]:
    """The lines printed until the build is writing pages into its staging folder."""
    lines = []
    for line in build.stdout:
        lines.append(line)
        if "pages:" in line:
            return lines
    raise AssertionError("the build never wrote pages: " + "".join(lines) + build.stderr.read())


def finish(build: subprocess.Popen) -> tuple[int, str, str]:
    out, errors = build.communicate(timeout=120)
    return build.returncode, out, errors


def staging_folders(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".dist.building-"))


def test_two_builds_at_once_take_turns_and_dist_is_whole(make_project):
    project = make_project(pages(120, work=3_000_000))  # about 30 ms a page: the first is still writing when the second starts
    assert finish(start_build(project))[0] == 0
    whole = tree(project / "dist")

    first = start_build(project, processes=1)  # the slower: it would finish last, swapping in what it has
    wait_for_pages(first)  # the first is writing into its staging folder
    second = start_build(project)
    first_done, second_done = finish(first), finish(second)

    assert first_done[0] == 0 and second_done[0] == 0, first_done[2] + second_done[2]
    assert tree(project / "dist") == whole
    assert staging_folders(project) == []
    assert "Waiting for the build already writing into" in second_done[1]
    assert f"(process {first.pid})" in second_done[1]


def test_a_staging_folder_is_left_while_the_build_that_made_it_runs(make_project):
    project = make_project({"pages/index.html": "Home"})
    owner = subprocess.Popen(["sleep", "60"])  # stands for a build that holds no lock: only its process shows it is alive
    try:
        live = project / f".dist.building-{owner.pid}-abcdefgh"
        live.mkdir()
        (live / "page.html").write_text("being written")
        gone = project / ".dist.building-999999999-abcdefgh"  # no process has this id
        gone.mkdir()
        assert finish(start_build(project))[0] == 0
        assert (live / "page.html").read_text() == "being written"
        assert not gone.exists()
    finally:
        owner.kill()
        owner.wait()
    assert finish(start_build(project))[0] == 0
    assert staging_folders(project) == []


def children(pid: int) -> set[int]:
    """The processes `pid` started (Linux's /proc)."""
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended, and waits only to be reaped


@pytest.mark.skipif(not LINUX, reason="reads the processes from Linux's /proc")
def test_a_killed_build_takes_its_worker_processes_with_it(make_project):
    project = make_project(pages(120, work=30_000_000))  # a share of 20 pages takes each process seconds
    build = start_build(project, processes=2)
    workers = set()
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
            time.sleep(0.05)
            workers = children(build.pid)
        assert len(workers) == 2
        time.sleep(0.5)  # each is rendering its first share
        os.kill(build.pid, signal.SIGKILL)  # the build alone, as the kernel's out-of-memory killer would
        build.wait(timeout=10)
        deadline = time.monotonic() + 2  # not once each has finished its share: at once
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(alive, workers))
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        build.stdout.close()
        build.stderr.close()
    # The lock went with them: the next build runs, and clears the killed build's folder.
    for name, text in pages(120).items():
        (project / name).write_text(text)
    assert finish(start_build(project))[0] == 0
    assert staging_folders(project) == []


WATCHED_CHILD = """
import multiprocessing, sys, time
from journeys.build.workers import watch_parent

def child():
    watch_parent()
    time.sleep(60)

if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    worker = multiprocessing.Process(target=child)
    worker.start()
    print(worker.pid, flush=True)
    time.sleep(60)
"""


@pytest.mark.skipif(not LINUX, reason="reads the processes from Linux's /proc")
@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_worker_watching_its_parent_ends_with_it_as_on_macos(tmp_path, start):
    # macOS has no parent-death signal: there the watching thread alone ends a worker.
    script = tmp_path / "parent.py"
    script.write_text(WATCHED_CHILD)
    parent = subprocess.Popen([sys.executable, str(script), start], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    try:
        parent.kill()
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(child)
    finally:
        if alive(child):
            os.kill(child, signal.SIGKILL)
        parent.stdout.close()
