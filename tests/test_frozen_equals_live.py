"""A frozen page is the page the live server sends, with only its asset names and form methods changed.

The build renders faster than the server (GOV.UK macros remember their HTML, templates are
compiled once), so every page of a prototype that calls every kind of macro is compared.
"""

import re
from pathlib import Path

import pytest

from journeys.build.freeze_site import build
from journeys.pages.routing import all_pages

KITCHEN_SINK = r"""{% extends "base.html" %}
{% set title = "Every kind of macro" %}
{% set backLink = "/about" %}
{% block content %}
  {{ govukErrorSummary({"titleText": "There is a problem", "errorList": [{"text": "Enter a name", "href": "#name"}]}) }}
  {{ govukInput({"name": "name", "id": "name", "label": {"text": "Name"}, "errorMessage": {"text": "Enter a name"}, "value": data["name"]}) }}
  {{ govukInput({"name": "name-2", "label": {"text": "Name"}, "value": data["name"]}) }}
  {{ govukRadios({"name": "where", "fieldset": {"legend": {"text": "Where?"}}, "items": [
       {"value": "home", "text": "Home", "conditional": {"html": '<p class="govuk-body">More</p>'}},
       {"divider": "or"},
       {"value": "away", "text": "Away", "hint": {"text": "Not home"}}]}) }}
  {{ govukCheckboxes({"name": "items", "values": ["sofa"], "items": [{"value": "sofa", "text": "Sofa"}, {"value": "bed", "text": "Bed"}]}) }}
  {{ govukDateInput({"id": "when", "namePrefix": "when", "fieldset": {"legend": {"text": "When?"}}}) }}
  {{ govukSelect({"name": "pick", "label": {"text": "Pick"}, "items": [{"value": 1, "text": "One"}, {"value": 2, "text": "Two", "selected": true}]}) }}
  {{ govukTextarea({"name": "more", "label": {"text": "More"}}) }}
  {{ govukCharacterCount({"name": "count", "maxlength": 200, "label": {"text": "Count"}}) }}
  {{ govukSummaryList({"rows": [{"key": {"text": "Name"}, "value": {"text": data["name"] or "Not given"},
       "actions": {"items": [{"href": "/about", "text": "Change", "visuallyHiddenText": "name"}]}}]}) }}
  {{ govukDetails({"summaryText": "Help", "html": "<p>Help text</p>"}) }}
  {{ govukWarningText({"text": "Careful"}) }}
  {{ govukNotificationBanner({"html": "<p>Saved</p>", "type": "success"}) }}
  {{ govukPanel({"titleText": "Done", "html": "Ref <strong>AB12</strong>"}) }}
  {{ govukTable({"head": [{"text": "A"}, {"text": "B"}], "rows": [[{"text": 1}, {"text": 2.5}]]}) }}
  {{ govukAccordion({"id": "acc", "items": [{"heading": {"text": "One"}, "content": {"text": "1"}}]}) }}
  {{ govukTabs({"items": [{"label": "One", "id": "one", "panel": {"text": "1"}}]}) }}
  {{ govukPagination({"previous": {"href": "/about"}, "next": {"href": "/"}}) }}
  {{ govukBreadcrumbs({"items": [{"text": "Home", "href": "/"}]}) }}
  {{ govukTag({"text": "New"}) }}{{ govukTag({"text": "New"}) }}
  {# The same macro, with the same words as text (escaped) and as Markup (kept as HTML). #}
  {{ govukInsetText({"text": "<b>bold</b>"}) }}
  {{ govukInsetText({"text": "<b>bold</b>" | safe}) }}
  {{ govukInsetText({"html": "<b>bold</b>"}) }}
  {{ govukButton({"text": "Go", "isStartButton": true, "href": "/about"}) }}
  {{ govukButton({"text": "Go", "isStartButton": false, "href": "/about"}) }}
  {{ govukButton({"text": "Go"}) }}
  <p><a href="/about?from=home#top">About</a> <img src="/static/logo.svg" alt=""></p>
  <form method="post" action="/about" novalidate>{{ govukButton({"text": "Send"}) }}</form>
{% endblock %}
"""

