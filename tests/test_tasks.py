"""Task lists' statuses and paths, from the vectors the frozen site's JavaScript also runs."""

import json
from pathlib import Path

import pytest
from conftest import ROOT

from journeys.flows.loader import read_flow
from journeys.flows.navigation import Step, after_answering, back_step, steps_taken
from journeys.flows.tasks import progress, sections_completed
from journeys.yaml_files import YamlDocument

VECTORS = json.loads((ROOT / "tests/vectors/tasks.json").read_text())


def vector_flow():
    flow, problems = read_flow(YamlDocument("pages/licence.yaml", VECTORS["flow"]), "licence", Path("pages/licence.yaml"), [], [])
    assert problems == []
    return flow


def step(text: str) -> Step:
    page, _, item = text.partition("?item=")
    return Step(page, int(item) if item else None)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[case["name"] for case in VECTORS["cases"]])
def test_tasks(case):
    flow, answers, here, change = vector_flow(), case["answers"], step(case["step"]), case.get("change")
    found = progress(flow, flow.hub, answers)
    assert {entry.task.title: entry.status for entry in found} == case["statuses"]
    assert sections_completed(flow.hub, found) == case["sections_completed"]
    assert [str(s) for s in steps_taken(flow, answers)] == case["path"]
    back = back_step(flow, here, answers, change)
    assert (str(back) if back else None) == case["back"]
    if "after" in case:
        to, returning = after_answering(flow, here, answers, change)
        assert {"step": str(to), "change": returning} == case["after"]


def test_the_vectors_flow_has_no_problems_once_checked():
    from journeys.flows.checks import check_flow

    assert check_flow(vector_flow()) == []
