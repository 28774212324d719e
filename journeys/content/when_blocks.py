"""Content shown only when a condition on the answers holds: written once, shown by the server or the browser.

A block is kept as `<template data-journeys-when="{condition as JSON}">...</template>`: inert
until shown, and allowed anywhere in HTML (in a list, a table, a paragraph). The live server
replaces each with its content or nothing (`shown`); the published site's script does the same
in the browser, with conditions.js, once it has the answers.
"""

from __future__ import annotations

import html
import json
import re

import yaml
from markupsafe import Markup

from journeys.flows.conditions import holds, problems_in

MARK = "data-journeys-when"
_END = "</template><!--/when-->"
# A block with no other block inside it: shown (or not) first, so its outer block sees the result.
_INNERMOST = re.compile(r'<template data-journeys-when="([^"]*)">((?:(?!<template data-journeys-when=).)*?)'
                        + re.escape(_END), re.S)
EXAMPLE = "!!! when {dog-type: Pedigree}"
_HEADER = re.compile(r"^\s*!!!\s*when(?:\s(.*))?$", re.I)


def when_html(condition: dict, inner) -> Markup:
    """`inner` kept for whoever knows the answers to show, or not."""
    return Markup('<template data-journeys-when="{}">{}' + _END).format(json.dumps(condition, default=str), inner)


def shown(text: str, answers: dict) -> Markup:
    """`text` with each block replaced by its content where its condition holds, by nothing where it does not."""
    while MARK in text:
        replaced = _INNERMOST.sub(lambda m: m.group(2) if holds(json.loads(html.unescape(m.group(1))), answers) else "", text)
        if replaced == text:
            break
        text = replaced
    return Markup(text)


def read_condition(text: str) -> tuple[dict | None, list[tuple[str, str]]]:
    """The condition written after `!!! when`, as a flow's `when:` writes it; with (message, fix) for each mistake."""
    if not text.strip():
        return None, [("'!!! when' needs a condition", f"For example:  {EXAMPLE}")]
    try:
        condition = yaml.safe_load(text)
    except yaml.YAMLError:
        return None, [("the condition after '!!! when' cannot be read",
                       f"Write it as a flow's 'when:' is written, in braces:  {EXAMPLE}")]
    issues = [(message, fix or f"For example:  {EXAMPLE}") for _path, message, fix in problems_in(condition)]
    return (None if issues else condition), issues


def conditions_in(text: str, first_line: int) -> list[tuple[int, dict]]:
    """(line, condition) for each `!!! when` block, well written, in a text starting on `first_line`."""
    found = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        header = _HEADER.match(line)
        if header:
            condition, issues = read_condition(header.group(1) or "")
            if not issues:
                found.append((number, condition))
    return found
