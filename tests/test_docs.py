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


def test_the_task_list_in_the_flows_guide_has_no_problems_and_works_as_it_says(make_project, make_app):
    example = next(block for block in yaml_blocks("docs/flows.md") if "layout: task-list" in block)
    project = make_project({"pages/licence.yaml": example, "data/nationalities.yaml": "- British\n- French\n"})
    flow = load_flow(project, "licence")
    assert [task.title for task in flow.pages["tasks"].tasks.tasks()] == [
        "Your name and address", "Your nationality", "What you will sell", "Check and send your application"]
    client = make_app(project).test_client()
    client.post("/licence/name", data={"full-name": "Ann Li"})
    client.post("/licence/address", data={"address-line-1": "1 High St", "address-town": "Leeds", "address-postcode": "LS1 1AA"})
    client.post("/licence/goods", data={"goods": "Food"})
    page = client.get("/licence/tasks").text
    assert re.findall(r'id="section-\d-\d-status">\s*(?:<strong[^>]*>)?\s*([^<]*?)\s*<', page) == [
        "Completed", "Not yet started", "In progress", "Cannot start yet"]
    assert "You have completed 0 of 3 sections." in page


def test_the_interruption_and_exit_pages_in_the_flows_guide_have_no_problems(make_project):
    pages = next(block for block in yaml_blocks("docs/flows.md") if "layout: interruption" in block)
    flow = ("title: T\npages:\n  goods:\n    title: Food?\n    questions: [{name: food, type: yes-no}]\n    next:\n"
            "      - {when: {food: 'Yes'}, goto: food-rules}\n      - goto: register-first\n"
            + "\n".join("  " + line for line in pages.splitlines()) + "\n"
            "  food-registration:\n    title: Registered?\n    questions: [{name: registered, type: yes-no}]\n"
            "    next: register-first\n")
    flow_model = load_flow(make_project({"pages/test.yaml": flow}), "test")
    assert flow_model.pages["food-rules"].layout == "interruption" and flow_model.pages["register-first"].layout == "exit"


def test_the_readme_and_the_publishing_guide_say_the_same_about_javascript():
    def sentence(doc: str) -> str:
        text = " ".join((ROOT / doc).read_text().split())
        return re.search(r"Without JavaScript, a published prototype [^.]*\.", text).group(0)

    assert sentence("README.md") == sentence("docs/publishing.md")
    assert "every page says so at the top, and check your answers has no button" in sentence("README.md")
