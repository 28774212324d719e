"""The answers panel in Chromium on the dev server: shows, changes (validated), clears and saves a scenario."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT

from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.site_checks.accessibility import axe_source, check_accessibility


@pytest.fixture
def server(example_copy, live_server):
    return live_server(example_copy)


def start_scenario(page, server, name: str) -> None:
    page.goto(f"{server.url}/scenarios/{name}")
    page.get_by_role("button", name="Start this scenario").click()
    page.wait_for_url(re.compile(r"/bulky-waste/"))


def headings(page) -> list[str]:
    return [text.split("\n")[0].replace("open the page", "").strip()
            for text in page.locator("main h3").all_inner_texts()]


def row(page, name: str):
    return page.locator(f'[data-journeys-answer-name="{name}"]')


def test_the_panel_shows_every_answer_by_page_in_journey_order_and_changes_them_as_the_page_would(server, page):
    start_scenario(page, server, "something-else")
    page.get_by_role("link", name="Your answers").click()
    expect(page).to_have_url(server.url + "/_journeys/answers")
    expect(page.get_by_role("heading", level=2, name="Book a bulky waste collection")).to_be_visible()
    assert headings(page) == ["Items to collect", "Where should we collect from?", "When would you like us to collect?",
                              "Do you get Council Tax Reduction?", "How can we contact you about the collection?"]
    expect(row(page, "collection-date").locator("dd").first).to_have_text("12 May 2031")
    expect(row(page, "mobile").locator("dd").first).to_have_text("07700 900 982")
    expect(row(page, "items").locator("dd").first).to_contain_text("Something else")
    # The panel is never built, so `make check` never sees it: axe looks at it here.
    assert check_accessibility(page, "/_journeys/answers", axe_source(ROOT / "node_modules")) == []

    # Change: the page's own questions, checked as the page checks them.
    row(page, "contact-method").get_by_role("link", name=re.compile("Change")).click()
    expect(page).to_have_url(server.url + "/_journeys/answers/change/bulky-waste/contact")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Save and go back to your answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an email address in the correct format")
    page.get_by_label("Email address").fill("priya@example.com")
    page.get_by_role("button", name="Save and go back to your answers").click()
    expect(page).to_have_url(re.compile(r"/_journeys/answers#bulky-waste$"))
    expect(row(page, "contact-method").locator("dd").first).to_have_text("Email")
    expect(row(page, "email").locator("dd").first).to_have_text("priya@example.com")
    expect(row(page, "mobile")).to_have_count(0)  # its option is no longer chosen, as on the page itself

    # Clear one answer, then all.
    row(page, "collection-date").get_by_role("button", name="Clear Collection date").click()
    expect(row(page, "collection-date")).to_have_count(0)
    expect(row(page, "address")).to_have_count(1)
    page.goto(server.url + "/bulky-waste/collection-date")
    expect(page.get_by_label("Day")).to_have_value("")
    page.goto(server.url + "/_journeys/answers")
    page.get_by_role("button", name="Clear all answers").click()
    expect(page.locator("[data-journeys-no-answers]")).to_be_visible()
    page.goto(server.url + "/bulky-waste/address")
    expect(page.get_by_label("Address line 1")).to_have_value("")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_saved_answers_become_a_scenario_that_starts_where_chosen_and_is_never_overwritten_unasked(
        example_copy, server, page):
    start_scenario(page, server, "fridge-with-reduction")
    page.goto(server.url + "/_journeys/answers")
    page.get_by_text("Save these answers as a scenario").click()
    page.get_by_label("Name").fill("../../pages/index")
    page.get_by_label("Title").fill('Sam <b>again</b> "&"')
    page.get_by_label("Start on").select_option("contact")
    page.get_by_role("button", name="Save as a scenario").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name of lowercase letters, numbers and hyphens")
    assert sorted(p.name for p in (example_copy / "data/scenarios").iterdir()) == [
        "clearing-a-house.yaml", "fridge-with-reduction.yaml", "something-else.yaml", "trader-part-way.yaml"]

    page.get_by_label("Name").fill("sam-by-email")
    page.get_by_role("button", name="Save as a scenario").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text('Saved as the scenario Sam <b>again</b> "&"')
    saved = yaml.safe_load((example_copy / "data/scenarios/sam-by-email.yaml").read_text())
    assert saved["flow"] == "bulky-waste" and saved["start"] == "contact"
    assert saved["answers"]["email"] == "sam.jones@example.com" and saved["answers"]["items"][0]["item-type"] == "Fridge or freezer"
    assert "sam-by-email" in read_prototype(Project.at(example_copy)).scenarios  # it reads cleanly

    # It is a scenario like any other: listed, and it starts where chosen with its answers.
    page.get_by_role("button", name="Clear all answers").click()
    page.goto(server.url + "/scenarios")
    expect(page.get_by_role("heading", name='Sam <b>again</b> "&"')).to_be_visible()
    page.get_by_role("button", name=re.compile("Start this scenario.*Sam")).click()
    expect(page).to_have_url(server.url + "/bulky-waste/contact")
    expect(page.get_by_label("Email address")).to_have_value("sam.jones@example.com")

    # Saving under a name that is taken asks first; going back leaves the file as it was.
    before = (example_copy / "data/scenarios/fridge-with-reduction.yaml").read_text()
    page.goto(server.url + "/_journeys/answers")
    page.get_by_text("Save these answers as a scenario").click()
    page.get_by_label("Name").fill("fridge-with-reduction")
    page.get_by_label("Title").fill("Replaced")
    page.get_by_role("button", name="Save as a scenario").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A scenario called ‘fridge-with-reduction’ already exists")
    assert (example_copy / "data/scenarios/fridge-with-reduction.yaml").read_text() == before
    page.get_by_role("button", name="Replace it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved as the scenario Replaced")
    assert yaml.safe_load((example_copy / "data/scenarios/fridge-with-reduction.yaml").read_text())["title"] == "Replaced"


def test_the_panel_refuses_forms_from_other_sites(example_copy, server):
    request = urllib.request.Request(server.url + "/_journeys/answers/save", method="POST",
                                     data=b"flow=bulky-waste&name=evil&title=Evil&start=start",
                                     headers={"Origin": "http://elsewhere.example", "Sec-Fetch-Site": "cross-site"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 400
    assert not (example_copy / "data/scenarios/evil.yaml").exists()


def test_the_frozen_build_has_no_answers_panel(frozen_example, example_builds):
    for address in ("/_journeys/answers", "/_journeys/answers/change/bulky-waste/address"):
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(frozen_example.url + address)
        assert missing.value.code == 404
        assert "Page not found" in missing.value.read().decode()
    home = (example_builds["/"] / "index.html").read_text()
    assert "/_journeys/answers" not in home and 'href="/_journeys/map"' in home
