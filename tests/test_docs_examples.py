"""What the pages guide shows works as it says: its layout example, and answers printed with `data`."""

import re

from conftest import ROOT


def test_the_guides_base_layout_example_keeps_the_footers_scenarios_and_clear_answers(make_project, make_app):
    guide = (ROOT / "docs/pages.md").read_text()
    layout = re.search(r"```html\n(\{# layouts/base\.html #\}\n.*?)```", guide, flags=re.S).group(1)
    project = make_project({"layouts/base.html": layout,
                            "pages/index.html": '{% extends "base.html" %}{% block content %}<h1>Home</h1>{% endblock %}'})
    page = make_app(project).test_client().get("/").text
    footer = page[page.index("<footer"):]
    assert "Research prototype: do not share." in footer
    assert 'href="/scenarios"' in footer and 'href="/clear-answers"' in footer


def test_data_prints_a_checkbox_answer_and_an_address_as_words(make_project, make_app):
    project = make_project({
        "pages/pick.html": '{% extends "base.html" %}{% block content %}<form method="post" action="/show">'
                           '<input name="items" type="checkbox" value="Sofa"><input name="items" value="Bed">'
                           '<input name="home-town"></form>{% endblock %}',
        "pages/show.html": '{% extends "base.html" %}{% block content %}<p id="items">{{ data["items"] }}</p>'
                           '<p id="count">{{ data["items"] | length }}</p>'
                           '<p id="has">{{ "Sofa" in data["items"] }}</p>'
                           '<p id="each">{% for item in data["items"] %}[{{ item }}]{% endfor %}</p>'
                           '<p id="address">{{ data["address"] }}</p><p id="town">{{ data["address"]["town"] }}</p>'
                           '{% endblock %}',
        "pages/where.yaml": "title: Where\npages:\n  address:\n    title: Address?\n    questions:\n"
                            "      - {name: address, type: address}\n    next: done\n"
                            "  done:\n    layout: confirmation\n    title: Done\n",
    })
    client = make_app(project).test_client()
    client.post("/show", data={"items": ["Sofa", "Bed <b>frame</b>"]})
    client.post("/where/address", data={"address-line-1": "1 High Street", "address-town": "Leeds",
                                        "address-postcode": "LS1 1AA"})
    page = client.get("/show").text
    assert '<p id="items">Sofa, Bed &lt;b&gt;frame&lt;/b&gt;</p>' in page
    assert '<p id="count">2</p>' in page and '<p id="has">True</p>' in page
    assert '<p id="each">[Sofa][Bed &lt;b&gt;frame&lt;/b&gt;]</p>' in page
    assert '<p id="address">1 High Street, Leeds, LS1 1AA</p>' in page and '<p id="town">Leeds</p>' in page
