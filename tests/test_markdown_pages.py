"""Markdown pages: front matter for title and layout, GOV.UK classes on the HTML."""

import pytest

from journeys.web.state import state


def get(make_project, make_app, files, url="/page"):
    return make_app(make_project(files)).test_client().get(url)


def main_of(html: str) -> str:
    return html.split('<main class="govuk-main-wrapper" id="main-content">')[1].split("</main>")[0]


def test_markdown_is_styled_with_govuk_classes(make_project, make_app):
    page = get(make_project, make_app, {"pages/page.md": """
        ---
        title: Bin days
        ---
        Collections are **weekly**. See [the map](/map).

        ## Recycling

        - glass
        - paper

        1. rinse
        2. sort

        > Put bins out by 7am.
    """}).text
    main = main_of(page)
    assert '<h1 class="govuk-heading-xl">Bin days</h1>' in main
    assert '<p class="govuk-body">Collections are <strong>weekly</strong>. See <a class="govuk-link" href="/map">the map</a>.</p>' in main
    assert '<h2 class="govuk-heading-l">Recycling</h2>' in main
    assert '<ul class="govuk-list govuk-list--bullet">\n<li>glass</li>' in main
    assert '<ol class="govuk-list govuk-list--number">' in main
    assert '<blockquote class="govuk-inset-text">\n<p>Put bins out by 7am.</p>' in main
    assert "<title>Bin days - GOV.UK Prototype</title>" in page


def test_without_a_title_the_first_heading_is_the_title(make_project, make_app):
    page = get(make_project, make_app, {"pages/page.md": "# Opening times\n\nWe open at nine.\n"}).text
    assert "<title>Opening times - GOV.UK Prototype</title>" in page
    assert main_of(page).count("Opening times") == 1


def test_the_front_matter_can_name_a_project_layout(make_project, make_app):
    page = get(make_project, make_app, {
        "pages/page.md": "---\nlayout: wide\ntitle: Wide page\n---\nText\n",
        "layouts/wide.html": '{% extends "base.html" %}{% block content %}<div class="wide"><h1>{{ title }}</h1>{{ content }}</div>{% endblock %}',
    }).text
    assert '<div class="wide"><h1>Wide page</h1><p class="govuk-body">Text</p></div>' in page


@pytest.mark.parametrize("text, line, message", [
    ("---\ntitle: About\nlayuot: content\n---\nText", 3, "unknown front matter key &#39;layuot&#39;"),
    ("---\ntitle: [About\n---\nText", 2, "this is not valid YAML"),
    ("---\ntitle: About\nText", 1, "the front matter starts with &#39;---&#39; but never ends"),
    ("---\nlayout: fancy\n---\nText", 2, "there is no layout called &#39;fancy&#39;"),
])
def test_broken_front_matter_shows_the_file_and_line(make_project, make_app, text, line, message):
    response = get(make_project, make_app, {"pages/page.md": text})
    assert response.status_code == 500
    assert f"pages/page.md:{line}" in response.text
    assert message in response.text


def test_a_page_is_read_once_until_its_file_changes(make_project, make_app):
    app = make_app(make_project({"pages/page.md": "# Bins\n\nText\n", "data/settings.yaml": "service_name: Bins\n"}))
    client = app.test_client()
    for _ in range(3):
        assert client.get("/page").status_code == 200
    # One reading of the page and one of the settings, however many requests.
    assert len(state(app).files._entries) == 2
