"""Error pages: a GOV.UK 404, and a plain page naming the file and line of a content error."""

from __future__ import annotations

from flask import Flask, current_app, render_template
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from journeys.problems import Problem, plural, problems_from
from journeys.project import Project
from journeys.web.state import state

EXCERPT_LINES = 3


def excerpt(project: Project, problem: Problem) -> list[tuple[int, str, bool]]:
    """(number, text, is the problem line) for the lines around a problem."""
    path = project.root / problem.file
    if not problem.line or not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    first = max(problem.line - EXCERPT_LINES, 1)
    last = min(problem.line + EXCERPT_LINES, len(lines))
    return [(n, lines[n - 1], n == problem.line) for n in range(first, last + 1)]


def error_page(problems: list[Problem], project: Project) -> str:
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
    return ERROR_PAGE.format(title=f"{plural(len(problems), 'problem')} in this prototype", body="".join(parts))


ERROR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<style>
body {{ font: 19px/1.4 arial, sans-serif; margin: 0; color: #0b0c0c; background: #fff; }}
header {{ background: #d4351c; color: #fff; padding: 15px 30px; }}
h1 {{ margin: 0; font-size: 32px; }} main {{ padding: 15px 30px; max-width: 960px; }}
h2 {{ font: bold 19px/1.4 monospace; margin: 30px 0 5px; }}
.message {{ font-weight: bold; margin: 5px 0; }} .fix {{ margin: 5px 0 15px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 16px; }}
td {{ padding: 0 10px; vertical-align: top; }} td:first-child {{ color: #505a5f; text-align: right; width: 3em; }}
pre {{ margin: 0; white-space: pre-wrap; }} tr.mark {{ background: #ffdd00; font-weight: bold; }}
</style></head>
<body><header><h1>{title}</h1></header>
<main><p>Fix the file and save it: this page reloads by itself.</p>{body}</main></body></html>
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

    @app.errorhandler(Exception)
    def content_error(error):
        if isinstance(error, HTTPException):
            return error
        project = state().project
        problems = problems_from(error, project)
        current_app.logger.error("\n".join(str(p) for p in problems))
        return error_page(problems, project), 500
