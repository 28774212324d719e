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


def test_the_list_in_the_flows_guide_has_no_problems_and_starts_with_its_first_item(make_project, make_app):
    example = next(block for block in yaml_blocks("docs/flows.md") if "layout: add-another" in block)
    project = make_project({"pages/household.yaml": example})
    flow = load_flow(project, "household")
    assert flow.pages["people"].list.pages == ["person-name", "person-age"]
    client = make_app(project).test_client()
    assert client.get("/household/people").headers["Location"] == "/household/person-name?item=1"


def test_the_reveal_in_the_flows_guide_has_no_problems(make_project, make_app):
    question = next(block for block in yaml_blocks("docs/flows.md") if "reveal:" in block and "layout" not in block)
    flow = "title: T\npages:\n  contact:\n    title: How should we contact you?\n    questions:\n" + \
        "\n".join("      " + line for line in question.splitlines()) + \
        "\n    next: done\n  done:\n    layout: confirmation\n    title: Done\n"
    project = make_project({"pages/test.yaml": flow})
    asked = load_flow(project, "test").pages["contact"].questions[0]
    assert [q.name for q in asked.revealed] == ["contact-email", "contact-mobile"]
