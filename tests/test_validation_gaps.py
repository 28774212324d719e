"""What a form must refuse and how its messages read: an exclusive option with others, a whole number, sending nothing."""

import json

import pytest
from conftest import ROOT
from playwright.sync_api import expect

from journeys.build.freeze_site import build
from journeys.flows.messages import lower_first

LICENCE = """
title: Get a fishing licence
pages:
  concession:
    title: Do you get a concession?
    questions:
      - name: concession
        type: checkboxes
        required: true
        options:
          - Blue Badge
          - text: None of these
            exclusive: true
    next:
      - when: {concession: None of these}
        goto: rods
      - goto: proof
  proof:
    title: Upload your proof
    questions: [{name: proof, type: file}]
    next: rods
  rods:
    title: How many rods will you use?
    questions: [{name: rods, type: number, whole: true, required: true}]
    next: more
  more:
    title: Do you need to add another angler?
    questions: [{name: add-another, type: yes-no, required: true}]
    next: account
  account:
    title: What is your account number?
    questions: [{name: account, summary: Council Tax account number}]
    next: check-answers
  check-answers:
    layout: check-answers
    title: Check your answers
    next: sent
  sent:
    layout: confirmation
    title: Licence bought
"""
LOWER_FIRST = json.loads((ROOT / "tests/vectors/words.json").read_text())["lower_first"]


@pytest.fixture
def client(make_project, make_app):
    return make_app(make_project({"pages/licence.yaml": LICENCE})).test_client()


def test_without_javascript_none_of_these_with_another_option_is_refused(client):
    response = client.post("/licence/concession", data={"concession": ["Blue Badge", "None of these"]})
    assert response.status_code == 200  # the page again, with its error: no branch followed
    assert "Select ‘None of these’ or the other options, not both" in response.text
    assert client.get("/licence/rods").status_code == 200
    assert client.post("/licence/concession", data={"concession": ["None of these"]}).headers["Location"] == "/licence/rods"


def test_a_whole_number_question_refuses_a_decimal(client):
    response = client.post("/licence/rods", data={"rods": "2.5"})
    assert "Rods must be a whole number" in response.text
    assert client.post("/licence/rods", data={"rods": "1,200"}).status_code == 303


def test_a_yes_no_question_asks_for_yes_from_its_title(client):
    response = client.post("/licence/more", data={})
    assert "Select yes if you need to add another angler" in response.text
    assert "Select add another" not in response.text


def test_check_your_answers_sent_with_nothing_answered_goes_to_the_first_question(client):
    response = client.post("/licence/check-answers")
    assert response.status_code == 303
    assert response.headers["Location"] == "/licence/concession?change=check-answers"


def test_check_your_answers_hides_change_text_with_proper_nouns_as_written(client):
    for fields, url in [({"concession": ["None of these"]}, "concession"), ({"rods": "2"}, "rods"),
                        ({"add-another": "No"}, "more"), ({"account": "12345678"}, "account")]:
        client.post(f"/licence/{url}", data=fields)
    page = client.get("/licence/check-answers").text
    assert '<span class="govuk-visually-hidden"> Council Tax account number</span>' in page


@pytest.mark.parametrize("case", LOWER_FIRST, ids=[case[0] for case in LOWER_FIRST])
def test_words_inside_a_sentence_start_small_unless_they_are_names(case):
    assert lower_first(case[0]) == case[1]


def test_the_published_site_refuses_and_words_them_the_same(make_project, nginx, public_folder, watched_page):
    project = make_project({"pages/licence.yaml": LICENCE})
    build(project, public_folder / "site", report=lambda line: None)
    server = nginx(public_folder / "site")
    page = watched_page()
    page.goto(server.url + "/licence/check-answers")
    page.get_by_role("button", name="Accept and send").click()
    expect(page).to_have_url(server.url + "/licence/concession?change=check-answers")
    page.get_by_label("Blue Badge").check()
    page.evaluate("document.querySelector('input[value=\"None of these\"]').checked = true")  # as without GOV.UK's script
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select ‘None of these’ or the other options, not both")
    page.get_by_label("Blue Badge").uncheck()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(server.url + "/licence/rods?change=check-answers")  # on the way back: the next unanswered
    page.get_by_label("How many rods will you use?").fill("2.5")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Rods must be a whole number")
    page.get_by_label("How many rods will you use?").fill("2")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(server.url + "/licence/more?change=check-answers")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select yes if you need to add another angler")
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What is your account number?").fill("12345678")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(server.url + "/licence/check-answers")
    expect(page.get_by_role("link", name="Change Council Tax account number")).to_be_visible()
