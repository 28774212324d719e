"""Where a person is in a flow: the path their answers take, the next page, the way back.

The path is worked out from the answers alone, each time: start at the first page and follow
`next`, stopping at the first page with a question not yet answered. So changing an answer
changes the path, and answers from a branch left behind drop out of check answers.
"""

from __future__ import annotations

from journeys.flows.conditions import holds
from journeys.flows.model import Flow, FlowPage


def next_page_id(page: FlowPage, answers: dict) -> str | None:
    """The page the first matching rule names."""
    for rule in page.next:
        if rule.when is None or holds(rule.when, answers):
            return rule.goto
    return None


def path_taken(flow: Flow, answers: dict, stop_at: str | None = None) -> list[str]:
    """The ids of the pages these answers lead through, from the first page."""
    path: list[str] = []
    page_id = flow.first.id
    while page_id in flow.pages and page_id not in path:
        path.append(page_id)
        page = flow.pages[page_id]
        if page_id == stop_at or any(q.name not in answers for q in page.questions):
            break
        page_id = next_page_id(page, answers)
    return path


def back_link(flow: Flow, page: FlowPage, answers: dict, change: str | None) -> str | None:
    """The page before this one on the path taken (check answers while changing an answer)."""
    if change in flow.pages:
        return flow.url(change)
    path = path_taken(flow, answers, stop_at=page.id)
    if page.id in path:
        index = path.index(page.id)
        return flow.url(path[index - 1]) if index > 0 else None
    return flow.url(path[-1])  # off the path: back to where the answers reach


def after_answering(flow: Flow, page: FlowPage, answers: dict, change: str | None) -> str:
    """Where to go once a page is answered.

    While changing an answer from check answers, go back there, unless the new answer opens
    a page not yet answered: then go to that page, still on the way back to check answers.
    """
    if change in flow.pages:
        path = path_taken(flow, answers, stop_at=change)
        if path[-1] == change:
            return flow.url(change)
        return f"{flow.url(path[-1])}?change={change}"
    return flow.url(next_page_id(page, answers) or page.id)


def default_next_id(page: FlowPage) -> str | None:
    """Where the page leads when no condition holds: the rule without `when`."""
    rules = [rule for rule in page.next if rule.when is None]
    return rules[-1].goto if rules else None


def leading_here(flow: Flow, page: FlowPage) -> str | None:
    """The first page whose `next` can lead to this one: the frozen site's Back before its script runs."""
    for other in flow.pages.values():
        if any(rule.goto == page.id for rule in other.next) and other.id != page.id:
            return flow.url(other.id)
    return None
