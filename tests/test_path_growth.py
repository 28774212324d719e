"""Paths grow linearly: a flow of 20,000 pages costs each page what a flow of 1,000 does.

The work is counted, not timed (a shared machine's timings wander): every Python function
call and built-in call made while reading and checking a flow, writing each page's Back link
for the frozen site, and, for answers reaching the end, working out the path, Back, where a
change returns to and check your answers. Rescanning every page for each page makes a page
of the 20,000-page flow cost 20 times what it does at 1,000.
"""

import gc
import sys
from pathlib import Path

import pytest

from journeys.flows.as_json import flow_json
from journeys.flows.checks import check_flow
from journeys.flows.journey_map import journey_map
from journeys.flows.loader import read_flow
from journeys.flows.navigation import Step, back_step, leading_here, returning_to, steps_taken
from journeys.flows.tasks import COMPLETED, progress
from journeys.rendering.check_answers import answer_groups
from journeys.yaml_files import YamlDocument

SIZES = (1_000, 10_000, 20_000)
TASKS = 10


class TooMuchWork(Exception):
    pass


def calls(work, budget: float = float("inf"), lines: bool = False) -> int:
    """How many function calls (Python and built-in) `work()` makes; TooMuchWork past `budget`.

    With `lines`, how many lines of Python it runs, a loop's every turn counted: function calls
    alone miss a comprehension that rescans a list, one call however long it runs.
    """
    count = 0

    def counter(frame, event, arg):
        nonlocal count
        if lines or event in ("call", "c_call"):
            count += 1
            if count > budget:
                raise TooMuchWork
        return counter  # sys.settrace then traces each line of the frame; sys.setprofile ignores it
    gc.disable()  # the garbage collector's passes are not the work counted, and slow it down
    hook = sys.settrace if lines else sys.setprofile
    hook(counter)
    try:
        work()
    finally:
        hook(None)
        gc.enable()
    return count


def chain(count: int, last: str, prefix: str = "") -> dict:
    """`count` question pages, then `last`; answering No to one skips the next."""
    pages = {}
    for n in range(1, count + 1):
        after = f"{prefix}q{n + 1}" if n < count else last
        skip = f"{prefix}q{n + 2}" if n + 1 < count else last
        name = f"{prefix}answer-{n}"
        pages[f"{prefix}q{n}"] = {"title": f"Question {n}", "questions": [{"name": name, "type": "radios", "options": ["Yes", "No"]}],
                                  "next": [{"when": {name: "No"}, "goto": skip}, {"goto": after}]}
    return pages


def list_flow(count: int) -> dict:
    """A start page, a list of people, then `count` questions, check answers and a confirmation."""
    pages = {
        "start": {"layout": "start", "title": "Apply", "next": "people"},
        "people": {"layout": "add-another", "title": "People", "item": "person", "pages": ["person-name"],
                   "next": "q1"},
        "person-name": {"title": "Their name", "questions": [{"name": "full-name"}]},
        **chain(count, "check-answers"),
        "check-answers": {"layout": "check-answers", "title": "Check your answers", "next": "done"},
        "done": {"layout": "confirmation", "title": "Sent"},
    }
    return {"title": "Apply", "pages": pages}


def task_flow(count: int) -> dict:
    """A task list of 10 tasks sharing `count` questions, then a task to check answers after them all."""
    size = count // TASKS
    titles = [f"Task {t}" for t in range(TASKS)]
    pages = {"tasks": {"layout": "task-list", "title": "Apply", "sections": [
        {"title": "Tell us", "tasks": [{"title": title, "start": f"t{t}-q1"} for t, title in enumerate(titles)]},
        {"title": "Apply", "tasks": [{"title": "Check", "start": "check-answers", "after": titles}]},
    ]}}
    for t in range(TASKS):
        pages.update(chain(size, "tasks", prefix=f"t{t}-"))
    pages["check-answers"] = {"layout": "check-answers", "title": "Check your answers", "next": "done"}
    pages["done"] = {"layout": "confirmation", "title": "Sent"}
    return {"title": "Apply", "pages": pages}


