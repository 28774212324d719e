"""Answers written into content and flow titles: `{{ answer("email") }}`, marked for whoever knows the answers to fill in.

A mark is `<span data-journeys-answer="email"></span>`: the server fills it for a person, the
published site's script in the browser, each escaping the answer.
"""

from __future__ import annotations

import re
from typing import Callable

from markdown.inlinepatterns import InlineProcessor
from markupsafe import Markup, escape

ANSWER = re.compile(r"""\{\{\s*answer\(\s*(["'])([^"'\n]+?)\1\s*\)\s*\}\}""")
_BRACES = re.compile(r"\{\{(.*?)\}\}")
_CODE = re.compile(r"(`+).*?\1")  # an inline code span shows what it holds as it is
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_NAME_IN = re.compile(r"""data\s*(?:\[\s*["']([^"']+)["']\s*\]|\.\s*([\w-]+)|\.get\(\s*["']([^"']+)["'])""")


def answer_mark(name: str) -> Markup:
    return Markup('<span data-journeys-answer="{}"></span>').format(name)


def has_answers(text: str) -> bool:
    return "{{" in text and ANSWER.search(text) is not None


def marked(text: str) -> Markup:
    """Plain text (a flow page's title) as HTML, each answer in it a mark."""
    parts, done = [], 0
    for match in ANSWER.finditer(text):
        parts += [escape(text[done:match.start()]), answer_mark(match.group(2))]
        done = match.end()
    return Markup("").join([*parts, escape(text[done:])])


def plain(text: str, answer_text: Callable[[str], str]) -> str:
    """Plain text with each answer in it replaced by `answer_text(name)` (a browser tab's title)."""
    return ANSWER.sub(lambda match: answer_text(match.group(2)), text)


def brace_problems(text: str, first_line: int) -> list[tuple[int, str, str]]:
    """(line, message, fix) for each `{{ ... }}` that is not an answer, outside code, in a text starting on `first_line`."""
    found, fence = [], ""
    for number, line in enumerate(text.split("\n"), start=first_line):
        opening = _FENCE.match(line)
        if fence:
            fence = "" if opening and opening.group(1)[0] == fence[0] else fence
            continue
        if opening:
            fence = opening.group(1)
            continue
        for braces in _BRACES.finditer(_CODE.sub("", line)):
            if not ANSWER.fullmatch(braces.group(0)):
                name = _NAME_IN.search(braces.group(1))
                written = next(filter(None, name.groups())) if name else "email"
                found.append((number, "only an answer can go between {{ and }} in a flow's text or a Markdown page",
                               f'Write it as {{{{ answer("{written}") }}}}.'))
    return found


class AnswerMarks(InlineProcessor):
    """`{{ answer("email") }}` in Markdown: a mark, kept as it is (Markdown leaves the answer's name alone)."""

    def __init__(self, md):
        super().__init__(ANSWER.pattern, md)

    def handleMatch(self, match, data):
        return self.md.htmlStash.store(answer_mark(match.group(2))), match.start(0), match.end(0)
