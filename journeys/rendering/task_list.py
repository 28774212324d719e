"""A task list as the GOV.UK task list component shows it: each section's tasks with their statuses.

Statuses follow the Design System's "complete multiple tasks" pattern: Completed as text, Not
yet started and In progress as tags, Cannot start yet as grey text and no link. The frozen
site's journeys/static/frozen-tasks.js writes the same HTML from the browser's answers.
"""

from __future__ import annotations

from journeys.flows.model import Flow, FlowPage
from journeys.flows.tasks import (
    CANNOT_START,
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    Progress,
    progress,
    sections_completed,
)

STATUS_TAGS = {NOT_STARTED: "govuk-tag--blue", IN_PROGRESS: "govuk-tag--teal"}


def task_list_context(flow: Flow, hub: FlowPage, answers: dict) -> dict:
    """What task-list.html needs: sections ([{title, idPrefix, tasks}]), and how many sections are completed."""
    found = progress(flow, hub, answers)
    by_title = {entry.task.title: entry for entry in found}
    sections = [{"title": section.title, "idPrefix": f"section-{number}",
                 "tasks": [task_item(flow, by_title[task.title]) for task in section.tasks]}
                for number, section in enumerate(hub.tasks.sections, start=1)]
    completed, total = sections_completed(hub, found), len(hub.tasks.sections)
    return {"sections": sections, "completed": completed, "total": total, "progress": progress_text(completed, total)}


def task_item(flow: Flow, entry: Progress) -> dict:
    """One task as govukTaskList's item: a link while it can start, and its status."""
    item: dict = {"title": {"text": entry.task.title}}
    if entry.status == CANNOT_START:
        item["status"] = {"text": entry.status, "classes": "govuk-task-list__status--cannot-start-yet"}
        return item
    item["href"] = flow.url(entry.task.start)
    item["status"] = {"text": entry.status} if entry.status == COMPLETED else \
        {"tag": {"text": entry.status, "classes": STATUS_TAGS[entry.status]}}
    return item


def progress_text(completed: int, total: int) -> str:
    """'You have completed 2 of 4 sections.'"""
    return f"You have completed {completed} of {total} section{'' if total == 1 else 's'}."
