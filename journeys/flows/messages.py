"""Error messages the GOV.UK Design System's way, worded from a question's summary or name.

A question's `required:` text or `messages:` replace them.
"""

from __future__ import annotations

import re

from journeys.flows.model import Question

# "Do you need to add another item?" -> "you need to add another item": the Design System's
# "Select yes if you need to add another item". Other questions would need their verbs changed.
YES_NO_QUESTION = re.compile(r"^(?:do you|(are|have|can|will|were|would) you)\s+(.+?)\s*\?$", re.IGNORECASE)


def subject(question: Question) -> str:
    """What error messages call the answer: its summary, else its name in words."""
    return question.summary or question.name.replace("-", " ").replace("_", " ")


def lower_first(text: str) -> str:
    """'Date of birth' -> 'date of birth'; 'NHS number', 'Council Tax band' and 'McDonald's' stay as they are."""
    words = text.split(" ")
    acronym = len(words[0]) > 1 and words[0].isupper()
    name = any(letter.isupper() for letter in words[0][1:]) or (len(words) > 1 and words[1][:1].isupper())
    return text if acronym or name else text[:1].lower() + text[1:]


def _upper(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def message(question: Question, rule: str, **values) -> str:
    """The error message for a broken rule: the question's own, else the Design System's."""
    if rule in question.messages:
        return question.messages[rule]
    x, X = lower_first(subject(question)), _upper(subject(question))
    limits = question.limits
    choose = question.type in ("radios", "yes-no", "checkboxes", "select", "autocomplete", "file")
    defaults = {
        "required": _yes_if(question) or (f"Select {x}" if choose else f"Enter {x}"),
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
        "choice": f"Select {x} from the list",
        "whole": f"{X} must be a whole number",
        "exclusive": f"Select ‘{_exclusive_text(question)}’ or the other options, not both",
    }
    return defaults[rule]


def _yes_if(question: Question) -> str:
    """'Select yes if you need to add another item', for a yes-no question asked as 'Do you...?' with no summary."""
    match = YES_NO_QUESTION.match(question.label) if question.type == "yes-no" and not question.summary else None
    if match is None:
        return ""
    verb = f"{match.group(1).lower()} " if match.group(1) else ""
    return f"Select yes if you {verb}{match.group(2)}"


def _exclusive_text(question: Question) -> str:
    return next((option.text for option in question.choices if option.exclusive), "")


def _number(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
