"""A flow as JSON for the frozen site's JavaScript: every rule, option and message it needs.

Messages are worked out here, once, so the browser shows exactly the server's wording.
"""

from __future__ import annotations

import datetime

from journeys.flows.lists import list_messages
from journeys.flows.messages import message
from journeys.flows.model import Flow, FlowPage, Question
from journeys.flows.patterns import automaton
from journeys.flows.question_types import ADDRESS_PARTS, TYPES
from journeys.flows.validation import ADDRESS_MESSAGES


def flow_json(flow: Flow) -> dict:
    return {
        "slug": flow.slug,
        "title": flow.title,
        "first": flow.first.id,
        "pages": {page.id: page_json(page) for page in flow.pages.values()},
    }


def page_json(page: FlowPage) -> dict:
    found = {
        "layout": page.layout,
        "title": page.title,
        "next": [{"goto": rule.goto, **({"when": _plain(rule.when)} if rule.when is not None else {})}
                 for rule in page.next],
        "questions": [question_json(question) for question in page.questions],
    }
    if page.list is not None:
        found["list"] = {
            "item": page.list.item, "items": page.list.items, "pages": page.list.pages,
            "min": page.list.min, "max": page.list.max, "messages": list_messages(page.list),
        }
    if page.tasks is not None:
        found["sections"] = [{"title": section.title, "tasks": [{"title": task.title, "start": task.start, "after": task.after}
                                                                for task in section.tasks]}
                             for section in page.tasks.sections]
    return found


def question_json(question: Question) -> dict:
    spec = TYPES[question.type]
    options = [{"value": o.value, "text": o.text, **({"exclusive": True} if o.exclusive else {}),
                **({"reveal": [question_json(q) for q in o.reveal]} if o.reveal else {})}
               for o in question.choices]
    rules = ["required", *question.limits, *([spec.check] if spec.check else [])]
    if question.type == "date":
        rules += ["date_parts", "year"]
    messages = {rule: message(question, rule, missing="{missing}") for rule in rules}
    if question.type == "address":
        messages.update({f"address_{part}": text for part, text in ADDRESS_MESSAGES.items()})
    return {
        "name": question.name,
        "type": question.type,
        "label": question.label,
        "summary": question.summary,
        "required": question.required,
        "options": options,
        "limits": dict(question.limits),
        "messages": messages,
        **({"parts": [part for part, *_ in ADDRESS_PARTS]} if question.type == "address" else {}),
        # Matched in the browser as on the server, in one pass (static/patterns.js).
        **({"pattern": automaton(question.limits["pattern"]).as_json()} if "pattern" in question.limits else {}),
    }


def _plain(value):
    """Condition values as JSON: dates become their ISO text, as answers store them."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
