"""The ids a page's questions give their HTML, as GOV.UK Frontend's macros make them: each must be unique on the page.

A question's id is its name, and its parts add to it (`contact-hint`, `contact-2` for a second
option, `conditional-contact-2` for what that option reveals). Names are unique in a flow, but
a name can still be another question's part: a question revealed as `contact-2` under `contact`.
"""

from __future__ import annotations

from journeys.flows.model import FlowPage, Question
from journeys.flows.question_types import ADDRESS_PARTS, DATE_PARTS
from journeys.problems import Problem


def question_ids(question: Question) -> list[str]:
    """Every id the question's HTML has (or has once it shows an error)."""
    name = question.name
    ids = [name, f"{name}-hint", f"{name}-error"]
    if question.type == "character-count":
        ids.append(f"{name}-info")
    elif question.type == "date":
        ids += [f"{name}-{part}" for part in DATE_PARTS]
    elif question.type == "address":
        ids += [f"{name}-{part}{end}" for part, *_ in ADDRESS_PARTS for end in ("", "-error")]
    index, previous_divider = 0, False
    for option in question.options:
        if option.exclusive and index and not previous_divider:
            index += 1  # the "or" Journeys puts before a "none of these" option
        index += 1
        previous_divider = option.divider
        if option.divider:
            continue
        item = name if index == 1 else f"{name}-{index}"
        ids += [item] if index > 1 else []
        ids += [f"{item}-item-hint"] if option.hint else []
        ids += [f"conditional-{item}"] if option.reveal else []
    return ids


def id_problems(file: str, page: FlowPage) -> list[Problem]:
    """A problem for each id two questions on the page would both use."""
    problems, owner = [], {}
    for question in (asked for q in page.questions for asked in (q, *q.revealed)):
        for id_ in dict.fromkeys(question_ids(question)):
            # Two questions of the same name are reported as such.
            if id_ in owner and owner[id_].name != question.name:
                problems.append(Problem(
                    file, question.line, f"question '{question.name}' makes the id '{id_}', which '{owner[id_].name}' "
                    "on the same page makes too", "Rename one of them: ids must be unique on a page."))
            owner.setdefault(id_, question)
    return problems
