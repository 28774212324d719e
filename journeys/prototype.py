"""A prototype read once into one model: its pages, flows, lists, scenarios and settings, each with its problems.

Checks, routes, the build and the tools all read this model; none walks the folders again.
Each file's reading is kept in a FileCache until the file changes, so the model read again
after a save re-reads only the files that were saved.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from journeys.content.answer_marks import brace_problems, has_answers
from journeys.content.markdown import check_content
from journeys.content.when_blocks import conditions_in
from journeys.file_cache import FileCache
from journeys.flows.condition_checks import condition_problems
from journeys.flows.data_lists import DataList, read_data_list
from journeys.flows.flow_files import FLOW_TYPES, read_flow_file, slug_of
from journeys.flows.model import REMOVE_PATH, Flow, FlowPage, Question
from journeys.flows.scenarios import Scenario, read_scenario
from journeys.flows.shared_answers import shared_answer_problems
from journeys.pages.addresses import address_clashes
from journeys.pages.routing import PRIVATE, PageFile, page_files, page_url
from journeys.problems import ContentError, Problem, sort_problems
from journeys.project import Project, Stamp, walk
from journeys.settings import SETTINGS_FILE, read_settings
from journeys.yaml_files import read_yaml

YAML_TYPES = (".yaml", ".yml")


class Removal(NamedTuple):
    """The page that asks whether to remove an item from a list: /<flow>/<list page>/remove?item=2."""

    flow: Flow
    page: FlowPage  # the list's add-another page


@dataclass(frozen=True)
class Listing:
    """Every file in the prototype's four folders, with its stamp: one walk of each."""

    pages: dict[str, Stamp]
    data: dict[str, Stamp]
    layouts: dict[str, Stamp]
    static: dict[str, Stamp]

    @classmethod
    def of(cls, project: Project) -> "Listing":
        return cls(walk(project.pages), walk(project.data), walk(project.layouts), walk(project.static))


@dataclass
class Prototype:
    """Everything in a prototype's folders, read and checked."""

    project: Project
    settings: dict
    pages: dict[str, PageFile]  # by URL
    flows: dict[str, Flow]  # by slug: the flows that read cleanly
    flow_files: dict[str, str]  # by slug: every flow file, as messages name it
    lists: dict[str, DataList]
    scenarios: dict[str, Scenario]  # by name: the scenarios that read cleanly
    scenario_files: dict[str, str]  # by name: every scenario file
    layouts: list[str]  # the prototype's own layouts, by name
    listing: Listing  # every file in the four folders, partials included
    problems: list[Problem] = field(default_factory=list)
    clashes: dict[str, Problem] = field(default_factory=dict)  # by URL: a page file where a flow's page is too
    # by slug: every flow that reads as a flow, problems and all, with its problems (for journey maps)
    flows_as_written: dict[str, tuple[Flow, list[Problem]]] = field(default_factory=dict)
    _questions: dict[str, tuple[Flow, Question]] = field(default_factory=dict, repr=False)
    _lists: dict[str, tuple[Flow, FlowPage]] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        # By answer name, for `answer()` in pages: found in one step, however many flows there are.
        for flow in self.flows.values():
            for question in flow.questions():
                self._questions.setdefault(question.name, (flow, question))
            for page in flow.lists():
                self._lists.setdefault(page.id, (flow, page))

    def problems_in(self, file: str) -> list[Problem]:
        return [problem for problem in self.problems if problem.file == file]

    def page(self, path: str) -> PageFile | None:
        """The page file a request path shows; ContentError where a flow claims its address too."""
        url = page_url(path)
        if url in self.clashes:
            raise ContentError([self.clashes[url]])
        return self.pages.get(url)

    def flow_page(self, path: str) -> tuple[Flow, FlowPage | None] | None:
        """(flow, page) for a path like fishing-licence/start; (flow, None) for the flow's own address.

        A flow with problems raises ContentError with them, so the browser shows what to fix.
        """
        path = path.strip("/")
        if path in self.flow_files:
            return self._flow(path), None
        slug, _, page_id = path.rpartition("/")
        if slug not in self.flow_files:
            return None
        flow = self._flow(slug)
        return (flow, flow.pages[page_id]) if page_id in flow.pages else None

    def removal_page(self, path: str) -> Removal | None:
        """The remove-an-item page a path like fishing-licence/people/remove shows."""
        rest, _, last = path.strip("/").rpartition("/")
        slug, _, list_id = rest.rpartition("/")
        if last != REMOVE_PATH or slug not in self.flow_files:
            return None
        flow = self._flow(slug)
        page = flow.pages.get(list_id)
        return Removal(flow, page) if page is not None and page.list is not None else None

    def _flow(self, slug: str) -> Flow:
        if slug not in self.flows:
            raise ContentError(self.problems_in(self.flow_files[slug]))
        return self.flows[slug]

    def flow_as_written(self, slug: str) -> tuple[Flow, list[Problem]] | None:
        """The flow at `slug` even when it has problems (for its journey map), with them; None if there is no such flow.

        A file that cannot be read as a flow at all raises ContentError with its problems.
        """
        if slug not in self.flow_files:
            return None
        if slug not in self.flows_as_written:
            raise ContentError(self.problems_in(self.flow_files[slug]))
        return self.flows_as_written[slug]

    def scenario(self, name: str) -> Scenario | None:
        """The scenario called `name`; one with problems raises ContentError with them."""
        if name in self.scenario_files and name not in self.scenarios:
            raise ContentError(self.problems_in(self.scenario_files[name]))
        return self.scenarios.get(name)

    def question(self, name: str) -> tuple[Flow, Question] | None:
        """The flow and question that ask the answer `name` (the first flow, if several do)."""
        return self._questions.get(name)

    def questions_by_name(self) -> dict[str, Question]:
        """Every question, by its answer's name: what conditions in pages are checked against."""
        return {name: question for name, (_flow, question) in self._questions.items()}

    def item_list(self, name: str) -> tuple[Flow, FlowPage] | None:
        """The flow and add-another page whose list is stored under `name` (the first flow, if several)."""
        return self._lists.get(name)

    def static_file(self, path: str) -> Path | None:
        """The file under static/ a request path asks for: only a listed file, so never one outside it."""
        return self.project.static / path if path in self.listing.static else None


