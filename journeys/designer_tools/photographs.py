"""Photographing a journey in Chromium: each page along a scenario's path, and each question page's errors.

The walk is `make check`'s own (site_checks/scenario_walk.py) in the same Chromium
(site_checks/browser.py), on the frozen site served by NGINX.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from markupsafe import Markup

from journeys.flows.model import Flow
from journeys.flows.scenarios import Scenario
from journeys.flows.steps import records
from journeys.rendering.answer_display import NOT_ANSWERED, display, display_list
from journeys.site_checks.scenario_walk import READY, walk

VIEWPORT = {"width": 1000, "height": 800}
ERROR_SUMMARY = ".govuk-error-summary"
WAIT_MS = 10_000


@dataclass
class Photo:
    file: str  # its name in the storyboard's folder: 003-clearing-a-house-address.png
    title: str  # the page's title, as its <title> says it
    address: str  # the page's address on the site
    answer: str  # the answer given on the page, in words ("" on a page that asks nothing)
    scenario: str  # the scenario's title, or "Every page" for a flow with none
    error_state: bool = False


@dataclass
class Failure:
    address: str
    reason: str


@dataclass
class Album:
    photos: list[Photo] = dataclasses.field(default_factory=list)
    failures: list[Failure] = dataclasses.field(default_factory=list)


class Photographer:
    """Takes the pictures of one flow into `folder`, numbered in the order taken."""

    def __init__(self, browser, base_url: str, flow: Flow, folder: Path, say: Callable[[str], None]):
        self.browser, self.base_url, self.flow, self.folder, self.say = browser, base_url.rstrip("/"), flow, folder, say
        self.album = Album()
        self._errors_taken: set[str] = set()

    def scenario(self, scenario: Scenario) -> None:
        """Load the scenario, walk its path, photographing each page (and, once per page, its error state)."""
        if not scenario.path:
            scenario = dataclasses.replace(scenario, path=[scenario.start])  # its start page, at least
        context = self.browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        try:
            findings = walk(tab, self.base_url + "/", scenario, lambda page, path: self._visit(page, path, scenario))
            self.album.failures += [Failure(f.page, f.message) for f in findings]
        except Exception as error:  # a page that never loads or never gets ready: say where, go on
            self.album.failures.append(Failure(tab.url.removeprefix(self.base_url) or f"/scenarios/{scenario.name}",
                                               f"the page did not load: {_first_line(error)}"))
        finally:
            context.close()

    def every_page(self) -> None:
        """A flow with no scenarios: each page in the order of its file, with no answers given."""
        context = self.browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        try:
            for page_id in self.flow.pages:
                address = self.flow.url(page_id)
                if self._open(tab, address):
                    self._take(tab, address, "", "Every page")
                    self._error_state(address, "Every page")
        finally:
            context.close()

    def _visit(self, tab, address: str, scenario: Scenario) -> None:
        self._take(tab, address, self._answer_on(address, scenario.answers), scenario.title)
        self._error_state(address, scenario.title)

    def _error_state(self, address: str, scenario_title: str) -> None:
        """The page submitted empty, in a tab with no answers: what a person sees who presses Continue at once."""
        page_id = _page_id(address)
        page = self.flow.pages.get(page_id)
        if page is None or not page.questions or page_id in self._errors_taken:
            return
        self._errors_taken.add(page_id)
        context = self.browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        try:
            if not self._open(tab, address):
                return
            tab.locator("main form button[type=submit], main form .govuk-button").first.click()
            try:
                tab.wait_for_selector(ERROR_SUMMARY, timeout=WAIT_MS)
            except Exception:
                self.album.failures.append(Failure(address, "submitted empty, the page showed no errors"))
                return
            tab.wait_for_timeout(100)  # the summary takes focus and scrolls to the top
            self._take(tab, address, "Nothing entered", scenario_title, error_state=True)
        finally:
            context.close()

    def _open(self, tab, address: str) -> bool:
        try:
            response = tab.goto(self.base_url + address)
            if response is None or response.status >= 400:
                self.album.failures.append(Failure(address, f"the page answered {response and response.status}"))
                return False
            tab.wait_for_selector(READY, state="attached", timeout=WAIT_MS)
            return True
        except Exception as error:
            self.album.failures.append(Failure(address, f"the page did not load: {_first_line(error)}"))
            return False

    def _take(self, tab, address: str, answer: str, scenario_title: str, error_state: bool = False) -> None:
        number = len(self.album.photos) + 1
        name = f"{number:03d}-{_page_id(address)}" + ("-error" if error_state else "") + ".png"
        tab.wait_for_load_state("load")
        tab.screenshot(path=str(self.folder / name), full_page=True)
        title = tab.title().split(" - ")[0].removeprefix("Error: ")
        self.album.photos.append(Photo(name, title, address, answer, scenario_title, error_state))
        self.say(f"  {number:3d}  {address}" + ("  (error state)" if error_state else ""))

    def _answer_on(self, address: str, answers: dict) -> str:
        """The answers given on the page at `address`, in words, as check answers shows them."""
        page = self.flow.pages.get(_page_id(address))
        if page is None:
            return ""
        if page.list is not None:
            return _words(display_list(self.flow, page, records(answers, page.id))) if answers.get(page.id) else ""
        owner = self.flow.list_of(page.id)
        if owner is not None:
            number = _item_number(address)
            items = records(answers, owner.id)
            answers = items[number - 1] if number and number <= len(items) else {}
        shown = [_words(display(asked, answers[asked.name])) for question in page.questions
                 for asked in (question, *question.revealed) if asked.name in answers]
        return "; ".join(text for text in shown if text and text != NOT_ANSWERED)


def _page_id(address: str) -> str:
    return urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1]


def _item_number(address: str) -> int | None:
    number = parse_qs(urlsplit(address).query).get("item", [""])[0]
    return int(number) if number.isdigit() else None


def _words(shown: Markup) -> str:
    """Displayed answer HTML as plain words: one line per <br>, entities read back."""
    return Markup(re.sub(r"<br\s*/?>", ", ", str(shown))).striptags()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
