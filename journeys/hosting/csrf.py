"""Every form of a hosted prototype carries a token, and a POST without this browser's token changes nothing.

The token is made once per browser and kept in its signed session cookie. Designers add
nothing: every `<form method="post">` of every HTML page gets a hidden `_csrf` field as the
page is sent (as the dev server adds its reload script), and a page may also write
`{{ csrf_token() }}` where it needs the token itself. The same-origin check
(journeys/web/same_origin.py) still runs first.
"""

from __future__ import annotations

import hmac
import re
import secrets

from flask import Flask, Response, request, session
from markupsafe import Markup
from werkzeug.exceptions import BadRequest

from journeys.web.same_origin import SAFE_METHODS

FIELD = "_csrf"  # '_': a form's own field, never kept as an answer
POST_FORM = re.compile(rb"<form\b[^>]*?\bmethod\s*=\s*[\"']?post\b[^>]*>", re.I)


class NoFormToken(BadRequest):
    """A form sent without this browser's token: from a page that is not ours, or from before the session was."""


def install(app: Flask) -> None:
    app.context_processor(lambda: {"csrf_token": token})
    app.before_request(check)
    app.after_request(add_to_forms)


def token() -> str:
    """This browser's token, made on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return session["csrf"]


def check() -> None:
    """Raise NoFormToken for a state-changing request without this browser's token."""
    if request.method in SAFE_METHODS:
        return
    expected = session.get("csrf", "")
    sent = request.form.get(FIELD) or request.headers.get("X-CSRF-Token", "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise NoFormToken()


def add_to_forms(response: Response) -> Response:
    """The token in every POST form of an HTML page."""
    if response.mimetype != "text/html" or response.direct_passthrough or response.is_streamed:
        return response
    html = response.get_data()
    if POST_FORM.search(html) is None:
        return response
    field = Markup('<input type="hidden" name="{}" value="{}">').format(FIELD, token()).encode()
    response.set_data(POST_FORM.sub(lambda found: found.group(0) + field, html))
    return response
