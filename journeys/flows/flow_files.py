"""The flows of a prototype: YAML files in pages/, each a journey at /<file name>/<page id>."""

from __future__ import annotations

import os
from pathlib import Path

from journeys.file_cache import FileCache
from journeys.flows.checks import check_flow
from journeys.flows.loader import read_flow, read_option_list
from journeys.flows.model import Flow, FlowPage, Option
from journeys.pages.routing import PRIVATE
from journeys.problems import ContentError, Problem
from journeys.project import Project, safe_file
from journeys.yaml_files import read_yaml

FLOW_TYPES = (".yaml", ".yml")
NOT_LISTS = ("settings",)  # data/ files that are not option lists


def flow_files(project: Project) -> list[Path]:
    """Every flow file under pages/, in name order."""
    found = []
    for folder, subfolders, files in os.walk(project.pages):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(PRIVATE))
        found += [Path(folder) / f for f in sorted(files) if f.endswith(FLOW_TYPES) and not f.startswith(PRIVATE)]
    return found


def slug_of(project: Project, path: Path) -> str:
    return path.relative_to(project.pages).with_suffix("").as_posix()


def data_list_files(project: Project) -> list[Path]:
    if not project.data.is_dir():
        return []
    return sorted(p for p in project.data.iterdir() if p.suffix in FLOW_TYPES and p.stem not in NOT_LISTS)


def project_layouts(project: Project) -> list[str]:
    if not project.layouts.is_dir():
        return []
    return sorted(p.stem for p in project.layouts.glob("*.html"))


def read_data_list(path: Path, name: str) -> list[Option]:
    """A list of options in data/: one per line, or 'text:' with 'hint:'."""
    document = read_yaml(path, name)
    if not isinstance(document.data, list):
        raise ContentError([Problem(name, 1, "this list should have one option per line, each starting with '- '",
                                    "For example:\n- England\n- Scotland\n- Wales")])
    options, problems = read_option_list(document)
    if problems:
        raise ContentError(problems)
    return options


def load_flow(project: Project, path: Path, cache: FileCache) -> Flow:
    """The flow in `path`, fully checked; raises ContentError listing every problem."""

    def read(path: Path) -> Flow:
        lists = data_list_files(project)
        name = project.name_of(path)
        document = read_yaml(path, name)
        flow, problems = read_flow(document, slug_of(project, path), path, [p.stem for p in lists],
                                   project_layouts(project))
        if flow is not None:
            problems += check_flow(flow)
            problems += _fill_options(project, flow, lists, cache)
        if problems:
            raise ContentError(problems)
        return flow

    # A folder changes when a list or layout is added or removed; a list when it is edited.
    return cache.get(path, "flow", read,
                     depends=lambda: (project.data, project.layouts, *data_list_files(project)))


def _fill_options(project: Project, flow: Flow, lists: list[Path], cache: FileCache) -> list[Problem]:
    problems = []
    by_name = {p.stem: p for p in lists}
    for question in flow.questions():
        if question.options_list in by_name:
            path = by_name[question.options_list]
            try:
                question.options = cache.get(path, "data list", lambda p: read_data_list(p, project.name_of(p)))
            except ContentError as error:
                problems += error.problems
    return problems


def find_flow_page(project: Project, url_path: str, cache: FileCache) -> tuple[Flow, FlowPage | None] | None:
    """(flow, page) for a URL like /fishing-licence/start; (flow, None) for the flow's own URL."""
    path = url_path.strip("/")
    flow = _flow_at(project, path, cache) if path else None
    if flow is not None:
        return flow, None
    slug, _, page_id = path.rpartition("/")
    flow = _flow_at(project, slug, cache) if slug else None
    if flow is None or page_id not in flow.pages:
        return None
    return flow, flow.pages[page_id]


def _flow_at(project: Project, slug: str, cache: FileCache) -> Flow | None:
    for suffix in FLOW_TYPES:
        file = safe_file(project.pages, slug + suffix, hidden=PRIVATE)
        if file is not None:
            return load_flow(project, file, cache)
    return None


def all_flows(project: Project, cache: FileCache) -> tuple[list[Flow], list[Problem]]:
    """Every flow that reads cleanly, and every problem in those that do not."""
    flows, problems = [], []
    for path in flow_files(project):
        try:
            flows.append(load_flow(project, path, cache))
        except ContentError as error:
            problems += error.problems
    return flows, problems


def flow_urls(flow: Flow) -> list[str]:
    return [flow.url(page_id) for page_id in flow.pages]

