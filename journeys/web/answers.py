"""The answers of the person using the prototype: read from and written to the store."""

from __future__ import annotations

import secrets

from flask import current_app, g, session
from jinja2 import Undefined
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from journeys.web.form_fields import can_ask_for
from journeys.web.state import prototype, state
from journeys.web.store_errors import AnswersUnavailable

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


def only_asked_for(fields: dict) -> dict:
    """The fields some question, page or layout of the prototype names; the rest are dropped, and the log says so."""
    model, files = prototype(), state().files
    kept = {name: value for name, value in fields.items() if can_ask_for(model, files, name)}
    dropped = sorted(name[:40] for name in set(fields) - set(kept))  # a name may be long: the log stays short
    if dropped:
        shown = ", ".join(map(repr, dropped[:10])) + (f" and {len(dropped) - 10} more" if len(dropped) > 10 else "")
        current_app.logger.warning(
            "Not kept: %s. No question, page or layout of this prototype names %s. To keep one, write its name in "
            'the form of the page that asks for it (name="%s").', shown, "it" if len(dropped) == 1 else "them", dropped[0])
    return kept


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


def save_changes(before: dict, after: dict) -> dict:
    """Store what changed from `before` to `after`, merged in one step with what another tab stored meanwhile."""
    changed = {name: value for name, value in after.items() if before.get(name, _MISSING) != value}
    return remember(changed, remove=[name for name in before if name not in after])


_MISSING = object()


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


def for_templates():
    """`data` in templates: the answers, or, when they cannot be read, a stand-in that says why when a page uses it.

    A page that never reads the answers is still shown while the answers file is broken.
    """
    try:
        return TemplateAnswers({name: _printable(value) for name, value in current().items()})
    except AnswersUnavailable as error:
        return UnavailableAnswers(error)


def _printable(value):
    if isinstance(value, list):
        return PrintedList(_printable(item) for item in value)
    if isinstance(value, dict):
        return PrintedMapping({name: _printable(item) for name, item in value.items()})
    return value


class PrintedList(list):
    """A checkbox answer, or a list's items: `{{ data["items"] }}` prints 'Sofa, Bed', and it is still a list."""

    def __html__(self) -> Markup:
        return Markup(", ").join(self)

    def __str__(self) -> str:
        return ", ".join(map(str, self))


class PrintedMapping(dict):
    """An address, or a list's item: `{{ data["address"] }}` prints its parts, and each part is still there by name."""

    def __html__(self) -> Markup:
        return Markup(", ").join(value for value in self.values() if value)

    def __str__(self) -> str:
        return ", ".join(str(value) for value in self.values() if value)


class UnavailableAnswers:
    """The answers, unreadable: any use raises the error that names the file and the fix."""

    def __init__(self, error: AnswersUnavailable):
        self._error = error

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise self._error

    def _raise(self, *args):
        raise self._error

    __getitem__ = __iter__ = __len__ = __contains__ = __bool__ = __str__ = _raise
