"""`journeys new FOLDER`: a small prototype to start from, copied from files/ into a new folder."""

from __future__ import annotations

import shutil
from pathlib import Path

FILES = Path(__file__).parent / "files"
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

