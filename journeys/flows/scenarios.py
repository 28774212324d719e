"""Scenarios: named sets of answers a researcher loads to start a journey part-way through.

data/scenarios/<name>.yaml names a flow, the page to start on, the answers, and optionally
the path the journey should take from there (which `make check` walks in a browser).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeys.flows.conditions import as_text
from journeys.flows.model import Flow
from journeys.problems import Problem, did_you_mean
from journeys.yaml_files import YamlDocument

SCENARIO_KEYS = ("title", "description", "flow", "start", "answers", "path")


@dataclass
class Scenario:
    name: str  # the file's name without .yaml: its address is /scenarios/<name>
    file: str
    title: str
    flow: str
    start: str
    answers: dict
    description: str = ""
    path: list[str] = field(default_factory=list)


def read_scenario(document: YamlDocument, name: str, flows: dict[str, Flow]) -> tuple[Scenario | None, list[Problem]]:
    """The scenario in `document`, checked against the flows, and every problem found."""
    problems: list[Problem] = []

    def problem(path, message, fix=""):
        problems.append(Problem(document.name, document.line(*path), message, fix))

    data = document.data
    if not isinstance(data, dict):
        problem((), "a scenario should be 'key: value' lines", "Start with  title:, flow:, start: and answers:")
        return None, problems
    for key in data:
        if key not in SCENARIO_KEYS:
            problem((key,), f"unknown scenario key '{key}'", did_you_mean(key, SCENARIO_KEYS) or "Keys are: " + ", ".join(SCENARIO_KEYS))
    for key in ("title", "flow", "start"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problem((key,) if key in data else (), f"'{key}' is missing", f"Add '{key}:' to the scenario.")
    flow = flows.get(str(data.get("flow", "")))
    if data.get("flow") and flow is None:
        problem(("flow",), f"there is no flow called '{data['flow']}'",
                did_you_mean(data["flow"], flows) or "Flows are: " + ", ".join(flows))
    answers = data.get("answers") or {}
    if not isinstance(answers, dict):
        problem(("answers",), "'answers' should be 'answer name: answer' lines")
        answers = {}
    path = data.get("path") or []
    if not isinstance(path, list):
        problem(("path",), "'path' should be a list of page ids, like [items, address, check-answers]")
        path = []
    if flow is not None:
        for number, page_id in [(None, data.get("start"))] + list(enumerate(path)):
            if page_id is not None and str(page_id) not in flow.pages:
                where = ("start",) if number is None else ("path", number)
                problem(where, f"the flow '{flow.slug}' has no page called '{page_id}'",
                        did_you_mean(page_id, flow.pages) or "")
        if flow.list_of(str(data.get("start"))) is not None:
            list_id = flow.list_of(str(data["start"])).id
            problem(("start",), f"'{data['start']}' is asked for each item of '{list_id}': start on '{list_id}' instead",
                    "The list page shows the items, and leads to each item's pages.")
        _check_answers(flow, answers, problem)
    scenario = Scenario(
        name=name, file=document.name, title=str(data.get("title", "")), flow=str(data.get("flow", "")),
        start=str(data.get("start", "")), description=str(data.get("description") or "").strip(),
        answers={key: _as_answer(value) for key, value in answers.items()}, path=[str(p) for p in path],
    )
    return scenario, problems


def _check_answers(flow: Flow, answers: dict, problem) -> None:
    """Each answer is asked by the flow, is one of its options, and (revealed) has its option chosen."""
    lists = {page.id: page for page in flow.lists()}
    item_pages = {page_id for page in lists.values() for page_id in page.list.pages}
    asked = [q for page in flow.pages.values() if page.id not in item_pages for q in page.questions]
    for name, value in answers.items():
        if name in lists:
            item_questions = [q for page_id in lists[name].list.pages for q in flow.pages[page_id].questions]
            if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
                problem(("answers", name), f"'{name}' is a list of {lists[name].list.items}: give each as 'answer name: answer' lines",
                        f"For example:\n{name}:\n  - {item_questions[0].name if item_questions else 'name'}: ...")
                continue
            for number, item in enumerate(value):
                _check_record(flow.slug, item_questions, item, ("answers", name, number), problem)
    _check_record(flow.slug, asked, {name: value for name, value in answers.items() if name not in lists},
                  ("answers",), problem)


def _check_record(slug: str, questions: list, answers: dict, path: tuple, problem) -> None:
    by_name = {asked.name: asked for question in questions for asked in (question, *question.revealed)}
    for answer_name, value in answers.items():
        question = by_name.get(answer_name)
        if question is None:
            problem(path + (answer_name,), f"no page of '{slug}' asks '{answer_name}'" + (" for each item" if len(path) > 1 else ""),
                    did_you_mean(answer_name, by_name) or "Use the 'name' of a question in the flow.")
            continue
        choices = [o.value for o in question.choices]
        for item in value if isinstance(value, list) else [value]:
            if choices and _as_answer(item) not in choices:
                problem(path + (answer_name,), f"'{item}' is not one of the options for '{answer_name}'",
                        did_you_mean(_as_answer(item), choices) or "Options are: " + ", ".join(choices))
    for question in questions:
        given = answers.get(question.name)
        chosen = [_as_answer(item) for item in (given if isinstance(given, list) else [given])]
        for option in question.choices:
            for revealed in option.reveal:
                if revealed.name in answers and option.value not in chosen:
                    problem(path + (revealed.name,),
                            f"'{revealed.name}' is asked only when '{question.name}' is '{option.value}', which these answers do not choose",
                            f"Choose '{option.value}' for '{question.name}', or remove '{revealed.name}'.")


def _as_answer(value):
    """YAML values as a form would have given them: text, lists of text, addresses."""
    if isinstance(value, list):
        return [_as_answer(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _as_answer(item) for key, item in value.items()}
    return "" if value is None else as_text(value)
