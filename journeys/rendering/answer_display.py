"""Answers as a person reads them back: on check answers, on list pages, and in pages that show them."""

from __future__ import annotations

import datetime

from markupsafe import Markup, escape

from journeys.flows.model import Flow, FlowPage, Question
from journeys.flows.question_types import ADDRESS_PARTS
from journeys.flows.validation import MONTHS

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


def item_label(flow: Flow, list_page: FlowPage, item: dict, number: int) -> Markup:
    """An item as its list names it: its first answer, or 'person 2' when that was left blank."""
    first = flow.pages[list_page.list.pages[0]].questions[0]
    shown = display(first, item.get(first.name))
    return shown if shown != NOT_ANSWERED else escape(f"{list_page.list.item} {number}")


def display_list(flow: Flow, list_page: FlowPage, items: list[dict]) -> Markup:
    """A list's items, one a line, each named by its first answer."""
    return Markup("<br>").join(item_label(flow, list_page, item, number) for number, item in enumerate(items, start=1))
