"""Answers containing HTML and quotes are shown as text everywhere, never run as code."""

import pytest
from playwright.sync_api import expect

EVIL = """<script>alert("x")</script>' onmouseover='alert(1)"""
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#39; onmouseover=&#39;alert(1)"

FLOW = """
title: Escaping
pages:
  name:
    title: What is your name?
    questions:
      - name: name
        max_length: 10
    next: story
  story:
    title: Tell us a story
    questions:
      - name: story
        type: textarea
    next: where
  where:
    title: Where do you live?
    questions:
      - name: home
        type: address
    next: check
  check:
    layout: check-answers
    title: Check your answers
    next: done
  done:
    layout: confirmation
    title: Done
"""
SHOW = '{% extends "base.html" %}{% block content %}<p id="shown">{{ data["name"] }}</p>{% endblock %}'


@pytest.fixture
def client(make_project, make_app):
    project = make_project({"pages/escape.yaml": FLOW, "pages/show.html": SHOW})
    client = make_app(project).test_client()
    client.post("/escape/name", data={"name": "Ada"})
    client.post("/escape/story", data={"story": EVIL})
    client.post("/escape/where", data={"home-line-1": EVIL, "home-town": "Leeds", "home-postcode": "LS1 1AA"})
    return client


def test_a_rejected_answer_shown_back_with_its_error_is_escaped(client):
    page = client.post("/escape/name", data={"name": EVIL}).text
    assert "Name must be 10 characters or less" in page
    assert f'value="{ESCAPED}"' in page
    assert "<script>alert" not in page


def test_answers_refilled_into_fields_are_escaped(client):
    assert f">{ESCAPED}</textarea>" in client.get("/escape/story").text
    assert f'value="{ESCAPED}"' in client.get("/escape/where").text


def test_check_answers_shows_answers_escaped(client):
    page = client.get("/escape/check").text
    assert page.count(ESCAPED) == 2 and "<script>alert" not in page


def test_jinja_pages_show_answers_escaped(client):
    client.post("/show", data={"name": EVIL})
    assert f'<p id="shown">{ESCAPED}</p>' in client.get("/show").text


def test_no_script_an_answer_carries_runs_in_a_browser(make_project, live_server, page):
    server = live_server(make_project({"pages/escape.yaml": FLOW, "pages/show.html": SHOW}))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server.url + "/escape/name")
    page.get_by_label("What is your name?").fill("Ada")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Tell us a story").fill(EVIL)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Address line 1").fill(EVIL)
    page.get_by_label("Town or city").fill("Leeds")
    page.get_by_label("Postcode").fill("LS1 1AA")
    page.get_by_role("button", name="Continue").click()
    values = page.locator(".govuk-summary-list__value")
    expect(values.nth(1)).to_have_text(EVIL)
    expect(values.nth(2)).to_have_text(f"{EVIL} Leeds LS1 1AA", use_inner_text=True)
    values.nth(1).hover()
    assert dialogs == []


def test_an_item_and_a_revealed_answer_are_escaped_everywhere_they_show(make_project, make_app):
    from test_browser_lists import HOUSEHOLD

    client = make_app(make_project(HOUSEHOLD)).test_client()
    client.post("/household/person-name?item=1", data={"full-name": EVIL})
    client.post("/household/person-age?item=1", data={"age": "30"})
    client.post("/household/person-name?item=2", data={"full-name": "Ann"})
    client.post("/household/person-age?item=2", data={"age": "31"})
    client.post("/household/contact", data={"contact-method": "Another way", "contact-other": EVIL})
    pages = {url: client.get(url).text for url in ("/household/people", "/household/check-answers",
                                                   "/household/person-name?item=1", "/household/contact")}
    assert f'govuk-!-font-weight-regular">{ESCAPED}</dt>' in pages["/household/people"]
    assert pages["/household/check-answers"].count(ESCAPED) == 2
    assert f'value="{ESCAPED}"' in pages["/household/person-name?item=1"]
    assert f'value="{ESCAPED}"' in pages["/household/contact"]
    rejected = client.post("/household/contact", data={"contact-method": "Email", "contact-email": EVIL}).text
    assert "Enter an email address in the correct format" in rejected and f'value="{ESCAPED}"' in rejected
    assert not any("<script>alert" in page for page in [*pages.values(), rejected])


