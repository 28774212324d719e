"""The example prototype in Debian's Chromium: GOV.UK styles, fonts and scripts all work."""

import pytest


@pytest.fixture
def server(example_copy, live_server):
    return live_server(example_copy)


def test_the_home_page_renders_as_a_govuk_page(server, page):
    page.goto(server.url + "/")
    page.wait_for_load_state("networkidle")

    assert page.locator(".govuk-header").is_visible()
    assert page.get_by_role("link", name="GOV.UK").first.is_visible()
    assert page.locator(".govuk-service-navigation__service-name").inner_text() == "Book a bulky waste collection"
    assert page.get_by_role("heading", level=1).inner_text() == "Book a bulky waste collection"

    # The GOV.UK font is loaded from /assets/fonts and used for the heading.
    assert page.evaluate("document.fonts.check('bold 19px \"GDS Transport\"')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('GDS Transport') && f.status === 'loaded')")
    assert page.locator("h1").evaluate("e => getComputedStyle(e).fontFamily").startswith('"GDS Transport"')

    # GOV.UK Frontend's JavaScript ran: the body is marked supported, every component initialised.
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    modules = page.eval_on_selector_all("[data-module]", "els => els.map(e => [e.dataset.module, e.hasAttribute('data-' + e.dataset.module + '-init')])")
    assert {name for name, _ in modules} >= {"govuk-button", "govuk-service-navigation", "govuk-skip-link"}
    assert all(initialised for _, initialised in modules), modules

    assert page.watch.console_errors == []
    assert page.watch.failed_requests == []
