"""Turning a page file into HTML: Jinja pages render as they are, Markdown inside a layout."""

from __future__ import annotations

from flask import current_app, render_template
from jinja2 import TemplateNotFound

from .markdown_pages import read_markdown_page
from .problems import ContentError, Problem
from .routing import PageFile


def render_page_file(page: PageFile) -> str:
    if not page.is_markdown:
        return render_template(page.name)
    project = current_app.extensions["journeys.project"]
    name = project.name_of(page.path)
    markdown_page = current_app.extensions["journeys.files"].get(page.path, read_markdown_page, name)
    layout = f"{markdown_page.layout}.html"
    try:
        current_app.jinja_env.get_template(layout)
    except TemplateNotFound:
        raise ContentError([Problem(name, 2, f"there is no layout called '{markdown_page.layout}'",
                                    "Use 'content', or add the layout to layouts/.")]) from None
    return render_template(layout, title=markdown_page.title, content=markdown_page.html)
