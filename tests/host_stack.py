"""The hosted stack on this machine, as a platform team runs it: Debian's redis-server, `journeys host`
instances (gunicorn), and NGINX with the shipped journeys-host.conf. For the tests and bench/host.py.

Everything runs from temporary folders on free ports, and everything started is stopped.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import copy_example

ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY = secrets.token_hex(32)
PASSWORD = "correct horse battery staple"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready, what: str, process: subprocess.Popen | None = None, timeout: float = 30, output=lambda: ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}: {output()}")
        if ready():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not start in {timeout} s: {output()}")


class RedisServer:
    """Debian's redis-server on a free port, its data in `folder` (append-only: answers survive a restart)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             "--appendonly", "yes", "--logfile", str(self.folder / "redis.log"), "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self.answers, "redis-server", self.process, output=self.log)
        return self

    def answers(self) -> bool:
        """Whether Redis answers PING with PONG (not LOADING, as it does while it reads its file)."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(64).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: Redis writes what it has, then exits
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        path = self.folder / "redis.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""


class HostInstance:
    """`journeys host` for a project on a free port, in a process group of its own (gunicorn and its workers)."""

    def __init__(self, project: Path, env: dict, workers: int = 2, args: tuple[str, ...] = ()):
        self.project = Path(project)
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.address}"
        self.env = {**os.environ, **env}
        self.workers = workers
        self.args = args
        self.process: subprocess.Popen | None = None
        self.log_path = self.project.parent / f"host-{self.port}.log"

    def start(self) -> "HostInstance":
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "journeys", "host", "--project", str(self.project), "--port", str(self.port),
             "--workers", str(self.workers), *self.args],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(self.answers, "journeys host", self.process, output=self.output)
        return self

    def answers(self) -> bool:
        try:
            urllib.request.urlopen(self.url + "/robots.txt", timeout=1).read()
            return True
        except OSError:
            return False

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL to gunicorn and every worker at once: as when the machine or container dies."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def stop(self) -> None:
        if self.running():
            os.killpg(self.process.pid, signal.SIGTERM)  # gunicorn's graceful stop
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process and not self.log.closed:
            self.log.close()
        try:  # a worker left behind by a killed master
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, AttributeError):
            pass

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:] if self.log_path.exists() else ""


def public_copy_of_example() -> Path:
    """The tests' example prototype (tests/example/) in a folder everyone can read (NGINX's workers run as nobody under root)."""
    folder = Path(tempfile.mkdtemp(prefix="journeys-host-"))
    folder.chmod(0o755)
    project = folder / "example"
    return copy_example(project)


class HostStack:
    """Redis, `instances` hosts sharing it, and NGINX in front of them, for the example prototype."""

    def __init__(self, instances: int = 2, workers: int = 2, env: dict | None = None, args: tuple[str, ...] = ()):
        self.project = public_copy_of_example()
        self.redis = RedisServer(self.project.parent / "redis")
        self.env = {"SECRET_KEY": SECRET_KEY, "JOURNEYS_PASSWORD": PASSWORD, "REDIS_URL": self.redis.url, **(env or {})}
        self.instances = [HostInstance(self.project, self.env, workers, args) for _ in range(instances)]
        self.nginx = None

    def start(self) -> "HostStack":
        from journeys.site_checks.nginx import hosted

        try:
            self.redis.start()
            for instance in self.instances:
                instance.start()
            self.nginx = hosted(self.project, [instance.address for instance in self.instances]).start()
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def url(self) -> str:
        return self.nginx.url

    def all_running(self) -> None:
        """Start again whatever a test stopped: every instance and Redis."""
        if not self.redis.answers():
            self.redis.stop()
            self.redis.start()
        for instance in self.instances:
            if not instance.running():
                instance.start()

    def stop(self) -> None:
        if self.nginx:
            self.nginx.stop()
        for instance in self.instances:
            instance.stop()
        self.redis.stop()
        shutil.rmtree(self.project.parent, ignore_errors=True)

    def __enter__(self) -> "HostStack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
