"""Every flow check: its exact message and line, all reported together."""

import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT
from flow_helpers import load_flow

from journeys.problems import ContentError

# The last page of most cases, indented to sit under their 'pages:'.
END = textwrap.indent("""
  done:
    layout: confirmation
    title: Done
""", " " * 8)

# (what is wrong, the flow's YAML, the problems as 'line: message')
CASES = [
    ("invalid YAML", """
        title: Test
        pages:
          ask:
            title: [What is your name?
        """, ["4: this is not valid YAML: while parsing a flow sequence expected ',' or ']', but got '?'"]),
    ("a duplicate page id", """
        title: Test
        pages:
          ask:
            title: One
            next: ask
          ask:
            title: Two
        """, ["6: 'ask' appears twice here (first on line 3)"]),
    ("an unknown page key", """
        title: Test
        pages:
          ask:
            title: Name?
            questions: [{name: name}]
            nxt: done
        """ + END, ["6: unknown page key 'nxt'", "3: page 'ask' has no 'next', so people get stuck here",
                   "8: no page leads to 'done', so nobody can reach it"]),
    ("an unknown question type", """
        title: Test
        pages:
          ask:
            title: Name?
            questions:
              - name: name
                type: raido
            next: done
        """ + END, ["7: unknown question type 'raido'"]),
    ("an unknown question key", """
        title: Test
        pages:
          ask:
            title: Name?
            questions:
              - name: name
                lable: Your name
            next: done
        """ + END, ["7: unknown text question key 'lable'"]),
    ("a key that does not fit the type", """
        title: Test
        pages:
          ask:
            title: Date?
            questions:
              - name: when
                type: date
                max_length: 10
            next: done
        """ + END, ["8: unknown date question key 'max_length'"]),
    ("a duplicate question name", """
        title: Test
        pages:
          ask:
            title: Name?
            questions: [{name: name}]
            next: again
          again:
            title: Name again?
            questions: [{name: name}]
            next: done
        """ + END, ["9: the answer name 'name' is already used on line 5"]),
    ("a goto to no page", """
        title: Test
        pages:
          ask:
            title: Name?
            questions: [{name: name}]
            next: dnoe
        """ + END, ["6: there is no page called 'dnoe'", "8: no page leads to 'done', so nobody can reach it"]),
    ("a condition on an answer no page asks", """
        title: Test
        pages:
          ask:
            title: Colour?
            questions: [{name: colour, type: radios, options: [Red, Blue]}]
            next:
              - when: {color: Red}
                goto: done
              - goto: done
        """ + END, ["8: the condition reads 'color', but no page asks it"]),
    ("an unknown condition test", """
        title: Test
        pages:
          ask:
            title: Age?
            questions: [{name: age, type: number}]
            next:
              - when:
                  age: {more_then: 17}
                goto: done
              - goto: done
        """ + END, ["8: unknown test 'more_then'"]),
    ("a number test without a number", """
        title: Test
        pages:
          ask:
            title: Age?
            questions: [{name: age, type: number}]
            next:
              - when: {age: {at_least: eighteen}}
                goto: done
              - goto: done
        """ + END, ["7: 'at_least' needs a number"]),
    ("rules without a last rule for everyone else", """
        title: Test
        pages:
          ask:
            title: Colour?
            questions: [{name: colour, type: radios, options: [Red, Blue]}]
            next:
              - when: {colour: Red}
                goto: done
        """ + END, ["7: the last rule has a 'when', so sometimes there is no next page"]),
    ("a rule after the rule for everyone", """
        title: Test
        pages:
          ask:
            title: Colour?
            questions: [{name: colour, type: radios, options: [Red, Blue]}]
            next:
              - goto: done
              - when: {colour: Red}
                goto: done
        """ + END, ["8: this rule is never used: the rule above it has no 'when', so it always applies",
                    "8: the last rule has a 'when', so sometimes there is no next page"]),
    ("an unreachable page", """
        title: Test
        pages:
          ask:
            title: Name?
            questions: [{name: name}]
            next: done
          orphan:
            title: Nobody comes here
            next: done
        """ + END, ["7: no page leads to 'orphan', so nobody can reach it"]),
    ("a dead end", """
        title: Test
        pages:
          ask:
            title: Name?
            questions: [{name: name}]
        """, ["3: page 'ask' has no 'next', so people get stuck here"]),
    ("options missing", """
        title: Test
        pages:
          ask:
            title: Colour?
            questions:
              - name: colour
                type: radios
            next: done
        """ + END, ["6: a radios question needs 'options'"]),
    ("an unknown data list", """
        title: Test
        pages:
          ask:
            title: Country?
            questions:
              - name: country
                type: select
                options: contries
            next: done
        """ + END, ["8: there is no list called 'contries' in data/"]),
    ("an unknown layout", """
        title: Test
        pages:
          ask:
            layout: questoin
            title: Name?
            next: done
        """ + END, ["4: unknown layout 'questoin'"]),
    ("several questions without labels", """
        title: Test
        pages:
          ask:
            title: Contact details
            questions:
              - name: email
              - name: phone
            next: done
        """ + END, ["6: question 'email' needs a label: this page asks several questions",
                    "7: question 'phone' needs a label: this page asks several questions"]),
    ("a page id that cannot be a web address", """
        title: Test
        pages:
          Your Name:
            title: Name?
            questions: [{name: name}]
            next: done
        """ + END, ["3: the page id 'Your Name' cannot be a web address"]),
    ("a bad pattern", """
        title: Test
        pages:
          ask:
            title: Code?
            questions: [{name: code, pattern: "[0-9"}]
            next: done
        """ + END, ["5: the pattern is not a valid regular expression: unterminated character set at position 0"]),
    ("a character count without a limit", """
        title: Test
        pages:
          ask:
            title: Tell us more
            questions: [{name: more, type: character-count}]
            next: done
        """ + END, ["5: a character-count question needs 'max_length' or 'max_words'"]),
    ("a misspelt content component", """
        title: Test
        pages:
          ask:
            title: Name?
            content: |
              Some text.

              !!! insett
                  We only use your name on the licence.
            questions: [{name: name}]
            next: done
        """ + END, ["8: there is no component called 'insett'"]),
    ("a missing title", """
        pages:
          ask:
            questions: [{name: name}]
            next: done
        """ + END, ["1: 'title' is missing", "2: 'title' is missing"]),
]

