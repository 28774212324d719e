"""Questions rendered from their shape are byte for byte what the GOV.UK macros render."""

import itertools
import random

import pytest
from flow_helpers import question_from

from journeys.flows.question_types import TYPES
from journeys.flows.validation import FieldError
from journeys.rendering import macro_shapes
from journeys.rendering import questions as question_module
from journeys.rendering.questions import AS_HEADING, HIDDEN, PLAIN, render_question, render_questions

# Words that test the escaping and the rules for what may be replaced.
AWKWARD = ["Sofa", "Fish & chips", "<b>bold</b>", 'Say "hello"', "it's", "Ünïcödé ✓", "a\nb", " spaced ",
           "line\u2028break", "Sofa", "12 months", "0", "\ue000"]


def words(rng: random.Random, count: int) -> list[str]:
    """`count` different, non-blank words, some awkward."""
    chosen: list[str] = []
    while len(chosen) < count:
        word = rng.choice(AWKWARD) if rng.random() < 0.5 else f"Option {rng.randint(1, 99)}"
        if word.strip() and word not in chosen:
            chosen.append(word)
    return chosen


def questions(rng: random.Random):
    """Question YAML of every type, with options, hints, settings and limits varied."""
    for kind, spec in TYPES.items():
        for variant in range(6):
            data = {"name": rng.choice(["answer", "date-of-birth", "a_b", "x"]), "type": kind,
                    "label": rng.choice(AWKWARD + ["What is your name?"]).strip() or "Label"}
            if rng.random() < 0.6:
                data["hint"] = rng.choice(AWKWARD).strip() or "Hint"
            if spec.has_options:
                texts = words(rng, rng.randint(2, 5))
                options = []
                for number, text in enumerate(texts):
                    option = {"text": text}
                    if rng.random() < 0.3:
                        option["hint"] = rng.choice(AWKWARD).strip() or "Hint"
                    if rng.random() < 0.3:
                        option["value"] = texts[(number + 1) % len(texts)] + "!"  # a value like another's text
                    if kind == "checkboxes" and number == len(texts) - 1 and rng.random() < 0.5:
                        option["exclusive"] = True
                    options.append(option)
                if kind != "select" and rng.random() < 0.3:
                    options.insert(1, {"divider": rng.choice(["or", "&"])})
                data["options"] = options
            if "inline" in spec.settings and rng.random() < 0.4:
                data["inline"] = True
            if "width" in spec.settings and rng.random() < 0.4:
                data["width"] = rng.choice([2, 10, "one-half"])
            if "prefix" in spec.settings and rng.random() < 0.3:
                data["prefix"] = rng.choice(["£", "<", "&"])
            if "suffix" in spec.settings and rng.random() < 0.3:
                data["suffix"] = "per item"
            if "autocomplete" in spec.settings and rng.random() < 0.3:
                data["autocomplete"] = "bday" if kind == "date" else "name"
            if "rows" in spec.settings and rng.random() < 0.3:
                data["rows"] = 3
            if kind == "character-count":
                data["max_length" if variant % 2 else "max_words"] = 50
            yield variant, data


def values_for(question, rng: random.Random) -> list:
    """No answer, and answers a person could have given (matching an option or not)."""
    choices = [o.value for o in question.options if not o.divider]
    if question.type in ("radios", "select"):
        return [None, "", rng.choice(choices), "not an option"]
    if question.type == "yes-no":
        return [None, "Yes", "No"]
    if question.type == "checkboxes":
        return [None, [], choices[:1], choices[-2:], ["not an option"]]
    if question.type == "date":
        return [None, "2007-03-27", {"day": "31", "month": "2", "year": "20<7"}]
    if question.type == "address":
        return [None, {"line-1": "1 High St", "town": "Leeds", "postcode": "LS1 1AA"}, {"line-1": "<a & b>"}]
    return [None, "", rng.choice(AWKWARD), rng.choice(AWKWARD)]


def errors_for(question, rng: random.Random) -> list[list[FieldError]]:
    message = rng.choice(["Enter your name", "Name must be 35 characters or less", "Say \"why\" & <how>"])
    field = f"{question.name}-line-1" if question.type == "address" else question.name
    found = [[], [FieldError(question.name, field, message)]]
    if question.type == "date":
        found.append([FieldError(question.name, f"{question.name}-month", message, ("month", "year"))])
    return found


def plain(macro, name, params):
    return macro(params)


