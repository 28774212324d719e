"""A question as GOV.UK HTML: the parameters of its Design System macro, then the macro."""

from __future__ import annotations

from markupsafe import Markup, escape

from journeys.flows.model import Question
from journeys.flows.question_types import ADDRESS_PARTS, TYPES, WIDTHS
from journeys.flows.validation import FieldError
from journeys.rendering.macro_shapes import render_shaped

# How a question's label or legend shows: as the page's h1, hidden (the h1 says it), plain,
# medium (a list page's "add another?"), or as a question revealed under an option.
AS_HEADING, HIDDEN, PLAIN, MEDIUM, REVEALED = "heading", "hidden", "plain", "medium", "revealed"
# Stands in for a revealed textarea's text while the radios around it are rendered: GOV.UK's
# macro indents the fieldset's HTML, which would indent every line of the answer.
_HELD = "\ue002{}\ue003"


def render_questions(macros: dict, questions: list[Question], values: dict, errors: list[FieldError],
                     mode: str = PLAIN, caption: str = "") -> list[Markup]:
    """The HTML of a page's questions, each with the questions revealed under its options."""
    return [_with_reveals(macros, question, values, errors, mode, caption) for question in questions]


def _with_reveals(macros: dict, question: Question, values: dict, errors: list[FieldError], mode: str,
                  caption: str) -> Markup:
    held: list[Markup] = []

    def value_of(revealed: Question):
        value = values.get(revealed.name)
        if revealed.type in ("textarea", "character-count") and isinstance(value, str) and "\n" in value:
            held.append(escape(value))
            return _HELD.format(len(held) - 1)
        return value

    revealed = {
        option.value: Markup("").join(
            render_question(macros, asked, value_of(asked), errors_for(asked.name, errors), REVEALED)
            for asked in option.reveal)
        for option in question.choices if option.reveal
    }
    html = render_question(macros, question, values.get(question.name), errors_for(question.name, errors),
                           mode, caption, revealed)
    for number, text in enumerate(held):
        html = Markup(str(html).replace(_HELD.format(number), str(text)))
    return html


def errors_for(name: str, errors: list[FieldError]) -> list[FieldError]:
    return [error for error in errors if error.question == name]


def render_question(macros: dict, question: Question, value, errors: list[FieldError],
                    mode: str = PLAIN, caption: str = "", revealed: dict | None = None) -> Markup:
    """The HTML of one question, filled with `value`, showing its `errors` (and `revealed` HTML, by option)."""
    spec = TYPES[question.type]
    if question.type == "address":
        return _address(macros, question, value or {}, errors, mode, caption)
    params = {"name": question.name, "id": question.name}
    if question.name.startswith("_"):
        # A page's own question (a list's "add another?"): ids must start with a letter.
        params["idPrefix"] = params["id"] = question.name.lstrip("_")
    title = _title(question.label, mode, caption, spec.fieldset)
    if spec.fieldset:
        params["fieldset"] = {"legend": title}
    else:
        params["label"] = title
    if question.hint:
        params["hint"] = {"text": question.hint}
    if errors:
        params["errorMessage"] = {"text": errors[0].message}
    params.update(_specific(question, value, errors, revealed or {}))
    return render_shaped(macros[spec.macro], spec.macro, params)


def _title(text: str, mode: str, caption: str, fieldset: bool) -> dict:
    if mode == REVEALED:
        return {"text": text}
    size = {"heading": "l", "hidden": "", "plain": "s", "medium": "m"}[mode]
    kind = "govuk-fieldset__legend" if fieldset else "govuk-label"
    title: dict = {"classes": f"{kind}--{size}" if size else "govuk-visually-hidden"}
    if mode == AS_HEADING:
        title["isPageHeading"] = True
        if caption:
            title["html"] = Markup('<span class="govuk-caption-l">{}</span>{}').format(caption, text)
            return title
    title["text"] = text
    return title


