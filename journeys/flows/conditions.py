"""Branching conditions: small structured rules, evaluated without eval.

The frozen site runs the same rules in the browser (journeys/static/conditions.js); both run
the cases in tests/vectors/conditions.json. Keep the two in step.

A condition is a mapping; every entry must hold:
  {name: value}          the answer is value (a checkbox answer: that box is ticked)
  {name: [a, b]}         the answer is one of a, b (checkboxes: a or b is ticked)
  {name: {test: ...}}    is, not, includes, answered, less_than, more_than, at_least, at_most, count
  {name: {count: {at_least: 3}}}   how many items a list has (or boxes are ticked), tested as a number
  {all: [c, ...]}        every condition holds
  {any: [c, ...]}        at least one holds
  {not: c}               c does not hold
Values compare as text, so `18` and `"18"` are the same; number tests read the answer as a number.
"""

from __future__ import annotations

import datetime
import math
import re

from journeys.flows.whitespace import SPACE, trim
from journeys.problems import did_you_mean

COMBINATORS = ("all", "any", "not")
TESTS = ("is", "not", "includes", "answered", "less_than", "more_than", "at_least", "at_most", "count")
NUMBER_TESTS = ("less_than", "more_than", "at_least", "at_most")
_NUMBER = re.compile(f"^{SPACE}*[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+){SPACE}*$")  # ASCII digits, as in the browser


def holds(condition: dict, answers: dict) -> bool:
    """Whether `condition` holds for `answers`."""
    return all(_entry(key, value, answers) for key, value in condition.items())


def _entry(key: str, value, answers: dict) -> bool:
    if key == "all":
        return all(holds(c, answers) for c in value)
    if key == "any":
        return any(holds(c, answers) for c in value)
    if key == "not":
        return not holds(value, answers)
    answer = answers.get(key)
    if isinstance(value, dict):
        return all(_test(test, expected, answer) for test, expected in value.items())
    return _is(answer, value)


def _test(test: str, expected, answer) -> bool:
    if test == "is":
        return _is(answer, expected)
    if test == "not":
        return not _is(answer, expected)
    if test == "includes":
        wanted = expected if isinstance(expected, list) else [expected]
        return all(_is(answer, item) for item in wanted)
    if test == "answered":
        return is_answered(answer) == bool(expected)
    if test == "count":
        return all(_test(number_test, limit, count_of(answer)) for number_test, limit in expected.items())
    number = as_number(answer)
    if number is None:
        return False
    limit = float(expected)
    return {
        "less_than": number < limit,
        "more_than": number > limit,
        "at_least": number >= limit,
        "at_most": number <= limit,
    }[test]


def _is(answer, expected) -> bool:
    """The answer is `expected`, or one of a list of them; a list answer is one ticked item."""
    options = expected if isinstance(expected, list) else [expected]
    given = answer if isinstance(answer, list) else [answer]
    wanted = {as_text(option) for option in options}
    # An item of a list (a mapping of its answers) is never equal to a value.
    return any(item is not None and not isinstance(item, dict) and as_text(item) in wanted for item in given)


def as_text(value) -> str:
    """How YAML values compare with answers: as the text a form would send."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def as_number(answer) -> float | None:
    """The answer as a number ('1,200' and ' 7 ' count), or None."""
    if isinstance(answer, bool) or answer is None or isinstance(answer, (list, dict)):
        return None
    if isinstance(answer, (int, float)):
        return float(answer)
    text = str(answer).replace(",", "")
    if not _NUMBER.match(text):
        return None
    number = float(trim(text))
    return number if math.isfinite(number) else None


def is_answered(answer) -> bool:
    """Something was given: not missing, not blank, not an empty list of ticks; a list with an item."""
    if answer is None:
        return False
    if isinstance(answer, str):
        return trim(answer) != ""
    if isinstance(answer, list):
        # An added item counts, even when its questions were optional and left blank.
        return any(isinstance(item, dict) or is_answered(item) for item in answer)
    if isinstance(answer, dict):
        return any(is_answered(item) for item in answer.values())
    return True


def count_of(answer) -> int:
    """How many: the items of a list, the ticked boxes; one for any other answer given."""
    if isinstance(answer, list):
        return len(answer)
    return 1 if is_answered(answer) else 0


def answer_names(condition: dict) -> list[str]:
    """Every answer name a condition reads, for checking that some page asks it."""
    return [name for name, _tests in answer_tests(condition)]


def answer_tests(condition: dict) -> list[tuple[str, list[str]]]:
    """(answer name, the tests on it) for every answer a condition reads; a plain value is 'is'."""
    found = []
    for key, value in condition.items():
        if key in ("all", "any") and isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    found += answer_tests(item)
        elif key == "not" and isinstance(value, dict):
            found += answer_tests(value)
        elif key not in COMBINATORS:
            found.append((key, list(value) if isinstance(value, dict) else ["is"]))
    return found


def problems_in(condition, path: tuple = ()) -> list[tuple[tuple, str, str]]:
    """What is wrong with a condition's shape, as (path, message, fix), before it is ever used."""
    if not isinstance(condition, dict) or not condition:
        return [(path, "a condition should be 'answer name: value' lines",
                 "For example:  when: {licence-length: 12 months}")]
    found = []
    for key, value in condition.items():
        here = path + (key,)
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                found.append((here, f"'{key}' should be a list of conditions",
                              f"For example:  {key}: [{{colour: Red}}, {{size: Large}}]"))
            else:
                for number, item in enumerate(value):
                    found += problems_in(item, here + (number,))
        elif key == "not":
            found += problems_in(value, here)
        elif isinstance(value, dict):
            found += _test_problems(value, here)
        elif isinstance(value, list):
            if not value or not all(_is_value(v) for v in value):
                found.append((here, f"the values for '{key}' should be a list of words or numbers", ""))
        elif not _is_value(value):
            found.append((here, f"the value for '{key}' should be a word or a number", ""))
    return found


def _test_problems(tests: dict, path: tuple) -> list[tuple[tuple, str, str]]:
    found = []
    for test, expected in tests.items():
        here = path + (test,)
        if test not in TESTS:
            found.append((here, f"unknown test '{test}'", did_you_mean(test, TESTS) or "Tests are: " + ", ".join(TESTS)))
        elif test in NUMBER_TESTS and (isinstance(expected, bool) or not isinstance(expected, (int, float))):
            found.append((here, f"'{test}' needs a number", f"For example:  {test}: 18"))
        elif test == "count":
            if not isinstance(expected, dict) or not expected or any(t not in NUMBER_TESTS for t in expected):
                found.append((here, "'count' needs number tests", "For example:  count: {at_least: 3}"))
            else:
                found += [(here + (t,), f"'{t}' needs a number", f"For example:  {t}: 3")
                          for t, limit in expected.items() if isinstance(limit, bool) or not isinstance(limit, (int, float))]
        elif test == "answered" and not isinstance(expected, bool):
            found.append((here, "'answered' needs true or false", "For example:  answered: true"))
        elif test in ("is", "not", "includes") and not (
            _is_value(expected) or (isinstance(expected, list) and expected and all(_is_value(v) for v in expected))
        ):
            found.append((here, f"'{test}' needs a value or a list of values", f"For example:  {test}: [Red, Blue]"))
    return found


def _is_value(value) -> bool:
    return isinstance(value, (str, int, float, bool, datetime.date))
