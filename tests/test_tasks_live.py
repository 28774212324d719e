"""Task lists, autocomplete, interruption and exit pages on the live server through Flask's test client."""

import re

import pytest
from test_browser_tasks import LICENCE

from journeys.web.security_headers import HEADERS


@pytest.fixture
def project(make_project):
    return make_project(LICENCE)


@pytest.fixture
def client(project, make_app):
    return make_app(project).test_client()


def statuses(client) -> list[tuple[str, str]]:
    """(task, status) in the order the task list shows them, and whether each is a link."""
    page = client.get("/licence/tasks").text
    items = re.findall(r'<li class="govuk-task-list__item[^"]*">(.*?)</li>', page, flags=re.S)
    found = []
    for item in items:
        name, status = item.split('<div class="govuk-task-list__status')
        words = lambda html: re.sub(r"<[^>]+>", "", html).strip()
        found.append((words(name), words(status.split(">", 1)[1]), "<a " in name))
    return found


def progress(client) -> str:
    return re.search(r"data-journeys-progress>([^<]*)<", client.get("/licence/tasks").text).group(1)


def answer_everything(client) -> None:
    client.post("/licence/name", data={"full-name": "Ann Li"})
    client.post("/licence/address", data={"address-line-1": "1 High Street", "address-town": "Leeds",
                                          "address-postcode": "LS1 1AA"})
    client.post("/licence/nationality", data={"nationality": "French"})
    client.post("/licence/goods", data={"goods": "Clothes"})


def test_the_task_list_shows_each_tasks_status_and_links_only_those_that_can_start(client):
    assert statuses(client) == [("Your name and address", "Not yet started", True), ("Your nationality", "Not yet started", True),
                                ("What you will sell", "Not yet started", True),
                                ("Check and send your application", "Cannot start yet", False)]
    assert progress(client) == "You have completed 0 of 3 sections."
    page = client.get("/licence/tasks").text
    assert '<a class="govuk-link govuk-task-list__link" href="/licence/name" aria-describedby="section-1-1-status">' in page
    assert '<strong class="govuk-tag govuk-tag--blue">\n        Not yet started\n      </strong>' in page
    assert re.findall(r'<h2 class="govuk-heading-m">([^<]*)</h2>', page) == ["About you", "Your stall", "Apply"]
    client.post("/licence/name", data={"full-name": "Ann Li"})
    assert statuses(client)[0] == ("Your name and address", "In progress", True)
    assert '<strong class="govuk-tag govuk-tag--teal">\n        In progress\n      </strong>' in client.get("/licence/tasks").text
    answer_everything(client)
    assert statuses(client) == [("Your name and address", "Completed", True), ("Your nationality", "Completed", True),
                                ("What you will sell", "Completed", True),
                                ("Check and send your application", "Not yet started", True)]
    assert progress(client) == "You have completed 2 of 3 sections."


def test_a_tasks_last_page_leads_back_to_the_task_list_and_back_links_stay_in_the_task(client):
    assert client.post("/licence/name", data={"full-name": "Ann Li"}).headers["Location"] == "/licence/address"
    assert 'href="/licence/name" class="govuk-back-link"' in client.get("/licence/address").text
    assert 'href="/licence/tasks" class="govuk-back-link"' in client.get("/licence/name").text
    done = client.post("/licence/address", data={"address-line-1": "1 High Street", "address-town": "Leeds",
                                                 "address-postcode": "LS1 1AA"})
    assert done.headers["Location"] == "/licence/tasks"
    assert "govuk-back-link" not in client.get("/licence/tasks").text  # the flow starts on the task list


