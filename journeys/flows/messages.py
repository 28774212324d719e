"""Error messages the GOV.UK Design System's way, worded from a question's summary or name.

A question's `required:` text or `messages:` replace them.
"""

from __future__ import annotations

from journeys.flows.model import Question


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
    choose = question.type in ("radios", "yes-no", "checkboxes", "select", "autocomplete", "file")
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
        "choice": f"Select {x} from the list",
    }
    return defaults[rule]


def _number(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
