"""What a condition compares, checked against the questions asked: for flows' `when:` rules and pages' `when` blocks."""

from __future__ import annotations

from typing import Iterator, Mapping

from journeys.flows.conditions import COMBINATORS, as_text
from journeys.flows.model import Question
from journeys.problems import Problem, did_you_mean

VALUE_TESTS = ("is", "not", "includes")
SHOWN_OPTIONS = 8  # a longer list of options is cut short in the fix


def condition_problems(condition, questions: Mapping[str, Question], file: str, line: int) -> list[Problem]:
    """What a well-formed condition gets wrong about the questions it reads: a value no option has, `includes` on one answer."""
    problems = []
    for name, test, expected in comparisons(condition):
        question = questions.get(name)
        if question is None or test not in VALUE_TESTS:
            continue
        values = expected if isinstance(expected, list) else [expected]
        if test == "includes" and question.type != "checkboxes":
            problems.append(Problem(file, line, f"'includes' asks which boxes are ticked, but '{name}' is a "
                                                f"{question.type} answer",
                                    f"Compare it with a value instead, like:  {{{name}: {as_text(values[0])}}}"))
        options = [option.value for option in question.choices]
        for value in values:
            if options and as_text(value) not in options:
                holds = "'not' always holds" if test == "not" else "it never holds"
                problems.append(Problem(file, line, f"the condition compares '{name}' with '{as_text(value)}', which "
                                                    f"is not one of its options, so {holds}",
                                        _closest(as_text(value), options)))
    return problems


def comparisons(condition) -> Iterator[tuple[str, str, object]]:
    """(answer name, test, expected) for every test in a condition; a plain value is the test 'is'."""
    if not isinstance(condition, dict):
        return
    for key, value in condition.items():
        if key in ("all", "any") and isinstance(value, list):
            for item in value:
                yield from comparisons(item)
        elif key == "not":
            yield from comparisons(value)
        elif key not in COMBINATORS:
            if isinstance(value, dict):
                yield from ((key, test, expected) for test, expected in value.items())
            else:
                yield key, "is", value


def _closest(value: str, options: list[str]) -> str:
    same_letters = [option for option in options if option.casefold() == value.casefold()]
    if same_letters:
        return f"did you mean '{same_letters[0]}'?"  # values compare exactly: Red is not red
    shown = ", ".join(options[:SHOWN_OPTIONS]) + (", ..." if len(options) > SHOWN_OPTIONS else "")
    return did_you_mean(value, options) or f"Its options are: {shown}"
