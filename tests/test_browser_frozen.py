"""The frozen example prototype in Debian's Chromium: through NGINX, and under a sub-path on a plain server."""

import re

import pytest
from playwright.sync_api import expect

from journeys.build.freeze_site import build

PAGES = ["/", "/about", "/your-booking", "/bulky-waste/start", "/bulky-waste/items", "/bulky-waste/address",
         "/bulky-waste/collection-date", "/bulky-waste/check-answers", "/bulky-waste/confirmation", "/scenarios",
         "/clear-answers", "/nowhere", "/market-trader-licence/tasks", "/market-trader-licence/pitch",
         "/market-trader-licence/food-rules", "/market-trader-licence/too-young"]


@pytest.fixture
def builds(example_builds):
    return example_builds


@pytest.fixture
def server(frozen_example):
    return frozen_example


def assert_a_working_govuk_page(page, status=200):
    """GOV.UK's CSS, fonts and JavaScript all loaded and ran, and nothing failed or was blocked."""
    page.wait_for_load_state("networkidle")
    assert page.locator(".govuk-header").is_visible()
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('GDS Transport') && f.status === 'loaded')")
    assert page.locator("h1").evaluate("e => getComputedStyle(e).fontFamily").startswith('"GDS Transport"')
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    modules = page.eval_on_selector_all("[data-module]", "els => els.map(e => e.hasAttribute('data-' + e.dataset.module + '-init'))")
    assert modules and all(modules)
    # A Content-Security-Policy block shows here. The 404 page's own status is the one failure allowed.
    allowed = [] if status == 200 else ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert page.watch.console_errors == allowed
    assert page.watch.failed_requests == ([] if status == 200 else [f"{page.url} (404)"])


@pytest.mark.parametrize("url", PAGES)
def test_every_frozen_page_works_through_nginx(server, watched_page, url):
    page = watched_page()
    response = page.goto(server.url + url)
    status = 404 if url == "/nowhere" else 200
    assert response.status == status
    assert_a_working_govuk_page(page, status)


def test_without_javascript_the_forms_still_lead_along_the_default_path(server, watched_page):
    page = watched_page(javascript=False)
    heading = page.get_by_role("heading", level=1)
    page.goto(server.url + "/bulky-waste")  # the flow's own address opens its first page
    expect(page).to_have_url(server.url + "/bulky-waste/start")
    page.get_by_role("button", name="Start now").click()
    # No script to show a list: into it through its first item's pages.
    expect(page).to_have_url(server.url + "/bulky-waste/item-type")
    expect(heading).to_have_text("What do you need us to collect?")
    page.get_by_label("Something else").check()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(server.url + "/bulky-waste/item-details") + r"\?"))
    expect(heading).to_have_text("Tell us about the item")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(server.url + "/bulky-waste/items") + r"\?"))
    page.get_by_role("button", name="Continue").click()
    # No script to follow the branch: the form goes to the page the rules lead to by default.
    expect(page).to_have_url(re.compile(re.escape(server.url + "/bulky-waste/address") + r"\?"))
    expect(heading).to_have_text("Where should we collect from?")
    page.get_by_role("button", name="Continue").click()
    expect(heading).to_have_text("When would you like us to collect?")
    page.get_by_role("link", name="Back").click()
    expect(page).to_have_url(server.url + "/bulky-waste/address")
    assert page.watch.failed_requests == []


@pytest.mark.parametrize("base_url", ["/", "/my-prototype/"])
def test_on_a_plain_static_server_under_a_sub_path_fonts_css_and_js_all_load(builds, static_server, watched_page, base_url):
    # Like GitHub Pages: the site is a folder of the server, at /my-prototype/.
    site = builds[base_url]
    server = static_server(site.parent if base_url != "/" else site)
    page = watched_page()
    page.goto(server.url + base_url)
    assert_a_working_govuk_page(page)
    page.get_by_role("link", name="About this prototype").click()
    assert page.url == server.url + base_url + "about/"  # the plain server adds the slash
    assert_a_working_govuk_page(page)


def test_every_govuk_component_runs_under_the_content_security_policy(make_project, public_folder, nginx, watched_page):
    # Accordion, tabs, character count, radios, error summary...: their JavaScript must run
    # under the shipped policy, and the project's own hashed module must find its import.
    from test_frozen_equals_live import PROJECT

    project = make_project({**PROJECT, "static/helpers.js": "export function hello () { document.body.dataset.hello = 'yes' }\n"})
    build(project, public_folder / "dist", report=lambda line: None)
    server = nginx(public_folder / "dist")
    page = watched_page()
    page.goto(server.url + "/")
    assert_a_working_govuk_page(page)
    assert page.locator("body").get_attribute("data-hello") == "yes"
    assert page.locator(".govuk-accordion__show-all").is_visible()  # made by the accordion's JavaScript


def test_under_a_sub_path_a_journey_branches_and_keeps_its_answers(builds, static_server, watched_page):
    # GitHub Pages: the site is a folder of the server. Every URL the script makes must keep it.
    server = static_server(builds["/my-prototype/"].parent)
    page = watched_page()
    base = server.url + "/my-prototype/"
    ready = lambda: page.wait_for_selector("body[data-journeys-ready]", state="attached")  # noqa: E731
    page.goto(base + "bulky-waste/items/")
    # No items yet: the list sends the browser to its first item's first page, under the sub-path.
    expect(page).to_have_url(re.compile(re.escape(base + "bulky-waste/item-type") + r"/?\?item=1$"))
    ready()
    page.get_by_label("Something else").check()
    page.get_by_label("What is it?").fill("A bike")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(base + "bulky-waste/item-details") + r"/?\?item=1$"))
    ready()
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/my-prototype/bulky-waste/item-type?item=1")
    page.get_by_role("link", name="Back").click()
    ready()
    expect(page.get_by_label("Something else")).to_be_checked()
    expect(page.get_by_label("What is it?")).to_have_value("A bike")
    page.get_by_role("button", name="Continue").click()
    ready()
    page.get_by_label("Fits through a standard door").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have added 1 item")
    ready()
    expect(page.get_by_role("link", name="Remove item 1")).to_have_attribute("href", "/my-prototype/bulky-waste/items/remove?item=1")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_under_a_sub_path_the_task_list_links_into_its_tasks_and_the_autocomplete_works(builds, static_server, watched_page):
    server = static_server(builds["/my-prototype/"].parent)
    page = watched_page()
    base = server.url + "/my-prototype/"
    page.goto(base + "market-trader-licence/tasks/")
    page.wait_for_selector("body[data-journeys-ready]", state="attached")
    expect(page.get_by_role("link", name="Your nationality")).to_have_attribute(
        "href", "/my-prototype/market-trader-licence/nationality")
    page.get_by_role("link", name="Your nationality").click()
    page.wait_for_selector("body[data-journeys-ready]", state="attached")
    box = page.get_by_role("combobox", name="What is your nationality?")
    box.press_sequentially("Irish")
    page.get_by_role("option", name="Irish", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(base + "market-trader-licence/tasks") + "/?$"))
    expect(page.locator(".govuk-task-list__item", has_text="Your nationality")).to_contain_text("Completed")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []
