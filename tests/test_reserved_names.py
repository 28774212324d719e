"""Names every JavaScript object has (constructor, toString, __proto__) are plain answers on the frozen site (issue 13, item 11)."""

import pytest
from playwright.sync_api import expect

from journeys.build.freeze_site import build

FLOW = """
title: Reserved
pages:
  ask:
    title: Your details
    questions:
      - name: constructor
        label: Builder
      - name: toString
        label: Text
      - name: colour
        type: radios
        label: Colour
        options: [Red, Blue]
      - name: note
        label: Note
        required: false
    next:
      - when: {toString: __proto__}
        goto: check
      - goto: ask
  check:
    layout: check-answers
    title: Check your answers
    next: done
  done:
    layout: confirmation
    title: Sent
"""


@pytest.fixture
def frozen(make_project, public_folder, nginx):
    build(make_project({"pages/index.html": "Home", "pages/reserved.yaml": FLOW}), public_folder / "dist",
          report=lambda line: None)
    return nginx(public_folder / "dist")


def test_questions_named_constructor_and_tostring_start_empty_and_keep_what_is_typed(frozen, watched_page):
    page = watched_page()
    page.goto(frozen.url + "/reserved/ask")
    page.wait_for_selector("body[data-journeys-ready]", state="attached")
    expect(page.get_by_label("Builder")).to_have_value("")  # not "function Object() { [native code] }"
    expect(page.get_by_label("Text")).to_have_value("")
    page.get_by_label("Builder").fill("constructor")
    page.get_by_label("Text").fill("__proto__")
    page.get_by_label("Red").check()
    page.get_by_label("Note").fill("toString")
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(frozen.url + "/reserved/check")  # the branch on toString's answer was followed
    page.wait_for_selector("body[data-journeys-ready]", state="attached")
    expect(page.locator(".govuk-summary-list__value")).to_have_text(["constructor", "__proto__", "Red", "toString"])
    page.get_by_role("link", name="Change builder").click()
    page.wait_for_selector("body[data-journeys-ready]", state="attached")
    expect(page.get_by_label("Builder")).to_have_value("constructor")
    expect(page.get_by_label("Text")).to_have_value("__proto__")
    assert page.watch.console_errors == []
