"""The tests use their own copy of the example prototype (tests/example/), whatever a designer keeps in pages/, data/, layouts/ and static/."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, ROOT, copy_example

# The tests that lean on the example most: its pages counted one by one, checked, and served.
EXAMPLE_TESTS = [
    "tests/test_build.py::test_a_build_freezes_every_page_the_assets_a_404_page_and_robots_txt",
    "tests/test_flow_checks.py::test_journeys_check_passes_the_example_prototype",
    "tests/test_nginx.py::test_every_page_is_served_at_its_clean_url",
]
NOT_SOURCE = {".git", ".venv", "node_modules", "dist", "build", "wheels", ".journeys", ".pytest_cache",
              "pages", "data", "layouts", "static"}


def test_the_tests_pass_beside_a_designers_own_prototype(tmp_path):
    # A checkout where a designer has replaced the example with a prototype of their own.
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=lambda folder, names: {
        n for n in names if n == "__pycache__" or (Path(folder) == ROOT and n in NOT_SOURCE)})
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    (clone / "pages").mkdir()
    (clone / "pages/index.md").write_text("# My own prototype\n")
    (clone / "pages/apply.yaml").write_text("title: Apply\npages:\n  done:\n    layout: confirmation\n    title: Sent\n")
    (clone / "data").mkdir()
    (clone / "data/settings.yaml").write_text("service_name: Something else entirely\n")
    (clone / "layouts").mkdir()
    (clone / "layouts/base.html").write_text('{% extends "journeys/base.html" %}{% block footer %}{% endblock %}\n')
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *EXAMPLE_TESTS],
                            cwd=clone, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(clone)})
    assert result.returncode == 0, result.stdout[-4000:]
    assert f"{len(EXAMPLE_TESTS) + 7} passed" in result.stdout  # the served pages are parametrised: 8 of them


def test_copying_the_example_gives_its_four_folders_from_the_tests_own_copy(tmp_path):
    made = copy_example(tmp_path)
    assert (made / "pages/bulky-waste.yaml").read_text() == (EXAMPLE / "pages/bulky-waste.yaml").read_text()
    assert EXAMPLE == ROOT / "tests/example"
    assert sorted(p.name for p in made.iterdir()) == ["data", "layouts", "pages", "static"]
