"""Faults a person can cause name the file, the line and the fix, and the server serves what it still can (issue 13, item 12)."""

import http.cookiejar
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import ROOT

SHOW = '{% extends "base.html" %}{% block content %}<p id="name">{{ data.name }}</p>{% endblock %}'
FORM = '<form method="post" action="/show"><input name="name"></form>'
# "£25" saved by an editor in Windows-1252: the pound sign is the one byte a3.
WINDOWS_1252 = "Costs \xa325".encode("cp1252")


def journeys_check(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journeys", "check", "--project", str(project)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name, before", [
    ("pages/about.md", b"# About\n\n"),
    ("pages/about.html", b'{% extends "base.html" %}\n{% block content %}\n'),
])
def test_a_page_not_saved_as_utf8_names_its_file_line_and_fix(make_project, make_app, name, before):
    project = make_project({"pages/index.html": "Home"})
    (project / name).write_bytes(before + WINDOWS_1252 + b"\n")
    response = make_app(project).test_client().get("/about")
    assert response.status_code == 500
    assert f"<h2>{name}:3</h2>" in response.text
    assert "this file is not UTF-8 text: column 7 has the byte a3" in response.text
    assert "Save it as UTF-8" in response.text
    checked = journeys_check(project)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert f"{name}:3: this file is not UTF-8 text: column 7 has the byte a3" in checked.stderr


def test_a_yaml_file_not_saved_as_utf8_names_its_line_and_column(make_project):
    project = make_project({"pages/index.html": "Home"})
    (project / "pages/apply.yaml").write_bytes(b"title: Apply\npages:\n  cost:\n    title: " + WINDOWS_1252 + b"\n")
    checked = journeys_check(project)
    assert "pages/apply.yaml:4: this file is not UTF-8 text: column 18 has the byte a3" in checked.stderr
    assert "Traceback" not in checked.stderr


class Browser:
    """A browser's cookies, kept across servers on the same port."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url: str) -> tuple[int, str]:
        return self.send(url, None)

    def post(self, url: str, fields: dict) -> tuple[int, str]:
        return self.send(url, urllib.parse.urlencode(fields).encode())

    def send(self, url, data) -> tuple[int, str]:
        try:
            with self.opener.open(url, data=data, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture
def answered(make_project, live_server, tmp_path):
    """A prototype with an answer kept in its answers file, and the browser that gave it; no server running."""
    project = make_project({"pages/show.html": SHOW, "pages/form.html": FORM, "pages/about.md": "# About\n\nHello.\n"})
    database = tmp_path / "answers.sqlite3"
    env = {"JOURNEYS_ANSWERS_DB": str(database), "SECRET_KEY": "kept"}
    browser = Browser()
    server = live_server(project, env=env)
    assert browser.post(server.url + "/show", {"name": "Ada"})[0] == 200
    server.stop()
    return project, database, env, browser, server.port


def test_a_damaged_answers_file_is_named_with_its_fix_and_other_pages_are_served(answered, live_server):
    project, database, env, browser, port = answered
    database.write_bytes(b"Not a database at all. " * 200)
    server = live_server(project, env=env, port=port)  # it starts
    assert browser.get(server.url + "/about")[0] == 200  # a page that needs no answers
    for status, page in (browser.get(server.url + "/show"), browser.post(server.url + "/show", {"name": "Grace"})):
        assert status == 503
        assert f"<h2>{database}</h2>" in page
        assert "the answers file is damaged, or is not an answers file (file is not a database)" in page
        assert f"Delete {database}: it is made again, empty, with the next answer given." in page
    assert "Traceback" not in server.output()
    checked = journeys_check(project)
    assert checked.returncode == 0 and "No problems found" in checked.stdout

    database.unlink()  # as the page says: no restart needed
    assert browser.post(server.url + "/show", {"name": "Grace"}) == (200, browser.get(server.url + "/show")[1])
    assert '<p id="name">Grace</p>' in browser.get(server.url + "/show")[1]


def test_a_read_only_answers_file_is_named_with_its_fix_and_answers_are_still_shown(answered, live_server):
    project, database, env, browser, port = answered
    read_only = ["chattr", "+i", str(database)] if os.geteuid() == 0 else ["chmod", "a-w", str(database)]
    subprocess.run(read_only, check=True)  # root can write any file it may not: make it immutable instead
    try:
        server = live_server(project, env=env, port=port)
        assert '<p id="name">Ada</p>' in browser.get(server.url + "/show")[1]
        status, page = browser.post(server.url + "/show", {"name": "Grace"})
        assert status == 503
        assert "the answers file cannot be written (attempt to write a readonly database)" in page
        assert f"chmod u+w {database} {database.parent}" in page
        assert '<p id="name">Ada</p>' in browser.get(server.url + "/show")[1]
        assert "Traceback" not in server.output()
    finally:
        subprocess.run(["chattr", "-i", str(database)] if os.geteuid() == 0 else ["chmod", "u+w", str(database)])
