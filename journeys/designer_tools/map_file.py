"""`journeys map FLOW -o map.svg`: a flow's journey map written to a file, as the dev server draws it."""

from __future__ import annotations

import sys
from pathlib import Path

from journeys.flows.journey_map import journey_map
from journeys.problems import ContentError, did_you_mean
from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.rendering.journey_map_svg import MapNotDrawn, standalone_svg


def write_map(project_dir: str, slug: str, out: str | None, scenario_name: str | None = None) -> int:
    """Write the map of flow `slug` (with a scenario's path) to `out`, or print it; 1 with a reason if it cannot."""
    model = read_prototype(Project.at(project_dir))
    try:
        found = model.flow_as_written(slug.removeprefix("/").removesuffix("/"))
    except ContentError as error:
        print(f"The flow cannot be drawn until its file reads as a flow. {error.report()}", file=sys.stderr)
        return 1
    if found is None:
        hint = did_you_mean(slug, model.flow_files) or "Flows are: " + (", ".join(model.flow_files) or "none yet")
        print(f"There is no flow called '{slug}': {hint}", file=sys.stderr)
        return 1
    flow, _problems = found
    scenario = None
    if scenario_name:
        scenario = model.scenarios.get(scenario_name)
        if scenario is None or scenario.flow != flow.slug:
            names = [name for name, s in model.scenarios.items() if s.flow == flow.slug]
            print(f"'{flow.slug}' has no scenario called '{scenario_name}': "
                  + (did_you_mean(scenario_name, names) or "Its scenarios are: " + (", ".join(names) or "none")),
                  file=sys.stderr)
            return 1
    try:
        drawn = standalone_svg(journey_map(flow, scenario))
    except MapNotDrawn as error:
        print(error, file=sys.stderr)
        return 1
    if out in (None, "-"):
        sys.stdout.write(drawn)
        return 0
    Path(out).write_text(drawn, encoding="utf-8")
    print(f"Wrote the map of {flow.title} to {out}")
    return 0
