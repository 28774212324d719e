"""Journeys as a designer installs it: the wheel, in a fresh virtual environment, with no Node.js on the PATH."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, free_port, start_process

pytestmark = pytest.mark.timeout(300)

# Not part of the source a wheel is built from: set-up, output and caches of this checkout.
NOT_SOURCE = {".git", ".venv", "node_modules", "dist", "build", "wheels", ".journeys", ".pytest_cache"}


def copy_source(target: Path) -> Path:
    """This checkout without its installs and outputs: pip builds in the source folder, so not in ROOT."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        at_root = Path(folder) == ROOT
        return {n for n in names if n == "__pycache__" or n.endswith(".egg-info") or (at_root and n in NOT_SOURCE)}

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def pip_wheel(source: Path, out: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`pip wheel`: setuptools in an isolated environment, then npm for GOV.UK Frontend."""
    return subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                          capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of this checkout."""
    folder = tmp_path_factory.mktemp("wheel")
    result = pip_wheel(copy_source(folder / "source"), folder / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return next((folder / "out").glob("journeys-*.whl"))


def test_building_the_wheel_without_npm_says_to_install_node(tmp_path):
    result = pip_wheel(copy_source(tmp_path / "source"), tmp_path / "out", env={**os.environ, "PATH": str(tmp_path)})
    assert result.returncode == 1
    assert ("error: building the Journeys wheel needs npm, to fetch govuk-frontend 6.3.0 as package-lock.json "
            "pins it. Install Node.js (it comes with npm), then build again.") in result.stderr
    assert not list(tmp_path.glob("out/*.whl"))


def test_a_govuk_frontend_tarball_that_is_not_the_one_pinned_is_never_shipped(tmp_path):
    source = copy_source(tmp_path / "source")
    lock = source / "package-lock.json"
    pinned = json.loads(lock.read_text())["packages"]["node_modules/govuk-frontend"]["integrity"]
    wrong = "sha512-" + "A" * 86 + "=="
    lock.write_text(lock.read_text().replace(pinned, wrong))
    result = pip_wheel(source, tmp_path / "out")
    assert result.returncode == 1
    assert f"error: govuk-frontend-6.3.0.tgz is not the file package-lock.json pins: its hash is {pinned}, not {wrong}." \
        in result.stderr
    assert not list(tmp_path.glob("out/*.whl")) and not (source / "build/lib/journeys/govuk_frontend").exists()


@pytest.fixture(scope="module")
def designer(wheel, tmp_path_factory):
    """A designer's computer: Journeys installed from the wheel (not editable), and a PATH with no Node.js."""
    home = tmp_path_factory.mktemp("designer")
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    # This environment's pip installs into the new one: quicker than a pip of its own, same result.
    # The lock gives the same versions as this checkout, from pip's cache.
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "--quiet",
                             "-c", str(ROOT / "requirements.lock"), str(wheel)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Node.js is in /usr/bin here, beside everything else: a folder of just what a designer
    # with Chromium and NGINX but no Node.js would have.
    programs = home / "programs"
    programs.mkdir()
    for name in ("chromium", "nginx"):
        found = shutil.which(name) or shutil.which(name, path="/usr/sbin")
        if found:
            (programs / name).symlink_to(found)
    path = f"{venv / 'bin'}:{programs}"
    assert shutil.which("node", path=path) is None and shutil.which("npm", path=path) is None
    env = {"PATH": path, "HOME": os.environ.get("HOME", str(home)), "XDG_CACHE_HOME": str(home / "cache"),
           "LANG": "C.UTF-8"}
    return Designer(home, venv, env)


@dataclass
class Designer:
    """Where Journeys is installed, and the environment the designer's terminal has."""

    home: Path
    venv: Path
    env: dict

    def run(self, *args: str, cwd: Path | None = None, **env) -> subprocess.CompletedProcess:
        """`journeys ARGS`, typed in `cwd` (default: home), with `env` added to the environment."""
        return subprocess.run([str(self.venv / "bin/journeys"), *args], cwd=cwd or self.home,
                              env={**self.env, **env}, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def prototype(designer) -> Path:
    """`journeys new my-prototype`, typed in the designer's home folder."""
    result = designer.run("new", "my-prototype")
    assert result.returncode == 0, result.stderr
    assert "journeys serve" in result.stdout
    return designer.home / "my-prototype"


def test_an_accessible_autocomplete_tarball_that_is_not_the_one_pinned_is_never_shipped(tmp_path):
    source = copy_source(tmp_path / "source")
    lock = source / "package-lock.json"
    pinned = json.loads(lock.read_text())["packages"]["node_modules/accessible-autocomplete"]["integrity"]
    wrong = "sha512-" + "B" * 86 + "=="
    lock.write_text(lock.read_text().replace(pinned, wrong))
    result = pip_wheel(source, tmp_path / "out")
    assert result.returncode == 1
    assert (f"error: accessible-autocomplete-3.0.1.tgz is not the file package-lock.json pins: its hash is {pinned}, "
            f"not {wrong}.") in result.stderr
    assert not list(tmp_path.glob("out/*.whl")) and not (source / "build/lib/journeys/accessible_autocomplete").exists()


def test_the_wheel_has_every_file_of_the_package_and_govuk_frontend_with_its_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "journeys").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    # Every module, layout, script and configuration file, found without a list (MANIFEST.in grafts journeys/).
    assert source - names == set()
    govuk = "journeys/govuk_frontend/"
    assert {govuk + name for name in ("govuk-frontend.min.css", "govuk-frontend.min.js", "LICENSE.txt", "package.json",
                                      "assets/manifest.json", "assets/images/favicon.svg")} <= names
    assert len([n for n in names if n.startswith(govuk + "assets/fonts/") and n.endswith(".woff2")]) == 2
    with zipfile.ZipFile(wheel) as archive:
        assert json.loads(archive.read(govuk + "package.json"))["version"] == "6.3.0"
        assert "Crown Copyright" in archive.read(govuk + "LICENSE.txt").decode()
        # The very file npm ci installed for this checkout, from the same pinned tarball.
        npm_css = ROOT / "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css"
        assert archive.read(govuk + "govuk-frontend.min.css") == npm_css.read_bytes()
    assert not [n for n in names if "node_modules" in n]


def test_the_wheel_has_accessible_autocomplete_with_its_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    folder = "journeys/accessible_autocomplete/"
    assert {n.removeprefix(folder) for n in names if n.startswith(folder)} == {
        "accessible-autocomplete.min.css", "accessible-autocomplete.min.css.map", "accessible-autocomplete.min.js",
        "accessible-autocomplete.min.js.map", "LICENSE.txt", "package.json", "README.md"}
    with zipfile.ZipFile(wheel) as archive:
        assert json.loads(archive.read(folder + "package.json"))["version"] == "3.0.1"
        assert "Crown Copyright" in archive.read(folder + "LICENSE.txt").decode()
        npm_js = ROOT / "node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js"
        assert archive.read(folder + "accessible-autocomplete.min.js") == npm_js.read_bytes()


def test_the_wheel_has_idiomorph_for_the_dev_server_with_its_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    folder = "journeys/idiomorph/"
    assert {n.removeprefix(folder) for n in names if n.startswith(folder)} == {
        "idiomorph.min.js", "LICENSE", "package.json", "README.md"}
    with zipfile.ZipFile(wheel) as archive:
        assert json.loads(archive.read(folder + "package.json"))["version"] == "0.8.0"
        assert "BSD" in archive.read(folder + "LICENSE").decode() or "permission" in archive.read(folder + "LICENSE").decode().lower()
        assert archive.read(folder + "idiomorph.min.js") == (ROOT / "node_modules/idiomorph/dist/idiomorph.min.js").read_bytes()
        assert archive.read("journeys/devserver/client/live-update.js") == (ROOT / "journeys/devserver/client/live-update.js").read_bytes()


def test_journeys_new_makes_a_prototype_that_checks_clean_and_builds_without_node(designer, prototype):
    assert sorted(p.relative_to(prototype).as_posix() for p in prototype.rglob("*") if p.is_file()) == [
        ".gitignore", "README.md", "data/settings.yaml", "layouts/.gitkeep", "pages/index.html",
        "pages/juggling-licence.yaml", "static/.gitkeep",
    ]
    check = designer.run("check", cwd=prototype)
    assert (check.returncode, check.stdout.strip()) == (0, f"No problems found in {prototype}"), check.stderr

    build = designer.run("build", cwd=prototype)
    assert build.returncode == 0, build.stderr
    assert (prototype / "dist/index.html").is_file()
    assert (prototype / "dist/juggling-licence/juggling-trick/index.html").is_file()
    assert list((prototype / "dist/assets/fonts").glob("*.woff2"))


def test_govuk_frontend_comes_from_inside_the_installed_package(designer, prototype):
    script = ("from journeys.assets import govuk_frontend_dir; from journeys.project import Project; "
              "print(govuk_frontend_dir(Project.at('.')))")
    result = subprocess.run([str(designer.venv / "bin/python"), "-c", script], cwd=prototype, env=designer.env,
                            capture_output=True, text=True)
    site_packages = next(designer.venv.glob("lib/python3*/site-packages"))
    assert result.stdout.strip() == str(site_packages / "journeys" / "govuk_frontend"), result.stderr
    assert not list(designer.venv.rglob("node_modules"))


def test_accessible_autocomplete_is_served_from_inside_the_installed_package(designer, prototype):
    script = ("from journeys.assets import find_asset, govuk_frontend_dir; from journeys.project import Project; "
              "print(find_asset(govuk_frontend_dir(Project.at('.')), 'accessible-autocomplete.min.js'))")
    result = subprocess.run([str(designer.venv / "bin/python"), "-c", script], cwd=prototype, env=designer.env,
                            capture_output=True, text=True)
    site_packages = next(designer.venv.glob("lib/python3*/site-packages"))
    assert result.stdout.strip() == str(site_packages / "journeys/accessible_autocomplete/accessible-autocomplete.min.js"), \
        result.stderr


def test_journeys_serve_shows_a_govuk_styled_start_page_with_its_fonts(designer, prototype, page):
    port = free_port()
    server = start_process([str(designer.venv / "bin/journeys"), "serve", "--port", str(port)], cwd=prototype,
                           env=designer.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/", server)
        with urllib.request.urlopen(url + "/") as response:
            html = response.read().decode()
        assert "Apply for a juggling licence" in html and "Start now" in html
        # A save morphs the page with idiomorph, from inside the package.
        assert '<script src="/livereload/live-update.js"></script>' in html
        with urllib.request.urlopen(url + "/livereload/idiomorph.min.js") as response:
            installed = next(designer.venv.glob("lib/python3*/site-packages/journeys/idiomorph"))
            assert response.read() == (installed / "idiomorph.min.js").read_bytes()
        css_path = re.search(r'<link rel="stylesheet" href="([^"]*govuk-frontend[^"]*\.css)">', html)[1]
        with urllib.request.urlopen(url + css_path) as response:
            assert (response.status, response.headers.get_content_type()) == (200, "text/css")
            css = response.read().decode()
        installed = next(designer.venv.glob("lib/python3*/site-packages/journeys/govuk_frontend"))
        assert css == (installed / "govuk-frontend.min.css").read_text()  # from inside the package, no node_modules
        font = re.search(r"url\(([^)]*/fonts/[^)]*\.woff2)\)", css)[1].strip("\"'")
        with urllib.request.urlopen(url + font) as response:
            assert response.status == 200 and len(response.read()) > 10_000

        page.goto(url + "/")
        page.evaluate("document.fonts.ready")
        loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
        assert any("GDS Transport" in family for family in loaded), loaded
        heading = page.locator("h1")
        assert heading.inner_text() == "Apply for a juggling licence"
        assert heading.evaluate("h => getComputedStyle(h).fontFamily").startswith('"GDS Transport"')
        assert page.locator(".govuk-button--start").inner_text().strip() == "Start now"
        assert page.watch.failed_requests == [] and page.watch.console_errors == []
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C, as a designer stops it
        output = server.communicate(timeout=15)[0]
    assert (server.returncode, output.splitlines()[-1]) == (0, "Stopping..."), output


def test_check_in_the_browser_says_plainly_that_it_needs_node(designer, prototype, tmp_path):
    result = designer.run("check", "--browser", cwd=prototype, XDG_CACHE_HOME=str(tmp_path))
    assert result.returncode == 1 and result.stdout.strip() == f"No problems found in {prototype}"
    assert result.stderr in (ROOT / "docs/checks.md").read_text()  # the guide shows what a designer sees
    assert result.stderr.splitlines() == [
        "journeys check --browser needs programs this computer does not have:",
        "  - Node.js 20.19 or newer, to run html-validate on every page: install it from https://nodejs.org",
        "  - npm, to install axe-core and html-validate once: it comes with Node.js, from https://nodejs.org",
        "Install them, then run 'journeys check --browser' again. "
        "'journeys check' (without --browser) needs none of them.",
    ]


def test_check_in_the_browser_installs_its_own_tools_where_node_is_installed(designer, prototype):
    node = Path(shutil.which("node")).parent
    result = designer.run("check", "--browser", cwd=prototype, PATH=f"{designer.env['PATH']}:{node}")
    assert result.returncode == 0, result.stdout + result.stderr
    cache = designer.home / "cache" / "journeys"
    assert result.stdout.splitlines()[1].startswith(f"Installing axe-core and html-validate for journeys check "
                                                    f"--browser (once) into {cache}/check-tools-")
    assert result.stdout.strip().splitlines()[-1].startswith("No problems found on ")


def test_python_m_journeys_and_the_nginx_config_for_a_designer_with_no_checkout(designer, prototype):
    result = subprocess.run([str(designer.venv / "bin/python"), "-m", "journeys", "nginx-config"], cwd=prototype,
                            env=designer.env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "journeys/nginx/journeys.conf").read_text()


def wait_for(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"journeys serve exited with {server.returncode}: {server.stdout.read()}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"journeys serve did not answer {url} in {timeout} s")
