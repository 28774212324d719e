"""The hosted app as participants meet it: the password page, participant links, form tokens, limits and errors.

Each test makes the app `journeys host` serves (create_hosted_app), with its answers in SQLite,
and talks to it with Flask's client; tests/test_hosting_stack.py runs the same app under
gunicorn, behind NGINX, with Redis.
"""

from __future__ import annotations

import logging
import re
import time

import pytest
from conftest import copy_example

from journeys.hosting.app import create_hosted_app
from journeys.hosting.settings import HostSettings
from journeys.hosting.tokens import make_link
from journeys.hosting.tries import FREE_TRIES, WAIT, Tries
from journeys.web.answer_store import SQLiteAnswerStore

KEY = "k" * 64
PASSWORD = "let me in"
NOTES = """{% extends "base.html" %}{% block content %}
<form method="post" action="/notes"><textarea name="notes"></textarea><button>Save</button></form>
<form method=POST action="/notes" class="second"><button>Save again</button></form>
<form action="/search"><input name="q"></form>
<p id="token" data-token="{{ csrf_token() }}"></p>
<p id="notes">{{ data.notes }}</p>{% endblock %}"""


def hosted_app(project, tmp_path, password=PASSWORD):
    return create_hosted_app(HostSettings(
        project=project, secret_key=KEY, password=password, redis_url=None, answers_db=tmp_path / "answers.sqlite3",
        forget_after=7 * 86400, trusted_proxies=("127.0.0.1", "::1")))


@pytest.fixture
def example(tmp_path):
    project = copy_example(tmp_path / "example")
    (project / "pages/notes.html").write_text(NOTES)
    return project


@pytest.fixture
def app(example, tmp_path):
    return hosted_app(example, tmp_path)


