"""Every validation rule, from the vectors the frozen site's JavaScript also runs."""

import datetime
import io
import json

import pytest
from conftest import ROOT
from flow_helpers import question_from
from werkzeug.datastructures import FileStorage, MultiDict

from journeys.flows.validation import Submission, read_question

VECTORS = json.loads((ROOT / "tests/vectors/validation.json").read_text())
TODAY = datetime.date.fromisoformat(VECTORS["today"])


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[case["name"] for case in VECTORS["cases"]])
def test_validation(case):
    question = question_from(case["question"])
    form, files = MultiDict(), MultiDict()
    for name, value in case["form"].items():
        if question.type == "file":
            files.add(name, FileStorage(io.BytesIO(b"..."), filename=value))
        else:
            for item in value if isinstance(value, list) else [value]:
                form.add(name, item)
    submission = Submission()
    read_question(question, form, files, {}, submission, TODAY)
    assert submission.answers[question.name] == case["answer"]
    # The questions revealed under the options chosen, and those whose answers are dropped.
    assert {name: value for name, value in submission.answers.items() if name != question.name} == case.get("reveals", {})
    assert submission.dropped == case.get("dropped", [])
    assert [error.message for error in submission.errors] == case["errors"]


def test_the_vectors_cover_every_question_type():
    from journeys.flows.question_types import TYPES

    covered = {case["question"].get("type", "text") for case in VECTORS["cases"]}
    assert covered == set(TYPES)
