"""Reading a YAML flow file into a Flow, collecting every problem with its line."""

from __future__ import annotations

import re
from pathlib import Path

from journeys.flows.conditions import problems_in
from journeys.flows.layouts import LAYOUTS, layout_of
from journeys.flows.model import Flow, FlowPage, Option, Question, Rule
from journeys.flows.question_types import TYPES, WIDTHS, YES_NO
from journeys.problems import Problem, did_you_mean
from journeys.yaml_files import YamlDocument

FLOW_KEYS = ("title", "pages")
PAGE_KEYS = ("layout", "title", "caption", "content", "questions", "next", "button")
QUESTION_KEYS = ("name", "type", "label", "hint", "options", "required", "summary", "messages")
LIMITS = ("min_length", "max_length", "max_words", "pattern", "min", "max", "past", "future")
SETTINGS = ("inline", "width", "rows", "autocomplete", "prefix", "suffix", "spellcheck")
OPTION_KEYS = ("text", "value", "hint", "divider", "exclusive")
RULE_KEYS = ("when", "goto")
# Rules whose error message `messages:` can replace, besides the limits.
FORMAT_RULES = ("email", "tel", "number", "url", "postcode", "national_insurance_number", "date")

PAGE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
RESERVED_NAMES = ("all", "any", "not")


