"""The Jinja environment: where templates are found, and the GOV.UK macros every page can call."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from jinja2.loaders import split_template_path

from journeys.problems import read_text
from journeys.project import Project

DEFAULT_LAYOUTS = Path(__file__).parent / "layouts"

# Every GOV.UK Frontend component govuk-frontend-jinja ships, by its macro name.
COMPONENTS = [
    "accordion", "back-link", "breadcrumbs", "button", "character-count", "checkboxes",
    "cookie-banner", "date-input", "details", "error-message", "error-summary",
    "exit-this-page", "fieldset", "file-upload", "footer", "header", "hint", "input",
    "inset-text", "label", "notification-banner", "pagination", "panel", "password-input",
    "phase-banner", "radios", "select", "service-navigation", "skip-link", "summary-list",
    "table", "tabs", "tag", "task-list", "textarea", "warning-text",
]

# What every template sees besides Jinja's own names and the GOV.UK macros: web/template_globals.py
# gives the first ones (a test keeps the two the same), Flask the rest.
PAGE_NAMES = (
    "data", "answer", "when", "serviceName", "serviceUrl", "phase", "assetPath", "stylesheets", "scripts", "frozen",
    "hosted", "csrf_token",
    "url_for", "get_flashed_messages", "config", "request", "session", "g",
)


def macro_name(component: str) -> str:
    """'date-input' -> 'govukDateInput', as the GOV.UK Design System names them."""
    return "govuk" + "".join(part.capitalize() for part in component.split("-"))


class _Macro:
    """A GOV.UK macro, loaded on its first call so that start-up stays fast."""

    def __init__(self, environment: Environment, component: str):
        self.environment = environment
        self.template = f"govuk_frontend_jinja/components/{component}/macro.html"
        self.name = macro_name(component)

    def __call__(self, *args, **kwargs):
        module = self.environment.get_template(self.template).module
        return getattr(module, self.name)(*args, **kwargs)


def loader(project: Project) -> ChoiceLoader:
    """The project's layouts/ first, then pages/, then Journeys' layouts, then GOV.UK's.

    `journeys/<name>` always means Journeys' own layout, so a project layout can extend
    the default it replaces.
    """
    return ChoiceLoader([
        DesignersLoader(project.layouts, project),
        DesignersLoader(project.pages, project),
        FileSystemLoader(DEFAULT_LAYOUTS),
        PrefixLoader({
            "journeys": FileSystemLoader(DEFAULT_LAYOUTS),
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
        }),
    ])


class DesignersLoader(FileSystemLoader):
    """A folder of the designer's templates: one not saved as UTF-8 is a problem naming its file and line."""

    def __init__(self, folder: Path, project: Project):
        super().__init__(folder)
        self.project = project

    def get_source(self, environment: Environment, template: str):
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError:
            path = Path(self.searchpath[0], *split_template_path(template))
            read_text(path, self.project.name_of(path))  # raises the problem, with its line
            raise


def configure(environment: Environment, project: Project) -> None:
    """Point `environment` at the project's templates, autoescape everything, add the macros."""
    environment.loader = loader(project)
    environment.autoescape = True
    environment.trim_blocks = False
    add_macros(environment)


def add_macros(environment: Environment) -> None:
    for component in COMPONENTS:
        environment.globals[macro_name(component)] = _Macro(environment, component)


@cache
def govuk_environment() -> Environment:
    """The GOV.UK macros alone, autoescaped: for content rendered where there is no app, as in checks."""
    environment = Environment(loader=PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
                              autoescape=True)
    add_macros(environment)
    return environment
