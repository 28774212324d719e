"""Reading YAML safely, keeping the line of every key so problems can point at it.

Only PyYAML's SafeLoader constructs values: no tag can make a Python object. The node tree is
built by yaml_reading/composer.py, which refuses nesting and aliases that would exhaust the stack or memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from journeys.problems import ContentError, Problem, read_text
from journeys.yaml_reading.composer import TooMuch, compose
from journeys.yaml_reading.mistakes import explain


@dataclass
class YamlDocument:
    """A parsed YAML file, with the line where each key or list item starts."""

    name: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    text_lines: dict[tuple, int] = field(default_factory=dict)  # where a text value's first line is

    def line(self, *path) -> int:
        """The line of the deepest part of `path` that exists in the file."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


# libyaml's parser, where PyYAML was built with it, is about eight times faster. Its error
# messages are terser, so a file with a mistake is read again by the Python parser to explain it.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, name: str, first_line: int = 1) -> YamlDocument:
    """Parse YAML text safely; every problem raises ContentError with its line.

    `first_line` is where the text starts in its file (front matter starts on line 2).
    """
    try:
        try:
            node, data = _load(text, FAST_LOADER)
        except yaml.YAMLError:
            node, data = _load(text, yaml.SafeLoader)
    except TooMuch as error:
        raise ContentError([Problem(name, error.mark.line + first_line, error.message, error.fix)]) from None
    except yaml.MarkedYAMLError as error:
        raise ContentError([_problem(error, text, name, first_line)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(name, first_line, f"this is not valid YAML: {error}")]) from None
    document = YamlDocument(name, data)
    duplicates: list[Problem] = []
    if node is not None:
        _index(node, (), document, duplicates, name, first_line - 1)
    if duplicates:
        raise ContentError(duplicates)
    return document


def _load(text: str, loader_class):
    """(node tree, data): only SafeLoader's constructors ever run, never a Python object's."""
    loader = loader_class(text)
    try:
        node = compose(loader)
        if node is None:
            return None, None
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def _problem(error: yaml.MarkedYAMLError, text: str, name: str, first_line: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    unclosed = error.context and ("flow" in error.context or "quoted" in error.context)
    if error.context_mark and (unclosed or mark.index >= len(text.rstrip())):
        # A bracket or quote left open is noticed lines later, or at the end of the file:
        # point at where it opened, the line to fix.
        mark = error.context_mark
    line = mark.line + first_line if mark else first_line
    plain = error.problem_mark and not unclosed and explain(text, error.problem_mark.line, error.problem_mark.column)
    if plain:
        line, message, fix = plain
        return Problem(name, line + first_line - 1, message, fix)
    message = " ".join(part for part in (error.context, error.problem) if part)
    return Problem(name, line, f"this is not valid YAML: {message}", _yaml_hint(text, error))


def read_yaml(path: Path, name: str) -> YamlDocument:
    """Read and parse a YAML file; `name` is how messages refer to it."""
    return parse_yaml(read_text(path, name), name)


def _index(node, path, document, duplicates, name, offset) -> None:
    if isinstance(node, yaml.ScalarNode):
        # A block scalar (`content: |`) starts on the line after its indicator.
        block = 1 if node.style in ("|", ">") else 0
        document.text_lines[path] = node.start_mark.line + 1 + block + offset
    elif isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                duplicates.append(Problem(
                    name, line, f"'{key}' appears twice here (first on line {seen[key]})",
                    "Give each one a different name, or remove one of them.",
                ))
            else:
                seen[key] = line
            document.lines[path + (key,)] = line
            _index(value_node, path + (key,), document, duplicates, name, offset)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            document.lines[path + (number,)] = item.start_mark.line + 1 + offset
            _index(item, path + (number,), document, duplicates, name, offset)


def _yaml_hint(text: str, error: yaml.MarkedYAMLError) -> str:
    if "constructor for the tag" in str(error.problem):
        return "Remove the '!' tag: Journeys reads plain YAML text, lists and mappings only."
    if "\t" in text:
        return "YAML does not allow tabs for indenting: use spaces."
    return "Check the indenting and the colons on this line and the one above it."
