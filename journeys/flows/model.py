"""A journey as Journeys understands it, once its YAML file has been read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from journeys.flows.layouts import Layout, layout_of


@dataclass
class Option:
    text: str
    value: str
    hint: str = ""
    divider: bool = False  # the "or" line between options
    exclusive: bool = False  # a checkbox like "None of these" that unticks the others


@dataclass
class Question:
    name: str
    type: str
    label: str
    line: int
    hint: str = ""
    options: list[Option] = field(default_factory=list)
    options_list: str = ""  # the data/ list the options came from, if any
    required: bool = False
    summary: str = ""  # the row label on check answers
    limits: dict = field(default_factory=dict)  # min_length, max_length, max_words, pattern, min, max, past, future
    messages: dict = field(default_factory=dict)  # error messages, by rule
    settings: dict = field(default_factory=dict)  # inline, width, rows, autocomplete, prefix, suffix, spellcheck

    @property
    def choices(self) -> list[Option]:
        """The options a person can choose: not the 'or' lines between them."""
        return [option for option in self.options if not option.divider]


@dataclass
class Rule:
    goto: str
    line: int
    when: dict | None = None


@dataclass
class FlowPage:
    id: str
    layout: str
    title: str
    line: int
    caption: str = ""
    content: str = ""
    content_line: int = 0
    questions: list[Question] = field(default_factory=list)
    next: list[Rule] = field(default_factory=list)
    button: str = ""
    layout_line: int = 0

    @property
    def does(self) -> Layout:
        """What this page's layout does: asks questions, ends the journey, checks answers..."""
        return layout_of(self.layout)


@dataclass
class Flow:
    """One YAML file in pages/: its pages are served at /<slug>/<page id>."""

    slug: str
    file: str  # as messages name it: pages/fishing-licence.yaml
    path: Path
    title: str
    pages: dict[str, FlowPage]

    @property
    def first(self) -> FlowPage:
        return next(iter(self.pages.values()))

    def url(self, page_id: str) -> str:
        return f"/{self.slug}/{page_id}"

    def questions(self) -> list[Question]:
        return [question for page in self.pages.values() for question in page.questions]
