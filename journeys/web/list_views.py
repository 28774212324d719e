"""An add-another page: the list of items with Change and Remove, "add another?", and removing an item."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request
from markupsafe import Markup, escape

from journeys.flows.lists import ADD_ANOTHER, ITEM, REMOVE, add_another, list_messages, remove_item
from journeys.flows.model import Flow, FlowPage, Option, Question
from journeys.flows.navigation import Step, back_step, records, step_url
from journeys.flows.question_types import YES_NO
from journeys.flows.validation import FieldError
from journeys.rendering.answer_display import item_label
from journeys.rendering.questions import AS_HEADING, MEDIUM, render_question
from journeys.web import answers
from journeys.web.flow_views import change_param, common_context
from journeys.web.state import state


def yes_no(name: str, label, message: str) -> Question:
    """A yes-no question of the page's own: its answer leads somewhere, and is never stored."""
    return Question(name=name, type="yes-no", label=label, line=0, required=True, messages={"required": message},
                    options=[Option(text=word, value=word) for word in YES_NO])


def show(flow: Flow, page: FlowPage):
    given, change = answers.current(), change_param()
    if not state().frozen and not records(given, page.id):
        # Nothing listed yet: straight to the first item's first page.
        return redirect(step_url(flow, Step(page.list.pages[0], 1), change))
    return render_template("add-another.html", **list_context(flow, page, given, change))


def submit(flow: Flow, page: FlowPage):
    given, change = answers.current(), change_param()
    choice = add_another(flow, page, given, request.form.get(ADD_ANOTHER, ""), change)
    if choice.error:
        error = FieldError(ADD_ANOTHER, ADD_ANOTHER.lstrip("_"), choice.error)
        return render_template("add-another.html", **list_context(flow, page, given, change, error))
    return redirect(step_url(flow, choice.step, choice.change), code=303)


def list_context(flow: Flow, page: FlowPage, given: dict, change: str | None, error: FieldError | None = None) -> dict:
    item_list, items = page.list, records(given, page.id)
    messages = list_messages(item_list)
    full = item_list.max is not None and len(items) >= item_list.max
    back = back_step(flow, Step(page.id), given, change)
    count = item_list.words(len(items))
    context = common_context(flow, page, step_url(flow, back) if back else None, [error] if error else [],
                             title=f"You have added {count}")
    question = yes_no(ADD_ANOTHER, messages["add"], messages["required"])
    context.update({
        "caption": page.caption or page.title,
        "count": count,
        "items": [{"name": item_label(flow, page, item, number), "label": f"{item_list.item} {number}",
                   "change": step_url(flow, Step(item_list.pages[0], number)),
                   "remove": flow.remove_url(page.id, number)} for number, item in enumerate(items, start=1)],
        "full": full,
        "fullText": messages["full"],
        # The frozen page has both, and its script shows the one that fits the browser's answers.
        "question": None if full and not state().frozen else render_question(
            current_app.jinja_env.globals, question, None, [error] if error else [], MEDIUM),
    })
    return context


def removal(flow: Flow, page: FlowPage):
    """GET: are you sure you want to remove person 2? POST: yes removes it; either answer goes back to the list."""
    given, frozen = answers.current(), state().frozen
    number = request.args.get("item") or request.form.get(ITEM) or ""
    number = int(number) if number.isascii() and number.isdigit() else 0
    count = len(records(given, page.id))
    if not frozen and not 1 <= number <= count:
        return redirect(flow.url(page.id), code=303 if request.method == "POST" else 302)
    messages = list_messages(page.list)
    required = messages["remove_required"].replace("{number}", str(number))
    error = None
    if request.method == "POST":
        chosen = request.form.get(REMOVE, "")
        if chosen == "Yes":
            answers.save_changes(given, remove_item(given, page.id, number))
        if chosen in ("Yes", "No"):
            return redirect(flow.url(page.id), code=303)
        error = FieldError(REMOVE, REMOVE.lstrip("_"), required)
    shown = str(number) if number else ""
    label = escape(messages["remove"]).replace("{number}", Markup('<span data-journeys-number>{}</span>').format(shown))
    title = messages["remove"].replace("{number}", shown)
    context = common_context(flow, page, flow.url(page.id), [error] if error else [], title=title)
    if frozen:
        context["action"] = flow.url(page.id)
        context["journeysPage"]["removing"] = True
    context.update({
        "caption": "",
        "content": "",
        "headingInQuestion": True,
        "questions": [render_question(current_app.jinja_env.globals, yes_no(REMOVE, label, required), None,
                                      [error] if error else [], AS_HEADING)],
        "hidden": {ITEM: shown},
        "button": "",
    })
    return render_template("question.html", **context)
