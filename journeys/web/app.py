"""create_app: a Flask app that serves one prototype folder."""

from __future__ import annotations

import os

from flask import Flask, current_app

from journeys.assets import govuk_frontend_dir
from journeys.file_cache import FileCache
from journeys.project import Project
from journeys.rendering import answer_display, environment
from journeys.rendering.jinja_environment import JourneysEnvironment
from journeys.settings import read_settings
from journeys.web import answers, config, views
from journeys.web.answer_store import SQLiteAnswerStore
from journeys.web.errors import register_error_pages


def create_app(project_dir=None, **overrides) -> Flask:
    """The app for the prototype in `project_dir` (default: $JOURNEYS_PROJECT, else here)."""
    project = Project.at(project_dir or os.environ.get("JOURNEYS_PROJECT") or ".")
    instance = project.root / ".journeys"
    app = Flask(__name__, root_path=str(project.root), instance_path=str(instance), static_folder=None)
    app.jinja_environment = JourneysEnvironment
    app.config.update(config.defaults(instance))
    app.config.update(config.from_environ())
    app.config.update(overrides)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.stored_secret_key(instance)

    app.extensions["journeys.project"] = project
    app.extensions["journeys.files"] = FileCache()
    app.extensions["journeys.govuk"] = govuk_frontend_dir(project)
    app.extensions["journeys.answers"] = app.config.get("ANSWER_STORE") or SQLiteAnswerStore(app.config["ANSWERS_DB"])

    environment.configure(app.jinja_env, project)
    app.context_processor(lambda: template_globals(app, project))
    app.register_blueprint(views.bp)
    register_error_pages(app)
    return app


def template_globals(app: Flask, project: Project) -> dict:
    """What every template sees: the answers as `data`, like the Prototype Kit, and the settings."""
    path = project.data / "settings.yaml"
    settings = {}
    if path.is_file():
        settings = app.extensions["journeys.files"].get(path, "settings", _read_settings)
    return {
        "data": answers.TemplateAnswers(answers.current()),
        "serviceName": settings.get("service_name", ""),
        "serviceUrl": "/",
        "phase": settings.get("phase", "Prototype"),
        "assetPath": "/assets",
        "stylesheets": ["/static/application.css"] if (project.static / "application.css").is_file() else [],
        "scripts": (["/static/application.js"] if (project.static / "application.js").is_file() else [])
        + (["/assets/journeys/frozen.js"] if app.config.get("FROZEN") else []),
        "answer": answer_display.answer_helper,
        "frozen": app.config.get("FROZEN", False),
    }


def _read_settings(path):
    # One function for every request: the file cache keys on it, so a new lambda would never hit.
    return read_settings(path, current_app.extensions["journeys.project"].name_of(path))
