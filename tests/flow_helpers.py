"""Building flows from plain data in tests, without writing files."""

from pathlib import Path

from journeys.flows.loader import read_flow
from journeys.yaml_files import YamlDocument


def question_from(data: dict):
    """The Question a question's YAML mapping becomes, on a page of its own."""
    document = YamlDocument("pages/test.yaml", {
        "title": "Test service",
        "pages": {"ask": {"title": "The question", "questions": [data], "next": "done"},
                  "done": {"layout": "confirmation", "title": "Done"}},
    })
    flow, problems = read_flow(document, "test", Path("pages/test.yaml"), [], [])
    assert problems == [], problems
    return flow.pages["ask"].questions[0]
