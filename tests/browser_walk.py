"""A person's walk through a journey in Chromium, the same on the live server and on a frozen site."""

import contextlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from conftest import LiveServer, write_files
from playwright.sync_api import expect

from journeys.build.freeze_site import build
from journeys.site_checks.nginx import Nginx


@dataclass
class Site:
    url: str
    frozen: bool


class Walk:
    """A tab on the site, waiting on frozen pages for the script to fill them in before acting."""

    def __init__(self, page, site: Site):
        self.page, self.site = page, site

    def ready(self) -> None:
        if self.site.frozen:
            self.page.wait_for_selector("body[data-journeys-ready]", state="attached")

    def goto(self, path: str) -> None:
        self.page.goto(self.site.url + path)
        self.ready()

    def at(self, heading: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_have_text(heading)
        self.ready()

    def at_url(self, path: str) -> None:
        expect(self.page).to_have_url(self.site.url + path)
        self.ready()

    def continue_(self) -> None:
        self.page.get_by_role("button", name="Continue").click()

    def fill(self, **fields: str) -> None:
        for label, value in fields.items():
            self.page.get_by_label(label.replace("_", " "), exact=True).fill(value)

    def rows(self, within: str = "main") -> dict[str, str]:
        """A summary list as {key: value}, once its rows are there (the frozen site adds them by script)."""
        self.page.locator(".govuk-summary-list__row").first.wait_for()
        scope = self.page.locator(within)
        keys = scope.locator(".govuk-summary-list__key").all_inner_texts()
        values = scope.locator(".govuk-summary-list__value").all_inner_texts()
        return dict(zip(keys, values))

    def cards(self) -> dict[str, dict[str, str]]:
        """Check your answers' summary cards as {title: {key: value}}."""
        self.page.locator(".govuk-summary-list__row").first.wait_for()
        found = {}
        for card in self.page.locator(".govuk-summary-card").all():
            title = card.locator(".govuk-summary-card__title").inner_text().strip()
            keys = card.locator(".govuk-summary-list__key").all_inner_texts()
            values = card.locator(".govuk-summary-list__value").all_inner_texts()
            found[title] = dict(zip(keys, values))
        return found


@contextlib.contextmanager
def served_live_and_frozen(files: dict[str, str], name: str):
    """A prototype written from `files`, served live by `serve.py` and, built, by NGINX: {"live": Site, "frozen": Site}."""
    folder = Path(tempfile.mkdtemp(prefix=f"journeys-{name}-"))
    folder.chmod(0o755)  # NGINX's workers read the build
    project = write_files(folder / "prototype", files)
    build(project, folder / "dist", report=lambda line: None)
    live = LiveServer(project).start()
    try:
        with Nginx(folder / "dist") as frozen:
            yield {"live": Site(live.url, frozen=False), "frozen": Site(frozen.url, frozen=True)}
    finally:
        live.stop()
        shutil.rmtree(folder, ignore_errors=True)
