"""The one blueprint: GOV.UK assets, the project's static files, and every page."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, send_file

from journeys.assets import find_asset
from journeys.flows.as_json import flow_json
from journeys.flows.flow_files import find_flow_page
from journeys.flows.scenarios import all_scenarios
from journeys.pages.routing import find_page
from journeys.problems import ContentError
from journeys.project import safe_file
from journeys.web import answers, flow_views
from journeys.web.page_views import render_page_file

bp = Blueprint("journeys", __name__)

# Prototypes must never be indexed: every page also says noindex, and NGINX sends X-Robots-Tag.
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"


def project():
    return current_app.extensions["journeys.project"]


@bp.get("/assets/flows/<path:slug>.json")
def flow_definition(slug: str):
    """A flow's pages, rules and messages, for the frozen site's script."""
    found = find_flow_page(project(), slug, current_app.extensions["journeys.files"])
    if found is None or found[1] is not None:
        abort(404)
    return jsonify(flow_json(found[0]))


@bp.get("/assets/<path:path>")
def asset(path: str):
    found = find_asset(current_app.extensions["journeys.govuk"], path)
    if found is None:
        abort(404)
    return send_file(found, max_age=current_app.config["ASSET_MAX_AGE"])


@bp.get("/static/<path:path>")
def static_file(path: str):
    found = safe_file(project().static, path)
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
    scenarios, _problems = all_scenarios(project(), current_app.extensions["journeys.files"])
    return render_template("scenarios.html", scenarios=scenarios)


@bp.get("/scenarios/<name>", strict_slashes=False)
def scenario(name: str):
    """Load a scenario's answers in place of this browser's, and open its start page."""
    scenarios, problems = all_scenarios(project(), current_app.extensions["journeys.files"])
    found = next((s for s in scenarios if s.name == name), None)
    if found is None:
        if any(p.file.endswith(f"/{name}.yaml") for p in problems):
            raise ContentError([p for p in problems if p.file.endswith(f"/{name}.yaml")])
        abort(404)
    start = f"/{found.flow}/{found.start}"
    if current_app.config.get("FROZEN"):
        return render_template("scenario.html", scenario=found, startUrl=start)
    answers.replace(found.answers)
    return redirect(start)


@bp.route("/", defaults={"path": ""}, methods=["GET", "POST"])
@bp.route("/<path:path>", methods=["GET", "POST"])
def page(path: str):
    found = find_page(project().pages, path)
    if found is None:
        return flow_page(path)
    if request.method == "POST":
        # The Prototype Kit's way: a form's action names the next page, which stores the answers.
        answers.remember(answers.fields_from_form(request.form, request.files))
        query = request.query_string.decode()
        return redirect(request.path + (f"?{query}" if query else ""), code=303)
    return render_page_file(found)




def flow_page(path: str):
    found = find_flow_page(project(), path, current_app.extensions["journeys.files"])
    if found is None:
        abort(404)
    flow, page = found
    if page is None:
        if current_app.config.get("FROZEN"):
            return render_template("redirect.html", target=flow.url(flow.first.id))
        return redirect(flow.url(flow.first.id))
    if request.method == "POST":
        return flow_views.submit(flow, page)
    return flow_views.show(flow, page)
