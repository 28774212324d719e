"""A flow file in pages/ read into a checked Flow, served at /<file name>/<page id>."""

from __future__ import annotations

from pathlib import Path

from journeys.flows.checks import check_flow
from journeys.flows.data_lists import DataList
from journeys.flows.loader import read_flow
from journeys.flows.model import Flow
from journeys.problems import Problem
from journeys.yaml_files import read_yaml

FLOW_TYPES = (".yaml", ".yml")


def slug_of(name: str) -> str:
    """A flow's address from its file's name under pages/: 'licences/fishing.yaml' -> 'licences/fishing'."""
    return name.rsplit(".", 1)[0]


def read_flow_file(path: Path, file: str, slug: str, lists: dict[str, DataList],
                   layouts: list[str]) -> tuple[Flow | None, list[Problem]]:
    """The flow in `path` and every problem in it, checked against the data lists and layouts.

    A file that is not YAML at all raises ContentError.
    """
    flow, problems = read_flow(read_yaml(path, file), slug, path, list(lists), layouts)
    if flow is not None:
        problems += check_flow(flow)
        for question in flow.questions():
            if question.options_list in lists:
                listed = lists[question.options_list]
                question.options = listed.options
                problems += listed.problems
    return flow, problems


def flow_urls(flow: Flow) -> list[str]:
    """Every page's address, and each list's remove-an-item page."""
    return [flow.url(page_id) for page_id in flow.pages] + [flow.remove_url(page.id) for page in flow.lists()]
