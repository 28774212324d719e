"""Add-another lists and conditional reveals in Chromium: on the live server and on the frozen site under NGINX.

The household flow is the issue's own example: people added one at a time (at least 2, at
most 3), a branch on how many, and contact details revealed under the option that needs them.
"""

import re

import pytest
from browser_walk import Walk, served_live_and_frozen
from playwright.sync_api import expect


EVIL = """<script>alert("x")</script><img src=x onerror=alert(1)>"""

HOUSEHOLD = {
    "pages/household.yaml": """
        title: Apply for a household permit
        pages:
          start:
            layout: start
            title: Apply for a household permit
            next: people
          people:
            layout: add-another
            title: People in your household
            item: person
            items: people
            pages: [person-name, person-age]
            min: 2
            max: 3
            next:
              - when: {people: {count: {at_least: 3}}}
                goto: large-household
              - goto: contact
          person-name:
            title: What is their full name?
            questions:
              - name: full-name
                required: Enter their full name
                summary: Full name
          person-age:
            title: How old are they?
            questions:
              - name: age
                type: number
                min: 0
                max: 120
                required: Enter their age
                summary: Age
          large-household:
            title: You have a large household
            content: A permit for 3 people or more takes longer to check.
            next: contact
          contact:
            title: How should we contact you?
            questions:
              - name: contact-method
                type: radios
                required: Select how we should contact you
                summary: Contact by
                options:
                  - text: Email
                    reveal:
                      - name: contact-email
                        type: email
                        label: Email address
                        required: Enter your email address
                  - text: Text message
                    reveal:
                      - name: contact-mobile
                        type: tel
                        label: Mobile phone number
                        required: Enter your mobile phone number
                  - text: Another way
                    reveal:
                      - name: contact-other
                        label: How should we contact you?
                        required: Tell us how to contact you
                  - Post
            next: check-answers
          check-answers:
            layout: check-answers
            title: Check your answers
            next: done
          done:
            layout: confirmation
            title: Application sent
    """,
}


@pytest.fixture(scope="module")
def household():
    """The household prototype, served live by `serve.py` and, built, by NGINX: one of each for the module."""
    with served_live_and_frozen(HOUSEHOLD, "household") as sites:
        yield sites


@pytest.fixture(params=["live", "frozen"])
def walk(request, household, page):
    return Walk(page, household[request.param])


def add_person(walk, name: str, age: str) -> None:
    walk.at("What is their full name?")
    walk.page.get_by_label("What is their full name?").fill(name)
    walk.continue_()
    walk.at("How old are they?")
    walk.page.get_by_label("How old are they?").fill(age)
    walk.continue_()


def listed(walk) -> list[str]:
    return walk.page.locator("[data-journeys-items] .govuk-summary-list__key").all_inner_texts()


