"""Rendering every page of a build fast, through the live server's own views and templates.

A build renders thousands of pages in one process, where the live server renders one page per
request. The speed-ups here change how often work is done, never what is rendered: a test
compares every frozen page with the live server's response.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.utils import LRUCache
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.test import EnvironBuilder

from journeys.problems import Problem
from journeys.web.app import create_app
from journeys.web.errors import problems_from

TEMPLATE_CACHE_SIZE = 50


class NoAnswers:
    """The answer store of a build: frozen pages are rendered before anyone answers."""

    def load(self, session_id: str) -> dict:
        return {}

    def save(self, session_id: str, answers: dict) -> None:
        raise RuntimeError("a build never stores answers")

    def clear(self, session_id: str) -> None:
        raise RuntimeError("a build never stores answers")


class PageFailed(Exception):
    """A page's own code failed (a mistake in a designer's template): its problems, with file and line."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


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


class BuildClient:
    """The client Frozen-Flask fetches each page with: the app's own request handling, nothing more.

    Flask's test client runs every request through WSGI with a cookie jar and a new session;
    a build has no visitors, so it skips them (a tenth of a page's time). A page whose own
    code fails raises PageFailed, so the build can report it with its file and line rather
    than as an error page.
    """

    def __init__(self, app: Flask, response_class=None, use_cookies: bool = False, **kwargs):
        self.app = app

    def get(self, url: str, follow_redirects: bool = False, base_url: str | None = None) -> Response:
        """GET `url`; any status is answered as it is (Frozen-Flask stops a page that is not 200 OK)."""
        app = self.app
        with app.request_context(_environ(url)):
            try:
                result = app.preprocess_request()
                if result is None:
                    result = app.dispatch_request()
            except HTTPException as error:
                result = error
            except Exception as error:
                raise PageFailed(problems_from(error, app.extensions["journeys.project"])) from None
            return app.process_response(app.make_response(result))


def render_not_found(app: Flask) -> bytes:
    """The page a missing URL shows, from the live server's own 404 handler; its errors are raised."""
    with app.request_context(_environ("/404.html")):
        result = app.handle_user_exception(NotFound())
        response = app.process_response(app.make_response(result))
    if response.status_code != 404:
        raise RuntimeError(f"the 404 page answered {response.status}")
    return response.get_data()


_BLANK_ENVIRON = EnvironBuilder(path="/", base_url="http://localhost/").get_environ()


def _environ(url: str) -> dict:
    # WSGI carries the path as UTF-8 bytes decoded as Latin-1.
    path = url.encode("utf-8").decode("latin-1")
    return {**_BLANK_ENVIRON, "PATH_INFO": path}
