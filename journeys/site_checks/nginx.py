"""The real NGINX serving a frozen site (or hosted instances) with the shipped config, unprivileged, on 127.0.0.1.

For tests and checks: `with Nginx(Path("dist")) as server: urlopen(server.url + "/")`. The
shipped journeys/nginx/journeys.conf is used as it is, with only its site-specific lines (listen,
root, and the password lines when asked for) changed. Everything NGINX writes goes in a
temporary prefix folder. Run as root, NGINX is started as `nobody`, as a production server
runs its workers: the site must then be readable by everyone.
"""

from __future__ import annotations

import ctypes
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path
from typing import Callable

from journeys.hosting.nginx_config import replace_once
from journeys.site_checks.ports import free_port

# Package data: an installed Journeys has it too (`journeys nginx-config` prints it).
SHIPPED_CONFIG = Path(__file__).resolve().parents[1] / "nginx" / "journeys.conf"
_replace_once = partial(replace_once, config=SHIPPED_CONFIG)
MIME_TYPES = "/etc/nginx/mime.types"

MAIN_CONFIG = """\
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections {connections}; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
"""


def nginx_binary() -> str:
    # The real file, not a link to it: run as root, NGINX starts as nobody, who may not be
    # able to reach a link that sits in a private folder.
    return os.path.realpath(shutil.which("nginx") or "/usr/sbin/nginx")


def site_config(site: Path, port: int, htpasswd: Path | None = None, config: str | None = None,
                access_log: Path | None = None) -> str:
    """The shipped server block, listening on 127.0.0.1:`port`, serving `site`, logging to `access_log`."""
    text = config if config is not None else SHIPPED_CONFIG.read_text()
    text = _replace_once(text, r"^(\s*)listen\s+[^;]+;", rf"\g<1>listen 127.0.0.1:{port};")
    text = _replace_once(text, r"^(\s*)root\s+[^;]+;", rf"\g<1>root {site};")
    if access_log is not None:
        text = _replace_once(text, r"^(\s*)access_log\s+\S+", rf"\g<1>access_log {access_log}")
    if htpasswd is not None:
        text = _replace_once(text, r"^(\s*)# (auth_basic\s+[^;]+;)", r"\g<1>\g<2>")
        text = _replace_once(text, r"^(\s*)# auth_basic_user_file\s+[^;]+;", rf"\g<1>auth_basic_user_file {htpasswd};")
    return text


class Nginx:
    """NGINX serving `site` with the shipped config until stopped.

    `config(port, access_log)`, when given, writes the server configuration instead (`hosted`
    gives the one for hosted instances), and `connections` is how many NGINX may hold at once.
    """

    def __init__(self, site: Path, port: int | None = None, htpasswd: Path | None = None,
                 config: Callable[[int, Path], str] | None = None, connections: int = 64):
        self.site = Path(site).resolve()
        self.port = port or free_port()
        self.htpasswd = htpasswd
        self.config = config
        self.connections = connections
        self.url = f"http://127.0.0.1:{self.port}"
        self.prefix: Path | None = None
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 10) -> "Nginx":
        user = pwd.getpwnam("nobody") if os.geteuid() == 0 else None
        self.prefix = Path(tempfile.mkdtemp(prefix="journeys-nginx-"))
        self.prefix.chmod(0o755)
        if user:
            os.chown(self.prefix, user.pw_uid, user.pw_gid)
            _check_readable_by_everyone(self.site)
        access_log = self.prefix / "access.log"
        (self.prefix / "site.conf").write_text(self.config(self.port, access_log) if self.config else
                                               site_config(self.site, self.port, self.htpasswd, access_log=access_log))
        config = self.prefix / "nginx.conf"
        config.write_text(MAIN_CONFIG.format(prefix=self.prefix, mime_types=MIME_TYPES, connections=self.connections))
        command = [nginx_binary(), "-p", str(self.prefix), "-c", str(config), "-e", str(self.prefix / "error.log")]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            user=user.pw_uid if user else None, group=user.pw_gid if user else None,
            preexec_fn=_stop_with_parent,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.process.returncode}: {self.errors()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not start in {timeout} s: {self.errors()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: fast shutdown, workers included
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()
        if self.prefix:
            shutil.rmtree(self.prefix, ignore_errors=True)
            self.prefix = None

    def errors(self) -> str:
        """What NGINX wrote to its error log and to stderr."""
        parts = []
        if self.prefix and (self.prefix / "error.log").exists():
            parts.append((self.prefix / "error.log").read_text(errors="replace"))
        if self.process and self.process.poll() is not None and self.process.stderr:
            parts.append(self.process.stderr.read().decode(errors="replace"))
        return "\n".join(part for part in parts if part)

    def get(self, path: str, headers: dict | None = None):
        """(status, headers, body) of a GET, without following redirects or raising on errors."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        opener = urllib.request.build_opener(_NoRedirects)
        try:
            with opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def __enter__(self) -> "Nginx":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def hosted(project: Path, upstreams: list[str], port: int | None = None) -> Nginx:
    """NGINX with the shipped journeys-host.conf in front of `journeys host` instances at `upstreams` (host:port).

    The prototype's static/ and GOV.UK Frontend's files are served from where they are, so as
    root (NGINX's workers as nobody) they must be readable by everyone.
    """
    from journeys.hosting.nginx_config import host_config

    project = Path(project).resolve()
    if os.geteuid() == 0:
        _check_readable_by_everyone(project)

    def config(listen_port: int, access_log: Path) -> str:
        return host_config(project, upstreams, listen=f"127.0.0.1:{listen_port}", access_log=access_log)

    # Hundreds of participants at once: a connection each from the browser, and one to an instance.
    return Nginx(project, port, config=config, connections=4096)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _check_readable_by_everyone(site: Path) -> None:
    # NGINX's workers run as nobody: one private folder on the way makes every page a 403.
    for folder in [site, *site.parents]:
        if not folder.stat().st_mode & 0o005 == 0o005:
            raise PermissionError(f"{folder} cannot be read by other users, so NGINX (as nobody) "
                                  f"cannot serve {site}: chmod o+rx {folder}, or build somewhere else")


def _stop_with_parent() -> None:
    # Linux's PR_SET_PDEATHSIG: NGINX gets SIGTERM (its fast shutdown) if whatever started it
    # dies without stopping it, even by SIGKILL, so no NGINX outlives a test or a preview. The
    # thread that starts NGINX counts as its parent: start it from one that lives as long.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: stopped by stop() alone


def main(argv: list[str] | None = None) -> int:
    """python -m journeys.site_checks.nginx dist/ [--port 8080]: the frozen site as NGINX will serve it."""
    from journeys.site_checks.preview import main as preview

    return preview(argv, prog="python -m journeys.site_checks.nginx")


if __name__ == "__main__":
    raise SystemExit(main())
