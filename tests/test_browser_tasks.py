"""Task lists, autocomplete, interruption and exit pages in Chromium: live, and frozen under NGINX.

The licence flow is the issue's own example: a task list whose last task waits for the others,
a branch inside a task through an interruption card, an exit page, and an autocomplete question
over a long list of nationalities.
"""

import re

import pytest
from browser_walk import Walk, served_live_and_frozen
from conftest import ROOT
from playwright.sync_api import expect

from journeys.site_checks.accessibility import axe_source, check_accessibility

EVIL = "<img src=x onerror=alert(1)> Evil"
NATIONALITIES = ["Afghan", "Albanian", "Algerian", "American", "Argentine", "Australian", "Austrian", "Belgian",
                 "Brazilian", "British", "Bulgarian", "Canadian", "Chinese", "Croatian", "Cypriot", "Czech", "Danish",
                 "Dutch", "Estonian", "Finnish", "French", "Georgian", "German", "Ghanaian", "Greek", "Hungarian",
                 "Indian", "Irish", "Italian", "Japanese", "Latvian", "Lithuanian", "Maltese", "Nigerian", "Polish",
                 "Portuguese", "Romanian", "Slovak", "Spanish", "Swedish", EVIL]

LICENCE = {
    "pages/licence.yaml": """
        title: Apply for a market trader licence
        pages:
          tasks:
            layout: task-list
            title: Apply for a market trader licence
            content: Complete each section. You can do them in any order.
            sections:
              - title: About you
                tasks:
                  - title: Your name and address
                    start: name
                  - title: Your nationality
                    start: nationality
              - title: Your stall
                tasks:
                  - title: What you will sell
                    start: goods
              - title: Apply
                tasks:
                  - title: Check and send your application
                    start: check-answers
                    after: [Your name and address, Your nationality, What you will sell]
          name:
            title: What is your name?
            questions: [{name: full-name, required: Enter your full name, summary: Full name}]
            next: address
          address:
            title: What is your address?
            questions: [{name: address, type: address, required: true, summary: Address}]
            next: tasks
          nationality:
            title: What is your nationality?
            questions:
              - name: nationality
                type: autocomplete
                options: nationalities
                required: Enter your nationality
                summary: Nationality
                messages: {choice: Choose your nationality from the list}
            next: tasks
          goods:
            title: What will you sell?
            questions:
              - name: goods
                type: radios
                options: [Food, Clothes, Animals]
                required: Select what you will sell
                summary: Goods
            next:
              - when: {goods: Food}
                goto: food-rules
              - when: {goods: Animals}
                goto: no-animals
              - goto: tasks
          food-rules:
            layout: interruption
            title: You must be registered as a food business
            content: Register with your council at least 28 days before you start trading.
            next: hygiene
          hygiene:
            title: What is your food hygiene rating?
            questions:
              - {name: hygiene, type: number, min: 0, max: 5, required: Enter your food hygiene rating,
                 summary: Food hygiene rating}
            next: tasks
          no-animals:
            layout: exit
            title: You cannot sell animals on a market stall
            content: Contact the council's animal welfare team about a pet shop licence.
          check-answers:
            layout: check-answers
            title: Check your answers
            next: sent
          sent:
            layout: confirmation
            title: Application sent
    """,
    "data/nationalities.yaml": "".join(f"- {name}\n" for name in NATIONALITIES),
    "data/scenarios/half-done.yaml": """
        title: Name, address and nationality given
        flow: licence
        start: tasks
        answers:
          full-name: Ann Li
          address: {line-1: 1 High Street, town: Leeds, postcode: LS1 1AA}
          nationality: French
        path: [tasks]
    """,
}

TASKS = ["Your name and address", "Your nationality", "What you will sell", "Check and send your application"]


@pytest.fixture(scope="module")
def licence():
    """The licence prototype, served live by `serve.py` and, built, by NGINX: one of each for the module."""
    with served_live_and_frozen(LICENCE, "licence") as sites:
        yield sites


