"""The output folder: built whole beside dist/, then swapped in, so dist/ is never half-built.

Frozen-Flask writes in place: a page that fails leaves a mix of old and new files. So the
build points it at a fresh folder next to the output and swaps that in only when everything
is written; a failed or interrupted build leaves the previous output as it was.

The previous output is deleted in the background, by `rm` in a session of its own, once the new
one is in place: deleting 10,000 folders can take a second or more, and nothing waits for it.
Until it is gone it sits beside the output as `.dist.removing-...`; a later build starts
removing any such folder again.

Two builds into the same output take turns: each holds a lock on the output's parent folder from
making its staging folder to swapping it in. A staging folder's name carries its build's process
id, and another build removes it only when that process is gone and the lock is its own: a
build killed part-way leaves its folder, and the next build clears it.

A rebuild may move unchanged folders of pages from the previous output into the new one
(`swap_in`'s `borrowed`): the new output is swapped in holding links to them, then each link is
exchanged for its folder. A build killed between the two leaves the output reaching those
folders through its staging folder; the next build moves them in (`_reclaim`) before clearing it.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import gzip
import os
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from journeys.problems import ContentError, Problem

# Precompressed beside each file, for NGINX's gzip_static. Regenerated on every build: NGINX
# would serve a stale .gz otherwise.
TEXT_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".map", ".xml")
STAGING_PREFIX = ".building-"
REMOVING_PREFIX = ".removing-"
RENAME_EXCHANGE = 2


# gzip levels, by measurement (bench/RESULTS.md, "gzip levels"). Pages are many and each is
# compressed once a build: level 1, NGINX's own default, halves the time a 3,000-page build
# spends compressing (0.64 s to 0.32 s of 2.8 s in one process) for a .gz 12% bigger. The
# site's files (GOV.UK Frontend's CSS and JavaScript, static/) are few and every visitor
# downloads them: zlib's default, level 6, GOV.UK's CSS in 15.0 KB, not 21.0 KB (level 9: 14.9 KB).
PAGE_LEVEL = 1
FILE_LEVEL = 6


def write(root: Path, relative: str, content: bytes, level: int = PAGE_LEVEL) -> tuple[int, int]:
    """Write a file (and its .gz at `level`, for text) under `root`; (files, bytes) written."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return add_gzip(path, content, level)


def add_gzip(path: Path, content: bytes, level: int = PAGE_LEVEL) -> tuple[int, int]:
    """Write the .gz beside a file just written with `content`, if it is text; (files, bytes) of both."""
    if not path.name.endswith(TEXT_TYPES):
        return 1, len(content)
    # mtime=0 and no file name in the header: two builds of the same input are identical.
    packed = gzip.compress(content, compresslevel=level, mtime=0)
    path.with_name(path.name + ".gz").write_bytes(packed)
    return 2, len(content) + len(packed)


@contextmanager
def staging(out: Path, report: Callable[[str], None] = print):
    """A new, empty folder beside `out` to build into, this build's alone; removed unless `swap_in` took it."""
    out = out.resolve()
    check_output_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with _only_build_into(out, report):
        check_output_folder(out)  # again: the build before this one may have just replaced it
        for stale in out.parent.glob(f".{out.name}{STAGING_PREFIX}*"):
            if _abandoned(stale):
                _reclaim(out, stale)
                shutil.rmtree(stale, ignore_errors=True)
        for old in out.parent.glob(f".{out.name}{REMOVING_PREFIX}*"):  # its `rm` stopped part-way (a reboot)
            remove_in_background(old)
        folder = Path(tempfile.mkdtemp(prefix=f".{out.name}{STAGING_PREFIX}{os.getpid()}-", dir=out.parent))
        # mkdtemp makes it private (700): a web server running as another user could not read it.
        umask = os.umask(0)
        os.umask(umask)
        folder.chmod(0o777 & ~umask)
        try:
            yield folder
        finally:
            if folder not in _swapped:  # swap_in has it removed, or keeps it for the output's sake
                shutil.rmtree(folder, ignore_errors=True)
            _swapped.discard(folder)


@contextmanager
def _only_build_into(out: Path, report: Callable[[str], None]):
    """Hold the lock on `out`'s parent folder: a second build waits until the first has finished.

    The kernel lets go of it when the process ends, however it ends (a forked worker holds it too,
    so it lasts while anything may still write into the staging folder).
    """
    held = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
            others = sorted({_owner(f) for f in out.parent.glob(f".{out.name}{STAGING_PREFIX}*")} - {None})
            report(f"  Waiting for the build already writing into {out}/ to finish"
                   + (f" (process {', '.join(map(str, others))})" if others else "") + "...")
            fcntl.flock(held, fcntl.LOCK_EX)
        yield
    finally:
        os.close(held)


