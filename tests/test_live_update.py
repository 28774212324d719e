"""A save updates the open page in place: what was typed, the focus and the scroll position stay.

Real Chromium on the real dev server: the page is morphed (idiomorph), not reloaded, so a flag
set on `window` before the save is still there after it; whatever cannot be morphed safely
reloads the whole page, which clears the flag.
"""

import pytest
from playwright.sync_api import expect

PAGE = """{% extends "base.html" %}
{% block content %}
<h1 class="govuk-heading-l">Version 0</h1>
<form method="post" action="/">
  {{ govukInput({"name": "full-name", "id": "full-name", "label": {"text": "Full name"}}) }}
  {{ govukRadios({"name": "contact", "fieldset": {"legend": {"text": "How should we contact you?"}}, "items": [
      {"value": "email", "text": "Email", "conditional": {"html": '<p class="govuk-body" id="email-reveal">We will email you</p>'}},
      {"value": "phone", "text": "Phone"}]}) }}
  <details class="govuk-details" id="more"><summary class="govuk-details__summary">More</summary><div class="govuk-details__text">Text</div></details>
  {% for n in range(60) %}<p class="govuk-body">Paragraph {{ n }}</p>{% endfor %}
  {{ govukCharacterCount({"name": "notes", "id": "notes", "maxlength": 200, "label": {"text": "Notes"}}) }}
  <button class="govuk-button">Save</button>
</form>
{% endblock %}
"""
FILES = {
    "pages/index.html": PAGE,
    "data/settings.yaml": "service_name: Book a bulky waste collection\n",
    "static/application.css": "h1.govuk-heading-l { color: rgb(11, 12, 12); }\n",
}


@pytest.fixture
def project(make_project):
    return make_project(FILES)


@pytest.fixture
def server(project, live_server):
    return live_server(project)


def save(project, text):
    (project / "pages" / "index.html").write_text(text, encoding="utf-8")


def open_and_type(page, url):
    """Type into the page, open its details, scroll to the end and leave the caret in the notes."""
    page.goto(url)
    page.wait_for_live_reload()
    page.fill("#full-name", "Ada Lovelace")
    page.get_by_label("Email").check()
    page.locator("#more summary").click()
    page.fill("#notes", "Collect from the back door")
    page.evaluate("() => { const notes = document.getElementById('notes'); notes.focus(); notes.setSelectionRange(8, 12) }")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.evaluate("window.notReloaded = true")
    return page.evaluate("window.scrollY")


def test_a_save_is_shown_in_place_keeping_what_was_typed_the_focus_and_the_scroll(project, server, page):
    scrolled = open_and_type(page, server.url + "/")
    assert scrolled > 500

    save(project, PAGE.replace("Version 0", "Version 1").replace("Paragraph {{ n }}", "Line {{ n }}"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 1")
    expect(page.get_by_text("Line 59")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    assert page.input_value("#full-name") == "Ada Lovelace"
    assert page.get_by_label("Email").is_checked()
    assert page.input_value("#notes") == "Collect from the back door"
    assert page.evaluate("document.activeElement.id") == "notes"
    assert page.evaluate("[document.activeElement.selectionStart, document.activeElement.selectionEnd]") == [8, 12]
    assert page.evaluate("window.scrollY") == scrolled
    assert page.evaluate("document.getElementById('more').open") is True
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_gov_uk_components_changed_by_a_save_work_afterwards(project, server, page):
    open_and_type(page, server.url + "/")
    # The save changes both components: each is started again by GOV.UK Frontend.
    save(project, PAGE.replace("How should we contact you?", "How can we reach you?").replace('"Notes"', '"Your notes"'))
    expect(page.get_by_text("How can we reach you?")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    expect(page.locator("#email-reveal")).to_be_visible()  # the email chosen before the save still reveals
    page.get_by_label("Phone").check()
    expect(page.locator("#email-reveal")).to_be_hidden()
    page.get_by_label("Email").check()
    expect(page.locator("#email-reveal")).to_be_visible()
    page.fill("#notes", "x" * 190)
    # One count under the box, kept up to date: not one left over from before the save.
    expect(page.locator(".govuk-character-count__status")).to_have_count(1)
    expect(page.locator(".govuk-character-count__status")).to_have_text("You have 10 characters remaining")
    assert page.watch.console_errors == []


def test_a_change_to_the_head_or_a_script_reloads_the_whole_page(project, server, page):
    for changed in (PAGE.replace("{% block content %}", '{% block head %}{{ super() }}<meta name="x" content="1">{% endblock %}\n{% block content %}'),
                    PAGE.replace("{% endblock %}", '<script src="/assets/journeys/init.js" type="module"></script>{% endblock %}')):
        page.goto(server.url + "/")
        page.wait_for_live_reload()
        page.evaluate("window.notReloaded = true")
        save(project, changed.replace("Version 0", "Version 2"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Version 2")
        assert page.evaluate("window.notReloaded") is None
        save(project, PAGE)
        expect(page.get_by_role("heading", level=1)).to_have_text("Version 0")


def test_an_error_page_appears_on_a_bad_save_and_goes_on_the_next_good_one(project, server, page):
    page.goto(server.url + "/")
    page.wait_for_live_reload()
    save(project, PAGE.replace("Version 0", "{{ nothing.here }}"))
    expect(page.get_by_text("there is nothing called 'nothing' on this page")).to_be_visible()
    page.wait_for_live_reload()
    save(project, PAGE.replace("Version 0", "Version 3"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 3")


def test_a_stylesheet_save_swaps_the_stylesheet_without_touching_the_page(project, server, page):
    open_and_type(page, server.url + "/")
    (project / "static" / "application.css").write_text("h1.govuk-heading-l { color: rgb(212, 53, 28); }\n")
    expect(page.get_by_role("heading", level=1)).to_have_css("color", "rgb(212, 53, 28)")
    assert page.evaluate("window.notReloaded") is True
    assert page.input_value("#full-name") == "Ada Lovelace"


def test_a_page_shown_in_answer_to_a_form_reloads_whole(project, make_app):
    app = make_app(project)
    from journeys.devserver.live_reload import load_client_in_pages

    load_client_in_pages(app, update_in_place=True)
    client = app.test_client()
    assert "/livereload/live-update.js" in client.get("/").text
    posted = client.post("/", data={"full-name": "Ada"}, headers={"Origin": "http://localhost"}).text
    assert "/livereload.js" in posted and "live-update.js" not in posted


def test_a_flow_saved_shows_its_new_title_in_place_keeping_the_answer_chosen(make_project, live_server, page):
    flow = ("title: Book\npages:\n  item:\n    title: {title}\n    questions:\n      - name: item\n        type: radios\n"
            "        options: [Sofa, Fridge]\n    next: done\n  done:\n    layout: confirmation\n    title: Booked\n")
    project = make_project({"pages/book.yaml": flow.format(title="What is it?"),
                            "data/settings.yaml": "service_name: Book\n"})
    server = live_server(project)
    page.goto(server.url + "/book/item")
    page.wait_for_live_reload()
    page.get_by_label("Fridge").check()
    page.evaluate("window.notReloaded = true")
    (project / "pages" / "book.yaml").write_text(flow.format(title="What do you need collected?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("What do you need collected?")
    assert page.evaluate("window.notReloaded") is True and page.get_by_label("Fridge").is_checked()
    assert page.title().startswith("What do you need collected?")