@pytest.fixture(params=["live", "frozen"])
def walk(request, licence, page):
    return Walk(page, licence[request.param])


def statuses(walk) -> dict[str, str]:
    """The task list as a person reads it: {task: status}."""
    walk.page.locator(".govuk-task-list__item").first.wait_for()
    items = walk.page.locator(".govuk-task-list__item").all()
    return {item.locator(".govuk-task-list__name-and-hint").inner_text().strip():
            item.locator(".govuk-task-list__status").inner_text().strip() for item in items}


def open_task_list(walk) -> None:
    walk.goto("/licence/tasks")
    walk.at("Apply for a market trader licence")


def test_each_task_starts_goes_in_progress_and_completes_then_check_and_send_opens(walk):
    page = walk.page
    open_task_list(walk)
    assert statuses(walk) == {"Your name and address": "Not yet started", "Your nationality": "Not yet started",
                              "What you will sell": "Not yet started", "Check and send your application": "Cannot start yet"}
    expect(page.get_by_text("You have completed 0 of 3 sections.")).to_be_visible()
    expect(page.get_by_role("link", name="Check and send your application")).to_have_count(0)  # not a link yet

    # Part of a task: in progress. Back links work inside the task.
    page.get_by_role("link", name="Your name and address").click()
    walk.at("What is your name?")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/licence/tasks")
    page.get_by_label("What is your name?").fill("Ann Li")
    walk.continue_()
    walk.at("What is your address?")
    page.get_by_role("link", name="Back").click()
    walk.at("What is your name?")
    expect(page.get_by_label("What is your name?")).to_have_value("Ann Li")
    open_task_list(walk)
    assert statuses(walk)["Your name and address"] == "In progress"

    # The task's last page returns to the task list: completed.
    page.get_by_role("link", name="Your name and address").click()
    walk.continue_()
    walk.at("What is your address?")
    walk.fill(Address_line_1="1 High Street", Town_or_city="Leeds", Postcode="ls1 1aa")
    walk.continue_()
    walk.at("Apply for a market trader licence")
    assert statuses(walk)["Your name and address"] == "Completed"
    expect(page.get_by_text("You have completed 0 of 3 sections.")).to_be_visible()

    page.get_by_role("link", name="Your nationality").click()
    walk.at("What is your nationality?")
    choose_by_keyboard(walk, "Fre", "French")
    walk.continue_()
    walk.at("Apply for a market trader licence")
    expect(page.get_by_text("You have completed 1 of 3 sections.")).to_be_visible()

    # A branch inside a task: Food goes through an interruption card to one more page.
    page.get_by_role("link", name="What you will sell").click()
    walk.at("What will you sell?")
    page.get_by_label("Food").check()
    walk.continue_()
    walk.at("You must be registered as a food business")
    expect(page.get_by_role("link", name="Go back")).to_have_attribute("href", "/licence/goods")
    page.get_by_role("button", name="Continue").click()
    walk.at("What is your food hygiene rating?")
    open_task_list(walk)
    assert statuses(walk)["What you will sell"] == "In progress"  # its path is longer now
    page.get_by_role("link", name="What you will sell").click()
    walk.continue_()
    walk.at("You must be registered as a food business")
    page.get_by_role("button", name="Continue").click()
    walk.at("What is your food hygiene rating?")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/licence/food-rules")
    page.get_by_label("What is your food hygiene rating?").fill("5")
    walk.continue_()
    walk.at("Apply for a market trader licence")
    assert statuses(walk) == {"Your name and address": "Completed", "Your nationality": "Completed",
                              "What you will sell": "Completed", "Check and send your application": "Not yet started"}
    expect(page.get_by_text("You have completed 2 of 3 sections.")).to_be_visible()

    # The last task opens: check your answers, by task, with Change links that come back.
    page.get_by_role("link", name="Check and send your application").click()
    walk.at("Check your answers")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/licence/tasks")
    assert by_task(walk) == {
        "Your name and address": {"Full name": "Ann Li", "Address": "1 High Street\nLeeds\nLS1 1AA"},
        "Your nationality": {"Nationality": "French"},
        "What you will sell": {"Goods": "Food", "Food hygiene rating": "5"},
    }
    page.get_by_role("link", name="Change goods").click()
    walk.at("What will you sell?")
    page.get_by_label("Clothes").check()
    walk.continue_()
    walk.at("Check your answers")
    assert by_task(walk)["What you will sell"] == {"Goods": "Clothes"}  # the branch left behind is gone
    page.get_by_role("button", name="Accept and send").click()
    walk.at("Application sent")
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def by_task(walk) -> dict[str, dict[str, str]]:
    """Check your answers as {task title: {question: answer}}: each task's heading, then its summary list."""
    walk.page.locator(".govuk-summary-list__row").first.wait_for()
    return walk.page.evaluate("""() => {
        const found = {}
        let task = null
        for (const el of document.querySelectorAll('[data-journeys-answers] > h2, [data-journeys-answers] > dl')) {
            if (el.tagName === 'H2') { task = el.textContent.trim(); found[task] = {}; continue }
            for (const row of el.querySelectorAll('.govuk-summary-list__row')) {
                found[task][row.querySelector('dt').textContent.trim()] = row.querySelector('.govuk-summary-list__value').innerText.trim()
            }
        }
        return found
    }""")


