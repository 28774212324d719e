"""Content for the person reading it: answers written into pages and flow text, and blocks shown when a condition holds.

Live, the server fills each in from this person's answers. Frozen, each is left marked for the
published site's script, which fills them in from the answers kept in the browser.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from journeys.content.answer_marks import has_answers, marked, plain
from journeys.content.when_blocks import MARK, shown, when_html
from journeys.flows.conditions import holds, problems_in
from journeys.flows.navigation import records
from journeys.rendering.answer_display import display, display_list
from journeys.web import answers
from journeys.web.state import prototype, state

_BARE_MARK = re.compile(r'<span data-journeys-answer="([^"]*)"></span>')


def personal(content: Markup) -> Markup:
    """Rendered content with each answer in it filled (frozen: marked with its flow), and each `when` block shown or not."""
    if 'data-journeys-answer="' in content:
        content = Markup(_BARE_MARK.sub(lambda match: str(answer_helper(html.unescape(match.group(1)))), content))
    if MARK in content and not state().frozen:
        content = shown(content, answers.current())
    return content


def title_html(title: str) -> str | Markup:
    """A flow page's title for its heading: with its answers, if it shows any."""
    return personal(marked(title)) if has_answers(title) else title


def title_text(title: str) -> str:
    """A flow page's title as plain text, for the browser's tab: answers as words (frozen: none, until the script adds them)."""
    if not has_answers(title):
        return title
    return plain(title, lambda name: "" if state().frozen else Markup(answer_helper(name).replace("<br>", ", ")).striptags())


def answer_helper(name: str) -> Markup:
    """`{{ answer("email") }}` in a Jinja page: the answer as check answers shows it (a list: each item's first answer).

    Marked with its name so the frozen site's script fills it in from the browser's answers.
    """
    frozen = state().frozen
    listed = prototype().item_list(name)
    if listed is not None:
        flow, page = listed
        shown_here = "" if frozen else display_list(flow, page, records(answers.current(), name))
        return Markup('<span data-journeys-answer="{}" data-journeys-flow="{}">{}</span>').format(name, flow.slug, shown_here)
    found = prototype().question(name)
    if found is not None:
        flow, question = found
        shown_here = "" if frozen else display(question, answers.current().get(name))
        return Markup('<span data-journeys-answer="{}" data-journeys-flow="{}">{}</span>').format(name, flow.slug, shown_here)
    value = answers.current().get(name, "")
    shown_here = "" if frozen else ", ".join(map(str, value)) if isinstance(value, list) else value
    return Markup('<span data-journeys-answer="{}">{}</span>').format(name, shown_here)


def when_helper(condition, caller=None) -> Markup:
    """`{% call when({"dog-type": "Pedigree"}) %}...{% endcall %}`: what is inside, only when the condition holds."""
    found = problems_in(condition)
    if found:
        _path, message, fix = found[0]
        raise ValueError(f"when() needs a condition as a flow's 'when:' writes it: {message}. {fix}".strip())
    inner = caller() if caller is not None else Markup("")
    if state().frozen:
        return when_html(condition, inner)
    return inner if holds(condition, answers.current()) else Markup("")
