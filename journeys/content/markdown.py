"""Content: Markdown with GOV.UK styles and `!!!` GOV.UK components, for .md pages and flow pages.

    render_content(text, "pages/apply.yaml", 12)   # the text starts on line 12 of its file

Every problem in the text is found before anything renders (see component_checks). Then
python-markdown reads it: a block processor turns each `!!!` block into an element holding its
parsed body, and after inline Markdown and GOV.UK classes, a tree processor replaces each one,
innermost first, with its GOV.UK macro's HTML, kept in Markdown's HTML stash so nothing changes it.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as etree
from collections import Counter

import markdown
from jinja2 import Environment
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from journeys.content.answer_marks import AnswerMarks, brace_problems
from journeys.content.checks import find_problems
from journeys.content.govuk_classes import MARKDOWN_EXTENSIONS, GovukMarkdown
from journeys.content.macro_calls import Component, render_component
from journeys.content.syntax import HEADER, ROWS, TEXT, parse_header
from journeys.problems import ContentError, Problem
from journeys.rendering.environment import govuk_environment


def check_content(text: str, file: str, first_line: int) -> list[Problem]:
    """Every problem in the text's components and answers; `first_line` is where the text starts in `file`."""
    text = _normalise(text)
    return find_problems(text, file, first_line) + [Problem(file, *found) for found in brace_problems(text, first_line)]


def render_content(text: str, file: str, first_line: int, environment: Environment | None = None) -> Markup:
    """The text as GOV.UK HTML; raises ContentError with every problem.

    The macros come from `environment` (the app's, which keeps their HTML), by default an
    environment with the GOV.UK macros alone.
    """
    problems = check_content(text, file, first_line)
    text = _normalise(text)
    if problems:
        raise ContentError(problems)
    md, extension = _markdown()
    if environment is None:
        environment = govuk_environment()
    extension.macros = environment.globals
    try:
        return Markup(md.convert(text))
    finally:
        md.reset()


def _normalise(text: str) -> str:
    # Line numbers count as python-markdown does, which reads '\r\n' and '\r' as one line break.
    return text.replace("\r\n", "\n").replace("\r", "\n")


_local = threading.local()


def _markdown() -> tuple[markdown.Markdown, ContentComponents]:
    """This thread's Markdown reader, made once: making one costs half as much as reading a short page."""
    if not hasattr(_local, "md"):
        extension = ContentComponents()
        _local.md = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, GovukMarkdown(), extension])
        _local.extension = extension
    return _local.md, _local.extension


class ContentComponents(Extension):
    """The `!!!` GOV.UK components, rendered by the macros in `self.macros`."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.macros = {}
        self.found: dict[etree.Element, Component] = {}  # in the order they were found
        self.counts: Counter[str] = Counter()

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        # Before indented code (80), which the indented lines under a `!!!` line would otherwise be.
        md.parser.blockprocessors.register(_ComponentBlocks(md.parser, self), "govuk_components", 105)
        # After code spans (190), before everything else inline: an answer's name stays as written.
        md.inlinePatterns.register(AnswerMarks(md), "journeys_answers", 185)
        # After inline Markdown (20) and the GOV.UK classes (0): bodies are finished HTML by then.
        md.treeprocessors.register(_RenderComponents(md, self), "govuk_component_macros", -10)

    def reset(self) -> None:
        self.macros = {}
        self.found = {}
        self.counts = Counter()


class _ComponentBlocks(BlockProcessor):
    """A `!!!` line and the indented lines under it become an element standing for the component."""

    def __init__(self, parser, extension: ContentComponents):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        match = HEADER.search(block)
        if match:
            header, issues = parse_header(match.group(1))
            return not issues  # the checks reported it; anything else stays text
        return self._continued(parent, block) is not None

    def _continued(self, parent: etree.Element, block: str) -> etree.Element | None:
        """The component that an indented block after an empty line goes on."""
        last = self.lastChild(parent)
        if last is not None and last in self.extension.found and block.startswith(" " * self.tab_length):
            return last
        return None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = HEADER.search(block)
        if match:
            if match.start():
                self.parser.parseBlocks(parent, [block[:match.start()]])
            header, _ = parse_header(match.group(1))
            element = etree.SubElement(parent, "div")
            self.extension.counts[header.component] += 1
            number = self.extension.counts[header.component]
            component = self.extension.found[element] = Component(header, element, number=number)
            body, rest = self.detab(block[match.end() + 1:])
        else:
            element = self._continued(parent, block)
            component = self.extension.found[element]
            body, rest = self.detab(block)
            component.lines.append("")
        if component.header.spec.body in (TEXT, ROWS):
            component.lines += body.split("\n")
        elif body:
            if component.header.component == "panel":
                body = body.replace("\n", "  \n")  # each line of a panel shows on a line of its own
            self.parser.parseChunk(element, body)
        if rest:
            blocks.insert(0, rest)


class _RenderComponents(Treeprocessor):
    """Each component's element becomes its macro's HTML, innermost components first."""

    def __init__(self, md, extension: ContentComponents):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        # A component inside another was found after it, so going backwards renders it first.
        for element, component in reversed(list(self.extension.found.items())):
            html = render_component(component, self.extension.macros, self.inner_html)
            tail = element.tail
            element.clear()
            element.tag, element.text, element.tail = None, self.md.htmlStash.store(html.strip()), tail

    def inner_html(self, element: etree.Element) -> Markup:
        """The HTML inside `element`, as Markdown would write it."""
        tag, tail = element.tag, element.tail
        element.tag, element.tail = None, None  # serialised without its own tag
        try:
            return Markup(self.md.serializer(element))
        finally:
            element.tag, element.tail = tag, tail

