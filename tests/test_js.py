"""The frozen site's JavaScript, tested with Node's own test runner as part of `make test`."""

import json
import re
import shutil
import subprocess

from conftest import ROOT

VECTORS = json.loads((ROOT / "tests/vectors/conditions.json").read_text())["cases"]


def test_the_browser_runs_every_condition_case_as_the_server_does():
    node = shutil.which("node")
    assert node, "Node.js is needed for the JavaScript tests (see the README)"
    done = subprocess.run([node, "--test", "--test-reporter=tap", "tests/js/"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    passed = [line.split(" - ", 1)[1] for line in done.stdout.splitlines() if re.match(r"^ok \d+ - ", line)]
    assert {case["name"] for case in VECTORS} <= set(passed), "a case did not run in Node"