def read_prototype(project: Project, files: FileCache | None = None, listing: Listing | None = None,
                   stored=None) -> Prototype:
    """Read every page, flow, list, scenario and setting of `project`, collecting every problem.

    `stored` (a build's StoredFlows) keeps checked flows between runs: an unchanged flow file is not read again.
    """
    files = FileCache() if files is None else files
    listing = listing or Listing.of(project)
    problems: list[Problem] = []

    settings: dict = {}
    if SETTINGS_FILE in listing.data:
        path = project.data / SETTINGS_FILE
        try:
            settings = files.get(path, "settings", lambda p: read_settings(p, project.name_of(p)))
        except ContentError as error:
            problems += error.problems

    lists: dict[str, DataList] = {}
    list_files = []
    for name in listing.data:
        if "/" not in name and name.endswith(YAML_TYPES) and name != SETTINGS_FILE:
            path = project.data / name
            list_files.append(path)
            lists[path.stem] = files.get(path, "data list", lambda p: read_data_list(p, project.name_of(p)))
            problems += lists[path.stem].problems

    layouts = sorted(name[: -len(".html")] for name in listing.layouts if name.endswith(".html") and "/" not in name)
    list_paths = tuple(project.data / name for name in listing.data if name.endswith(YAML_TYPES))
    flows, flow_files, as_written = {}, flow_files_in(listing), {}
    # Each flow file as `stored` asks for it: (path, what else its reading depends on, how to read it).
    requests = [(project.pages / name, (f"pages/{name}", slug_of(name), layouts), tuple(list_files),
                 lambda p, file=f"pages/{name}", slug=slug_of(name): _read_flow(p, file, slug, lists, layouts))
                for name in flow_names_in(listing)]
    if stored is not None:  # the flows it does not keep yet, read several at once
        stored.read_ahead(requests)
    for request in requests:
        path, (file, slug, _), _, read = request
        if stored is not None:
            read = lambda p, request=request: stored.read(p, *request[1:])  # noqa: E731
        try:
            # A folder changes when a list or layout is added or removed; a list when it is edited.
            flow, found = files.get(path, "flow", read, depends=(project.data, project.layouts, *list_paths))
        except ContentError as error:
            problems += error.problems
            continue
        problems += found
        if flow is not None:
            as_written[slug] = (flow, found)
            if not found:  # a flow with any problem is not served
                flows[slug] = flow

    pages = page_files(project.pages, listing.pages)
    # Problems across files: a flow with one is not served, as a flow with any problem.
    clashes = address_clashes(pages, flows, project.name_of)
    across = shared_answer_problems(list(flows.values())) + list(clashes.values()) + _content_conditions(flows)
    problems += across
    for file in {problem.file for problem in across}:
        flows = {slug: flow for slug, flow in flows.items() if flow.file != file}

    scenarios, scenario_files = {}, {}
    for name in listing.data:
        if name.startswith("scenarios/") and name.count("/") == 1 and name.endswith(YAML_TYPES):
            path = project.data / name
            scenario_files[path.stem] = project.name_of(path)
            try:
                document = files.get(path, "scenario", lambda p: read_yaml(p, project.name_of(p)))
            except ContentError as error:
                problems += error.problems
                continue
            scenario, found = read_scenario(document, path.stem, flows)
            problems += found
            if scenario is not None and not found:
                scenarios[scenario.name] = scenario

    return Prototype(
        project=project, settings=settings, pages=pages, flows=flows, clashes=clashes,
        flow_files=flow_files, lists=lists, scenarios=scenarios, scenario_files=scenario_files,
        layouts=layouts, listing=listing, problems=sort_problems(problems), flows_as_written=as_written,
    )