@pytest.mark.parametrize("server_kind", ["dev server", "gunicorn"])
def test_private_use_characters_typed_in_an_answer_are_shown_back_as_typed(make_project, live_server, gunicorn_server,
                                                                           server_kind):
    import http.cookiejar
    import urllib.parse
    import urllib.request

    project = make_project({"pages/escape.yaml": FLOW, "pages/show.html": SHOW})
    server = (live_server if server_kind == "dev server" else gunicorn_server)(project)
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    for typed in ("\ue000 9 \ue001", "\ue0009\ue001", "x\ue0000\ue001y"):
        form = urllib.parse.urlencode({"story": typed}).encode()
        after = browser.open(server.url + "/escape/story", data=form)  # stored, then the next page
        assert after.status == 200 and after.url.endswith("/escape/where")
        for visit in range(2):  # stored, it is shown on every visit
            page = browser.open(server.url + "/escape/story").read().decode()
            assert f">{typed}</textarea>" in page


TASKS = {
    "pages/escape.yaml": """
title: Escaping
pages:
  tasks:
    layout: task-list
    title: Tasks
    sections:
      - title: '<script>alert("section")</script>'
        tasks:
          - title: '<script>alert("task")</script>'
            start: country
      - title: Send
        tasks:
          - title: Check and send
            start: check
            after: ['<script>alert("task")</script>']
  country:
    title: Which country?
    questions:
      - name: country
        type: autocomplete
        options: ['<b>Bold</b>', Wales]
    next: tasks
  check:
    layout: check-answers
    title: Check your answers
    next: done
  done:
    layout: confirmation
    title: Done
""",
}


def test_task_titles_autocomplete_options_and_words_typed_are_escaped(make_project, make_app):
    client = make_app(make_project(TASKS)).test_client()
    tasks = client.get("/escape/tasks").text
    assert "&lt;script&gt;alert(&#34;section&#34;)&lt;/script&gt;" in tasks
    assert "&lt;script&gt;alert(&#34;task&#34;)&lt;/script&gt;" in tasks
    rejected = client.post("/escape/country", data={"country": EVIL}).text
    assert "Select country from the list" in rejected and f'data-journeys-typed="{ESCAPED}"' in rejected
    assert '<option value="&lt;b&gt;Bold&lt;/b&gt;">&lt;b&gt;Bold&lt;/b&gt;</option>' in rejected
    client.post("/escape/country", data={"country": "<b>Bold</b>"})
    check = client.get("/escape/check").text
    assert '<h2 class="govuk-heading-m">&lt;script&gt;alert(&#34;task&#34;)&lt;/script&gt;</h2>' in check
    assert "&lt;b&gt;Bold&lt;/b&gt;" in check
    assert not any("<script>alert" in page or "<b>Bold" in page for page in (tasks, rejected, check))


def test_no_script_a_task_or_an_autocomplete_carries_runs_on_the_frozen_site(make_project, public_folder, nginx, page):
    from journeys.build.freeze_site import build

    build(make_project(TASKS), public_folder / "dist", report=lambda line: None)
    server = nginx(public_folder / "dist")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server.url + "/escape/tasks")
    page.wait_for_selector("body[data-journeys-ready]", state="attached")
    expect(page.locator(".govuk-heading-m").first).to_have_text('<script>alert("section")</script>')
    page.get_by_role("link", name='<script>alert("task")</script>').click()
    expect(page.locator(".autocomplete__input")).to_be_visible()  # enhanced once the page is filled in
    box = page.get_by_role("combobox", name="Which country?")
    box.press_sequentially("<b")
    expect(page.get_by_role("option")).to_have_text(["<b>Bold</b>"])
    box.fill(EVIL)
    box.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select country from the list")
    box.fill("")
    box.press_sequentially("<b>B")
    page.get_by_role("option", name="<b>Bold</b>").click()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Check and send").click()
    expect(page.locator("[data-journeys-answers] h2")).to_have_text('<script>alert("task")</script>')
    expect(page.locator(".govuk-summary-list__value")).to_have_text("<b>Bold</b>")
    assert dialogs == [] and page.locator("main b").count() == 0
