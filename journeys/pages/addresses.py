"""Addresses two files claim: a page file at a flow's address, or at one of its pages'."""

from __future__ import annotations

from typing import Callable

from journeys.flows.flow_files import flow_urls
from journeys.flows.model import Flow
from journeys.pages.routing import PageFile
from journeys.problems import Problem


def address_clashes(pages: dict[str, PageFile], flows: dict[str, Flow],
                    name_of: Callable) -> dict[str, Problem]:
    """The problem at each address both a page file and a flow claim, by address; `name_of` names a file as messages do."""
    clashes = {}
    for flow in flows.values():
        own = f"/{flow.slug}"
        if own in pages:
            clashes[own] = Problem(flow.file, 1, f"{name_of(pages[own].path)} has the same address, {own}, as this flow",
                                   "Rename the page file, or the flow's file.")
        for url in flow_urls(flow):
            if url in pages:
                page_id = url.removeprefix(f"{own}/").split("/", 1)[0]  # a list's remove page: the list's
                clashes[url] = Problem(flow.file, flow.pages[page_id].line,
                                       f"{name_of(pages[url].path)} has the same address, {url}, as this page",
                                       "Rename the page file or this page's id.")
    return clashes