def _specific(question: Question, value, errors: list[FieldError], revealed: dict) -> dict:
    spec, kind, settings = TYPES[question.type], question.type, question.settings
    params: dict = dict(spec.attributes)
    if "width" in settings:
        params["classes"] = WIDTHS[settings["width"]]
    for key in ("autocomplete", "spellcheck"):
        if key in settings:
            params[key] = settings[key]
    for key in ("prefix", "suffix"):
        if key in settings:
            params[key] = {"text": settings[key]}
    if "rows" in settings:
        params["rows"] = settings["rows"]
    if kind in ("radios", "yes-no"):
        params["value"] = value or ""
        params["items"] = _items(question, revealed)
        if kind == "yes-no" or settings.get("inline"):
            params["classes"] = "govuk-radios--inline"
    elif kind == "checkboxes":
        params["values"] = value if isinstance(value, list) else []
        params["items"] = _items(question, revealed)
        if settings.get("inline"):
            params["classes"] = "govuk-checkboxes--inline"
    elif kind in ("select", "autocomplete"):
        params["value"] = value or ""
        params["items"] = [{"value": "", "text": "Select an option"}] + [
            {"value": o.value, "text": o.text} for o in question.choices
        ]
        if kind == "autocomplete":
            # journeys/static/autocomplete.js enhances it; words typed that are no option are shown back.
            typed = value if value and value not in [o.value for o in question.choices] else ""
            params["attributes"] = {"data-journeys-autocomplete": "", **({"data-journeys-typed": typed} if typed else {})}
    elif kind == "date":
        params["namePrefix"] = question.name
        params["items"] = _date_items(question, value, errors)
    elif kind == "character-count":
        for limit, param in (("max_length", "maxlength"), ("max_words", "maxwords")):
            if limit in question.limits:
                params[param] = question.limits[limit]
        params["value"] = value or ""
    elif kind not in ("password", "file"):
        params["value"] = value or ""
    return params


def _items(question: Question, revealed: dict) -> list[dict]:
    items = []
    for option in question.options:
        if option.divider:
            items.append({"divider": option.text})
            continue
        if option.exclusive and items and "divider" not in items[-1]:
            items.append({"divider": "or"})  # the Design System puts "or" before a "none" option
        item = {"value": option.value, "text": option.text}
        if option.hint:
            item["hint"] = {"text": option.hint}
        if option.exclusive:
            item["behaviour"] = "exclusive"
        if option.value in revealed:
            item["conditional"] = {"html": revealed[option.value]}
        items.append(item)
    return items


def _date_items(question: Question, value, errors: list[FieldError]) -> list[dict]:
    if isinstance(value, dict):
        parts = value
    elif isinstance(value, str) and value.count("-") == 2:
        year, month, day = value.split("-")
        parts = {"day": str(int(day)), "month": str(int(month)), "year": year}
    else:
        parts = {}
    wrong = set(errors[0].parts or ("day", "month", "year")) if errors else set()
    autocomplete = question.settings.get("autocomplete")
    items = []
    for part, width in (("day", 2), ("month", 2), ("year", 4)):
        item = {"name": part, "classes": f"govuk-input--width-{width}" + (" govuk-input--error" if part in wrong else ""),
                "value": parts.get(part, "")}
        if autocomplete:
            item["autocomplete"] = f"{autocomplete}-{part}"
        items.append(item)
    return items


def _address(macros: dict, question: Question, value: dict, errors: list[FieldError], mode: str, caption: str) -> Markup:
    by_field = {error.field: error.message for error in errors}
    inputs = []
    for part, label, autocomplete, _required in ADDRESS_PARTS:
        field = f"{question.name}-{part}"
        params = {"name": field, "id": field, "label": {"text": label}, "value": value.get(part, "")}
        if autocomplete:
            params["autocomplete"] = autocomplete
        if part == "postcode":
            params["classes"] = "govuk-input--width-10"
        elif part == "town":
            params["classes"] = "govuk-!-width-two-thirds"
        if field in by_field:
            params["errorMessage"] = {"text": by_field[field]}
        inputs.append(render_shaped(macros["govukInput"], "govukInput", params))
    legend = _title(question.label, mode, caption, fieldset=True)
    hint = Markup('<div class="govuk-hint">{}</div>').format(question.hint) if question.hint else Markup()
    return macros["govukFieldset"]({"legend": legend, "html": hint + Markup("").join(inputs)})

