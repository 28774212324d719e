"""Lists and reveals on the live server through Flask's test client: addresses, redirects, what is stored and shown."""

import re
import textwrap

import pytest
import yaml
from test_browser_lists import HOUSEHOLD

from journeys.flows.page_ids import question_ids
from journeys.project import Project
from journeys.prototype import read_prototype

SHOW = """{% extends "base.html" %}{% block content %}
<p id="keys">{{ data.keys() | sort | join(",") }}</p>
<ul id="people">{% for person in data["people"] %}<li>{{ person["full-name"] }} is {{ person.age }}</li>{% endfor %}</ul>
<p id="answer">{{ answer("people") }}</p>
{% endblock %}"""


@pytest.fixture
def project(make_project):
    return make_project({**HOUSEHOLD, "pages/show.html": SHOW})


@pytest.fixture
def client(project, make_app):
    return make_app(project).test_client()


def add(client, name: str, age: str, number: int) -> None:
    assert client.post(f"/household/person-name?item={number}", data={"full-name": name}).status_code == 303
    assert client.post(f"/household/person-age?item={number}", data={"age": age}).status_code == 303


def shown(client, element: str) -> str:
    return re.search(rf'id="{element}">(.*?)</(?:p|ul)>', client.get("/show").text, flags=re.S).group(1)


def test_an_empty_list_goes_straight_to_its_first_items_first_page(client):
    assert client.get("/household/people").headers["Location"] == "/household/person-name?item=1"
    assert client.get("/household/people?change=check-answers").headers["Location"] == \
        "/household/person-name?item=1&change=check-answers"


@pytest.mark.parametrize("address", ["/household/person-name", "/household/person-name?item=abc",
                                     "/household/person-age?item=0", "/household/person-name?item=3",
                                     "/household/person-name?item=²"])
def test_an_items_page_for_an_item_not_there_goes_to_the_list(client, address):
    add(client, "Ann", "34", 1)
    response = client.get(address)
    assert response.status_code == 302 and response.headers["Location"] == "/household/people"


def test_the_next_item_can_be_added_until_the_list_is_full(client):
    add(client, "Ann", "34", 1)
    assert client.get("/household/person-name?item=2").status_code == 200
    add(client, "Bob", "7", 2)
    add(client, "Cy", "70", 3)
    assert client.get("/household/person-name?item=3").status_code == 200
    assert client.get("/household/person-name?item=4").headers["Location"] == "/household/people"
    assert client.post("/household/person-name?item=4", data={"full-name": "Di"}).headers["Location"] == "/household/people"
    assert shown(client, "people") == "<li>Ann is 34</li><li>Bob is 7</li><li>Cy is 70</li>"


def test_the_item_number_comes_with_the_form_when_the_address_loses_it(client):
    response = client.post("/household/person-name", data={"full-name": "Ann", "_item": "1"})
    assert response.headers["Location"] == "/household/person-age?item=1"
    assert '<input type="hidden" name="_item" value="1">' in client.get("/household/person-age?item=1").text


def test_a_list_is_a_list_of_records_in_pages_and_answer_shows_each_items_first_answer(client):
    add(client, "Ann", "34", 1)
    add(client, "<b>Bob</b>", "7", 2)
    assert shown(client, "people") == "<li>Ann is 34</li><li>&lt;b&gt;Bob&lt;/b&gt; is 7</li>"
    assert shown(client, "answer") == ('<span data-journeys-answer="people" data-journeys-flow="household">'
                                       'Ann<br>&lt;b&gt;Bob&lt;/b&gt;</span>')


def test_the_add_another_answer_is_never_stored(client):
    add(client, "Ann", "34", 1)
    add(client, "Bob", "7", 2)
    assert client.post("/household/people", data={"_add-another": "No"}).headers["Location"] == "/household/contact"
    assert shown(client, "keys") == "people"


def test_the_list_page_shows_its_errors_the_govuk_way(client):
    add(client, "Ann", "34", 1)
    page = client.post("/household/people", data={"_add-another": "No"}).text
    assert "<title>Error: You have added 1 person - " in page
    assert '<a href="#add-another">You need to add at least 2 people</a>' in page
    assert 'id="add-another-error"' in page and 'id="add-another" name="_add-another" type="radio" value="Yes"' in page