# Lists and reveals.
CASES += [
    ("an item page with a next", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
            next: done
        """ + END, ["12: page 'person-name' is asked for each person in 'people', so it cannot have 'next'"]),
    ("a page used by two lists", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            next: pets
          pets:
            layout: add-another
            title: Pets
            item: pet
            pages: [person-name]
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["13: page 'person-name' is already asked for each item of 'people' (line 7)"]),
    ("an unknown page in a list's pages", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-nmae]
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["7: there is no page called 'person-nmae'",
                    "9: no page leads to 'person-name', so nobody can reach it",
                    "9: page 'person-name' has no 'next', so people get stuck here"]),
    ("min above max", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            min: 3
            max: 2
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["8: 'min' is 3, more than 'max' (2), so nobody can finish the list"]),
    ("min and max that are not whole numbers", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            min: 0
            max: two
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["8: 'min' should be a whole number, 1 or more",
                    "9: 'max' should be a whole number, 1 or more"]),
    ("an add-another page without its item and pages", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            next: done
        """ + END, ["3: 'item' is missing",
                    "3: an add-another page needs 'pages', the pages asked for each item, in order"]),
    ("an add-another page that asks questions", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            questions: [{name: count}]
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["8: an add-another page cannot ask questions"]),
    ("list keys on a question page", """
        title: Test
        pages:
          ask:
            title: Name?
            item: person
            questions: [{name: name}]
            next: done
        """ + END, ["5: 'item' goes with the add-another layout"]),
    ("a list inside a list", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [pets]
            next: done
          pets:
            layout: add-another
            title: Pets
            item: pet
            pages: [pet-name]
          pet-name:
            title: Name?
            questions: [{name: pet-name}]
        """ + END, ["7: 'pets' is an add-another page: a list cannot be asked for each item of another"]),
    ("a list asking a confirmation page", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [done]
            next: done
        """ + END, ["7: 'done' is a confirmation page: the pages of a list ask its questions"]),
    ("a goto to an item's page", """
        title: Test
        pages:
          ask:
            title: Name?
            questions: [{name: name}]
            next: person-name
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["6: 'person-name' is asked for each person in 'people': go to 'people' instead",
                    "7: no page leads to 'people', so nobody can reach it",
                    "17: no page leads to 'done', so nobody can reach it"]),
    ("a list named like a question", """
        title: Test
        pages:
          ask:
            title: How many people?
            questions: [{name: people, type: number}]
            next: people
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            next: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["7: the list 'people' keeps its answers under its id, which the question on line 5 also uses"]),
    ("count on an answer that is not a list", """
        title: Test
        pages:
          ask:
            title: Colour?
            questions: [{name: colour, type: radios, options: [Red, Blue]}]
            next:
              - when: {colour: {count: {at_least: 2}}}
                goto: done
              - goto: done
        """ + END, ["8: 'count' counts the items of a list or the ticked boxes, but 'colour' is a radios answer"]),
    ("count without number tests", """
        title: Test
        pages:
          ask:
            title: Items?
            questions: [{name: items, type: checkboxes, options: [Sofa, Bed]}]
            next:
              - when: {items: {count: 2}}
                goto: done
              - when: {items: {count: {at_least: two}}}
                goto: done
              - goto: done
        """ + END, ["7: 'count' needs number tests",
                    "9: 'at_least' needs a number"]),
    ("a value test on a list", """
        title: Test
        pages:
          people:
            layout: add-another
            title: People
            item: person
            pages: [person-name]
            next:
              - when: {people: Ann}
                goto: done
              - when: {people: {count: {at_least: 2}}, full-name: Ann}
                goto: done
              - goto: done
          person-name:
            title: Name?
            questions: [{name: full-name}]
        """ + END, ["10: 'people' is a list of persons: test how many with 'count', or 'answered'",
                    "12: the condition reads 'full-name', which is asked for each person in 'people'"]),
    ("a reveal under a question that cannot have one", """
        title: Test
        pages:
          ask:
            title: Country?
            questions:
              - name: country
                type: select
                options:
                  - text: Wales
                    reveal:
                      - name: town
                        label: Town
            next: done
        """ + END, ["10: a select question's options cannot reveal questions"]),
    ("a nested reveal", """
        title: Test
        pages:
          ask:
            title: Contact?
            questions:
              - name: contact
                type: radios
                options:
                  - text: Phone
                    reveal:
                      - name: phone-type
                        type: radios
                        label: Which phone?
                        options:
                          - text: Mobile
                            reveal:
                              - name: mobile
                                label: Number
                  - Post
            next: done
        """ + END, ["12: a radios question cannot be revealed under an option",
                    "16: a question revealed under an option cannot reveal more questions"]),
    ("a revealed question without a label, named twice", """
        title: Test
        pages:
          ask:
            title: Contact?
            questions:
              - name: contact
                type: checkboxes
                options:
                  - text: Email
                    reveal:
                      - name: contact
                        type: email
                  - text: Post
                    reveal: Yes
            next: done
        """ + END, ["11: question 'contact' needs a label: it is asked under an option",
                    "11: the answer name 'contact' is already used on line 6",
                    "14: 'reveal' should be a list of questions, each starting with '- name:'"]),
]

