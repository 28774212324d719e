"""Checking a whole prototype at once: every problem in every file, before anything is served or built."""

from __future__ import annotations

from journeys.content.when_blocks import conditions_in
from journeys.flows.condition_checks import condition_problems
from journeys.pages.markdown_pages import check_markdown_page, markdown_body
from journeys.pages.template_checks import published_warnings, template_problems
from journeys.problems import ContentError, Problem, sort_problems
from journeys.prototype import Prototype
from journeys.rendering.environment import DEFAULT_LAYOUTS

PACKAGE_LAYOUTS = tuple(sorted(path.stem for path in DEFAULT_LAYOUTS.glob("*.html")))


def check_prototype(prototype: Prototype) -> list[Problem]:
    """Every problem in the prototype's settings, pages, layouts, flows, lists and scenarios."""
    project = prototype.project
    problems = list(prototype.problems)
    questions = prototype.questions_by_name()
    for page in prototype.pages.values():
        name = project.name_of(page.path)
        if page.is_markdown:
            problems += check_markdown_page(page.path, name) + _markdown_conditions(page.path, name, questions)
        elif page.name.removesuffix(".html") in PACKAGE_LAYOUTS:
            problems.append(Problem(name, 1, f"this page has the same name as the '{page.name[:-5]}' layout, so it replaces that layout",
                                    "Rename the page; to change the layout, put it in layouts/ instead."))
    page_names = {page.name for page in prototype.pages.values() if not page.is_markdown}
    templates = [(project.pages / name, name in page_names) for name in prototype.listing.pages if name.endswith(".html")]
    templates += [(project.layouts / name, False) for name in prototype.listing.layouts if name.endswith(".html")]
    problems += [problem for path, page in templates
                 for problem in template_problems(path, project.name_of(path), page, questions)]
    return sort_problems(problems)


def _markdown_conditions(path, name: str, questions) -> list[Problem]:
    try:
        body, first_line = markdown_body(path, name)
    except ContentError as error:
        return error.problems
    return [problem for line, condition in conditions_in(body, first_line)
            for problem in condition_problems(condition, questions, name, line)]


def check_published(prototype: Prototype) -> list[Problem]:
    """Warnings, not problems: each use of `data` in a Jinja page or layout that the published prototype cannot show."""
    project = prototype.project
    paths = [project.pages / name for name in prototype.listing.pages if name.endswith(".html")]
    paths += [project.layouts / name for name in prototype.listing.layouts if name.endswith(".html")]
    return sort_problems(warning for path in paths for warning in published_warnings(path, project.name_of(path)))
