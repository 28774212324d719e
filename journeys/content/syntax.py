"""The `!!!` lines that put GOV.UK components in Markdown, and every mistake a text makes with them.

    !!! details "What we cannot collect"
        - paint and chemicals

A component is a `!!!` line (its name, at most one word from a fixed list, at most one "quoted
text") and the lines under it, indented by 4 spaces: Markdown, plain text, `Key: Value` rows or
a table, depending on the component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journeys.content.when_blocks import EXAMPLE as WHEN_EXAMPLE
from journeys.content.when_blocks import read_condition
from journeys.problems import did_you_mean

INDENT = 4
# What a component's indented lines are.
MARKDOWN, PARAGRAPH, TEXT, ROWS, TABLE = "markdown", "paragraph", "text", "rows", "table"

# GOV.UK Frontend 6's tag colours; blue is the tag's own colour.
TAG_COLOURS = ("grey", "green", "teal", "blue", "purple", "magenta", "red", "orange", "yellow")
OLD_TAG_COLOURS = {"turquoise": "teal", "pink": "magenta"}  # their names before GOV.UK Frontend 6


@dataclass(frozen=True)
class Spec:
    """What one component takes after `!!!`, and what its indented lines are."""

    body: str
    example: str
    quoted: str = ""  # what its quoted text is, when it takes one
    quoted_required: bool = False
    words: tuple[str, ...] = ()  # it takes at most one of these
    word_kind: str = "option"
    needs_body: bool = True
    quoted_or_body: bool = False  # the quoted text alone is enough
    holds_components: bool = False


SPECS = {
    "inset": Spec(MARKDOWN, "!!! inset", holds_components=True),
    "warning": Spec(PARAGRAPH, "!!! warning"),
    "details": Spec(MARKDOWN, '!!! details "What we cannot collect"', quoted="the summary",
                    quoted_required=True, holds_components=True),
    "notification": Spec(MARKDOWN, '!!! notification "Collections are delayed this week"', quoted="the heading",
                         words=("success",), word_kind="notification type", quoted_or_body=True,
                         holds_components=True),
    "panel": Spec(MARKDOWN, '!!! panel "Booking complete"', quoted="the title", quoted_required=True,
                  needs_body=False),
    "tag": Spec(TEXT, "!!! tag green", words=TAG_COLOURS + tuple(OLD_TAG_COLOURS), word_kind="tag colour"),
    "summary-list": Spec(ROWS, "!!! summary-list"),
    "button": Spec(TEXT, '!!! button "/bulky-waste/start"', quoted="the link", quoted_required=True,
                   words=("secondary", "warning"), word_kind="button style"),
    "start-button": Spec(TEXT, '!!! start-button "/bulky-waste/start"', quoted="the link",
                         quoted_required=True, needs_body=False),
    "table": Spec(TABLE, '!!! table "Collection charges"', quoted="the caption", words=("row-headers",),
                  word_kind="table option"),
    # Not a GOV.UK component: its text is shown only when the condition after it holds.
    "when": Spec(MARKDOWN, WHEN_EXAMPLE, holds_components=True),
}
# The GOV.UK Design System's own names work too.
ALIASES = {"inset-text": "inset", "warning-text": "warning", "notification-banner": "notification"}
# The GOV.UK components, as messages list them: `when` is not one, and says so in its own messages.
COMPONENTS = ", ".join(name for name in SPECS if name != "when")
_holders = [name for name, spec in SPECS.items() if spec.holds_components and name != "when"]
HOLDERS = ", ".join(_holders[:-1]) + " and " + _holders[-1]

HEADER = re.compile(r"(?:^|\n)!!!([^\n]*)")
TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)("?)|(\S+)')
DASHES = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")


@dataclass(frozen=True)
class Header:
    """A `!!!` line, read: the component's name as written, its spec, its word and quoted text."""

    name: str
    spec: Spec | None
    word: str | None = None
    quoted: str | None = None
    condition: dict | None = None  # a `when` block's

    @property
    def component(self) -> str:
        """The component's own name, when the line used the Design System's ('inset-text')."""
        return ALIASES.get(self.name, self.name)


def parse_header(rest: str) -> tuple[Header | None, list[tuple[str, str]]]:
    """What follows `!!!` on a line, read; with (message, fix) for each mistake in it."""
    tokens = list(TOKEN.finditer(rest))
    if not tokens or tokens[0].group(3) is None:
        return None, [("'!!!' should be followed by the name of a component",
                       "For example:  !!! inset. Components are: " + COMPONENTS + ".")]
    name = tokens[0].group(3).lower()
    if name == "when":
        condition, issues = read_condition(rest[tokens[0].end():])
        return Header(name, SPECS[name], condition=condition), issues
    spec = SPECS.get(ALIASES.get(name, name))
    if spec is None:
        return Header(name, None), [(f"there is no component called '{name}'",
                                     did_you_mean(name, [*SPECS, *ALIASES]) or "Components are: " + COMPONENTS + ".")]
    words = [t.group(3) for t in tokens[1:] if t.group(3) is not None]
    quoted = [t for t in tokens[1:] if t.group(3) is None]
    issues = []
    if any(not t.group(2) for t in quoted):
        issues.append(("the quoted text has no closing double quote", 'Add " at the end of the text.'))
    texts = [re.sub(r"\\(.)", r"\1", t.group(1)) for t in quoted]
    known = [w.lower() for w in words if w.lower() in spec.words]
    unknown = [w for w in words if w.lower() not in spec.words]
    if unknown and spec.quoted and not texts and not any(did_you_mean(w.lower(), spec.words) for w in unknown):
        written = " ".join([name, *known, '"' + " ".join(unknown) + '"'])
        issues.append((f"'!!! {name}' needs {spec.quoted} in double quotes", f"Write:  !!! {written}"))
    else:
        issues += [_unknown_word(name, spec, word) for word in unknown]
        if spec.quoted_required and not texts:
            issues.append((f"'!!! {name}' needs {spec.quoted} in double quotes", f"For example:  {spec.example}"))
    if len(known) > 1:
        issues.append((f"'!!! {name}' takes only one {spec.word_kind}", f"For example:  {spec.example}"))
    if texts and not spec.quoted:
        fix = f"Write it without quotes:  !!! {name} {texts[0]}" if texts[0].lower() in spec.words else f"For example:  {spec.example}"
        issues.append((f"'!!! {name}' takes no quoted text", fix))
    elif len(texts) > 1:
        issues.append((f"'!!! {name}' takes only one quoted text ({spec.quoted})", f"For example:  {spec.example}"))
    return Header(name, spec, known[0] if known else None, texts[0] if texts else None), issues


def _unknown_word(name: str, spec: Spec, word: str) -> tuple[str, str]:
    if not spec.words:
        return f"'!!! {name}' takes nothing after its name", f"Remove '{word}'."
    listed = [w for w in spec.words if w not in OLD_TAG_COLOURS]
    fix = did_you_mean(word.lower(), spec.words) or f"Use one of: {', '.join(listed)}."
    if spec.quoted:
        fix += f" If it is {spec.quoted}, put it in double quotes:  {spec.example}"
    return f"there is no {spec.word_kind} called '{word}'", fix


def split_row(line: str) -> tuple[str, str] | None:
    """A summary list line's key and value, or None when it is not `Key: Value`."""
    key, colon, value = line.partition(":")
    return (key.strip(), value.strip()) if colon and key.strip() else None


def is_dashes(line: str) -> bool:
    """Whether a line is a Markdown table's line of dashes, like `| --- | :---: |`."""
    return bool(DASHES.match(line.strip()))
