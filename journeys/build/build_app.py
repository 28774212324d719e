"""Rendering every page of a build fast, through the live server's own views and templates.

A build renders thousands of pages in one process, where the live server renders one page per
request. The speed-ups here change how often work is done, never what is rendered: a test
compares every frozen page with the live server's response.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.utils import LRUCache

from journeys.build.build_client import BuildClient
from journeys.build.previous_build import code_stamps
from journeys.build.stored_flows import StoredFlows
from journeys.web.app import create_app
from journeys.web.state import state

TEMPLATE_CACHE_SIZE = 50


class NoAnswers:
    """The answer store of a build: frozen pages are rendered before anyone answers."""

    def load(self, session_id: str) -> dict:
        return {}

    def save(self, session_id: str, answers: dict) -> None:
        raise RuntimeError("a build never stores answers")

    def clear(self, session_id: str) -> None:
        raise RuntimeError("a build never stores answers")


class NoSessions(SecureCookieSessionInterface):
    """A build has no visitors: no cookie to read or write on each of its thousands of pages."""

    def open_session(self, app, request):
        return SecureCookieSession()

    def save_session(self, app, session, response):
        pass


def build_app(project_dir) -> Flask:
    """The prototype's app, set up to render many pages once each."""
    app = create_app(project_dir, SECRET_KEY="build", ANSWER_STORE=NoAnswers(), FROZEN=True)
    app.session_interface = NoSessions()
    # Frozen-Flask fetches every page with app.test_client().get(url).
    app.test_client_class = BuildClient
    speed_up(app.jinja_env, Path(app.instance_path) / "cache" / "templates")
    # Flows checked by the last build, kept while their files are unchanged (stored_flows.py).
    state(app).source.stored = StoredFlows(Path(app.instance_path) / "cache" / "flows", code_stamps)
    return app


def speed_up(environment: Environment, cache_dir: Path | None = None) -> None:
    """Skip work the live server needs and a build does not; the HTML stays the same."""
    # Nothing changes on disk during a build: no stat() per template per page.
    environment.auto_reload = False
    # Jinja's template cache moves a template to the front on every use by scanning its list;
    # a page uses about 20 templates, and scanning 400 slots each time costs ~10% of a page.
    environment.cache = LRUCache(TEMPLATE_CACHE_SIZE)
    if cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a read-only project builds, only without the cache
        # Compiling a page's template costs more than rendering it; keep them between builds.
        environment.bytecode_cache = FileSystemBytecodeCache(str(cache_dir))
