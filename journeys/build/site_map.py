"""Every URL of a prototype, as the build freezes it: pages to render, files to copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from journeys.assets import all_assets, find_asset
from journeys.flows.flow_files import flow_urls
from journeys.web.state import state

# Pages the app serves that are not page files.
BUILT_IN_PAGES = ["/clear-answers", "/scenarios"]


@dataclass
class SiteMap:
    """The URLs a frozen prototype has."""

    pages: list[str]  # rendered through the app, each written as <url>/index.html
    files: dict[str, Path]  # URL -> the file the live server sends for it


def site_map(app: Flask) -> SiteMap:
    """Every page and file of the prototype served by `app`. New kinds of page are added here."""
    app_state = state(app)
    prototype, govuk = app_state.source.current(), app_state.govuk
    pages = list(prototype.pages) + BUILT_IN_PAGES
    for flow in prototype.flows.values():
        # The flow's own address goes to its first page; its JSON drives the frozen pages.
        pages += [f"/{flow.slug}", *flow_urls(flow), f"/assets/flows/{flow.slug}.json"]
    pages += [f"/scenarios/{name}" for name in prototype.scenarios]
    files = {f"/assets/{path}": find_asset(govuk, path) for path in all_assets(govuk)}
    files.update({f"/static/{path}": prototype.static_file(path) for path in prototype.listing.static})
    return SiteMap(pages, {url: path for url, path in files.items() if path is not None})


def output_path(url: str) -> str:
    """Where a page goes: '/' -> 'index.html', '/a/b' -> 'a/b/index.html', '/a/b.json' -> 'a/b.json'."""
    path = url.strip("/")
    if "." in path.rsplit("/", 1)[-1]:
        return path
    return f"{path}/index.html" if path else "index.html"
