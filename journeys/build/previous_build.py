"""Reusing the last build: a flow's files are hard links to the last build's when nothing they come from changed.

A flow's pages (its JSON and its journey maps too) are made from its flow file and from what every
page can see: templates, settings, data lists, scenarios, static files, the page files, the
hashed asset names, the base URL, Graphviz and Journeys itself (a build with a problem in any
file writes nothing, so no page shows another file's problems). When that whole rest is as it was at the last build
into the same output, and a flow file's bytes are too, its files in the last build are exactly
what rendering it again would write: they are linked into the new build instead, so editing
one flow of 200 renders only that flow. Anything else changed renders every page. A linked file
is checked first (its size and modification time are the ones recorded when it was written), so
a file edited by hand in dist/ is rendered again, never copied. The record of the last build
lives in the project's .journeys/cache/builds/, never in the output, which stays byte for byte a
clean build's.

Linking is a folder and two links a page, each a call into the kernel of 30 to 100 us on this
project's CI disk: one to three seconds at 10,000 pages. So a flow's folder of pages (its
address: `bulky-waste/` holds every `bulky-waste/<page>/index.html`) is moved whole from the last
build instead, where it holds nothing else, and the file system can exchange two folders in one
step: the new output gets a link in its place, swapped in with it, then exchanged for the folder
(`Reuse.borrow`, `output_folder.swap_in`), so the output never lacks a page. The flow's other
files (its JSON, its maps) are linked. This starts with the build (`link_ahead`), on what can be
known before the prototype is read (its files' names and stamps, the flow files' bytes,
Journeys' code), while it is read and checked; `Reuse.link_into` then keeps what the whole
record confirms and undoes the rest.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from flask import Flask, url_for

from journeys.build import output_folder
from journeys.build.output_folder import TEXT_TYPES
from journeys.build.site_urls import PAGE_ROUTE
from journeys.flows.flow_files import flow_urls
from journeys.project import Project
from journeys.prototype import Listing, flow_files_in
from journeys.web.state import state

RECORD_VERSION = 4
JOURNEYS_CODE = Path(__file__).resolve().parent.parent
LINKING_THREADS = 4
LIBRARIES = ("Flask", "Jinja2", "govuk-frontend-jinja", "Markdown", "MarkupSafe", "Werkzeug", "Frozen-Flask", "PyYAML")


@dataclass
class Reuse:
    """What this build can take from the last one: the URLs of each flow, and which flows are unchanged."""

    record: Path
    early: str  # the key of what can be known before the prototype is read
    shared: str  # the key of everything but the flow files
    flows: dict[str, str]  # slug -> the key of its flow file
    urls: dict[str, list[str]]  # slug -> its URLs (pages and JSON)
    files: dict[str, list[str]]  # slug -> the files its URLs are written to, .gz included
    paths: dict[str, str]  # slug -> its flow file, from the project's folder
    folders: dict[str, str]  # slug -> the folder its pages are written in (its address)
    linked: list[str] = field(default_factory=list)  # URLs linked from the last build
    linked_stamps: dict[str, tuple] = field(default_factory=dict)  # file -> its stamp, for those linked
    borrowed: list[str] = field(default_factory=list)  # flows' folders moved whole from the last build

    def link_into(self, folder: Path, last: Path, early: "EarlyLinks", site_files: list[str]) -> tuple[int, int]:
        """Link every unchanged flow's files from `last` into `folder`; (files, bytes) linked.

        What `early` linked is kept where this build confirms it, and undone where it does not. A
        flow's folder of pages it left to be moved whole (see `borrow`) is moved only if nothing
        else of the new site (`site_files`) is written in it; otherwise its files are linked too.
        """
        early.wait()
        before = early.before
        unchanged = []
        if before.get("shared") == self.shared and last.is_dir():
            for slug, key in self.flows.items():
                recorded = before.get("flows", {}).get(slug)
                if recorded and recorded["key"] == key and sorted(recorded["files"]) == sorted(self.files[slug]):
                    unchanged.append((slug, recorded))
        kept = {slug for slug, _ in unchanged}
        early.undo([slug for slug in early.linked if slug not in kept])
        into, source = os.fspath(folder), os.fspath(last)
        under = _files_under(site_files)
        for slug in kept & set(early.linked):
            moved = early.linked[slug]
            own = [name for name in moved.stamps if name.startswith(moved.folder + "/")] if moved.folder else []
            if moved.folder and under.get(moved.folder, 0) != len([name for name in own if not name.endswith(".gz")]):
                early.linked[slug] = moved._replace(names=moved.names + _link(own, source, into), folder=None)
        rest = [(slug, recorded) for slug, recorded in unchanged if slug not in early.linked]
        with ThreadPoolExecutor(LINKING_THREADS) as pool:
            results = list(pool.map(lambda found: _link_flow(found[1], source, into, borrow=False), rest))
        found = {slug: result for (slug, _), result in zip(rest, results) if result is not None}
        found.update({slug: early.linked[slug] for slug in kept if slug in early.linked})
        for slug, _ in unchanged:
            if slug in found:
                self.linked += self.urls[slug]
                self.linked_stamps.update(found[slug].stamps)
                if found[slug].folder:
                    self.borrowed.append(found[slug].folder)
        return (sum(len(linked.stamps) for linked in found.values()),
                sum(stamp[1] for linked in found.values() for stamp in linked.stamps.values()))

    def borrow(self, folder: Path) -> None:
        """Leave, in `folder`, a link where each borrowed flow folder goes, to where `swap_in` puts the old output.

        After the swap, the link in the new output leads to the flow's folder in the old one, and
        `output_folder.swap_in` exchanges the two: never a moment without the flow's pages.
        """
        for name in self.borrowed:
            place = folder / name
            place.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(place, place)  # the old output takes this folder's name when it is swapped out

    def remember(self, out: Path) -> None:
        """Record the build just swapped in at `out`: each flow's key and its files' stamps."""
        flows = {}
        for slug, key in self.flows.items():
            # A linked file is the last build's, stamp and all: only the files written now are looked at.
            stamps = {name: self.linked_stamps.get(name) or _stamp(os.path.join(out, name)) for name in self.files[slug]}
            if None not in stamps.values():
                flows[slug] = {"key": key, "file": self.paths[slug], "folder": self.folders[slug], "files": stamps}
        self.record.parent.mkdir(parents=True, exist_ok=True)
        draft = self.record.with_name(f"{self.record.name}.{os.getpid()}")
        # Pickled: 20,000 stamps read back from JSON took 0.16 s of a 2 s rebuild.
        draft.write_bytes(pickle.dumps({"version": RECORD_VERSION, "early": self.early, "shared": self.shared,
                                        "flows": flows},
                                       protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(draft, self.record)


class Linked(NamedTuple):
    """A flow taken from the last build: its files' stamps, the files linked, the folder to move whole (or None)."""

    stamps: dict
    names: list[str]
    folder: str | None


