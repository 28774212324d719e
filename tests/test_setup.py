"""The set-up promises in the README: pinned versions, and a second run does no network work."""

import json
import re
import subprocess
import sys
from importlib.metadata import version

from conftest import ROOT


def test_govuk_frontend_is_pinned_to_the_version_govuk_frontend_jinja_targets():
    # govuk-frontend-jinja 4.1.0 renders GOV.UK Frontend 6.3.0's components exactly.
    assert version("govuk-frontend-jinja") == "4.1.0"
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["govuk-frontend"] == "6.3.0"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/govuk-frontend"]["version"] == "6.3.0"
    installed = json.loads((ROOT / "node_modules/govuk-frontend/package.json").read_text())
    assert installed["version"] == "6.3.0"


def test_every_python_dependency_is_pinned():
    pyproject = (ROOT / "pyproject.toml").read_text()
    listed = re.findall(r'^\s+"([A-Za-z0-9_.-]+)([^"]*)",$', pyproject, flags=re.M)
    assert listed and all(spec.startswith("==") for _, spec in listed), listed


def test_a_second_install_has_nothing_to_do():
    # `make --question` exits 0 only when every target is up to date: no pip, no npm, no network.
    result = subprocess.run(["make", "--question", "install"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_opens_with_the_two_commands():
    commands = re.findall(r"^(make \w+)", (ROOT / "README.md").read_text(), flags=re.M)
    assert commands[:2] == ["make serve", "make test"]


def test_the_wsgi_entry_point_serves_the_prototype_named_by_the_environment(example_copy):
    # What `gunicorn journeys.wsgi:app` loads.
    script = "from journeys.wsgi import app; r = app.test_client().get('/about'); print(r.status_code, b'About this prototype' in r.data)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"JOURNEYS_PROJECT": str(example_copy), "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "200 True", result.stderr
