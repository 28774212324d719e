"""Every mistake in a Markdown text's `!!!` components, each with its file and line.

This reads the text line by line, as python-markdown will: a `!!!` line starts a component at
the start of a line, or 4 spaces in under a component that holds others; lines in ``` fences
are code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from journeys.content.syntax import (
    HOLDERS,
    INDENT,
    MARKDOWN,
    PARAGRAPH,
    ROWS,
    TABLE,
    Spec,
    is_dashes,
    parse_header,
    split_row,
)
from journeys.problems import Problem

FENCE = re.compile(r"`{3,}|~{3,}")
ANY = Spec(MARKDOWN, "", needs_body=False, holds_components=True)  # an unknown name: check nothing more


@dataclass
class _Open:
    """A component whose lines are still being read."""

    name: str
    spec: Spec
    line: int
    indent: int
    quoted: str | None
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, text less the indent)
    holds_other: bool = False
    reported: bool = False  # its indenting is already reported

    @property
    def body_indent(self) -> int:
        return self.indent + INDENT

    def has_text(self) -> bool:
        return self.holds_other or any(text.strip() for _, text in self.body)


class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.open: list[_Open] = []

    def problem(self, line: int, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.file, line, message, fix))

    def read(self, text: str, first_line: int) -> list[Problem]:
        fence, blank_before = "", True
        for number, raw in enumerate(text.split("\n"), start=first_line):
            line = raw.expandtabs(INDENT).rstrip()
            indent = len(line) - len(line.lstrip(" "))
            content = line[indent:]
            if fence:
                fence = "" if indent == 0 and content == fence else fence
            elif not line:
                if self.open:
                    self.open[-1].body.append((number, ""))
            else:
                self.close(number, indent, content, blank_before)
                if not self.open and indent == 0 and FENCE.match(content):
                    fence = FENCE.match(content).group()
                elif content.startswith("!!!"):
                    self.header(number, indent, content)
                elif self.open:
                    self.body_line(number, indent, line)
            blank_before = not line
        self.close(None, 0, "", True)
        return self.problems

    def close(self, number: int | None, indent: int, content: str, blank_before: bool) -> None:
        """End every component this line is not indented enough to be part of."""
        closing = []
        while self.open and indent < self.open[-1].body_indent:
            closing.append(self.open.pop())
        if not closing:
            return
        partly = next((c for c in closing if c.indent < indent), None)
        newest = closing[0]
        if number and not blank_before and partly:
            partly.reported = True
            self.problem(number, f"the lines under '!!! {partly.name}' (line {partly.line}) should be indented by "
                                 f"{partly.body_indent} spaces; this one has {indent}",
                         f"Put {partly.body_indent} spaces before it.")
        elif number and not blank_before and indent == newest.indent and not newest.has_text() and not content.startswith("!!!"):
            newest.reported = True
            self.problem(number, f"the text under '!!! {newest.name}' (line {newest.line}) is not indented",
                         f"Put {newest.body_indent} spaces before each line of it.")
        for component in closing:
            self.finish(component)

    def header(self, number: int, indent: int, content: str) -> None:
        container = self.open[-1] if self.open else None
        expected = container.body_indent if container else 0
        if indent != expected and container:
            self.problem(number, f"a '!!!' line inside '!!! {container.name}' (line {container.line}) should be indented "
                                 f"by {expected} spaces; this one has {indent}", f"Put {expected} spaces before '!!!'.")
            return
        if indent != expected:
            self.problem(number, f"'!!!' should be at the start of the line, not indented by {indent} spaces",
                         "Remove the spaces; to put it inside a component, indent it 4 spaces more than that component's '!!!'.")
            return
        if container:
            container.holds_other = True
            if not container.spec.holds_components:
                self.problem(number, f"'!!! {container.name}' (line {container.line}) cannot hold other components",
                             f"Only {HOLDERS} can. To put this after it instead, indent this line like '!!! {container.name}'.")
        header, issues = parse_header(content[3:])
        for message, fix in issues:
            self.problem(number, message, fix)
        name = header.name if header else "!!!"
        spec = header.spec if header and header.spec else ANY
        self.open.append(_Open(name, spec, number, indent, header.quoted if header else None))

    def body_line(self, number: int, indent: int, line: str) -> None:
        component = self.open[-1]
        if component.spec.body in (MARKDOWN, PARAGRAPH) and not component.has_text() and indent >= component.body_indent + INDENT:
            component.reported = True
            self.problem(number, f"the lines under '!!! {component.name}' (line {component.line}) should be indented by "
                                 f"{component.body_indent} spaces; this one has {indent}",
                         f"Put {component.body_indent} spaces before it.")
        component.body.append((number, line[component.body_indent:]))

    def finish(self, component: _Open) -> None:
        """Check a component's lines, now that all of them are read."""
        spec = component.spec
        needs_body = spec.needs_body and not (spec.quoted_or_body and component.quoted)
        if needs_body and not component.has_text() and not component.reported:
            self.problem(component.line, f"'!!! {component.name}' has no text under it",
                         f"Write its text on the next line, indented by {component.body_indent} spaces.")
        lines = component.body
        while lines and not lines[-1][1].strip():
            lines = lines[:-1]
        after_gap = [number for (number, text), (_, before) in zip(lines[1:], lines) if text.strip() and not before.strip()]
        if spec.body == PARAGRAPH and after_gap:
            self.problem(after_gap[0], f"'!!! {component.name}' (line {component.line}) is one paragraph, with no empty lines",
                         "Remove the empty line above this one, or take this text out of the warning.")
        elif spec.body == ROWS:
            self.check_rows([(n, t) for n, t in lines if t.strip()])
        elif spec.body == TABLE:
            self.check_table(component, [(n, t) for n, t in lines if t.strip()], after_gap)

    def check_rows(self, lines: list[tuple[int, str]]) -> None:
        for index, (number, text) in enumerate(lines):
            if text[0] == " " and index:
                continue  # the value goes on over several lines
            if text[0] == " " or split_row(text) is None:
                self.problem(number, "a summary list line should be 'Key: Value'", "For example:  Name: Sarah Philips")

    def check_table(self, component: _Open, lines: list[tuple[int, str]], after_gap: list[int]) -> None:
        if after_gap:
            self.problem(after_gap[0], f"the table under '!!! {component.name}' (line {component.line}) has an empty line between its rows",
                         "Remove the empty line.")
        if lines and (len(lines) < 2 or not is_dashes(lines[1][1])):
            self.problem(lines[1][0] if len(lines) > 1 else lines[0][0],
                         "the second line of a table should be dashes under its headings, like | --- | --- |",
                         "Put a line like  | ----- | ------ |  under the first line, with one '-----' for each column.")


def find_problems(text: str, file: str, first_line: int) -> list[Problem]:
    """Every mistake in the `!!!` components of `text`, which starts on `first_line` of `file`."""
    return _Reader(file).read(text, first_line)

