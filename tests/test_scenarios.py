"""Scenarios: a researcher starts a journey part-way through with believable answers."""


import re

import pytest
from playwright.sync_api import expect

from journeys.project import Project
from journeys.prototype import read_prototype

FLOW = """
title: Juggling licence
pages:
  balls:
    title: How many balls can you juggle?
    questions:
      - name: balls
        type: number
        required: true
    next:
      - when: {balls: {at_least: 5}}
        goto: expert
      - goto: colour
  expert:
    title: Which tricks can you do?
    questions:
      - name: tricks
        type: checkboxes
        options: [Cascade, Shower, Mills Mess]
    next: colour
  colour:
    title: What colour are your balls?
    questions:
      - name: colour
        type: radios
        options: [Red, Blue]
        required: true
    next: check
  check:
    layout: check-answers
    title: Check your answers
    next: done
  done:
    layout: confirmation
    title: Licence issued
"""

SCENARIO = """
title: An expert juggler
description: Juggles seven balls.
flow: juggling
start: check
answers:
  balls: 7
  tricks: [Cascade, Mills Mess]
  colour: Red
path: [check, done]
"""


@pytest.fixture
def project(make_project):
    return make_project({"pages/juggling.yaml": FLOW, "data/scenarios/expert.yaml": SCENARIO})


def test_the_scenarios_page_lists_each_scenario_with_a_button(project, make_app):
    page = make_app(project).test_client().get("/scenarios").text
    assert '<h2 class="govuk-heading-m">An expert juggler</h2>' in page
    assert '<form method="post" action="/scenarios/expert" novalidate>' in page
    assert 'Start this scenario<span class="govuk-visually-hidden"> ‘An expert juggler’</span>' in page
    assert "Juggles seven balls." in page


def test_a_scenario_replaces_the_answers_and_opens_its_start_page(project, make_app):
    client = make_app(project).test_client()
    client.post("/juggling/colour", data={"colour": "Blue"})
    client.post("/juggling/balls", data={"balls": "3"})
    response = client.post("/scenarios/expert")
    assert response.status_code == 303 and response.headers["Location"] == "/juggling/check"
    page = client.get("/juggling/check").text
    assert "Cascade<br>Mills Mess" in page
    assert '<dd class="govuk-summary-list__value">\n      Red\n    </dd>' in page
    assert "Blue" not in page


def test_a_link_to_a_scenario_changes_no_answers_and_offers_its_button(project, make_app):
    """Any website can link here: following the link must not replace anyone's answers."""
    client = make_app(project).test_client()
    client.post("/juggling/colour", data={"colour": "Blue"})
    page = client.get("/scenarios/expert").text
    assert '<h1 class="govuk-heading-l">An expert juggler</h1>' in page
    assert '<form method="post" action="/scenarios/expert" novalidate>' in page and "Start this scenario" in page
    assert 'value="Blue" checked' in client.get("/juggling/colour").text


def test_an_unknown_scenario_is_not_found(project, make_app):
    assert make_app(project).test_client().get("/scenarios/nobody").status_code == 404
    assert make_app(project).test_client().post("/scenarios/nobody").status_code == 404


@pytest.mark.parametrize("scenario, expected", [
    ("title: T\nflow: jugling\nstart: check\nanswers: {}\n",
     ["2: there is no flow called 'jugling'"]),
    ("title: T\nflow: juggling\nstart: chek\nanswers: {}\npath: [chek, dnoe]\n",
     ["3: the flow 'juggling' has no page called 'chek'", "5: the flow 'juggling' has no page called 'chek'",
      "5: the flow 'juggling' has no page called 'dnoe'"]),
    ("title: T\nflow: juggling\nstart: check\nanswers:\n  balls: 3\n  colour: Green\n  hat: Top hat\n",
     ["6: 'Green' is not one of the options for 'colour'", "7: no page of 'juggling' asks 'hat'"]),
    ("title: T\nflow: juggling\nstrat: check\nanswers: {}\n",
     ["1: 'start' is missing", "3: unknown scenario key 'strat'"]),
])
def test_a_scenario_naming_something_unknown_is_a_problem_with_its_line(make_project, scenario, expected):
    project = make_project({"pages/juggling.yaml": FLOW, "data/scenarios/broken.yaml": scenario})
    problems = read_prototype(Project.at(project)).problems
    assert {p.file for p in problems} == {"data/scenarios/broken.yaml"}
    assert sorted(f"{p.line}: {p.message}" for p in problems) == sorted(expected)


