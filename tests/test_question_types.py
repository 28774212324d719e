"""Every question type renders the GOV.UK component the Design System uses for it."""

import re

import pytest
import yaml

# (type, extra YAML keys, what the page must contain)
CASES = [
    ("text", {}, ['class="govuk-input"', 'type="text"', '<label class="govuk-label govuk-label--l" for="answer">']),
    ("email", {}, ['type="email"', 'autocomplete="email"', 'spellcheck="false"']),
    ("tel", {}, ['type="tel"', 'autocomplete="tel"', "govuk-input--width-20"]),
    ("number", {"min": 1}, ['inputmode="decimal"', 'spellcheck="false"', "govuk-input--width-10", 'type="text"']),
    ("url", {}, ['type="url"', 'autocomplete="url"']),
    ("postcode", {}, ['autocomplete="postal-code"', "govuk-input--width-10"]),
    ("national-insurance-number", {}, ["govuk-input--width-10", "For example, ‘QQ 12 34 56 C’"]),
    ("password", {}, ['data-module="govuk-password-input"', 'type="password"', 'autocomplete="current-password"']),
    ("textarea", {"rows": 3}, ['class="govuk-textarea"', 'rows="3"']),
    ("character-count", {"max_length": 200}, ['data-module="govuk-character-count"', 'data-maxlength="200"']),
    ("radios", {"options": ["Red", {"text": "Blue", "hint": "Like the sky"}, {"divider": "or"}, "Neither"]},
     ['data-module="govuk-radios"', 'value="Blue"', 'class="govuk-hint govuk-radios__hint"', 'Like the sky',
      '<div class="govuk-radios__divider">or</div>', '<h1 class="govuk-fieldset__heading">']),
    ("radios", {"options": ["Red", "Blue"], "inline": True}, ['class="govuk-radios govuk-radios--inline"']),
    ("yes-no", {}, ['class="govuk-radios govuk-radios--inline"', 'value="Yes"', 'value="No"']),
    ("checkboxes", {"options": ["Sofa", "Bed", {"text": "None of these", "exclusive": True}]},
     ['data-module="govuk-checkboxes"', '<div class="govuk-checkboxes__divider">or</div>',
      'value="None of these" data-behaviour="exclusive"']),
    ("select", {"options": ["England", "Wales"]}, ['class="govuk-select"', '<option value="">Select an option</option>',
                                                   '<option value="Wales">Wales</option>']),
    ("autocomplete", {"options": ["England", "Wales"]},
     ['class="govuk-select"', 'data-journeys-autocomplete=""', '<option value="Wales">Wales</option>',
      '<script src="/assets/accessible-autocomplete.min.js"></script>',
      '<link rel="stylesheet" href="/assets/accessible-autocomplete.min.css">']),
    ("date", {"autocomplete": "bday"}, ['class="govuk-date-input"', 'name="answer-day"', 'name="answer-month"',
                                        'name="answer-year"', 'autocomplete="bday-year"', 'role="group"']),
    ("file", {}, ['type="file"', 'enctype="multipart/form-data"']),
    ("address", {}, ['name="answer-line-1"', 'autocomplete="address-line1"', 'name="answer-town"',
                     'autocomplete="address-level2"', 'name="answer-postcode"', 'autocomplete="postal-code"',
                     "Address line 2 (optional)", '<h1 class="govuk-fieldset__heading">']),
]


def flow_for(kind: str, extra: dict, pages: dict | None = None) -> str:
    question = {"name": "answer", "type": kind, **extra}
    return yaml.safe_dump({
        "title": "Test service",
        "pages": pages or {
            "ask": {"title": "What is your answer?", "questions": [question], "next": "done"},
            "done": {"layout": "confirmation", "title": "Done"},
        },
    }, sort_keys=False)


