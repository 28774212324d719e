"""Error pages: GOV.UK pages for a missing page or a refused form; a plain page naming the file and line of a content error."""

from __future__ import annotations

from flask import Flask, current_app, render_template
from markupsafe import escape
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from journeys.problems import Problem, plural, problems_from
from journeys.project import Project
from journeys.web.limits import size
from journeys.web.same_origin import SentFromElsewhere
from journeys.web.security_headers import content_security_policy
from journeys.web.state import state
from journeys.web.store_errors import AnswersUnavailable

EXCERPT_LINES = 3
SAVE_AND_RELOAD = "Fix the file and save it: this page reloads by itself."


def excerpt(project: Project, problem: Problem) -> list[tuple[int, str, bool]]:
    """(number, text, is the problem line) for the lines around a problem."""
    path = project.root / problem.file
    if not problem.line or not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    first = max(problem.line - EXCERPT_LINES, 1)
    last = min(problem.line + EXCERPT_LINES, len(lines))
    return [(n, lines[n - 1], n == problem.line) for n in range(first, last + 1)]


def error_page(problems: list[Problem], project: Project, advice: str = SAVE_AND_RELOAD) -> str:
    """A plain, legible page listing every problem with its source. No GOV.UK template: it may be what broke."""
    parts = []
    for problem in problems:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        rows = "".join(
            f'<tr class="{"mark" if marked else ""}"><td>{number}</td><td><pre>{escape(text)}</pre></td></tr>'
            for number, text, marked in excerpt(project, problem)
        )
        parts.append(
            f'<section><h2>{escape(where)}</h2><p class="message">{escape(problem.message)}</p>'
            + (f'<p class="fix">{escape(problem.fix)}</p>' if problem.fix else "")
            + (f"<table>{rows}</table>" if rows else "")
            + "</section>"
        )
    return ERROR_PAGE.format(title=f"{plural(len(problems), 'problem')} in this prototype", body="".join(parts),
                             style=ERROR_STYLE, advice=escape(advice))


ERROR_STYLE = """
body { font: 19px/1.4 arial, sans-serif; margin: 0; color: #0b0c0c; background: #fff; }
header { background: #d4351c; color: #fff; padding: 15px 30px; }
h1 { margin: 0; font-size: 32px; } main { padding: 15px 30px; max-width: 960px; }
h2 { font: bold 19px/1.4 monospace; margin: 30px 0 5px; }
.message { font-weight: bold; margin: 5px 0; } .fix { margin: 5px 0 15px; }
table { border-collapse: collapse; width: 100%; font-size: 16px; }
td { padding: 0 10px; vertical-align: top; } td:first-child { color: #505a5f; text-align: right; width: 3em; }
pre { margin: 0; white-space: pre-wrap; } tr.mark { background: #ffdd00; font-weight: bold; }
"""
# Its one inline <style> is allowed by its hash: the page must be legible under the strict policy.
ERROR_HEADERS = {"Content-Security-Policy": content_security_policy((ERROR_STYLE,))}
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">
<link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
<title>{title}</title>
<style>{style}</style></head>
<body><header><h1>{title}</h1></header>
<main><p>{advice}</p>{body}</main></body></html>
"""


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(404)
    def not_found(error):
        try:
            return render_template("404.html"), 404
        except Exception as broken:  # the settings or a layout it needs are broken: show that
            if state().frozen:
                raise  # a build reports the problem itself, with every other one
            return content_error(broken)

    @app.errorhandler(SentFromElsewhere)
    def sent_from_elsewhere(error):
        return refused(
            "This form was sent from another website",
            "Nothing was saved: your answers are as they were.",
            "Another website, or a page on another port of this computer, sent a form to this prototype. "
            "Go back to the prototype's own page and send the form from there.",
        ), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_much_sent(error):
        settings = current_app.config
        return refused(
            "Too much was sent",
            "Nothing was saved: your answers are as they were.",
            f"This prototype accepts up to {size(settings['MAX_CONTENT_LENGTH'])} in one go, files included, and "
            f"{size(settings['MAX_FORM_MEMORY_SIZE'])} of typed answers. Go back, shorten your answers or choose a "
            "smaller file, and send the form again.",
        ), 413

    @app.errorhandler(AnswersUnavailable)
    def answers_unavailable(error):
        problems = error.problems
        current_app.logger.error("\n".join(str(p) for p in problems))
        advice = "The answers file needs fixing. Pages that need no answers are still served."
        return error_page(problems, state().project, advice), 503, ERROR_HEADERS

    @app.errorhandler(Exception)
    def content_error(error):
        if isinstance(error, HTTPException):
            return error
        project = state().project
        problems = problems_from(error, project)
        current_app.logger.error("\n".join(str(p) for p in problems))
        return error_page(problems, project), 500, ERROR_HEADERS


def answer_too_long(name: str, longest: int):
    """The page for a form with an answer over the limit: nothing is kept."""
    return refused(
        "An answer is too long",
        f"The answer to ‘{name}’ is longer than {longest:,} characters, so nothing was saved.",
        "Go back, shorten it and send the form again.",
    ), 413


def refused(title: str, *paragraphs: str, link: tuple[str, str] = ("/", "Go to the start of the prototype")) -> str:
    """A GOV.UK page saying why a request was refused and what to do next."""
    return render_template("journeys/refused.html", title=title, paragraphs=paragraphs, link=link)
