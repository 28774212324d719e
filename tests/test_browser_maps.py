"""Journey maps in Chromium: on the dev server (following the file as it is saved) and frozen under NGINX."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from journeys.flows.journey_map import UNREACHABLE

ORPHAN = """
  leaflet:
    title: Read our leaflet about recycling
    next: address
"""


@pytest.fixture
def server(example_copy, live_server):
    return live_server(example_copy)


def nodes(page) -> dict[str, str]:
    """{page id: the words in its box} for every box of the map."""
    found = {}
    for box in page.locator(".journeys-map__picture g.node").all():
        found[box.get_attribute("id").removeprefix("page-")] = " ".join(box.locator("text").all_text_contents())
    return found


def test_the_example_map_shows_every_page_every_rule_in_words_and_opens_the_pages(server, page):
    page.goto(server.url + "/")
    page.get_by_role("link", name="Journey maps").click()
    page.locator("main").get_by_role("link", name="Book a bulky waste collection").click()
    expect(page).to_have_url(server.url + "/_journeys/map/bulky-waste")
    page.goto(server.url + "/")
    page.get_by_role("link", name=re.compile(r"its journey map\W+the booking journey")).click()
    expect(page).to_have_url(server.url + "/_journeys/map/bulky-waste")
    expect(page.get_by_role("heading", level=1)).to_have_text("Book a bulky waste collection")

    boxes = nodes(page)
    assert len(boxes) == 12
    assert boxes["start"] == "Book a bulky waste collection Start page"
    assert boxes["items"] == "Items to collect Add another (a list)"
    assert boxes["item-type"] == "What do you need us to collect? Question, for each item"
    assert boxes["check-answers"].endswith("Check answers") and boxes["confirmation"].endswith("Confirmation")
    arrows = [" ".join(edge.locator("text").all_text_contents()) for edge in page.locator(".journeys-map__picture g.edge").all()]
    assert len(arrows) == 14
    assert {"if items has at least 4", "otherwise", "if council-tax-reduction is Yes", "for each item",
            "back to the list"} <= {text.strip() for text in arrows}

    # The text alternative: the same pages and ways on, in a table.
    row = page.locator('tr[data-journeys-map-page="council-tax-reduction"]')
    expect(row).to_contain_text("Do you get Council Tax Reduction?")
    expect(row.locator("td").nth(1)).to_have_text(re.compile(
        r"If council-tax-reduction is Yes: What is your Council Tax account number\?\s+Otherwise: How can we contact you"))
    assert page.locator(".journeys-map__table tbody tr").count() == 12

    page.locator("#page-address a").click()
    expect(page).to_have_url(server.url + "/bulky-waste/address")
    expect(page.get_by_role("heading", level=1)).to_have_text("Where should we collect from?")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_a_scenarios_path_is_drawn_in_blue_from_where_it_starts(server, page):
    page.goto(server.url + "/_journeys/map/bulky-waste")
    page.get_by_role("link", name="Clearing a house, four items").click()
    expect(page).to_have_url(server.url + "/_journeys/map/bulky-waste/scenario/clearing-a-house")
    on_path = page.locator(".journeys-map__picture g.node.journeys-map__on-path")
    expect(on_path).to_have_count(8)
    start = page.locator(".journeys-map__picture g.journeys-map__start")
    expect(start).to_have_attribute("id", "page-items")
    expect(start).to_contain_text("The scenario starts here")
    assert page.locator("#page-items path").first.get_attribute("stroke") == "#1d70b8"
    assert page.locator("#page-account-number path").first.get_attribute("stroke") != "#1d70b8"
    expect(page.locator(".journeys-map__picture g.edge.journeys-map__on-path")).to_have_count(7)
    expect(page.locator(".journeys-map__scenario")).to_contain_text("It starts on Items to collect")

    # The dev server's query string draws the same.
    page.goto(server.url + "/_journeys/map/bulky-waste?scenario=fridge-with-reduction")
    expect(page.locator(".journeys-map__picture g.journeys-map__start")).to_have_attribute("id", "page-check-answers")


def test_an_unreachable_page_shows_on_the_map_and_the_open_map_follows_the_file(example_copy, server, page):
    page.goto(server.url + "/_journeys/map/bulky-waste")
    page.wait_for_live_reload()
    flow_file = example_copy / "pages" / "bulky-waste.yaml"
    text = flow_file.read_text()
    flow_file.write_text(text.replace("\n  address:\n", ORPHAN + "\n  address:\n", 1))

    orphan = page.locator("#page-leaflet")
    expect(orphan).to_contain_text(f"! {UNREACHABLE}")
    assert page.locator("#page-leaflet path").first.get_attribute("stroke") == "#d4351c"
    expect(page.locator('tr[data-journeys-map-page="leaflet"]')).to_contain_text(UNREACHABLE)
    expect(page.locator("[data-journeys-map-problems]")).to_contain_text(
        "pages/bulky-waste.yaml:78 no page leads to 'leaflet', so nobody can reach it")
    assert page.locator(".journeys-map__picture g.node.journeys-map__problem").count() == 1


def test_the_frozen_build_has_the_maps_and_they_work_under_nginx(frozen_example, example_builds, watched_page):
    site = example_builds["/"]
    assert (site / "_journeys/map/index.html").is_file()
    assert (site / "_journeys/map/bulky-waste/index.html").is_file()
    assert (site / "_journeys/map/bulky-waste/scenario/clearing-a-house/index.html").is_file()
    assert not (site / "_journeys/answers").exists()

    page = watched_page()
    page.goto(frozen_example.url + "/")
    page.get_by_role("link", name="Journey maps").click()
    page.locator("main").get_by_role("link", name="Apply for a market trader licence").click()
    assert len(nodes(page)) == 16
    expect(page.locator("#page-tasks")).to_contain_text("Task list")
    page.get_by_role("link", name="A trader part-way through the licence application").click()
    expect(page.locator(".journeys-map__picture g.journeys-map__start")).to_have_attribute("id", "page-tasks")
    page.locator("#page-share-code a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What is your share code?")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_a_map_built_under_a_base_url_links_inside_it(example_builds):
    html = (example_builds["/my-prototype/"] / "_journeys/map/bulky-waste/index.html").read_text()
    assert 'href="/my-prototype/bulky-waste/start"' in html
    assert 'href="/bulky-waste/' not in html
