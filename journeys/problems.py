"""Problems in a prototype's content, reported with file and line, all together."""

from __future__ import annotations

import difflib
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateNotFound, TemplateSyntaxError

if TYPE_CHECKING:
    from journeys.project import Project


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: where, what, and how to fix it."""

    file: str
    line: int | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text}\n    {self.fix}" if self.fix else text


class ContentError(Exception):
    """Raised with every problem found, so a designer sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join([f"{plural(len(self.problems), 'problem')} found:", *(str(p) for p in self.problems)])


def sort_problems(problems) -> list[Problem]:
    """Each problem once, by file, then line."""
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


def plural(count: int, word: str) -> str:
    """'1 problem', '3 problems'."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def did_you_mean(word: str, choices) -> str:
    """A suggestion for a misspelt name, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def syntax_problem(error: TemplateSyntaxError, name: str) -> Problem:
    """A Jinja syntax error in the designer's file `name`, on its line."""
    return Problem(name, error.lineno, f"Jinja syntax error: {error.message}",
                   "Check the {% %} and {{ }} tags on this line are opened and closed.")


def problems_from(error: Exception, project: Project) -> list[Problem]:
    """The problems behind any exception, pointing at the designer's file where there is one."""
    if isinstance(error, ContentError):
        return error.problems
    if isinstance(error, TemplateSyntaxError):
        name = project.name_of(Path(error.filename)) if error.filename else (error.name or "a template")
        return [syntax_problem(error, name)]
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if project.holds_content(f.filename)]
    if isinstance(error, TemplateNotFound):
        message = f"there is no template or layout called '{error.name}'"
        fix = "Check the name in the extends, include or import tag; layouts live in layouts/."
    else:
        message = f"{type(error).__name__}: {error}"
        fix = "Check the names used on this line: every variable and macro must exist."
    if not frames:
        return [Problem("(Journeys)", None, message, "This looks like a bug in Journeys: please report it.")]
    return [Problem(project.name_of(Path(frames[-1].filename)), frames[-1].lineno, message, fix)]


def read_text(path: Path, name: str) -> str:
    """The file's text; ContentError pointing at the first byte that is not UTF-8. `name` is how messages refer to it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([not_utf8(data, error, name)]) from None


def not_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> Problem:
    """The problem of a file that is not UTF-8: where the first wrong byte is, and how to save it as UTF-8."""
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    column = len(data[line_start:error.start].decode("utf-8", errors="replace")) + 1
    wrong = data[error.start:error.end].hex(" ")
    return Problem(name, line, f"this file is not UTF-8 text: column {column} has the byte {wrong}, which UTF-8 "
                   "does not allow (the file was probably saved as Windows-1252 or Latin-1)",
                   "Save it as UTF-8: in most editors, Save As, then choose the encoding UTF-8. "
                   "Then check the characters on this line (£, quotes and accents) look right.")
