"""A question's pattern: one engine, linear in the answer, on the server and in the browser (issue 13, item 6)."""

import json
import time

import pytest
from conftest import ROOT
from test_javascript import passed_in_node

from journeys.flows.patterns import automaton, catastrophic, matches, problem

VECTORS = json.loads((ROOT / "tests/vectors/patterns.json").read_text())
PROBE = ("(a+)+$", "a" * 30 + "!")  # froze the dev server for 39 s, and a browser tab for 5.6 s


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda case: case["name"])
def test_every_pattern_case_on_the_server(case):
    assert matches(case["pattern"], case["answer"]) is case["matches"]


def test_the_browser_matches_every_pattern_case_as_the_server_does(tmp_path):
    cases = [{**case, "automaton": automaton(case["pattern"]).as_json()} for case in VECTORS["cases"]]
    written = tmp_path / "pattern-cases.json"
    written.write_text(json.dumps({"cases": cases}))
    passed = passed_in_node("tests/js/patterns.test.mjs", {"JOURNEYS_PATTERN_CASES": str(written)})
    assert {case["name"] for case in cases} <= passed


@pytest.mark.parametrize("pattern, answer", [
    PROBE,
    ("(a|ab)*c", "ab" * 5000 + "x"),  # exponential in a backtracking engine
    ("(.*,){10}x", "," * 10_000),  # polynomial of degree 10: not flagged, and still no wait
    (".{0,400}x", "\ue000" * 20_000),  # the longest answer a page takes, of private-use characters
])
def test_no_pattern_and_no_answer_takes_long_to_match(pattern, answer):
    started = time.perf_counter()
    assert matches(pattern, answer) is False
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a*)*", "(a|a)*", "(\\d+\\s?)+", "(a{1,3})+", "^(([a-z])+.)+[A-Z]([a-z])+$"])
def test_patterns_that_backtrack_catastrophically_are_found(pattern):
    assert catastrophic(pattern)


@pytest.mark.parametrize("pattern", ["[0-9]{8}", "([A-Z][a-z]+ ?)+", "\\w+@\\w+\\.com", "(a|b)*c", ".{0,200}", "[A-Z]{2}[0-9]{6}[A-D]"])
def test_patterns_that_match_only_one_way_are_not_flagged(pattern):
    assert not catastrophic(pattern)


@pytest.mark.parametrize("pattern, message", [
    ("(?=a)a", "the pattern uses a look-ahead (?=...), which Journeys does not support"),
    ("(a)\\1", "the pattern uses a back-reference (\\1), which Journeys does not support"),
    ("\\bword", "the pattern uses \\b (a word boundary), which Journeys does not support"),
    ("(?i)abc", "the pattern uses flags (?...), which Journeys does not support"),
    ("a^b", "the pattern uses ^ or $ inside the pattern (they can only start or end it), which Journeys does not support"),
    ("(" * 5000 + ")" * 5000, "the pattern has brackets nested more than 20 deep"),  # Python's re: RecursionError
    ("a{100000}", "the pattern repeats something 100,000 times"),
    ("(a{30}){30}", "the pattern is too long: it comes to more than 500 characters once its counted repeats ({n}) are written out"),
])
def test_a_pattern_journeys_cannot_match_in_one_pass_is_refused(pattern, message):
    assert problem(pattern).message == message


def flow_asking(pattern: str) -> str:
    return ("title: Code\npages:\n  ask:\n    title: Your code\n    questions:\n      - name: code\n"
            f"        pattern: '{pattern}'\n    next: done\n  done:\n    layout: confirmation\n    title: Done\n")


def test_check_flags_a_catastrophic_pattern_with_its_line_and_fix(make_project):
    from test_hostile_yaml import journeys_check

    project = make_project({"pages/index.html": "Home", "pages/code.yaml": flow_asking("(a+)+$")})
    checked = journeys_check(project)
    assert checked.returncode == 1
    assert "pages/code.yaml:7: the pattern can backtrack catastrophically" in checked.stderr
    assert "as in (a+)+, is a+" in checked.stderr


def test_the_dev_server_answers_at_once_whatever_is_typed(make_project, make_app):
    project = make_project({"pages/index.html": "Home", "pages/code.yaml": flow_asking("(.*,){10}x")})
    client = make_app(project).test_client()
    client.get("/code/ask")
    started = time.perf_counter()
    response = client.post("/code/ask", data={"code": "," * 60})  # Python's re: C(60, 10) ways, hours
    assert time.perf_counter() - started < 2
    assert response.status_code == 200 and "Enter code in the correct format" in response.text