def token_in(html: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', html)[1]


def sign_in(client, back_to: str = "/", password: str = PASSWORD, **kwargs):
    page = client.get("/_journeys/password", **kwargs)
    return client.post("/_journeys/password", data={"password": password, "return": back_to,
                                                    "_csrf": token_in(page.text)}, **kwargs)


def test_every_page_asks_for_the_password_then_returns_to_it(app):
    client = app.test_client()
    asked = client.get("/your-booking?from=email")
    assert asked.status_code == 303 and asked.headers["Location"] == "/_journeys/password?return=/your-booking%3Ffrom%3Demail"
    page = client.get(asked.headers["Location"])
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-l">Enter the password</h1>' in page.text
    assert len(re.findall(r'<input[^>]*type="password"', page.text)) == 1
    assert 'name="return" value="/your-booking?from=email"' in page.text

    wrong = client.post("/_journeys/password", data={"password": "let me out", "return": "/your-booking?from=email",
                                                     "_csrf": token_in(page.text)})
    assert wrong.status_code == 200 and "journeys_pass" not in wrong.headers.get("Set-Cookie", "")
    assert "<title>Error: Enter the password" in wrong.text
    assert 'class="govuk-error-summary' in wrong.text and "The password is not right. Check it and try again" in wrong.text

    right = client.post("/_journeys/password", data={"password": PASSWORD, "return": "/your-booking?from=email",
                                                     "_csrf": token_in(wrong.text)})
    assert right.status_code == 303 and right.headers["Location"] == "/your-booking?from=email"
    cookie = next(c for c in right.headers.getlist("Set-Cookie") if c.startswith("journeys_pass="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert "Max-Age=604800" in cookie
    assert client.get("/your-booking?from=email").status_code == 200


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
                                    "javascript:alert(1)", "evil.example", "/_journeys/password", "/x\r\nSet-Cookie: a=b"])
def test_the_password_page_only_ever_returns_to_a_page_of_this_site(app, target):
    response = sign_in(app.test_client(), target)
    assert response.status_code == 303 and response.headers["Location"] == "/"


def test_a_password_cookie_made_without_the_key_or_for_another_password_lets_no_one_in(app, example, tmp_path):
    client = app.test_client()
    client.set_cookie("journeys_pass", "forged.value.here")
    assert client.get("/").status_code == 303
    old = app.test_client()
    sign_in(old)
    assert old.get("/").status_code == 200
    renewed = hosted_app(example, tmp_path, password="a new password")
    cookie = old.get_cookie("journeys_pass")
    fresh = renewed.test_client()
    fresh.set_cookie("journeys_pass", cookie.value)
    assert fresh.get("/").status_code == 303  # a new password turns every earlier pass away


def test_cookies_are_secure_behind_https_as_a_trusted_proxy_says(app):
    behind_https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
    response = sign_in(app.test_client(), headers=behind_https)
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("; Secure" in cookie for cookie in cookies)
    # From anywhere but the trusted proxy, the header is anyone's to send: it is not believed.
    response = sign_in(app.test_client(), headers=behind_https, environ_base={"REMOTE_ADDR": "203.0.113.5"})
    assert response.status_code == 303 and not any("Secure" in c for c in response.headers.getlist("Set-Cookie"))


def test_wrong_passwords_from_one_address_are_slowed_down(app):
    def attempt(client, password, **kwargs):
        return sign_in(client, "/", password, **kwargs)

    through_proxy = {"headers": {"X-Forwarded-For": "198.51.100.7"}}
    client = app.test_client()
    for _ in range(FREE_TRIES):
        assert attempt(client, "guess", **through_proxy).status_code == 200
    slowed = attempt(client, PASSWORD, **through_proxy)  # even the right one waits now
    assert slowed.status_code == 429 and 0 < int(slowed.headers["Retry-After"]) <= WAIT
    assert re.search(r"Too many wrong passwords have been tried from here\. Wait \d+ seconds", slowed.text)
    assert attempt(app.test_client(), PASSWORD, headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 303

    # Someone connecting directly cannot pass for many addresses by making the header up.
    direct = app.test_client()
    for number in range(FREE_TRIES):
        attempt(direct, "guess", headers={"X-Forwarded-For": f"192.0.2.{number}"}, environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert attempt(direct, PASSWORD, headers={"X-Forwarded-For": "192.0.2.99"},
                   environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code == 429


def test_after_the_free_tries_one_try_every_few_seconds_and_old_tries_are_forgotten(tmp_path):
    tries, now = Tries(SQLiteAnswerStore(tmp_path / "tries.sqlite3", 86400), KEY), 1_000_000.0
    for number in range(FREE_TRIES):
        assert tries.wait("198.51.100.7", now + number) == 0
        tries.wrong("198.51.100.7", now + number)
    last = now + FREE_TRIES - 1
    assert tries.wait("198.51.100.7", last + 1) == WAIT - 1
    assert tries.wait("198.51.100.7", last + WAIT) == 0
    tries.wrong("198.51.100.7", last + WAIT)
    assert tries.wait("198.51.100.7", last + WAIT + 1) == WAIT - 1
    assert tries.wait("198.51.100.7", last + 15 * 60 + WAIT + 1) == 0  # 15 minutes on, the tries no longer count
    for kept in tmp_path.glob("tries.sqlite3*"):  # the address itself is never stored, only a keyed hash of it
        assert b"198.51.100.7" not in kept.read_bytes()


def test_every_post_form_carries_the_token_and_a_post_without_it_changes_nothing(app):
    client = app.test_client()
    sign_in(client)
    page = client.get("/notes").text
    token = re.search(r'data-token="([^"]+)"', page)[1]
    assert len(token) > 20
    # The two POST forms start with the token; the GET form (a search) has none.
    assert re.findall(r'<form[^>]*>(?:<input type="hidden" name="_csrf" value="([^"]*)">)?', page) == [token, token, ""]

    assert client.post("/notes", data={"notes": "First", "_csrf": token}).status_code == 303
    for sent in ({"notes": "Changed"}, {"notes": "Changed", "_csrf": "not-the-token"}):
        refused = client.post("/notes", data=sent)
        assert refused.status_code == 400
        assert "This form could not be sent" in refused.text and "Nothing was saved" in refused.text
    assert '<p id="notes">First</p>' in client.get("/notes").text
    assert client.post("/notes", data={"notes": "Changed"}, headers={"X-CSRF-Token": token}).status_code == 303
    assert '<p id="notes">Changed</p>' in client.get("/notes").text


def test_pages_asking_for_a_token_still_render_on_the_dev_server(example, make_app):
    html = make_app(example).test_client().get("/notes").text
    assert 'data-token=""' in html and "_csrf" not in html


def test_a_body_over_the_limit_is_refused_and_changes_nothing(app):
    client = app.test_client()
    sign_in(client)
    token = token_in(client.get("/notes").text)
    response = client.post("/notes", data={"notes": "x" * 300_000, "_csrf": token})
    assert response.status_code == 413 and "Too much was sent" in response.text
    assert '<p id="notes"></p>' in client.get("/notes").text


def test_no_designer_tools_no_reloading_and_clear_answers_works(app):
    client = app.test_client()
    sign_in(client)
    page = client.get("/bulky-waste/item-type?item=1")
    assert "livereload" not in page.text and "Scenarios" not in page.text and "Clear answers" in page.text
    assert client.get("/scenarios").status_code == 404
    assert client.get("/scenarios/fridge-with-reduction").status_code == 404
    client.post("/bulky-waste/item-type?item=1", data={"item-type": "Sofa or armchair", "_csrf": token_in(page.text)})
    assert "Sofa or armchair" in client.get("/your-booking").text
    cleared = client.post("/clear-answers", data={"_csrf": token_in(client.get("/clear-answers").text)})
    assert cleared.status_code == 303 and "Sofa or armchair" not in client.get("/your-booking").text


def test_an_error_is_a_govuk_page_naming_nothing_and_the_log_says_where(example, tmp_path, caplog):
    (example / "pages/broken.html").write_text('{% extends "base.html" %}{% block content %}{{ 1 / 0 }}{% endblock %}')
    client = hosted_app(example, tmp_path).test_client()
    sign_in(client)
    with caplog.at_level(logging.ERROR):
        response = client.get("/broken")
    assert response.status_code == 500
    assert '<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>' in response.text
    for detail in ("broken.html", "ZeroDivisionError", "Traceback", "division"):
        assert detail not in response.text
    assert "pages/broken.html:1: ZeroDivisionError" in caplog.text


def link(scenario, **kwargs):
    return make_link(KEY, "http://localhost", scenario, lasts=kwargs.pop("lasts", 3600), **kwargs)


def test_a_link_starts_a_fresh_session_with_its_scenario_for_one_browser_only(app):
    participant = app.test_client()
    sign_in(participant)
    participant.post("/bulky-waste/item-type?item=1", data={
        "item-type": "Sofa or armchair", "_csrf": token_in(participant.get("/bulky-waste/item-type?item=1").text)})
    url = link("fridge-with-reduction")
    opened = participant.get(url)
    assert opened.status_code == 303 and opened.headers["Location"] == "/bulky-waste/check-answers"
    check = participant.get("/bulky-waste/check-answers").text
    assert "sam.jones@example.com" in check and "Sofa or armchair" not in check

    participant.post("/bulky-waste/contact", data={"contact-method": "Post", "_csrf": token_in(check)})
    assert participant.get(url).headers["Location"] == "/bulky-waste/check-answers"  # the same browser carries on
    assert "sam.jones@example.com" not in participant.get("/bulky-waste/check-answers").text

    someone_else = app.test_client()
    refused = someone_else.get(url)
    assert refused.status_code == 403 and "This link has already been used" in refused.text
    assert someone_else.get("/bulky-waste/check-answers").status_code == 303  # to the password page


def test_a_link_without_a_scenario_opens_the_home_page_with_no_answers(app):
    client = app.test_client()
    opened = client.get(link(None))
    assert opened.status_code == 303 and opened.headers["Location"] == "/"
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("url, status, heading", [
    (link("fridge-with-reduction", lasts=60, now=time.time() - 120), 403, "This link has expired"),
    (link("fridge-with-reduction").replace("link=", "link=x"), 403, "This link does not work"),
    (make_link("another key" * 4, "http://localhost", "fridge-with-reduction", 3600), 403, "This link does not work"),
    ("/_journeys/join", 403, "This link does not work"),
    (link("a-scenario-since-deleted"), 404, "This link’s scenario is no longer in the prototype"),
], ids=["expired", "tampered", "another key", "no token", "scenario gone"])
def test_a_link_that_cannot_be_used_says_so(app, url, status, heading):
    client = app.test_client()
    response = client.get(url)
    assert response.status_code == status and f'<h1 class="govuk-heading-l">{heading}</h1>' in response.text
    assert "journeys_pass" not in response.headers.get("Set-Cookie", "")
    assert client.get("/").status_code == 303


def test_a_public_prototype_asks_for_no_password_and_its_links_still_work(example, tmp_path):
    client = hosted_app(example, tmp_path, password=None).test_client()
    assert client.get("/bulky-waste/start").status_code == 200
    assert client.get("/_journeys/allowed").status_code == 204
    assert client.get(link("fridge-with-reduction")).headers["Location"] == "/bulky-waste/check-answers"


def test_nginx_is_told_who_may_see_static_files(app):
    client = app.test_client()
    assert client.get("/_journeys/allowed").status_code == 401
    sign_in(client)
    assert client.get("/_journeys/allowed").status_code == 204