def flow_names_in(listing: Listing) -> list[str]:
    """The flow files among the pages (names under pages/), in the order they are read."""
    return [name for name in listing.pages
            if name.endswith(FLOW_TYPES) and not any(part.startswith(PRIVATE) for part in name.split("/"))]


def flow_files_in(listing: Listing) -> dict[str, str]:
    """Each flow's address (its slug) and file: the first, where two files give one address (a.yaml, a.yml)."""
    found: dict[str, str] = {}
    for name in flow_names_in(listing):
        found.setdefault(slug_of(name), f"pages/{name}")
    return found


def _read_flow(path: Path, file: str, slug: str, lists: dict[str, DataList],
               layouts: list[str]) -> tuple[Flow | None, list[Problem]]:
    """A flow file, checked as a flow and in its pages' words, with every problem found."""
    flow, problems = read_flow_file(path, file, slug, lists, layouts)
    for page in ({} if flow is None else flow.pages).values():
        if page.content:
            problems += check_content(page.content, file, page.content_line)
        problems += [Problem(file, page.line, message, fix) for _, message, fix in brace_problems(page.title, page.line)]
        if has_answers(page.title) and len(page.questions) == 1 and not page.questions[0].summary:
            problems.append(Problem(file, page.questions[0].line,
                                    f"question '{page.questions[0].name}' needs a summary: check your answers names an "
                                    "answer by its page's title, and this title shows an answer",
                                    "Add 'summary:', the answer's name on check your answers, like:  summary: Email address"))
    return flow, problems


def _content_conditions(flows: dict[str, Flow]) -> list[Problem]:
    """Values that no option has, in the `!!! when` blocks of flow pages' content: any flow's answers may be read."""
    questions: dict[str, Question] = {}
    for flow in flows.values():
        for question in flow.questions():
            questions.setdefault(question.name, question)
    return [problem for flow in flows.values() for page in flow.pages.values() if page.content
            for line, condition in conditions_in(page.content, page.content_line)
            for problem in condition_problems(condition, questions, flow.file, line)]


class PrototypeSource:
    """The prototype's model, read again when its files have changed.

    How it knows depends on who runs it: a dev server's watcher says so (`saved()`); a build
    or a hosted prototype reads once (`fixed`); anything else walks the folders on each use
    and compares every file's stamp.
    """

    def __init__(self, project: Project, files: FileCache, fixed: bool = False):
        self.project = project
        self.files = files
        self.fixed = fixed
        self.watched = False
        self._lock = threading.Lock()
        self._model: Prototype | None = None
        self._listing: Listing | None = None
        self._saves = 0
        self._read_at = -1
        self.stored = None  # a build's StoredFlows: flows kept between builds

    def watch(self) -> None:
        """From now on a watcher calls `saved()` after every change: no walk of the folders on each use."""
        self.watched = True

    def saved(self) -> None:
        """Files have changed: the next use reads the model again (only the changed files are parsed)."""
        self._saves += 1

    def current(self, look: bool = False) -> Prototype:
        """The model; `look` walks the folders even when watched (a file made a moment ago, not yet reported)."""
        with self._lock:
            if self._model is not None and (self.fixed or (self.watched and not look and self._read_at == self._saves)):
                return self._model
            # Counted before reading: a save while the files are read makes this model stale.
            saves = self._saves
            listing = Listing.of(self.project)
            if self._model is None or listing != self._listing or (self.watched and self._read_at != saves):
                self._model = read_prototype(self.project, self.files, listing, self.stored)
                self._listing = listing
            self._read_at = saves
            return self._model