# A task list's pages, indented to sit under 'pages:': name and nationality each return to it.
TASK_PAGES = textwrap.indent("""
  name:
    title: Name?
    questions: [{name: full-name}]
    next: tasks
  nationality:
    title: Nationality?
    questions: [{name: nationality, type: autocomplete, options: [French, Welsh]}]
    next: tasks
  check:
    layout: check-answers
    title: Check your answers
    next: done
""", " " * 8) + END

TASK_CASES = [
    ("a task whose start is unknown", """
        title: Test
        pages:
          tasks:
            layout: task-list
            title: Apply
            sections:
              - title: About you
                tasks:
                  - title: Your name
                    start: nmae
                  - title: Your nationality
                    start: nationality
                  - title: Check and send
                    start: check
        """ + TASK_PAGES, ["10: there is no page called 'nmae'", "16: no page leads to 'name', so nobody can reach it"]),
    ("a task that never returns to the task list", """
        title: Test
        pages:
          tasks:
            layout: task-list
            title: Apply
            sections:
              - title: About you
                tasks:
                  - title: Your name
                    start: name
                  - title: Your address
                    start: address
                  - title: Check and send
                    start: check
          address:
            title: Address?
            questions: [{name: address, type: address}]
            next: more-address
          more-address:
            title: More?
            questions: [{name: more}]
            next: address
        """ + TASK_PAGES, ["12: the task 'Your address' never returns to the task list",
                           "28: no page leads to 'nationality', so nobody can reach it"]),
    ("an after naming no task", """
        title: Test
        pages:
          tasks:
            layout: task-list
            title: Apply
            sections:
              - title: About you
                tasks:
                  - title: Your name
                    start: name
                  - title: Your nationality
                    start: nationality
              - title: Apply
                tasks:
                  - title: Check and send
                    start: check
                    after: [Your name, Your nationalty]
        """ + TASK_PAGES, ["17: 'after' names 'Your nationalty', but there is no task called that"]),
    ("a page in two tasks", """
        title: Test
        pages:
          tasks:
            layout: task-list
            title: Apply
            sections:
              - title: About you
                tasks:
                  - title: Your name
                    start: name
                  - title: Your nationality
                    start: nationality
                  - title: Your name again
                    start: name
                  - title: Check and send
                    start: check
        """ + TASK_PAGES, ["18: page 'name' is in two tasks: 'Your name' (line 9) and 'Your name again' (line 13)"]),
    ("a cycle of after", """
        title: Test
        pages:
          tasks:
            layout: task-list
            title: Apply
            sections:
              - title: About you
                tasks:
                  - title: Your name
                    start: name
                    after: [Check and send]
                  - title: Your nationality
                    start: nationality
                    after: Your nationality
                  - title: Check and send
                    start: check
                    after: [Your name]
        """ + TASK_PAGES, [
            "11: the task 'Check and send' asks no questions, so it is never completed and 'Your name' could never start",
            "14: the task 'Your nationality' waits for itself, so it can never start",
            "17: these tasks wait for each other, so none can start: 'Your name' waits for 'Check and send', "
            "which waits for 'Your name'"]),
    ("task list mistakes", """
        title: Test
        pages:
          tasks:
            layout: task-list
            title: Apply
            next: name
            sections:
              - title: About you
                tasks:
                  - title: Your name
                    start: name
                  - title: Your name
                    start: nationality
                  - title: Check and send
                    start: check
                    after: [Your name]
                  - title: Read the guidance
                    start: guidance
                  - title: Your address
                    after: Read the guidance
              - tasks: []
          guidance:
            layout: content
            title: Guidance
            content: Read this.
            sections: []
            next: tasks
          more-tasks:
            layout: task-list
            title: More
            sections:
              - title: Again
                tasks:
                  - {title: Start again, start: tasks}
        """ + TASK_PAGES, [
            "6: a task-list page cannot have 'next'",
            "12: the task 'Your name' is already on line 10",
            "19: 'start' is missing",
            "20: the task 'Read the guidance' asks no questions, so it is never completed and 'Your address' "
            "could never start",
            "21: 'title' is missing",
            "21: a section needs 'tasks', each with a title and the page it starts on",
            "26: 'sections' goes with the task-list layout",
            "28: 'more-tasks' is a second task list: a flow has one, on line 3",
            "28: no page leads to 'more-tasks', so nobody can reach it",
        ]),
    ("interruption and exit mistakes", """
        title: Test
        pages:
          warning:
            layout: interruption
            title: Before you go on
            questions: [{name: sure, type: yes-no}]
          stop:
            layout: exit
            title: You cannot use this service
            next: warning
        """, [
            "3: page 'warning' has no 'next', so people get stuck here",
            "6: an interruption page cannot ask questions",
            "10: an exit page cannot have 'next'",
            "7: no page leads to 'stop', so nobody can reach it",
        ]),
]
CASES += TASK_CASES


