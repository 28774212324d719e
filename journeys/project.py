"""The folders of a prototype, and the one safe way to find a file inside them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """A prototype on disk: pages/, layouts/, data/ and static/ under one folder."""

    root: Path

    @classmethod
    def at(cls, folder) -> "Project":
        return cls(Path(folder).resolve())

    @property
    def pages(self) -> Path:
        return self.root / "pages"

    @property
    def layouts(self) -> Path:
        return self.root / "layouts"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def static(self) -> Path:
        return self.root / "static"

    def holds_content(self, filename: str) -> bool:
        """Whether a file is the designer's own: in pages/, layouts/ or data/."""
        path = Path(filename)
        return path.is_absolute() and any(path.is_relative_to(d) for d in (self.pages, self.layouts, self.data))

    def name_of(self, path: Path) -> str:
        """How a file is named in messages: relative to the project folder."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()


# A file's stamp: it changed if its modification time or size did.
Stamp = tuple[int, int]


def walk(folder: Path, hidden: tuple[str, ...] = (".",)) -> dict[str, Stamp]:
    """Every file under `folder`, as {name relative to it: stamp}, in name order.

    The one walk of a prototype's folders. Skips names starting with one of `hidden` (and
    everything inside such folders), and links to files outside `folder`: what is listed is
    exactly what may be served.
    """
    found: dict[str, Stamp] = {}
    base = os.path.realpath(folder)
    for current, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(hidden))
        relative = os.path.relpath(current, folder)
        for name in sorted(files):
            if name.startswith(hidden):
                continue
            path = os.path.join(current, name)
            if os.path.islink(path) and not os.path.realpath(path).startswith(base + os.sep):
                continue
            try:
                stat = os.stat(path)
            except OSError:  # removed while walking, or a broken link
                continue
            found[name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")] = (stat.st_mtime_ns, stat.st_size)
    return found


def safe_file(root: Path, relative: str, hidden: tuple[str, ...] = (".",)) -> Path | None:
    """The file at `relative` under `root`, or None if it is missing or would leave `root`.

    Rejects `..`, empty parts (absolute paths), parts starting with one of `hidden`,
    backslashes and NUL, and symlinks that resolve outside `root`.
    """
    for part in relative.split("/"):
        if part in ("", ".", "..") or part.startswith(hidden) or "\\" in part or "\0" in part:
            return None
    candidate = os.path.join(root, relative)
    # Most lookups are for files that do not exist (a URL tried as .html, then .md...): one
    # stat says so. Only a file that exists has its real path worked out.
    if not os.path.isfile(candidate):
        return None
    real, base = os.path.realpath(candidate), _real_folder(str(root))
    if not real.startswith(base + os.sep):
        return None
    return Path(real)


@lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    # A project's folders do not move while it is served, so each is resolved once.
    return os.path.realpath(folder)
