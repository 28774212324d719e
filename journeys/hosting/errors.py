"""What a participant sees when something goes wrong: GOV.UK pages, never a traceback or a file name.

The details go to the log (gunicorn's error log), for whoever runs the prototype. If even the
GOV.UK page cannot be made (the layout is what broke), a plain page says the same.
"""

from __future__ import annotations

from flask import Flask, current_app, render_template
from werkzeug.exceptions import HTTPException

from journeys.hosting.csrf import NoFormToken
from journeys.problems import problems_from
from journeys.web.errors import refused
from journeys.web.state import state
from journeys.web.store_errors import AnswersUnavailable

SORRY = "Sorry, there is a problem with the service"
PLAIN = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
         "<body><h1>{title}</h1><p>Try again later.</p></body></html>")


def register(app: Flask) -> None:
    """GOV.UK pages in place of the dev server's error pages, which name files and lines."""
    app.register_error_handler(404, _not_found)
    app.register_error_handler(NoFormToken, _no_token)
    app.register_error_handler(AnswersUnavailable, _unavailable)
    app.register_error_handler(Exception, _broken)


def _not_found(error):
    try:
        return render_template("404.html"), 404
    except Exception:
        current_app.logger.exception("The page-not-found page could not be shown")
        return _sorry(404, "Page not found")


def _no_token(error):
    return refused(
        "This form could not be sent",
        "Nothing was saved: your answers are as they were.",
        "The page was open for a long time, or cookies are turned off in this browser. Go back, reload the page, "
        "and send the form again.",
    ), 400


def _unavailable(error):
    current_app.logger.error("\n".join(str(p) for p in error.problems))
    return _sorry(503, SORRY, "Try again in a minute: go back, and send the page again.", headers={"Retry-After": "30"})


def _broken(error):
    if isinstance(error, HTTPException):
        return error
    problems = problems_from(error, state().project)
    current_app.logger.error("\n".join(str(p) for p in problems), exc_info=error)
    return _sorry(500, SORRY, "Try again later.")


def _sorry(status: int, title: str, *paragraphs: str, headers: dict | None = None):
    try:
        html = render_template("hosting/notice.html", title=title, paragraphs=paragraphs,
                               link=("/", "Go to the start of the prototype"))
    except Exception:
        current_app.logger.exception("The GOV.UK error page could not be shown either")
        html = PLAIN.format(title=title)
    return html, status, headers or {}
