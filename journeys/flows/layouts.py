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
    lists_tasks: bool = False  # it lists tasks, each a run of pages that returns to it: the "complete multiple tasks" pattern
    has_next: bool = True  # it may have `next` (an exit page ends the journey; a task list leads through its tasks)


LAYOUTS: dict[str, Layout] = {
    "start": Layout(asks_questions=False),
    "question": Layout(),
    "check-answers": Layout(asks_questions=False, checks_answers=True),
    "confirmation": Layout(asks_questions=False, ends_journey=True, shows_reference=True),
    "content": Layout(asks_questions=False, ends_journey=True),
    "add-another": Layout(asks_questions=False, collects_items=True),
    "task-list": Layout(asks_questions=False, ends_journey=True, lists_tasks=True, has_next=False),
    # A warning mid-journey: a Continue button to `next`, and a link back.
    "interruption": Layout(asks_questions=False),
    # "You cannot use this service": the journey ends here, with no Continue button.
    "exit": Layout(asks_questions=False, ends_journey=True, has_next=False),
}
# A prototype's own layout, in layouts/: a question page of its own design.
OWN_LAYOUT = Layout()


def layout_of(name: str) -> Layout:
    return LAYOUTS.get(name, OWN_LAYOUT)
