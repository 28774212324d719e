"""GOV.UK components' HTML, kept per parameters: the same call never renders twice.

GOV.UK Frontend's macros are pure: their HTML depends on their parameters alone (they are
imported without context). Every page calls the same header, footer and phase banner with
the same parameters, and the template calls the header twice to see if it is empty; keeping
their HTML makes a question page about twice as fast to render.
"""

from __future__ import annotations

from pathlib import Path

import govuk_frontend_jinja
from jinja2 import Template, Undefined
from jinja2.runtime import Macro
from markupsafe import Markup

GOVUK_TEMPLATES = str(Path(govuk_frontend_jinja.__file__).resolve().parent / "templates")
# Enough for every component on every page of a large prototype; past it, start again.
MAX_ENTRIES = 512
_SCALARS = (Markup, int, float, bool, type(None))


class Unkeyable(Exception):
    """A parameter that may not render the same way twice (a caller, an object): no caching."""


def key_of(value):
    """A hashable key equal only for values that render the same: True, 1 and 1.0 differ, as do text and Markup."""
    kind = type(value)
    if kind is str:
        return value
    if kind in _SCALARS:
        return (kind, value)
    if kind is dict:
        return (dict, tuple((key_of(k), key_of(v)) for k, v in value.items()))
    if kind is list or kind is tuple:
        return (kind, tuple(key_of(v) for v in value))
    if kind is Undefined:  # a missing value prints and tests the same whatever its name
        return (kind,)
    raise Unkeyable


class CachedMacro:
    """A GOV.UK macro that keeps the HTML of each set of parameters it has seen."""

    def __init__(self, macro: Macro):
        self.macro = macro
        self.html: dict = {}

    def __call__(self, *args, **kwargs):
        try:
            key = (key_of(args), key_of(kwargs))
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