def test_a_full_list_does_not_ask_to_add_another(client):
    for number, name in enumerate(["Ann", "Bob", "Cy"], start=1):
        add(client, name, "30", number)
    page = client.get("/household/people").text
    assert "Do you need to add another person?" not in page
    assert '<p class="govuk-body" data-journeys-full>You cannot add more than 3 people.</p>' in page
    assert client.post("/household/people", data={}).headers["Location"] == "/household/large-household"


def test_removing_asks_first_then_moves_the_later_items_up(client):
    for number, name in enumerate(["Ann", "Bob", "Cy"], start=1):
        add(client, name, "30", number)
    page = client.get("/household/people").text
    assert '<a class="govuk-link" href="/household/people/remove?item=2">Remove<span class="govuk-visually-hidden"> person 2</span></a>' in page
    question = client.get("/household/people/remove?item=2").text
    assert "<title>Are you sure you want to remove person 2? - " in question
    assert 'Are you sure you want to remove person <span data-journeys-number>2</span>?' in question
    assert client.post("/household/people/remove?item=2", data={}).status_code == 200
    assert client.post("/household/people/remove?item=2", data={"_remove": "No"}).headers["Location"] == "/household/people"
    assert shown(client, "people") == "<li>Ann is 30</li><li>Bob is 30</li><li>Cy is 30</li>"
    assert client.post("/household/people/remove?item=2", data={"_remove": "Yes"}).headers["Location"] == "/household/people"
    assert shown(client, "people") == "<li>Ann is 30</li><li>Cy is 30</li>"
    assert shown(client, "keys") == "people"
    assert client.get("/household/people/remove?item=3").headers["Location"] == "/household/people"


def test_removing_without_an_answer_shows_the_error(client):
    add(client, "Ann", "34", 1)
    page = client.post("/household/people/remove?item=1", data={}).text
    assert '<a href="#remove">Select yes if you want to remove person 1</a>' in page


def test_a_reveal_not_chosen_is_dropped_from_the_stored_answers(client):
    client.post("/household/contact", data={"contact-method": "Email", "contact-email": "ann@example.com"})
    assert shown(client, "keys") == "contact-email,contact-method"
    client.post("/household/contact", data={"contact-method": "Post", "contact-email": "ann@example.com"})
    assert shown(client, "keys") == "contact-method"


def test_a_revealed_questions_error_shows_inside_its_open_option(client):
    page = client.post("/household/contact", data={"contact-method": "Email"}).text
    assert '<a href="#contact-email">Enter your email address</a>' in page
    conditional = page.split('<div class="govuk-radios__conditional" id="conditional-contact-method">', 1)[1]
    conditional = conditional.split('<div class="govuk-radios__item">', 1)[0]
    assert '<p id="contact-email-error" class="govuk-error-message">' in conditional
    assert 'class="govuk-input govuk-input--error" id="contact-email" name="contact-email" type="email"' in conditional
    assert 'id="conditional-contact-method-2"' in page  # the others, closed
    assert page.count("govuk-radios__conditional--hidden") == 2


def test_a_revealed_textarea_keeps_its_lines(make_project, make_app):
    flow = """
        title: Test
        pages:
          ask:
            title: Anything else?
            questions:
              - name: more
                type: radios
                options:
                  - text: "Yes"
                    reveal:
                      - name: details
                        type: textarea
                        label: Tell us more
                  - "No"
            next: done
          done:
            layout: confirmation
            title: Done
    """
    client = make_app(make_project({"pages/test.yaml": flow})).test_client()
    client.post("/test/ask", data={"more": "Yes", "details": "Line one\nLine two\n  indented"})
    assert '>Line one\nLine two\n  indented</textarea>' in client.get("/test/ask").text


def test_check_answers_groups_each_item_in_a_card_with_change_links_into_it(client):
    add(client, "Ann", "34", 1)
    add(client, "Bob", "7", 2)
    client.post("/household/people", data={"_add-another": "No"})
    client.post("/household/contact", data={"contact-method": "Another way", "contact-other": "Pigeon"})
    page = client.get("/household/check-answers").text
    assert '<h2 class="govuk-heading-m">People in your household</h2>' in page
    assert re.search(r'<h3 class="govuk-summary-card__title">\s*Person 2\s*</h3>', page)
    assert ('href="/household/person-age?item=2&amp;change=check-answers">Change<span class="govuk-visually-hidden">'
            ' age (Person 2)</span>') in page
    rows = re.findall(r'<dt class="govuk-summary-list__key">\s*(.*?)\s*</dt>\s*<dd class="govuk-summary-list__value">\s*(.*?)\s*</dd>',
                      page, flags=re.S)
    assert rows == [("Full name", "Ann"), ("Age", "34"), ("Full name", "Bob"), ("Age", "7"),
                    ("Contact by", "Another way"), ("How should we contact you?", "Pigeon")]
    changed = client.post("/household/person-age?item=2&change=check-answers", data={"age": "8"})
    assert changed.headers["Location"] == "/household/check-answers"


