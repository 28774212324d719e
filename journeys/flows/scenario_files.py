"""Writing a scenario file: a session's answers saved as data/scenarios/<name>.yaml, never over one without asking."""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from journeys.flows.model import Flow

NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
NAME_RULE = "Enter a name of lowercase letters, numbers and hyphens, like fridge-with-reduction"
TITLE_LONGEST = 200


class ScenarioExists(FileExistsError):
    """A scenario of that name is already there: replacing it needs a yes."""


def name_problem(name: str) -> str | None:
    """What is wrong with a scenario's name (it becomes a file name and an address), or None."""
    if not name:
        return "Enter a name for the scenario"
    return None if NAME.match(name) else NAME_RULE


def flow_answers(flow: Flow, answers: dict) -> dict:
    """The answers `flow` asks (its questions and its lists), in the order of its pages."""
    names = [page.id for page in flow.lists()] + [question.name for question in flow.questions()]
    item_questions = {q.name for page in flow.lists() for page_id in page.list.pages
                      for question in flow.pages[page_id].questions for q in (question, *question.revealed)}
    return {name: answers[name] for name in names if name in answers and name not in item_questions}


def scenario_text(title: str, flow: Flow, start: str, answers: dict, description: str = "") -> str:
    """The YAML of a scenario, as a designer would write it by hand."""
    document = {"title": title}
    if description:
        document["description"] = description
    document.update({"flow": flow.slug, "start": start, "answers": flow_answers(flow, answers)})
    header = "# Saved from the answers panel (/_journeys/answers). Edit it as you would any scenario.\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def scenario_path(folder: Path, name: str) -> Path:
    """Where scenario `name` lives: always directly inside `folder` (the name is checked first)."""
    if name_problem(name):
        raise ValueError(name_problem(name))
    return folder / f"{name}.yaml"


def write_scenario(folder: Path, name: str, text: str, replace: bool = False) -> Path:
    """Write the scenario; ScenarioExists when one of that name is there and `replace` is not given."""
    path = scenario_path(folder, name)
    folder.mkdir(parents=True, exist_ok=True)
    if not replace and path.with_suffix(".yml").exists():
        raise ScenarioExists(name)
    if not replace:
        try:
            # Created only if absent, in one step: two saves at once cannot both write it.
            with open(path, "x", encoding="utf-8") as file:
                file.write(text)
            return path
        except FileExistsError as error:
            raise ScenarioExists(name) from error
    staging = path.with_name(f".{name}.{os.getpid()}.tmp")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)  # the watcher never reads a half-written file
    return path
