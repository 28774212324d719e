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
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote

from flask import Flask, url_for

from journeys.build.output_folder import TEXT_TYPES
from journeys.build.site_urls import PAGE_ROUTE
from journeys.flows.flow_files import flow_urls
from journeys.web.state import state

RECORD_VERSION = 2
JOURNEYS_CODE = Path(__file__).resolve().parent.parent
LINKING_THREADS = 4
LIBRARIES = ("Flask", "Jinja2", "govuk-frontend-jinja", "Markdown", "MarkupSafe", "Werkzeug", "Frozen-Flask", "PyYAML")


@dataclass
class Reuse:
    """What this build can take from the last one: the URLs of each flow, and which flows are unchanged."""

    record: Path
    shared: str  # the key of everything but the flow files
    flows: dict[str, str]  # slug -> the key of its flow file
    urls: dict[str, list[str]]  # slug -> its URLs (pages and JSON)
    files: dict[str, list[str]]  # slug -> the files its URLs are written to, .gz included
    linked: list[str] = field(default_factory=list)  # URLs linked from the last build

    def link_into(self, folder: Path, last: Path) -> tuple[int, int]:
        """Link every unchanged flow's files from `last` into `folder`; (files, bytes) linked."""
        before = _read(self.record)
        if before.get("shared") != self.shared or not last.is_dir():
            return 0, 0
        into, source = os.fspath(folder), os.fspath(last)
        unchanged = []
        for slug, key in self.flows.items():
            recorded = before.get("flows", {}).get(slug)
            if not recorded or recorded["key"] != key or sorted(recorded["files"]) != sorted(self.files[slug]):
                continue
            if not all(_stamp(os.path.join(source, name)) == tuple(stamp) for name, stamp in recorded["files"].items()):
                continue  # edited or removed since it was written
            unchanged.append((slug, recorded))
        # A folder and two links a page, all waiting on the disk: a few threads keep it busy.
        with ThreadPoolExecutor(LINKING_THREADS) as pool:
            done = list(pool.map(lambda found: _link_flow(self.files[found[0]], found[1], source, into), unchanged))
        for slug, _ in unchanged:
            self.linked += self.urls[slug]
        return sum(files for files, _ in done), sum(size for _, size in done)

    def remember(self, out: Path) -> None:
        """Record the build just swapped in at `out`: each flow's key and its files' stamps."""
        flows = {}
        for slug, key in self.flows.items():
            stamps = {name: _stamp(os.path.join(out, name)) for name in self.files[slug]}
            if None not in stamps.values():
                flows[slug] = {"key": key, "files": stamps}
        self.record.parent.mkdir(parents=True, exist_ok=True)
        draft = self.record.with_name(f"{self.record.name}.{os.getpid()}")
        # Pickled: 20,000 stamps read back from JSON took 0.16 s of a 2 s rebuild.
        draft.write_bytes(pickle.dumps({"version": RECORD_VERSION, "shared": self.shared, "flows": flows},
                                       protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(draft, self.record)


def _link_flow(names: list[str], recorded: dict, source: str, into: str) -> tuple[int, int]:
    """Link one flow's files; (files, bytes). Plain strings, not Paths: at 20,000 files making Paths is a tenth of the time."""
    made: set[str] = set()
    size = 0
    for name in names:
        target = os.path.join(into, name)
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)  # folders two flows share (maps/) may be made by either
            made.add(parent)
        os.link(os.path.join(source, name), target)
        size += recorded["files"][name][1]
    return len(names), size


def plan(app: Flask, out: Path, base: str, hashed: dict[str, str], to_file) -> Reuse:
    """What a build of `app` into `out` for `base` could reuse: `to_file` gives a URL's file."""
    prototype = state(app).source.current()
    root = prototype.project.root
    flow_names = {name.removeprefix("pages/") for name in prototype.flow_files.values()}
    shared = {
        "base": base,
        "assets": sorted(hashed.items()),
        "pages": {name: stamp for name, stamp in prototype.listing.pages.items() if name not in flow_names},
        "flows": sorted(prototype.flow_files.items()),
        "data": prototype.listing.data,
        "layouts": prototype.listing.layouts,
        "static": prototype.listing.static,
        "journeys": code_stamps(),
        "graphviz": _stamp(Path(shutil.which("dot") or "/nonexistent")),
    }
    flows, urls, files = {}, {}, {}
    with app.test_request_context():
        for slug, flow in prototype.flows.items():
            path = root / prototype.flow_files[slug]
            flows[slug] = hashlib.sha256(path.read_bytes()).hexdigest()
            # As the build's URL generators give them (site_urls.py).
            urls[slug] = [unquote(url_for(PAGE_ROUTE, path=flow.slug)),
                          *(unquote(url_for(PAGE_ROUTE, path=url.lstrip("/"))) for url in flow_urls(flow)),
                          unquote(url_for("journeys.flow_definition", slug=slug)),
                          # Its journey maps, drawn by Graphviz.
                          unquote(url_for("maps.flow_map", slug=slug)),
                          *(unquote(url_for("maps.scenario_map", slug=slug, name=scenario.name))
                            for scenario in prototype.scenarios.values() if scenario.flow == slug)]
            files[slug] = [name for url in urls[slug] for name in _with_gzip(to_file(url))]
    record = Path(app.instance_path) / "cache" / "builds" / (hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:16] + ".pickle")
    return Reuse(record, _key(shared), flows, urls, files)


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