def _owner(folder: Path) -> int | None:
    """The process id a staging folder's name records, or None (a folder made before names had one)."""
    match = re.match(rf"\.[^/]*{re.escape(STAGING_PREFIX)}([0-9]+)-", folder.name)
    return int(match.group(1)) if match else None


def _abandoned(folder: Path) -> bool:
    """Whether the build that made `folder` has ended: its process is gone (the caller holds the lock)."""
    pid = _owner(folder)
    if pid is None or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, as another user
        return False
    return False


_swapped: set[Path] = set()  # staging folders swap_in has taken: not for `staging` to delete


def swap_in(folder: Path, out: Path, borrowed: list[str] = ()) -> None:
    """Make `folder` the output in one step; the previous output is deleted afterwards, in the background.

    `borrowed` names folders of the previous output to move into the new one: in `folder` each is
    a link to where the previous output will be (previous_build.Reuse.borrow). Once the outputs
    are swapped, each link is exchanged with the folder it leads to, in one step each, so the
    output never lacks a page. Only where `can_exchange`.
    """
    out = out.resolve()
    if not out.exists():
        folder.rename(out)
        return
    _swapped.add(folder)
    if not _exchange(folder, out):
        # No atomic exchange here (not Linux): two renames, with a moment in between.
        old = folder.with_name(folder.name + "-old")
        out.rename(old)
        folder.rename(out)
        folder = old
    for name in borrowed:
        if not _exchange(folder / name, out / name):
            raise OSError(errno.ENOTSUP, "this file system cannot exchange two folders", str(out / name))
    remove_in_background(folder)


def can_exchange(parent: Path) -> bool:
    """Whether two folders in `parent` can be exchanged in one step (Linux, on most file systems)."""
    if parent not in _exchanges:
        try:
            first = Path(tempfile.mkdtemp(prefix=".journeys-probe-", dir=parent))
        except OSError:
            return False
        second = Path(tempfile.mkdtemp(prefix=".journeys-probe-", dir=parent))
        try:
            _exchanges[parent] = _exchange(first, second)
        except OSError:
            _exchanges[parent] = False
        finally:
            first.rmdir()
            second.rmdir()
    return _exchanges[parent]


_exchanges: dict[Path, bool] = {}


def _reclaim(out: Path, stale: Path) -> None:
    """Put in place the folders `out` still reaches through links into `stale`.

    A build stopped between its swap and its last exchange (swap_in) leaves such links: the
    folders they lead to are the output's, and are moved in before `stale` is deleted.
    """
    inside = os.fspath(stale) + os.sep
    for root, folders, _files in os.walk(out):
        for name in folders:  # os.walk lists links to folders among the folders, and does not follow them
            path = os.path.join(root, name)
            if os.path.islink(path) and os.readlink(path).startswith(inside) and os.path.isdir(os.readlink(path)):
                _exchange(Path(os.readlink(path)), Path(path))


def remove_in_background(folder: Path) -> None:
    """Rename `folder` to `.<output>.removing-...` and delete it with `rm -rf` in a session of its own.

    `rm` is started by a shell that ends at once, so it belongs to no process of the build's: the
    build returns while it runs, and a closed terminal or Ctrl-C does not stop it. Where no `rm`
    can be started, the folder is deleted here and now.
    """
    name = folder.name.split(STAGING_PREFIX)[0].split(REMOVING_PREFIX)[0]
    if REMOVING_PREFIX not in folder.name:
        target = Path(tempfile.mkdtemp(prefix=f"{name}{REMOVING_PREFIX}{os.getpid()}-", dir=folder.parent))
        folder = folder.rename(target)  # onto the empty folder just made: a name no other build has
    try:
        subprocess.run(["sh", "-c", 'rm -rf -- "$1" </dev/null >/dev/null 2>&1 &', "sh", str(folder)],
                       start_new_session=True, check=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically with Linux's renameat2(RENAME_EXCHANGE); False if unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot exchange
        return False
    raise OSError(error, os.strerror(error), str(b))


def check_output_folder(out: Path) -> None:
    """Refuse an output folder whose old contents are not a build: a build replaces it whole."""
    if out.exists() and not out.is_dir():
        raise ContentError([Problem(str(out), None, "the output is a file, not a folder",
                                    "Choose another --out, or remove the file.")])
    if out.is_dir() and any(out.iterdir()) and not (out / "404.html").is_file():
        raise ContentError([Problem(str(out), None, "this folder has files in it and is not a Journeys build",
                                    "A build replaces the whole folder: choose a new or empty --out.")])
