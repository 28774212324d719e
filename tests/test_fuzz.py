"""Generated flows, answers and conditions, hostile strings included: Python and the frozen site's JavaScript agree (issue 13).

Each case is a small flow (questions named like JavaScript's own properties, options and
conditions made of awkward text), the forms sent on its pages in turn, and what follows: the
errors on each page, the answers kept, the page each leads to, and the rows of check your
answers. Python evaluates it as the live server does; one Node process evaluates every case as
the frozen site does. Neither may crash, and both must give the same.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from werkzeug.datastructures import MultiDict

from journeys.flows.as_json import flow_json
from journeys.flows.lists import store
from journeys.flows.loader import read_flow
from journeys.flows.navigation import Step
from journeys.flows.steps import next_page_id
from journeys.flows.validation import read_page
from journeys.rendering.check_answers import all_rows, answer_groups
from journeys.yaml_files import YamlDocument

CASES = 2000
TODAY = datetime.date(2026, 6, 15)
NAMES = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "colour", "age", "email-address", "a_1"]
HOSTILE = ["", " ", "__proto__", "constructor", "toString", "valueOf", "\ue000 9 \ue001", "\U0010fffd", "😀", "<b>&amp;</b>",
           "Red", "Blue", "12", "-3.5", "1,200", " 7 ", "a@b.co", "\u0663", "None", "true", "x" * 10_000, "a" * 30 + "!",
           # Characters Python's strip() and the browser's trim() once disagreed about.
           "\x1c", "\x1f7\x1f", "\x85Red\x85", "\ufeff12", " \ufeff ", "a\x1db c", "\x1e@b.co"]
PATTERNS = ["[a-z_]+", "[0-9]{2,4}", "(a|b)*c", "[^<]*", ".*", "\\D+", "(a+)b", "[A-Z][a-z]+( [A-Z][a-z]+)?", "__proto__|x"]
TEXT_TYPES = ["text", "textarea", "email", "number"]
CHOICE_TYPES = ["radios", "checkboxes", "yes-no", "select"]

# Any text a browser can send (lone surrogates cannot be sent in a form).
characters = st.characters(exclude_categories=["Cs"])
words = st.one_of(st.sampled_from(HOSTILE), st.text(characters, max_size=12),
                  st.text(st.characters(categories=["Co"]), min_size=1, max_size=4))


@st.composite
def questions(draw, names):
    kind = draw(st.sampled_from(TEXT_TYPES + CHOICE_TYPES))
    question = {"name": names.pop(), "type": kind, "label": draw(st.sampled_from(["Label", "constructor", "<i>x</i>"])),
                "required": draw(st.booleans())}
    if kind in ("radios", "checkboxes", "select"):
        question["options"] = draw(st.lists(st.sampled_from(["Red", "Blue", "__proto__", "constructor", "toString",
                                                             "\ue000", "😀", "<b>b</b>", "12"]),
                                            min_size=2, max_size=4, unique=True))
    if kind in ("text", "textarea"):
        if draw(st.booleans()):
            question["pattern"] = draw(st.sampled_from(PATTERNS))
        if draw(st.booleans()):
            question["max_length"] = draw(st.integers(1, 40))
    if kind == "number" and draw(st.booleans()):
        question["min"], question["max"] = sorted(draw(st.lists(st.integers(-5, 50), min_size=2, max_size=2)))
    return question


def values_of(question) -> list:
    return question.get("options") or (["Yes", "No"] if question["type"] == "yes-no" else [])


@st.composite
def conditions(draw, asked, depth=0):
    question = draw(st.sampled_from(asked))
    value = st.one_of(st.sampled_from(values_of(question) or ["Red"]), words)
    simple = st.one_of(
        st.builds(lambda v: {question["name"]: v}, value),
        st.builds(lambda t, v: {question["name"]: {t: v}}, st.sampled_from(["is", "not", "includes"]), value),
        st.builds(lambda b: {question["name"]: {"answered": b}}, st.booleans()),
        st.builds(lambda t, n: {question["name"]: {t: n}}, st.sampled_from(["less_than", "more_than", "at_least", "at_most"]),
                  st.integers(-10, 100)),
        st.builds(lambda n: {question["name"]: {"count": {"at_least": n}}}, st.integers(0, 3)),
    )
    if depth >= 2:
        return draw(simple)
    inner = conditions(asked, depth + 1)
    return draw(st.one_of(simple, st.builds(lambda c: {"not": c}, inner),
                          st.builds(lambda cs: {"all": cs}, st.lists(inner, min_size=1, max_size=3)),
                          st.builds(lambda cs: {"any": cs}, st.lists(inner, min_size=1, max_size=3))))


@st.composite
def cases(draw):
    names = list(draw(st.permutations(NAMES)))
    count = draw(st.integers(1, 3))
    pages, asked = {}, []
    for number in range(count):
        page_questions = [draw(questions(names)) for _ in range(draw(st.integers(1, 2)))]
        asked += page_questions
        later = [f"p{n}" for n in range(number + 1, count)] + ["check"]
        rules = [{"when": draw(conditions(asked)), "goto": draw(st.sampled_from(later))}
                 for _ in range(draw(st.integers(0, 2)))]
        pages[f"p{number}"] = {"title": draw(st.sampled_from(["Your details", "toString", "__proto__"])),
                               "questions": page_questions, "next": rules + [{"goto": later[0]}]}
    pages["check"] = {"layout": "check-answers", "title": "Check your answers", "next": "done"}
    pages["done"] = {"layout": "confirmation", "title": "Sent"}
    forms = []
    for _ in range(count + 1):
        form = {}
        for question in asked:
            if draw(st.integers(0, 9)) == 0:
                continue  # not sent at all
            choices = st.one_of(st.sampled_from(values_of(question) or ["Red"]), words)
            form[question["name"]] = (draw(st.lists(choices, max_size=3)) if question["type"] == "checkboxes"
                                      else [draw(choices)])
        forms.append(form)
    return {"title": "Fuzz", "pages": pages}, forms


def in_python(flow, forms) -> dict:
    """What the live server does with the forms: errors, answers kept and the next page each time, then check your answers."""
    answers, page_id, pages = {}, flow.first.id, []
    for form in forms:
        page = flow.pages.get(page_id)
        if page is None or page.layout == "check-answers":
            break
        submission = read_page(page, MultiDict([(k, v) for k, values in form.items() for v in values]), None, answers, TODAY)
        errors = [[error.field, error.message] for error in submission.errors]
        if not errors:
            answers = store(flow, answers, Step(page_id), submission)
        following = page_id if errors else next_page_id(page, answers)
        pages.append({"page": page_id, "errors": errors, "answers": json.loads(json.dumps(answers)), "next": following})
        page_id = following
    check = next(page for page in flow.pages.values() if page.layout == "check-answers")
    rows = [[str(escape(row["key"]["text"])), str(row["value"]["html"])] for row in all_rows(answer_groups(flow, check, answers))]
    return {"pages": pages, "rows": rows}


@pytest.fixture(scope="module")
def browser_half():
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript tests (see the README)"
    process = subprocess.Popen([node, str(ROOT / "tests/js/fuzz_worker.mjs")], cwd=ROOT, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def evaluate(case: dict) -> dict:
        process.stdin.write(json.dumps(case) + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    yield evaluate
    process.stdin.close()
    process.wait(timeout=10)


@settings(max_examples=CASES, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(cases())
def test_python_and_the_frozen_sites_javascript_agree_on_every_generated_flow(browser_half, case):
    data, forms = case
    flow, problems = read_flow(YamlDocument("pages/fuzz.yaml", data), "fuzz", Path("pages/fuzz.yaml"), [], [])
    assume(not problems)
    expected = in_python(flow, forms)
    found = browser_half({"flow": flow_json(flow), "forms": forms, "today": TODAY.isoformat()})
    assert "crashed" not in found, found.get("crashed")
    assert found == expected
