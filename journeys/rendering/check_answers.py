"""Check your answers: every answer on the path taken, in order, each with its Change link.

Answers are grouped as the Design System's check answers pattern groups them: a summary list
of the answers before a list, a summary card for each of the list's items, then the answers
after it. A revealed answer is its own row, after the question that revealed it. Past a task
list, the answers of each task are under the task's title. The frozen
site's journeys/static/display.js writes the same HTML from the browser's answers.
"""

from __future__ import annotations

from journeys.flows.lists import item_name, page_answers
from journeys.flows.messages import lower_first
from journeys.flows.model import Flow, FlowPage
from journeys.flows.navigation import Step, step_url, steps_taken
from journeys.flows.steps import unanswered
from journeys.flows.tasks import progress
from journeys.rendering.answer_display import display


def answer_groups(flow: Flow, check_page: FlowPage, answers: dict) -> list[dict]:
    """[{rows}] for answers outside lists, [{title, cards: [{title, rows}]}] for each list, in path order.

    Past a task list, each group carries its task's title (`task`), and the first group of each
    task its `heading`; a task's page not yet answered shows nothing.
    """
    groups: list[dict] = []
    tasks = _task_titles(flow, answers)
    for step in steps_taken(flow, answers, stop_at=Step(check_page.id)):
        page = flow.pages[step.page]
        if step.page == check_page.id:
            break
        if page.list is not None:
            continue  # its items are already there, as cards
        values, task = page_answers(flow, answers, step), tasks.get(step)
        if task is not None and unanswered(page, values):
            continue
        rows = page_rows(flow, page, values, step, check_page.id)
        list_page = flow.list_of(step.page)
        if list_page is None:
            if rows and (not groups or "cards" in groups[-1] or groups[-1]["task"] != task):
                groups.append({"rows": [], "task": task})
            if rows:
                groups[-1]["rows"] += rows
            continue
        if not groups or groups[-1].get("list") != list_page.id or groups[-1]["task"] != task:
            groups.append({"list": list_page.id, "title": list_page.title, "cards": [], "task": task})
        cards = groups[-1]["cards"]
        if not cards or cards[-1]["number"] != step.item:
            cards.append({"number": step.item, "title": item_name(list_page.list, step.item), "rows": []})
        cards[-1]["rows"] += rows
    for before, group in zip([None, *groups], groups):
        group["heading"] = group["task"] if group["task"] and (before is None or before["task"] != group["task"]) else None
    return groups


def _task_titles(flow: Flow, answers: dict) -> dict[Step, str]:
    """The title of the task each step past the task list belongs to."""
    if flow.hub is None:
        return {}
    return {step: entry.task.title for entry in progress(flow, flow.hub, answers) for step in entry.steps}


def page_rows(flow: Flow, page: FlowPage, values: dict, step: Step, check_id: str) -> list[dict]:
    """A page's answers as summary list rows: each question, then the questions its chosen options revealed."""
    href = step_url(flow, step, change=check_id)
    rows = []
    for question in page.questions:
        rows.append(_row(question.summary or (page.title if len(page.questions) == 1 else question.label),
                         display(question, values.get(question.name)), href))
        answer = values.get(question.name)
        chosen = answer if isinstance(answer, list) else [answer]
        for option in question.choices:
            if option.value in chosen:
                rows += [_row(asked.summary or asked.label, display(asked, values.get(asked.name)), href)
                         for asked in option.reveal]
    return rows


def _row(key: str, value, href: str) -> dict:
    return {
        "key": {"text": key},
        "value": {"html": value},
        "actions": {"items": [{"href": href, "text": "Change", "visuallyHiddenText": lower_first(key)}]},
    }


def all_rows(groups: list[dict]) -> list[dict]:
    """Every row of every group, in order: what a layout written before lists calls `rows`."""
    return [row for group in groups for row in group.get("rows", [])
            + [row for card in group.get("cards", []) for row in card["rows"]]]
