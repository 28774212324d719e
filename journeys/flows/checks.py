"""Checks across a whole flow: where each page leads, and what each condition reads."""

from __future__ import annotations

from journeys.flows.conditions import answer_names
from journeys.flows.list_checks import check_lists
from journeys.flows.model import Flow
from journeys.flows.page_ids import id_problems
from journeys.flows.task_checks import check_tasks
from journeys.problems import Problem, did_you_mean


def check_flow(flow: Flow) -> list[Problem]:
    """Every problem in how the flow's pages connect."""
    problems: list[Problem] = []
    asked: dict[str, int] = {}
    for question in flow.questions():
        if question.name in asked:
            problems.append(Problem(
                flow.file, question.line,
                f"the answer name '{question.name}' is already used on line {asked[question.name]}",
                "Give each question its own name.",
            ))
        else:
            asked[question.name] = question.line
    for page in flow.lists():
        # A list's answers are stored under its page's id.
        if page.id in asked:
            problems.append(Problem(
                flow.file, page.line,
                f"the list '{page.id}' keeps its answers under its id, which the question on line {asked[page.id]} also uses",
                "Rename the page or the question.",
            ))
        else:
            asked[page.id] = page.line
    item_pages = {page_id for page in flow.lists() for page_id in page.list.pages}

    for page in flow.pages.values():
        for rule in page.next:
            if rule.goto not in flow.pages:
                problems.append(Problem(
                    flow.file, rule.line, f"there is no page called '{rule.goto}'",
                    did_you_mean(rule.goto, flow.pages) or "Pages are: " + ", ".join(flow.pages),
                ))
            for name in answer_names(rule.when or {}):
                if name not in asked:
                    problems.append(Problem(
                        flow.file, rule.line, f"the condition reads '{name}', but no page asks it",
                        did_you_mean(name, asked) or "Use the 'name' of a question in this flow.",
                    ))
        if not page.next and not page.does.ends_journey and page.id not in item_pages:
            problems.append(Problem(
                flow.file, page.line, f"page '{page.id}' has no 'next', so people get stuck here",
                "Add 'next:' with the page that follows, or make it a confirmation page.",
            ))

    reached = reachable(flow)
    for page in flow.pages.values():
        if page.id not in reached:
            problems.append(Problem(
                flow.file, page.line, f"no page leads to '{page.id}', so nobody can reach it",
                "Add it as a 'next' or 'goto' of another page, or remove it.",
            ))
    problems += _loops(flow, reached)
    for page in flow.pages.values():
        problems += id_problems(flow.file, page)
    return problems + check_lists(flow) + check_tasks(flow)


def _ways_on(flow: Flow, page_id: str) -> list[str]:
    """The pages a person can go to from this one: its rules, its list's pages, its tasks; an item's page, the next."""
    page = flow.pages[page_id]
    owner = flow.list_of(page_id)
    if owner is not None:
        pages = owner.list.pages
        index = pages.index(page_id)
        return [pages[index + 1] if index + 1 < len(pages) else owner.id]
    ways = [rule.goto for rule in page.next] + (page.list.pages[:1] if page.list else [])
    return ways + ([task.start for task in page.tasks.tasks()] if page.tasks else [])


def _loops(flow: Flow, reachable: set[str]) -> list[Problem]:
    """Pages whose every way on leads back to them: people there can never finish."""
    # Where a journey can stop: a page that ends it, a page with no way on or an unknown page
    # (both reported above), and a task list, which people leave and come back to as they like.
    # A task's pages that loop never return to the task list: the task checks report that.
    ways = {page_id: _ways_on(flow, page_id) for page_id in flow.pages}
    can_finish = {page_id for page_id, page in flow.pages.items() if page.does.ends_journey or not ways[page_id]}
    can_finish |= {rule.goto for page in flow.pages.values() for rule in page.next if rule.goto not in flow.pages}
    # Back from each page that can finish to the pages that lead to it: each way followed once,
    # so a flow of 20,000 pages in a row costs each page what a flow of 10 does.
    comes_from: dict[str, list[str]] = {}
    for page_id, leads_to in ways.items():
        for way in leads_to:
            comes_from.setdefault(way, []).append(page_id)
    waiting = list(can_finish)
    while waiting:
        for page_id in comes_from.get(waiting.pop(), []):
            if page_id not in can_finish:
                can_finish.add(page_id)
                waiting.append(page_id)
    in_tasks = {page_id for task in (flow.hub.tasks.tasks() if flow.hub else []) for page_id in _reached_from(flow, task.start)}
    trapped = [page_id for page_id in flow.pages if page_id in reachable and page_id not in can_finish | in_tasks]
    problems, reported = [], set()
    for page_id in trapped:
        if page_id in reported:
            continue
        path = [page_id]
        while (way := next(w for w in _ways_on(flow, path[-1]) if w in flow.pages)) not in path:
            path.append(way)
        loop = path[path.index(way):] + [way]
        reported |= _reached_from(flow, page_id)
        problems.append(Problem(
            flow.file, flow.pages[page_id].line,
            f"people who reach '{page_id}' can never finish: every way on leads back ({' -> '.join(loop)})",
            "Give one of these pages a way out: a 'goto' to a page outside the loop, such as a check answers or "
            "confirmation page.",
        ))
    return problems


def _reached_from(flow: Flow, page_id: str) -> set[str]:
    seen, waiting = set(), [page_id]
    while waiting:
        here = waiting.pop()
        if here not in seen and here in flow.pages:
            seen.add(here)
            waiting += _ways_on(flow, here)
    return seen


def reachable(flow: Flow) -> set[str]:
    """The ids of the pages some way through the flow reaches from its first page."""
    seen, waiting = set(), [flow.first.id]
    while waiting:
        page_id = waiting.pop()
        if page_id in seen or page_id not in flow.pages:
            continue
        seen.add(page_id)
        page = flow.pages[page_id]
        waiting += [rule.goto for rule in page.next] + (page.list.pages if page.list else [])
        waiting += [task.start for task in page.tasks.tasks()] if page.tasks else []
    return seen