def test_the_frozen_pages_take_the_item_from_the_address_and_go_on_without_javascript(project, make_app):
    client = make_app(project, FROZEN=True).test_client()
    start = client.get("/household/start").text
    assert 'href="/household/person-name"' in start  # into the list through its first item's page
    name = client.get("/household/person-name").text
    assert '<input type="hidden" name="_item" value="">' in name
    assert '<form method="get" action="/household/person-age" novalidate>' in name
    age = client.get("/household/person-age").text
    assert '<form method="get" action="/household/people" novalidate>' in age
    people = client.get("/household/people").text
    assert "<div data-journeys-add-another>" in people and "<p class=\"govuk-body\" data-journeys-full hidden>" in people
    assert '<form method="get" action="/household/contact" novalidate>' in people
    remove = client.get("/household/people/remove").text
    assert '<meta name="journeys-removing" content="true">' in remove
    assert '<form method="get" action="/household/people" novalidate>' in remove


def test_every_id_a_question_makes_is_the_one_govuk_frontend_renders(make_project, make_app):
    question = {"name": "pick", "type": "checkboxes", "hint": "Any", "required": True, "options": [
        {"text": "A", "hint": "First", "reveal": [{"name": "a-more", "label": "More", "hint": "Tell us"}]},
        {"divider": "or"}, "B", {"text": "C", "reveal": [{"name": "c-when", "type": "date", "label": "When"}]},
        {"text": "None", "exclusive": True}]}
    flow = {"title": "T", "pages": {"ask": {"title": "Pick", "questions": [question], "next": "done"},
                                    "done": {"layout": "confirmation", "title": "Done"}}}
    project = make_project({"pages/test.yaml": yaml.safe_dump(flow, sort_keys=False)})
    page = make_app(project).test_client().post("/test/ask", data={}).text  # with its error
    form = page.split("<form", 1)[1].split("</form>", 1)[0]
    rendered = set(re.findall(r'\sid="([^"]+)"', form))
    asked = read_prototype(Project.at(project)).flows["test"].pages["ask"].questions[0]
    made = {id_ for each in (asked, *asked.revealed) for id_ in question_ids(each)}
    assert rendered <= made
    assert {"pick", "pick-hint", "pick-error", "pick-item-hint", "conditional-pick", "pick-3", "pick-4",
            "conditional-pick-4", "pick-6", "a-more", "a-more-hint", "c-when", "c-when-day"} <= rendered


def test_a_question_named_like_another_questions_part_is_a_problem(make_project):
    flow = textwrap.dedent("""
        title: T
        pages:
          ask:
            title: Contact?
            questions:
              - name: contact
                type: radios
                options:
                  - Post
                  - text: Phone
                    reveal:
                      - name: contact-2
                        label: Number
            next: done
          done:
            layout: confirmation
            title: Done
    """)
    problems = read_prototype(Project.at(make_project({"pages/test.yaml": flow}))).problems
    assert [(p.line, p.message) for p in problems] == [
        (12, "question 'contact-2' makes the id 'contact-2', which 'contact' on the same page makes too")]


def test_a_list_pages_errors_can_be_worded_by_the_designer(make_project, make_app):
    flow = HOUSEHOLD["pages/household.yaml"].replace(
        "            min: 2\n", "            min: 2\n            messages:\n              min: Add everyone who lives with you\n"
        "              required: Tell us if anyone else lives with you\n")
    client = make_app(make_project({"pages/household.yaml": flow})).test_client()
    add(client, "Ann", "34", 1)
    assert '<a href="#add-another">Add everyone who lives with you</a>' in client.post(
        "/household/people", data={"_add-another": "No"}).text
    assert '<a href="#add-another">Tell us if anyone else lives with you</a>' in client.post("/household/people", data={}).text