@pytest.mark.parametrize("kind, extra, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_type_renders_its_govuk_component(make_project, make_app, kind, extra, expected):
    project = make_project({"pages/test.yaml": flow_for(kind, extra)})
    page = make_app(project).test_client().get("/test/ask")
    assert page.status_code == 200, page.text
    for fragment in expected:
        assert fragment in page.text, fragment
    assert page.text.count("What is your answer?") == 2  # the <title> and the one h1


def test_every_type_has_a_case():
    from journeys.flows.question_types import TYPES

    assert {case[0] for case in CASES} == set(TYPES)


def test_several_questions_make_a_form_with_plain_labels_under_the_title(make_project, make_app):
    project = make_project({"pages/test.yaml": flow_for("text", {}, pages={
        "ask": {"title": "Your contact details", "questions": [
            {"name": "email", "type": "email", "label": "Email address"},
            {"name": "phone", "type": "tel", "label": "Phone number"},
        ], "next": "done"},
        "done": {"layout": "confirmation", "title": "Done"},
    })})
    page = make_app(project).test_client().get("/test/ask").text
    assert '<h1 class="govuk-heading-l">Your contact details</h1>' in page
    assert '<label class="govuk-label govuk-label--s" for="email">\n    Email address' in page
    assert '<label class="govuk-label govuk-label--s" for="phone">\n    Phone number' in page


def test_one_question_after_content_keeps_the_title_as_the_h1(make_project, make_app):
    project = make_project({"pages/test.yaml": flow_for("text", {}, pages={
        "ask": {"title": "What is your name?", "content": "We need it for the licence.",
                "questions": [{"name": "name"}], "next": "done"},
        "done": {"layout": "confirmation", "title": "Done"},
    })})
    page = make_app(project).test_client().get("/test/ask").text
    assert '<h1 class="govuk-heading-l">What is your name?</h1>' in page
    assert '<p class="govuk-body">We need it for the licence.</p>' in page
    assert '<label class="govuk-label govuk-visually-hidden" for="name">' in page


def test_a_caption_sits_inside_the_heading(make_project, make_app):
    project = make_project({"pages/test.yaml": flow_for("text", {}, pages={
        "ask": {"title": "What is your name?", "caption": "About you", "questions": [{"name": "name"}], "next": "done"},
        "done": {"layout": "confirmation", "title": "Done"},
    })})
    page = make_app(project).test_client().get("/test/ask").text
    assert re.search(r'<h1 class="govuk-label-wrapper">\s*<label class="govuk-label govuk-label--l" for="name">\s*'
                     r'<span class="govuk-caption-l">About you</span>What is your name\?', page)


def test_options_can_come_from_a_list_in_data(make_project, make_app):
    project = make_project({
        "pages/test.yaml": flow_for("select", {"options": "countries"}),
        "data/countries.yaml": "- England\n- Northern Ireland\n- text: Wales\n  value: cymru\n",
    })
    page = make_app(project).test_client().get("/test/ask").text
    assert '<option value="Northern Ireland">Northern Ireland</option>' in page
    assert '<option value="cymru">Wales</option>' in page


def test_a_data_list_edited_after_start_is_picked_up(make_project, make_app):
    project = make_project({
        "pages/test.yaml": flow_for("radios", {"options": "colours"}),
        "data/colours.yaml": "- Red\n",
    })
    client = make_app(project).test_client()
    assert 'value="Red"' in client.get("/test/ask").text
    (project / "data/colours.yaml").write_text("- Red\n- Indigo and violet\n")
    assert 'value="Indigo and violet"' in client.get("/test/ask").text


def test_a_flow_pages_content_can_use_govuk_components(make_project, make_app):
    project = make_project({"pages/test.yaml": flow_for("text", {}, pages={
        "ask": {"title": "What is your name?",
                "content": "We need it for the licence.\n\n!!! warning\n    Giving a false name is a crime.\n",
                "questions": [{"name": "name"}], "next": "done"},
        "done": {"layout": "confirmation", "title": "Done"},
    })})
    page = make_app(project).test_client().get("/test/ask").text
    assert '<div class="govuk-warning-text">' in page and "Giving a false name is a crime." in page


def test_removing_a_layout_a_flow_uses_is_reported_at_once(make_project, make_app):
    project = make_project({
        "pages/test.yaml": flow_for("text", {}, pages={
            "ask": {"title": "Name?", "layout": "wide", "questions": [{"name": "name"}], "next": "done"},
            "done": {"layout": "confirmation", "title": "Done"},
        }),
        "layouts/wide.html": '{% extends "question.html" %}{% block beforeForm %}<p id="wide">Wide</p>{% endblock %}',
    })
    client = make_app(project).test_client()
    assert '<p id="wide">Wide</p>' in client.get("/test/ask").text
    # Only the layout goes: the flow file is untouched, yet its check must run again.
    (project / "layouts/wide.html").unlink()
    response = client.get("/test/ask")
    assert response.status_code == 500
    assert "pages/test.yaml:5" in response.text and "unknown layout &#39;wide&#39;" in response.text
