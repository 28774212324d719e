"""Reading a submitted question page: each answer, as typed and as stored, and what is wrong with it.

Messages follow the GOV.UK Design System's guidance for each component. A question's
`required:` text or `messages:` replace them. The frozen site checks the same rules in
the browser (journeys/static/validation.js); both run tests/vectors/validation.json.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from journeys.flows.messages import message
from journeys.flows.model import FlowPage, Question
from journeys.flows.patterns import matches
from journeys.flows.question_types import ADDRESS_PARTS, DATE_PARTS
from journeys.flows.whitespace import NOT_SPACE, SPACE_CLASS, trim, without_spaces, words

EMAIL = re.compile(f"^[^@{SPACE_CLASS}]+@[^@{SPACE_CLASS}]+\\.[^@{SPACE_CLASS}]+$")
MAX_EMAIL = 254  # the longest address mail can carry; EMAIL takes a second over 20,000 characters
TEL = re.compile(r"^\+?[0-9]{10,15}$")
URL = re.compile(f"^(https?://)?[^{SPACE_CLASS}/.]+(\\.[^{SPACE_CLASS}/.]+)+(/{NOT_SPACE}*)?$", re.IGNORECASE)
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
# Two letters, six numbers, A to D. Looser than HMRC's rules, so the Design System's own
# example, QQ 12 34 56 C, is accepted.
NINO = re.compile(r"^[A-Z]{2}[0-9]{6}[A-D]$")
DIGITS = re.compile(r"^[0-9]+$")  # ASCII only, as in the browser: isdigit() takes '²' too
NUMBER = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
WHOLE = re.compile(r"^[-+]?[0-9]+$")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]


@dataclass
class FieldError:
    question: str  # the question's name
    field: str  # the id of the input the error summary links to
    message: str
    parts: tuple = ()  # date parts to highlight; empty means all


@dataclass
class Submission:
    answers: dict = field(default_factory=dict)  # what is stored
    typed: dict = field(default_factory=dict)  # what to show back in the fields
    errors: list[FieldError] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # revealed under options not chosen: removed from the answers


def read_page(page: FlowPage, form, files, previous: dict, today: datetime.date | None = None) -> Submission:
    """The answers a submitted page gives, with every error found."""
    submission = Submission()
    for question in page.questions:
        read_question(question, form, files, previous, submission, today or datetime.date.today())
    return submission


def read_question(question: Question, form, files, previous: dict, into: Submission, today: datetime.date) -> None:
    """One question's answer, and then the questions revealed under the options chosen."""
    _read_one(question, form, files, previous, into, today)
    if not question.revealed:
        return
    answer = into.answers.get(question.name)
    chosen = answer if isinstance(answer, list) else [answer]
    for option in question.choices:
        for revealed in option.reveal:
            if option.value in chosen:
                _read_one(revealed, form, files, previous, into, today)
            else:
                # Not asked: what was typed is kept in the fields, but not checked or stored.
                unasked = Submission()
                _read_one(revealed, form, files, previous, unasked, today)
                into.typed[revealed.name] = unasked.typed.get(revealed.name)
                into.dropped.append(revealed.name)


def _read_one(question: Question, form, files, previous: dict, into: Submission, today: datetime.date) -> None:
    name, kind = question.name, question.type
    if kind == "date":
        return _read_date(question, form, into, today)
    if kind == "address":
        return _read_address(question, form, into)
    if kind == "checkboxes":
        known = [o.value for o in question.choices]
        ticked = [v for v in form.getlist(name) if v in known]
        into.typed[name] = into.answers[name] = ticked
        if question.required and not ticked:
            into.errors.append(FieldError(name, name, message(question, "required")))
        exclusive = [o.value for o in question.choices if o.exclusive]
        if len(ticked) > 1 and any(value in exclusive for value in ticked):  # as GOV.UK's script does not let happen
            into.errors.append(FieldError(name, name, message(question, "exclusive")))
        return
    if kind == "file":
        upload = files.get(name) if files else None
        chosen = upload.filename if upload is not None and upload.filename else previous.get(name, "")
        into.typed[name] = into.answers[name] = chosen
        if question.required and not chosen:
            into.errors.append(FieldError(name, name, message(question, "required")))
        return
    value = trim(str(form.get(name, "")))
    into.typed[name] = value
    if kind in ("radios", "yes-no", "select") and value and value not in [o.value for o in question.choices]:
        value = ""  # not one of the options: treat as unanswered
    if kind == "autocomplete" and value:
        chosen = chosen_option(question, value)
        if chosen is None:  # typed, not chosen: the answer must be one of the options
            into.answers[name] = value
            into.errors.append(FieldError(name, name, message(question, "choice")))
            return
        value = chosen
    if value == "":
        into.answers[name] = ""
        if question.required:
            into.errors.append(FieldError(name, name, message(question, "required")))
        return
    value, rule = _check_text(question, value)
    into.answers[name] = value
    if rule:
        into.errors.append(FieldError(name, name, message(question, rule)))