def _link_flow(recorded: dict, source: str, into: str, borrow: bool) -> Linked | None:
    """Link one flow's files, or with `borrow` all but its folder of pages, if that holds nothing else.

    None, linking nothing, if any of its files was changed since. Plain strings, not Paths: at
    20,000 files making Paths is a tenth of the time.
    """
    stamps = recorded["files"]
    if not all(_stamp(os.path.join(source, name)) == tuple(stamp) for name, stamp in stamps.items()):
        return None  # edited or removed since it was written
    folder = recorded.get("folder") if borrow else None
    if folder:
        inside = {name for name in stamps if name.startswith(folder + "/")}
        if _holds_only(source, folder, inside):
            return Linked(stamps, _link([name for name in stamps if name not in inside], source, into), folder)
    return Linked(stamps, _link(list(stamps), source, into), None)


def _link(names: list[str], source: str, into: str) -> list[str]:
    made: set[str] = set()
    for name in names:
        target = os.path.join(into, name)
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)  # folders two flows share (maps/) may be made by either
            made.add(parent)
        os.link(os.path.join(source, name), target)
    return names


def _holds_only(source: str, folder: str, names: set[str]) -> bool:
    """Whether `folder` in the last build holds these files and nothing else: no file added by hand, no link."""
    found = set()
    for root, folders, files in os.walk(os.path.join(source, folder)):
        if any(os.path.islink(os.path.join(root, name)) for name in folders):
            return False
        relative = os.path.relpath(root, source)
        found.update(os.path.join(relative, name) for name in files)
    return found == names


