"""Every URL of a frozen prototype, as Frozen-Flask URL generators: derived, never kept by hand.

Each generator yields `(endpoint, values)` pairs, as url_for takes them, so Frozen-Flask's
endpoint check can name a route that nothing freezes. Page files, flows and scenarios come
from the prototype's files; pages that take no arguments (/clear-answers, /scenarios,
/robots.txt, and any route added later) from the app's URL map; files from the folders the
live server sends them from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote

from flask import Flask, url_for

from journeys.assets import all_assets, find_asset
from journeys.flows.flow_files import flow_urls
from journeys.prototype import Prototype
from journeys.web.state import state

# Sent as they are, not rendered from the prototype: the progress and the summary count pages only.
FILE_ENDPOINTS = frozenset({"journeys.asset", "journeys.static_file", "journeys.robots_txt"})
MAP_ENDPOINTS = ("maps.flow_map", "maps.scenario_map")  # drawn by Graphviz while the pages freeze (journey_maps.py)
PAGE_ROUTE = "journeys.page"  # the catch-all: page files and flow pages, never yielded for itself
# The dev server's own tools, which have nothing to show without it: never frozen.
LIVE_ONLY = frozenset({"answers_panel.panel", "answers_panel.change"})

Generator = Callable[[], Iterable[tuple[str, dict]]]


def prototype_contents(app: Flask) -> Prototype:
    """The prototype `app` serves, read once: the build's one source of its pages, flows and scenarios."""
    return state(app).source.current()


def url_generators(app: Flask) -> list[Generator]:
    """A URL generator for each kind of URL the site has, each marked with the endpoints it covers."""
    contents = prototype_contents(app)
    # Routes that take nothing freeze as they are. The catch-all's '/' takes a default path, so
    # it is not among them: it is frozen only when a page file serves it.
    built_in = [rule.endpoint for rule in app.url_map.iter_rules()
                if "GET" in rule.methods and not rule.arguments and rule.endpoint not in LIVE_ONLY]
    files = served_files(app)

    @covers(PAGE_ROUTE)
    def page_files():
        for url in contents.pages:
            yield PAGE_ROUTE, {"path": url.lstrip("/")}

    @covers(PAGE_ROUTE, "journeys.flow_definition")
    def flows():
        for flow in contents.flows.values():
            # The flow's own address leads to its first page; its JSON drives the frozen pages' script.
            yield PAGE_ROUTE, {"path": flow.slug}
            for url in flow_urls(flow):
                yield PAGE_ROUTE, {"path": url.lstrip("/")}
            yield "journeys.flow_definition", {"slug": flow.slug}

    @covers("journeys.scenario")
    def scenarios():
        for name in contents.scenarios:
            yield "journeys.scenario", {"name": name}

    @covers(*MAP_ENDPOINTS)
    def journey_maps():
        for slug in contents.flows:
            yield "maps.flow_map", {"slug": slug}
        for scenario in contents.scenarios.values():
            yield "maps.scenario_map", {"slug": scenario.flow, "name": scenario.name}

    @covers(*LIVE_ONLY)
    def live_only():
        return iter(())

    @covers(*built_in)
    def built_in_pages():
        for endpoint in built_in:
            yield endpoint, {}

    @covers("journeys.asset", "journeys.static_file")
    def assets_and_static_files():
        for endpoint, values, _source in files:
            yield endpoint, values

    return [page_files, flows, scenarios, journey_maps, live_only, built_in_pages, assets_and_static_files]


def covers(*endpoints: str) -> Callable[[Generator], Generator]:
    """Mark a generator with the endpoints it freezes, even when a prototype has none of them (no scenarios)."""

    def mark(generator: Generator) -> Generator:
        generator.endpoints = frozenset(endpoints)
        return generator

    return mark


def served_files(app: Flask) -> list[tuple[str, dict, Path]]:
    """(endpoint, values, file) for each file the live server sends as it is: assets, and static/."""
    govuk, prototype = state(app).govuk, prototype_contents(app)
    found = [("journeys.asset", {"path": path}, find_asset(govuk, path)) for path in all_assets(govuk)]
    found += [("journeys.static_file", {"path": path}, prototype.static_file(path)) for path in prototype.listing.static]
    return [(endpoint, values, source) for endpoint, values, source in found if source is not None]


def file_sources(app: Flask) -> dict[str, Path]:
    """URL -> file for each file the site serves as it is, for the asset pipeline to finish."""
    with app.test_request_context():
        # Unquoted, as Frozen-Flask unquotes what url_for gives: the URLs the freezer asks for.
        return {unquote(url_for(endpoint, **values)): source for endpoint, values, source in served_files(app)}
