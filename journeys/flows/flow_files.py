"""A flow file in pages/ read into a checked Flow, served at /<file name>/<page id>."""

from __future__ import annotations

import re
from pathlib import Path

from journeys.flows.checks import check_flow
from journeys.flows.condition_checks import condition_problems
from journeys.flows.data_lists import DataList
from journeys.flows.loader import read_flow
from journeys.flows.model import Flow
from journeys.problems import Problem
from journeys.yaml_files import read_yaml

FLOW_TYPES = (".yaml", ".yml")
ADDRESS_PART = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # as page ids: an address needs no escaping


def slug_of(name: str) -> str:
    """A flow's address from its file's name under pages/: 'licences/fishing.yaml' -> 'licences/fishing'."""
    return name.rsplit(".", 1)[0]


def read_flow_file(path: Path, file: str, slug: str, lists: dict[str, DataList],
                   layouts: list[str]) -> tuple[Flow | None, list[Problem]]:
    """The flow in `path` and every problem in it, checked against the data lists and layouts.

    A file that is not YAML at all raises ContentError.
    """
    flow, problems = read_flow(read_yaml(path, file), slug, path, list(lists), layouts)
    problems += _name_problems(file, slug)
    if flow is not None:
        problems += check_flow(flow)
        for question in flow.questions():
            if question.options_list in lists:
                listed = lists[question.options_list]
                question.options = listed.options
                problems += listed.problems
        # Once the options of data/ lists are in: conditions are checked against every option.
        questions = {question.name: question for question in flow.questions()}
        for page in flow.pages.values():
            for rule in page.next:
                problems += condition_problems(rule.when or {}, questions, file, rule.line)
    return flow, problems


def _name_problems(file: str, slug: str) -> list[Problem]:
    """A file name with spaces or capitals makes an address that browsers escape: /Dog%20Licence."""
    if all(ADDRESS_PART.match(part) for part in slug.split("/")):
        return []
    suggested = "/".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") or "flow" for part in slug.split("/"))
    return [Problem(file, 1, f"the file's name is the flow's address, /{slug}, which should have only lowercase "
                             "letters, numbers and hyphens", f"Rename the file to pages/{suggested}{Path(file).suffix}.")]


def flow_urls(flow: Flow) -> list[str]:
    """Every page's address, and each list's remove-an-item page."""
    return [flow.url(page_id) for page_id in flow.pages] + [flow.remove_url(page.id) for page in flow.lists()]
