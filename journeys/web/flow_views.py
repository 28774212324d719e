"""Showing and answering a flow's pages in the live server."""

from __future__ import annotations

import secrets
from functools import lru_cache

from flask import current_app, redirect, render_template, request

from journeys.content.markdown import render_content
from journeys.flows.model import Flow, FlowPage
from journeys.flows.navigation import after_answering, back_link, default_next_id, leading_here, next_page_id
from journeys.flows.validation import FieldError, Submission, read_page
from journeys.rendering.answer_display import summary_rows
from journeys.rendering.questions import AS_HEADING, HIDDEN, PLAIN, render_question
from journeys.web import answers
from journeys.web.limits import too_long
from journeys.web.state import state

REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
REFERENCE = "_reference"


def heading_mode(page: FlowPage) -> str:
    """One question with nothing before it is asked in the h1; otherwise the h1 is the title."""
    if len(page.questions) != 1:
        return PLAIN
    if not page.content:
        return AS_HEADING
    return HIDDEN if page.questions[0].label == page.title else PLAIN


def page_context(flow: Flow, page: FlowPage, given: dict, submission: Submission | None = None,
                 change: str | None = None) -> dict:
    """Everything the page's layout needs, for these answers (and a failed submission)."""
    errors = submission.errors if submission else []
    typed = submission.typed if submission else given
    macros = current_app.jinja_env.globals
    mode = heading_mode(page)
    next_id = next_page_id(page, given)
    frozen = state().frozen
    context = {
        "title": page.title,
        "caption": page.caption,
        "serviceName": flow.title,
        "serviceUrl": flow.url(flow.first.id),
        "backLink": leading_here(flow, page) if frozen else back_link(flow, page, given, change),
        "errors": [{"text": e.message, "href": f"#{e.field}"} for e in errors],
        "headingInQuestion": mode == AS_HEADING,
        "content": content_html(page.content, flow.file, page.content_line) if page.content else "",
        "questions": [
            render_question(macros, q, typed.get(q.name), _errors_for(q.name, errors), mode, page.caption)
            for q in page.questions
        ],
        "multipart": any(q.type == "file" for q in page.questions),
        "button": page.button,
        "nextLink": flow.url(next_id) if next_id else None,
    }
    if frozen:
        # No server to post to: without JavaScript the form goes to the default next page;
        # with it, frozen.js checks the answers, keeps them and follows the branches.
        default = default_next_id(page)
        context.update(method="get", action=flow.url(default) if default else "",
                       journeysPage={"flow": flow.slug, "page": page.id})
    if page.does.checks_answers:
        context["rows"] = summary_rows(flow, page, given)
    if page.does.shows_reference:
        context["reference"] = given.get(REFERENCE, "")
    return context


@lru_cache(maxsize=1024)
def content_html(text: str, file: str, line: int):
    """A page's content never depends on answers: render each text once."""
    return render_content(text, file, line)


def _errors_for(name: str, errors: list[FieldError]) -> list[FieldError]:
    return [error for error in errors if error.question == name]


def show(flow: Flow, page: FlowPage):
    given = answers.current()
    if page.does.shows_reference and not given.get(REFERENCE) and not state().frozen:
        given = answers.remember({REFERENCE: new_reference()})
    return render_template(f"{page.layout}.html", **page_context(flow, page, given, change=_change()))


def submit(flow: Flow, page: FlowPage):
    if page.does.checks_answers:
        stored = answers.remember({REFERENCE: new_reference()})
    else:
        submission = read_page(page, request.form, request.files, answers.current())
        submission.errors += too_long_errors(submission.answers)
        if submission.errors:
            context = page_context(flow, page, answers.current(), submission, change=_change())
            return render_template(f"{page.layout}.html", **context)
        stored = answers.remember(submission.answers)
    return redirect(after_answering(flow, page, stored, _change()), code=303)


def too_long_errors(given: dict) -> list[FieldError]:
    """An error for each answer longer than any answer may be (a question with no length limit of its own)."""
    longest = current_app.config["MAX_ANSWER_LENGTH"]
    return [FieldError(name, name, f"Your answer must be {longest:,} characters or less") for name in too_long(given, longest)]


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(8))


def _change() -> str | None:
    return request.args.get("change") or None
