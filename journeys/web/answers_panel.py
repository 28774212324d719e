"""The answers panel, /_journeys/answers: this browser's answers, to change, clear, or save as a scenario.

A designer's tool on the dev server only: a build never freezes it and a hosted prototype
answers 404. Every change is a POST, refused from other sites as every form is (same_origin.py).
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request

from journeys.flows.lists import page_answers, store
from journeys.flows.scenario_files import (
    TITLE_LONGEST,
    ScenarioExists,
    name_problem,
    scenario_text,
    write_scenario,
)
from journeys.flows.steps import Step
from journeys.flows.validation import read_page
from journeys.rendering.answers_panel import answer_names_of, panel_groups, start_items
from journeys.web import answers
from journeys.web.flow_views import page_context, too_long_errors
from journeys.web.state import find, prototype, state

PANEL = "/_journeys/answers"
bp = Blueprint("answers_panel", __name__)


@bp.before_request
def live_only():
    if state().frozen or state().hosted:
        abort(404)


@bp.get(PANEL, strict_slashes=False)
def panel():
    return _panel(saved=request.args.get("saved"))


def _panel(errors: dict | None = None, form: dict | None = None, saved: str | None = None):
    model = prototype()
    groups, others = panel_groups(model.flows, answers.current())
    saved_scenario = model.scenarios.get(saved) if saved else None
    errors = errors or {}
    return render_template("answers-panel.html", groups=groups, others=others, errors=errors, form=form or {},
                           errorList=[{"text": message, "href": f"#{field}"} for field, message in errors.items()],
                           saved=saved_scenario, startItems=start_items, title="Your answers")


@bp.post(f"{PANEL}/clear")
def clear_one():
    name = request.form.get("name", "")
    flow = prototype().flows.get(request.form.get("flow", ""))
    names = answer_names_of(flow, name) if flow else [name]
    answers.remember({}, remove=[n for n in names if n in answers.current()])
    return redirect(PANEL, code=303)


@bp.post(f"{PANEL}/clear-all")
def clear_all():
    answers.forget()
    return redirect(PANEL, code=303)


@bp.route(f"{PANEL}/change/<path:where>", methods=["GET", "POST"])
def change(where: str):
    """A page's questions with this browser's answers, checked as the page checks them, then back to the panel."""
    slug, _, page_id = where.rpartition("/")
    found = find(lambda model: model.flows.get(slug))
    page = found.pages.get(page_id) if found else None
    if page is None or not page.questions or found.list_of(page_id) is not None:
        abort(404)
    flow, given, step = found, answers.current(), Step(page_id)
    submission = None
    if request.method == "POST":
        submission = read_page(page, request.form, request.files, page_answers(flow, given, step))
        submission.errors += too_long_errors(submission.answers)
        if not submission.errors:
            answers.save_changes(given, store(flow, given, step, submission))
            return redirect(f"{PANEL}#{flow.slug}", code=303)
    context = page_context(flow, page, given, step, submission)
    context.update(backLink=PANEL, caption="Change an answer", button="Save and go back to your answers",
                   headingInQuestion=False, content="", nextLink=None)
    return render_template(f"{page.layout}.html", **context)


@bp.post(f"{PANEL}/save")
def save_scenario():
    """Write data/scenarios/<name>.yaml from this browser's answers to one flow; ask before replacing one."""
    model = prototype()
    form = {key: request.form.get(key, "").strip() for key in ("flow", "name", "title", "start", "description")}
    flow = model.flows.get(form["flow"])
    if flow is None:
        abort(400)
    errors = {}
    problem = name_problem(form["name"])
    if problem:
        errors["name"] = problem
    if not form["title"]:
        errors["title"] = "Enter a title for the scenario, such as ‘A fridge, free with Council Tax Reduction’"
    elif len(form["title"]) > TITLE_LONGEST:
        errors["title"] = f"The title must be {TITLE_LONGEST} characters or less"
    if form["start"] not in flow.pages or flow.list_of(form["start"]) is not None:
        errors["start"] = "Select the page the scenario starts on"
    if errors:
        return _panel(errors={f"{flow.slug}-{key}": message for key, message in errors.items()}, form=form)
    text = scenario_text(form["title"], flow, form["start"], answers.current(), form["description"])
    try:
        write_scenario(model.project.data / "scenarios", form["name"], text, replace=request.form.get("replace") == "yes")
    except ScenarioExists:
        return render_template("answers-replace.html", form=form, title="Replace the scenario?")
    state().source.saved()  # the new file is in the model at once, before the watcher says so
    return redirect(f"{PANEL}?saved={form['name']}", code=303)
