"""A build's journey maps, drawn by one Graphviz process for each share of the pages that has any.

Starting `dot` costs more than laying out a 50-page flow (5 ms against 14 ms a map, measured
on 20 maps), so the maps of a share go to one `dot` together, which draws them while the other
processes render pages (the build hands the maps out first).
"""

from __future__ import annotations

from flask import Flask

from journeys.flows.journey_map import journey_map
from journeys.rendering.journey_map_svg import Drawing, draw_ahead
from journeys.web.map_views import MAPS, map_url
from journeys.web.state import state


def start_drawing(app: Flask, urls: list[str]) -> Drawing:
    """Start drawing the maps among `urls`, kept for their pages inside the Drawing's `with` block."""
    wanted = {url for url in urls if url.startswith(MAPS + "/")}
    return draw_ahead(list(_maps(app, wanted)) if wanted else [])


def _maps(app: Flask, wanted: set[str]):
    """The map at each of the `wanted` URLs: a flow's, or a scenario's path on its flow's."""
    prototype = state(app).source.current()
    for slug in prototype.flows:
        if map_url(slug) in wanted:
            yield journey_map(prototype.flow_as_written(slug)[0])
        for scenario in prototype.scenarios.values():
            if scenario.flow == slug and map_url(slug, scenario.name) in wanted:
                yield journey_map(prototype.flow_as_written(slug)[0], scenario)
