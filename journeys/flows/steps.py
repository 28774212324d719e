"""A flow's steps, and the walk along `next` that answers take from a page.

A step is a page and, on an item's page, the item's number. A walk follows `next` from a page
and stops at the first page not yet answered; through a list it visits each item's pages in
order, then the list page, which counts as passed once it has as many items as it needs.
The frozen site's journeys/static/steps.js walks the same way.
"""

from __future__ import annotations

from typing import NamedTuple

from journeys.flows.conditions import holds
from journeys.flows.model import Flow, FlowPage

# How a walk ends.
STOPPED = "stopped"  # at a page not yet answered: the last step
RETURNED = "returned"  # at the page it was to return to (not a step of the walk)
HUB = "hub"  # at the task list, the last step: the tasks go on from there
ENDED = "ended"  # at a page that leads nowhere, or back to a page already walked


class Step(NamedTuple):
    """A page on the path; on an item's page, the item's number (from 1)."""

    page: str
    item: int | None = None

    def __str__(self) -> str:
        return self.page if self.item is None else f"{self.page}?item={self.item}"


def records(answers: dict, list_id: str) -> list[dict]:
    """A list's items, each a mapping of its answers (anything else stored there counts as no items)."""
    value = answers.get(list_id)
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, dict) else {} for item in value]


def next_page_id(page: FlowPage, answers: dict) -> str | None:
    """The page the first matching rule names."""
    for rule in page.next:
        if rule.when is None or holds(rule.when, answers):
            return rule.goto
    return None


def unanswered(page: FlowPage, answers: dict) -> bool:
    return any(question.name not in answers for question in page.questions)


def walk(flow: Flow, page_id: str, answers: dict, until: str | None = None,
         stop_at: Step | None = None) -> tuple[list[Step], str]:
    """The steps from `page_id` along `next`, and how the walk ended (STOPPED, RETURNED, HUB or ENDED).

    With `stop_at`, the walk also stops there (STOPPED): no need to walk further than asked.
    """
    steps: list[Step] = []
    seen: set[str] = set()
    while page_id in flow.pages and page_id not in seen:
        if page_id == until:
            return steps, RETURNED
        seen.add(page_id)
        page = flow.pages[page_id]
        if page.tasks is not None:
            steps.append(Step(page_id))
            return steps, HUB
        if page.list is not None:
            items = records(answers, page.id)
            if not items:
                steps.append(Step(page.list.pages[0], 1))
                return steps, STOPPED
            for number, item in enumerate(items, start=1):
                for item_page in page.list.pages:
                    steps.append(Step(item_page, number))
                    if steps[-1] == stop_at or unanswered(flow.pages[item_page], item):
                        return steps, STOPPED
            steps.append(Step(page.id))
            if steps[-1] == stop_at or len(items) < page.list.least:
                return steps, STOPPED
        else:
            steps.append(Step(page_id))
            if steps[-1] == stop_at or unanswered(page, answers):
                return steps, STOPPED
        page_id = next_page_id(page, answers)
    return steps, ENDED


def up_to(steps: list[Step], stop_at: Step | None) -> list[Step]:
    """`steps` as far as the first `stop_at`, if it is there."""
    return steps[: steps.index(stop_at) + 1] if stop_at in steps else steps