def answered(flow) -> dict:
    """Every question answered Yes, and one person added: the path reaches the end."""
    given = {question.name: "Yes" for question in flow.questions() if question.name != "full-name"}
    return given | ({"people": [{"full-name": "Ada"}]} if "people" in flow.pages else {})


def whole_flow(data: dict) -> dict:
    """What a build and a person reaching the end need of a flow: its pages' links, the path, check answers."""
    seen = {}

    def work():
        flow, problems = read_flow(YamlDocument("pages/apply.yaml", data), "apply", Path("pages/apply.yaml"), [], [])
        assert problems == [] and check_flow(flow) == []
        seen["backs"] = [leading_here(flow, page) for page in flow.pages.values()]  # every page of a build
        flow_json(flow)
        given = answered(flow)
        seen["path"] = steps_taken(flow, given)
        seen["back"] = back_step(flow, seen["path"][-2], given, None)
        seen["returning"] = returning_to(flow, "check-answers", given, seen["path"][-2])
        seen["groups"] = answer_groups(flow, flow.pages["check-answers"], given)
        seen["flow"], seen["given"] = flow, given
    return seen, work


@pytest.mark.parametrize("make", [list_flow, task_flow])
def test_each_page_costs_the_same_in_a_flow_of_20000_pages_as_in_one_of_1000(make):
    per_page = {}
    for size in SIZES:
        seen, work = whole_flow(make(size))
        # Twice the work per page of the smallest flow is too much: stop there, not minutes later.
        budget = 2 * per_page[SIZES[0]] * size if per_page else float("inf")
        try:
            per_page[size] = calls(work, budget) / size
        except TooMuchWork:
            pytest.fail(f"a flow of {size:,} pages costs more than twice as much per page as one of {SIZES[0]:,}")
        flow, given = seen["flow"], seen["given"]
        # The work done is the whole job: every page's Back link, and a path to the end.
        assert len(seen["backs"]) == len(flow.pages) and None not in seen["backs"][2:]
        assert sum(len(group.get("rows", [])) for group in seen["groups"]) >= size
        if make is list_flow:
            assert seen["path"][-2:] == [Step("check-answers"), Step("done")] and seen["back"] == Step(f"q{size}")
            assert seen["returning"] == (Step("check-answers"), None)
            assert seen["backs"][list(flow.pages).index("q1")] == "/apply/people"
        else:
            assert [task.status for task in progress(flow, flow.hub, given)][:TASKS] == [COMPLETED] * TASKS
            assert seen["backs"][list(flow.pages).index("t3-q1")] == "/apply/tasks"
    assert per_page[SIZES[1]] < 1.2 * per_page[SIZES[0]], per_page
    assert per_page[SIZES[2]] < 1.2 * per_page[SIZES[0]], per_page


def test_a_journey_maps_table_costs_each_page_the_same_at_any_size():
    # The map page's table: for each page, the ways on from it, each with the title of the page
    # it leads to (journey-map.html asks map.arrows_from and map.node for them).
    per_page = {}
    for size in SIZES[:2]:
        flow, problems = read_flow(YamlDocument("pages/apply.yaml", list_flow(size)), "apply", Path("pages/apply.yaml"), [], [])
        assert problems == []
        rows = []

        def table():
            drawn = journey_map(flow)
            for node in drawn.nodes:
                rows.append((node.title, [(arrow.words, drawn.node(arrow.target).title) for arrow in drawn.arrows_from(node.id)]))
        budget = 2 * per_page[SIZES[0]] * size if per_page else float("inf")
        try:
            per_page[size] = calls(table, budget, lines=True) / size
        except TooMuchWork:
            pytest.fail(f"the map of a flow of {size:,} pages costs more than twice as much per page as one of {SIZES[0]:,}")
        assert len(rows) == len(flow.pages)
        assert dict(rows)["Question 1"] == [("if answer-1 is No", "Question 3"), ("otherwise", "Question 2")]
        assert dict(rows)["People"][0] == ("for each person", "Their name")
    assert per_page[SIZES[1]] < 1.2 * per_page[SIZES[0]], per_page
