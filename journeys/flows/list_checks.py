"""Checks on a flow's add-another lists and on conditions that read lists."""

from __future__ import annotations

from journeys.flows.conditions import answer_tests
from journeys.flows.model import Flow, FlowPage, Rule
from journeys.problems import Problem, did_you_mean

LIST_TESTS = ("count", "answered")  # what can be asked of a list of items


def check_lists(flow: Flow) -> list[Problem]:
    """Every problem in the flow's lists: their pages, where they lead, and what conditions ask of them."""
    problems: list[Problem] = []
    owner: dict[str, tuple[FlowPage, int]] = {}  # item page id -> (its list page, the line naming it)
    for page in flow.lists():
        for page_id, line in zip(page.list.pages, page.list.page_lines):
            found = _item_page_problems(flow, page, page_id, line, owner)
            if not found:
                owner[page_id] = (page, line)
            problems += found
    for page in flow.pages.values():
        if page.id in owner and page.next:
            list_page = owner[page.id][0]
            problems.append(Problem(
                flow.file, page.next_line,
                f"page '{page.id}' is asked for each {list_page.list.item} in '{list_page.id}', so it cannot have 'next'",
                f"Remove 'next': after an item's last page, '{list_page.id}' shows the list.",
            ))
    answers = _answer_kinds(flow, owner)
    for page in flow.pages.values():
        for rule in page.next:
            problems += _rule_problems(flow, rule, owner, answers)
    if flow.first.id in owner:
        problems.append(Problem(flow.file, flow.first.line, f"the first page, '{flow.first.id}', is asked for each item of a list",
                                "Start the flow with another page, such as a start page."))
    return problems


def _item_page_problems(flow: Flow, page: FlowPage, page_id: str, line: int, owner: dict) -> list[Problem]:
    if page_id not in flow.pages:
        return [Problem(flow.file, line, f"there is no page called '{page_id}'",
                        did_you_mean(page_id, flow.pages) or "Pages are: " + ", ".join(flow.pages))]
    if page_id in owner:
        first, first_line = owner[page_id]
        return [Problem(flow.file, line, f"page '{page_id}' is already asked for each item of '{first.id}' (line {first_line})",
                        "Give each list its own pages, and name each page once.")]
    item_page = flow.pages[page_id]
    if item_page.list is not None:
        return [Problem(flow.file, line, f"'{page_id}' is an add-another page: a list cannot be asked for each item of another",
                        "Ask for the inner list's items as questions on the item's pages, or on pages after the list.")]
    if not item_page.does.asks_questions:
        return [Problem(flow.file, line, f"'{page_id}' is a {item_page.layout} page: the pages of a list ask its questions",
                        "Use question pages for each item's questions.")]
    return []


def _answer_kinds(flow: Flow, owner: dict) -> tuple[dict, dict, dict]:
    """(lists by id, the list asking each item's answer, each question's type): what conditions are checked against."""
    lists = {page.id: page for page in flow.lists()}
    item_questions = {q.name: owner[page_id][0] for page_id in owner
                      for question in flow.pages[page_id].questions for q in (question, *question.revealed)}
    types = {q.name: q.type for q in flow.questions()}
    return lists, item_questions, types


def _rule_problems(flow: Flow, rule: Rule, owner: dict, answers: tuple[dict, dict, dict]) -> list[Problem]:
    problems = []
    if rule.goto in owner:
        list_page = owner[rule.goto][0]
        problems.append(Problem(flow.file, rule.line,
                                f"'{rule.goto}' is asked for each {list_page.list.item} in '{list_page.id}': go to '{list_page.id}' instead",
                                f"The list page '{list_page.id}' leads through its pages for each item."))
    lists, item_questions, types = answers
    for name, tests in answer_tests(rule.when or {}):
        if name in item_questions:
            list_page = item_questions[name]
            problems.append(Problem(flow.file, rule.line,
                                    f"the condition reads '{name}', which is asked for each {list_page.list.item} in '{list_page.id}'",
                                    f"Test the list instead, like:  {{{list_page.id}: {{count: {{at_least: 1}}}}}}"))
        elif name in lists and any(test not in LIST_TESTS for test in tests):
            problems.append(Problem(flow.file, rule.line,
                                    f"'{name}' is a list of {lists[name].list.items}: test how many with 'count', or 'answered'",
                                    f"For example:  {{{name}: {{count: {{at_least: 2}}}}}}"))
        elif "count" in tests and name in types and types[name] != "checkboxes":
            problems.append(Problem(flow.file, rule.line,
                                    f"'count' counts the items of a list or the ticked boxes, but '{name}' is a {types[name]} answer",
                                    "Use 'count' on an add-another list or a checkboxes answer; test this answer with 'answered' "
                                    "or a number test."))
    return problems
