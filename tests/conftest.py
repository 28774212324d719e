"""Fixtures: demo prototypes on disk, the app and its client, real servers (ours, NGINX, a plain one), a real browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from journeys import create_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium flags for a closed network: no background calls home that would fail and slow start.
CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-gpu", "--disable-quic"]


def write_files(folder: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under `folder`, dedenting each text."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


@pytest.fixture
def make_project(tmp_path):
    """A function that writes a demo prototype into tmp_path and returns its folder."""

    def make(files: dict[str, str]) -> Path:
        return write_files(tmp_path / "prototype", files)

    return make


@pytest.fixture
def make_app(tmp_path):
    def make(project_dir, **overrides):
        settings = {"TESTING": True, "SECRET_KEY": "test", "ANSWERS_DB": str(tmp_path / "answers.sqlite3")}
        return create_app(project_dir, **{**settings, **overrides})

    return make


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """`python serve.py` for a project, in its own process, as a designer starts it."""

    def __init__(self, project: Path, port: int | None = None, env: dict | None = None):
        self.project = project
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {})}
        self.process = None

    def start(self) -> "LiveServer":
        self.log = open(self.project.parent / f"server-{self.port}.log", "ab")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "serve.py"), "--project", str(self.project), "--port", str(self.port)],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.output()}")
            try:
                urllib.request.urlopen(self.url + "/assets/journeys/init.js", timeout=1)
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"server did not start: {self.output()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process:
            self.log.close()

    def output(self) -> str:
        self.log.flush()
        return (self.project.parent / f"server-{self.port}.log").read_text(errors="replace")


@pytest.fixture
def live_server():
    """A function that starts the real server for a project; every server stops after the test."""
    servers = []

    def start(project: Path, **kwargs) -> LiveServer:
        servers.append(LiveServer(project, **kwargs).start())
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """What went wrong while a browser page was open: console errors and failed requests."""

    def __init__(self, page):
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed_requests.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed_requests.append(f"{r.url} ({r.status})"))


@pytest.fixture
def page(browser):
    """A fresh browser tab (its own cookies), with `page.watch` recording errors."""
    context = browser.new_context()
    tab = context.new_page()
    tab.watch = PageWatch(tab)
    yield tab
    context.close()


@pytest.fixture
def example_copy(tmp_path):
    """A copy of the example prototype shipped in this repository, safe to change."""
    target = tmp_path / "example"
    for folder in ("pages", "layouts", "data", "static"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, target / folder)
    return target


@pytest.fixture
def public_folder():
    """A temporary folder everyone can read, as NGINX's workers (nobody, when run by root) need."""
    folder = Path(tempfile.mkdtemp(prefix="journeys-site-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def nginx():
    """A function that serves a frozen site with the real NGINX and the shipped config."""
    from journeys.nginx import Nginx

    servers = []

    def start(site: Path, **kwargs) -> Nginx:
        servers.append(Nginx(site, **kwargs).start())
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


class StaticServer:
    """`python -m http.server`: a plain static file server, as a stand-in for GitHub Pages."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("python -m http.server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def static_server():
    """A function that serves a folder with a plain static file server until the test ends."""
    servers = []

    def start(folder: Path) -> StaticServer:
        servers.append(StaticServer(folder))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def watched_page(browser):
    """A function that opens a fresh browser tab (JavaScript on or off) with `page.watch`."""
    contexts = []

    def open_page(javascript: bool = True):
        contexts.append(browser.new_context(java_script_enabled=javascript))
        tab = contexts[-1].new_page()
        tab.watch = PageWatch(tab)
        return tab

    yield open_page
    for context in contexts:
        context.close()
