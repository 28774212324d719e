"""What `journeys check --browser` runs besides Python: Chromium, NGINX, Node.js, and axe-core and html-validate.

In a Journeys checkout, axe-core and html-validate are in its node_modules/ (`npm ci`). An
installed Journeys has no node_modules/: npm installs the versions in npm/package-lock.json
once into a folder of the user's cache, named for that lock file, so a new Journeys with new
versions gets a folder of its own.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from journeys.assets import PACKAGE_ROOT
from journeys.site_checks.browser import chromium_path
from journeys.site_checks.nginx import nginx_binary

LOCKED = Path(__file__).parent / "npm"  # package.json and package-lock.json: the pinned versions
NEEDED = ("axe-core/axe.min.js", "html-validate/bin/html-validate.mjs")
NODE_VERSION = (20, 19)  # html-validate 10's oldest Node.js
NODE_WEBSITE = "https://nodejs.org"


class MissingTools(Exception):
    """Something `journeys check --browser` runs is missing: the message says what and how to get it."""


def _missing_report(missing: list[str]) -> str:
    return "\n".join([
        "journeys check --browser needs programs this computer does not have:",
        *(f"  - {line}" for line in missing),
        "Install them, then run 'journeys check --browser' again. "
        "'journeys check' (without --browser) needs none of them.",
    ])


def find_tools(say: Callable[[str], None] = print) -> Path:
    """The node_modules folder holding axe-core and html-validate, after checking every program the check runs."""
    missing = missing_programs()
    checkout = PACKAGE_ROOT / "node_modules"
    folder = checkout if _has_tools(checkout) else cache_folder()
    if not _has_tools(folder) and not shutil.which("npm"):
        missing.append(f"npm, to install axe-core and html-validate once: it comes with Node.js, from {NODE_WEBSITE}")
    if missing:
        raise MissingTools(_missing_report(missing))
    if not _has_tools(folder):
        _install(folder, say)
    return folder


def missing_programs() -> list[str]:
    """One line for each program that is missing or too old, saying what it is for and how to get it."""
    missing = []
    if chromium_path() is None:
        missing.append("Chromium, to open every page: on Debian or Ubuntu, 'sudo apt-get install chromium'")
    if not os.access(nginx_binary(), os.X_OK):
        missing.append("NGINX, to serve the built prototype as it will be published: "
                       "on Debian or Ubuntu, 'sudo apt-get install nginx'")
    wanted = ".".join(map(str, NODE_VERSION))
    node = shutil.which("node")
    if node is None:
        missing.append(f"Node.js {wanted} or newer, to run html-validate on every page: install it from {NODE_WEBSITE}")
    elif (version := node_version(node)) < NODE_VERSION:
        missing.append(f"Node.js {wanted} or newer, to run html-validate: this computer has "
                       f"{'.'.join(map(str, version))}. Install a newer one from {NODE_WEBSITE}")
    return missing


def node_version(node: str) -> tuple[int, ...]:
    """(major, minor) of `node --version`; (0,) if it does not answer."""
    result = subprocess.run([node, "--version"], capture_output=True, text=True)
    found = re.match(r"v(\d+)\.(\d+)", result.stdout.strip())
    return (int(found[1]), int(found[2])) if found else (0,)


def cache_folder() -> Path:
    """Where an installed Journeys keeps the tools: named for the lock file, so versions never mix."""
    digest = hashlib.sha256((LOCKED / "package-lock.json").read_bytes()).hexdigest()[:12]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "journeys" / f"check-tools-{digest}" / "node_modules"


def _has_tools(node_modules: Path) -> bool:
    return all((node_modules / path).is_file() for path in NEEDED)


def _install(node_modules: Path, say: Callable[[str], None]) -> None:
    # Installed beside the final folder, then renamed into place: an install that stops
    # half-way leaves nothing that looks complete.
    target = node_modules.parent
    target.parent.mkdir(parents=True, exist_ok=True)
    say(f"Installing axe-core and html-validate for journeys check --browser (once) into {target}...")
    temporary = Path(tempfile.mkdtemp(prefix=".installing-", dir=target.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(LOCKED / name, temporary / name)
        result = subprocess.run(
            [shutil.which("npm"), "ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts",
             "--loglevel=error"],
            cwd=temporary, capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise MissingTools(f"npm could not install axe-core and html-validate for journeys check --browser:\n"
                               f"{result.stderr.strip()}\n"
                               "Check this computer can reach the npm registry, then run it again.")
        if target.exists():
            shutil.rmtree(target)  # an earlier install that did not finish
        os.rename(temporary, target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
