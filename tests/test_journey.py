"""The path taken, Back and where a change returns to, from the vectors the frozen site also runs."""

import json
from pathlib import Path

import pytest
from conftest import ROOT

from journeys.flows.loader import read_flow
from journeys.flows.navigation import Step, after_answering, back_step, path_taken
from journeys.yaml_files import YamlDocument

VECTORS = json.loads((ROOT / "tests/vectors/journeys.json").read_text())


def vector_flow():
    flow, problems = read_flow(YamlDocument("pages/juggling.yaml", VECTORS["flow"]), "juggling",
                               Path("pages/juggling.yaml"), [], [])
    assert problems == []
    return flow


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_journey(case):
    flow = vector_flow()
    here, change = Step(case["page"]), case.get("change")
    assert path_taken(flow, case["answers"]) == case["path"]
    back = back_step(flow, here, case["answers"], change)
    assert (str(back) if back else None) == case["back"]
    to, returning = after_answering(flow, here, case["answers"], change)
    assert {"page": str(to), "change": returning} == case["after"]
