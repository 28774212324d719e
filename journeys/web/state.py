"""What a Journeys app knows besides Flask's own settings: one typed object per app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from flask import Flask, current_app, g

from journeys.file_cache import FileCache
from journeys.project import Project
from journeys.prototype import Prototype, PrototypeSource
from journeys.web.answer_store import AnswerStore

KEY = "journeys"  # in app.extensions
T = TypeVar("T")


@dataclass
class AppState:
    """The prototype served, its model kept fresh, GOV.UK Frontend's files, the answers, and the mode."""

    project: Project
    source: PrototypeSource
    files: FileCache  # parsed and rendered files, each kept until it changes
    govuk: Path  # GOV.UK Frontend's dist/govuk folder
    answers: AnswerStore
    frozen: bool  # rendering pages for a build: no server behind them
    hosted: bool = False  # served to research participants: no designer tools


def state(app: Flask | None = None) -> AppState:
    """The state of `app`, or of the app handling this request."""
    return (app or current_app).extensions[KEY]


def prototype() -> Prototype:
    """The prototype's model for this request: one look at the files however often a page asks."""
    if "journeys_prototype" not in g:
        g.journeys_prototype = state().source.current()
    return g.journeys_prototype


def find(lookup: Callable[[Prototype], T]) -> T | None:
    """`lookup(prototype)`; when it finds nothing, look at the folders again before saying so.

    A dev server learns of a new file from its watcher a moment after it is saved: a request in
    that moment must still find it.
    """
    found = lookup(prototype())
    if not found and not state().source.fixed:
        g.journeys_prototype = state().source.current(look=True)
        found = lookup(g.journeys_prototype)
    return found
