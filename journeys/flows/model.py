"""A journey as Journeys understands it, once its YAML file has been read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from journeys.flows.layouts import Layout, layout_of

REMOVE_PATH = "remove"  # a list's remove-an-item page is at /<flow>/<list page>/remove


@dataclass
class Option:
    text: str
    value: str
    hint: str = ""
    divider: bool = False  # the "or" line between options
    exclusive: bool = False  # a checkbox like "None of these" that unticks the others
    reveal: list[Question] = field(default_factory=list)  # asked under this option when it is chosen
    reveal_line: int = 0


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

    @property
    def revealed(self) -> list[Question]:
        """Every question asked under one of this question's options."""
        return [question for option in self.choices for question in option.reveal]


@dataclass
class ItemList:
    """What an add-another page collects: items, each answered on `pages`, stored under the page's id."""

    item: str  # one item, in words: "person"
    items: str  # several: "people"
    pages: list[str]  # the pages asked for each item, in order
    line: int  # of `pages:`
    page_lines: list[int] = field(default_factory=list)  # of each entry in `pages:`
    min: int = 0
    max: int | None = None
    messages: dict = field(default_factory=dict)  # required, min: the add-another question's errors

    @property
    def least(self) -> int:
        """How many items the list needs before the journey goes on: at least one."""
        return max(self.min, 1)

    def words(self, count: int) -> str:
        """'1 person', '2 people'."""
        return f"{count} {self.item if count == 1 else self.items}"


@dataclass
class Task:
    """A task on a task list: its link text, its first page, and the tasks it waits for (by title)."""

    title: str
    start: str  # its first page: the task runs along `next` until a page whose next is the task list
    line: int  # of the task's `title:`
    start_line: int = 0
    after: list[str] = field(default_factory=list)
    after_lines: list[int] = field(default_factory=list)


@dataclass
class TaskSection:
    title: str
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class TaskList:
    """What a task-list page shows: its sections of tasks, each with a status worked out from the answers."""

    sections: list[TaskSection]

    def tasks(self) -> list[Task]:
        """Every task, in the order of the list."""
        return [task for section in self.sections for task in section.tasks]


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
    next_line: int = 0
    list: ItemList | None = None  # an add-another page's list
    tasks: TaskList | None = None  # a task-list page's sections and tasks

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

    def remove_url(self, list_id: str, number: int | None = None) -> str:
        """The page asking whether to remove item `number` of a list."""
        return f"/{self.slug}/{list_id}/{REMOVE_PATH}" + (f"?item={number}" if number is not None else "")

    def questions(self) -> list[Question]:
        """Every question in the flow, revealed ones after the question that reveals them."""
        return [asked for page in self.pages.values() for question in page.questions
                for asked in (question, *question.revealed)]

    @cached_property
    def hub(self) -> FlowPage | None:
        """The flow's task-list page, if it has one: its tasks start from it and return to it."""
        return next((page for page in self.pages.values() if page.tasks is not None), None)

    @cached_property
    def task_starts(self) -> frozenset[str]:
        """The first page of each of the task list's tasks."""
        return frozenset(task.start for task in self.hub.tasks.tasks()) if self.hub else frozenset()

    @cached_property
    def leaders(self) -> dict[str, list[str]]:
        """Each page's id -> the other pages whose `next` can lead to it, in the flow's order.

        Found in one pass over every rule, for the frozen site's Back links: asking each page
        in turn which pages lead to it would read every page for every page.
        """
        found: dict[str, list[str]] = {}
        for page in self.pages.values():
            for goto in dict.fromkeys(rule.goto for rule in page.next):
                if goto != page.id:
                    found.setdefault(goto, []).append(page.id)
        return found

    def list_of(self, page_id: str) -> FlowPage | None:
        """The add-another page whose items are asked on `page_id`, if any."""
        return self._item_pages.get(page_id)

    def lists(self) -> list[FlowPage]:
        return [page for page in self.pages.values() if page.list is not None]

    @cached_property
    def _item_pages(self) -> dict[str, FlowPage]:
        # Asked on every request and for every page of a build: found once, not by walking the pages.
        owners: dict[str, FlowPage] = {}
        for page in self.lists():
            for page_id in page.list.pages:
                owners.setdefault(page_id, page)
        return owners
