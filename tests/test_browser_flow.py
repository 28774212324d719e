"""A researcher's walk through the example booking journey in Debian's Chromium.

The same walk runs on the live server and on the frozen site served by NGINX, where the
answers, validation and branching are the browser's own work.
"""

import datetime
import re

import pytest
from browser_walk import Site, Walk
from playwright.sync_api import expect


@pytest.fixture(params=["live", "frozen"])
def site(request, example_copy, live_server):
    if request.param == "live":
        return Site(live_server(example_copy).url, frozen=False)
    return Site(request.getfixturevalue("frozen_example").url, frozen=True)


@pytest.fixture
def walk(page, site):
    return Walk(page, site)


# Check your answers' summary lists outside the list of items (which has a card per item).
OUTSIDE_LISTS = "[data-journeys-answers] > dl"


def add_item(walk, kind: str, size: str = "Fits through a standard door") -> None:
    """On an item's first page: answer its two pages, arriving back on the list."""
    walk.at("What do you need us to collect?")
    walk.page.get_by_label(kind, exact=True).check()
    walk.continue_()
    walk.at("Tell us about the item")
    walk.page.get_by_label(size).check()
    walk.continue_()


def test_booking_a_collection_branches_validates_and_plays_back_answers(walk):
    page, next_year = walk.page, datetime.date.today().year + 1
    walk.goto("/bulky-waste/start")
    page.get_by_role("button", name="Start now").click()
    # No items yet: the list goes straight to the first item's first page.
    walk.at("What do you need us to collect?")
    walk.at_url("/bulky-waste/item-type?item=1")

    # A validation error, the GOV.UK way, then its correction.
    walk.continue_()
    expect(page).to_have_title(re.compile(r"^Error: What do you need us to collect\?"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    summary.get_by_role("link", name="Select what you need us to collect").click()
    expect(page.locator("#item-type")).to_be_focused()
    expect(page.locator(".govuk-error-message")).to_have_text("Error: Select what you need us to collect")

    # "Something else" reveals a question under it, checked only once it is chosen.
    expect(page.get_by_label("What is it?")).not_to_be_visible()
    page.get_by_label("Something else").check()
    expect(page.get_by_label("What is it?")).to_be_visible()
    walk.continue_()
    expect(page.locator("#conditional-item-type-5 .govuk-error-message")).to_have_text("Error: Enter what the item is")
    page.locator(".govuk-error-summary").get_by_role("link", name="Enter what the item is").click()
    expect(page.get_by_label("What is it?")).to_be_focused()
    page.get_by_label("What is it?").fill("A wardrobe")
    walk.continue_()

    walk.at("Tell us about the item")
    page.get_by_label("Needs two people to carry").check()
    walk.continue_()
    walk.at("You have added 1 item")
    expect(page.locator(".govuk-summary-list__key")).to_have_text(["Something else"])
    page.get_by_label("No", exact=True).check()
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
    page.get_by_label("Email", exact=True).check()
    walk.fill(Email_address="sam@example.com")
    walk.continue_()

    walk.at("Check your answers before booking your collection")
    assert walk.cards() == {"Item 1": {"Item": "Something else", "What it is": "A wardrobe",
                                       "Size": "Needs two people to carry", "Notes for the crew": "Not provided"}}
    assert walk.rows(OUTSIDE_LISTS) == {
        "Collection address": "12 Mill Lane\nHebden Bridge\nHX7 8AA",
        "Collection date": f"3 March {next_year}",
        "Do you get Council Tax Reduction?": "Yes",
        "Council Tax account number": "12345678",
        "Contact by": "Email",
        "Email address": "sam@example.com",
    }

    # Change an answer so the journey takes the other branch: the answers from the
    # branch left behind drop out of check answers.
    page.get_by_role("link", name="Change do you get Council Tax Reduction?").click()
    walk.at("Do you get Council Tax Reduction?")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/bulky-waste/check-answers")
    page.get_by_label("No").check()
    walk.continue_()
    walk.at_url("/bulky-waste/check-answers")
    assert "Council Tax account number" not in walk.rows(OUTSIDE_LISTS)

    # An item's answer changed from its card: the answer its old option revealed goes.
    page.get_by_role("link", name="Change item (Item 1)").click()
    walk.at("What do you need us to collect?")
    expect(page.get_by_label("What is it?")).to_have_value("A wardrobe")
    page.get_by_label("Bed or mattress").check()
    walk.continue_()
    walk.at_url("/bulky-waste/check-answers")
    assert walk.cards() == {"Item 1": {"Item": "Bed or mattress", "Size": "Needs two people to carry",
                                       "Notes for the crew": "Not provided"}}
    assert list(walk.rows(OUTSIDE_LISTS)) == ["Collection address", "Collection date",
                                              "Do you get Council Tax Reduction?", "Contact by", "Email address"]

    page.get_by_role("button", name="Accept and send").click()
    panel = page.locator(".govuk-panel")
    expect(panel.get_by_role("heading", level=1)).to_have_text("Collection booked")
    expect(panel.locator(".govuk-panel__body")).to_have_text(re.compile(r"^\s*Your reference number\s*[A-Z2-9]{8}\s*$"))

    assert page.watch.console_errors == []
    assert page.watch.failed_requests == []


def test_a_change_that_opens_a_new_branch_asks_it_before_returning(walk):
    page = walk.page
    walk.goto("/bulky-waste/items")
    add_item(walk, "Bed or mattress")
    walk.at("You have added 1 item")
    page.get_by_label("No", exact=True).check()
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
    page.get_by_label("Post").check()
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
    assert walk.rows(OUTSIDE_LISTS)["Council Tax account number"] == "87654321"


def test_a_jinja_page_shows_answers_through_the_answer_helper(walk):
    walk.goto("/bulky-waste/items")
    add_item(walk, "Fridge or freezer")
    walk.at("You have added 1 item")
    walk.goto("/your-booking")
    values = walk.page.locator(".govuk-summary-list__value")
    expect(values.nth(0)).to_have_text("Fridge or freezer")
    expect(values.nth(1)).to_have_text("Not provided")


def test_a_scenario_button_lands_on_its_page_with_its_answers(walk):
    page = walk.page
    walk.goto("/bulky-waste/items")
    add_item(walk, "Washing machine or dishwasher")  # answers the scenario replaces
    walk.at("You have added 1 item")
    walk.goto("/scenarios")
    page.get_by_role("button", name="Start this scenario ‘A fridge, free with Council Tax Reduction’").click()
    walk.at_url("/bulky-waste/check-answers")
    assert walk.cards() == {"Item 1": {"Item": "Fridge or freezer", "Size": "Needs two people to carry",
                                       "Notes for the crew": "Not provided"}}
    assert walk.rows(OUTSIDE_LISTS) == {
        "Collection address": "12 Mill Lane\nHebden Bridge\nHX7 8AA",
        "Collection date": "4 March 2031",
        "Do you get Council Tax Reduction?": "Yes",
        "Council Tax account number": "12345678",
        "Contact by": "Email",
        "Email address": "sam.jones@example.com",
    }
    page.get_by_role("link", name="Change item (Item 1)").click()
    walk.at("What do you need us to collect?")
    expect(page.get_by_label("Fridge or freezer")).to_be_checked()
    expect(page.get_by_label("Washing machine or dishwasher")).not_to_be_checked()
    assert page.watch.console_errors == [] and page.watch.failed_requests == []