def _files_under(site_files: list[str]) -> dict[str, int]:
    """How many of the site's files (.gz twins left out) each folder holds, at any depth."""
    counts: dict[str, int] = {}
    for name in site_files:
        folder = os.path.dirname(name)
        while folder:
            counts[folder] = counts.get(folder, 0) + 1
            folder = os.path.dirname(folder)
    return counts


class EarlyLinks:
    """Unchanged flows' files being linked from the last build while this one reads the prototype.

    A guess, from what can be known before reading: `Reuse.link_into` keeps what the whole record
    confirms and undoes the rest. The links are made in a process of their own where processes
    fork (Linux): in threads of this one, each link would wait up to 5 ms for Python's lock while
    this process reads the prototype. Leaving its `with` block stops any link still in progress.
    """

    def __init__(self, before: dict, folder: Path, last: Path, flows: list[tuple[str, dict]], borrow: bool):
        self.before = before
        self.linked: dict[str, Linked] = {}
        self._folder = os.fspath(folder)
        self._flows = dict(flows)
        self._pool = self._result = None
        if flows and multiprocessing.get_start_method() == "fork":
            from journeys.build.workers import die_with_parent  # workers imports the app, which imports this

            self._pool = multiprocessing.get_context("fork").Pool(1, initializer=die_with_parent,
                                                                  initargs=(os.getpid(),))
            self._result = self._pool.apply_async(_link_flows, (flows, os.fspath(last), self._folder, borrow))
        elif flows:
            self._pool = ThreadPoolExecutor(1)
            self._result = self._pool.submit(_link_flows, flows, os.fspath(last), self._folder, borrow)

    def __enter__(self) -> "EarlyLinks":
        return self

    def wait(self) -> None:
        if self._result is None:
            return
        done = self._result.get() if hasattr(self._result, "get") else self._result.result()
        for slug, names, folder in done:
            self.linked[slug] = Linked(self._flows[slug]["files"], names, folder)
        self._result = None

    def undo(self, slugs: list[str]) -> None:
        """Remove the files linked for `slugs`, and the folders left empty: as if never linked."""
        for slug in slugs:
            folders = set()
            for name in self.linked.pop(slug).names:
                os.unlink(os.path.join(self._folder, name))
                folders.add(os.path.dirname(os.path.join(self._folder, name)))
            for folder in sorted(folders, key=len, reverse=True):
                while folder != self._folder:
                    try:
                        os.rmdir(folder)
                    except OSError:
                        break  # not empty: another flow's, or a page's
                    folder = os.path.dirname(folder)

    def __exit__(self, *_exception) -> None:
        if isinstance(self._pool, ThreadPoolExecutor):
            self._pool.shutdown(wait=True, cancel_futures=True)
        elif self._pool is not None:
            self._pool.terminate()  # done by now, or the build stopped: nothing more is linked
            self._pool.join()


def _link_flows(flows: list[tuple[str, dict]], source: str, into: str, borrow: bool) -> list[tuple]:
    """Link each flow's files, a few flows at a time: (slug, files linked, folder to move) of each not changed since."""
    with ThreadPoolExecutor(LINKING_THREADS) as pool:
        results = list(pool.map(lambda found: _link_flow(found[1], source, into, borrow), flows))
    return [(slug, result.names, result.folder) for (slug, _), result in zip(flows, results) if result is not None]


def link_ahead(app: Flask, out: Path, folder: Path, base: str) -> EarlyLinks:
    """Start linking, from the last build into `out`, the flows whose files look unchanged."""
    project = state(app).project
    before = _read(_record_path(app, out))
    last = out.resolve()
    flows = []
    if before and before.get("early") == _key(_early(project, Listing.of(project), base)) and last.is_dir():
        for slug, recorded in before.get("flows", {}).items():
            path = project.root / recorded["file"]
            try:
                if hashlib.sha256(path.read_bytes()).hexdigest() == recorded["key"]:
                    flows.append((slug, recorded))
            except OSError:
                continue
    return EarlyLinks(before, folder, last, flows, borrow=output_folder.can_exchange(folder.parent))


