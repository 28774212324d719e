"""Which page file a URL shows, and which URLs a prototype has. One scheme, live and frozen.

pages/index.html is /, pages/about.md is /about, pages/guides/index.html is /guides.
Files and folders starting with '_' or '.' are partials and never pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from journeys.project import safe_file

PAGE_TYPES = (".html", ".md")
PRIVATE = (".", "_")


@dataclass(frozen=True)
class PageFile:
    """A page written as a file: a Jinja template (.html) or Markdown (.md)."""

    url: str
    path: Path
    name: str  # relative to pages/, as the Jinja loader knows it

    @property
    def is_markdown(self) -> bool:
        return self.path.suffix == ".md"


def url_for_file(name: str) -> str:
    """The URL of a page file, given its path relative to pages/."""
    stem = name.rsplit(".", 1)[0]
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return "/" + stem


def find_page(pages: Path, url_path: str) -> PageFile | None:
    """The page file that serves `url_path`, or None."""
    path = url_path.strip("/")
    if path == "":
        candidates = [f"index{suffix}" for suffix in PAGE_TYPES]
    elif path == "index" or path.endswith("/index") or path.endswith(PAGE_TYPES):
        return None  # each page has one URL: /guides, never /guides/index or /guides.html
    else:
        candidates = [f"{path}{suffix}" for suffix in PAGE_TYPES]
        candidates += [f"{path}/index{suffix}" for suffix in PAGE_TYPES]
    for name in candidates:
        found = safe_file(pages, name, hidden=PRIVATE)
        if found is not None:
            return PageFile(url_for_file(name), found, name)
    return None


def all_pages(pages: Path) -> list[PageFile]:
    """Every page file under pages/, in URL order."""
    found = []
    for folder, subfolders, files in os.walk(pages):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(PRIVATE))
        for file in sorted(files):
            name = (Path(folder) / file).relative_to(pages).as_posix()
            if file.endswith(PAGE_TYPES) and not file.startswith(PRIVATE):
                page = find_page(pages, url_for_file(name))
                if page is not None and page.name == name:
                    found.append(page)
    return sorted(found, key=lambda page: page.url)
