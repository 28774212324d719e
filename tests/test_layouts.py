"""Layouts: the GOV.UK template with our header, banner and footer; a project layout replaces ours."""

import pytest

BASE_PAGE = '{% extends "base.html" %}{% set title = "Hello" %}{% block content %}<p id="body">Body</p>{% endblock %}'


def get(make_project, make_app, files, url="/"):
    return make_app(make_project(files)).test_client().get(url)


def test_the_default_layout_is_a_govuk_page_that_is_never_indexed(make_project, make_app):
    page = get(make_project, make_app, {
        "pages/index.html": BASE_PAGE,
        "data/settings.yaml": "service_name: Apply for a juggling licence\nphase: Alpha\n",
    }).text
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "<title>Hello - Apply for a juggling licence - GOV.UK Prototype</title>" in page
    assert 'class="govuk-header' in page and 'class="govuk-footer' in page
    assert "Apply for a juggling licence" in page.split('class="govuk-service-navigation__service-name')[1]
    banner = page.split('class="govuk-phase-banner__content"')[1].split("</p>")[0]
    assert "Alpha" in banner and "This is a prototype" in banner
    assert '<script type="module" src="/assets/journeys/init.js"></script>' in page


def test_a_project_layout_replaces_the_default_one(make_project, make_app):
    page = get(make_project, make_app, {
        "pages/index.html": BASE_PAGE,
        "layouts/base.html": '<html><body class="ours">{% block content %}{% endblock %}</body></html>',
    }).text
    assert page == '<html><body class="ours"><p id="body">Body</p></body></html>'


def test_a_project_layout_can_extend_the_default_it_replaces(make_project, make_app):
    page = get(make_project, make_app, {
        "pages/index.html": BASE_PAGE,
        "layouts/base.html": '{% extends "journeys/base.html" %}{% block footer %}<p>Our footer</p>{% endblock %}',
    }).text
    assert '<p id="body">Body</p>' in page and "<p>Our footer</p>" in page
    assert 'class="govuk-footer' not in page and 'class="govuk-header' in page


def test_pages_can_call_every_govuk_macro_without_importing_it(make_project, make_app):
    page = get(make_project, make_app, {
        "pages/index.html": '{% extends "base.html" %}{% block content %}'
                            '{{ govukInsetText({"text": "Inset <b>"}) }}{{ govukTag({"text": "New"}) }}'
                            '{% endblock %}',
    }).text
    assert '<div class="govuk-inset-text">\n  Inset &lt;b&gt;\n</div>' in page
    assert '<strong class="govuk-tag">\n  New\n</strong>' in page


def test_settings_with_a_mistake_show_the_file_and_line(make_project, make_app):
    response = get(make_project, make_app, {
        "pages/index.html": BASE_PAGE,
        "data/settings.yaml": "phase: Beta\nservice_nmae: Typo\n",
    })
    assert response.status_code == 500
    assert "data/settings.yaml:2" in response.text
    assert "unknown setting &#39;service_nmae&#39;" in response.text
    assert "did you mean &#39;service_name&#39;?" in response.text


@pytest.mark.parametrize("page, line, message", [
    ('{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}', 3, "Jinja syntax error"),
    ('{% extends "base.html" %}\n{% block content %}\n{{ data.nothing.here }}\n{% endblock %}', 3, "UndefinedError"),
    ('{% extends "base.html" %}\n{% block content %}\n{{ nothing.here.at_all }}\n{% endblock %}', 3,
     "there is nothing called &#39;nothing&#39; on this page"),
    ('{% extends "no-such-layout.html" %}', 1, "there is no template or layout called &#39;no-such-layout.html&#39;"),
])
def test_a_broken_template_shows_its_file_and_line(make_project, make_app, page, line, message):
    response = get(make_project, make_app, {"pages/index.html": page})
    assert response.status_code == 500
    assert f"pages/index.html:{line}" in response.text
    assert message in response.text
