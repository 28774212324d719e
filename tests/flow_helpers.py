"""Building flows from plain data in tests, without writing files."""

from pathlib import Path

from journeys.flows.loader import read_flow
from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.yaml_files import YamlDocument


def load_flow(project_dir: Path, slug: str):
    """The flow pages/<slug>.yaml of the prototype in `project_dir`; ContentError with its problems if it has any."""
    flow, _ = read_prototype(Project.at(project_dir)).flow_page(slug)
    return flow


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
