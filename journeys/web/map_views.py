"""Journey maps: /_journeys/map lists the flows; /_journeys/map/<flow> draws one, with a scenario's path if chosen.

A scenario's path is at /_journeys/map/<flow>?scenario=<name> on the dev server, and at
/_journeys/map/<flow>/scenario/<name> everywhere, which the build freezes (a static site has no
query strings).
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from markupsafe import Markup

from journeys.flows.journey_map import journey_map, scenario_path
from journeys.rendering.journey_map_svg import MapNotDrawn, svg
from journeys.web.state import find, prototype

MAPS = "/_journeys/map"
bp = Blueprint("maps", __name__)


def map_url(slug: str, scenario: str | None = None) -> str:
    return f"{MAPS}/{slug}" + (f"/scenario/{scenario}" if scenario else "")


@bp.get(MAPS, strict_slashes=False)
def map_list():
    model = prototype()
    return render_template("journey-maps.html", flows=[(slug, model.flows.get(slug)) for slug in model.flow_files],
                           mapUrl=map_url)


@bp.get(f"{MAPS}/<path:slug>/scenario/<name>", strict_slashes=False)
def scenario_map(slug: str, name: str):
    return _show(slug, name)


@bp.get(f"{MAPS}/<path:slug>", strict_slashes=False)
def flow_map(slug: str):
    return _show(slug, request.args.get("scenario") or None)


def _show(slug: str, scenario_name: str | None):
    found = find(lambda model: model.flow_as_written(slug))
    if found is None:
        abort(404)
    flow, _ = found
    model = prototype()
    problems = model.problems_in(flow.file)  # its own, and those across files (an address another page has)
    scenario = None
    if scenario_name is not None:
        scenario = model.scenario(scenario_name)
        if scenario is None or scenario.flow != slug:
            abort(404)
    drawn = journey_map(flow, scenario)
    scenarios = [s for s in model.scenarios.values() if s.flow == slug]
    try:
        picture, missing = Markup(svg(drawn)), None
    except MapNotDrawn as error:  # the table still says it all: a build without Graphviz, or a huge flow, goes on
        picture, missing = None, str(error)
    return render_template(
        "journey-map.html", map=drawn, picture=picture, missing=missing, problems=problems, scenarios=scenarios,
        path=scenario_path(scenario) if scenario else [], mapUrl=map_url, title=f"Journey map: {flow.title}",
    )
