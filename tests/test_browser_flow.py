"""A researcher's walk through the example booking journey in Debian's Chromium.

The same walk runs on the live server and on the frozen site served by NGINX, where the
answers, validation and branching are the browser's own work.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect


@dataclass
class Site:
    url: str
    frozen: bool


@pytest.fixture(params=["live", "frozen"])
def site(request, example_copy, live_server):
    if request.param == "live":
        return Site(live_server(example_copy).url, frozen=False)
    return Site(request.getfixturevalue("frozen_example").url, frozen=True)


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

    def rows(self) -> dict[str, str]:
        """The summary list as {key: value}, once its rows are there (the frozen site adds them by script)."""
        self.page.locator(".govuk-summary-list__row").first.wait_for()
        keys = self.page.locator(".govuk-summary-list__key").all_inner_texts()
        values = self.page.locator(".govuk-summary-list__value").all_inner_texts()
        return dict(zip(keys, values))


@pytest.fixture
def walk(page, site):
    return Walk(page, site)


def test_booking_a_collection_branches_validates_and_plays_back_answers(walk):
    page, next_year = walk.page, datetime.date.today().year + 1
    walk.goto("/bulky-waste/start")
    page.get_by_role("button", name="Start now").click()
    walk.at("What do you need us to collect?")

    # A validation error, the GOV.UK way, then its correction.
    walk.continue_()
    expect(page).to_have_title(re.compile(r"^Error: What do you need us to collect\?"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    summary.get_by_role("link", name="Select what you need us to collect").click()
    expect(page.locator("#items")).to_be_focused()
    expect(page.locator(".govuk-error-message")).to_have_text("Error: Select what you need us to collect")
    page.get_by_label("Sofa or armchair").check()
    page.get_by_label("Something else").check()
    walk.continue_()

    # Ticking "Something else" branches to a page asking what else.
    walk.at("What else do you need us to collect?")
    page.get_by_label("What else do you need us to collect?").fill("A wardrobe")
    walk.continue_()

    walk.at("Where should we collect from?")
    walk.fill(Address_line_1="12 Mill Lane", Town_or_city="Hebden Bridge", Postcode="hx7 8aa")
    walk.continue_()

    walk.at("When would you like us to collect?")
    walk.fill(Day="30", Month="2", Year=str(next_year))
    walk.continue_()
    expect(page.locator(".govuk-error-summary__list")).to_have_text("Collection date must be a real date")
    walk.fill(Day="3", Month="3")
    walk.continue_()

    # "Yes" branches to the account number; Back returns with the answer still chosen.
    walk.at("Do you get Council Tax Reduction?")
    page.get_by_label("Yes").check()
    walk.continue_()
    walk.at("What is your Council Tax account number?")
    page.get_by_role("link", name="Back").click()
    walk.at("Do you get Council Tax Reduction?")
    expect(page.get_by_label("Yes")).to_be_checked()
    walk.continue_()
    walk.at("What is your Council Tax account number?")
    page.get_by_label("What is your Council Tax account number?").fill("12345678")
    walk.continue_()

    walk.at("How can we contact you about the collection?")
    walk.fill(Email_address="sam@example.com")
    walk.continue_()

    walk.at("Check your answers before booking your collection")
    assert walk.rows() == {
        "Items": "Sofa or armchair\nSomething else",
        "Other items": "A wardrobe",
        "Collection address": "12 Mill Lane\nHebden Bridge\nHX7 8AA",
        "Collection date": f"3 March {next_year}",
        "Do you get Council Tax Reduction?": "Yes",
        "Council Tax account number": "12345678",
        "Email address": "sam@example.com",
        "Phone number (optional)": "Not provided",
    }

    # Change an answer so the journey takes the other branch: the answers from the
    # branch left behind drop out of check answers.
    page.get_by_role("link", name="Change do you get Council Tax Reduction?").click()
    walk.at("Do you get Council Tax Reduction?")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/bulky-waste/check-answers")
    page.get_by_label("No").check()
    walk.continue_()
    walk.at_url("/bulky-waste/check-answers")
    assert "Council Tax account number" not in walk.rows()

    page.get_by_role("link", name="Change items").click()
    walk.at("What do you need us to collect?")
    page.get_by_label("Something else").uncheck()
    walk.continue_()
    walk.at_url("/bulky-waste/check-answers")
    assert list(walk.rows()) == ["Items", "Collection address", "Collection date",
                                 "Do you get Council Tax Reduction?", "Email address", "Phone number (optional)"]
    assert walk.rows()["Items"] == "Sofa or armchair"

    page.get_by_role("button", name="Accept and send").click()
    panel = page.locator(".govuk-panel")
    expect(panel.get_by_role("heading", level=1)).to_have_text("Collection booked")
    expect(panel.locator(".govuk-panel__body")).to_have_text(re.compile(r"^\s*Your reference number\s*[A-Z2-9]{8}\s*$"))

    assert page.watch.console_errors == []
    assert page.watch.failed_requests == []


def test_a_change_that_opens_a_new_branch_asks_it_before_returning(walk):
    page = walk.page
    walk.goto("/bulky-waste/items")
    page.get_by_label("Bed or mattress").check()
    walk.continue_()
    walk.at("Where should we collect from?")
    walk.fill(Address_line_1="1 Lane", Town_or_city="Leeds", Postcode="LS1 1AA")
    walk.continue_()
    walk.at("When would you like us to collect?")
    walk.fill(Day="1", Month="1", Year=str(datetime.date.today().year + 2))
    walk.continue_()
    walk.at("Do you get Council Tax Reduction?")
    page.get_by_label("No").check()
    walk.continue_()
    walk.at("How can we contact you about the collection?")
    walk.fill(Email_address="sam@example.com")
    walk.continue_()

    walk.at("Check your answers before booking your collection")
    page.get_by_role("link", name="Change do you get Council Tax Reduction?").click()
    walk.at("Do you get Council Tax Reduction?")
    page.get_by_label("Yes").check()
    walk.continue_()
    # The new branch's question comes first, then check answers again.
    walk.at("What is your Council Tax account number?")
    page.get_by_label("What is your Council Tax account number?").fill("87654321")
    walk.continue_()
    walk.at_url("/bulky-waste/check-answers")
    assert walk.rows()["Council Tax account number"] == "87654321"


def test_a_jinja_page_shows_answers_through_the_answer_helper(walk):
    walk.goto("/bulky-waste/items")
    walk.page.get_by_label("Fridge or freezer").check()
    walk.continue_()
    walk.at("Where should we collect from?")
    walk.goto("/your-booking")
    values = walk.page.locator(".govuk-summary-list__value")
    expect(values.nth(0)).to_have_text("Fridge or freezer")
    expect(values.nth(1)).to_have_text("Not provided")


def test_a_scenario_button_lands_on_its_page_with_its_answers(walk):
    page = walk.page
    walk.goto("/bulky-waste/items")
    page.get_by_label("Washing machine or dishwasher").check()  # an answer the scenario replaces
    walk.continue_()
    walk.goto("/scenarios")
    page.get_by_role("button", name="Start this scenario ‘A fridge, free with Council Tax Reduction’").click()
    walk.at_url("/bulky-waste/check-answers")
    assert walk.rows() == {
        "Items": "Fridge or freezer",
        "Collection address": "12 Mill Lane\nHebden Bridge\nHX7 8AA",
        "Collection date": "4 March 2031",
        "Do you get Council Tax Reduction?": "Yes",
        "Council Tax account number": "12345678",
        "Email address": "sam.jones@example.com",
        "Phone number (optional)": "Not provided",
    }
    page.get_by_role("link", name="Change items").click()
    walk.at("What do you need us to collect?")
    expect(page.get_by_label("Fridge or freezer")).to_be_checked()
    expect(page.get_by_label("Washing machine or dishwasher")).not_to_be_checked()
    assert page.watch.console_errors == [] and page.watch.failed_requests == []
