"""What a hosted prototype answers to anyone: robots.txt, and NGINX's question "may this browser see static/?"."""

from __future__ import annotations

from flask import Blueprint, Flask, Response

from journeys.hosting.password import has_pass

bp = Blueprint("open_routes", __name__)


def install(app: Flask) -> None:
    app.register_blueprint(bp)


@bp.get("/robots.txt")
def robots():
    return Response("User-agent: *\nDisallow: /\n", mimetype="text/plain")


@bp.get("/_journeys/allowed")
def allowed():
    """204 for a browser with a pass, 401 without: NGINX's auth_request before it sends a file of static/."""
    return Response(status=204 if has_pass() else 401)
