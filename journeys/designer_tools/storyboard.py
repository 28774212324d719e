"""`journeys storyboard [FLOW] [--scenario NAME]`: every scenario's path photographed, into storyboard/<flow>/.

The prototype is built and served by NGINX, as `make check` serves it, and walked in the
same Chromium by the same code; each flow gets numbered PNGs, a contact sheet and a PDF.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from journeys.build.freeze_site import build
from journeys.designer_tools.contact_sheet import write_sheet
from journeys.designer_tools.photographs import Album, Photographer
from journeys.problems import ContentError, did_you_mean
from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.site_checks.browser import launch
from journeys.site_checks.nginx import Nginx

OUT = "storyboard"


class NothingToPhotograph(ValueError):
    """The flow or scenario asked for is not in the prototype."""


def make_storyboards(project_dir, flow: str | None = None, scenario: str | None = None, out: Path | None = None,
                     say: Callable[[str], None] = print) -> dict[str, Album]:
    """{flow: its album} for the flows asked for; ContentError if the prototype cannot be built."""
    project = Project.at(project_dir)
    model = read_prototype(project)
    chosen = _chosen(model, flow, scenario)
    out = Path(out) if out else project.root / OUT
    albums: dict[str, Album] = {}
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="journeys-storyboard-") as temporary:
        Path(temporary).chmod(0o755)  # NGINX's workers must be able to read it
        site = Path(temporary) / "site"
        say("Building the prototype...")
        build(project.root, site, report=lambda message: None)
        with Nginx(site) as nginx, sync_playwright() as playwright:
            browser = launch(playwright)
            for slug, scenarios in chosen.items():
                folder = out / slug
                if folder.exists():
                    shutil.rmtree(folder)  # last time's pictures would mix with these
                folder.mkdir(parents=True)
                photographer = Photographer(browser, nginx.url, model.flows[slug], folder, say)
                for found in scenarios:
                    say(f"{slug}: {found.title}" if found else f"{slug}: every page (it has no scenarios)")
                    photographer.scenario(found) if found else photographer.every_page()
                album = photographer.album
                for failure in album.failures:
                    say(f"  Failed: {failure.address}: {failure.reason}")
                sheet, pdf = write_sheet(folder, model.flows[slug].title, album, browser)
                say(f"{len(album.photos)} pictures of {slug} in {folder}/: open {sheet.name}, or print {pdf.name}")
                albums[slug] = album
            browser.close()
    return albums


def _chosen(model, flow: str | None, scenario: str | None) -> dict:
    """{flow slug: its scenarios to walk, or [None] for every page of a flow with none}."""
    if scenario is not None:
        found = model.scenarios.get(scenario)
        if found is None:
            raise NothingToPhotograph(f"There is no scenario called '{scenario}': "
                                      + (did_you_mean(scenario, model.scenarios) or "scenarios are: " + ", ".join(model.scenarios)))
        if flow is not None and found.flow != flow:
            raise NothingToPhotograph(f"The scenario '{scenario}' is for the flow '{found.flow}', not '{flow}'.")
        return {found.flow: [found]}
    if flow is not None and flow not in model.flows:
        if flow in model.flow_files:
            raise ContentError(model.problems_in(model.flow_files[flow]))
        raise NothingToPhotograph(f"There is no flow called '{flow}': "
                                  + (did_you_mean(flow, model.flow_files) or "flows are: " + ", ".join(model.flow_files)))
    slugs = [flow] if flow else list(model.flows)
    return {slug: [s for s in model.scenarios.values() if s.flow == slug] or [None] for slug in slugs}


def run_storyboard(project_dir: str, flow: str | None, scenario: str | None, out: str | None) -> int:
    """The command: progress as it goes; 1 with the reason when it cannot run, or when a page failed."""
    try:
        albums = make_storyboards(project_dir, flow, scenario, Path(out) if out else None,
                                  say=lambda line: print(line, flush=True))
    except NothingToPhotograph as error:
        print(error, file=sys.stderr)
        return 1
    except ContentError as error:
        print(f"The storyboard needs a prototype that builds. {error.report()}", file=sys.stderr)
        return 1
    return 1 if any(album.failures for album in albums.values()) else 0
