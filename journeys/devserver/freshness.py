"""Edits show on the next request: on every save the dev server forgets templates, and reads the prototype's model again.

Flask turns Jinja's auto-reload off outside debug mode, and with it on Jinja checks the
modification time of every template a page uses (~50 with the GOV.UK macros) on every
request. Instead each template remembers the save count when it was read, and is read again
once a save has happened since: one integer comparison, and no window in which a template
read just before a save is kept after it. A save of only flows, data or static files (which no
template loader reads) keeps the compiled templates: compiling them again is most of a page's
time after a save.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from flask import Flask
from jinja2 import BaseLoader, Environment

from journeys.rendering.macro_cache import GOVUK_TEMPLATES
from journeys.web.state import state


# Read into the prototype's model, never by the template loader.
MODEL_FILES = (".yaml", ".yml")


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


def keep_fresh(app: Flask) -> Callable[[dict[Path, set] | None], None]:
    """Make `app` show every edit; returns the function to call with the files that changed.

    The prototype's model is read again after each save, and only the files that changed are
    parsed again (the file cache checks each one's stamp): the watcher, not a walk of the folders
    on every request, says when. Templates are read again when a file that may be one changed.
    """
    loader = FreshLoader(app.jinja_env.loader)
    app.jinja_env.loader = loader
    app.jinja_env.auto_reload = True
    source = state(app).source
    static = state(app).project.static
    source.watch()

    def forget(changed: dict[Path, set] | None = None) -> None:
        if changed is None or any(may_be_template(path, static) for path in changed):
            loader.saved()
        source.saved()

    return forget


def may_be_template(path: Path, static: Path) -> bool:
    """Whether a changed file may be one the template loader reads: anything but flows, data and static files."""
    return not (path.suffix.lower() in MODEL_FILES or path.is_relative_to(static))
