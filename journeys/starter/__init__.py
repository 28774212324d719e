"""Prototypes to start from: the small one `journeys new` copies, and the example (`make serve` in a checkout, and the tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

FILES = Path(__file__).parent / "files"
EXAMPLE = Path(__file__).resolve().parents[1] / "example"
FOLDERS = ("pages", "data", "layouts", "static")
# A wheel keeps no dotfiles from package data globs and no empty folders: both are made here.
RENAMED = {"gitignore": ".gitignore"}
EMPTY_FOLDERS = ("layouts", "static")


class FolderNotEmpty(Exception):
    """The folder for a new prototype already has something in it."""


def create(folder) -> Path:
    """Copy the starter prototype into `folder` (new or empty), and return its full path."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise FolderNotEmpty(f"{folder} is a file, not a folder: choose a name for a new folder, "
                             "such as 'journeys new my-prototype'.")
    if target.is_dir() and any(target.iterdir()):
        raise FolderNotEmpty(f"{folder} already has files in it, and a new prototype would mix with them. "
                             "Choose a name for a new folder, such as 'journeys new my-prototype', "
                             "or empty this one.")
    for source in sorted(FILES.rglob("*")):
        if source.is_file():
            relative = source.relative_to(FILES).as_posix()
            destination = target / RENAMED.get(relative, relative)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    for name in EMPTY_FOLDERS:
        (target / name).mkdir(parents=True, exist_ok=True)
        (target / name / ".gitkeep").touch()  # git keeps no empty folders either
    return target.resolve()


def copy_example(folder) -> Path | None:
    """Copy the example's four folders into `folder`; None, copying nothing, when it already has any of them."""
    target = Path(folder)
    if any((target / name).exists() for name in FOLDERS):
        return None
    for name in FOLDERS:
        if (EXAMPLE / name).is_dir():
            shutil.copytree(EXAMPLE / name, target / name, ignore=shutil.ignore_patterns(".gitkeep", "__pycache__"))
        else:  # an empty folder, which a wheel's package data does not keep
            (target / name).mkdir(parents=True)
    return target.resolve()
