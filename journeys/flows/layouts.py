"""The layouts a flow page can have, and what each does: the page kinds' table, as question_types.TYPES is the questions'."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    """What a flow page with this layout does, besides showing its template."""

    asks_questions: bool = True  # it may have `questions:`
    ends_journey: bool = False  # it may have no `next`: nothing follows it
    checks_answers: bool = False  # it plays back every answer on the way, and sending them makes a reference
    shows_reference: bool = False  # it shows the reference that sending the answers made
    collects_items: bool = False  # it lists items asked on other pages: the "add to a list" pattern


LAYOUTS: dict[str, Layout] = {
    "start": Layout(asks_questions=False),
    "question": Layout(),
    "check-answers": Layout(asks_questions=False, checks_answers=True),
    "confirmation": Layout(asks_questions=False, ends_journey=True, shows_reference=True),
    "content": Layout(asks_questions=False, ends_journey=True),
    "add-another": Layout(asks_questions=False, collects_items=True),
}
# A prototype's own layout, in layouts/: a question page of its own design.
OWN_LAYOUT = Layout()


def layout_of(name: str) -> Layout:
    return LAYOUTS.get(name, OWN_LAYOUT)
