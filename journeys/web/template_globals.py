"""What every template sees: the answers as `data`, the settings, the assets, and `answer()`."""

from __future__ import annotations

from markupsafe import Markup

from journeys.flows.navigation import records
from journeys.problems import ContentError
from journeys.rendering.answer_display import display, display_list
from journeys.settings import SETTINGS_FILE
from journeys.web import answers
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
        "frozen": frozen,
        "hosted": state().hosted,
        # A hosted prototype gives every form its token (journeys/hosting/csrf.py); elsewhere a page
        # that asks for one still renders.
        "csrf_token": _no_token,
    }


def _no_token() -> str:
    return ""


def answer_helper(name: str) -> Markup:
    """`{{ answer("email") }}` in a Jinja page: the answer as check answers shows it (a list: each item's first answer).

    Marked with its name so the frozen site's script fills it in from the browser's answers.
    """
    frozen = state().frozen
    listed = prototype().item_list(name)
    if listed is not None:
        flow, page = listed
        shown = "" if frozen else display_list(flow, page, records(answers.current(), name))
        return Markup('<span data-journeys-answer="{}" data-journeys-flow="{}">{}</span>').format(name, flow.slug, shown)
    found = prototype().question(name)
    if found is not None:
        flow, question = found
        shown = "" if frozen else display(question, answers.current().get(name))
        return Markup('<span data-journeys-answer="{}" data-journeys-flow="{}">{}</span>').format(name, flow.slug, shown)
    value = answers.current().get(name, "")
    shown = "" if frozen else ", ".join(map(str, value)) if isinstance(value, list) else value
    return Markup('<span data-journeys-answer="{}">{}</span>').format(name, shown)
