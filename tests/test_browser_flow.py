"""A researcher's walk through the example booking journey in Debian's Chromium."""

import datetime
import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def server(example_copy, live_server):
    return live_server(example_copy)


def continue_(page):
    page.get_by_role("button", name="Continue").click()


def rows(page) -> dict[str, str]:
    """The summary list as {key: value}, once its rows are there (the frozen site adds them by script)."""
    page.locator(".govuk-summary-list__row").first.wait_for()
    page.wait_for_load_state()
    keys = page.locator(".govuk-summary-list__key").all_inner_texts()
    values = page.locator(".govuk-summary-list__value").all_inner_texts()
    return dict(zip(keys, values))


def test_booking_a_collection_branches_validates_and_plays_back_answers(server, page):
    next_year = datetime.date.today().year + 1
    page.goto(server.url + "/bulky-waste/start")
    page.get_by_role("button", name="Start now").click()

    # A validation error, the GOV.UK way, then its correction.
    continue_(page)
    expect(page).to_have_title(re.compile(r"^Error: What do you need us to collect\?"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    summary.get_by_role("link", name="Select what you need us to collect").click()
    expect(page.locator("#items")).to_be_focused()
    expect(page.locator(".govuk-error-message")).to_have_text("Error: Select what you need us to collect")
    page.get_by_label("Sofa or armchair").check()
    page.get_by_label("Something else").check()
    continue_(page)

    # Ticking "Something else" branches to a page asking what else.
    expect(page.get_by_role("heading", level=1)).to_have_text("What else do you need us to collect?")
    page.get_by_label("What else do you need us to collect?").fill("A wardrobe")
    continue_(page)

    page.get_by_label("Address line 1").fill("12 Mill Lane")
    page.get_by_label("Town or city").fill("Hebden Bridge")
    page.get_by_label("Postcode").fill("hx7 8aa")
    continue_(page)

    page.get_by_label("Day").fill("30")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill(str(next_year))
    continue_(page)
    expect(page.locator(".govuk-error-summary__list")).to_have_text("Collection date must be a real date")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("3")
    continue_(page)

    # "Yes" branches to the account number; Back returns with the answer still chosen.
    page.get_by_label("Yes").check()
    continue_(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("What is your Council Tax account number?")
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("Yes")).to_be_checked()
    continue_(page)
    page.get_by_label("What is your Council Tax account number?").fill("12345678")
    continue_(page)

    page.get_by_label("Email address").fill("sam@example.com")
    continue_(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before booking your collection")
    assert rows(page) == {
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
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/bulky-waste/check-answers")
    page.get_by_label("No").check()
    continue_(page)
    expect(page).to_have_url(server.url + "/bulky-waste/check-answers")
    assert "Council Tax account number" not in rows(page)

    page.get_by_role("link", name="Change items").click()
    page.get_by_label("Something else").uncheck()
    continue_(page)
    expect(page).to_have_url(server.url + "/bulky-waste/check-answers")
    assert list(rows(page)) == ["Items", "Collection address", "Collection date",
                                "Do you get Council Tax Reduction?", "Email address", "Phone number (optional)"]
    assert rows(page)["Items"] == "Sofa or armchair"

    page.get_by_role("button", name="Accept and send").click()
    panel = page.locator(".govuk-panel")
    expect(panel.get_by_role("heading", level=1)).to_have_text("Collection booked")
    expect(panel.locator(".govuk-panel__body")).to_have_text(re.compile(r"^\s*Your reference number\s*[A-Z2-9]{8}\s*$"))

    assert page.watch.console_errors == []
    assert page.watch.failed_requests == []


def test_a_change_that_opens_a_new_branch_asks_it_before_returning(server, page):
    page.goto(server.url + "/bulky-waste/items")
    page.get_by_label("Bed or mattress").check()
    continue_(page)
    for label, value in (("Address line 1", "1 Lane"), ("Town or city", "Leeds"), ("Postcode", "LS1 1AA")):
        page.get_by_label(label).fill(value)
    continue_(page)
    for label, value in (("Day", "1"), ("Month", "1"), ("Year", str(datetime.date.today().year + 2))):
        page.get_by_label(label).fill(value)
    continue_(page)
    page.get_by_label("No").check()
    continue_(page)
    page.get_by_label("Email address").fill("sam@example.com")
    continue_(page)

    page.get_by_role("link", name="Change do you get Council Tax Reduction?").click()
    page.get_by_label("Yes").check()
    continue_(page)
    # The new branch's question comes first, then check answers again.
    expect(page.get_by_role("heading", level=1)).to_have_text("What is your Council Tax account number?")
    page.get_by_label("What is your Council Tax account number?").fill("87654321")
    continue_(page)
    expect(page).to_have_url(server.url + "/bulky-waste/check-answers")
    assert rows(page)["Council Tax account number"] == "87654321"
