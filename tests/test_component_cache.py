"""GOV.UK components keep their HTML per parameters: pages render exactly as without the cache."""

import flask.templating
import pytest

from journeys.rendering import environment
from journeys.rendering.macro_cache import Unkeyable, key_of
from journeys.web.state import state

# Calls that differ only in ways a careless cache would mix up, each made twice.
KITCHEN_SINK = """{% extends "base.html" %}
{% block content %}
{% for round in [1, 2] %}
  {{ govukInsetText({"text": "<b>text</b>"}) }}
  {{ govukInsetText({"text": "<b>markup</b>" | safe}) }}
  {{ govukTag({"text": 1}) }}{{ govukTag({"text": True}) }}{{ govukTag({"text": 1.0}) }}
  {{ govukTag({"text": [1]}) }}{{ govukTag({"text": (1,)}) }}
  {% call govukFieldset({"legend": {"text": "Same legend"}}) %}<p>Inside round {{ round }}</p>{% endcall %}
  {{ govukInput({"name": "town", "label": {"text": "Town"}, "value": data["town"]}) }}
  {{ govukCheckboxes({"name": "fruit", "items": [{"value": "a", "text": "A", "checked": round == 2}]}) }}
  {{ govukRadios({"name": "size", "items": [{"value": "s", "text": "Small"}], "value": "s" if round == 2 else none}) }}
  {{ govukDateInput({"id": "when", "namePrefix": "when"}) }}
  {{ govukSummaryList({"rows": [{"key": {"text": "Round"}, "value": {"text": round}}]}) }}
{% endfor %}
{% endblock %}
"""


def with_plain_jinja(app: flask.Flask) -> flask.Flask:
    """The same app with Flask's own Jinja environment in place of Journeys' fast one."""
    plain = flask.templating.Environment(app, **app.jinja_options)
    environment.configure(plain, state(app).project)
    app.jinja_env = plain
    return app


@pytest.fixture
def project(example_copy):
    (example_copy / "pages" / "sink.html").write_text(KITCHEN_SINK)
    return example_copy


def test_pages_render_exactly_as_with_flasks_own_jinja(project, make_app):
    fast, plain = make_app(project).test_client(), with_plain_jinja(make_app(project)).test_client()
    for client in (fast, plain):
        client.post("/bulky-waste/item-type?item=1", data={"item-type": "Something else", "other-item": "A <b>bike</b>"})
        client.post("/bulky-waste/item-details?item=1", data={"item-size": "Fits through a standard door"})
        client.post("/bulky-waste/collection-date", data={"collection-date-day": "31", "collection-date-month": "2"})
    for url in ("/", "/bulky-waste/start", "/bulky-waste/item-type?item=1", "/bulky-waste/items",
                "/bulky-waste/items/remove?item=1", "/bulky-waste/contact", "/bulky-waste/collection-date",
                "/bulky-waste/check-answers", "/your-booking", "/about", "/sink", "/nowhere"):
        first = fast.get(url).text
        assert fast.get(url).text == first == plain.get(url).text, url
    # A reveal's error, its option open, inside the radios' HTML.
    shown = [client.post("/bulky-waste/contact", data={"contact-method": "Email"}).text for client in (fast, fast, plain)]
    assert shown[0] == shown[1] == shown[2] and 'id="email-error"' in shown[0]


def test_calls_that_differ_only_in_type_or_caller_render_differently(project, make_app):
    page = make_app(project).test_client().get("/sink").text
    assert page.count("&lt;b&gt;text&lt;/b&gt;") == 2 and page.count("<b>markup</b>") == 2
    assert page.count("<p>Inside round 1</p>") == 1 and page.count("<p>Inside round 2</p>") == 1
    for text in ("1", "True", "1.0", "[1]", "(1,)"):
        assert page.count(f"\n  {text}\n</strong>") == 2, text
    assert page.count("checked") == 2  # one ticked box, one chosen radio: round 2 only


def test_keys_tell_apart_what_renders_differently():
    from markupsafe import Markup

    assert len({key_of(v) for v in (1, True, 1.0, "1", Markup("1"), [1], (1,), {"a": 1}, None)}) == 9
    assert key_of({"a": [1, {"b": "c"}]}) == key_of({"a": [1, {"b": "c"}]})
    assert key_of({"a": 1, "b": 2}) != key_of({"b": 2, "a": 1})  # order can change the HTML
    with pytest.raises(Unkeyable):
        key_of({"value": object()})


def test_a_projects_own_macros_see_the_latest_answers(make_project, make_app):
    client = make_app(make_project({
        "pages/index.html": '{% from "_macros.html" import hello with context %}{{ hello() }}',
        "pages/_macros.html": "{% macro hello() %}Hello {{ data.get('name', 'nobody') }}{% endmacro %}",
    })).test_client()
    assert client.get("/").text == "Hello nobody"
    client.post("/", data={"name": "Ada"})
    assert client.get("/").text == "Hello Ada"
