"""Rendering every page of a build fast, through the live server's own views and templates.

A build renders thousands of pages in one process, where the live server renders one page per
request. The speed-ups here change how often work is done, never what is rendered: a test
compares every frozen page with the live server's response.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from jinja2 import Environment, FileSystemBytecodeCache, Template, Undefined
from jinja2.runtime import Macro
from jinja2.utils import LRUCache
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.test import EnvironBuilder

from .app import create_app

GOVUK_TEMPLATES = "/govuk_frontend_jinja/"
# Enough for the header, footer and the small macros every page calls; past it the cache
# starts again, so one-off calls (each page's own question) cannot pile up.
MACRO_CACHE_SIZE = 512
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


def build_app(project_dir) -> Flask:
    """The prototype's app, set up to render many pages once each."""
    app = create_app(project_dir, SECRET_KEY="build", ANSWER_STORE=NoAnswers())
    speed_up(app.jinja_env, Path(app.instance_path) / "cache" / "templates")
    return app


def speed_up(environment: Environment, cache_dir: Path | None = None) -> None:
    """Skip work the live server needs and a build does not; the HTML stays the same."""
    # Nothing changes on disk during a build: no stat() per template per page.
    environment.auto_reload = False
    # Jinja's template cache moves a template to the front on every use by scanning its list;
    # a page uses about 20 templates, and scanning 400 slots each time costs ~10% of a page.
    environment.cache = LRUCache(TEMPLATE_CACHE_SIZE)
    # Jinja checks the globals on every {% from %} import (~40 a page), slowly for a ChainMap.
    # Nothing adds globals after the app is made, so a plain copy answers the same.
    environment.make_globals = lambda extra: {**environment.globals, **(extra or {})}
    environment.template_class = _GovukMacrosRemembered
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


class _GovukMacrosRemembered(Template):
    """A template whose GOV.UK macros remember what they rendered for the same arguments.

    GOV.UK macros are imported without context: their HTML depends on their arguments alone.
    The header, footer and phase banner are then rendered once, not once a page.
    """

    def make_module(self, vars=None, shared=False, locals=None):
        module = super().make_module(vars, shared, locals)
        if vars is None and self.filename and GOVUK_TEMPLATES in self.filename:
            for name, value in list(module.__dict__.items()):
                if isinstance(value, Macro):
                    setattr(module, name, _Remembered(value))
        return module


class _Remembered:
    """A macro with a bounded memory of its results."""

    def __init__(self, macro: Macro):
        self.macro = macro
        self.results: dict = {}

    def __call__(self, *args, **kwargs):
        try:
            key = (_key(args), _key(kwargs))
        except _Unhashable:
            return self.macro(*args, **kwargs)
        result = self.results.get(key)
        if result is None:
            result = self.macro(*args, **kwargs)
            if len(self.results) >= MACRO_CACHE_SIZE:
                self.results.clear()
            self.results[key] = result
        return result


class _Unhashable(Exception):
    pass


def _key(value):
    """A hashable stand-in for a macro argument that keeps every difference that shows in HTML."""
    kind = type(value)
    if kind is str:
        return value
    if kind is Markup:  # printed as it is, where a str is escaped
        return (Markup, str(value))
    if kind is dict:
        return (dict, *((k, _key(v)) for k, v in value.items()))
    if kind is list or kind is tuple:
        return (kind, *(_key(v) for v in value))
    if value is None or kind is int or kind is float or kind is bool:
        return (kind, value)
    if isinstance(value, Undefined):  # prints and tests alike whatever name it was given
        return (kind,)
    raise _Unhashable
