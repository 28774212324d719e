"""Every branching condition case, from the vectors the frozen site's JavaScript also runs."""

import json

import pytest
from conftest import ROOT

from journeys.flows.conditions import holds

CASES = json.loads((ROOT / "tests/vectors/conditions.json").read_text())["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_condition(case):
    assert holds(case["when"], case["answers"]) is case["holds"]


def test_the_vectors_cover_every_test_and_combinator():
    from journeys.flows.conditions import COMBINATORS, TESTS

    used = json.dumps([case["when"] for case in CASES])
    assert all(f'"{word}"' in used for word in TESTS + COMBINATORS)
