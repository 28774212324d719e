"""Which page file a URL shows. One scheme, live and frozen.

pages/index.html is /, pages/about.md is /about, pages/guides/index.html is /guides.
Files and folders starting with '_' or '.' are partials and never pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from journeys.project import walk

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


def page_url(path: str) -> str:
    """The URL a request path asks for: '/guides/' and 'guides' are '/guides'."""
    return "/" + path.strip("/")


def page_files(pages: Path, names: Iterable[str]) -> dict[str, PageFile]:
    """The page file shown at each URL, from the names of the files under pages/.

    Where two files would have one URL, `about.html` wins over `about.md`, and both over
    `about/index.html`. Each page has one URL: never /guides/index or /guides.html.
    """
    chosen: dict[str, tuple[int, str]] = {}
    for name in names:
        if not name.endswith(PAGE_TYPES) or any(part.startswith(PRIVATE) for part in name.split("/")):
            continue
        url = url_for_file(name)
        if url != "/" and (url.rsplit("/", 1)[-1] == "index" or url.endswith(PAGE_TYPES)):
            continue
        rank = (name.endswith("/index.html") or name.endswith("/index.md")) * 2 + name.endswith(".md")
        if url not in chosen or rank < chosen[url][0]:
            chosen[url] = (rank, name)
    return {url: PageFile(url, pages / name, name) for url, (_, name) in sorted(chosen.items())}


def all_pages(pages: Path) -> list[PageFile]:
    """Every page file under pages/, in URL order."""
    return list(page_files(pages, walk(pages, PRIVATE)).values())