def test_a_broken_scenario_shows_its_problems_when_opened(make_project, make_app):
    project = make_project({"pages/juggling.yaml": FLOW,
                            "data/scenarios/broken.yaml": "title: T\nflow: juggling\nstart: check\nanswers:\n  hat: Top\n"})
    response = make_app(project).test_client().get("/scenarios/broken")
    assert response.status_code == 500
    assert "data/scenarios/broken.yaml:5" in response.text and "no page of &#39;juggling&#39; asks &#39;hat&#39;" in response.text


def test_a_scenario_button_lands_on_its_page_with_the_answers_filled_in(project, live_server, page):
    server = live_server(project)
    page.goto(server.url + "/scenarios")
    page.get_by_role("button", name="Start this scenario ‘An expert juggler’").click()
    expect(page).to_have_url(server.url + "/juggling/check")
    page.get_by_role("link", name="Change which tricks can you do?").click()
    expect(page.get_by_label("Cascade")).to_be_checked()
    expect(page.get_by_label("Mills Mess")).to_be_checked()
    expect(page.get_by_label("Shower")).not_to_be_checked()
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_a_scenario_can_preset_a_list_and_a_revealed_answer(make_project, make_app):
    from test_browser_lists import HOUSEHOLD

    project = make_project({**HOUSEHOLD, "data/scenarios/two.yaml": """
        title: Two people, by email
        flow: household
        start: check-answers
        answers:
          people:
            - {full-name: Ann, age: 34}
            - {full-name: Bob, age: 7}
          contact-method: Email
          contact-email: ann@example.com
    """})
    client = make_app(project).test_client()
    assert client.post("/scenarios/two").headers["Location"] == "/household/check-answers"
    page = client.get("/household/check-answers").text
    values = re.findall(r'<dd class="govuk-summary-list__value">\s*(.*?)\s*</dd>', page)
    assert values == ["Ann", "34", "Bob", "7", "Email", "ann@example.com"]


@pytest.mark.parametrize("answers, expected", [
    ("  people: Ann\n", ["5: 'people' is a list of people: give each as 'answer name: answer' lines"]),
    ("  people:\n    - {full-nmae: Ann}\n", ["6: no page of 'household' asks 'full-nmae' for each item"]),
    ("  contact-method: Post\n  contact-email: ann@example.com\n",
     ["6: 'contact-email' is asked only when 'contact-method' is 'Email', which these answers do not choose"]),
])
def test_a_scenarios_list_and_revealed_answers_are_checked(make_project, answers, expected):
    from test_browser_lists import HOUSEHOLD

    scenario = "title: T\nflow: household\nstart: people\nanswers:\n" + answers
    project = make_project({**HOUSEHOLD, "data/scenarios/broken.yaml": scenario})
    problems = read_prototype(Project.at(project)).problems
    assert sorted(f"{p.line}: {p.message}" for p in problems) == expected


def test_a_scenario_cannot_start_on_an_items_page(make_project):
    from test_browser_lists import HOUSEHOLD

    project = make_project({**HOUSEHOLD, "data/scenarios/broken.yaml": "title: T\nflow: household\nstart: person-name\n"})
    problems = read_prototype(Project.at(project)).problems
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (3, "'person-name' is asked for each item of 'people': start on 'people' instead",
         "The list page shows the items, and leads to each item's pages.")]
