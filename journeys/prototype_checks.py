"""Checking a whole prototype at once: every problem in every file, before anything is served or built."""

from __future__ import annotations

from jinja2 import Environment, TemplateSyntaxError

from journeys.flows.flow_files import flow_urls
from journeys.pages.markdown_pages import check_markdown_page
from journeys.problems import ContentError, Problem, read_text, sort_problems, syntax_problem
from journeys.prototype import Prototype
from journeys.rendering.environment import DEFAULT_LAYOUTS

PACKAGE_LAYOUTS = tuple(sorted(path.stem for path in DEFAULT_LAYOUTS.glob("*.html")))


def check_prototype(prototype: Prototype) -> list[Problem]:
    """Every problem in the prototype's settings, pages, layouts, flows, lists and scenarios."""
    project = prototype.project
    problems = list(prototype.problems)
    for page in prototype.pages.values():
        name = project.name_of(page.path)
        if page.is_markdown:
            problems += check_markdown_page(page.path, name)
        elif page.name.removesuffix(".html") in PACKAGE_LAYOUTS:
            problems.append(Problem(name, 1, f"this page has the same name as the '{page.name[:-5]}' layout, so it replaces that layout",
                                    "Rename the page; to change the layout, put it in layouts/ instead."))
    templates = [project.pages / name for name in prototype.listing.pages if name.endswith(".html")]
    templates += [project.layouts / name for name in prototype.listing.layouts if name.endswith(".html")]
    problems += [problem for path in templates for problem in _syntax(path, project.name_of(path))]

    for flow in prototype.flows.values():
        for url in flow_urls(flow):
            if url in prototype.pages:
                page_id = url.removeprefix(f"/{flow.slug}/").split("/", 1)[0]  # a list's remove page: the list's
                problems.append(Problem(flow.file, flow.pages[page_id].line,
                                        f"{project.name_of(prototype.pages[url].path)} has the same address, {url}, as this page",
                                        "Rename the page file or this page's id."))
    return sort_problems(problems)


_PARSER = Environment()  # parsing only: no loader, nothing rendered


def _syntax(path, name: str) -> list[Problem]:
    try:
        _PARSER.parse(read_text(path, name), filename=str(path))
    except ContentError as error:
        return error.problems
    except TemplateSyntaxError as error:
        return [syntax_problem(error, name)]
    return []
