"""An add-another list's answers: an item's page stored, an item removed, the "add another?" question answered.

A list's answers are stored under its page's id as a list of items, each a mapping of its
answers: `answers["people"] == [{"full-name": "Ann", "age": "34"}, ...]`. The frozen site's
journeys/static/lists.js does the same; both run tests/vectors/lists.json.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeys.flows.model import Flow, FlowPage, ItemList
from journeys.flows.navigation import Step, next_page_id, records, returning_to
from journeys.flows.steps import walk
from journeys.flows.validation import Submission

# The form's own fields (a leading `_`): never stored as answers.
ADD_ANOTHER = "_add-another"
REMOVE = "_remove"
ITEM = "_item"


def list_messages(item_list: ItemList) -> dict:
    """The words of a list's questions and errors; `{number}` stands for an item's number."""
    item = item_list.item
    return {
        "add": f"Do you need to add another {item}?",
        "required": item_list.messages.get("required") or f"Select yes if you need to add another {item}",
        "min": item_list.messages.get("min") or f"You need to add at least {item_list.words(item_list.least)}",
        "full": f"You cannot add more than {item_list.words(item_list.max or 0)}.",
        "remove": f"Are you sure you want to remove {item} {{number}}?",
        "remove_required": f"Select yes if you want to remove {item} {{number}}",
    }


def item_name(item_list: ItemList, number: int) -> str:
    """'Person 2': an item's title on check your answers."""
    return f"{item_list.item[:1].upper()}{item_list.item[1:]} {number}"


def is_open(flow: Flow, step: Step, answers: dict) -> bool:
    """Whether an item's page can be shown for this item: an item already added, or the next one while there is room."""
    list_page = flow.list_of(step.page)
    if list_page is None:
        return step.item is None
    if step.item is None:
        return False
    count, most = len(records(answers, list_page.id)), list_page.list.max
    return 1 <= step.item <= count or (step.item == count + 1 and (most is None or step.item <= most))


def page_answers(flow: Flow, answers: dict, step: Step) -> dict:
    """The answers a step's page shows: the item's own on an item's page, else everyone's."""
    list_page = flow.list_of(step.page)
    if list_page is None or step.item is None:
        return answers
    items = records(answers, list_page.id)
    return items[step.item - 1] if step.item <= len(items) else {}


def store(flow: Flow, answers: dict, step: Step, submission: Submission) -> dict:
    """The answers once a page is sent: its answers added, the answers of reveals not chosen removed."""
    list_page = flow.list_of(step.page)
    if list_page is None:
        return _merged(answers, submission)
    items = records(answers, list_page.id)
    item = _merged(items[step.item - 1] if step.item <= len(items) else {}, submission)
    return {**answers, list_page.id: items[: step.item - 1] + [item] + items[step.item:]}


def _merged(answers: dict, submission: Submission) -> dict:
    merged = {**answers, **submission.answers}
    for name in submission.dropped:
        merged.pop(name, None)
    return merged


def remove_item(answers: dict, list_id: str, number: int) -> dict:
    """The answers without item `number`: the items after it move up one."""
    items = records(answers, list_id)
    return {**answers, list_id: items[: number - 1] + items[number:]}


@dataclass
class Choice:
    """Where the "add another?" answer leads, or the error it shows."""

    step: Step | None = None
    change: str | None = None
    error: str = ""


def add_another(flow: Flow, page: FlowPage, answers: dict, chosen: str, change: str | None) -> Choice:
    """Yes: a new item's first page. No (or a full list): the list's `next`, once it has `min` finished items."""
    item_list, count = page.list, len(records(answers, page.id))
    messages = list_messages(item_list)
    if item_list.max is None or count < item_list.max:
        if chosen not in ("Yes", "No"):
            return Choice(error=messages["required"])
        if chosen == "Yes":
            return Choice(Step(item_list.pages[0], count + 1), change if change in flow.pages else None)
    if count < item_list.least:
        return Choice(error=messages["min"])
    unfinished = walk(flow, page.id, answers)[0][-1]
    if flow.list_of(unfinished.page) is page:
        return Choice(unfinished, change if change in flow.pages else None)  # an item left part-way: finish it first
    if change in flow.pages:
        return Choice(*returning_to(flow, change, answers, Step(page.id)))
    return Choice(Step(next_page_id(page, answers) or page.id))
