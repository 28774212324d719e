"""The usual mistakes in a YAML file, in plain words at the line to fix.

PyYAML says `expected <block end>, but found '<block mapping start>'`, often on the line after
the mistake. Its marks say where it stopped; the lines around them show what the designer
meant: a key indented a space too far or too little, a list's dashes out of line, a missing
colon or space, text that YAML reads as something else. Anything else keeps PyYAML's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `key:` at the start of a line, after any list dashes: the key, where it starts and its colon.
_KEY = re.compile(r"^( *)((?:- +)*)([^\s#'\"\[\]{}:,&*!|>@`%-][^:#]*?|\"[^\"]*\"|'[^']*')[ \t]*:(?=\s|$)")
# What a value starting with each of these means to YAML, when the designer meant text.
_STARTS = {"*": "an alias (a copy of something marked with &)", "&": "an anchor (a name for what follows)",
           "@": "a character reserved for later versions of YAML", "`": "a character reserved for later versions of YAML",
           "%": "a directive"}


@dataclass
class Line:
    """One line of the file, as far as indenting goes."""

    number: int  # from 1
    text: str
    indent: int  # where its first character is
    key: str | None = None
    key_column: int = 0  # where the key starts (after a list's dash)
    colon: int = 0  # where the key's colon is
    dash: bool = False  # it starts a list item


def read_line(number: int, text: str) -> Line:
    indent = len(text) - len(text.lstrip(" "))
    found = _KEY.match(text)
    line = Line(number, text, indent, dash=text.lstrip(" ").startswith("- ") or text.strip() == "-")
    if found:
        line.key = found.group(3).strip("'\"")
        line.key_column = len(found.group(1)) + len(found.group(2))
        line.colon = found.end() - 1
    return line


def explain(text: str, line_index: int, column: int) -> tuple[int, str, str] | None:
    """(line, message, fix) for the mistake PyYAML stopped at (`line_index` from 0, `column`), or None."""
    lines = text.split("\n")
    if line_index >= len(lines) or "\t" in text:
        return None
    here = read_line(line_index + 1, lines[line_index])
    above = _above(lines, line_index)
    return (_starts_oddly(here, column) or _colon_in_text(here, column) or _key_not_allowed(here, column, above)
            or _out_of_line(here, column, above))


def _above(lines: list[str], index: int) -> list[Line]:
    """The lines above `index` that hold something, nearest first."""
    found = []
    for number in range(index - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            found.append(read_line(number + 1, lines[number]))
    return found


def _value(line: Line) -> str:
    return line.text[line.colon + 1:].strip()


def _quoted(line: Line) -> str:
    value = _value(line).replace('"', '\\"')
    return f'{line.key}: "{value}"'


def _starts_oddly(here: Line, column: int):
    if here.key is None or column <= here.colon or not _value(here)[:1] in _STARTS:
        return None
    sign = _value(here)[0]
    return (here.number, f"the text after '{here.key}:' starts with '{sign}', which YAML reads as {_STARTS[sign]}",
            f"Put the text in quotes:  {_quoted(here)}")


def _colon_in_text(here: Line, column: int):
    value = _value(here)
    if here.key is None or column <= here.colon or value[:1] in "\"'[{|>" or ": " not in value + " ":
        return None
    return (here.number, f"the text after '{here.key}:' has a colon and a space in it, which YAML reads as another key",
            f"Put the text in quotes:  {_quoted(here)}")


def _key_not_allowed(here: Line, column: int, above: list[Line]):
    """PyYAML stopped at this line's own colon: the line above it explains why."""
    if here.key is None or column != here.colon or not above:
        return None
    previous = above[0]
    if previous.key is None and not previous.dash and previous.indent == here.indent:
        words = previous.text.strip()
        if re.match(r"^[^\s:]+:\S", words):
            return (previous.number, f"line {previous.number} needs a space after its ':'",
                    "YAML needs a space between a name and its value:  " + words.replace(":", ": ", 1))
        name, _, rest = words.partition(" ")
        return (previous.number, f"line {previous.number} has no ':' after its name",
                f"Write it as 'name: value', like:  {name}: {rest}".rstrip())
    if previous.key is not None and _value(previous) and here.key_column > previous.key_column:
        return (here.number, f"'{here.key}:' on line {here.number} is more indented than '{previous.key}:' on line "
                f"{previous.number} above it", f"Line it up with '{previous.key}:', {_spaces(previous.key_column)} "
                "(only a name with nothing after its ':' can have lines indented under it).")
    return None


def _out_of_line(here: Line, column: int, above: list[Line]):
    """This line's indent matches nothing above it that it could belong with."""
    if column > here.indent + 2 or not above:
        return None
    if here.dash:
        sibling = next((line for line in above if line.dash and line.indent != here.indent
                        and abs(line.indent - here.indent) <= 4), None)
        if sibling is None or any(line.indent < min(sibling.indent, here.indent) for line in above[:above.index(sibling)]):
            return None
        return (here.number, f"the '-' on line {here.number} is not lined up with the '-' on line {sibling.number} above it",
                f"Indent it {sibling.indent} spaces, as on line {sibling.number}: every item of a list starts in line.")
    if here.key is None:
        return None
    levels, lowest = [], None  # the keys this line could line up with: the nearest, then each parent
    for line in above:
        if line.key is not None and (lowest is None or line.key_column < lowest):
            levels.append(line)
            lowest = line.key_column
    if not levels or any(line.key_column == here.key_column for line in levels) or here.key_column > levels[0].key_column:
        return None
    deeper = next(line for line in reversed(levels) if line.key_column > here.key_column)
    shallower = next((line for line in levels if line.key_column < here.key_column), None)
    other = (f"; or {_spaces(shallower.key_column)}, like '{shallower.key}:' on line {shallower.number}, if it "
             "belongs there" if shallower else "")
    return (here.number, f"'{here.key}:' on line {here.number} does not line up with the lines above it",
            f"Indent it {_spaces(deeper.key_column)}, like '{deeper.key}:' on line {deeper.number}, to keep it "
            f"with them{other}.")


def _spaces(count: int) -> str:
    return f"{count} spaces in" if count else "at the start of its line"
