"""The output folder: built whole beside dist/, then swapped in, so dist/ is never half-built.

Frozen-Flask writes in place: a page that fails leaves a mix of old and new files. So the
build points it at a fresh folder next to the output and swaps that in only when everything
is written; a failed or interrupted build leaves the previous output as it was.
"""

from __future__ import annotations

import ctypes
import gzip
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from journeys.problems import ContentError, Problem

# Precompressed beside each file, for NGINX's gzip_static. Regenerated on every build: NGINX
# would serve a stale .gz otherwise.
TEXT_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".map", ".xml")
STAGING_PREFIX = ".building-"
RENAME_EXCHANGE = 2


def write(root: Path, relative: str, content: bytes) -> tuple[int, int]:
    """Write a file (and its .gz, for text) under `root`; (files, bytes) written."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return add_gzip(path, content)


def add_gzip(path: Path, content: bytes) -> tuple[int, int]:
    """Write the .gz beside a file just written with `content`, if it is text; (files, bytes) of both."""
    if not path.name.endswith(TEXT_TYPES):
        return 1, len(content)
    # mtime=0 and no file name in the header: two builds of the same input are identical.
    # Level 6 is within 1% of level 9 on these files, in half the time.
    packed = gzip.compress(content, compresslevel=6, mtime=0)
    path.with_name(path.name + ".gz").write_bytes(packed)
    return 2, len(content) + len(packed)


@contextmanager
def staging(out: Path):
    """A new, empty folder beside `out` to build into; removed unless `swap_in` took it."""
    out = out.resolve()
    check_output_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in out.parent.glob(f".{out.name}{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    folder = Path(tempfile.mkdtemp(prefix=f".{out.name}{STAGING_PREFIX}", dir=out.parent))
    # mkdtemp makes it private (700): a web server running as another user could not read it.
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(folder: Path, out: Path) -> None:
    """Make `folder` the output in one step; the previous output is deleted afterwards."""
    out = out.resolve()
    if not out.exists():
        folder.rename(out)
        return
    if not _exchange(folder, out):
        # No atomic exchange here (not Linux): two renames, with a moment in between.
        old = folder.with_name(folder.name + "-old")
        out.rename(old)
        folder.rename(out)
        folder = old
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
