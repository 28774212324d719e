"""A `when:` condition in words, for a journey map's arrows: {items: Something else} -> 'items is Something else'."""

from __future__ import annotations

from journeys.flows.conditions import as_text

NUMBER_WORDS = {"less_than": "less than", "more_than": "more than", "at_least": "at least", "at_most": "at most"}


def in_words(condition) -> str:
    """The condition as a person would say it; every entry must hold, so they join with 'and'."""
    if not isinstance(condition, dict):
        return as_text(condition)
    return " and ".join(_entry(key, value) for key, value in condition.items())


def _entry(key: str, value) -> str:
    if key in ("all", "any") and isinstance(value, list):
        parts = [in_words(item) for item in value]
        joined = (" and " if key == "all" else " or ").join(parts)
        return f"({joined})" if len(parts) > 1 else joined
    if key == "not":
        return f"not ({in_words(value)})"
    if isinstance(value, dict):
        return " and ".join(_test(key, test, expected) for test, expected in value.items())
    return f"{key} is {_values(value, 'or')}"


def _test(name: str, test: str, expected) -> str:
    if test == "is":
        return f"{name} is {_values(expected, 'or')}"
    if test == "not":
        return f"{name} is not {_values(expected, 'or')}"
    if test == "includes":
        return f"{name} includes {_values(expected, 'and')}"
    if test == "answered":
        return f"{name} is {'' if expected is True else 'not '}answered"
    if test == "count" and isinstance(expected, dict):
        return " and ".join(f"{name} has {NUMBER_WORDS.get(t, t)} {as_text(limit)}" for t, limit in expected.items())
    return f"{name} is {NUMBER_WORDS.get(test, test)} {as_text(expected)}"


def _values(value, joiner: str) -> str:
    if not isinstance(value, list):
        return as_text(value)
    words = [as_text(item) for item in value]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {joiner} " + words[-1]
