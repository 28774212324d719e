"""Every URL of a prototype, as the build freezes it: pages to render, files to copy."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from journeys.assets import all_assets, find_asset
from journeys.flows.flow_files import all_flows, flow_urls
from journeys.flows.scenarios import all_scenarios
from journeys.pages.routing import all_pages
from journeys.project import Project, safe_file

# Pages the app serves that are not page files.
BUILT_IN_PAGES = ["/clear-answers", "/scenarios"]


@dataclass
class SiteMap:
    """The URLs a frozen prototype has."""

    pages: list[str]  # rendered through the app, each written as <url>/index.html
    files: dict[str, Path]  # URL -> the file the live server sends for it


def site_map(app: Flask) -> SiteMap:
    """Every page and file of the prototype served by `app`. New kinds of page are added here."""
    project: Project = app.extensions["journeys.project"]
    govuk: Path = app.extensions["journeys.govuk"]
    pages = [page.url for page in all_pages(project.pages)] + BUILT_IN_PAGES
    cache = app.extensions["journeys.files"]
    for flow in all_flows(project, cache)[0]:
        # The flow's own address goes to its first page; its JSON drives the frozen pages.
        pages += [f"/{flow.slug}", *flow_urls(flow), f"/assets/flows/{flow.slug}.json"]
    pages += [f"/scenarios/{scenario.name}" for scenario in all_scenarios(project, cache)[0]]
    files = {f"/assets/{path}": find_asset(govuk, path) for path in all_assets(govuk)}
    files.update({f"/static/{path}": safe_file(project.static, path) for path in static_files(project.static)})
    return SiteMap(pages, {url: path for url, path in files.items() if path is not None})


def static_files(static: Path) -> list[str]:
    """Every file under static/ the live server would send, as paths relative to it."""
    found = []
    for folder, subfolders, files in os.walk(static):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found += [(Path(folder) / f).relative_to(static).as_posix() for f in sorted(files) if not f.startswith(".")]
    return found


def output_path(url: str) -> str:
    """Where a page goes: '/' -> 'index.html', '/a/b' -> 'a/b/index.html', '/a/b.json' -> 'a/b.json'."""
    path = url.strip("/")
    if "." in path.rsplit("/", 1)[-1]:
        return path
    return f"{path}/index.html" if path else "index.html"