def problems_of(make_project, text: str) -> list[str]:
    project = make_project({"pages/test.yaml": textwrap.dedent(text)})
    try:
        load_flow(project, "test")
    except ContentError as error:
        assert {p.file for p in error.problems} == {"pages/test.yaml"}
        return [f"{p.line}: {p.message}" for p in error.problems]
    return []


@pytest.mark.parametrize("what, text, expected", CASES, ids=[c[0] for c in CASES])
def test_flow_check(make_project, what, text, expected):
    assert sorted(problems_of(make_project, text)) == sorted(expected)


def test_suggestions_say_what_was_probably_meant(make_project):
    project = make_project({"pages/test.yaml": textwrap.dedent(CASES[7][1])})
    with pytest.raises(ContentError) as raised:
        load_flow(project, "test")
    fixes = {p.message: p.fix for p in raised.value.problems}
    assert fixes["there is no page called 'dnoe'"] == "did you mean 'done'?"


def test_journeys_check_lists_every_problem_in_every_file_and_fails(make_project):
    project = make_project({
        "pages/one.yaml": textwrap.dedent(CASES[4][1]),
        "pages/two.yaml": textwrap.dedent(CASES[7][1]),
        "pages/about.md": "---\ntitel: About\n---\nText\n",
        "pages/broken.html": "{% if %}",
        "data/settings.yaml": "service_name: Test\n",
    })
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "5 problems found:"
    report = result.stderr
    for expected in [
        "pages/about.md:2: unknown front matter key 'titel'\n    did you mean 'title'?",
        "pages/broken.html:1: Jinja syntax error: Expected an expression, got 'end of statement block'",
        "pages/one.yaml:7: unknown text question key 'lable'\n    did you mean 'label'?",
        "pages/two.yaml:6: there is no page called 'dnoe'\n    did you mean 'done'?",
        "pages/two.yaml:8: no page leads to 'done', so nobody can reach it",
    ]:
        assert expected in report


