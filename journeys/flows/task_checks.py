"""Checks on a flow's task list: each task's start, where it leads, what it waits for."""

from __future__ import annotations

from journeys.flows.model import Flow, FlowPage, Task
from journeys.flows.tasks import task_pages
from journeys.problems import Problem, did_you_mean


def check_tasks(flow: Flow) -> list[Problem]:
    """Every problem in the flow's task list and its tasks."""
    hubs = [page for page in flow.pages.values() if page.tasks is not None]
    problems = [Problem(flow.file, page.line, f"'{page.id}' is a second task list: a flow has one, on line {hubs[0].line}",
                        "Put every section in one task list, or make another flow for the second.")
                for page in hubs[1:]]
    if not hubs:
        return problems
    hub = hubs[0]
    tasks: dict[str, Task] = {}
    for task in hub.tasks.tasks():
        if task.title in tasks:
            problems.append(Problem(flow.file, task.line, f"the task '{task.title}' is already on line {tasks[task.title].line}",
                                    "Give each task its own title: 'after' names tasks by their titles."))
        tasks.setdefault(task.title, task)
        problems += _start_problems(flow, hub, task)
    problems += _after_problems(flow, hub, tasks)
    return problems + _shared_pages(flow, hub, tasks)


def _start_problems(flow: Flow, hub: FlowPage, task: Task) -> list[Problem]:
    if not task.start:
        return []
    if task.start not in flow.pages:
        return [Problem(flow.file, task.start_line, f"there is no page called '{task.start}'",
                        did_you_mean(task.start, flow.pages) or "Pages are: " + ", ".join(flow.pages))]
    if task.start == hub.id:
        return [Problem(flow.file, task.start_line, f"the task '{task.title}' starts on the task list itself",
                        "Start it on the task's first page.")]
    list_page = flow.list_of(task.start)
    if list_page is not None:
        return [Problem(flow.file, task.start_line, f"'{task.start}' is asked for each item of '{list_page.id}'",
                        f"Start the task on the list page, '{list_page.id}'.")]
    pages, returns = task_pages(flow, hub, task.start)
    if not returns and not any(flow.pages[page_id].does.checks_answers for page_id in pages):
        return [Problem(flow.file, task.start_line, f"the task '{task.title}' never returns to the task list",
                        f"End the task's last page with  next: {hub.id}")]
    return []


def _after_problems(flow: Flow, hub: FlowPage, tasks: dict[str, Task]) -> list[Problem]:
    problems = []
    for task in hub.tasks.tasks():
        for title, line in zip(task.after, task.after_lines):
            if title not in tasks:
                problems.append(Problem(flow.file, line, f"'after' names '{title}', but there is no task called that",
                                        did_you_mean(title, tasks) or "Tasks are: " + ", ".join(tasks)))
            elif not _asks_questions(flow, hub, tasks[title]):
                problems.append(Problem(flow.file, line,
                                        f"the task '{title}' asks no questions, so it is never completed and "
                                        f"'{task.title}' could never start",
                                        f"Remove '{title}' from 'after', or give its pages questions."))
    problems += _cycles(flow, hub, tasks)
    return problems


def _asks_questions(flow: Flow, hub: FlowPage, task: Task) -> bool:
    if task.start not in flow.pages:
        return True  # already a problem of its own
    return any(flow.pages[page_id].questions for page_id in task_pages(flow, hub, task.start)[0])


def _cycles(flow: Flow, hub: FlowPage, tasks: dict[str, Task]) -> list[Problem]:
    """A task waiting, through `after`, for itself: reported once, on the line where the circle closes."""
    problems, done = [], set()

    def visit(task: Task, trail: list[str]) -> None:  # trail: the tasks waiting for this one, then it
        for title, line in zip(task.after, task.after_lines):
            if title in trail:
                names = trail[trail.index(title):] + [title]
                problems.append(Problem(
                    flow.file, line, f"the task '{title}' waits for itself, so it can never start" if len(names) == 2
                    else f"these tasks wait for each other, so none can start: '{names[0]}' waits for "
                    + ", which waits for ".join(f"'{name}'" for name in names[1:]),
                    f"Remove '{title}' from the 'after' of '{task.title}'."))
            elif title in tasks and title not in done:
                visit(tasks[title], trail + [title])
        done.add(task.title)

    for task in tasks.values():
        if task.title not in done:
            visit(task, [task.title])
    return problems


def _shared_pages(flow: Flow, hub: FlowPage, tasks: dict[str, Task]) -> list[Problem]:
    """A page two tasks reach (other than a page that ends the journey): once for each pair of tasks."""
    problems, owner, reported = [], {}, set()
    for task in tasks.values():
        if task.start not in flow.pages or task.start == hub.id:
            continue
        for page_id in task_pages(flow, hub, task.start)[0]:
            page = flow.pages[page_id]
            if page.does.ends_journey and not page.next:
                continue  # "You cannot use this service": any task may end there
            first = owner.setdefault(page_id, task)
            if first is not task and (first.title, task.title) not in reported:
                reported.add((first.title, task.title))
                problems.append(Problem(
                    flow.file, page.line,
                    f"page '{page_id}' is in two tasks: '{first.title}' (line {first.line}) and '{task.title}' (line {task.line})",
                    f"End each task with  next: {hub.id}  before the other's pages, or give this page a copy with its own id."))
    return problems
