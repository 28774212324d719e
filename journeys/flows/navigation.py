"""Where a person is in a flow: the path their answers take, the next page, the way back.

The path is worked out from the answers alone, each time: start at the first page and follow
`next`, stopping at the first page with a question not yet answered. So changing an answer
changes the path, and answers from a branch left behind drop out of check answers.

A list's items are on the path in order, each through its pages (a step is a page and, on
an item's page, the item's number); the path stops at the first item page not yet answered.
With no items, the path goes to the first item's first page: the list page is not on it.
The list page counts as passed once it has as many items as it needs (`min`, at least one).

A task list is a hub: the path reaches it, then goes through each task that can start, in
the list's order, each as far as its answers go, back at the task list between tasks (so
Back from a task's first page goes to the task list). Check answers is reached through its
own task, once the tasks it waits for (`after`) are completed.

The frozen site's journeys/static/journey.js follows the same rules: both run
tests/vectors/journeys.json, tests/vectors/lists.json and tests/vectors/tasks.json.
"""

from __future__ import annotations

from journeys.flows.model import Flow, FlowPage
from journeys.flows.steps import HUB, Step, next_page_id, records, up_to, walk
from journeys.flows.tasks import COMPLETED, progress, task_pages


def steps_taken(flow: Flow, answers: dict, stop_at: Step | None = None) -> list[Step]:
    """The steps these answers lead through, from the first page (as far as `stop_at`)."""
    steps, outcome = walk(flow, flow.first.id, answers, stop_at=stop_at)
    if outcome == HUB and steps[-1] != stop_at:
        hub = steps[-1]
        for task in progress(flow, flow.pages[hub.page], answers):
            if task.can_start:
                steps += ([hub] if steps[-1] != hub else []) + task.steps
    return up_to(steps, stop_at)


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
    if flow.hub is not None and Step(flow.hub.id) in path:
        return Step(flow.hub.id)  # off the path past a task list: back to the task list
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
        return returning_to(flow, change, answers, step)
    list_page = flow.list_of(step.page)
    if list_page is not None:
        index = list_page.list.pages.index(step.page)
        if index + 1 < len(list_page.list.pages):
            return Step(list_page.list.pages[index + 1], step.item), None
        return Step(list_page.id), None
    page = flow.pages[step.page]
    return Step(next_page_id(page, answers) or page.id), None


def returning_to(flow: Flow, change: str, answers: dict, here: Step | None = None) -> tuple[Step, str | None]:
    """The way back to `change` (check answers): there, or the first step on the way not yet answered.

    Past a task list, that is the first step not yet answered of the task just answered
    (`here`'s); once that task is completed, and `change` still cannot be reached, the task list.
    """
    path = steps_taken(flow, answers, stop_at=Step(change))
    if path[-1] == Step(change):
        return Step(change), None
    hub = flow.hub
    if hub is None or Step(hub.id) not in path:
        return path[-1], change
    for task in progress(flow, hub, answers):
        if here in task.steps and task.status != COMPLETED:
            return task.steps[-1], change
    return Step(hub.id), None


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
    hub = flow.hub
    if page.id in flow.task_starts:
        return flow.url(hub.id)
    leaders = flow.leaders.get(page.id, [])
    if hub is page:  # the task list: led to by a page before it, not by a task's last page
        in_tasks = {page_id for task in hub.tasks.tasks() for page_id in task_pages(flow, hub, task.start)[0]}
        leaders = [other for other in leaders if other not in in_tasks]
    return flow.url(leaders[0]) if leaders else None
