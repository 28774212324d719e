"""A flow as a journey map: a node per page (its title, kind and problems), an arrow per way on, in words.

What the map draws and what its table says come from here, so the picture and its text
alternative never disagree. Drawing it is rendering/journey_map_svg.py's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from journeys.flows.checks import reachable
from journeys.flows.condition_words import in_words
from journeys.flows.model import Flow, FlowPage
from journeys.flows.scenarios import Scenario

KINDS = {
    "start": "Start page",
    "question": "Question page",
    "check-answers": "Check answers",
    "confirmation": "Confirmation",
    "content": "Content page",
    "add-another": "Add another (a list)",
    "task-list": "Task list",
    "interruption": "Interruption card",
    "exit": "Exit page",
}
UNREACHABLE = "Nobody reaches this page"
DEAD_END = "Dead end: no way on"


@dataclass
class MapNode:
    id: str
    title: str
    kind: str
    url: str
    questions: list[str] = field(default_factory=list)  # each question's label, as the page asks it
    problems: list[str] = field(default_factory=list)
    missing: bool = False  # a page a `goto` names that the flow does not have
    on_path: bool = False
    starts_path: bool = False


@dataclass
class MapArrow:
    source: str
    target: str
    words: str  # "if items is Something else", "otherwise", "for each item"; "" for the only way on
    on_path: bool = False


@dataclass
class JourneyMap:
    flow: Flow
    nodes: list[MapNode]
    arrows: list[MapArrow]
    scenario: Scenario | None = None

    @property
    def problems(self) -> list[MapNode]:
        return [node for node in self.nodes if node.problems]

    def arrows_from(self, node_id: str) -> list[MapArrow]:
        return self._arrows_by_source.get(node_id, [])

    def node(self, node_id: str) -> MapNode:
        return self._nodes_by_id[node_id]

    # Looked up once for the whole map: the table asks for each page's ways on and each way's
    # page, and scanning every page for each made a 3,000-page flow's map page cost 0.7 s.
    @cached_property
    def _arrows_by_source(self) -> dict[str, list[MapArrow]]:
        found: dict[str, list[MapArrow]] = {}
        for arrow in self.arrows:
            found.setdefault(arrow.source, []).append(arrow)
        return found

    @cached_property
    def _nodes_by_id(self) -> dict[str, MapNode]:
        return {node.id: node for node in self.nodes}


def journey_map(flow: Flow, scenario: Scenario | None = None) -> JourneyMap:
    """The map of `flow`, with `scenario`'s path marked when one is given."""
    reached = reachable(flow)
    nodes = [_node(flow, page, reached) for page in flow.pages.values()]
    arrows = [arrow for page in flow.pages.values() for arrow in _arrows(flow, page)]
    for target in dict.fromkeys(arrow.target for arrow in arrows if arrow.target not in flow.pages):
        nodes.append(MapNode(target, target, "Missing page", "", problems=[f"No page is called '{target}'"], missing=True))
    found = JourneyMap(flow, nodes, arrows, scenario)
    if scenario is not None:
        _mark_path(found, scenario_path(scenario))
    return found


def scenario_path(scenario: Scenario) -> list[str]:
    """The pages a scenario goes through: its `path`, or at least the page it starts on."""
    return scenario.path if scenario.path else [scenario.start]


def kind_of(flow: Flow, page: FlowPage) -> str:
    owner = flow.list_of(page.id)
    if owner is not None:
        return f"Question, for each {owner.list.item}"
    return KINDS.get(page.layout, f"Question page ({page.layout} layout)")


def _node(flow: Flow, page: FlowPage, reached: set[str]) -> MapNode:
    problems = []
    if page.id not in reached:
        problems.append(UNREACHABLE)
    if not page.next and not page.does.ends_journey and flow.list_of(page.id) is None:
        problems.append(DEAD_END)
    questions = [question.label or page.title for question in page.questions]
    return MapNode(page.id, page.title, kind_of(flow, page), flow.url(page.id), questions, problems)


def _arrows(flow: Flow, page: FlowPage) -> list[MapArrow]:
    arrows = []
    if page.list is not None and page.list.pages:
        arrows.append(MapArrow(page.id, page.list.pages[0], f"for each {page.list.item}"))
    owner = flow.list_of(page.id)
    if owner is not None:
        pages = owner.list.pages
        index = pages.index(page.id)
        following = pages[index + 1] if index + 1 < len(pages) else owner.id
        arrows.append(MapArrow(page.id, following, "" if index + 1 < len(pages) else "back to the list"))
    if page.tasks is not None:
        arrows += [MapArrow(page.id, task.start, f"task: {task.title}") for task in page.tasks.tasks()]
    conditional = any(rule.when for rule in page.next)
    for rule in page.next:
        words = f"if {in_words(rule.when)}" if rule.when else ("otherwise" if conditional else "")
        arrows.append(MapArrow(page.id, rule.goto, words))
    return arrows


def _mark_path(found: JourneyMap, path: list[str]) -> None:
    on_path = set(path)
    for node in found.nodes:
        node.on_path = node.id in on_path
        node.starts_path = bool(path) and node.id == path[0]
    steps = set(zip(path, path[1:]))
    for arrow in found.arrows:
        arrow.on_path = (arrow.source, arrow.target) in steps
