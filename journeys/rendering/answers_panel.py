"""The answers panel's contents: every answer in a session, grouped by flow and by page in journey order."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from journeys.flows.model import Flow, FlowPage
from journeys.flows.navigation import path_taken
from journeys.flows.steps import records
from journeys.rendering.answer_display import display, display_list


@dataclass
class AnswerRow:
    name: str  # the answer's name: what Clear removes
    label: str
    shown: Markup


@dataclass
class PageAnswers:
    page: FlowPage
    rows: list[AnswerRow]
    editable: bool  # a page of questions: the panel can show it to change them (a list's items change in the flow)


@dataclass
class FlowAnswers:
    flow: Flow
    pages: list[PageAnswers]
    names: list[str] = field(default_factory=list)  # every answer of this flow given, for saving as a scenario


def panel_groups(flows: dict[str, Flow], answers: dict) -> tuple[list[FlowAnswers], list[AnswerRow]]:
    """Each flow with answers, its pages in the order the answers take them (then the rest, in the file's
    order); and the answers no flow asks, as pages written in Jinja keep them."""
    groups, claimed = [], set()
    for flow in flows.values():
        pages = []
        for page in _in_journey_order(flow, answers):
            rows = _rows(flow, page, answers)
            if rows:
                pages.append(PageAnswers(page, rows, editable=page.list is None and bool(page.questions)))
        names = [row.name for page in pages for row in page.rows]
        claimed.update(names)
        if pages:
            groups.append(FlowAnswers(flow, pages, names))
    others = [AnswerRow(name, name, _plain(value)) for name, value in answers.items()
              if name not in claimed and not name.startswith("_")]
    return groups, others


def answer_names_of(flow: Flow, name: str) -> list[str]:
    """The answer `name` and those asked under its options: clearing a question clears its follow-ups."""
    for question in flow.questions():
        if question.name == name:
            return [name] + [revealed.name for revealed in question.revealed]
    return [name]


def _in_journey_order(flow: Flow, answers: dict) -> list[FlowPage]:
    taken = [page_id for page_id in dict.fromkeys(path_taken(flow, answers)) if page_id in flow.pages]
    rest = [page_id for page_id in flow.pages if page_id not in taken]
    return [flow.pages[page_id] for page_id in taken + rest if flow.list_of(page_id) is None]


def _rows(flow: Flow, page: FlowPage, answers: dict) -> list[AnswerRow]:
    if page.list is not None:
        items = records(answers, page.id)
        return [AnswerRow(page.id, page.title, display_list(flow, page, items))] if page.id in answers else []
    rows = []
    for question in page.questions:
        for asked in (question, *question.revealed):
            if asked.name in answers:
                label = asked.summary or asked.label or page.title
                rows.append(AnswerRow(asked.name, label, display(asked, answers[asked.name])))
    return rows


def _plain(value) -> Markup:
    if isinstance(value, list):
        return Markup("<br>").join(escape(item) for item in value)
    if isinstance(value, dict):
        return Markup("<br>").join(escape(f"{key}: {item}") for key, item in value.items())
    return escape(value)


def start_items(flow: Flow, chosen: str = "") -> list[dict]:
    """The pages a scenario of `flow` can start on, for a select (an item's page cannot: its list can)."""
    chosen = chosen if chosen in flow.pages else flow.first.id
    return [{"value": page.id, "text": f"{page.title} ({page.id})", "selected": page.id == chosen}
            for page in flow.pages.values() if flow.list_of(page.id) is None]
