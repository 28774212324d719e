"""The frozen site's JavaScript runs the same test vectors as the Python, with `node --test`."""

import json
import os
import re
import subprocess

from conftest import ROOT
from flow_helpers import question_from
from journeys.flow_json import question_json


def run_node(test_file: str, env: dict | None = None) -> str:
    result = subprocess.run(["node", "--test", test_file], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_browser_validation_matches_every_validation_vector(tmp_path):
    vectors = json.loads((ROOT / "tests/vectors/validation.json").read_text())
    for case in vectors["cases"]:
        case["question"] = question_json(question_from(case["question"]))
    cases = tmp_path / "validation-cases.json"
    cases.write_text(json.dumps(vectors))
    output = run_node("tests/js/validation.test.mjs", {"JOURNEYS_VALIDATION_CASES": str(cases)})
    assert re.search(rf"^# pass {len(vectors['cases'])}$", output, flags=re.M), output
