"""Gather, then use: a prototype is read once into one model, and after a save only what changed is read again."""

import os
import sys
from pathlib import Path

from journeys.build import build
from journeys.file_cache import FileCache
from journeys.project import Project
from journeys.prototype import PrototypeSource, read_prototype

FLOW = """\
title: {title}
pages:
  ask:
    title: What is your name?
    questions: [{{name: {name}}}]
    next: done
  done:
    layout: confirmation
    title: Done
"""
PROJECT = {
    "pages/index.md": "# Home\n\nWelcome.\n",
    "pages/one.yaml": FLOW.format(title="One", name="first-name"),
    "pages/two.yaml": FLOW.format(title="Two", name="last-name"),
    "data/settings.yaml": "service_name: Test\n",
    "data/colours.yaml": "- Red\n- Blue\n",
    "data/scenarios/named.yaml": "title: Named\nflow: one\nstart: done\nanswers: {first-name: Sam}\n",
    "static/application.css": "body { margin: 0 }\n",
}


def calls_during(action, functions: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """How many times each (module file, function name) was called while `action` ran, in this process."""
    counts = dict.fromkeys(functions, 0)

    def profile(frame, event, arg):
        if event == "call":
            key = (Path(frame.f_code.co_filename).name, frame.f_code.co_name)
            if key in counts:
                counts[key] += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return counts


def test_a_build_walks_each_folder_once_and_reads_each_yaml_file_once(make_project, tmp_path):
    project = make_project(PROJECT)
    counts = calls_during(lambda: build(project, tmp_path / "dist", report=lambda line: None, processes=1),
                          {("project.py", "walk"), ("yaml_files.py", "read_yaml")})
    # pages/, data/, layouts/ and static/, each walked once; five YAML files, each read once.
    assert counts == {("project.py", "walk"): 4, ("yaml_files.py", "read_yaml"): 5}


def test_the_model_holds_every_part_of_the_prototype(make_project):
    model = read_prototype(Project.at(make_project(PROJECT)))
    assert list(model.pages) == ["/"]
    assert list(model.flows) == ["one", "two"]
    assert [o.text for o in model.lists["colours"].options] == ["Red", "Blue"]
    assert list(model.scenarios) == ["named"]
    assert model.settings == {"service_name": "Test"}
    assert model.static_file("application.css") == Path(model.project.static / "application.css")
    assert model.question("last-name")[0].slug == "two"
    assert model.problems == []


def test_after_a_save_only_the_saved_file_is_parsed_again(make_project):
    project = make_project(PROJECT)
    source = PrototypeSource(Project.at(project), FileCache())
    source.watch()
    before = source.current()
    (project / "pages/two.yaml").write_text(FLOW.format(title="Two, renamed", name="last-name"))
    assert source.current() is before  # the watcher has not reported the save yet
    source.saved()
    after = source.current()
    assert after.flows["two"].title == "Two, renamed"
    assert after.flows["one"] is before.flows["one"]  # not parsed again
    assert after.lists["colours"] is before.lists["colours"]


def test_without_a_watcher_the_model_is_kept_until_a_file_changes(make_project):
    project = make_project(PROJECT)
    source = PrototypeSource(Project.at(project), FileCache())
    first = source.current()
    assert source.current() is first
    path = project / "data/colours.yaml"
    path.write_text("- Red\n- Blue\n- Green\n")
    os.utime(path, ns=(1, 1))  # even a file whose time goes backwards counts as changed
    assert [o.text for o in source.current().lists["colours"].options] == ["Red", "Blue", "Green"]
    (project / "pages/three.md").write_text("# Three\n")
    assert "/three" in source.current().pages


def test_a_fixed_model_is_read_once(make_project):
    project = make_project(PROJECT)
    source = PrototypeSource(Project.at(project), FileCache(), fixed=True)
    first = source.current()
    (project / "pages/three.md").write_text("# Three\n")
    assert source.current() is first
