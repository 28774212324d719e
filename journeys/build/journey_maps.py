"""A build's journey maps: all drawn by one Graphviz process while the pages are frozen, then frozen last.

Starting `dot` costs more than laying out a 50-page flow (5 ms against 14 ms a map, measured
on 20 maps), so the maps go to one `dot` together. It runs beside the processes freezing the
pages, and its maps are frozen in the main process once the pages are done.
"""

from __future__ import annotations

from urllib.parse import unquote

from flask import Flask, url_for

from journeys.flows.journey_map import journey_map
from journeys.rendering.journey_map_svg import Drawing, draw_ahead
from journeys.web.state import state


def start_drawing(app: Flask, urls: list[str]) -> Drawing:
    """Start drawing the maps at `urls` (map URLs as the build freezes them), kept for their pages in its `with` block."""
    wanted = set(urls)
    return draw_ahead([found for url, found in _maps(app) if url in wanted] if wanted else [])


def _maps(app: Flask):
    """(URL, map) for each map the site has: each flow's, and each scenario's path on its flow's."""
    prototype = state(app).source.current()
    with app.test_request_context():
        for slug in prototype.flows:
            flow, _problems = prototype.flow_as_written(slug)
            yield unquote(url_for("maps.flow_map", slug=slug)), journey_map(flow)
            for scenario in prototype.scenarios.values():
                if scenario.flow == slug:
                    yield (unquote(url_for("maps.scenario_map", slug=slug, name=scenario.name)),
                           journey_map(flow, scenario))

