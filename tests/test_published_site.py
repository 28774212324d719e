"""The published site tells the truth: forms keep answers, content depends on answers, flow text shows them; live and frozen alike."""

import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from conftest import ROOT
from playwright.sync_api import expect

from journeys.build.freeze_site import build

CONTACT = """{% extends "base.html" %}
{% set title = "How should we contact you?" %}
{% block content %}
  <form method="post" action="/thanks" novalidate>
    {% set otherHtml %}{{ govukInput({"name": "contact-other", "id": "contact-other", "label": {"text": "How?"},
                                      "value": data["contact-other"]}) }}{% endset %}
    {{ govukRadios({
      "name": "contact-pref",
      "fieldset": {"legend": {"text": title, "isPageHeading": true, "classes": "govuk-fieldset__legend--l"}},
      "value": data["contact-pref"],
      "items": [{"value": "Email", "text": "Email"}, {"value": "Other", "text": "Other",
                "conditional": {"html": otherHtml}}]
    }) }}
    {{ govukButton({"text": "Continue"}) }}
  </form>
{% endblock %}
"""
THANKS = """{% extends "base.html" %}
{% set title = "Thank you" %}
{% block content %}
  <h1 class="govuk-heading-l">Thank you</h1>
  <p class="govuk-body" id="pref">{{ answer("contact-pref") }}</p>
  <p class="govuk-body" id="other">{{ answer("contact-other") }}</p>
  {% call when({"contact-pref": "Other"}) %}<p class="govuk-body" id="unusual">We will try our best.</p>{% endcall %}
  <p class="govuk-body"><a class="govuk-link" href="/contact">Change</a> <a class="govuk-link" href="/info">Info</a></p>
{% endblock %}
"""
INFO = """# Information

Everyone reads this.

!!! when {contact-pref: Other}
    You chose **something else**.

    !!! inset
        We will write to you.
"""
APPLY = """title: Apply
pages:
  name:
    title: What is your name?
    questions: [{name: full-name, required: true}]
    next: email
  email:
    title: What is your email address, {{ answer("full-name") }}?
    questions: [{name: email, type: email, required: true, summary: Email address}]
    next: sent
  sent:
    layout: confirmation
    title: Application sent
    content: |
      We have emailed you at {{ answer("email") }}.

      !!! when {email: {answered: false}}
          We could not email you.
"""
FILES = {"pages/contact.html": CONTACT, "pages/thanks.html": THANKS, "pages/info.md": INFO, "pages/apply.yaml": APPLY,
         "pages/index.html": '{% extends "base.html" %}{% block content %}<h1 class="govuk-heading-l">Home</h1>{% endblock %}',
         "data/settings.yaml": "service_name: Contact us\n"}


@dataclass
class Site:
    url: str
    frozen: bool


@pytest.fixture(params=["live", "frozen"])
def site(request, make_project, live_server, public_folder, nginx):
    project = make_project(FILES)
    if request.param == "live":
        return Site(live_server(project).url, frozen=False)
    build(project, public_folder / "site", report=lambda line: None)
    return Site(nginx(public_folder / "site").url, frozen=True)


def ready(page):
    """The page as its reader sees it: once the published site's script has filled it in."""
    page.wait_for_load_state("load")
    if page.locator('script[src*="frozen"]').count():
        expect(page.locator("body[data-journeys-ready]")).to_be_attached()


def test_a_jinja_pages_form_keeps_its_answers(site, watched_page):
    page = watched_page()
    page.goto(site.url + "/contact")
    page.get_by_label("Other").check()
    page.get_by_label("How?").fill("Carrier pigeon")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(site.url + "/thanks")))
    ready(page)
    expect(page.locator("#pref")).to_have_text("Other")
    expect(page.locator("#other")).to_have_text("Carrier pigeon")
    page.goto(site.url + "/contact")  # the form again, filled with its answers
    ready(page)
    expect(page.get_by_label("Other")).to_be_checked()
    expect(page.get_by_label("How?")).to_have_value("Carrier pigeon")
    expect(page.get_by_label("How?")).to_be_visible()  # its reveal open
    assert page.watch.failed_requests == [] and page.watch.console_errors == []


def test_content_shows_when_its_condition_holds(site, watched_page):
    page = watched_page()
    for choice, shown in [("Email", False), ("Other", True)]:
        page.goto(site.url + "/contact")
        page.get_by_label(choice).check()
        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_url(re.compile(re.escape(site.url + "/thanks")))
        ready(page)
        expect(page.locator("#unusual")).to_have_count(1 if shown else 0)
        page.goto(site.url + "/info")
        ready(page)
        expect(page.get_by_text("Everyone reads this.")).to_be_visible()
        expect(page.get_by_text("You chose something else.")).to_have_count(1 if shown else 0)
        expect(page.locator(".govuk-inset-text")).to_have_count(1 if shown else 0)  # a component inside, too
    expect(page.locator("main strong")).to_have_text("something else")
    assert page.watch.console_errors == []