def _early(project: Project, listing: Listing, base: str) -> dict:
    """What every page sees that is known before the prototype is read: every file's name and stamp but the flows'."""
    flow_files = flow_files_in(listing)
    flow_names = {name.removeprefix("pages/") for name in flow_files.values()}
    return {
        "base": base,
        "pages": {name: stamp for name, stamp in listing.pages.items() if name not in flow_names},
        "flows": sorted(flow_files.items()),
        "data": listing.data,
        "layouts": listing.layouts,
        "static": listing.static,
        "journeys": code_stamps(),
        "graphviz": _stamp(Path(shutil.which("dot") or "/nonexistent")),
    }


def _record_path(app: Flask, out: Path) -> Path:
    return Path(app.instance_path) / "cache" / "builds" / (hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:16] + ".pickle")


def plan(app: Flask, out: Path, base: str, hashed: dict[str, str], to_file) -> Reuse:
    """What a build of `app` into `out` for `base` could reuse: `to_file` gives a URL's file."""
    prototype = state(app).source.current()
    root = prototype.project.root
    early = _early(prototype.project, prototype.listing, base)
    shared = {**early, "assets": sorted(hashed.items())}
    flows, urls, files, paths, folders = {}, {}, {}, {}, {}
    with app.test_request_context():
        # As the build's URL generators give them (site_urls.py), url_for then unquoted: one
        # url_for a kind of URL, filled in for each (11,000 url_for calls took 0.2 s of a rebuild).
        page, definition = _address(PAGE_ROUTE, "path"), _address("journeys.flow_definition", "slug")
        flow_map, scenario_map = _address("maps.flow_map", "slug"), _address("maps.scenario_map", "slug", "name")
    for slug, flow in prototype.flows.items():
        paths[slug] = prototype.flow_files[slug]
        flows[slug] = hashlib.sha256((root / paths[slug]).read_bytes()).hexdigest()
        urls[slug] = [page(flow.slug), *(page(url.lstrip("/")) for url in flow_urls(flow)), definition(slug),
                      # Its journey maps, drawn by Graphviz.
                      flow_map(slug), *(scenario_map(slug, scenario.name)
                                        for scenario in prototype.scenarios.values() if scenario.flow == slug)]
        files[slug] = [name for url in urls[slug] for name in _with_gzip(to_file(url))]
        folders[slug] = os.path.dirname(to_file(urls[slug][0]))  # its own address: folder/index.html
    return Reuse(_record_path(app, out), _key(early), _key(shared), flows, urls, files, paths, folders)


def _address(endpoint: str, *names: str):
    """A function of the values of `names` giving `unquote(url_for(endpoint, ...))`, from one url_for call.

    url_for quotes each value and unquote undoes it: the address is the rule's text around the values.
    """
    marks = [f"JOURNEYS{index}SLOT" for index in range(len(names))]
    template = unquote(url_for(endpoint, **dict(zip(names, marks))))

    def address(*values: str) -> str:
        found = template
        for mark, value in zip(marks, values):
            found = found.replace(mark, value)
        return found

    return address


def _with_gzip(name: str) -> list[str]:
    return [name, name + ".gz"] if name.endswith(TEXT_TYPES) else [name]


def _key(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def code_stamps() -> dict:
    """Journeys' own files and the libraries that render pages: a change to either renders every page."""
    stamps = {str(path.relative_to(JOURNEYS_CODE)): _stamp(path) for path in sorted(JOURNEYS_CODE.rglob("*"))
              if path.is_file() and "__pycache__" not in path.parts}
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {"files": stamps, "libraries": versions, "python": sys.version}


def _stamp(path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _read(record: Path) -> dict:
    try:
        found = pickle.loads(record.read_bytes())
    except Exception:  # missing, damaged or from another version: nothing is reused, never trusted
        return {}
    return found if isinstance(found, dict) and found.get("version") == RECORD_VERSION else {}
