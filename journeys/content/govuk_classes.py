"""GOV.UK Frontend classes on the HTML that Markdown makes."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

# The python-markdown extensions every page's Markdown is read with.
MARKDOWN_EXTENSIONS = ["tables", "sane_lists", "attr_list", "fenced_code"]

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


class _GovukClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in parent:
                if child.tag == "p" and parent.tag in ("li", "blockquote"):
                    continue  # GOV.UK lists and inset text style their own paragraphs
                if child.tag == "p" and len(child) == 0 and HTML_PLACEHOLDER_RE.fullmatch((child.text or "").strip()):
                    continue  # raw HTML or a code block, which replaces this <p> only if it has no class
                extra = GOVUK_CLASSES.get(child.tag)
                if extra and "class" not in child.attrib:
                    child.set("class", extra)


class GovukMarkdown(Extension):
    """Adds GOV.UK Frontend classes to the HTML Markdown makes."""

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_GovukClasses(md), "govuk_classes", 0)