def test_every_question_renders_as_the_macros_render_it(app_context, monkeypatch):
    macros = app_context.jinja_env.globals
    rng = random.Random(20261121)
    compared = 0
    for variant, data in questions(rng):
        question = question_from(data)
        for value, errors, mode, caption in itertools.product(
                values_for(question, rng), errors_for(question, rng), (AS_HEADING, HIDDEN, PLAIN), ("", "About <you>")):
            shaped = render_question(macros, question, value, errors, mode, caption)
            monkeypatch.setattr(question_module, "render_shaped", plain)
            expected = render_question(macros, question, value, errors, mode, caption)
            monkeypatch.undo()
            assert shaped == expected, (data, value, errors, mode, caption)
            compared += 1
    assert compared > 2000


def test_questions_with_reveals_render_as_the_macros_render_them(app_context, monkeypatch):
    macros = app_context.jinja_env.globals
    rng = random.Random(20261129)
    compared = 0
    for kind, variant in itertools.product(("radios", "checkboxes"), range(15)):
        options = [{"text": text} for text in words(rng, 3)]
        options[0]["reveal"] = [{"name": "more", "label": rng.choice(AWKWARD).strip() or "More",
                                 "hint": rng.choice(AWKWARD).strip() or "Hint"}]
        options[2]["reveal"] = [{"name": "when", "type": "date", "label": "When?"}, {"name": "note", "label": "Note"}]
        question = question_from({"name": "pick", "type": kind, "label": rng.choice(AWKWARD).strip() or "Pick",
                                  "options": options})
        chosen = [option.value for option in question.choices]
        for value, errors, mode in itertools.product(
                [None, chosen[0], chosen[2]] if kind == "radios" else [None, chosen[:1], chosen],
                [[], [FieldError("more", "more", "Enter more"), FieldError("when", "when-month", "Say <when>", ("month",))]],
                (AS_HEADING, PLAIN)):
            values = {"pick": value, "more": rng.choice(AWKWARD), "when": "2007-03-27", "note": rng.choice(AWKWARD)}
            shaped = render_questions(macros, [question], values, errors, mode)
            monkeypatch.setattr(question_module, "render_shaped", plain)
            expected = render_questions(macros, [question], values, errors, mode)
            monkeypatch.undo()
            assert shaped == expected, (options, values, errors, mode)
            assert 'id="conditional-pick"' in shaped[0] and 'id="when-day"' in shaped[0]
            compared += 1
    assert compared == 2 * 15 * 3 * 2 * 2


def test_questions_that_differ_only_in_their_words_share_one_shape(app_context):
    macros = app_context.jinja_env.globals
    macro_shapes._shapes.clear()
    pages = [question_from({"name": f"item-{n}", "type": "radios", "label": f"Which item, number {n}?",
                            "hint": f"Hint {n}", "options": [f"Sofa {n}", f"Bed {n}", f"Fridge & {n}"]})
             for n in range(100)]
    html = [render_question(macros, question, None, [], AS_HEADING) for question in pages]
    assert len(macro_shapes._shapes) == 1
    assert 'value="Fridge &amp; 42"' in html[42] and "Which item, number 42?" in html[42]


@pytest.fixture
def app_context(make_project, make_app):
    app = make_app(make_project({"pages/index.md": "# Home\n"}))
    with app.test_request_context("/"):
        yield app


def test_words_that_trim_or_indent_would_change_stay_in_the_shape():
    assert not macro_shapes._replaceable(" spaced ")
    assert not macro_shapes._replaceable("a\nb")
    assert not macro_shapes._replaceable("line\u2028break")
    assert not macro_shapes._replaceable("")
    assert macro_shapes._replaceable("Fish & chips")


# A placeholder's own characters, typed by a person, alone and as whole placeholders.
PRIVATE_USE = ["\ue000", "\ue001", "\ue0000\ue001", "\ue0009\ue001", "a \ue0001\ue001 b", "\ue000 9 \ue001",
               "\ue001\ue000", "line\n\ue0000\ue001"]


@pytest.mark.parametrize("typed", PRIVATE_USE, ids=ascii)
def test_words_with_a_placeholders_characters_render_as_the_macros_render_them(app_context, monkeypatch, typed):
    macros = app_context.jinja_env.globals
    for kind in ("text", "textarea", "radios", "checkboxes", "date", "address"):
        data = {"name": "answer", "type": kind, "label": f"Label {typed}", "hint": typed}
        if kind in ("radios", "checkboxes"):
            data["options"] = [typed, "Sofa", {"text": "Bed", "hint": typed}]
        question = question_from(data)
        value = {"text": typed, "textarea": typed, "radios": typed, "checkboxes": [typed, "Sofa"],
                 "date": {"day": typed, "month": "2", "year": "2020"}, "address": {"line-1": typed}}[kind]
        errors = [FieldError("answer", "answer", f"Error {typed}")]
        shaped = render_question(macros, question, value, errors, PLAIN)
        monkeypatch.setattr(question_module, "render_shaped", plain)
        expected = render_question(macros, question, value, errors, PLAIN)
        monkeypatch.undo()
        assert shaped == expected, (kind, typed)
