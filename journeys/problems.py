"""Problems in a prototype's content, reported with file and line, all together."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


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
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} found:"
        return "\n".join([heading, *(str(p) for p in self.problems)])


def did_you_mean(word: str, choices) -> str:
    """A suggestion for a misspelt name, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