def test_journeys_check_passes_the_example_prototype(example_copy):
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(example_copy)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No problems found")


def test_the_server_shows_a_broken_flows_problems_and_keeps_serving_other_pages(make_project, make_app):
    project = make_project({
        "pages/test.yaml": textwrap.dedent(CASES[7][1]),
        "pages/index.md": "# Home\n",
    })
    client = make_app(project).test_client()
    response = client.get("/test/ask")
    assert response.status_code == 500
    assert "2 problems in this prototype" in response.text
    assert "pages/test.yaml:6" in response.text and "there is no page called &#39;dnoe&#39;" in response.text
    assert '<tr class="mark"><td>6</td><td><pre>    next: dnoe</pre></td></tr>' in response.text
    assert client.get("/").status_code == 200


def test_journeys_check_finds_pages_that_clash_with_layouts_and_flows(make_project):
    project = make_project({
        "pages/start.html": '{% extends "base.html" %}',
        "pages/book.yaml": "title: Book\npages:\n  done:\n    layout: confirmation\n    title: Booked\n",
        "pages/book/done.md": "# Done\n",
    })
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert ("pages/book.yaml:3: pages/book/done.md has the same address, /book/done, as this page\n"
            "    Rename the page file or this page's id.") in result.stderr
    assert ("pages/start.html:1: this page has the same name as the 'start' layout, so it replaces that layout\n"
            "    Rename the page; to change the layout, put it in layouts/ instead.") in result.stderr


def test_list_and_reveal_problems_say_how_to_fix_them(make_project):
    fixes = {}
    for what in ("an item page with a next", "an unknown page in a list's pages", "min above max",
                 "a nested reveal", "count on an answer that is not a list", "a reveal under a question that cannot have one"):
        text = next(case[1] for case in CASES if case[0] == what)
        project = make_project({"pages/test.yaml": textwrap.dedent(text)})
        with pytest.raises(ContentError) as raised:
            load_flow(project, "test")
        fixes.update({p.message: p.fix for p in raised.value.problems})
    assert fixes["page 'person-name' is asked for each person in 'people', so it cannot have 'next'"] == \
        "Remove 'next': after an item's last page, 'people' shows the list."
    assert fixes["there is no page called 'person-nmae'"] == "did you mean 'person-name'?"
    assert fixes["'min' is 3, more than 'max' (2), so nobody can finish the list"] == "Make 'min' no more than 'max'."
    assert fixes["a question revealed under an option cannot reveal more questions"] == \
        "The Design System advises against nesting reveals: ask it on a page of its own."
    assert fixes["a select question's options cannot reveal questions"] == \
        "Only radios and checkboxes can show questions under an option: use one of them."
    assert fixes["'count' counts the items of a list or the ticked boxes, but 'colour' is a radios answer"].startswith(
        "Use 'count' on an add-another list or a checkboxes answer")


def test_an_option_in_a_data_list_cannot_reveal_questions(make_project):
    project = make_project({
        "data/contact.yaml": "- Post\n- text: Email\n  reveal:\n    - name: email\n      label: Email\n",
        "pages/test.yaml": "title: Test\npages:\n  ask:\n    title: Contact?\n    questions:\n"
                           "      - name: contact\n        type: radios\n        options: contact\n    next: done\n"
                           "  done:\n    layout: confirmation\n    title: Done\n",
    })
    from journeys.project import Project
    from journeys.prototype import read_prototype

    assert [(p.file, p.line, p.message) for p in read_prototype(Project.at(project)).problems] == [
        ("data/contact.yaml", 3, "an option in a data/ list cannot reveal questions")]


def test_task_list_problems_say_how_to_fix_them(make_project):
    fixes = {}
    for what in ("a task whose start is unknown", "a task that never returns to the task list", "an after naming no task",
                 "a page in two tasks", "a cycle of after", "interruption and exit mistakes"):
        text = next(case[1] for case in CASES if case[0] == what)
        project = make_project({"pages/test.yaml": textwrap.dedent(text)})
        with pytest.raises(ContentError) as raised:
            load_flow(project, "test")
        fixes.update({p.message: p.fix for p in raised.value.problems})
    assert fixes["there is no page called 'nmae'"] == "did you mean 'name'?"
    assert fixes["the task 'Your address' never returns to the task list"] == "End the task's last page with  next: tasks"
    assert fixes["'after' names 'Your nationalty', but there is no task called that"] == "did you mean 'Your nationality'?"
    assert fixes["page 'name' is in two tasks: 'Your name' (line 9) and 'Your name again' (line 13)"] == \
        "End each task with  next: tasks  before the other's pages, or give this page a copy with its own id."
    assert fixes["the task 'Your nationality' waits for itself, so it can never start"] == \
        "Remove 'Your nationality' from the 'after' of 'Your nationality'."
    assert fixes["an exit page cannot have 'next'"] == "It ends the journey, with no Continue button: remove 'next'."


def test_journeys_check_names_the_file_and_line_of_a_task_list_problem(make_project):
    text = next(case[1] for case in CASES if case[0] == "a task that never returns to the task list")
    project = make_project({"pages/apply.yaml": textwrap.dedent(text)})
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert ("pages/apply.yaml:12: the task 'Your address' never returns to the task list\n"
            "    End the task's last page with  next: tasks") in result.stderr