def choose_by_keyboard(walk, typed: str, option: str, downs: int = 0) -> None:
    """Enter the text, go down the options with the arrow key, and press Enter on the one wanted (the first is highlighted)."""
    expect(walk.page.locator(".autocomplete__input")).to_be_visible()  # the select is enhanced (a select is a combobox too)
    box = walk.page.get_by_role("combobox", name="What is your nationality?")
    # A person on the keyboard has the pointer elsewhere: left over the list (after an option was
    # clicked), it hovers whichever option is drawn under it, and GOV.UK's autocomplete then
    # highlights no option for the keyboard (one run in ten or so).
    walk.page.mouse.move(0, 0)
    box.fill("")
    expect(walk.page.locator(".autocomplete__option")).to_have_count(0)  # the last list is gone
    # The arrow key must reach the list made for the whole text: a list made after it (for a letter
    # typed one at a time, or for the text before) has nothing highlighted. One input event makes one
    # list, so once it shows, nothing is left to make it again. Typing letter by letter is tested above.
    box.fill(typed)
    expect(walk.page.get_by_role("option", name=option)).to_be_visible()
    walk.page.wait_for_function("""typed => {
        const options = [...document.querySelectorAll('.autocomplete__option')]
        return options.length > 0 && options.every(o => o.textContent.toLowerCase().includes(typed.toLowerCase()))
    }""", arg=typed)
    for _ in range(downs):
        walk.page.keyboard.press("ArrowDown")
    expect(walk.page.locator(".autocomplete__option--focused")).to_have_text(option)
    walk.page.keyboard.press("Enter")
    expect(box).to_have_value(option)


