"""Fixtures: demo prototypes on disk, the app and its client, real servers (ours, NGINX, a plain one), a real browser."""

from __future__ import annotations

import asyncio
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from journeys import create_app
from journeys.site_checks.browser import launch
from journeys.site_checks.ports import free_port

ROOT = Path(__file__).resolve().parent.parent


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


def as_from_a_terminal() -> None:
    """In a process about to start: Ctrl-C and a closed terminal act as in a designer's terminal,
    even when the tests run under nohup or in a script's background job, which ignore them."""
    for signum in (signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


_started: list[subprocess.Popen] = []


def start_process(args, **kwargs) -> subprocess.Popen:
    """Popen, as from a terminal, in a process group of its own: whatever it starts is stopped with it after the test."""
    process = subprocess.Popen(args, start_new_session=True, preexec_fn=as_from_a_terminal, **kwargs)
    _started.append(process)
    return process


def stop_started(processes) -> None:
    """Kill what is left of each process's group (NGINX under a stopped preview, a server that would not stop)."""
    for process in processes:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass  # the whole group has already stopped
        process.wait()


@pytest.fixture(autouse=True)
def _stop_what_the_test_started():
    before = len(_started)
    yield
    stop_started(_started[before:])
    del _started[before:]


def pytest_configure(config):
    """Stopped by kill or a closed terminal, the tests end as after Ctrl-C: each fixture stops its servers."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is not signal.SIG_IGN:  # nohup's choice stands
            signal.signal(signum, interrupt)


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
        self.process = start_process(
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


class ReloadClient:
    """A livereload client, as livereload.js is: connected to the server's /livereload, collecting its messages."""

    HELLO = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})

    def __init__(self, server_url: str):
        self.url = server_url
        self.messages: queue.Queue = queue.Queue()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._socket = asyncio.run_coroutine_threadsafe(self._connect(), self._loop).result(timeout=10)

    async def _connect(self):
        from tornado.websocket import websocket_connect

        socket = await websocket_connect(self.url.replace("http://", "ws://") + "/livereload")
        await socket.write_message(self.HELLO)
        await socket.read_message()
        await socket.write_message(json.dumps({"command": "info", "url": self.url + "/"}))
        # The server reads a socket's messages in order: once a second hello is answered, it has the info.
        await socket.write_message(self.HELLO)
        await socket.read_message()
        self._loop.create_task(self._collect(socket))
        return socket

    async def _collect(self, socket) -> None:
        while (message := await socket.read_message()) is not None:
            self.messages.put(json.loads(message))

    def next(self, timeout: float = 10) -> dict:
        """The next message from the server (a queue.Empty error if none comes)."""
        return self.messages.get(timeout=timeout)

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._socket.close)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


@pytest.fixture
def reload_client():
    """A function that connects a livereload client to a live server; every client closes after the test."""
    clients = []

    def connect(server: LiveServer) -> ReloadClient:
        clients.append(ReloadClient(server.url))
        return clients[-1]

    yield connect
    for client in clients:
        client.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


# livereload.js fires LiveReloadConnect on the document, then (in the same task) tells the
# server which page it shows; after that, a save reaches this page.
LIVE_RELOAD_CONNECTED = "document.addEventListener('LiveReloadConnect', () => { window.liveReloadConnected = true })"


class PageWatch:
    """What went wrong while a browser page was open: console errors and failed requests."""

    def __init__(self, page):
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.failed_requests.append(f"{r.url} ({r.status})"))

    def _failed(self, request) -> None:
        # A request the browser cancels because the page moved on (a favicon still loading when
        # Continue is clicked) is not a failure anyone sees. A missing file still shows as a
        # 4xx response above, and a blocked one fails with its own reason.
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.url} ({request.failure})")


@pytest.fixture
def page(watched_page):
    """A fresh browser tab (its own cookies), with `page.watch` recording errors.

    `page.wait_for_live_reload()` waits until the dev server can reload the page.
    """
    tab = watched_page()
    tab.add_init_script(LIVE_RELOAD_CONNECTED)
    tab.wait_for_live_reload = lambda: tab.wait_for_function("window.liveReloadConnected === true")
    return tab


# The example prototype as it was written, kept with the tests: the pages/, data/, layouts/ and
# static/ at the top of the checkout are the designer's to change or replace, and make test
# never reads them (tests/test_example.py runs the tests beside a prototype of someone else's).
EXAMPLE = Path(__file__).resolve().parent / "example"


def copy_example(target: Path) -> Path:
    """Copy the tests' example prototype to `target` (never a designer's folders at the top of the checkout)."""
    for folder in ("pages", "data", "layouts", "static"):
        shutil.copytree(EXAMPLE / folder, target / folder, ignore=shutil.ignore_patterns(".gitkeep"))
    return target


@pytest.fixture
def example_copy(tmp_path):
    """A copy of the example prototype, safe to change."""
    return copy_example(tmp_path / "example")


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
    from journeys.site_checks.nginx import Nginx

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
        self.process = start_process(
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


@pytest.fixture(scope="session")
def example_builds():
    """The example prototype built once at / and once at /my-prototype/, where NGINX's workers
    can read it. Shared by every test that needs it: read it, never change it."""
    from journeys.build.freeze_site import build

    folder = Path(tempfile.mkdtemp(prefix="journeys-example-builds-"))
    folder.chmod(0o755)
    copy_example(folder / "example")
    build(folder / "example", folder / "dist", report=lambda line: None)
    build(folder / "example", folder / "site/my-prototype", base_url="/my-prototype/", report=lambda line: None)
    yield {"/": folder / "dist", "/my-prototype/": folder / "site/my-prototype"}
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def frozen_example(example_builds):
    """The example prototype's build, served by the real NGINX with the shipped config."""
    from journeys.site_checks.nginx import Nginx

    with Nginx(example_builds["/"]) as server:
        yield server


class GunicornServer(LiveServer):
    """`gunicorn journeys.wsgi:app` for a project, as a hosted prototype runs: several worker processes."""

    def __init__(self, project: Path, workers: int = 2, env: dict | None = None):
        super().__init__(project, env={"JOURNEYS_PROJECT": str(project), **(env or {})})
        self.workers = workers

    def start(self) -> "GunicornServer":
        self.log = open(self.project.parent / f"server-{self.port}.log", "ab")
        self.process = start_process(
            [sys.executable, "-m", "gunicorn", "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
             "journeys.wsgi:app"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}: {self.output()}")
            try:
                urllib.request.urlopen(self.url + "/assets/journeys/init.js", timeout=1)
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"gunicorn did not start: {self.output()}")


@pytest.fixture
def gunicorn_server():
    """A function that serves a project with gunicorn; every server stops after the test."""
    servers = []

    def start(project: Path, **kwargs) -> GunicornServer:
        servers.append(GunicornServer(project, **kwargs).start())
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def host_stack():
    """Debian's redis-server, two `journeys host` instances sharing it, and NGINX in front with the shipped
    journeys-host.conf, serving a copy of the example prototype. Shared by a module's tests: each test
    starts with every part running (`all_running`), whatever the one before stopped."""
    from host_stack import HostStack

    with HostStack() as stack:
        yield stack


@pytest.fixture
def redis_server(tmp_path):
    """Debian's redis-server on a free port, its files in tmp_path, stopped after the test."""
    from host_stack import RedisServer

    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()
