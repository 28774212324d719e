"""GOV.UK components' HTML, kept per parameters: the same call never renders twice.

GOV.UK Frontend's macros are pure: their HTML depends on their parameters alone (they are
imported without context). Every page calls the same header, footer and phase banner with
the same parameters, and the template calls the header twice to see if it is empty; keeping
their HTML makes a question page about twice as fast to render.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import govuk_frontend_jinja
from jinja2 import Template, Undefined
from jinja2.runtime import Macro
from markupsafe import Markup

GOVUK_TEMPLATES = str(Path(govuk_frontend_jinja.__file__).resolve().parent / "templates")
# Enough for every component on every page of a large prototype; past it, start again.
MAX_ENTRIES = 512


class Unkeyable(Exception):
    """A parameter that may not render the same way twice (a caller, an object): no caching."""


class _KeyPickler(pickle.Pickler):
    """Pickles str, numbers, bools, None, lists, tuples and dicts (in C, never reaching here),
    Markup, and plain Undefined; anything else is Unkeyable."""

    def reducer_override(self, obj):
        if type(obj) is Markup or obj is Markup or obj is Undefined:
            return NotImplemented  # pickled as Markup (text and Markup render differently); the classes by name
        if type(obj) is Undefined:
            return (Undefined, ())  # a missing value prints and tests the same whatever its name
        raise Unkeyable


def key_of(value) -> bytes:
    """A key equal only for values that render the same: True, 1 and 1.0 differ, as do text and Markup.

    Pickled in C: about six times faster than walking the values in Python, and a question's
    parameters are keyed on every page whether or not they are ever seen again.
    """
    buffer = io.BytesIO()
    try:
        _KeyPickler(buffer, protocol=5).dump(value)
    except Unkeyable:
        raise
    except Exception:  # something pickle cannot take is something not to cache
        raise Unkeyable from None
    return buffer.getvalue()


class CachedMacro:
    """A GOV.UK macro that keeps the HTML of each set of parameters it has seen."""

    def __init__(self, macro: Macro):
        self.macro = macro
        self.html: dict = {}

    def __call__(self, *args, **kwargs):
        try:
            key = key_of((args, kwargs))
        except Unkeyable:
            return self.macro(*args, **kwargs)
        html = self.html.get(key)
        if html is None:
            html = self.macro(*args, **kwargs)
            if len(self.html) >= MAX_ENTRIES:
                self.html.clear()
            self.html[key] = html
        return html


class ComponentTemplate(Template):
    """A template whose GOV.UK macros, once imported, keep their HTML."""

    def make_module(self, vars=None, shared=False, locals=None):
        module = super().make_module(vars, shared, locals)
        # `shared` is an import "with context": its HTML may depend on the page, so it is left alone.
        if not shared and (self.filename or "").startswith(GOVUK_TEMPLATES):
            for name, value in list(module.__dict__.items()):
                if isinstance(value, Macro):
                    setattr(module, name, CachedMacro(value))
        return module
