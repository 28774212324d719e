"""Markdown pages: YAML front matter, then Markdown styled with GOV.UK classes."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .problems import ContentError, Problem, did_you_mean
from .yaml_files import parse_yaml

FRONT_MATTER_KEYS = {"title": "the page title", "layout": "the layout to use (default: content)"}

GOVUK_CLASSES = {
    "h1": "govuk-heading-xl",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
}


@dataclass
class MarkdownPage:
    title: str
    layout: str
    html: Markup


class _GovukClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in parent:
                if child.tag == "p" and parent.tag in ("li", "blockquote"):
                    continue  # GOV.UK lists and inset text style their own paragraphs
                extra = GOVUK_CLASSES.get(child.tag)
                if extra and "class" not in child.attrib:
                    child.set("class", extra)


class GovukMarkdown(Extension):
    """Adds GOV.UK Frontend classes to the HTML Markdown makes."""

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_GovukClasses(md), "govuk_classes", 0)


def render_markdown(text: str) -> Markup:
    """Markdown to GOV.UK-styled HTML. The text is the designer's own, so HTML in it is kept."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", "attr_list", "fenced_code", GovukMarkdown()])
    return Markup(md.convert(text))


def split_front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """(front matter, body, line the body starts on) for text that may start with `---`."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text, 1
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
            if problems:
                raise ContentError(problems)
            return meta, "".join(lines[number + 1:]), number + 2
    raise ContentError([Problem(name, 1, "the front matter starts with '---' but never ends",
                                "Add a line with just '---' after the title and layout.")])


def read_markdown_page(path: Path, name: str) -> MarkdownPage:
    """Read a .md page: front matter for title and layout, the rest Markdown."""
    meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"), name)
    title = meta.get("title")
    if not title:
        # No title in the front matter: the first '# heading' is the title.
        first, _, rest = body.lstrip("\n").partition("\n")
        if first.startswith("# "):
            title, body = first[2:].strip(), rest
    return MarkdownPage(title=str(title or ""), layout=str(meta.get("layout") or "content"), html=render_markdown(body))
