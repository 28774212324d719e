"""Add-another lists and reveals, from the vectors the frozen site's JavaScript also runs."""

import datetime
import json
from pathlib import Path

import pytest
from conftest import ROOT
from werkzeug.datastructures import MultiDict

from journeys.flows.lists import add_another, page_answers, remove_item, store
from journeys.flows.loader import read_flow
from journeys.flows.navigation import Step, after_answering, back_step, steps_taken
from journeys.flows.validation import read_page
from journeys.yaml_files import YamlDocument

VECTORS = json.loads((ROOT / "tests/vectors/lists.json").read_text())


def vector_flow():
    flow, problems = read_flow(YamlDocument("pages/household.yaml", VECTORS["flow"]), "household",
                               Path("pages/household.yaml"), [], [])
    assert problems == []
    return flow


def step(text: str) -> Step:
    page, _, item = text.partition("?item=")
    return Step(page, int(item) if item else None)


def named(cases):
    return pytest.mark.parametrize("case", cases, ids=[case["name"] for case in cases])


@named(VECTORS["journeys"])
def test_journey(case):
    flow, here, change = vector_flow(), step(case["step"]), case.get("change")
    assert [str(s) for s in steps_taken(flow, case["answers"])] == case["path"]
    back = back_step(flow, here, case["answers"], change)
    assert (str(back) if back else None) == case["back"]
    if "after" in case:
        to, returning = after_answering(flow, here, case["answers"], change)
        assert {"step": str(to), "change": returning} == case["after"]


@named(VECTORS["add_another"])
def test_add_another(case):
    flow = vector_flow()
    choice = add_another(flow, flow.pages["people"], case["answers"], case["chosen"], case.get("change"))
    outcome = {"error": choice.error} if choice.error else {"step": str(choice.step), "change": choice.change}
    assert outcome == case["outcome"]


@named(VECTORS["remove"])
def test_remove(case):
    assert remove_item(case["answers"], "people", case["item"]) == case["after"]


@named(VECTORS["store"])
def test_store(case):
    flow, here = vector_flow(), step(case["step"])
    form = MultiDict(case["form"])
    previous = case["answers"]
    today = datetime.date.fromisoformat(VECTORS["today"])
    submission = read_page(flow.pages[here.page], form, None, page_answers(flow, previous, here), today)
    assert [error.message for error in submission.errors] == case["errors"]
    if "error_fields" in case:
        assert [error.field for error in submission.errors] == case["error_fields"]
    assert (None if submission.errors else store(flow, previous, here, submission)) == case["stored"]
