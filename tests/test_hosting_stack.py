"""A hosted prototype as a platform team runs it: Debian's redis-server, two `journeys host` instances
sharing it, and the real NGINX in front with the shipped journeys-host.conf. A participant walks the
example journey in Chromium through NGINX while an instance dies, and while Redis restarts."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import time
import urllib.parse

import pytest
from browser_walk import Site, Walk
from conftest import ROOT
from host_stack import PASSWORD, SECRET_KEY
from playwright.sync_api import expect

from journeys.hosting.tokens import make_link

NEXT_YEAR = datetime.date.today().year + 1
OUTSIDE_LISTS = "[data-journeys-answers] > dl"
ANSWERS = {
    "Collection address": "12 Mill Lane\nHebden Bridge\nHX7 8AA",
    "Collection date": f"3 March {NEXT_YEAR}",
    "Do you get Council Tax Reduction?": "No",
    "Contact by": "Email",
    "Email address": "sam@example.com",
}


@pytest.fixture
def stack(host_stack):
    host_stack.all_running()
    return host_stack


@pytest.fixture
def walk(page, stack):
    return Walk(page, Site(stack.url, frozen=False))


def sign_in(walk) -> None:
    """Ask for the journey's start; give the password on the page that asks for it; arrive where asked."""
    walk.goto("/bulky-waste/start")
    walk.at("Enter the password")
    walk.page.get_by_label("Password", exact=True).fill(PASSWORD)
    walk.continue_()
    walk.at("Book a bulky waste collection")
    walk.at_url("/bulky-waste/start")


def first_half(walk) -> None:
    """From the start page to the collection date: an item, then the address."""
    page = walk.page
    page.get_by_role("button", name="Start now").click()
    walk.at("What do you need us to collect?")
    page.get_by_label("Sofa or armchair").check()
    walk.continue_()
    walk.at("Tell us about the item")
    page.get_by_label("Needs two people to carry").check()
    page.get_by_label("Is there anything else the crew should know? (optional)").fill("By the back door")
    walk.continue_()
    walk.at("You have added 1 item")
    page.get_by_label("No", exact=True).check()
    walk.continue_()
    walk.at("Where should we collect from?")
    walk.fill(Address_line_1="12 Mill Lane", Town_or_city="Hebden Bridge", Postcode="HX7 8AA")
    walk.continue_()
    walk.at("When would you like us to collect?")


def second_half(walk) -> None:
    """From the collection date to check your answers, where every answer must be the participant's."""
    page = walk.page
    walk.fill(Day="3", Month="3", Year=str(NEXT_YEAR))
    walk.continue_()
    walk.at("Do you get Council Tax Reduction?")
    page.get_by_label("No").check()
    walk.continue_()
    walk.at("How can we contact you about the collection?")
    page.get_by_label("Email", exact=True).check()
    walk.fill(Email_address="sam@example.com")
    walk.continue_()
    walk.at("Check your answers before booking your collection")
    assert walk.cards() == {"Item 1": {"Item": "Sofa or armchair", "Size": "Needs two people to carry",
                                       "Notes for the crew": "By the back door"}}
    assert walk.rows(OUTSIDE_LISTS) == ANSWERS


def pages_served(instance) -> int:
    return len(re.findall(r'"(?:GET|POST) /bulky-waste/', instance.output()))


def test_the_walk_finishes_through_the_other_instance_when_one_is_killed(walk, stack):
    sign_in(walk)
    first_half(walk)
    dying, other = stack.instances
    assert pages_served(dying) > 0 and pages_served(other) > 0  # NGINX shares the walk between them
    dying.kill()  # SIGKILL to gunicorn and its workers: nothing is written, nothing closes cleanly
    served_before = pages_served(other)
    second_half(walk)
    assert pages_served(other) > served_before
    assert not dying.running()
    assert walk.page.watch.failed_requests == []
    assert walk.page.watch.console_errors == []


def test_while_redis_restarts_a_clear_503_then_the_walk_goes_on(walk, stack):
    sign_in(walk)
    first_half(walk)
    stack.redis.stop()
    walk.fill(Day="3", Month="3", Year=str(NEXT_YEAR))
    with walk.page.expect_response(lambda response: response.request.method == "POST") as sent:
        walk.continue_()
    assert sent.value.status == 503
    expect(walk.page.get_by_role("heading", level=1)).to_have_text("Sorry, there is a problem with the service")
    expect(walk.page.locator("main")).not_to_contain_text("Traceback")
    assert sent.value.headers["retry-after"] == "30"

    stack.redis.start()  # the same port and files: the answers given before are still there
    walk.page.go_back()
    walk.at("When would you like us to collect?")
    second_half(walk)


def anyone(path: str, headers: dict | None = None, data: bytes | None = None):
    """(status, headers, body) of a request with no cookies, not following redirects."""
    import urllib.error
    import urllib.request

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(path, headers=headers or {}, data=data)
    try:
        with urllib.request.build_opener(Stay).open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def every_page_of_the_example(stack) -> list[str]:
    from journeys.project import Project
    from journeys.prototype import read_prototype

    model = read_prototype(Project.at(stack.project))
    paths = [page.url for page in model.pages.values()]
    for flow in model.flows.values():
        paths += [flow.url(page_id) for page_id in flow.pages]
    paths += [f"/scenarios/{name}" for name in model.scenarios]
    return paths


