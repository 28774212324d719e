"""Each `!!!` component as a call to its GOV.UK macro: govukInsetText, govukPanel, govukTable...

What a designer typed on a `!!!` line or as plain text (a tag, a button, a summary list) is
escaped here, before a macro sees it: the macros print `text` raw wherever autoescape is off.
The only HTML passed as HTML is what Markdown made.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Callable, Mapping

from markupsafe import Markup, escape

from journeys.content.govuk_classes import GOVUK_CLASSES
from journeys.content.syntax import OLD_TAG_COLOURS, Header, split_row
from journeys.content.when_blocks import when_html

InnerHtml = Callable[[etree.Element], Markup]
BANNER_HEADING = Markup('<p class="govuk-notification-banner__heading">%s</p>\n')


@dataclass
class Component:
    """A component in the Markdown: its `!!!` line, and its body as Markdown parsed it or as lines."""

    header: Header
    element: etree.Element
    lines: list[str] = field(default_factory=list)
    number: int = 1  # 2 for the second component with this name in the text, and so on


def render_component(component: Component, macros: Mapping, inner_html: InnerHtml) -> Markup:
    """The component's HTML, from its GOV.UK macro; `inner_html` serialises a parsed body."""
    return RENDER[component.header.component](component, macros, inner_html)


def _inset(c: Component, macros, inner: InnerHtml) -> Markup:
    return macros["govukInsetText"]({"html": inner(_single_paragraph(c.element))})


def _warning(c: Component, macros, inner: InnerHtml) -> Markup:
    # The macro puts the text in a <strong>, where a <p> cannot go.
    return macros["govukWarningText"]({"html": inner(_single_paragraph(c.element))})


def _details(c: Component, macros, inner: InnerHtml) -> Markup:
    return macros["govukDetails"]({"summaryText": escape(c.header.quoted), "html": inner(_single_paragraph(c.element))})


def _notification(c: Component, macros, inner: InnerHtml) -> Markup:
    for link in c.element.iter("a"):
        link.set("class", "govuk-notification-banner__link")
    paragraph = _single_paragraph(c.element)
    if c.header.quoted:
        html = BANNER_HEADING % c.header.quoted + inner(c.element)
    elif paragraph is not c.element:
        html = BANNER_HEADING % inner(paragraph)  # one line shows as the heading, as the macro's `text` does
    else:
        html = inner(c.element)
    params = {"html": html}
    if c.header.word == "success":
        params["type"] = "success"
    if c.number > 1:  # each banner's title needs its own id
        params["titleId"] = f"govuk-notification-banner-title-{c.number}"
    return macros["govukNotificationBanner"](params)


def _panel(c: Component, macros, inner: InnerHtml) -> Markup:
    # GOV.UK body and link classes would colour the text black and blue on the panel's turquoise.
    for element in c.element.iter():
        if element is not c.element and element.get("class") == GOVUK_CLASSES.get(element.tag):
            element.attrib.pop("class", None)
    params = {"titleText": escape(c.header.quoted)}
    body = inner(_single_paragraph(c.element))
    if body.strip():
        params["html"] = body
    return macros["govukPanel"](params)


def _tag(c: Component, macros, inner: InnerHtml) -> Markup:
    params = {"text": escape(_text(c.lines))}
    colour = OLD_TAG_COLOURS.get(c.header.word, c.header.word)
    if colour and colour != "blue":
        params["classes"] = f"govuk-tag--{colour}"
    return macros["govukTag"](params)


def _summary_list(c: Component, macros, inner: InnerHtml) -> Markup:
    rows: list[tuple[str, list[str]]] = []
    for line in c.lines:
        if line.strip() and line[0] == " " and rows:
            rows[-1][1].append(line.strip())
        elif row := split_row(line):
            rows.append((row[0], [row[1]]))
    return macros["govukSummaryList"]({"rows": [
        {"key": {"text": escape(key)}, "value": {"html": Markup("<br>").join(values)}} for key, values in rows
    ]})


def _button(c: Component, macros, inner: InnerHtml) -> Markup:
    start = c.header.component == "start-button"
    params = {"text": escape(_text(c.lines) or "Start now"), "href": escape(c.header.quoted), "isStartButton": start}
    if c.header.word:
        params["classes"] = f"govuk-button--{c.header.word}"
    return macros["govukButton"](params)


def _table(c: Component, macros, inner: InnerHtml) -> Markup:
    table = c.element.find("table")
    if table is None:
        return inner(c.element)
    params = {
        "head": [_cell(th, inner) for th in table.iterfind("thead/tr/th")],
        "rows": [[_cell(cell, inner) for cell in row] for row in table.iterfind("tbody/tr")],
        "firstCellIsHeader": c.header.word == "row-headers",
    }
    if c.header.quoted:
        params.update(caption=escape(c.header.quoted), captionClasses="govuk-table__caption--m")
    return macros["govukTable"](params)


def _when(c: Component, macros, inner: InnerHtml) -> Markup:
    return when_html(c.header.condition, inner(c.element))


def _cell(cell: etree.Element, inner: InnerHtml) -> dict:
    params = {"html": inner(cell)}
    if "right" in cell.get("style", ""):  # `| ---: |` in Markdown: numbers line up on the right
        params["format"] = "numeric"
    return params


def _single_paragraph(element: etree.Element) -> etree.Element:
    """The paragraph that is all of `element`, or `element` itself.

    A body of one paragraph goes to the macro without its <p>, as the macro's `text` would.
    """
    if len(element) == 1 and element[0].tag == "p" and not (element.text or "").strip():
        return element[0]
    return element


def _text(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


RENDER = {
    "inset": _inset, "warning": _warning, "details": _details, "notification": _notification,
    "panel": _panel, "tag": _tag, "summary-list": _summary_list, "button": _button,
    "start-button": _button, "table": _table, "when": _when,
}
