"""Edits show on the next request: on every save the dev server forgets templates, and reads the prototype's model again.

Flask turns Jinja's auto-reload off outside debug mode, and with it on Jinja checks the
modification time of every template a page uses (~50 with the GOV.UK macros) on every
request. Instead each template remembers the save count when it was read, and is read again
once a save has happened since: one integer comparison, and no window in which a template
read just before a save is kept after it.
"""

from __future__ import annotations

from typing import Callable

from flask import Flask
from jinja2 import BaseLoader, Environment

from journeys.rendering.macro_cache import GOVUK_TEMPLATES
from journeys.web.state import state


def _always() -> bool:
    return True


class FreshLoader(BaseLoader):
    """Another loader's templates, kept until the next call to `saved()`.

    GOV.UK Frontend's templates are installed files that no one edits: they are kept for good.
    """

    def __init__(self, loader: BaseLoader):
        self.loader = loader
        self.saves = 0

    def get_source(self, environment: Environment, template: str):
        # Counted before reading: a save while the file is read makes this copy stale.
        saves = self.saves
        source, filename, _ = self.loader.get_source(environment, template)
        if filename and filename.startswith(GOVUK_TEMPLATES):
            return source, filename, _always
        return source, filename, lambda: self.saves == saves

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()

    def saved(self) -> None:
        self.saves += 1


def keep_fresh(app: Flask) -> Callable[[], None]:
    """Make `app` show every edit; returns the function to call once files have changed.

    The prototype's model is read again after each save, and only the files that changed are
    parsed again (the file cache checks each one's stamp): the watcher, not a walk of the folders
    on every request, says when.
    """
    loader = FreshLoader(app.jinja_env.loader)
    app.jinja_env.loader = loader
    app.jinja_env.auto_reload = True
    source = state(app).source
    source.watch()

    def forget() -> None:
        loader.saved()
        source.saved()

    return forget
