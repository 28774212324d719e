"""Answers as a person reads them back: on check answers, and in pages that show them."""

from __future__ import annotations

import datetime

from markupsafe import Markup, escape

from journeys.flows.model import Flow, FlowPage, Question
from journeys.flows.navigation import path_taken
from journeys.flows.question_types import ADDRESS_PARTS
from journeys.flows.validation import MONTHS, lower_first

NOT_ANSWERED = "Not provided"


def display(question: Question, answer) -> Markup:
    """An answer as text for a person: dates in words, lists and addresses one per line."""
    if answer in (None, "", []) or (isinstance(answer, dict) and not any(answer.values())):
        return Markup(NOT_ANSWERED)
    if question.type == "password":
        return Markup("•" * 8)
    if question.type == "date":
        return escape(long_date(answer))
    if question.type == "address" and isinstance(answer, dict):
        return Markup("<br>").join(answer[part] for part, *_ in ADDRESS_PARTS if answer.get(part))
    texts = {option.value: option.text for option in question.options}
    if isinstance(answer, list):
        return Markup("<br>").join(texts.get(item, item) for item in answer)
    return escape(texts.get(answer, answer))


def long_date(iso: str) -> str:
    """'2007-03-27' -> '27 March 2007', as GOV.UK writes dates."""
    try:
        date = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return f"{date.day} {MONTHS[date.month - 1].capitalize()} {date.year}"


def summary_rows(flow: Flow, check_page: FlowPage, answers: dict) -> list[dict]:
    """Summary list rows for every answer on the path taken to `check_page`, in order."""
    rows = []
    for page_id in path_taken(flow, answers, stop_at=check_page.id):
        page = flow.pages[page_id]
        if page_id == check_page.id:
            break
        for question in page.questions:
            key = question.summary or (page.title if len(page.questions) == 1 else question.label)
            rows.append({
                "key": {"text": key},
                "value": {"html": display(question, answers.get(question.name))},
                "actions": {"items": [{
                    "href": f"{flow.url(page_id)}?change={check_page.id}",
                    "text": "Change",
                    "visuallyHiddenText": lower_first(key),
                }]},
            })
    return rows
