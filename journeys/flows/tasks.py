"""A task list's tasks: the steps each has taken and its status, worked out from the answers alone.

A task runs from its `start` along `next` (which may branch) until a page whose next is the
task list, or a page that ends the journey. Its status:

- Cannot start yet: a task named in its `after` is not completed (it is not a link then);
- Not yet started: no page on its path that asks a question is answered;
- Completed: every page on its path is answered, and it is back at the task list;
- In progress: otherwise (a branch that ends the journey, such as an exit page, never completes it).

A task whose pages ask nothing is never started, so never completed: `journeys check` says so
when another task waits for it. The frozen site's journeys/static/tasks.js works the same out;
both run tests/vectors/tasks.json.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from journeys.flows.model import Flow, FlowPage, Task
from journeys.flows.steps import RETURNED, STOPPED, Step, walk

NOT_STARTED, IN_PROGRESS, COMPLETED, CANNOT_START = "Not yet started", "In progress", "Completed", "Cannot start yet"


@dataclass
class Progress:
    """A task's steps so far (up to its first page not yet answered) and its status."""

    task: Task
    steps: list[Step]
    status: str

    @property
    def can_start(self) -> bool:
        return self.status != CANNOT_START


def progress(flow: Flow, hub: FlowPage, answers: dict) -> list[Progress]:
    """Every task of the task list `hub`, in its order, with its steps and status."""
    walked = {task.title: walk(flow, task.start, answers, until=hub.id) for task in hub.tasks.tasks()}
    statuses: dict[str, str] = {}

    def status(task: Task, waiting: frozenset) -> str:
        if task.title not in statuses:
            before = [other for other in hub.tasks.tasks() if other.title in task.after]
            # A cycle of `after` is a problem `journeys check` reports; here it only must not loop.
            blocked = any(other.title in waiting or status(other, waiting | {task.title}) != COMPLETED
                          for other in before)
            statuses[task.title] = CANNOT_START if blocked else _own_status(flow, *walked[task.title])
        return statuses[task.title]

    return [Progress(task, walked[task.title][0], status(task, frozenset())) for task in hub.tasks.tasks()]


def _own_status(flow: Flow, steps: list[Step], outcome: str) -> str:
    """A task's status from its own steps: how far its answers go."""
    answered = steps[:-1] if outcome == STOPPED else steps
    if not any(flow.pages[step.page].questions for step in answered):
        return NOT_STARTED
    return COMPLETED if outcome == RETURNED else IN_PROGRESS


def task_pages(flow: Flow, hub: FlowPage, start: str) -> tuple[list[str], bool]:
    """(every page a task can reach from `start` on any branch, before the task list; whether one leads back to it)."""
    found, waiting, returns = {}, deque([start]), False  # found: a dict, for its order and its quick `in`
    while waiting:
        page_id = waiting.popleft()
        if page_id in found or page_id not in flow.pages or page_id == hub.id:
            continue
        found[page_id] = None
        page = flow.pages[page_id]
        returns = returns or any(rule.goto == hub.id for rule in page.next)
        waiting += (page.list.pages if page.list else []) + [rule.goto for rule in page.next]
    return list(found), returns


def sections_completed(hub: FlowPage, found: list[Progress]) -> int:
    """How many of the task list's sections have every task completed."""
    done = {entry.task.title for entry in found if entry.status == COMPLETED}
    return sum(all(task.title in done for task in section.tasks) for section in hub.tasks.sections)
