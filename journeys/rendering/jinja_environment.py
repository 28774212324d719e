"""The Jinja environment class every Journeys app uses: Flask's, made fast for GOV.UK macros."""

from __future__ import annotations

from flask.templating import Environment

from journeys.rendering.macro_cache import ComponentTemplate


class JourneysEnvironment(Environment):
    """Flask's Jinja environment with flat template globals and cached GOV.UK component HTML.

    Globals must all be set before the first template loads (templating.configure does so).
    """

    template_class = ComponentTemplate

    def make_globals(self, d):
        # Jinja's own ChainMap makes each `{% from %}` inside a GOV.UK macro compare ~45 keys
        # in Python: half of a page's render time. A flat dict does it in C.
        return {**self.globals, **(d or {})}
