"""Serving: several browsers at once, host and port from flags or the environment, a clean stop."""

import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from conftest import ROOT, free_port, start_process

PAGES = {"pages/index.html": "<h1>Quick</h1>"}


@pytest.fixture
def project(make_project):
    return make_project(PAGES)


def serve(project, *args, env=None):
    """`python serve.py` with these arguments, its output captured."""
    return start_process([sys.executable, str(ROOT / "serve.py"), "--project", str(project), *args],
                         cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"no server at {url}: {process.communicate()[0] if process.poll() is not None else ''}")


def test_a_browser_is_served_while_another_waits(project, live_server, tmp_path):
    answers = tmp_path / "answers.sqlite3"
    server = live_server(project, env={"JOURNEYS_ANSWERS_DB": str(answers)})
    finished = []

    def post_answer():
        urllib.request.urlopen(server.url + "/", data=b"name=Ada", timeout=60).read()
        finished.append("answer saved")

    # Someone else holds the answers database: saving this answer waits for them.
    holder = sqlite3.connect(answers)
    holder.execute("BEGIN EXCLUSIVE")
    waiting = threading.Thread(target=post_answer)
    waiting.start()
    time.sleep(0.2)  # let the answer reach the lock (were it not there yet, this test could only pass)
    urllib.request.urlopen(server.url + "/", timeout=60).read()
    finished.append("page served")
    holder.rollback()
    waiting.join()
    assert finished == ["page served", "answer saved"]


def test_host_and_port_come_from_the_environment(project, tmp_path):
    import os

    port = free_port()
    process = serve(project, env={**os.environ, "HOST": "127.0.0.1", "PORT": str(port)})
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        assert "Quick" in urllib.request.urlopen(f"http://127.0.0.1:{port}/").read().decode()
    finally:
        process.terminate()
    assert f"at http://127.0.0.1:{port} " in process.communicate(timeout=10)[0]


def test_a_port_in_use_is_a_clear_message(project, live_server):
    server = live_server(project)
    process = serve(project, "--port", str(server.port))
    output = process.communicate(timeout=20)[0]
    assert process.returncode == 1
    assert f"Port {server.port} is already in use" in output and f"make serve PORT={server.port + 1}" in output
    assert "Traceback" not in output


def test_open_opens_the_prototype_in_the_browser(project, tmp_path):
    import os

    opened = tmp_path / "opened.txt"
    browser = f"{sys.executable} -c \"import pathlib, sys; pathlib.Path(r'{opened}').write_text(sys.argv[1])\" %s"
    port = free_port()
    process = serve(project, "--port", str(port), "--open", env={**os.environ, "BROWSER": browser})
    try:
        deadline = time.monotonic() + 20
        while not (opened.exists() and opened.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text() == f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.communicate(timeout=10)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["Ctrl-C", "SIGTERM", "closed terminal"])
def test_ctrl_c_kill_and_closing_the_terminal_stop_it_cleanly(project, live_server, reload_client, stop):
    import http.client

    server = live_server(project)
    reload_client(server)  # a browser waiting for reloads
    idle = http.client.HTTPConnection("127.0.0.1", server.port)
    idle.request("GET", "/")
    idle.getresponse().read()  # a browser's kept-alive connection
    server.process.send_signal(stop)
    assert server.process.wait(timeout=10) == 0
    output = server.output()
    assert "Stopping..." in output and "Traceback" not in output


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl-C", "SIGTERM"])
def test_it_stops_even_with_a_request_stuck_in_a_page(make_project, live_server, stop):
    project = make_project({**PAGES, "pages/stuck.html": "{% for i in range(10 ** 12) %}{% endfor %}never"})
    server = live_server(project)
    stuck = threading.Thread(target=lambda: _ask(server.url + "/stuck"), daemon=True)
    stuck.start()
    time.sleep(0.5)  # the page thread is now looping
    began = time.monotonic()
    server.process.send_signal(stop)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        raise AssertionError("the server was still running 10 s after being told to stop") from None
    assert time.monotonic() - began < 5
    assert "Stopping..." in server.output() and "Traceback" not in server.output()


def _ask(url: str) -> None:
    try:
        urllib.request.urlopen(url, timeout=30).read()
    except OSError:
        pass  # the server stopped mid-request, as it should
