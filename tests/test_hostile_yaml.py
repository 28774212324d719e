"""YAML that would exhaust memory or the stack is refused at once, naming file and line (issue 13, items 5 and 7)."""

import subprocess
import sys
import time

import pytest
from conftest import ROOT

from journeys.problems import ContentError
from journeys.yaml_files import parse_yaml

# The probe's 515-byte bomb: each line repeats the one above nine times, 9^9 values in all.
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{above}'] * 9) if above else ', '.join(['lol'] * 9)}]\n"
    for above, name in zip([None, *"abcdefgh"], "abcdefghi")
)
FLOW_END = "    next: done\n  done:\n    layout: confirmation\n    title: Done\n"


def journeys_check(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "journeys", "check", "--project", str(project)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def checked_quickly(project) -> subprocess.CompletedProcess:
    started = time.monotonic()
    checked = journeys_check(project)
    assert time.monotonic() - started < 10  # the interpreter's start and the check: the YAML itself takes milliseconds
    assert checked.returncode == 1 and "Traceback" not in checked.stderr + checked.stdout
    return checked


def test_an_alias_bomb_is_refused_in_milliseconds_with_its_line():
    assert len(BOMB) < 600
    started = time.perf_counter()
    with pytest.raises(ContentError) as raised:
        parse_yaml(BOMB, "pages/bomb.yaml")
    assert time.perf_counter() - started < 0.1
    assert [str(p).splitlines()[0] for p in raised.value.problems] == [
        "pages/bomb.yaml:5: the aliases in this file repeat more than 10,000 values (*d here repeats 7,381)"]


def test_an_alias_bomb_in_a_flow_is_named_by_check_and_the_dev_server_at_once(make_project, make_app):
    project = make_project({"pages/index.html": "Home", "pages/apply.yaml": "title: Apply\n" + BOMB})
    checked = checked_quickly(project)
    assert "pages/apply.yaml:6: the aliases in this file repeat more than 10,000 values" in checked.stderr
    assert "Write the values out where they are needed" in checked.stderr
    started = time.monotonic()
    response = make_app(project).test_client().get("/apply")
    assert time.monotonic() - started < 2
    assert response.status_code == 500 and "<h2>pages/apply.yaml:6</h2>" in response.text


def test_reusing_a_list_with_an_alias_still_works():
    document = parse_yaml("sizes: &sizes [Small, Medium, Large]\nagain: *sizes\nmerged: {<<: {a: 1}, b: 2}\n", "f.yaml")
    assert document.data == {"sizes": ["Small", "Medium", "Large"], "again": ["Small", "Medium", "Large"],
                             "merged": {"a": 1, "b": 2}}


def test_an_alias_inside_its_own_anchor_is_refused():
    with pytest.raises(ContentError) as raised:
        parse_yaml("title: Loop\nlist: &me [1, *me]\n", "pages/loop.yaml")
    assert str(raised.value.problems[0]) == (
        "pages/loop.yaml:2: the alias *me is inside its own anchor &me, so it would repeat forever\n"
        "    Remove *me from inside &me.")


@pytest.mark.parametrize("nested, line", [
    ("[" * 1000 + "]" * 1000, 1),  # Python's parser: RecursionError
    ("[" * 200_000 + "]" * 200_000, 1),  # libyaml's: the interpreter crashed
    ("".join("  " * depth + "a:\n" for depth in range(1000)), 51),  # indented, one level a line
])
def test_yaml_nested_a_thousand_levels_deep_is_refused_at_its_line(make_project, nested, line):
    project = make_project({"pages/index.html": "Home", "data/deep.yaml": nested})
    checked = checked_quickly(project)
    assert f"data/deep.yaml:{line}: this is nested more than 50 levels deep" in checked.stderr


def test_a_condition_nested_a_thousand_levels_deep_is_refused_at_its_line(make_project, make_app):
    condition = "{not: " * 1000 + "{colour: Red}" + "}" * 1000
    flow = ("title: Deep\npages:\n  ask:\n    title: Colour?\n    questions: [{name: colour}]\n    next:\n"
            f"      - when: {condition}\n        goto: done\n      - goto: done\n"
            "  done:\n    layout: confirmation\n    title: Done\n")
    project = make_project({"pages/index.html": "Home", "pages/deep.yaml": flow})
    checked = checked_quickly(project)
    assert "pages/deep.yaml:7: this is nested more than 50 levels deep" in checked.stderr
    response = make_app(project).test_client().get("/deep/ask")
    assert response.status_code == 500 and "<h2>pages/deep.yaml:7</h2>" in response.text