def test_autocomplete_offers_options_as_people_type_and_rejects_words_that_are_no_option(walk, licence):
    page = walk.page
    walk.goto("/licence/nationality")
    walk.at("What is your nationality?")
    expect(page.locator(".autocomplete__input")).to_be_visible()
    expect(page.locator("select#nationality-select")).to_be_hidden()  # enhanced: the select is hidden
    box = page.get_by_role("combobox", name="What is your nationality?")
    box.press_sequentially("Fre")
    expect(page.get_by_role("option")).to_have_text(["French"])
    # GOV.UK's autocomplete, open, has no accessibility problem either.
    assert check_accessibility(page, "/licence/nationality", axe_source(ROOT / "node_modules")) == []
    page.get_by_role("option", name="French").click()  # by pointer
    expect(box).to_have_value("French")
    box.fill("")
    box.press_sequentially("ger")  # whatever the case, wherever in the words
    expect(page.get_by_role("option")).to_have_text(["Algerian", "German", "Nigerian"])
    choose_by_keyboard(walk, "ger", "German", downs=1)  # by keyboard

    # An option's words are words: the suggestion shows them as typed, and no image loads.
    box.fill("")
    box.press_sequentially("onerror")
    expect(page.get_by_role("option")).to_have_text([EVIL])
    assert page.locator(".autocomplete__menu img").count() == 0

    # Words that are no option: a GOV.UK error, and the words stay to be corrected.
    box.fill("")
    box.press_sequentially("Narnian")
    expect(page.get_by_role("option")).to_have_text(["No results found"])
    box.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose your nationality from the list")
    expect(page).to_have_title(re.compile(r"^Error: What is your nationality\?"))
    expect(page.locator(".autocomplete__input")).to_be_visible()
    box = page.get_by_role("combobox", name="What is your nationality?")
    expect(box).to_have_value("Narnian")
    expect(page.locator(".govuk-error-message")).to_have_text("Error: Choose your nationality from the list")
    expect(box).to_have_attribute("aria-describedby", re.compile(r"\bnationality-error\b"))  # read out with the box
    page.locator(".govuk-error-summary a").click()
    expect(box).to_be_focused()
    choose_by_keyboard(walk, "Ital", "Italian")
    walk.continue_()
    walk.at("Apply for a market trader licence")
    assert statuses(walk)["Your nationality"] == "Completed"
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_without_javascript_the_autocomplete_is_a_plain_select_that_works(licence, watched_page):
    page = watched_page(javascript=False)
    live = licence["live"].url
    page.goto(live + "/licence/nationality")
    select = page.get_by_label("What is your nationality?")
    assert select.evaluate("el => el.tagName") == "SELECT"
    assert select.locator("option").all_inner_texts() == ["Select an option", *NATIONALITIES]
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your nationality")
    page.get_by_label("What is your nationality?").select_option("French")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(live + "/licence/tasks")
    expect(page.locator(".govuk-task-list__item", has_text="Your nationality")).to_contain_text("Completed")

    # Frozen, without JavaScript: the same select, and its form goes on to the task list.
    frozen = licence["frozen"].url
    page.goto(frozen + "/licence/nationality")
    assert page.get_by_label("What is your nationality?").evaluate("el => el.tagName") == "SELECT"
    page.get_by_label("What is your nationality?").select_option("German")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply for a market trader licence")
    assert page.watch.failed_requests == []


def test_an_exit_page_ends_the_journey_and_an_interruption_leads_on_or_back(walk):
    page = walk.page
    walk.goto("/licence/goods")
    page.get_by_label("Animals").check()
    walk.continue_()
    walk.at("You cannot sell animals on a market stall")
    expect(page.get_by_text("Contact the council's animal welfare team about a pet shop licence.")).to_be_visible()
    expect(page.locator("main").get_by_role("button")).to_have_count(0)
    page.get_by_role("link", name="Back").click()
    walk.at("What will you sell?")
    page.get_by_label("Food").check()
    walk.continue_()
    walk.at("You must be registered as a food business")
    expect(page.locator(".govuk-back-link")).to_have_count(0)  # the card has its own way back
    page.get_by_role("link", name="Go back").click()
    walk.at("What will you sell?")
    expect(page.get_by_label("Food")).to_be_checked()
    open_task_list(walk)
    assert statuses(walk)["What you will sell"] == "In progress"


def test_a_scenario_starts_a_researcher_on_the_task_list_with_some_tasks_done(walk):
    page = walk.page
    walk.goto("/scenarios")
    page.get_by_role("button", name="Start this scenario").click()
    walk.at("Apply for a market trader licence")
    walk.at_url("/licence/tasks")
    assert statuses(walk) == {"Your name and address": "Completed", "Your nationality": "Completed",
                              "What you will sell": "Not yet started", "Check and send your application": "Cannot start yet"}
    expect(page.get_by_text("You have completed 1 of 3 sections.")).to_be_visible()
    page.get_by_role("link", name="Your nationality").click()
    walk.at("What is your nationality?")
    expect(page.locator(".autocomplete__input")).to_have_value("French")
