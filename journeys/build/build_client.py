"""Fetching a page for Frozen-Flask: the build app's own request handling, without a test client.

Frozen-Flask fetches every page with `app.test_client().get(url)`; the build app's
`test_client_class` is BuildClient, so each page is one call into the app's views.
"""

from __future__ import annotations

from flask import Flask, Response
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.test import EnvironBuilder

from journeys.problems import Problem, problems_from
from journeys.web.state import state


class PageFailed(Exception):
    """A page's own code failed (a mistake in a designer's template): its problems, with file and line."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


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
                raise PageFailed(problems_from(error, state(app).project)) from None
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