def test_answers_show_in_a_flows_titles_and_content_escaped(site, watched_page):
    page = watched_page()
    page.goto(site.url + "/apply/name")
    page.get_by_label("What is your name?").fill("Ann <b>Smith</b>")
    page.get_by_role("button", name="Continue").click()
    ready(page)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("What is your email address, Ann <b>Smith</b>?")
    expect(page).to_have_title(re.compile(r"^What is your email address, Ann <b>Smith</b>\? - Apply"))
    assert page.locator("h1 b").count() == 0  # shown as typed, never as HTML
    page.get_by_label(re.compile("What is your email address")).fill("ann@example.com")
    page.get_by_role("button", name="Continue").click()
    ready(page)
    expect(page.get_by_text("We have emailed you at ann@example.com.")).to_be_visible()
    expect(page.get_by_text("We could not email you.")).to_have_count(0)


def test_the_build_warns_about_each_use_of_data_the_published_site_cannot_show(make_project, tmp_path):
    project = make_project({**FILES, "pages/tasks.html": """{% extends "base.html" %}
{% block content %}
  {% if data["contact-pref"] == "Other" %}<p class="govuk-body">Unusual</p>{% endif %}
  <p class="govuk-body">{{ data["contact-other"] }}</p>
  {{ govukInput({"name": "contact-other", "label": {"text": "How?"}, "value": data["contact-other"]}) }}
{% endblock %}
"""})
    lines = []
    build(project, tmp_path / "dist", report=lines.append)
    warnings = [line for line in lines if "Warning: pages/" in line]
    assert warnings == [
        "  Warning: pages/tasks.html:3: `data` is empty on the published prototype, so this shows as if nothing "
        "was answered\n    Show the part that depends on answers with {% call when({...}) %} ... {% endcall %}: "
        "it works in both places.",
        "  Warning: pages/tasks.html:4: `data` is empty on the published prototype, so this shows as if nothing "
        "was answered\n    Show the answer with {{ answer(\"contact-other\") }}: it works in both places.",
    ]
    checked = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                             capture_output=True, text=True, cwd=ROOT)
    assert checked.returncode == 0, checked.stderr
    assert "pages/tasks.html:3: `data` is empty on the published prototype" in checked.stdout
    assert "2 warnings" in checked.stdout


def test_journeys_check_finds_mistakes_in_answers_and_when_blocks(make_project):
    project = make_project({
        "pages/apply.yaml": APPLY.replace('{{ answer("email") }}', '{{ data["email"] }}')
                                 .replace("{email: {answered: false}}", "{email: {answerd: false}}"),
        "pages/dog.yaml": "title: Dog\npages:\n  dog:\n    title: Type?\n    questions:\n      - name: dog-type\n"
                          "        type: radios\n        options: [Pedigree, Crossbreed]\n    next: done\n"
                          "  done:\n    layout: confirmation\n    title: Done\n",
        "pages/info.md": "# Info\n\n!!! when {dog-type: pedigree}\n    Posh.\n\n!!! when\n    Nothing.\n",
        "pages/page.html": '{% extends "base.html" %}{% block content %}\n'
                           '{% call when({"dog-type": "pedigree"}) %}Posh{% endcall %}{% endblock %}',
    })
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    for expected in [
        "pages/apply.yaml:15: only an answer can go between {{ and }} in a flow's text or a Markdown page\n"
        "    Write it as {{ answer(\"email\") }}.",
        "pages/apply.yaml:17: unknown test 'answerd'\n    did you mean 'answered'?",
        "pages/info.md:3: the condition compares 'dog-type' with 'pedigree', which is not one of its options, "
        "so it never holds\n    did you mean 'Pedigree'?",
        "pages/info.md:6: '!!! when' needs a condition\n    For example:  !!! when {dog-type: Pedigree}",
        "pages/page.html:2: the condition compares 'dog-type' with 'pedigree', which is not one of its options",
    ]:
        assert expected in result.stderr


def test_without_javascript_every_published_page_says_so_and_shows_nothing_false(frozen_example, watched_page):
    server = frozen_example
    page = watched_page(javascript=False)
    banner = page.locator(".govuk-warning-text", has_text="This prototype needs JavaScript")
    for url in ["/", "/about", "/bulky-waste/start", "/bulky-waste/address", "/market-trader-licence/tasks",
                "/bulky-waste/check-answers", "/bulky-waste/confirmation", "/scenarios/clearing-a-house"]:
        page.goto(server.url + url)
        expect(banner).to_be_visible()
    page.goto(server.url + "/bulky-waste/check-answers")
    expect(page.get_by_role("button", name="Accept and send")).to_have_count(0)
    expect(page.get_by_text("Not provided")).to_have_count(0)
    page.goto(server.url + "/bulky-waste/confirmation")
    expect(page.get_by_text("Your reference number")).to_be_hidden()
    page.goto(server.url + "/scenarios/clearing-a-house")
    expect(page.get_by_text("Loading")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.watch.failed_requests == []

    with_script = watched_page()
    with_script.goto(server.url + "/bulky-waste/check-answers")
    ready(with_script)
    expect(with_script.get_by_text("This prototype needs JavaScript")).to_have_count(0)
    expect(with_script.get_by_role("button", name="Accept and send")).to_be_visible()
