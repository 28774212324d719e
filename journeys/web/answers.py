"""The answers of the person using the prototype: read from and written to the store."""

from __future__ import annotations

import secrets

from flask import g, session
from jinja2 import Undefined
from werkzeug.datastructures import MultiDict

from journeys.web.state import state

# The Prototype Kit's convention: a hidden input with this value marks a checkbox group,
# so that unticking every box clears the answer instead of leaving the old one.
UNCHECKED = "_unchecked"


def fields_from_form(form: MultiDict, files: MultiDict | None = None) -> dict:
    """The answers a submitted form gives: `_`-prefixed names are the form's own, not answers."""
    fields: dict = {}
    for name in form.keys():
        if name.startswith("_"):
            continue
        values = form.getlist(name)
        if UNCHECKED in values:
            fields[name] = [value for value in values if value != UNCHECKED]
        elif len(values) == 1:
            fields[name] = values[0]
        else:
            fields[name] = values
    for name in (files or MultiDict()).keys():
        chosen = [f.filename for f in files.getlist(name) if f.filename]
        # Keep only the file's name. An empty file input leaves an earlier upload's answer.
        if chosen and not name.startswith("_"):
            fields[name] = chosen[0] if len(chosen) == 1 else chosen
    return fields


def current() -> dict:
    """This person's answers so far (read once per request)."""
    if "answers" not in g:
        session_id = session.get("id")
        g.answers = state().answers.load(session_id) if session_id else {}
    return g.answers


def remember(fields: dict, remove=()) -> dict:
    """Add `fields` to this person's answers (and drop `remove`); the answers after.

    The store merges in one step: a page posted from another tab at the same moment keeps its answers too.
    """
    answers = state().answers.update(_session_id(), fields, remove)
    g.answers = answers
    return answers


def replace(answers: dict) -> None:
    """Store `answers` in place of everything this person has answered."""
    state().answers.replace(_session_id(), answers)
    g.answers = dict(answers)


def forget() -> None:
    """Clear every answer this person has given."""
    session_id = session.get("id")
    if session_id:
        state().answers.clear(session_id)
    g.answers = {}


def _session_id() -> str:
    if "id" not in session:
        session["id"] = secrets.token_urlsafe(24)
    return session["id"]


class TemplateAnswers(dict):
    """The answers as templates see them (`data`): a missing answer is empty, never an error.

    Jinja looks up `data["items"]` as an attribute when the key is missing, and would find
    dict's own `items` method; answer names like items, keys or values must not do that.
    """

    def __missing__(self, name):
        return Undefined(name=name)
