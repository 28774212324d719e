"""Reading a flow's questions and their options, limits, settings, messages and reveals."""

from __future__ import annotations

import re

from journeys.flows import patterns
from journeys.flows.model import Option, Question
from journeys.flows.question_types import TYPES, WIDTHS, YES_NO
from journeys.flows.reader import DocumentReader
from journeys.problems import did_you_mean

QUESTION_KEYS = ("name", "type", "label", "hint", "options", "required", "summary", "messages")
LIMITS = ("min_length", "max_length", "max_words", "pattern", "min", "max", "whole", "past", "future")
SETTINGS = ("inline", "width", "rows", "autocomplete", "prefix", "suffix", "spellcheck")
OPTION_KEYS = ("text", "value", "hint", "divider", "exclusive", "reveal")
# Questions whose options may reveal questions, as GOV.UK Frontend's conditional reveal allows.
REVEALING = ("radios", "checkboxes")
# Choices under a choice: the Design System advises against nesting reveals.
NOT_REVEALED = ("radios", "yes-no", "checkboxes")

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
RESERVED_NAMES = ("all", "any", "not")


class QuestionReader(DocumentReader):
    """Reads questions, noting each problem against its line."""

    lists: list[str] = []  # the data/ lists options can name

    def question(self, data, title: str, count: int, path: tuple, revealed: bool = False) -> Question | None:
        """The question in `data`, asked on a page called `title` with `count` questions (or under an option)."""
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
        if revealed and kind in NOT_REVEALED:
            self.problem(path + ("type",), f"a {kind} question cannot be revealed under an option",
                         "The Design System advises against choices inside a reveal: ask it on a page of its own, "
                         "with a 'next' rule on this answer.")
        if revealed and not label:
            self.problem(path, f"question '{name}' needs a label: it is asked under an option",
                         "Add 'label:' with the question, like:  label: Email address")
        elif count > 1 and not label:
            self.problem(path, f"question '{name}' needs a label: this page asks several questions",
                         "Add 'label:' with the question, like:  label: What is your email address?")
        question = Question(
            name=name, type=kind, line=self.document.line(*path), label=label or title,
            hint=self.text(data, "hint", path) or (spec.hint if spec else ""),
            summary=self.text(data, "summary", path), required=bool(data.get("required")),
        )
        if isinstance(data.get("required"), str):
            question.messages["required"] = data["required"].strip()
        if kind == "yes-no":
            # Radios with two fixed options: everything that reads options reads these.
            question.options = [Option(text=word, value=word) for word in YES_NO]
        if spec is not None:
            self.options(data, spec, kind, question, path, revealed)
            self.limits(data, kind, question, path)
            self.settings(data, question, path)
        self.messages(data.get("messages"), question, spec, path + ("messages",))
        return question

    def options(self, data: dict, spec, kind: str, question: Question, path: tuple, revealed: bool) -> None:
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
            question.options = self.option_items(given, kind, path + ("options",), revealed)
        else:
            self.problem(path + ("options",), "'options' should be a list, or the name of a list in data/")

    def option_items(self, items: list, kind: str, path: tuple, revealed: bool = False,
                     in_data: bool = False) -> list[Option]:
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
                if "reveal" in item:
                    option.reveal_line = self.document.line(*here, "reveal")
                    option.reveal = self.reveal(item["reveal"], kind, here + ("reveal",), revealed, in_data)
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

    def reveal(self, data, kind: str, path: tuple, revealed: bool, in_data: bool) -> list[Question]:
        """The questions asked under an option when it is chosen."""
        if in_data:
            self.problem(path, "an option in a data/ list cannot reveal questions",
                         "Write the options in the flow, under the question, to reveal questions under one.")
            return []
        if revealed:
            self.problem(path, "a question revealed under an option cannot reveal more questions",
                         "The Design System advises against nesting reveals: ask it on a page of its own.")
            return []
        if kind not in REVEALING:
            self.problem(path, f"a {kind} question's options cannot reveal questions",
                         "Only radios and checkboxes can show questions under an option: use one of them.")
            return []
        if not isinstance(data, list) or not data:
            self.problem(path, "'reveal' should be a list of questions, each starting with '- name:'",
                         "For example:\nreveal:\n  - name: email\n    type: email\n    label: Email address")
            return []
        found = [self.question(item, "", 1, path + (number,), revealed=True) for number, item in enumerate(data)]
        return [question for question in found if question is not None]

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
                value = str(value)
                wrong = patterns.problem(value)
                if wrong:
                    self.problem(here, wrong.message, wrong.fix)
                    continue
                if patterns.catastrophic(value):
                    self.problem(here, "the pattern can backtrack catastrophically: most regular expression engines "
                                 "take minutes to reject a wrong answer of a few dozen characters",
                                 "Journeys checks answers against it safely, but a service built from this prototype "
                                 "may not. Write it so that text can match only one way: a repeat inside a repeat, "
                                 "as in (a+)+, is a+; in (a|ab)*, one choice must not start like another.")
            elif key == "whole":
                if value is not True:
                    self.problem(here, "'whole' should be true, or left out", "For example:  whole: true")
                    continue
            elif key in ("past", "future"):
                if isinstance(value, str):
                    question.messages[key] = value.strip()
                elif value is not True:
                    self.problem(here, f"'{key}' should be true, or the error message to show")
                    continue
                value = True
            question.limits[key] = value
        for low, high in (("min", "max"), ("min_length", "max_length")):
            if low in question.limits and high in question.limits and question.limits[low] > question.limits[high]:
                self.problem(path + (low,), f"'{low}' is {question.limits[low]}, more than '{high}' "
                                            f"({question.limits[high]}), so no answer can be right",
                             f"Make '{low}' no more than '{high}'.")
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
