"""`journeys check --browser`: build, serve with NGINX, and check every page in Chromium."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Callable

from journeys.build.freeze_site import build
from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.site_checks.accessibility import axe_source, check_accessibility
from journeys.site_checks.browser import launch
from journeys.site_checks.findings import Finding, report
from journeys.site_checks.html_validity import check_html
from journeys.site_checks.links import LinkChecker
from journeys.site_checks.nginx import Nginx
from journeys.site_checks.scenario_walk import READY, walk
from journeys.site_checks.tools import find_tools

NOT_FOUND_PROBE = "/journeys-check-page-not-found"  # any address that is not a page: shows the 404 page


def frozen_pages(site: Path) -> dict[str, Path]:
    """{URL path: file} for every page in a frozen site."""
    pages = {}
    for file in sorted(site.rglob("index.html")):
        folder = file.parent.relative_to(site).as_posix()
        pages["/" if folder == "." else f"/{folder}"] = file
    return pages


def check_in_browser(project_dir, say: Callable[[str], None] = print) -> list[Finding]:
    """Every problem a person or a validator would meet on the frozen prototype; MissingTools if it cannot look."""
    node_modules = find_tools(say)
    started = time.perf_counter()
    project = Project.at(project_dir)
    scenarios = [s for s in read_prototype(project).scenarios.values() if s.path]
    with tempfile.TemporaryDirectory(prefix="journeys-check-") as temporary:
        Path(temporary).chmod(0o755)  # NGINX's workers must be able to read it
        site = Path(temporary) / "site"
        build(project.root, site, report=lambda message: None)
        pages = frozen_pages(site)
        # The 404 page is checked too, and counted, as the report at the end counts it.
        say(f"Checking {len(pages) + 1} pages and {len(scenarios)} scenario paths in Chromium...")
        url_of = {file.resolve(): path for path, file in pages.items()}
        url_of[(site / "404.html").resolve()] = NOT_FOUND_PROBE
        findings = check_html(site, [*pages.values(), site / "404.html"], lambda file: url_of[file.resolve()],
                              node_modules)

        from playwright.sync_api import sync_playwright

        with Nginx(site) as nginx, sync_playwright() as playwright:
            browser = launch(playwright)
            tab = browser.new_context().new_page()
            script_errors: list[str] = []
            tab.on("pageerror", lambda error: script_errors.append(str(error)))
            links, axe = LinkChecker(nginx.url), axe_source(node_modules)

            def visit(page, path: str) -> None:
                page.wait_for_load_state("load")
                findings.extend(check_accessibility(page, path, axe))
                findings.extend(links.check_page(page, path))
                findings.extend(Finding(path, "script", "error", "", message) for message in script_errors)
                script_errors.clear()

            for path in [*pages, NOT_FOUND_PROBE]:
                response = tab.goto(nginx.url + path)
                if response is None or (response.status >= 400) != (path == NOT_FOUND_PROBE):
                    findings.append(Finding(path, "link", "page", "", f"the page answered {response and response.status}"))
                tab.wait_for_selector(READY, state="attached")
                visit(tab, path)
            for scenario in scenarios:
                findings.extend(walk(tab, nginx.url + "/", scenario, visit))
            findings.extend(links.broken_assets())
            browser.close()
    say(report(findings, len(pages) + 1, time.perf_counter() - started))
    return findings
