"""The frozen site's JavaScript runs the same test vectors as the Python, with Node's own test runner."""

import json
import re
import shutil
import subprocess

from conftest import ROOT
from flow_helpers import question_from

from journeys.flows.as_json import flow_json, question_json


def passed_in_node(test_file: str, env: dict | None = None) -> set[str]:
    """The names of the tests that passed in `node --test`; every test must pass."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript tests (see the README)"
    done = subprocess.run([node, "--test", "--test-reporter=tap", test_file], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={"PATH": "/usr/bin:/bin", **(env or {})})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    return {line.split(" - ", 1)[1] for line in done.stdout.splitlines() if re.match(r"^ok \d+ - ", line)}


def vectors(name: str) -> dict:
    return json.loads((ROOT / f"tests/vectors/{name}.json").read_text())


def test_the_browser_runs_every_condition_case_as_the_server_does():
    cases = vectors("conditions")["cases"]
    assert {case["name"] for case in cases} <= passed_in_node("tests/js/conditions.test.mjs")


def test_the_browser_validates_every_case_as_the_server_does(tmp_path):
    # The browser gets questions as the flow's JSON gives them, messages worked out.
    cases = vectors("validation")
    for case in cases["cases"]:
        case["question"] = question_json(question_from(case["question"]))
    written = tmp_path / "validation-cases.json"
    written.write_text(json.dumps(cases))
    passed = passed_in_node("tests/js/validation.test.mjs", {"JOURNEYS_VALIDATION_CASES": str(written)})
    assert {case["name"] for case in cases["cases"]} <= passed


def test_the_browser_follows_every_journey_case_as_the_server_does(tmp_path):
    from test_journey import VECTORS, vector_flow

    written = tmp_path / "journey-cases.json"
    written.write_text(json.dumps({**VECTORS, "flow": flow_json(vector_flow())}))
    passed = passed_in_node("tests/js/journey.test.mjs", {"JOURNEYS_JOURNEY_CASES": str(written)})
    assert {case["name"] for case in VECTORS["cases"]} <= passed


def test_the_browser_follows_every_list_and_reveal_case_as_the_server_does(tmp_path):
    from test_lists import VECTORS, vector_flow

    written = tmp_path / "list-cases.json"
    written.write_text(json.dumps({**VECTORS, "flow": flow_json(vector_flow())}))
    passed = passed_in_node("tests/js/lists.test.mjs", {"JOURNEYS_LIST_CASES": str(written)})
    cases = VECTORS["journeys"] + VECTORS["add_another"] + VECTORS["remove"] + VECTORS["store"]
    assert {case["name"] for case in cases} <= passed
    assert len({case["name"] for case in cases}) == len(cases)  # names are unique, so none hides another


def test_the_browser_works_out_every_task_status_and_path_as_the_server_does(tmp_path):
    from test_tasks import VECTORS, vector_flow

    written = tmp_path / "task-cases.json"
    written.write_text(json.dumps({**VECTORS, "flow": flow_json(vector_flow())}))
    passed = passed_in_node("tests/js/tasks.test.mjs", {"JOURNEYS_TASK_CASES": str(written)})
    assert {case["name"] for case in VECTORS["cases"]} <= passed
    assert len({case["name"] for case in VECTORS["cases"]}) == len(VECTORS["cases"])


def test_the_browser_writes_words_inside_a_sentence_as_the_server_does():
    cases = vectors("words")["lower_first"]
    assert {f"lower first: {written}" for written, _ in cases} <= passed_in_node("tests/js/words.test.mjs")
