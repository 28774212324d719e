"""Every page rendered once before gunicorn forks its workers, so that none of them starts cold.

A worker's first render of each template compiles it (a page and its ~40 GOV.UK macros: a
few hundred milliseconds in all). Done once in the gunicorn master, the compiled templates and
the caches of rendered macros are shared by every worker it forks. Nothing is stored: the
pages are asked for with a pass and no session, so no answer is read or written.
"""

from __future__ import annotations

import logging
import secrets

from flask import Flask

from journeys.hosting.passes import COOKIE, Passes
from journeys.hosting.password import PAGE
from journeys.web.state import state


def warm_up(app: Flask, passes: Passes) -> int:
    """Ask for every page of the prototype once (errors are the pages' own business later); how many."""
    model = state(app).source.current()
    paths = ["/", f"/{secrets.token_hex(8)}", "/clear-answers", PAGE]
    paths += [page.url for page in model.pages.values()]
    paths += [flow.url(page_id) + "?item=1" for flow in model.flows.values() for page_id in flow.pages]
    client = app.test_client()
    client.set_cookie(COOKIE, passes.value())
    logger, level = app.logger, app.logger.level
    logger.setLevel(logging.CRITICAL)  # a page that needs answers to render is not a problem here
    try:
        for path in paths:
            try:
                client.get(path)
            except Exception:  # noqa: BLE001 - the same page is reported properly when a participant asks
                pass
    finally:
        logger.setLevel(level)
    return len(paths)
