"""Reload on save: every save reaches the open browsers once, and the page shows the new file."""

import os

import pytest
from playwright.sync_api import expect

from journeys.devserver.live_reload import messages_for
from journeys.devserver.watcher import CREATED, DELETED, EDITED

PAGE = """{% extends "base.html" %}
{% block content %}
<h1 class="govuk-heading-l">Version 0</h1>
<p id="answer">{{ data["name"] or "No name yet" }}</p>
<form method="post" action="/"><input class="govuk-input" name="name" id="name"><button class="govuk-button">Save</button></form>
{% endblock %}
"""
FILES = {
    "pages/index.html": PAGE,
    "pages/about.md": "# About\n\nText\n",
    "layouts/wide.html": '{% extends "base.html" %}{% block content %}{{ content }}{% endblock %}',
    "data/settings.yaml": "service_name: Book a bulky waste collection\n",
    "static/application.css": "#answer { color: rgb(11, 12, 12); }\n",
}


@pytest.fixture
def project(make_project):
    return make_project(FILES)


@pytest.fixture
def server(project, live_server):
    return live_server(project)


def save(path, text):
    path.write_text(text, encoding="utf-8")


def test_a_connected_client_is_told_to_reload_after_a_save_in_each_folder(project, server, reload_client):
    client = reload_client(server)
    for name in ("pages/index.html", "layouts/wide.html", "data/settings.yaml", "pages/about.md"):
        save(project / name, (project / name).read_text() + "\n")
        message = client.next()
        assert message["command"] == "reload" and message["path"] == str(project / name)
        assert message["liveCSS"] is False  # the whole page reloads

    save(project / "pages" / "_new-partial.html", "<p>New</p>")
    assert client.next()["path"] == str(project / "pages" / "_new-partial.html")


def test_an_editors_save_of_several_events_is_one_reload(project, live_server, reload_client):
    # Settling for 0.5 s, not 0.05: however busy this machine, the burst below fits in it.
    client = reload_client(live_server(project, env={"JOURNEYS_RELOAD_DELAY_MS": "500"}))
    page = project / "pages" / "index.html"
    # As vim saves: probe the folder, keep a backup, write the file anew, drop the backup.
    save(project / "pages" / "4913", "")
    os.remove(project / "pages" / "4913")
    os.rename(page, project / "pages" / "index.html~")
    save(page, PAGE.replace("Version 0", "Version 1"))
    os.remove(project / "pages" / "index.html~")
    # As many IDEs save: write a temporary file, then rename it over the original.
    save(project / "pages" / "index.html.tmp", PAGE.replace("Version 0", "Version 2"))
    os.replace(project / "pages" / "index.html.tmp", page)
    assert client.next()["path"].endswith("index.html")

    # The next message is the next save's: the burst above made exactly one reload.
    save(project / "data" / "settings.yaml", "service_name: Bins\n")
    assert client.next()["path"] == str(project / "data" / "settings.yaml")


def test_an_edited_stylesheet_is_swapped_in_place(project, server, reload_client):
    client = reload_client(server)
    save(project / "static" / "application.css", "#answer { color: red; }\n")
    assert client.next() == {"command": "reload", "path": "/static/application.css", "liveCSS": True, "liveImg": True}


def test_only_edited_stylesheets_and_images_in_static_are_swapped(tmp_path):
    static = tmp_path / "static"
    css, logo, page = static / "app.css", static / "img" / "logo.png", tmp_path / "pages" / "index.html"
    assert [m["path"] for m in messages_for({css: {EDITED}, logo: {EDITED}}, static)] == ["/static/app.css", "/static/img/logo.png"]
    for batch in ({css: {CREATED}}, {css: {DELETED, EDITED}}, {css: {EDITED}, page: {EDITED}}, {tmp_path / "data" / "x.css": {EDITED}}):
        [message] = messages_for(batch, static)
        assert message["liveCSS"] is False and message["liveImg"] is False, batch


def test_the_open_page_shows_every_save_and_keeps_the_answers(project, server, page):
    page.goto(server.url + "/")
    page.fill("#name", "Ada Lovelace")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#answer")).to_have_text("Ada Lovelace")

    # Each save right after the last reload: livereload's own server ignores these for 3 s.
    for version in range(1, 4):
        page.wait_for_live_reload()
        save(project / "pages" / "index.html", PAGE.replace("Version 0", f"Version {version}"))
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Version {version}")
        expect(page.locator("#answer")).to_have_text("Ada Lovelace")

    # A burst of saves: the page ends on the last one.
    page.wait_for_live_reload()
    for version in range(4, 11):
        save(project / "pages" / "index.html", PAGE.replace("Version 0", f"Version {version}"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Version 10")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_a_stylesheet_change_keeps_what_is_typed_on_the_page(project, server, page):
    page.goto(server.url + "/")
    page.wait_for_live_reload()
    page.fill("#name", "Typed but not sent")
    page.evaluate("window.notReloaded = true")

    save(project / "static" / "application.css", "#answer { color: rgb(212, 53, 28); }\n")
    expect(page.locator("#answer")).to_have_css("color", "rgb(212, 53, 28)")
    assert page.evaluate("window.notReloaded") is True
    assert page.input_value("#name") == "Typed but not sent"


def test_pages_made_for_freezing_have_no_reload_script(project, make_app):
    assert "livereload" not in make_app(project).test_client().get("/").text
