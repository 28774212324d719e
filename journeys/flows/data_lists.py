"""Lists of options in data/: one per line, or 'text:' with 'hint:'; a question names one as its options."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from journeys.flows.loader import read_option_list
from journeys.flows.model import Option
from journeys.problems import ContentError, Problem
from journeys.yaml_files import read_yaml


@dataclass(frozen=True)
class DataList:
    """One data/ list: its options, or the problems that stop it being read."""

    name: str
    file: str
    options: list[Option] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_data_list(path: Path, file: str) -> DataList:
    """The list in `path`; `file` is how messages name it."""
    try:
        document = read_yaml(path, file)
    except ContentError as error:
        return DataList(path.stem, file, problems=error.problems)
    if not isinstance(document.data, list):
        return DataList(path.stem, file, problems=[Problem(
            file, 1, "this list should have one option per line, each starting with '- '",
            "For example:\n- England\n- Scotland\n- Wales")])
    options, problems = read_option_list(document)
    return DataList(path.stem, file, options, problems)
