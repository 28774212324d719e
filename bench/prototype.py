"""Generated prototypes for the benchmark: N realistic question pages, in a chain.

Each page is described as data first (`questions`), then written as files
(`write_jinja_pages`). When YAML flows land, a `write_flow_yaml` writer for the same
questions is all the benchmark needs to measure flow pages instead.
"""

from __future__ import annotations

import json
from pathlib import Path

ITEMS = ["Sofa or armchair", "Fridge or freezer", "Mattress or bed frame", "Wardrobe", "Washing machine", "Something else"]
KINDS = ("radios", "input", "date", "radios", "input")


def questions(count: int) -> list[dict]:
    """`count` question pages as data: the kind of question, its name, wording and the next page."""
    pages = []
    for n in range(1, count + 1):
        kind = KINDS[n % len(KINDS)]
        page = {
            "id": f"question-{n}",
            "kind": kind,
            "name": f"answer-{n}",
            "title": {
                "radios": f"What is the largest item you need collected? (question {n})",
                "input": f"How many items do you have? (question {n})",
                "date": f"When would you like the collection? (question {n})",
            }[kind],
            "hint": {
                "radios": "We can take up to 3 items in one collection.",
                "input": "Count each piece of furniture separately.",
                "date": "For example, 27 3 2026",
            }[kind],
            "back": f"/service/question-{n - 1}" if n > 1 else "/",
            "next": f"/service/question-{n + 1}" if n < count else "/",
            "items": ITEMS[: 3 + n % 4],
        }
        pages.append(page)
    return pages


def jinja_page(page: dict) -> str:
    """A question page written by hand the way pages/bulky-waste/item.html is."""
    title, name = json.dumps(page["title"]), json.dumps(page["name"])
    if page["kind"] == "radios":
        items = ",\n            ".join(f'{{"value": {json.dumps(i)}, "text": {json.dumps(i)}}}' for i in page["items"])
        question = f"""{{{{ govukRadios({{
          "name": {name},
          "fieldset": {{"legend": {{"text": title, "isPageHeading": true, "classes": "govuk-fieldset__legend--l"}}}},
          "hint": {{"text": {json.dumps(page["hint"])}}},
          "value": data[{name}],
          "items": [
            {items}
          ]
        }}) }}}}"""
    elif page["kind"] == "input":
        question = f"""{{{{ govukInput({{
          "name": {name}, "id": {name},
          "label": {{"text": title, "isPageHeading": true, "classes": "govuk-label--l"}},
          "hint": {{"text": {json.dumps(page["hint"])}}},
          "classes": "govuk-input--width-3", "inputmode": "numeric", "spellcheck": false,
          "value": data[{name}]
        }}) }}}}"""
    else:
        question = f"""{{{{ govukDateInput({{
          "id": {name}, "namePrefix": {name},
          "fieldset": {{"legend": {{"text": title, "isPageHeading": true, "classes": "govuk-fieldset__legend--l"}}}},
          "hint": {{"text": {json.dumps(page["hint"])}}},
          "items": [
            {{"name": "day", "classes": "govuk-input--width-2", "value": data[{name} ~ "-day"]}},
            {{"name": "month", "classes": "govuk-input--width-2", "value": data[{name} ~ "-month"]}},
            {{"name": "year", "classes": "govuk-input--width-4", "value": data[{name} ~ "-year"]}}
          ]
        }}) }}}}"""
    return f"""{{% extends "base.html" %}}
{{% set title = {title} %}}
{{% set backLink = "{page["back"]}" %}}

{{% block content %}}
  <div class="govuk-grid-row">
    <div class="govuk-grid-column-two-thirds">
      <form method="post" action="{page["next"]}" novalidate>
        {question}
        {{{{ govukButton({{"text": "Continue"}}) }}}}
      </form>
    </div>
  </div>
{{% endblock %}}
"""


def write_jinja_pages(folder: Path, count: int) -> Path:
    """A prototype in `folder` with a home page and `count` question pages under /service/."""
    pages = folder / "pages" / "service"
    pages.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    (folder / "data" / "settings.yaml").write_text("service_name: Book a bulky waste collection\n")
    (folder / "pages" / "index.html").write_text(
        '{% extends "base.html" %}{% set title = "Home" %}{% block content %}'
        '{{ govukButton({"text": "Start now", "href": "/service/question-1", "isStartButton": true}) }}'
        "{% endblock %}\n"
    )
    for page in questions(count):
        (pages / f"{page['id']}.html").write_text(jinja_page(page))
    return folder
