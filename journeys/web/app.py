"""create_app: a Flask app that serves one prototype folder."""

from __future__ import annotations

import os

from flask import Flask, request

from journeys.assets import govuk_frontend_dir
from journeys.file_cache import FileCache
from journeys.project import Project
from journeys.prototype import PrototypeSource
from journeys.rendering import environment
from journeys.rendering.jinja_environment import JourneysEnvironment
from journeys.web import answers_panel, config, map_views, views
from journeys.web.answer_store import SQLiteAnswerStore
from journeys.web.errors import register_error_pages
from journeys.web.limits import refuse_too_much
from journeys.web.same_origin import refuse_other_sites
from journeys.web.security_headers import add_security_headers
from journeys.web.state import KEY, AppState
from journeys.web.template_globals import template_globals


def create_app(project_dir=None, **overrides) -> Flask:
    """The app for the prototype in `project_dir` (default: $JOURNEYS_PROJECT, else here).

    `FROZEN=True` renders pages for a build, `HOSTED=True` for research participants
    (journeys/hosting/): either way the files are read once, as nothing changes them.
    """
    project = Project.at(project_dir or os.environ.get("JOURNEYS_PROJECT") or ".")
    instance = project.root / ".journeys"
    app = Flask(__name__, root_path=str(project.root), instance_path=str(instance), static_folder=None)
    app.jinja_environment = JourneysEnvironment
    app.config.update(config.defaults(instance))
    app.config.update(config.from_environ())
    app.config.update(overrides)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.stored_secret_key(instance)

    frozen, hosted = bool(app.config.get("FROZEN")), bool(app.config.get("HOSTED"))
    files = FileCache(keep=frozen or hosted)  # neither reads a changed file while it runs
    app.extensions[KEY] = AppState(
        project=project,
        source=PrototypeSource(project, files, fixed=frozen or hosted),
        files=files,
        govuk=govuk_frontend_dir(project),
        answers=app.config.get("ANSWER_STORE") or SQLiteAnswerStore(app.config["ANSWERS_DB"], _expiry(app.config)),
        frozen=frozen,
        hosted=hosted,
    )
    environment.configure(app.jinja_env, project)
    app.context_processor(template_globals)
    app.register_blueprint(map_views.bp)
    app.register_blueprint(answers_panel.bp)
    app.register_blueprint(views.bp)
    app.before_request(lambda: refuse_other_sites(request))
    app.before_request(lambda: refuse_too_much(request, app.config))
    app.after_request(add_security_headers)
    register_error_pages(app)
    return app


def _expiry(settings) -> float | None:
    """Seconds answers are kept untouched; None (keep them for ever) for 0 days."""
    days = settings.get("ANSWERS_EXPIRE_DAYS")
    return float(days) * 86400 if days else None
