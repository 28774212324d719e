"""Turning a page file into HTML: Jinja pages render as they are, Markdown inside a layout."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template
from jinja2 import TemplateNotFound

from journeys.pages.markdown_pages import MarkdownPage, read_markdown_page
from journeys.pages.routing import PageFile
from journeys.problems import ContentError, Problem


def render_page_file(page: PageFile) -> str:
    if not page.is_markdown:
        return render_template(page.name)
    project = current_app.extensions["journeys.project"]
    name = project.name_of(page.path)
    # One reading function for every page: the cache keys on it, so a new lambda would never hit.
    markdown_page = current_app.extensions["journeys.files"].get(page.path, "markdown page", _read_markdown_page)
    layout = f"{markdown_page.layout}.html"
    try:
        current_app.jinja_env.get_template(layout)
    except TemplateNotFound:
        raise ContentError([Problem(name, 2, f"there is no layout called '{markdown_page.layout}'",
                                    "Use 'content', or add the layout to layouts/.")]) from None
    return render_template(layout, title=markdown_page.title, content=markdown_page.html)


def _read_markdown_page(path: Path) -> MarkdownPage:
    name = current_app.extensions["journeys.project"].name_of(path)
    return read_markdown_page(path, name, current_app.jinja_env)
