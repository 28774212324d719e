"""Reading a submitted question page: each answer, as typed and as stored, and what is wrong with it.

Messages follow the GOV.UK Design System's guidance for each component. A question's
`required:` text or `messages:` replace them. The frozen site checks the same rules in
the browser (journeys/static/validation.js); both run tests/vectors/validation.json.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from journeys.flows.model import FlowPage, Question
from journeys.flows.question_types import ADDRESS_PARTS, DATE_PARTS

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TEL = re.compile(r"^\+?[0-9]{10,15}$")
URL = re.compile(r"^(https?://)?[^\s/.]+(\.[^\s/.]+)+(/\S*)?$", re.IGNORECASE)
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
# Two letters, six numbers, A to D. Looser than HMRC's rules, so the Design System's own
# example, QQ 12 34 56 C, is accepted.
NINO = re.compile(r"^[A-Z]{2}[0-9]{6}[A-D]$")
DIGITS = re.compile(r"^[0-9]+$")  # ASCII only, as in the browser: isdigit() takes '²' too
NUMBER = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
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


def subject(question: Question) -> str:
    """What error messages call the answer: its summary, else its name in words."""
    return question.summary or question.name.replace("-", " ").replace("_", " ")


def lower_first(text: str) -> str:
    """'Date of birth' -> 'date of birth'; 'NHS number' stays as it is."""
    first_word = text.split(" ", 1)[0]
    return text if len(first_word) > 1 and first_word.isupper() else text[:1].lower() + text[1:]


def _upper(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def message(question: Question, rule: str, **values) -> str:
    """The error message for a broken rule: the question's own, else the Design System's."""
    if rule in question.messages:
        return question.messages[rule]
    x, X = lower_first(subject(question)), _upper(subject(question))
    limits = question.limits
    choose = question.type in ("radios", "yes-no", "checkboxes", "select", "file")
    defaults = {
        "required": f"Select {x}" if choose else f"Enter {x}",
        "min_length": f"{X} must be {limits.get('min_length')} characters or more",
        "max_length": f"{X} must be {limits.get('max_length')} characters or less",
        "max_words": f"{X} must be {limits.get('max_words')} words or less",
        "pattern": f"Enter {x} in the correct format",
        "min": (f"{X} must be between {_number(limits.get('min'))} and {_number(limits.get('max'))}"
                if "max" in limits else f"{X} must be {_number(limits.get('min'))} or more"),
        "max": (f"{X} must be between {_number(limits.get('min'))} and {_number(limits.get('max'))}"
                if "min" in limits else f"{X} must be {_number(limits.get('max'))} or less"),
        "email": "Enter an email address in the correct format, like name@example.com",
        "tel": "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
        "number": f"{X} must be a number",
        "url": "Enter a website address in the correct format, like www.example.com",
        "postcode": "Enter a real postcode",
        "national_insurance_number": "Enter a National Insurance number in the correct format",
        "date": f"{X} must be a real date",
        "date_parts": f"{X} must include a {values.get('missing')}",
        "year": "Year must include 4 numbers",
        "past": f"{X} must be in the past",
        "future": f"{X} must be in the future",
    }
    return defaults[rule]


def _number(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def read_page(page: FlowPage, form, files, previous: dict, today: datetime.date | None = None) -> Submission:
    """The answers a submitted page gives, with every error found."""
    submission = Submission()
    for question in page.questions:
        read_question(question, form, files, previous, submission, today or datetime.date.today())
    return submission


def read_question(question: Question, form, files, previous: dict, into: Submission, today: datetime.date) -> None:
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
        return
    if kind == "file":
        upload = files.get(name) if files else None
        chosen = upload.filename if upload is not None and upload.filename else previous.get(name, "")
        into.typed[name] = into.answers[name] = chosen
        if question.required and not chosen:
            into.errors.append(FieldError(name, name, message(question, "required")))
        return
    value = str(form.get(name, "")).strip()
    into.typed[name] = value
    if kind in ("radios", "yes-no", "select") and value and value not in [o.value for o in question.choices]:
        value = ""  # not one of the options: treat as unanswered
    if value == "":
        into.answers[name] = ""
        if question.required:
            into.errors.append(FieldError(name, name, message(question, "required")))
        return
    value, rule = _check_text(question, value)
    into.answers[name] = value
    if rule:
        into.errors.append(FieldError(name, name, message(question, rule)))


def normal_postcode(text: str) -> str | None:
    """A UK postcode as Royal Mail writes it ('sw1a1aa' -> 'SW1A 1AA'), or None if it is not one."""
    match = POSTCODE.match(re.sub(r"\s+", "", text.upper()))
    return f"{match.group(1)} {match.group(2)}" if match else None


def _check_text(question: Question, value: str) -> tuple[str, str]:
    """(the answer to store, the first rule it breaks or '')."""
    kind, limits = question.type, question.limits
    if kind == "email" and not EMAIL.match(value):
        return value, "email"
    if kind == "tel" and not TEL.match(re.sub(r"[\s()-]", "", value)):
        return value, "tel"
    if kind == "url" and not URL.match(value):
        return value, "url"
    if kind == "postcode":
        if normal_postcode(value) is None:
            return value, "postcode"
        value = normal_postcode(value)
    if kind == "national-insurance-number":
        compact = re.sub(r"\s+", "", value.upper())
        if not NINO.match(compact):
            return value, "national_insurance_number"
        value = compact
    if kind == "number":
        compact = value.replace(",", "")
        if not NUMBER.match(compact):
            return value, "number"
        number = float(compact)
        if "min" in limits and number < limits["min"]:
            return value, "min"
        if "max" in limits and number > limits["max"]:
            return value, "max"
    if "min_length" in limits and len(value) < limits["min_length"]:
        return value, "min_length"
    if "max_length" in limits and len(value) > limits["max_length"]:
        return value, "max_length"
    if "max_words" in limits and len(value.split()) > limits["max_words"]:
        return value, "max_words"
    if "pattern" in limits and not re.fullmatch(limits["pattern"], value):
        return value, "pattern"
    return value, ""


def _read_date(question: Question, form, into: Submission, today: datetime.date) -> None:
    name = question.name
    parts = {part: str(form.get(f"{name}-{part}", "")).strip() for part in DATE_PARTS}
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
    parts = {part: str(form.get(f"{name}-{part}", "")).strip() for part, *_ in ADDRESS_PARTS}
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