def test_adding_changing_and_removing_people_then_checking_the_answers(walk):
    page = walk.page
    walk.goto("/household/start")
    page.get_by_role("button", name="Start now").click()
    # No one listed yet: straight to the first person's first page, its number in the address.
    walk.at("What is their full name?")
    walk.at_url("/household/person-name?item=1")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/household/start")
    page.get_by_label("What is their full name?").fill("Ann")
    walk.continue_()
    walk.at("How old are they?")
    walk.at_url("/household/person-age?item=1")
    walk.continue_()
    expect(page.locator(".govuk-error-summary__list")).to_have_text("Enter their age")
    page.get_by_label("How old are they?").fill("34")
    walk.continue_()

    walk.at("You have added 1 person")
    expect(page).to_have_title(re.compile(r"^You have added 1 person - "))
    assert listed(walk) == ["Ann"]
    # Below min, "No" is an error.
    page.get_by_label("No", exact=True).check()
    walk.continue_()
    expect(page.locator(".govuk-error-summary__list")).to_have_text("You need to add at least 2 people")
    expect(page.locator(".govuk-error-message")).to_have_text("Error: You need to add at least 2 people")
    expect(page).to_have_title(re.compile(r"^Error: You have added 1 person"))
    # Nothing chosen is an error too.
    page.get_by_label("Yes", exact=True).check()
    walk.continue_()
    walk.at("What is their full name?")
    walk.at_url("/household/person-name?item=2")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/household/people")
    add_person(walk, "Bob", "7")
    walk.at("You have added 2 people")
    page.get_by_label("Yes", exact=True).check()
    walk.continue_()
    add_person(walk, "Cy", "70")

    # At max the question is not asked.
    walk.at("You have added 3 people")
    assert listed(walk) == ["Ann", "Bob", "Cy"]
    expect(page.get_by_text("Do you need to add another person?")).not_to_be_visible()
    expect(page.get_by_text("You cannot add more than 3 people.")).to_be_visible()

    # Change the second person: their pages, filled in, then back to the list.
    page.get_by_role("link", name="Change person 2").click()
    walk.at("What is their full name?")
    walk.at_url("/household/person-name?item=2")
    expect(page.get_by_label("What is their full name?")).to_have_value("Bob")
    page.get_by_label("What is their full name?").fill("Bobby")
    walk.continue_()
    walk.at("How old are they?")
    expect(page.get_by_label("How old are they?")).to_have_value("7")
    page.reload()  # the item's number is in the address: a refresh keeps the page
    walk.ready()
    expect(page.get_by_label("How old are they?")).to_have_value("7")
    page.get_by_role("link", name="Back").click()
    walk.at_url("/household/person-name?item=2")
    expect(page.get_by_label("What is their full name?")).to_have_value("Bobby")
    walk.continue_()
    walk.continue_()
    walk.at("You have added 3 people")
    assert listed(walk) == ["Ann", "Bobby", "Cy"]

    # Three people or more branch to their own page; Back from it returns to the list.
    walk.continue_()
    walk.at("You have a large household")
    page.get_by_role("link", name="Back").click()
    walk.at("You have added 3 people")

    # Remove: "no" keeps the person, "yes" removes them and the others move up.
    page.get_by_role("link", name="Remove person 3").click()
    walk.at("Are you sure you want to remove person 3?")
    walk.at_url("/household/people/remove?item=3")
    expect(page).to_have_title(re.compile(r"^Are you sure you want to remove person 3\? - "))
    walk.continue_()
    expect(page.locator(".govuk-error-summary__list")).to_have_text("Select yes if you want to remove person 3")
    page.get_by_label("No", exact=True).check()
    walk.continue_()
    walk.at("You have added 3 people")
    page.get_by_role("link", name="Remove person 1").click()
    walk.at("Are you sure you want to remove person 1?")
    page.get_by_label("Yes", exact=True).check()
    walk.continue_()
    walk.at("You have added 2 people")
    assert listed(walk) == ["Bobby", "Cy"]
    page.get_by_label("No", exact=True).check()
    walk.continue_()

    # A reveal left empty: the error shows inside it, the option still open.
    walk.at("How should we contact you?")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/household/people")
    page.get_by_label("Email", exact=True).check()
    walk.continue_()
    expect(page.locator("#conditional-contact-method .govuk-error-message")).to_have_text("Error: Enter your email address")
    expect(page.get_by_label("Email address")).to_be_visible()
    page.locator(".govuk-error-summary").get_by_role("link", name="Enter your email address").click()
    expect(page.get_by_label("Email address")).to_be_focused()
    page.get_by_label("Email address").fill("ann@example.com")
    walk.continue_()

    walk.at("Check your answers")
    expect(page.get_by_role("heading", level=2, name="People in your household")).to_be_visible()
    assert walk.cards() == {"Person 1": {"Full name": "Bobby", "Age": "7"}, "Person 2": {"Full name": "Cy", "Age": "70"}}
    assert walk.rows("[data-journeys-answers] > dl") == {"Contact by": "Email", "Email address": "ann@example.com"}

    # Another option: the first option's answer is gone.
    page.get_by_role("link", name="Change contact by").click()
    walk.at("How should we contact you?")
    expect(page.get_by_label("Email address")).to_have_value("ann@example.com")
    page.get_by_label("Post").check()
    expect(page.get_by_label("Email address")).not_to_be_visible()
    walk.continue_()
    walk.at_url("/household/check-answers")
    assert walk.rows("[data-journeys-answers] > dl") == {"Contact by": "Post"}
    page.get_by_role("link", name="Change contact by").click()
    walk.at("How should we contact you?")
    page.get_by_label("Email", exact=True).check()
    expect(page.get_by_label("Email address")).to_have_value("")
    page.get_by_label("Post").check()
    walk.continue_()

    # A Change link in a person's card goes to that person's page, and comes back.
    walk.at_url("/household/check-answers")
    page.get_by_role("link", name="Change age (Person 2)").click()
    walk.at("How old are they?")
    walk.at_url("/household/person-age?item=2&change=check-answers")
    expect(page.get_by_role("link", name="Back")).to_have_attribute("href", "/household/check-answers")
    expect(page.get_by_label("How old are they?")).to_have_value("70")
    page.get_by_label("How old are they?").fill("71")
    walk.continue_()
    walk.at_url("/household/check-answers")
    assert walk.cards() == {"Person 1": {"Full name": "Bobby", "Age": "7"}, "Person 2": {"Full name": "Cy", "Age": "71"}}

    page.get_by_role("button", name="Accept and send").click()
    expect(page.locator(".govuk-panel").get_by_role("heading", level=1)).to_have_text("Application sent")
    assert page.watch.console_errors == []
    assert page.watch.failed_requests == []


def test_typed_script_in_an_item_and_a_reveal_shows_as_text(walk):
    page, dialogs = walk.page, []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    walk.goto("/household/people")
    add_person(walk, EVIL, "30")
    walk.at("You have added 1 person")
    assert listed(walk) == [EVIL]
    page.get_by_label("Yes", exact=True).check()
    walk.continue_()
    add_person(walk, "Ann", "31")
    page.get_by_label("No", exact=True).check()
    walk.continue_()
    walk.at("How should we contact you?")
    page.get_by_label("Another way").check()
    page.get_by_label("How should we contact you?", exact=True).last.fill(EVIL)
    walk.continue_()
    walk.at("Check your answers")
    assert walk.cards()["Person 1"] == {"Full name": EVIL, "Age": "30"}
    assert walk.rows("[data-journeys-answers] > dl") == {"Contact by": "Another way", "How should we contact you?": EVIL}
    page.locator(".govuk-summary-list__value").first.hover()
    page.get_by_role("link", name="Change contact by").click()
    walk.at("How should we contact you?")
    expect(page.locator("#contact-other")).to_have_value(EVIL)
    page.get_by_role("link", name="Back").click()
    walk.at_url("/household/check-answers")
    page.goto(walk.site.url + "/household/person-name?item=1")
    walk.ready()
    expect(page.get_by_label("What is their full name?")).to_have_value(EVIL)
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
