"""The NGINX configuration for hosted instances (journeys/nginx/journeys-host.conf), with this machine's folders in it."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from journeys.assets import OWN_ASSETS, govuk_frontend_dir
from journeys.problems import ContentError, Problem
from journeys.project import Project

HOST_CONFIG = Path(__file__).resolve().parents[1] / "nginx" / "journeys-host.conf"
DEFAULT_UPSTREAMS = ["127.0.0.1:8001", "127.0.0.1:8002"]
SERVER_OPTIONS = "max_fails=1 fail_timeout=10s"


def host_config(project: str | Path, upstreams: list[str], listen: str | None = None,
                access_log: str | Path | None = None) -> str:
    """journeys-host.conf for the prototype in `project`, sending pages to `upstreams` (host:port each)."""
    bad = [address for address in upstreams if not re.fullmatch(r"(\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5}|unix:/\S+", address)]
    if bad or not upstreams:
        raise ContentError([Problem("--upstream", None, f"'{address}' is not an instance's address", "Give each "
                                    "instance as host:port, such as --upstream 127.0.0.1:8001") for address in bad or ["(none)"]])
    root = Project.at(project)
    govuk = govuk_frontend_dir(root)
    text = HOST_CONFIG.read_text(encoding="utf-8")
    servers = "".join(f"    server {address} {SERVER_OPTIONS};\n" for address in upstreams)
    text = _replace_once(text, r"^(    server [^\n]*;\n)+", servers)
    text = _replace_once(text, r"^(\s*root )/srv/prototype/node_modules/govuk-frontend/dist/govuk;", rf"\g<1>{_path(govuk)};")
    text = _replace_once(text, r"^(\s*alias )/srv/prototype/node_modules/govuk-frontend/dist/govuk/\$1;",
                         rf"\g<1>{_path(f'{govuk}/$1')};")
    text = _replace_once(text, r"^(\s*alias )/srv/journeys/static/init\.js;", rf"\g<1>{_path(OWN_ASSETS / 'init.js')};")
    text = _replace_once(text, r"^(\s*alias )/srv/prototype/static/;", rf"\g<1>{_path(f'{root.static}/')};")
    if listen is not None:
        text = _replace_once(text, r"^(\s*listen )80;", rf"\g<1>{listen};")
    if access_log is not None:
        text = _replace_once(text, r"^(\s*access_log )\S+", rf"\g<1>{access_log}")
    return text


def _path(path) -> str:
    """A path as NGINX reads it: in quotes if it has a space or a quote."""
    text = str(path)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' if re.search(r"[\s\"';{}]", text) else text


def replace_once(text: str, pattern: str, replacement: str, config: Path) -> str:
    """`text`, read from the shipped `config`, with the one line `pattern` matches rewritten (a ValueError if none does)."""
    new, count = re.subn(pattern, lambda found: found.expand(replacement), text, count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"journeys/nginx/{config.name} has no line matching {pattern!r}: "
                         "update the code that fills it in to the configuration as it is now")
    return new


_replace_once = partial(replace_once, config=HOST_CONFIG)
