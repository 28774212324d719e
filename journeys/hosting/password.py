"""The password page, as Prototype Kit users know it: every page asks for the password until it is given.

Without a pass (passes.py), any request but the password page's own (and the GOV.UK Frontend
files it is made of) is sent to the password page, which returns to the page first asked for.
The password is compared in constant time, and wrong tries from one address are slowed down
(tries.py).
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import quote, urlsplit

from flask import Blueprint, Flask, current_app, g, redirect, render_template, request

from journeys.assets import OWN_ASSETS, find_asset
from journeys.hosting.passes import COOKIE, Passes
from journeys.hosting.tries import Tries
from journeys.web.state import state

PAGE = "/_journeys/password"
# Always open: the password page, participant links, NGINX's question "may this browser see
# static/?", and robots.txt. Everything else needs a pass.
OPEN = {PAGE, "/_journeys/join", "/_journeys/allowed", "/robots.txt"}
INIT_SCRIPT = "journeys/init.js"  # the one script of Journeys' own the password page runs

bp = Blueprint("password", __name__)


def install(app: Flask, passes: Passes, password: str, tries: Tries) -> None:
    """Ask for `password` before anything but the password page is shown."""
    app.extensions["journeys_password"] = (passes, _digest(password), tries)
    app.register_blueprint(bp)
    # First of all the checks: without a pass, nothing of the prototype answers, not even a
    # refusal in its layout.
    app.before_request_funcs.setdefault(None, []).insert(0, _keep_out)


def has_pass() -> bool:
    """Whether this browser may see the prototype."""
    if "journeys_has_pass" not in g:
        passes = current_app.extensions.get("journeys_password")
        g.journeys_has_pass = passes is None or passes[0].valid(request.cookies.get(COOKIE))
    return g.journeys_has_pass


def is_open(path: str) -> bool:
    """Whether `path` is shown without a pass: the password page's own, and the files it is made of."""
    if path in OPEN:
        return True
    if not path.startswith("/assets/"):
        return False
    asset = path.removeprefix("/assets/")
    if asset.startswith("journeys/"):
        return asset == INIT_SCRIPT
    found = find_asset(state().govuk, asset)  # GOV.UK Frontend's own files, which hold nothing of the prototype
    return found is not None and not found.is_relative_to(OWN_ASSETS)


def _keep_out():
    if has_pass() or is_open(request.path):
        return None
    asked = request.full_path.rstrip("?") if request.method in ("GET", "HEAD") else request.path
    return redirect(f"{PAGE}?return={quote(asked, safe='/')}" if asked != "/" else PAGE, code=303)


@bp.route(PAGE, methods=["GET", "POST"])
def password_page():
    back_to = safe_return(request.values.get("return", "/"))
    if request.method == "GET":
        if has_pass():
            return redirect(back_to, code=303)
        return _page(back_to)
    passes, expected, tries = current_app.extensions["journeys_password"]
    address = request.remote_addr or ""
    wait = tries.wait(address)
    if wait:
        return _page(back_to, f"Too many wrong passwords have been tried from here. Wait {wait} seconds, "
                     "then try again", status=429, headers={"Retry-After": str(wait)})
    given = request.form.get("password", "")
    if not hmac.compare_digest(_digest(given), expected):
        tries.wrong(address)
        return _page(back_to, "The password is not right. Check it and try again" if given else "Enter the password")
    return passes.give(redirect(back_to, code=303), secure=request.is_secure)


def safe_return(target: str) -> str:
    """`target` if it is a path on this site, else "/": never a way off to another site."""
    if not target.startswith("/") or "\\" in target or target.startswith("//") or any(ord(c) < 32 for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or parts.path == PAGE:
        return "/"
    return target


def _page(back_to: str, error: str | None = None, status: int = 200, headers: dict | None = None):
    html = render_template("hosting/password.html", returnTo=back_to, error=error,
                           errors=[{"text": error, "href": "#password"}] if error else [])
    return html, status, headers or {}


def _digest(text: str) -> bytes:
    # Both sides hashed: compare_digest's time then says nothing about the password's length.
    return hashlib.sha256(text.encode()).digest()
