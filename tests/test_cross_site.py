"""Forms from other sites are refused, and every response carries the frozen site's security headers (issue 13, item 13)."""

import urllib.request

import pytest
from playwright.sync_api import expect

SHOW = '{% extends "base.html" %}{% block content %}<p id="name">{{ data.name }}</p>{% endblock %}'
FORM = ('{% extends "base.html" %}{% block content %}<form method="post" action="/show" novalidate>'
        '{{ govukInput({"name": "name", "label": {"text": "Name"}}) }}{{ govukButton({"text": "Continue"}) }}</form>{% endblock %}')
SCENARIO = "title: Sam\nflow: apply\nstart: name\nanswers:\n  name: Sam\n"
FLOW = ("title: Apply\npages:\n  name:\n    title: Name\n    questions:\n      - name: name\n    next: done\n"
        "  done:\n    layout: confirmation\n    title: Done\n")
REFUSED = "This form was sent from another website"


@pytest.fixture
def project(make_project):
    return make_project({"pages/show.html": SHOW, "pages/form.html": FORM, "pages/apply.yaml": FLOW,
                         "data/scenarios/sam.yaml": SCENARIO})


@pytest.fixture
def client(project, make_app):
    client = make_app(project).test_client()
    client.post("/show", data={"name": "Ada"}, headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"})
    return client


@pytest.mark.parametrize("headers", [
    {"Origin": "https://elsewhere.example"},
    {"Origin": "http://localhost:8000"},  # a page on another port of this computer
    {"Origin": "null"},  # a sandboxed frame, a page from a file
    {"Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"},
    {"Sec-Fetch-Site": "same-site", "Origin": "http://localhost:8000"},
], ids=["other site", "other port", "null origin", "cross-site", "same-site"])
@pytest.mark.parametrize("path", ["/show", "/apply/name", "/scenarios/sam", "/clear-answers"])
def test_a_post_from_another_site_is_refused_and_changes_nothing(client, headers, path):
    response = client.post(path, data={"name": "Mallory"}, headers=headers)
    assert response.status_code == 400
    assert f'<h1 class="govuk-heading-l">{REFUSED}</h1>' in response.text
    assert "Nothing was saved: your answers are as they were." in response.text
    assert "Set-Cookie" not in response.headers  # the participant's session is not replaced
    assert '<p id="name">Ada</p>' in client.get("/show").text


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
    {"Origin": "http://localhost"},  # a browser that does not send Sec-Fetch-Site
    {},  # not a browser: curl, a script
], ids=["same origin", "origin only", "no browser headers"])
def test_a_post_from_the_prototypes_own_page_is_kept(client, headers):
    response = client.post("/show", data={"name": "Grace"}, headers=headers)
    assert response.status_code == 303
    assert '<p id="name">Grace</p>' in client.get("/show").text


def test_a_page_on_another_port_cannot_change_the_answers_in_a_real_browser(project, live_server, static_server,
                                                                            page, tmp_path):
    server = live_server(project)
    page.goto(server.url + "/form")
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#name")).to_have_text("Ada")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "index.html").write_text(
        f'<form method="post" action="{server.url}/show"><input name="name" value="Mallory"><button>Win</button></form>'
        f'<form method="post" action="{server.url}/scenarios/sam"><button>Load</button></form>')
    other = static_server(elsewhere)
    for button in ("Win", "Load"):
        page.goto(other.url + "/")
        page.get_by_role("button", name=button).click()
        expect(page.locator("h1")).to_have_text(REFUSED)
    page.goto(server.url + "/show")
    expect(page.locator("#name")).to_have_text("Ada")


# The frozen site's headers (journeys/nginx/journeys.conf), on every response of the servers.
SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                    "X-Robots-Tag"]


def headers_of(url: str) -> dict:
    try:
        response = urllib.request.urlopen(url)
    except urllib.error.HTTPError as error:
        response = error
    return {name: response.headers.get(name) for name in SECURITY_HEADERS}


@pytest.mark.parametrize("server_kind", ["dev server", "gunicorn"])
def test_every_response_carries_the_frozen_sites_security_headers(project, live_server, gunicorn_server,
                                                                   frozen_example, server_kind):
    server = (live_server if server_kind == "dev server" else gunicorn_server)(project)
    expected = headers_of(frozen_example.url + "/")
    assert all(expected.values()) and "frame-ancestors 'none'" in expected["Content-Security-Policy"]
    paths = ["/show", "/nowhere", "/assets/govuk-frontend.min.css", "/scenarios/sam", "/apply/name"]
    if server_kind == "dev server":
        paths.append("/livereload.js")
    for path in paths:
        assert headers_of(server.url + path) == expected, path


def test_the_dev_servers_pages_and_live_reload_work_under_the_policy(project, live_server, page):
    server = live_server(project)
    page.goto(server.url + "/form")
    page.wait_for_live_reload()  # livereload.js loaded and its websocket connected
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    (project / "pages/form.html").write_text(FORM.replace("Continue", "Carry on"))
    expect(page.get_by_role("button", name="Carry on")).to_be_visible()
    assert page.watch.console_errors == []  # a blocked script or style is reported here


def test_the_error_page_is_legible_under_the_policy(project, live_server, page):
    server = live_server(project)
    (project / "pages/show.html").write_text('{% extends "base.html" %}{% block content %}{{ oops( }}{% endblock %}')
    page.goto(server.url + "/show")
    expect(page.locator("h1")).to_have_text("1 problem in this prototype")
    assert page.locator("header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(212, 53, 28)"
    # Its own 500 and the browser's look for /favicon.ico are reported too: only a block matters here.
    assert [error for error in page.watch.console_errors if "Content Security Policy" in error] == []


def test_a_link_to_a_published_scenario_replaces_no_answers_until_its_button_is_pressed(project, public_folder,
                                                                                        nginx, page):
    from journeys.build.freeze_site import build

    build(project, public_folder / "dist", report=lambda line: None)
    site = nginx(public_folder / "dist")
    name = page.get_by_label("Name")
    page.goto(site.url + "/apply/name")
    name.fill("Ada")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(site.url + "/apply/done")

    page.goto(site.url + "/scenarios/sam")  # as a link from another site opens it
    expect(page.get_by_role("heading", level=1)).to_have_text("Sam")
    expect(page).to_have_url(site.url + "/scenarios/sam")
    page.goto(site.url + "/apply/name")
    expect(name).to_have_value("Ada")

    page.goto(site.url + "/scenarios/sam")
    page.get_by_role("button", name="Start this scenario").click()
    expect(page).to_have_url(site.url + "/apply/name")
    expect(name).to_have_value("Sam")

    name.fill("Ada")
    page.get_by_role("button", name="Continue").click()
    page.goto(site.url + "/scenarios")  # from the list, one press starts it
    page.get_by_role("button", name="Start this scenario ‘Sam’").click()
    expect(page).to_have_url(site.url + "/apply/name")
    expect(name).to_have_value("Sam")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []
