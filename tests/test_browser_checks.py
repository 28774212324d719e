"""`journeys check --browser` (make check): the frozen prototype checked in Chromium, under NGINX."""

import re
import subprocess
import sys

import pytest
from conftest import ROOT, copy_example, write_files


def check(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--browser", "--project", str(project)],
                          capture_output=True, text=True, cwd=ROOT, timeout=180)


def test_the_example_prototype_passes_every_check(example_copy):
    result = check(example_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checking " in result.stdout and " scenario paths in Chromium" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("No problems found on ")
    checking = re.search(r"Checking (\d+) pages", result.stdout)[1]
    assert result.stdout.strip().splitlines()[-1].startswith(f"No problems found on {checking} pages")


@pytest.fixture(scope="module")
def broken_report(tmp_path_factory):
    """One run over a copy of the example with four deliberate mistakes."""
    project = copy_example(tmp_path_factory.mktemp("broken") / "prototype")
    write_files(project, {
        # An input with no label, and an id used twice.
        "pages/broken-form.html": """
            {% extends "base.html" %}
            {% block content %}
              <h1 class="govuk-heading-l">A broken form</h1>
              <form method="post" action="/about">
                <input class="govuk-input" id="nickname" name="nickname" type="text">
                <p class="govuk-body" id="note">Once</p>
                <p class="govuk-body" id="note">Twice</p>
              </form>
            {% endblock %}
        """,
        # GOV.UK's reveal markup (let through), aria-expanded on a plain radio, and a GOV.UK
        # reveal's radio with an attribute ARIA does not allow (both reported).
        "pages/broken-reveals.html": """
            {% extends "base.html" %}
            {% block content %}
              <h1 class="govuk-heading-l">Reveals</h1>
              <form method="post" action="/about">
                {{ govukRadios({"name": "fine", "fieldset": {"legend": {"text": "Fine?"}}, "items": [
                     {"value": "a", "text": "A", "conditional": {"html": '<p class="govuk-body">More</p>'}},
                     {"value": "b", "text": "B"}]}) }}
                <p class="govuk-body"><input id="plain" name="plain" type="radio" value="a" aria-expanded="false">
                  <label for="plain">Plain</label></p>
                <div class="govuk-radios" data-module="govuk-radios"><div class="govuk-radios__item">
                  <input class="govuk-radios__input" id="extra" name="extra" type="radio" value="a"
                    data-aria-controls="conditional-extra" aria-pressed="true">
                  <label class="govuk-label govuk-radios__label" for="extra">A</label></div>
                  <div class="govuk-radios__conditional" id="conditional-extra"><p class="govuk-body">More</p></div></div>
                {{ govukButton({"text": "Send"}) }}
              </form>
            {% endblock %}
        """,
        # A link to a page that does not exist.
        "pages/broken-link.md": "# A broken link\n\nSee [the missing guide](/guides/missing).\n",
        # A scenario whose expected path the journey does not take.
        "data/scenarios/wrong-path.yaml": """
            title: Expects the other branch
            flow: bulky-waste
            start: items
            answers:
              items:
                - {item-type: Sofa or armchair, item-size: Fits through a standard door, item-notes: ""}
              address: {line-1: 1 Mill Lane, town: Leeds, postcode: LS1 1AA}
              collection-date: 2031-05-12
              council-tax-reduction: "No"
              contact-method: Post
            path: [items, extra-items, address]
        """,
    })
    result = check(project)
    return result.returncode, result.stdout


def test_a_broken_prototype_fails(broken_report):
    assert broken_report[0] == 1


def test_an_input_with_no_label_is_named_with_its_page(broken_report):
    report = broken_report[1]
    page = report.split("\n/broken-form\n", 1)[1].split("\n/", 1)[0]
    assert "[accessibility: label] Form elements must have labels" in page
    assert "element: #nickname" in page
    assert "[html: input-missing-label]" in page


def test_a_duplicate_id_is_named_with_its_page(broken_report):
    page = broken_report[1].split("\n/broken-form\n", 1)[1].split("\n/", 1)[0]
    assert '[html: no-dup-id] Duplicate ID "note"' in page


def test_a_broken_link_is_named_with_its_page(broken_report):
    page = broken_report[1].split("\n/broken-link\n", 1)[1].split("\n/", 1)[0]
    assert "[link: broken-link] /guides/missing does not load (status 404)" in page
    assert 'element: a[href="/guides/missing"]' in page


def test_only_govuk_reveal_markup_may_have_aria_expanded_on_a_radio(broken_report):
    page = broken_report[1].split("\n/broken-reveals\n", 1)[1].split("\n/", 1)[0]
    reported = [line.strip() for line in page.splitlines() if line.strip().startswith("element: ")]
    assert page.count("[accessibility: aria-allowed-attr]") == 2
    assert "element: #plain" in reported and "element: #extra" in reported
    assert "element: #fine" not in reported


def test_a_wrong_expected_path_says_where_the_journey_went(broken_report):
    report = broken_report[1]
    assert "/scenarios/wrong-path" in report
    assert ("[scenario: path] expected items > extra-items > address, "
            "but the journey went items > address") in report
