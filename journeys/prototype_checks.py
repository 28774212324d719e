"""Checking a whole prototype at once: every problem in every file, before anything is served or built."""

from __future__ import annotations

from jinja2 import Environment, TemplateSyntaxError

from journeys.file_cache import FileCache
from journeys.flows.flow_files import all_flows, flow_urls
from journeys.flows.scenarios import all_scenarios
from journeys.pages.markdown_pages import read_markdown_page
from journeys.pages.routing import all_pages
from journeys.problems import ContentError, Problem
from journeys.project import Project
from journeys.rendering.environment import DEFAULT_LAYOUTS
from journeys.settings import read_settings

PACKAGE_LAYOUTS = tuple(sorted(path.stem for path in DEFAULT_LAYOUTS.glob("*.html")))


def check_project(project: Project, environment: Environment, cache: FileCache | None = None) -> list[Problem]:
    """Every problem in the prototype's settings, pages, layouts and flows."""
    cache = FileCache() if cache is None else cache
    problems: list[Problem] = []
    settings = project.data / "settings.yaml"
    if settings.is_file():
        problems += _collect(lambda: read_settings(settings, project.name_of(settings)))

    pages = all_pages(project.pages)
    for page in pages:
        name = project.name_of(page.path)
        if page.is_markdown:
            problems += _collect(lambda: read_markdown_page(page.path, name))
        elif page.name.removesuffix(".html") in PACKAGE_LAYOUTS:
            problems.append(Problem(name, 1, f"this page has the same name as the '{page.name[:-5]}' layout, so it replaces that layout",
                                    "Rename the page; to change the layout, put it in layouts/ instead."))
    for folder in (project.pages, project.layouts):
        for path in sorted(folder.rglob("*.html")) if folder.is_dir() else []:
            problems += _syntax(environment, path, project)

    flows, flow_problems = all_flows(project, cache)
    problems += flow_problems
    problems += all_scenarios(project, cache)[1]
    page_urls = {page.url: project.name_of(page.path) for page in pages}
    for flow in flows:
        for url in flow_urls(flow):
            if url in page_urls:
                problems.append(Problem(flow.file, flow.pages[url.rsplit("/", 1)[1]].line,
                                        f"{page_urls[url]} has the same address, {url}, as this page",
                                        "Rename the page file or this page's id."))
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


def _collect(read) -> list[Problem]:
    try:
        read()
    except ContentError as error:
        return error.problems
    return []


def _syntax(environment: Environment, path, project: Project) -> list[Problem]:
    try:
        environment.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except TemplateSyntaxError as error:
        return [Problem(project.name_of(path), error.lineno, f"Jinja syntax error: {error.message}",
                        "Check the {% %} and {{ }} tags on this line are opened and closed.")]
    return []
