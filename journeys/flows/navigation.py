"""Where a person is in a flow: the path their answers take, the next page, the way back.

The path is worked out from the answers alone, each time: start at the first page and follow
`next`, stopping at the first page with a question not yet answered. So changing an answer
changes the path, and answers from a branch left behind drop out of check answers.

A list's items are on the path in order, each through its pages (a step is a page and, on
an item's page, the item's number); the path stops at the first item page not yet answered.
With no items, the path goes to the first item's first page: the list page is not on it.
The list page counts as passed once it has as many items as it needs (`min`, at least one).
The frozen site's journeys/static/journey.js follows the same rules: both run
tests/vectors/journeys.json and tests/vectors/lists.json.
"""

from __future__ import annotations

from typing import NamedTuple

from journeys.flows.conditions import holds
from journeys.flows.model import Flow, FlowPage


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


def _unanswered(page: FlowPage, answers: dict) -> bool:
    return any(question.name not in answers for question in page.questions)


def steps_taken(flow: Flow, answers: dict, stop_at: Step | None = None) -> list[Step]:
    """The steps these answers lead through, from the first page."""
    steps: list[Step] = []
    seen: set[str] = set()
    page_id = flow.first.id
    while page_id in flow.pages and page_id not in seen:
        seen.add(page_id)
        page = flow.pages[page_id]
        if page.list is not None:
            items = records(answers, page.id)
            if not items:
                steps.append(Step(page.list.pages[0], 1))
                return steps
            for number, item in enumerate(items, start=1):
                for item_page in page.list.pages:
                    steps.append(Step(item_page, number))
                    if steps[-1] == stop_at or _unanswered(flow.pages[item_page], item):
                        return steps
            steps.append(Step(page.id))
            if steps[-1] == stop_at or len(items) < page.list.least:
                return steps
        else:
            steps.append(Step(page_id))
            if steps[-1] == stop_at or _unanswered(page, answers):
                return steps
        page_id = next_page_id(page, answers)
    return steps


def path_taken(flow: Flow, answers: dict, stop_at: str | None = None) -> list[str]:
    """The ids of the pages these answers lead through, from the first page."""
    return [step.page for step in steps_taken(flow, answers, Step(stop_at) if stop_at else None)]


def back_step(flow: Flow, step: Step, answers: dict, change: str | None) -> Step | None:
    """The step before this one: check answers while changing an answer; within a list, its own order."""
    if change in flow.pages:
        return Step(change)
    list_page = flow.list_of(step.page)
    if list_page is not None:
        index = list_page.list.pages.index(step.page)
        if index > 0:
            return Step(list_page.list.pages[index - 1], step.item)
        return Step(list_page.id) if records(answers, list_page.id) else _before_list(flow, list_page, answers)
    if flow.pages[step.page].list is not None:
        return _before_list(flow, flow.pages[step.page], answers)
    path = steps_taken(flow, answers, stop_at=step)
    if step in path:
        index = path.index(step)
        return path[index - 1] if index > 0 else None
    return path[-1]  # off the path: back to where the answers reach


def _before_list(flow: Flow, list_page: FlowPage, answers: dict) -> Step | None:
    """The step before a list's first step: the page that leads to the list."""
    path = steps_taken(flow, answers, stop_at=Step(list_page.id))
    ours = {list_page.id, *list_page.list.pages}
    for index, step in enumerate(path):
        if step.page in ours:
            return path[index - 1] if index > 0 else None
    return path[-1]


def after_answering(flow: Flow, step: Step, answers: dict, change: str | None) -> tuple[Step, str | None]:
    """Where to go once a page is answered, and the page a change returns to (if still on the way).

    While changing an answer from check answers, go back there, unless the new answer opens
    a page not yet answered: then go to that page, still on the way back to check answers.
    An item's page leads to its next page, and its last page to the list.
    """
    if change in flow.pages:
        return returning_to(flow, change, answers)
    list_page = flow.list_of(step.page)
    if list_page is not None:
        index = list_page.list.pages.index(step.page)
        if index + 1 < len(list_page.list.pages):
            return Step(list_page.list.pages[index + 1], step.item), None
        return Step(list_page.id), None
    page = flow.pages[step.page]
    return Step(next_page_id(page, answers) or page.id), None


def returning_to(flow: Flow, change: str, answers: dict) -> tuple[Step, str | None]:
    """The way back to `change` (check answers): there, or the first step on the way not yet answered."""
    path = steps_taken(flow, answers, stop_at=Step(change))
    if path[-1] == Step(change):
        return Step(change), None
    return path[-1], change


def step_url(flow: Flow, step: Step, change: str | None = None) -> str:
    """A step's address: an item's page carries the item's number, a change where it returns to."""
    query = [f"item={step.item}"] if step.item is not None else []
    query += [f"change={change}"] if change else []
    return flow.url(step.page) + ("?" + "&".join(query) if query else "")


def default_next_id(page: FlowPage) -> str | None:
    """Where the page leads when no condition holds: the rule without `when`."""
    rules = [rule for rule in page.next if rule.when is None]
    return rules[-1].goto if rules else None


def leading_here(flow: Flow, page: FlowPage) -> str | None:
    """The first page that can lead to this one: the frozen site's Back before its script runs."""
    list_page = flow.list_of(page.id)
    if list_page is not None:
        index = list_page.list.pages.index(page.id)
        return flow.url(list_page.list.pages[index - 1]) if index > 0 else leading_here(flow, list_page)
    for other in flow.pages.values():
        if any(rule.goto == page.id for rule in other.next) and other.id != page.id:
            return flow.url(other.id)
    return None
