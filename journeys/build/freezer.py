"""Frozen-Flask's Freezer, set up for Journeys' build.

Frozen-Flask does the freezing: its URL generators list the site, its endpoint check warns
about a route nothing freezes, `freeze_yield` fetches each URL through the app, stops any
that does not answer 200 and writes it where `urlpath_to_filepath` says. What it cannot do
is overridden here, each with the reason: clean file names, every failing page reported
together, shares of the URLs in several processes, and what a static server needs beside
each file (its .gz, a hashed copy of CSS and JS).
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask
from flask_frozen import Freezer, FrozenFlaskWarning

from journeys.build import journey_maps, output_folder
from journeys.build.build_client import PageFailed
from journeys.build.site_urls import FILE_ENDPOINTS, Generator
from journeys.problems import Problem


@dataclass
class Frozen:
    """What freezing some URLs gave: counts, the problems of those that failed, Frozen-Flask's warnings."""

    tried: int = 0
    written: int = 0
    files: int = 0  # with .gz twins and hashed copies
    bytes: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: "Frozen") -> None:
        self.tried += other.tried
        self.written += other.written
        self.files += other.files
        self.bytes += other.bytes
        self.problems += other.problems
        self.warnings += [w for w in other.warnings if w not in self.warnings]


@contextmanager
def frozen_flask_warnings(messages: list[str]):
    """Collect Frozen-Flask's warnings into `messages`, for the build's output; others are shown as usual."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FrozenFlaskWarning)
        yield
    for warning in caught:
        if not issubclass(warning.category, FrozenFlaskWarning):
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
        elif str(warning.message) not in messages:
            messages.append(str(warning.message))


class SiteFreezer(Freezer):
    """Frozen-Flask's Freezer over a prototype's derived URLs, writing into the build's staging folder."""

    def __init__(self, app: Flask, generators: list[Generator]):
        # Every URL comes from the generators: no static folder, no guessing from url_for calls.
        super().__init__(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
        # The destination is a new staging folder that several processes write into at once:
        # there is nothing old to remove, and a process cannot know the others' files.
        app.config["FREEZER_REMOVE_EXTRA_FILES"] = False
        for generator in generators:
            self.register_generator(generator)
        self.file_urls: set[str] = set()  # written under their own names, not as clean URLs
        self.hashed: dict[str, str] = {}  # URL -> the hashed name of its copy (CSS and JS)
        self._root = Path(app.root_path) / app.config["FREEZER_DESTINATION"]
        self._share: list[str] = []
        self._failed: dict[str, list[Problem]] = {}

    def write_into(self, folder: Path, hashed: dict[str, str]) -> None:
        """Freeze into `folder`, with a copy of each file in `hashed` under its hashed name."""
        self.app.config["FREEZER_DESTINATION"] = str(folder)  # absolute: not under app.root_path
        self._root = Path(folder)
        self.hashed = hashed

    @property
    def root(self) -> Path:
        # Frozen-Flask works the destination out from the config twice for every page, a
        # fifth of its own time per page; a build's is set once, by write_into().
        return self._root

    def site_urls(self) -> list[tuple[str, str]]:
        """Every (url, endpoint) the generators yield, in order, repeats included (two pages at one URL clash).

        Frozen-Flask's own check then warns (MissingURLGeneratorWarning) about a GET route none covers.
        """
        found = [(url, endpoint) for url, endpoint, _ in super()._generate_all_urls()]
        self.file_urls = {url for url, endpoint in found if endpoint in FILE_ENDPOINTS}
        # A generator covers its endpoints even when this prototype has none of them (no
        # scenarios, say): Frozen-Flask's check is meant for a route no generator knows.
        covered = {endpoint for generator in self.url_generators for endpoint in getattr(generator, "endpoints", ())}
        super()._check_endpoints({endpoint for _, endpoint in found} | covered)
        return found

    def freeze_share(self, urls: list[str]) -> Frozen:
        """Freeze `urls`, a share of the site, writing each one's .gz (and hashed copy) as it is yielded."""
        done = Frozen()
        self._share, self._failed = urls, {}
        # The journey maps in the share, drawn by one Graphviz process before their pages render.
        with frozen_flask_warnings(done.warnings), journey_maps.start_drawing(self.app, urls) as drawing:
            drawing.wait()
            for page in self.freeze_yield():
                done.tried += 1
                if page.url in self._failed:
                    done.problems += self._failed[page.url]
                    continue
                path = self.root / page.path
                content = path.read_bytes()
                level = output_folder.FILE_LEVEL if page.url in self.file_urls else output_folder.PAGE_LEVEL
                files, size = output_folder.add_gzip(path, content, level)
                if page.url in self.hashed:
                    copy_files, copy_size = output_folder.write(self.root, self.hashed[page.url].lstrip("/"), content, level)
                    files, size = files + copy_files, size + copy_size
                done.written, done.files, done.bytes = done.written + 1, done.files + files, done.bytes + size
        return done

    def _generate_all_urls(self):
        # freeze_yield() freezes the share this process was given: the main process ran the
        # generators once (site_urls) and shares their URLs out between processes.
        for url in self._share:
            yield url, None, None

    def _check_endpoints(self, seen_endpoints):
        # freeze_yield() checks after each share, which covers only some routes: site_urls()
        # checks the whole site once instead.
        pass

    def _build_one(self, url, last_modified=None):
        # Frozen-Flask stops at the first page that fails; a designer should see every broken
        # page at once, as the live server would show each. The failure is recorded, nothing is
        # written, and freeze_share() reports it.
        try:
            return super()._build_one(url, last_modified)
        except PageFailed as failed:  # the page's own code: a mistake in a template, with file and line
            self._failed[url] = failed.problems
        except ValueError as error:  # Frozen-Flask's strictness: the page did not answer 200 OK
            self._failed[url] = [Problem(url, None, str(error), "Every page of a build must answer 200 OK.")]
        return self.root / self.urlpath_to_filepath(url)

    def urlpath_to_filepath(self, path):
        """Clean URLs: '/' -> 'index.html', '/a/b' -> 'a/b/index.html'; files and '/a/b.json' keep their names."""
        name = path.strip("/")
        if path in self.file_urls or "." in name.rsplit("/", 1)[-1]:
            return name
        return f"{name}/index.html" if name else "index.html"