PROJECT = {
    "pages/index.html": KITCHEN_SINK,
    "pages/about.md": "# About\n\nA [link](/index) and code:\n\n    <a href=\"/about\">kept as written</a>\n",
    "pages/questions/age.html": '{% extends "question.html" %}{% set title = "How old are you?" %}'
                                '{% set questions = [govukInput({"name": "age", "label": {"text": title}})] %}',
    "layouts/base.html": '{% extends "journeys/base.html" %}{% block footer %}<p><a href="/">Ours</a></p>{% endblock %}',
    "data/settings.yaml": "service_name: Kitchen sink\nphase: Beta\n",
    "static/application.css": "body { background: url(/static/logo.svg) } p { background: url(logo.svg) }\n",
    "static/application.js": "import { hello } from './helpers.js'\nhello()\n",
    "static/helpers.js": "export function hello () {}\n",
    "static/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
}


@pytest.fixture
def frozen(make_project, make_app, tmp_path):
    project = make_project(PROJECT)
    build(project, tmp_path / "dist", report=lambda line: None)
    # The app as the build runs it: FROZEN, so forms go to their default next page by GET
    # and the frozen site's script is on every page.
    return project, make_app(project, FROZEN=True), tmp_path / "dist"


def urls_of(project: Path) -> list[str]:
    return [page.url for page in all_pages(project / "pages")] + ["/clear-answers"]


def frozen_from_live(live: str, dist: Path) -> str:
    """What the build should make of a live page: hashed names, forms sent with GET, marked for the site's script."""
    for hashed in dist.rglob("*"):
        match = re.match(r"(.*)\.[0-9a-f]{10}(\.(css|js))$", hashed.name)
        if match:
            plain = "/" + hashed.with_name(match.group(1) + match.group(2)).relative_to(dist).as_posix()
            live = live.replace(f'="{plain}"', f'="/{hashed.relative_to(dist).as_posix()}"')
    return live.replace('method="post"', 'method="get" data-journeys-form')


def test_every_frozen_page_is_the_live_page(frozen):
    project, app, dist = frozen
    client = app.test_client()
    urls = urls_of(project)
    assert len(urls) == 4
    for url in urls:
        live = client.get(url)
        assert live.status_code == 200
        written = (dist / url.strip("/") / "index.html").read_text()
        assert written == frozen_from_live(live.text, dist), url


def test_the_frozen_404_page_is_the_live_404_page(frozen):
    project, app, dist = frozen
    live = app.test_client().get("/no-such-page")
    assert live.status_code == 404
    assert (dist / "404.html").read_text() == frozen_from_live(live.text, dist)


def test_the_kitchen_sink_uses_the_project_css_and_js_under_hashed_names(frozen):
    project, app, dist = frozen
    page = (dist / "index.html").read_text()
    assert re.search(r'href="/static/application\.[0-9a-f]{10}\.css"', page)
    assert re.search(r'src="/static/application\.[0-9a-f]{10}\.js"', page)
    script = next((dist / "static").glob("application.*.js")).read_text()
    assert re.search(r"from '\./helpers\.[0-9a-f]{10}\.js'", script)


def test_under_a_sub_path_links_move_and_code_samples_stay_as_written(make_project, tmp_path):
    project = make_project(PROJECT)
    build(project, tmp_path / "dist", base_url="/sub/", report=lambda line: None)
    about = (tmp_path / "dist/about/index.html").read_text()
    assert '<a class="govuk-link" href="/sub/index">link</a>' in about
    # Markdown escapes < in code but not quotes: this is text, not a tag, and is left alone.
    assert '&lt;a href="/about"&gt;kept as written' in about


def test_the_header_is_rendered_once_for_many_pages(make_project):
    from journeys.build.build_app import build_app

    app = build_app(make_project(PROJECT))
    client = app.test_client()  # the client Frozen-Flask fetches each page with
    for url in ["/", "/about", "/questions/age", "/about"]:
        assert client.get(url).status_code == 200
    header = app.jinja_env.get_template("govuk_frontend_jinja/components/header/macro.html").module.govukHeader
    assert len(header.html) == 1
