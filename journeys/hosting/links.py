"""Participant links: a signed, expiring address that lets one participant in, with a scenario's answers.

`journeys link fridge-with-reduction --expires 2h` prints one. Opening it starts a fresh
session with the scenario's answers (or none) and opens its start page, without the password.
A link lets one browser in: the first to open it claims it (an atomic merge in the answer
store, so two instances opening it at the same moment cannot both win); opened again in that
browser it returns to the start page, in any other it is refused.
"""

from __future__ import annotations

import secrets

from flask import Blueprint, Flask, current_app, redirect, render_template, request, session

from journeys.hosting.passes import Passes
from journeys.hosting.tokens import PATH, LinkRefused, read_link
from journeys.web import answers
from journeys.web.state import prototype, state

bp = Blueprint("links", __name__)


def install(app: Flask, passes: Passes) -> None:
    app.extensions["journeys_links"] = passes
    app.register_blueprint(bp)


@bp.get(PATH)
def join():
    try:
        ticket = read_link(current_app.config["SECRET_KEY"], request.args.get("link", ""))
    except LinkRefused as refused:
        if refused.expired:
            return _refused("This link has expired", "Links to this prototype only work for a set time.",
                            "Ask the researcher who sent it for a new link."), 403
        return _refused("This link does not work", "The link may have been copied wrongly: part of it is missing "
                        "or was changed.", "Copy the whole link from the message it came in, or ask the researcher "
                        "for a new one."), 403
    start = "/"
    found = None
    if ticket.scenario:
        found = prototype().scenario(ticket.scenario)
        if found is None:
            return _refused("This link’s scenario is no longer in the prototype",
                            "Ask the researcher who sent it for a new link."), 404
        start = f"/{found.flow}/{found.start}"
    if session.get("link") != ticket.id:
        new_session = secrets.token_urlsafe(24)
        # The first browser to open the link claims it: the merge is atomic, so exactly one sees only itself.
        claimed = state().answers.update("link:" + ticket.id, {new_session: 1})
        if list(claimed) != [new_session]:
            return _refused("This link has already been used",
                            "Each link lets one person in, and someone has already opened this one.",
                            "Ask the researcher who sent it for a link of your own."), 403
        session.clear()
        session["id"], session["link"] = new_session, ticket.id
        answers.replace(found.answers if found else {})
    response = redirect(start, code=303)
    return current_app.extensions["journeys_links"].give(response, secure=request.is_secure)


def _refused(title: str, *paragraphs: str):
    # Seen without a pass: Journeys' own layout, nothing of the prototype's.
    return render_template("hosting/notice.html", title=title, paragraphs=paragraphs)