def chosen_option(question: Question, typed: str) -> str | None:
    """The option an autocomplete's answer names: its value (the select sends it), or its words typed in any case."""
    if typed in [option.value for option in question.choices]:
        return typed
    return next((option.value for option in question.choices if _same_words(option.text) == _same_words(typed)), None)


def _same_words(text: str) -> str:
    """Spaces and case do not matter; ASCII spaces only, as in the browser."""
    return " ".join(part for part in re.split(r"[ \t\n\r\f\v]+", text) if part).lower()


def normal_postcode(text: str) -> str | None:
    """A UK postcode as Royal Mail writes it ('sw1a1aa' -> 'SW1A 1AA'), or None if it is not one."""
    match = POSTCODE.match(without_spaces(text.upper()))
    return f"{match.group(1)} {match.group(2)}" if match else None


def _check_text(question: Question, value: str) -> tuple[str, str]:
    """(the answer to store, the first rule it breaks or '')."""
    kind, limits = question.type, question.limits
    if kind == "email" and (len(value) > MAX_EMAIL or not EMAIL.match(value)):
        return value, "email"
    if kind == "tel" and not TEL.match(re.sub(f"[{SPACE_CLASS}()-]", "", value)):
        return value, "tel"
    if kind == "url" and not URL.match(value):
        return value, "url"
    if kind == "postcode":
        if normal_postcode(value) is None:
            return value, "postcode"
        value = normal_postcode(value)
    if kind == "national-insurance-number":
        compact = without_spaces(value.upper())
        if not NINO.match(compact):
            return value, "national_insurance_number"
        value = compact
    if kind == "number":
        compact = value.replace(",", "")
        if not NUMBER.match(compact):
            return value, "number"
        if limits.get("whole") and not WHOLE.match(compact):
            return value, "whole"
        number = float(compact)
        if "min" in limits and number < limits["min"]:
            return value, "min"
        if "max" in limits and number > limits["max"]:
            return value, "max"
    if "min_length" in limits and len(value) < limits["min_length"]:
        return value, "min_length"
    if "max_length" in limits and len(value) > limits["max_length"]:
        return value, "max_length"
    if "max_words" in limits and len(words(value)) > limits["max_words"]:
        return value, "max_words"
    if "pattern" in limits and not matches(limits["pattern"], value):
        return value, "pattern"
    return value, ""


def _read_date(question: Question, form, into: Submission, today: datetime.date) -> None:
    name = question.name
    parts = {part: trim(str(form.get(f"{name}-{part}", ""))) for part in DATE_PARTS}
    into.typed[name] = parts
    into.answers[name] = ""
    missing = [part for part in DATE_PARTS if not parts[part]]
    if len(missing) == 3:
        if question.required:
            into.errors.append(FieldError(name, f"{name}-day", message(question, "required")))
        return
    if missing:
        words = " and ".join(missing) if len(missing) == 2 else missing[0]
        into.errors.append(FieldError(name, f"{name}-{missing[0]}", message(question, "date_parts", missing=words),
                                      tuple(missing)))
        return
    month = _month(parts["month"])
    if not DIGITS.match(parts["day"]) or month is None or not DIGITS.match(parts["year"]):
        into.errors.append(FieldError(name, f"{name}-day", message(question, "date")))
        return
    if len(parts["year"]) != 4:
        into.errors.append(FieldError(name, f"{name}-year", message(question, "year"), ("year",)))
        return
    try:
        date = datetime.date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        into.errors.append(FieldError(name, f"{name}-day", message(question, "date")))
        return
    into.answers[name] = date.isoformat()
    if question.limits.get("past") and date >= today:
        into.errors.append(FieldError(name, f"{name}-day", message(question, "past")))
    elif question.limits.get("future") and date <= today:
        into.errors.append(FieldError(name, f"{name}-day", message(question, "future")))


def _month(text: str) -> int | None:
    """A month as a number: '3', '03', 'Mar' and 'march' are all 3."""
    if DIGITS.match(text):
        return int(text) if 1 <= int(text) <= 12 else None
    word = text.lower()
    for number, month in enumerate(MONTHS, start=1):
        if len(word) >= 3 and month.startswith(word):
            return number
    return None


ADDRESS_MESSAGES = {
    "line-1": "Enter address line 1, typically the building and street",
    "town": "Enter town or city",
    "postcode": "Enter postcode",
}


def _read_address(question: Question, form, into: Submission) -> None:
    name = question.name
    parts = {part: trim(str(form.get(f"{name}-{part}", ""))) for part, *_ in ADDRESS_PARTS}
    into.typed[name] = dict(parts)
    if not question.required and not any(parts.values()):
        into.answers[name] = parts
        return
    for part, _label, _autocomplete, required in ADDRESS_PARTS:
        if required and not parts[part]:
            into.errors.append(FieldError(name, f"{name}-{part}", ADDRESS_MESSAGES[part]))
    if parts["postcode"]:
        if normal_postcode(parts["postcode"]) is not None:
            parts["postcode"] = normal_postcode(parts["postcode"])
        else:
            into.errors.append(FieldError(name, f"{name}-postcode", message(question, "postcode")))
    into.answers[name] = parts
