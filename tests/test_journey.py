"""The path taken, Back and where a change returns to, from the vectors the frozen site also runs."""

import json
from pathlib import Path

import pytest
from conftest import ROOT

from journeys.flows.loader import read_flow
from journeys.flows.navigation import after_answering, back_link, path_taken
from journeys.yaml_files import YamlDocument

VECTORS = json.loads((ROOT / "tests/vectors/journeys.json").read_text())


def vector_flow():
    flow, problems = read_flow(YamlDocument("pages/juggling.yaml", VECTORS["flow"]), "juggling",
                               Path("pages/juggling.yaml"), [], [])
    assert problems == []
    return flow


def page_id(url: str | None):
    return url.rsplit("/", 1)[1] if url else None


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_journey(case):
    flow = vector_flow()
    page, change = flow.pages[case["page"]], case.get("change")
    assert path_taken(flow, case["answers"]) == case["path"]
    assert page_id(back_link(flow, page, case["answers"], change)) == case["back"]
    after = after_answering(flow, page, case["answers"], change)
    target, _, query = after.partition("?change=")
    assert {"page": page_id(target), "change": query or None} == case["after"]
