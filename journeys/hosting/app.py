"""The hosted app: the prototype's app in hosted mode, with the password, participant links and form tokens."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, request
from flask.sessions import SecureCookieSessionInterface
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

from journeys.hosting import csrf, errors, links, open_routes, password
from journeys.hosting.passes import Passes
from journeys.hosting.proxy import TrustedProxies
from journeys.hosting.redis_answers import RedisAnswerStore
from journeys.hosting.settings import HostSettings
from journeys.hosting.tries import Tries
from journeys.web.answer_store import SQLiteAnswerStore
from journeys.web.app import create_app

LAYOUTS = Path(__file__).parent / "layouts"
# The researcher's tools, not the participants': scenarios are given by participant links, and
# journey maps show every page. (The answers panel refuses to run hosted by itself.)
DESIGNER_TOOLS = {"journeys.scenario_list", "journeys.scenario", "maps.map_list", "maps.flow_map", "maps.scenario_map"}


def create_hosted_app(settings: HostSettings) -> Flask:
    """The app gunicorn serves for `journeys host`."""
    store = (RedisAnswerStore(settings.redis_url, settings.forget_after) if settings.redis_url
             else SQLiteAnswerStore(settings.answers_db, settings.forget_after))
    app = create_app(settings.project, HOSTED=True, SECRET_KEY=settings.secret_key, ANSWER_STORE=store,
                     PERMANENT_SESSION_LIFETIME=int(settings.forget_after), SESSION_REFRESH_EACH_REQUEST=False)
    app.session_interface = SecureOverHttps()
    app.jinja_env.loader = ChoiceLoader([PrefixLoader({"hosting": FileSystemLoader(LAYOUTS)}), app.jinja_env.loader])
    errors.register(app)
    passes = Passes(settings.secret_key, settings.password, settings.forget_after)
    if settings.password:
        password.install(app, passes, settings.password, Tries(store, settings.secret_key))
    links.install(app, passes)
    open_routes.install(app)
    app.before_request(_hide_designer_tools)
    csrf.install(app)
    app.wsgi_app = TrustedProxies(app.wsgi_app, settings.trusted_proxies)
    app.extensions["journeys_passes"] = passes
    return app


class SecureOverHttps(SecureCookieSessionInterface):
    """The session cookie, kept as long as answers are, and marked Secure when the page came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure

    def save_session(self, app: Flask, session, response) -> None:
        # Kept until the answers are forgotten, not only until the browser closes: a participant
        # who comes back the next day finds their answers.
        if session and session.modified and not session.permanent:
            session.permanent = True
        super().save_session(app, session, response)


def _hide_designer_tools():
    if request.endpoint in DESIGNER_TOOLS:
        abort(404)
