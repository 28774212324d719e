"""The one blueprint: GOV.UK assets, the project's static files, and every page."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, send_file

from journeys.assets import find_asset
from journeys.flows.as_json import flow_json
from journeys.flows.model import Flow, FlowPage
from journeys.pages.routing import PageFile
from journeys.prototype import Removal
from journeys.web import answers, flow_views, list_views
from journeys.web.errors import answer_too_long
from journeys.web.limits import too_long
from journeys.web.page_views import render_page_file
from journeys.web.state import find, prototype, state

bp = Blueprint("journeys", __name__)

# Prototypes must never be indexed: every page also says noindex, and NGINX sends X-Robots-Tag.
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"


@bp.get("/assets/flows/<path:slug>.json")
def flow_definition(slug: str):
    """A flow's pages, rules and messages, for the frozen site's script."""
    found = find(lambda model: model.flow_page(slug))
    if found is None or found[1] is not None:
        abort(404)
    return jsonify(flow_json(found[0]))


@bp.get("/assets/<path:path>")
def asset(path: str):
    found = find_asset(state().govuk, path)
    if found is None:
        abort(404)
    return send_file(found, max_age=current_app.config["ASSET_MAX_AGE"])


@bp.get("/static/<path:path>")
def static_file(path: str):
    found = find(lambda model: model.static_file(path))
    if found is None:
        abort(404)
    return send_file(found)


@bp.get("/robots.txt")
def robots_txt():
    """Keep search engines out, live and frozen alike."""
    return Response(ROBOTS_TXT, mimetype="text/plain")


@bp.route("/clear-answers", methods=["GET", "POST"], strict_slashes=False)
def clear_answers():
    if request.method == "POST":
        answers.forget()
        return redirect("/", code=303)
    return render_template("clear-answers.html")


@bp.get("/scenarios", strict_slashes=False)
def scenario_list():
    return render_template("scenarios.html", scenarios=list(prototype().scenarios.values()))


@bp.route("/scenarios/<name>", methods=["GET", "POST"], strict_slashes=False)
def scenario(name: str):
    """A scenario's page; its button (a POST from our own page) puts its answers in place of this browser's."""
    found = find(lambda model: model.scenario(name))
    if found is None:
        abort(404)
    start = f"/{found.flow}/{found.start}"
    if request.method == "POST":
        answers.replace(found.answers)
        return redirect(start, code=303)
    return render_template("scenario.html", scenario=found, startUrl=start)


@bp.route("/", defaults={"path": ""}, methods=["GET", "POST"])
@bp.route("/<path:path>", methods=["GET", "POST"])
def page(path: str):
    found = find(lambda model: model.page(path) or model.flow_page(path) or model.removal_page(path))
    if found is None:
        abort(404)
    if isinstance(found, Removal):
        return list_views.removal(found.flow, found.page)
    if not isinstance(found, PageFile):
        return flow_page(*found)
    if request.method == "POST":
        # The Prototype Kit's way: a form's action names the next page, which stores the answers.
        fields = answers.only_asked_for(answers.fields_from_form(request.form, request.files))
        longest = current_app.config["MAX_ANSWER_LENGTH"]
        over = too_long(fields, longest)
        if over:
            return answer_too_long(over[0], longest)
        answers.remember(fields)
        query = request.query_string.decode()
        return redirect(request.path + (f"?{query}" if query else ""), code=303)
    return render_page_file(found)


def flow_page(flow: Flow, page: FlowPage | None):
    if page is None:
        if state().frozen:
            return render_template("redirect.html", target=flow.url(flow.first.id))
        return redirect(flow.url(flow.first.id))
    views = list_views if page.list is not None else flow_views
    if request.method == "POST":
        return views.submit(flow, page)
    return views.show(flow, page)