def test_check_answers_shows_each_tasks_answers_under_its_title_and_changes_come_back(client):
    answer_everything(client)
    page = client.get("/licence/check-answers").text
    answers = page[page.index("data-journeys-answers"):page.index("Now send your answers")]
    assert re.findall(r'<h2 class="govuk-heading-m">([^<]*)</h2>', answers) == [
        "Your name and address", "Your nationality", "What you will sell"]
    assert re.findall(r'<dt class="govuk-summary-list__key">\s*([^<]*?)\s*</dt>', answers) == [
        "Full name", "Address", "Nationality", "Goods"]
    assert 'href="/licence/goods?change=check-answers"' in answers
    # A change that opens a branch goes to its first page not yet answered, then back to check your answers.
    changed = client.post("/licence/goods?change=check-answers", data={"goods": "Food"})
    assert changed.headers["Location"] == "/licence/hygiene?change=check-answers"
    back = client.post("/licence/hygiene?change=check-answers", data={"hygiene": "4"})
    assert back.headers["Location"] == "/licence/check-answers"
    assert "Food hygiene rating" in client.get("/licence/check-answers").text


def test_an_interruption_card_has_continue_and_a_way_back_and_an_exit_page_has_no_button(client):
    client.post("/licence/goods", data={"goods": "Food"})
    card = client.get("/licence/food-rules").text
    assert '<div class="journeys-interruption">' in card and "govuk-button--inverse" in card
    assert '<a class="govuk-link" href="/licence/goods" data-journeys-back>Go back</a>' in card
    assert '<link rel="stylesheet" href="/assets/journeys/interruption.css">' in card
    assert client.get("/assets/journeys/interruption.css").status_code == 200
    exit_page = client.get("/licence/no-animals").text
    main = exit_page[exit_page.index("<main"):exit_page.index("</main>")]
    assert "You cannot sell animals on a market stall" in main and "govuk-button" not in main and "<form" not in main


def test_an_autocomplete_is_a_govuk_select_with_the_packages_files_only_on_its_page(client):
    page = client.get("/licence/nationality").text
    assert re.search(r'<select class="govuk-select" id="nationality" name="nationality"\s+data-journeys-autocomplete="">', page)
    assert '<option value="French">French</option>' in page
    assert '<link rel="stylesheet" href="/assets/accessible-autocomplete.min.css">' in page
    assert '<script src="/assets/accessible-autocomplete.min.js"></script>' in page
    assert '<script type="module" src="/assets/journeys/autocomplete.js"></script>' in page
    assert "accessible-autocomplete" not in client.get("/licence/name").text
    for name, kind in (("accessible-autocomplete.min.js", "text/javascript"), ("accessible-autocomplete.min.css", "text/css")):
        served = client.get(f"/assets/{name}")
        assert (served.status_code, served.mimetype) == (200, kind)
    # No inline script or style: the Content-Security-Policy holds.
    assert HEADERS["Content-Security-Policy"] == client.get("/licence/nationality").headers["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>(?!\s*document\.body\.className)", page)


def test_an_autocomplete_takes_an_options_words_and_refuses_others(client):
    assert client.post("/licence/nationality", data={"nationality": "french"}).headers["Location"] == "/licence/tasks"
    assert statuses(client)[1] == ("Your nationality", "Completed", True)
    refused = client.post("/licence/nationality", data={"nationality": "Narnian"})
    assert refused.status_code == 200 and "Choose your nationality from the list" in refused.text
    assert 'data-journeys-typed="Narnian"' in refused.text


def test_the_frozen_task_list_and_its_tasks_go_on_without_javascript(project, make_app):
    client = make_app(project, FROZEN=True).test_client()
    tasks = client.get("/licence/tasks").text
    assert '<meta name="journeys-page" content="tasks">' in tasks and "<div data-journeys-tasks>" in tasks
    assert 'href="/licence/name"' in tasks
    assert '<form method="get" action="/licence/tasks" novalidate>' in client.get("/licence/address").text
    name = client.get("/licence/name").text
    assert 'href="/licence/tasks" class="govuk-back-link"' in name  # Back before the script runs
    card = client.get("/licence/food-rules").text
    assert '<form method="get" action="/licence/hygiene" novalidate>' in card