PROTOTYPE_FILES = ["/static/application.css", "/assets/flows/bulky-waste.json", "/assets/journeys/frozen.js",
                   "/assets/journeys/journey.js", "/scenarios", "/clear-answers", "/nowhere", "/_journeys/allowed"]


def test_no_page_or_file_but_the_password_pages_is_readable_without_the_password(stack, watched_page):
    (stack.project / "static/application.css").write_text(".prototype-only { color: red }")
    paths = every_page_of_the_example(stack) + PROTOTYPE_FILES
    assert len(paths) > 15
    for path in paths:
        status, headers, body = anyone(stack.url + path)
        assert status in (303, 404), path  # /_journeys/allowed is NGINX's alone: a 404 from outside
        if status == 303:
            asked = "" if path == "/" else "?return=" + urllib.parse.quote(path, safe="/")
            assert headers["Location"] == "/_journeys/password" + asked, path
        assert "Book a bulky waste" not in body and "prototype-only" not in body, path

    # The password page itself, and every file it is made of, load without it.
    page = watched_page()
    page.goto(stack.url + "/bulky-waste/check-answers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the password")
    page.wait_for_load_state("networkidle")
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    expect(page.get_by_role("button", name="Show")).to_be_visible()  # GOV.UK Frontend's script ran
    assert page.watch.failed_requests == [] and page.watch.console_errors == []
    assert "Scenarios" not in page.locator("footer").inner_text()

    # Once in, the prototype's own file comes from NGINX itself.
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before booking your collection")
    css = page.request.get(stack.url + "/static/application.css")
    assert css.status == 200 and css.text() == ".prototype-only { color: red }"
    assert css.headers["cache-control"] == "no-cache" and "etag" in css.headers


def test_a_participant_link_lets_one_browser_in_with_its_scenario(stack, watched_page):
    made = subprocess.run([sys.executable, "-m", "journeys", "link", "fridge-with-reduction", "--expires", "2h",
                           "--base-url", stack.url, "--project", str(stack.project)],
                          env={"SECRET_KEY": SECRET_KEY, "PATH": "/usr/bin:/bin"}, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    link = made.stdout.strip()
    assert link.startswith(stack.url + "/_journeys/join?link=") and "one person" in made.stderr

    participant = watched_page()
    participant.goto(link)
    expect(participant).to_have_url(stack.url + "/bulky-waste/check-answers")
    assert Walk(participant, Site(stack.url, False)).rows(OUTSIDE_LISTS)["Email address"] == "sam.jones@example.com"

    someone_else = watched_page()
    someone_else.goto(link)
    expect(someone_else.get_by_role("heading", level=1)).to_have_text("This link has already been used")


@pytest.mark.parametrize("change", ["expired", "tampered"])
def test_an_expired_or_tampered_link_is_refused(stack, watched_page, change):
    if change == "expired":
        link = make_link(SECRET_KEY, stack.url, "fridge-with-reduction", lasts=3600, now=time.time() - 7200)
        heading = "This link has expired"
    else:
        link = make_link(SECRET_KEY, stack.url, "fridge-with-reduction", lasts=3600)
        token = link.rsplit("=", 1)[1]
        link = link.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
        heading = "This link does not work"
    page = watched_page()
    with page.expect_response(lambda response: "/_journeys/join" in response.url) as opened:
        page.goto(link)
    assert opened.value.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    page.goto(stack.url + "/bulky-waste/check-answers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the password")


def test_a_post_without_the_form_token_changes_nothing(walk, stack):
    sign_in(walk)
    page = walk.page
    page.get_by_role("button", name="Start now").click()
    walk.at("What do you need us to collect?")
    page.get_by_label("Bed or mattress").check()
    walk.continue_()
    walk.at("Tell us about the item")

    # The same browser, its cookies and all, sends the form without the token the page carries.
    for token in ({}, {"_csrf": "not-the-token"}):
        sent = page.request.post(stack.url + "/bulky-waste/item-type?item=1",
                                 form={"item-type": "Sofa or armchair", **token}, max_redirects=0)
        assert sent.status == 400
        assert "This form could not be sent" in sent.text() and "Nothing was saved" in sent.text()
    walk.goto("/bulky-waste/item-type?item=1")
    expect(page.get_by_label("Bed or mattress")).to_be_checked()
    expect(page.locator('form input[name="_csrf"]')).to_have_count(1)


SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                    "X-Robots-Tag"]


def test_every_response_carries_the_frozen_sites_security_headers_once(stack, frozen_example, walk):
    expected = {name: [frozen_example.get("/")[1][name]] for name in SECURITY_HEADERS}
    assert expected["X-Robots-Tag"] == ["noindex, nofollow"]
    sign_in(walk)
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in walk.page.context.cookies())
    (stack.project / "static/application.css").write_text("body {}")
    for path, status, with_pass in [
        ("/", 303, False), ("/_journeys/password", 200, False), ("/assets/govuk-frontend.min.css", 200, False),
        ("/assets/journeys/init.js", 200, False), ("/robots.txt", 200, False), ("/static/application.css", 303, False),
        ("/", 200, True), ("/static/application.css", 200, True), ("/nowhere", 404, True),
        ("/_journeys/join?link=nonsense", 403, False),
    ]:
        got, headers, _ = anyone(stack.url + path, headers={"Cookie": cookie} if with_pass else {})
        assert got == status, path
        assert {name: headers.get_all(name) for name in SECURITY_HEADERS} == expected, path
