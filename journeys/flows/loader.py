"""Reading a YAML flow file into a Flow, collecting every problem with its line."""

from __future__ import annotations

import re
from pathlib import Path

from journeys.flows.conditions import problems_in
from journeys.flows.layouts import LAYOUTS, layout_of
from journeys.flows.model import Flow, FlowPage, ItemList, Option, Rule
from journeys.flows.question_reader import RESERVED_NAMES, QuestionReader
from journeys.flows.task_reader import TASK_LIST_KEYS, TaskListReader
from journeys.problems import Problem, did_you_mean
from journeys.yaml_files import YamlDocument

FLOW_KEYS = ("title", "pages")
PAGE_KEYS = ("layout", "title", "caption", "content", "questions", "next", "button")
LIST_KEYS = ("item", "items", "pages", "min", "max", "messages")  # an add-another page's own
LIST_MESSAGES = ("required", "min")
RULE_KEYS = ("when", "goto")

PAGE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _Reader(QuestionReader, TaskListReader):
    """Walks one flow document, noting each problem against its line."""

    def __init__(self, document: YamlDocument, data_lists: list[str], project_layouts: list[str]):
        super().__init__(document)
        self.lists = data_lists
        self.layouts = list(LAYOUTS) + [name for name in project_layouts if name not in LAYOUTS]

    def flow(self, slug: str, path: Path) -> Flow | None:
        data = self.document.data
        if not isinstance(data, dict):
            self.problem((), "a flow should start with 'title:' and 'pages:'",
                         "See docs/flows.md for an example to copy.")
            return None
        self.keys(data, FLOW_KEYS, (), "flow")
        title = self.text(data, "title", (), "Add 'title:' with the service's name, shown in the header.")
        pages_data = data.get("pages")
        if not isinstance(pages_data, dict) or not pages_data:
            self.problem(("pages",), "'pages' should list the flow's pages, each under its id",
                         "For example:\npages:\n  start:\n    layout: start\n    title: Apply for a licence")
            return None
        pages, before = {}, None
        for page_id, page_data in pages_data.items():
            if before is not None and page_id in PAGE_KEYS and not isinstance(page_data, dict):
                self.outdented(page_id, before)
                continue
            page = self.page(str(page_id), page_data, ("pages", page_id))
            if page is not None:
                pages[page.id] = page
            before = page_id
        return Flow(slug=slug, file=self.document.name, path=path, title=title, pages=pages)

    def outdented(self, key: str, page_id) -> None:
        """A page's own key (`next:`) indented as far as the pages, so YAML made it a page of its own."""
        own = [(line, path[2]) for path, line in self.document.lines.items() if path[:2] == ("pages", page_id) and len(path) == 3]
        last = max(own) if own else None
        line = self.document.line("pages", key)
        like = f", like '{last[1]}:' on line {last[0]}" if last else ""
        self.problem(("pages", key), f"'{key}:' on line {line} is less indented than the page it belongs to "
                     f"('{page_id}' on line {self.document.line('pages', page_id)}), so it reads as a page called '{key}'",
                     f"Indent it as far as the page's other lines{like}.")

    def page(self, page_id: str, data, path: tuple) -> FlowPage | None:
        if not PAGE_ID.match(page_id):
            self.problem(path, f"the page id '{page_id}' cannot be a web address",
                         "Use lowercase letters, numbers and hyphens, like 'date-of-birth'.")
        if not isinstance(data, dict):
            self.problem(path, f"page '{page_id}' should be a list of 'key: value' lines",
                         "Give it at least a title, like:  title: What is your name?")
            return None
        layout = self.text(data, "layout", path) or "question"
        if layout not in self.layouts:
            self.problem(path + ("layout",), f"unknown layout '{layout}'",
                         did_you_mean(layout, self.layouts) or "Layouts are: " + ", ".join(self.layouts))
        does = layout_of(layout)
        collects, lists_tasks = does.collects_items, does.lists_tasks
        for key in data:
            if key in LIST_KEYS and not collects:
                self.problem(path + (key,), f"'{key}' goes with the add-another layout",
                             "Add 'layout: add-another' to make this a list page, or remove it.")
            if key in TASK_LIST_KEYS and not lists_tasks:
                self.problem(path + (key,), f"'{key}' goes with the task-list layout",
                             "Add 'layout: task-list' to make this a task list, or remove it.")
        own = LIST_KEYS + TASK_LIST_KEYS
        self.keys({key: value for key, value in data.items() if key not in own},
                  PAGE_KEYS + (LIST_KEYS if collects else ()) + (TASK_LIST_KEYS if lists_tasks else ()), path, "page")
        page = FlowPage(
            id=page_id, layout=layout, line=self.document.line(*path),
            title=self.text(data, "title", path, "Add 'title:', the page's heading."),
            caption=self.text(data, "caption", path), button=self.text(data, "button", path),
            content=self.text(data, "content", path) if "content" in data else "",
            content_line=self.document.text_lines.get(path + ("content",), 0),
            layout_line=self.document.line(*path, "layout"), next_line=self.document.line(*path, "next"),
        )
        if collects:
            page.list = self.item_list(data, page_id, path)
        if lists_tasks:
            page.tasks = self.task_list(data, path)
        questions = data.get("questions") or []
        if not isinstance(questions, list):
            self.problem(path + ("questions",), "'questions' should be a list, each starting with '- name:'")
            questions = []
        if questions and not layout_of(layout).asks_questions:
            self.problem(path + ("questions",), f"{'an' if layout[:1] in 'aeiou' else 'a'} {layout} page cannot ask questions",
                         "Move the questions to a page with the question layout.")
        for number, question_data in enumerate(questions):
            question = self.question(question_data, page.title, len(questions), path + ("questions", number))
            if question is not None:
                page.questions.append(question)
        if "next" in data and not does.has_next:
            self.problem(path + ("next",), f"{'an' if layout[:1] in 'aeiou' else 'a'} {layout} page cannot have 'next'",
                         "A task list leads to its tasks, and each task's last page leads back to it: remove 'next'."
                         if lists_tasks else "It ends the journey, with no Continue button: remove 'next'.")
        elif "next" in data:
            page.next = self.rules(data["next"], path + ("next",))
        return page

    def item_list(self, data: dict, page_id: str, path: tuple) -> ItemList:
        """An add-another page's list: what an item is called, the pages asked for each, how many."""
        if page_id in RESERVED_NAMES:
            self.problem(path, f"'{page_id}' cannot be the id of an add-another page: its answers are stored under it",
                         "Use another id, like 'people'.")
        item = self.text(data, "item", path, "Add 'item:', one item in words, like:  item: person")
        items = self.text(data, "items", path) or (f"{item}s" if item else "")
        pages = data.get("pages")
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
            self.problem(path + ("pages",) if "pages" in data else path,
                         "an add-another page needs 'pages', the pages asked for each item, in order",
                         "For example:  pages: [person-name, person-age]")
            pages = [p for p in pages if isinstance(p, str)] if isinstance(pages, list) else []
        found = ItemList(item=item, items=items, pages=[str(p) for p in pages], line=self.document.line(*path, "pages"),
                         page_lines=[self.document.line(*path, "pages", n) for n in range(len(pages))],
                         min=self.whole_number(data, "min", path, 1) or 0,
                         max=self.whole_number(data, "max", path, 1))
        if found.min and found.max is not None and found.min > found.max:
            self.problem(path + ("min",), f"'min' is {found.min}, more than 'max' ({found.max}), so nobody can finish the list",
                         "Make 'min' no more than 'max'.")
        messages = data.get("messages") or {}
        if not isinstance(messages, dict):
            self.problem(path + ("messages",), "'messages' should be 'rule: message' lines",
                         "For example:  messages: {min: Add at least 2 people}")
            messages = {}
        for rule, message in messages.items():
            if rule not in LIST_MESSAGES:
                self.problem(path + ("messages", rule), f"'{rule}' is not a rule of an add-another page",
                             did_you_mean(rule, LIST_MESSAGES) or "Its rules are: " + ", ".join(LIST_MESSAGES))
            else:
                found.messages[rule] = str(message).strip()
        return found

    def rules(self, data, path: tuple) -> list[Rule]:
        if isinstance(data, str):
            return [Rule(goto=data, line=self.document.line(*path))]
        if not isinstance(data, list) or not data:
            self.problem(path, "'next' should be a page id, or a list of rules with 'goto'",
                         "For example:  next: check-answers")
            return []
        rules = []
        for number, item in enumerate(data):
            here = path + (number,)
            if not isinstance(item, dict) or "goto" not in item:
                self.problem(here, "each rule needs 'goto', the page to go to",
                             "For example:  - when: {colour: Red}\n      goto: red-page")
                continue
            self.keys(item, RULE_KEYS, here, "rule")
            when = item.get("when")
            if when is not None:
                for where, message, fix in problems_in(when, here + ("when",)):
                    self.problem(where, message, fix)
            if rules and rules[-1].when is None:
                self.problem(here, "this rule is never used: the rule above it has no 'when', so it always applies",
                             "Move the rule without 'when' to the end.")
            rules.append(Rule(goto=str(item["goto"]), line=self.document.line(*here, "goto"),
                              when=when if isinstance(when, dict) else None))
        if rules and rules[-1].when is not None:
            self.problem(path + (len(data) - 1,), "the last rule has a 'when', so sometimes there is no next page",
                         "End the list with a rule that has only 'goto', like:  - goto: check-answers")
        return rules


def read_flow(document: YamlDocument, slug: str, path: Path, data_lists: list[str],
              project_layouts: list[str]) -> tuple[Flow | None, list[Problem]]:
    """The flow in `document`, and every problem found reading it."""
    reader = _Reader(document, data_lists, project_layouts)
    flow = reader.flow(slug, path)
    return flow, reader.problems


def read_option_list(document: YamlDocument) -> tuple[list[Option], list[Problem]]:
    """The options in a data/ list file, and every problem in them."""
    reader = _Reader(document, [], [])
    return reader.option_items(document.data, "radios", (), in_data=True), reader.problems