class _Reader:
    """Walks one flow document, noting each problem against its line."""

    def __init__(self, document: YamlDocument, data_lists: list[str], project_layouts: list[str]):
        self.document = document
        self.lists = data_lists
        self.layouts = list(LAYOUTS) + [name for name in project_layouts if name not in LAYOUTS]
        self.problems: list[Problem] = []

    def problem(self, path: tuple, message: str, fix: str = "") -> None:
        self.problems.append(Problem(self.document.name, self.document.line(*path), message, fix))

    def keys(self, mapping: dict, allowed, path: tuple, what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.problem(path + (key,), f"unknown {what} key '{key}'",
                             did_you_mean(key, allowed) or f"{what.capitalize()} keys are: " + ", ".join(allowed))

    def text(self, mapping: dict, key: str, path: tuple, required: str = "") -> str:
        value = mapping.get(key)
        if value is None:
            if required:
                self.problem(path, f"'{key}' is missing", required)
            return ""
        if isinstance(value, (dict, list)):
            self.problem(path + (key,), f"'{key}' should be text, not a {'list' if isinstance(value, list) else 'mapping'}")
            return ""
        return str(value).strip() if not isinstance(value, bool) else ("true" if value else "false")

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
        pages = {}
        for page_id, page_data in pages_data.items():
            page = self.page(str(page_id), page_data, ("pages", page_id))
            if page is not None:
                pages[page.id] = page
        return Flow(slug=slug, file=self.document.name, path=path, title=title, pages=pages)

    def page(self, page_id: str, data, path: tuple) -> FlowPage | None:
        if not PAGE_ID.match(page_id):
            self.problem(path, f"the page id '{page_id}' cannot be a web address",
                         "Use lowercase letters, numbers and hyphens, like 'date-of-birth'.")
        if not isinstance(data, dict):
            self.problem(path, f"page '{page_id}' should be a list of 'key: value' lines",
                         "Give it at least a title, like:  title: What is your name?")
            return None
        self.keys(data, PAGE_KEYS, path, "page")
        layout = self.text(data, "layout", path) or "question"
        if layout not in self.layouts:
            self.problem(path + ("layout",), f"unknown layout '{layout}'",
                         did_you_mean(layout, self.layouts) or "Layouts are: " + ", ".join(self.layouts))
        page = FlowPage(
            id=page_id, layout=layout, line=self.document.line(*path),
            title=self.text(data, "title", path, "Add 'title:', the page's heading."),
            caption=self.text(data, "caption", path), button=self.text(data, "button", path),
            content=self.text(data, "content", path) if "content" in data else "",
            content_line=self.document.text_lines.get(path + ("content",), 0),
            layout_line=self.document.line(*path, "layout"),
        )
        questions = data.get("questions") or []
        if not isinstance(questions, list):
            self.problem(path + ("questions",), "'questions' should be a list, each starting with '- name:'")
            questions = []
        if questions and not layout_of(layout).asks_questions:
            self.problem(path + ("questions",), f"a {layout} page cannot ask questions",
                         "Move the questions to a page with the question layout.")
        for number, question_data in enumerate(questions):
            question = self.question(question_data, page, len(questions), path + ("questions", number))
            if question is not None:
                page.questions.append(question)
        if "next" in data:
            page.next = self.rules(data["next"], path + ("next",))
        return page

    def question(self, data, page: FlowPage, count: int, path: tuple) -> Question | None:
        if not isinstance(data, dict):
            self.problem(path, "a question should be 'key: value' lines starting with '- name:'")
            return None
        kind = self.text(data, "type", path) or "text"
        spec = TYPES.get(kind)
        if spec is None:
            self.problem(path + ("type",), f"unknown question type '{kind}'",
                         did_you_mean(kind, TYPES) or "Types are: " + ", ".join(TYPES))
        allowed = QUESTION_KEYS + (spec.limits + spec.settings if spec else LIMITS + SETTINGS)
        self.keys(data, allowed, path, f"{kind} question" if spec else "question")
        name = self.text(data, "name", path, "Add 'name:', the answer's name, like 'date-of-birth'.")
        if name and (not NAME.match(name) or name in RESERVED_NAMES):
            self.problem(path + ("name",), f"'{name}' cannot be an answer name",
                         "Use letters, numbers, hyphens and underscores, and not all, any or not.")
        label = self.text(data, "label", path)
        if count > 1 and not label:
            self.problem(path, f"question '{name}' needs a label: this page asks several questions",
                         "Add 'label:' with the question, like:  label: What is your email address?")
        question = Question(
            name=name, type=kind, line=self.document.line(*path), label=label or page.title,
            hint=self.text(data, "hint", path) or (spec.hint if spec else ""),
            summary=self.text(data, "summary", path), required=bool(data.get("required")),
        )
        if isinstance(data.get("required"), str):
            question.messages["required"] = data["required"].strip()
        if kind == "yes-no":
            # Radios with two fixed options: everything that reads options reads these.
            question.options = [Option(text=word, value=word) for word in YES_NO]
        if spec is not None:
            self.options(data, spec, kind, question, path)
            self.limits(data, kind, question, path)
            self.settings(data, question, path)
        self.messages(data.get("messages"), question, spec, path + ("messages",))
        return question

    def options(self, data: dict, spec, kind: str, question: Question, path: tuple) -> None:
        given = data.get("options")
        if not spec.has_options:
            if given is not None:
                self.problem(path + ("options",), f"a {kind} question has no options",
                             "Options go with radios, checkboxes and select questions.")
            return
        if given is None:
            self.problem(path, f"a {kind} question needs 'options'",
                         "For example:  options: [Yes, No]  or the name of a list in data/.")
        elif isinstance(given, str):
            if given not in self.lists:
                self.problem(path + ("options",), f"there is no list called '{given}' in data/",
                             did_you_mean(given, self.lists) or f"Add data/{given}.yaml with one option per line.")
            question.options_list = given
        elif isinstance(given, list):
            question.options = self.option_items(given, kind, path + ("options",))
        else:
            self.problem(path + ("options",), "'options' should be a list, or the name of a list in data/")

    def option_items(self, items: list, kind: str, path: tuple) -> list[Option]:
        options, seen = [], set()
        for number, item in enumerate(items):
            here = path + (number,)
            if isinstance(item, dict):
                self.keys(item, OPTION_KEYS, here, "option")
                if "divider" in item:
                    options.append(Option(text=str(item["divider"]), value="", divider=True))
                    continue
                text = self.text(item, "text", here, "Add 'text:', the words people see.")
                option = Option(text=text, value=self.text(item, "value", here) or text,
                                hint=self.text(item, "hint", here), exclusive=item.get("exclusive") is True)
                if option.exclusive and kind != "checkboxes":
                    self.problem(here + ("exclusive",), "only a checkbox option can be exclusive")
            elif isinstance(item, list) or item is None:
                self.problem(here, "an option should be a word, or 'text:' with 'hint:'")
                continue
            else:
                option = Option(text=str(item), value=str(item))
            if option.value in seen:
                self.problem(here, f"the option '{option.value}' is listed twice")
            seen.add(option.value)
            options.append(option)
        return options

    def limits(self, data: dict, kind: str, question: Question, path: tuple) -> None:
        for key in TYPES[kind].limits:
            if key not in data:
                continue
            value, here = data[key], path + (key,)
            if key in ("min_length", "max_length", "max_words"):
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    self.problem(here, f"'{key}' should be a whole number above 0", f"For example:  {key}: 100")
                    continue
            elif key in ("min", "max"):
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    self.problem(here, f"'{key}' should be a number", f"For example:  {key}: 0")
                    continue
            elif key == "pattern":
                try:
                    re.compile(str(value))
                except re.error as error:
                    self.problem(here, f"the pattern is not a valid regular expression: {error}")
                    continue
                value = str(value)
            elif key in ("past", "future"):
                if isinstance(value, str):
                    question.messages[key] = value.strip()
                elif value is not True:
                    self.problem(here, f"'{key}' should be true, or the error message to show")
                    continue
                value = True
            question.limits[key] = value
        if kind == "character-count" and not ({"max_length", "max_words"} & question.limits.keys()):
            self.problem(path, "a character-count question needs 'max_length' or 'max_words'",
                         "For example:  max_length: 500")

    def settings(self, data: dict, question: Question, path: tuple) -> None:
        for key in TYPES[question.type].settings:
            if key not in data:
                continue
            value, here = data[key], path + (key,)
            if key in ("inline", "spellcheck") and not isinstance(value, bool):
                self.problem(here, f"'{key}' should be true or false")
            elif key == "width" and value not in WIDTHS:
                self.problem(here, f"'{value}' is not a width", "Widths are: " + ", ".join(map(str, WIDTHS)))
            elif key == "rows" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                self.problem(here, "'rows' should be a whole number above 0")
            else:
                question.settings[key] = value

    def messages(self, messages, question: Question, spec, path: tuple) -> None:
        if messages is None:
            return
        if not isinstance(messages, dict):
            self.problem(path, "'messages' should be 'rule: message' lines",
                         "For example:  messages: {required: Enter your name}")
            return
        rules = ("required",) + (spec.limits if spec else LIMITS) + ((spec.check,) if spec and spec.check else ())
        for rule, message in messages.items():
            if rule not in rules:
                self.problem(path + (rule,), f"'{rule}' is not a rule of this question",
                             did_you_mean(rule, rules) or "Its rules are: " + ", ".join(rules))
            else:
                question.messages[rule] = str(message).strip()

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
    return reader.option_items(document.data, "radios", ()), reader.problems
