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
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.test import EnvironBuilder

from journeys.web.app import create_app

TEMPLATE_CACHE_SIZE = 50


class NoAnswers:
    """The answer store of a build: frozen pages are rendered before anyone answers."""

    def load(self, session_id: str) -> dict:
        return {}

    def save(self, session_id: str, answers: dict) -> None:
        raise RuntimeError("a build never stores answers")

    def clear(self, session_id: str) -> None:
        raise RuntimeError("a build never stores answers")


class PageError(Exception):
    """A page answered with something other than 200 OK."""


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
    speed_up(app.jinja_env, Path(app.instance_path) / "cache" / "templates")
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


def render(app: Flask, url: str) -> bytes:
    """GET `url` through the app's own request handling, without the test client's overhead.

    Errors are raised, not turned into error pages, so the build can report them.
    """
    with app.request_context(_environ(url)):
        try:
            result = app.preprocess_request()
            if result is None:
                result = app.dispatch_request()
        except HTTPException as error:
            raise PageError(f"{url} answered {error.code} {error.name}") from None
        response = app.process_response(app.make_response(result))
    if response.status_code != 200:
        raise PageError(f"{url} answered {response.status}")
    return response.get_data()


def render_not_found(app: Flask) -> bytes:
    """The page a missing URL shows, from the live server's own 404 handler; its errors are raised."""
    with app.request_context(_environ("/404.html")):
        result = app.handle_user_exception(NotFound())
        response = app.process_response(app.make_response(result))
    if response.status_code != 404:
        raise PageError(f"the 404 page answered {response.status}")
    return response.get_data()


_BLANK_ENVIRON = EnvironBuilder(path="/", base_url="http://localhost/").get_environ()


def _environ(url: str) -> dict:
    # WSGI carries the path as UTF-8 bytes decoded as Latin-1.
    path = url.encode("utf-8").decode("latin-1")
    return {**_BLANK_ENVIRON, "PATH_INFO": path}
