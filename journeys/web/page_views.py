"""Turning a page file into HTML: Jinja pages render as they are, Markdown inside a layout."""

from __future__ import annotations

from flask import current_app, render_template
from jinja2 import TemplateNotFound

from journeys.pages.markdown_pages import read_markdown_page
from journeys.pages.routing import PageFile
from journeys.pages.template_checks import template_problems
from journeys.problems import ContentError, Problem
from journeys.web.personal import personal
from journeys.web.state import state


def render_page_file(page: PageFile) -> str:
    app = state()
    name = app.project.name_of(page.path)
    if not page.is_markdown:
        # What `journeys check` finds, shown here too: a name the page never has renders as nothing.
        problems = app.files.get(page.path, "template checks", lambda path: template_problems(path, name, page=True))
        if problems:
            raise ContentError(problems)
        return render_template(page.name)
    # Kept until the file changes: a Markdown page's HTML depends on its text alone.
    markdown_page = app.files.get(page.path, "markdown page",
                                  lambda path: read_markdown_page(path, name, current_app.jinja_env))
    layout = f"{markdown_page.layout}.html"
    try:
        current_app.jinja_env.get_template(layout)
    except TemplateNotFound:
        raise ContentError([Problem(name, 2, f"there is no layout called '{markdown_page.layout}'",
                                    "Use 'content', or add the layout to layouts/.")]) from None
    return render_template(layout, title=markdown_page.title, content=personal(markdown_page.html))
