"""Answers shared between flows: one name, one kind of answer, or each flow plays back the other's."""

from __future__ import annotations

from journeys.flows.model import Flow
from journeys.problems import Problem


def shared_answer_problems(flows: list[Flow]) -> list[Problem]:
    """A problem in each flow that asks an answer another flow asks as another type."""
    first: dict[str, tuple[Flow, str, int]] = {}  # answer name -> (flow, type, line) where first asked
    problems: list[Problem] = []
    for flow in flows:
        asked = [(q.name, q.type, q.line) for q in flow.questions()]
        asked += [(page.id, "add-another list", page.line) for page in flow.lists()]
        for name, kind, line in asked:
            if name not in first:
                first[name] = (flow, kind, line)
                continue
            other, other_kind, other_line = first[name]
            if other is flow or other_kind == kind:
                continue  # the same flow's own checks, or an answer truly shared
            problems += [_clash(flow, name, kind, line, other, other_kind, other_line),
                         _clash(other, name, other_kind, other_line, flow, kind, line)]
    return problems


def _clash(flow: Flow, name: str, kind: str, line: int, other: Flow, other_kind: str, other_line: int) -> Problem:
    return Problem(flow.file, line, f"'{name}' is {_a(kind)} answer here, but {_a(other_kind)} answer in {other.file} "
                                    f"(line {other_line}): answers are shared by every flow, so each would show the other's",
                   "Give one of them another name, or the same type.")


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind
