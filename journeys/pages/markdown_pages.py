"""Markdown pages: YAML front matter, then content (Markdown and GOV.UK components)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from journeys.content.markdown import check_content, render_content
from journeys.problems import ContentError, Problem, did_you_mean, read_text
from journeys.yaml_files import parse_yaml

FRONT_MATTER_KEYS = {"title": "the page title", "layout": "the layout to use (default: content)"}


@dataclass
class MarkdownPage:
    title: str
    layout: str
    html: Markup


def split_front_matter(text: str, name: str) -> tuple[dict, str, int, list[Problem]]:
    """(front matter, body, line the body starts on, unknown keys) for text that may start with `---`.

    Front matter that cannot be read at all raises ContentError.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text, 1, []
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            document = parse_yaml("".join(lines[1:number]), name, first_line=2)
            meta = document.data or {}
            if not isinstance(meta, dict):
                raise ContentError([Problem(name, 2, "the front matter should be 'name: value' lines",
                                            "For example:  title: About this prototype")])
            problems = [
                Problem(name, document.line(key), f"unknown front matter key '{key}'",
                        did_you_mean(key, FRONT_MATTER_KEYS) or "Keys are: " + ", ".join(FRONT_MATTER_KEYS))
                for key in meta if key not in FRONT_MATTER_KEYS
            ]
            return meta, "".join(lines[number + 1:]), number + 2, problems
    raise ContentError([Problem(name, 1, "the front matter starts with '---' but never ends",
                                "Add a line with just '---' after the title and layout.")])


def check_markdown_page(path: Path, name: str) -> list[Problem]:
    """Every problem in a .md page, without rendering it."""
    try:
        return _read(path, name)[1]
    except ContentError as error:
        return error.problems


def markdown_body(path: Path, name: str) -> tuple[str, int]:
    """(the Markdown after the front matter, the line it starts on); ContentError if the page cannot be read."""
    (_meta, _title, body, body_line), _problems = _read(path, name)
    return body, body_line


def read_markdown_page(path: Path, name: str, environment: Environment | None = None) -> MarkdownPage:
    """Read a .md page: front matter for title and layout, then content; raises ContentError with every problem.

    The GOV.UK macros come from `environment` (see render_content).
    """
    (meta, title, body, body_line), problems = _read(path, name)
    if problems:
        raise ContentError(problems)
    return MarkdownPage(title=title, layout=str(meta.get("layout") or "content"),
                        html=render_content(body, name, body_line, environment))


def _read(path: Path, name: str) -> tuple[tuple[dict, str, str, int], list[Problem]]:
    """((front matter, title, body, line the body starts on), problems) for a .md page."""
    meta, body, body_line, problems = split_front_matter(read_text(path, name), name)
    title = meta.get("title")
    if not title:
        # No title in the front matter: the first '# heading' is the title.
        stripped = body.lstrip("\n")
        first, _, rest = stripped.partition("\n")
        if first.startswith("# "):
            title, body_line = first[2:].strip(), body_line + len(body) - len(stripped) + 1
            body = rest
    return (meta, str(title or ""), body, body_line), problems + check_content(body, name, body_line)
