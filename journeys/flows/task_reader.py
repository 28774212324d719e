"""Reading a task-list page's sections and tasks, noting each problem against its line."""

from __future__ import annotations

from journeys.flows.model import Task, TaskList, TaskSection
from journeys.flows.reader import DocumentReader

TASK_LIST_KEYS = ("sections",)  # a task-list page's own
SECTION_KEYS = ("title", "tasks")
TASK_KEYS = ("title", "start", "after")

EXAMPLE = ("For example:\nsections:\n  - title: About you\n    tasks:\n"
           "      - title: Your name and address\n        start: name")


class TaskListReader(DocumentReader):
    """Reads a task-list page's `sections:`."""

    def task_list(self, data: dict, path: tuple) -> TaskList:
        sections = data.get("sections")
        if not isinstance(sections, list) or not sections:
            self.problem(path + ("sections",) if "sections" in data else path,
                         "a task-list page needs 'sections', each with a title and its tasks", EXAMPLE)
            return TaskList([])
        found = [self.section(item, path + ("sections", number)) for number, item in enumerate(sections)]
        return TaskList([section for section in found if section is not None])

    def section(self, data, path: tuple) -> TaskSection | None:
        if not isinstance(data, dict):
            self.problem(path, "a section should be 'title:' and 'tasks:' lines", EXAMPLE)
            return None
        self.keys(data, SECTION_KEYS, path, "section")
        section = TaskSection(title=self.text(data, "title", path, "Add 'title:', the section's heading."),
                              line=self.document.line(*path))
        tasks = data.get("tasks")
        if not isinstance(tasks, list) or not tasks:
            self.problem(path + ("tasks",) if "tasks" in data else path,
                         "a section needs 'tasks', each with a title and the page it starts on", EXAMPLE)
            return section
        for number, item in enumerate(tasks):
            task = self.task(item, path + ("tasks", number))
            if task is not None:
                section.tasks.append(task)
        return section

    def task(self, data, path: tuple) -> Task | None:
        if not isinstance(data, dict):
            self.problem(path, "a task should be 'title:' and 'start:' lines",
                         "For example:\n- title: Your name and address\n  start: name")
            return None
        self.keys(data, TASK_KEYS, path, "task")
        task = Task(title=self.text(data, "title", path, "Add 'title:', the task's link text."),
                    start=self.text(data, "start", path, "Add 'start:', the id of the task's first page."),
                    line=self.document.line(*path), start_line=self.document.line(*path, "start"))
        after = data.get("after", [])
        if isinstance(after, str):
            after = [after]
        if not isinstance(after, list) or not all(isinstance(title, str) for title in after):
            self.problem(path + ("after",), "'after' should list the titles of the tasks to complete first",
                         "For example:  after: [Your name and address, Your nationality]")
            return task
        task.after = [title.strip() for title in after]
        task.after_lines = [self.document.line(*path, "after", number) for number in range(len(after))]
        return task
