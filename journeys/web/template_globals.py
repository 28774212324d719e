"""What every template sees: the answers as `data`, the settings, the assets, `answer()` and `when()`."""

from __future__ import annotations

from journeys.problems import ContentError
from journeys.settings import SETTINGS_FILE
from journeys.web import answers
from journeys.web.personal import answer_helper, when_helper
from journeys.web.state import prototype, state


def template_globals() -> dict:
    """The Prototype Kit's `data` (the answers), the service's settings, the stylesheets and scripts."""
    model, frozen = prototype(), state().frozen
    broken_settings = model.problems_in(f"data/{SETTINGS_FILE}")
    if broken_settings:
        raise ContentError(broken_settings)  # every page shows what to fix
    settings = model.settings
    return {
        "data": answers.for_templates(),
        "serviceName": settings.get("service_name", ""),
        "serviceUrl": "/",
        "phase": settings.get("phase", "Prototype"),
        "assetPath": "/assets",
        "stylesheets": ["/static/application.css"] if "application.css" in model.listing.static else [],
        "scripts": (["/static/application.js"] if "application.js" in model.listing.static else [])
        + (["/assets/journeys/frozen.js"] if frozen else []),
        "answer": answer_helper,
        "when": when_helper,
        "frozen": frozen,
        "hosted": state().hosted,
        # A hosted prototype gives every form its token (journeys/hosting/csrf.py); elsewhere a page
        # that asks for one still renders.
        "csrf_token": _no_token,
    }


def _no_token() -> str:
    return ""
