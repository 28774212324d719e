"""Every question type: the GOV.UK component it becomes and the keys it accepts.

Input attributes follow the GOV.UK Design System's advice for each kind of answer
(autocomplete, inputmode, spellcheck and width).
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT_LIMITS = ("min_length", "max_length", "pattern")
INPUT_SETTINGS = ("width", "autocomplete", "prefix", "suffix", "spellcheck")


@dataclass(frozen=True)
class QuestionType:
    macro: str
    limits: tuple = ()
    settings: tuple = ()
    has_options: bool = False
    fieldset: bool = False  # asked with a legend around several inputs, not a label
    attributes: dict = field(default_factory=dict)  # given to the macro as they are
    hint: str = ""  # the hint when the question gives none
    check: str = ""  # the format an answer must have: email, number, ...


TYPES: dict[str, QuestionType] = {
    "text": QuestionType("govukInput", TEXT_LIMITS, INPUT_SETTINGS),
    "email": QuestionType(
        "govukInput", TEXT_LIMITS, INPUT_SETTINGS,
        attributes={"type": "email", "autocomplete": "email", "spellcheck": False}, check="email",
    ),
    "tel": QuestionType(
        "govukInput", TEXT_LIMITS, INPUT_SETTINGS,
        attributes={"type": "tel", "autocomplete": "tel", "classes": "govuk-input--width-20"}, check="tel",
    ),
    "number": QuestionType(
        "govukInput", ("min", "max", "whole"), INPUT_SETTINGS,
        # type=number misbehaves (scroll changes it, it rounds); the Design System uses inputmode.
        attributes={"inputmode": "decimal", "spellcheck": False, "classes": "govuk-input--width-10"}, check="number",
    ),
    "url": QuestionType(
        "govukInput", TEXT_LIMITS, INPUT_SETTINGS,
        attributes={"type": "url", "autocomplete": "url", "spellcheck": False}, check="url",
    ),
    "postcode": QuestionType(
        "govukInput", (), INPUT_SETTINGS,
        attributes={"autocomplete": "postal-code", "spellcheck": False, "classes": "govuk-input--width-10"},
        check="postcode",
    ),
    "national-insurance-number": QuestionType(
        "govukInput", (), INPUT_SETTINGS,
        attributes={"spellcheck": False, "classes": "govuk-input--width-10"},
        hint="It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.",
        check="national_insurance_number",
    ),
    "password": QuestionType("govukPasswordInput", TEXT_LIMITS, ("autocomplete",),
                             attributes={"autocomplete": "current-password"}),
    "textarea": QuestionType("govukTextarea", TEXT_LIMITS, ("rows", "autocomplete", "spellcheck")),
    "character-count": QuestionType("govukCharacterCount", ("max_length", "max_words", "min_length"),
                                    ("rows", "spellcheck")),
    "radios": QuestionType("govukRadios", has_options=True, settings=("inline",), fieldset=True),
    "yes-no": QuestionType("govukRadios", settings=(), fieldset=True),
    "checkboxes": QuestionType("govukCheckboxes", has_options=True, settings=("inline",), fieldset=True, check="exclusive"),
    "select": QuestionType("govukSelect", has_options=True),
    # A select that GOV.UK's accessible-autocomplete turns into a text box offering the options as
    # people type (journeys/static/autocomplete.js); without JavaScript it stays a select.
    "autocomplete": QuestionType("govukSelect", has_options=True, check="choice"),
    "date": QuestionType("govukDateInput", ("past", "future"), ("autocomplete",), fieldset=True, check="date"),
    "file": QuestionType("govukFileUpload"),
    "address": QuestionType("govukFieldset", fieldset=True, check="postcode"),
}

# Widths from GOV.UK Frontend: fixed (characters) and fluid (a share of the column).
WIDTHS = {
    2: "govuk-input--width-2", 3: "govuk-input--width-3", 4: "govuk-input--width-4",
    5: "govuk-input--width-5", 10: "govuk-input--width-10", 20: "govuk-input--width-20",
    30: "govuk-input--width-30",
    "full": "govuk-!-width-full", "three-quarters": "govuk-!-width-three-quarters",
    "two-thirds": "govuk-!-width-two-thirds", "one-half": "govuk-!-width-one-half",
    "one-third": "govuk-!-width-one-third", "one-quarter": "govuk-!-width-one-quarter",
}

YES_NO = ("Yes", "No")

# The parts of an address question: (part, label, autocomplete, required).
ADDRESS_PARTS = (
    ("line-1", "Address line 1", "address-line1", True),
    ("line-2", "Address line 2 (optional)", "address-line2", False),
    ("town", "Town or city", "address-level2", True),
    ("county", "County (optional)", "", False),
    ("postcode", "Postcode", "postal-code", True),
)
DATE_PARTS = ("day", "month", "year")
