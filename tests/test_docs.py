"""The examples in the docs work as the docs say."""

import re

from conftest import ROOT
from flow_helpers import load_flow


def yaml_blocks(doc: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", (ROOT / doc).read_text(), flags=re.S)


def test_the_first_flow_in_the_flows_guide_has_no_problems(make_project, make_app):
    example = yaml_blocks("docs/flows.md")[0]
    project = make_project({"pages/fishing-licence.yaml": example})
    flow = load_flow(project, "fishing-licence")
    assert list(flow.pages) == ["start", "licence-length", "date-of-birth", "concession", "check-answers", "confirmation"]
    client = make_app(project).test_client()
    assert client.get("/fishing-licence").headers["Location"] == "/fishing-licence/start"
    assert client.get("/fishing-licence/concession").status_code == 200


def test_the_readme_links_every_doc():
    readme = (ROOT / "README.md").read_text()
    for doc in sorted((ROOT / "docs").glob("*.md")):
        assert f"docs/{doc.name}" in readme, doc.name


def test_the_checks_output_in_the_flows_guide_is_what_journeys_check_prints(make_project):
    import subprocess
    import sys

    example = yaml_blocks("docs/flows.md")[0]
    broken = example.replace("type: radios", "type: raido").replace("- goto: check-answers", "- goto: check-anwsers")
    project = make_project({"pages/fishing-licence.yaml": broken})
    result = subprocess.run([sys.executable, "-m", "journeys.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    documented = re.search(r"```\n(2 problems found:.*?)```", (ROOT / "docs/flows.md").read_text(), flags=re.S)
    assert result.stderr == documented.group(1)
