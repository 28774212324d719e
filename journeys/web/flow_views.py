"""Showing and answering a flow's pages in the live server (and rendering them for the frozen site)."""

from __future__ import annotations

import secrets
from dataclasses import replace
from functools import lru_cache

from flask import current_app, redirect, render_template, request

from journeys.content.markdown import render_content
from journeys.flows.lists import ITEM, is_open, page_answers, store
from journeys.flows.model import Flow, FlowPage
from journeys.flows.navigation import (
    Step,
    after_answering,
    back_step,
    default_next_id,
    leading_here,
    next_page_id,
    returning_to,
    step_url,
)
from journeys.flows.validation import FieldError, Submission, read_page
from journeys.rendering.check_answers import all_rows, answer_groups
from journeys.rendering.questions import AS_HEADING, HIDDEN, PLAIN, render_questions
from journeys.rendering.task_list import task_list_context
from journeys.web import answers
from journeys.web.limits import too_long
from journeys.web.personal import personal, title_html, title_text
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


def common_context(flow: Flow, page: FlowPage, back: str | None, errors: list, title: str | None = None) -> dict:
    """What every flow page's layout sees: its words, Back, errors, and on the frozen site where its form goes."""
    context = {
        "title": title_html(page.title) if title is None else title,
        "titleText": title_text(page.title) if title is None else title,
        "caption": page.caption,
        "serviceName": flow.title,
        "serviceUrl": flow.url(flow.first.id),
        # A confirmation has no way back: the answers are sent (GOV.UK's confirmation pattern).
        "backLink": None if page.does.shows_reference else leading_here(flow, page) if state().frozen else back,
        "errors": [{"text": e.message, "href": f"#{e.field}"} for e in errors],
        "content": personal(content_html(page.content, flow.file, page.content_line)) if page.content else "",
        "button": page.button,
    }
    if state().frozen:
        # No server to post to: without JavaScript the form goes to the default next page;
        # with it, frozen.js checks the answers, keeps them and follows the branches.
        target = frozen_target(flow, page)
        context.update(method="get", action=flow.url(target) if target else "",
                       journeysPage={"flow": flow.slug, "page": page.id})
    return context


def frozen_target(flow: Flow, page: FlowPage) -> str | None:
    """Where a frozen page's form goes without JavaScript: the default next page, into a list through its first item."""
    list_page = flow.list_of(page.id)
    if list_page is not None:
        pages = list_page.list.pages
        index = pages.index(page.id)
        return pages[index + 1] if index + 1 < len(pages) else list_page.id
    return into_list(flow, default_next_id(page))


def into_list(flow: Flow, page_id: str | None) -> str | None:
    """A frozen page's way to `page_id`: into a list, its first item's page (its script then shows the list, if any)."""
    if page_id in flow.pages and flow.pages[page_id].list is not None:
        return flow.pages[page_id].list.pages[0]
    return page_id


def page_context(flow: Flow, page: FlowPage, given: dict, step: Step, submission: Submission | None = None,
                 change: str | None = None) -> dict:
    """Everything the page's layout needs, for these answers (and a failed submission)."""
    errors = submission.errors if submission else []
    typed = submission.typed if submission else page_answers(flow, given, step)
    mode = heading_mode(page)
    back = back_step(flow, step, given, change)
    context = common_context(flow, page, step_url(flow, back) if back else None, errors)
    next_id = next_page_id(page, given)
    if state().frozen:
        next_id = into_list(flow, next_id)
    questions = page.questions
    if context["title"] is not page.title:  # it shows answers: so does a question that asks it
        questions = [replace(q, label=context["title"]) if q.label == page.title else q for q in questions]
    context.update({
        "headingInQuestion": mode == AS_HEADING,
        "questions": render_questions(current_app.jinja_env.globals, questions, typed, errors, mode, page.caption),
        "multipart": any(q.type == "file" for question in page.questions for q in (question, *question.revealed)),
        "autocomplete": any(q.type == "autocomplete" for question in page.questions for q in (question, *question.revealed)),
        "nextLink": flow.url(next_id) if next_id else None,
    })
    if flow.list_of(page.id) is not None:
        # The item's number goes with the form too: a form sent with GET loses its address's query.
        context["hidden"] = {ITEM: "" if step.item is None else str(step.item)}
    if page.does.checks_answers:
        # Frozen, nobody has answered yet: the site's script shows the answers, or nothing is shown.
        context["answerGroups"] = [] if state().frozen else answer_groups(flow, page, given)
        context["rows"] = all_rows(context["answerGroups"])
    if page.does.shows_reference:
        context["reference"] = given.get(REFERENCE, "")
    if page.tasks is not None:
        context.update(task_list_context(flow, page, given))
    return context


@lru_cache(maxsize=1024)
def content_html(text: str, file: str, line: int):
    """A page's content, rendered once: the answers in it are filled in for each person by `personal`."""
    return render_content(text, file, line)


def step_of(flow: Flow, page: FlowPage) -> Step:
    """This request's step: on an item's page, the item's number from the address (or the form)."""
    if flow.list_of(page.id) is None:
        return Step(page.id)
    number = request.args.get("item") or request.form.get(ITEM) or ""
    return Step(page.id, int(number) if number.isascii() and number.isdigit() else None)


def show(flow: Flow, page: FlowPage):
    given, step = answers.current(), step_of(flow, page)
    if not state().frozen and not is_open(flow, step, given):
        return redirect(flow.url(flow.list_of(page.id).id))
    if page.does.shows_reference and not given.get(REFERENCE) and not state().frozen:
        given = answers.remember({REFERENCE: new_reference()})
    return render_template(f"{page.layout}.html", **page_context(flow, page, given, step, change=change_param()))


def submit(flow: Flow, page: FlowPage):
    given, step = answers.current(), step_of(flow, page)
    if not is_open(flow, step, given):
        return redirect(flow.url(flow.list_of(page.id).id), code=303)
    if page.does.checks_answers:
        way, change = returning_to(flow, page.id, given)
        if way != step:  # sent before every question on the way is answered: to the first that is not
            return redirect(step_url(flow, way, change), code=303)
        stored = answers.remember({REFERENCE: new_reference()})
    else:
        submission = read_page(page, request.form, request.files, page_answers(flow, given, step))
        submission.errors += too_long_errors(submission.answers)
        if submission.errors:
            context = page_context(flow, page, given, step, submission, change=change_param())
            return render_template(f"{page.layout}.html", **context)
        stored = answers.save_changes(given, store(flow, given, step, submission))
    return redirect(step_url(flow, *after_answering(flow, step, stored, change_param())), code=303)


def too_long_errors(given: dict) -> list[FieldError]:
    """An error for each answer longer than any answer may be (a question with no length limit of its own)."""
    longest = current_app.config["MAX_ANSWER_LENGTH"]
    return [FieldError(name, name, f"Your answer must be {longest:,} characters or less") for name in too_long(given, longest)]


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(8))


def change_param() -> str | None:
    return request.args.get("change") or None
