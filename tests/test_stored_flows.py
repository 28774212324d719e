"""Flows checked by one build are kept for the next: an unchanged flow file is not read again; an edit, or a
changed data list, reads it again, and the output is byte for byte a build with nothing kept."""

import os
import shutil

import pytest

import journeys.prototype
from journeys.build.freeze_site import build
from journeys.problems import ContentError
from journeys.project import Project
from journeys.prototype import read_prototype

BOTH = ["pages/bulky-waste.yaml", "pages/market-trader-licence.yaml"]


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def quiet_build(project, out):
    build(project, out, report=lambda line: None)


def clean_build(project, out):
    """A build with nothing kept from earlier builds: no flows, no templates."""
    shutil.rmtree(project / ".journeys" / "cache", ignore_errors=True)
    quiet_build(project, out)


@pytest.fixture
def reads(monkeypatch):
    """The flow files read (parsed and checked), in order."""
    read = []
    real = journeys.prototype.read_flow_file

    def counting(path, file, *args):
        read.append(file)
        return real(path, file, *args)

    monkeypatch.setattr(journeys.prototype, "read_flow_file", counting)
    return read


def test_an_unchanged_flow_is_not_read_again_and_an_edited_one_is(example_copy, tmp_path, reads):
    quiet_build(example_copy, tmp_path / "first")
    assert sorted(reads) == BOTH
    reads.clear()
    flow = example_copy / "pages/bulky-waste.yaml"
    flow.write_text(flow.read_text().replace("title: Items to collect", "title: Things to collect"))

    quiet_build(example_copy, tmp_path / "second")
    assert reads == ["pages/bulky-waste.yaml"]
    assert b"Things to collect" in (tmp_path / "second/bulky-waste/items/index.html").read_bytes()
    clean_build(example_copy, tmp_path / "clean")
    assert tree(tmp_path / "second") == tree(tmp_path / "clean")


def test_editing_a_data_list_reads_every_flow_again(example_copy, tmp_path, reads):
    quiet_build(example_copy, tmp_path / "first")
    reads.clear()
    listed = example_copy / "data/nationalities.yaml"
    listed.write_text(listed.read_text().replace("- Albanian\n", "- Albanian\n- Atlantean\n"))

    quiet_build(example_copy, tmp_path / "second")
    assert sorted(reads) == BOTH
    assert b"Atlantean" in (tmp_path / "second/market-trader-licence/nationality/index.html").read_bytes()
    clean_build(example_copy, tmp_path / "clean")
    assert tree(tmp_path / "second") == tree(tmp_path / "clean")


def test_a_kept_flow_reports_every_problem_again(example_copy, tmp_path, reads):
    flow = example_copy / "pages/bulky-waste.yaml"
    flow.write_text(flow.read_text().replace("next: address", "next: no-such-page", 1))
    with pytest.raises(ContentError) as first:
        quiet_build(example_copy, tmp_path / "dist")
    reads.clear()
    with pytest.raises(ContentError) as again:
        quiet_build(example_copy, tmp_path / "dist")
    assert reads == []  # both flows kept, the broken one with its problems
    assert "no-such-page" in first.value.report()
    assert again.value.report() == first.value.report()
    assert not (tmp_path / "dist").exists()


def test_a_damaged_store_is_read_again(example_copy, tmp_path, reads):
    quiet_build(example_copy, tmp_path / "first")
    for entry in (example_copy / ".journeys/cache/flows").iterdir():
        entry.write_bytes(b"not a pickle")
    reads.clear()
    quiet_build(example_copy, tmp_path / "second")
    assert sorted(reads) == BOTH
    assert tree(tmp_path / "second") == tree(tmp_path / "first")


def small_flow(n: int, mistake: str = "") -> str:
    return (f"title: Flow {n}\npages:\n  name:\n    title: What is your name? ({n})\n    questions:\n"
            f"      - name: name-{n}\n        type: text\n    next: {mistake or 'done'}\n"
            "  done:\n    layout: confirmation\n    title: Done\n")


def test_flows_not_kept_are_read_a_share_per_core_with_the_same_site_and_problems(make_project, tmp_path, reads):
    files = {f"pages/flow-{n}.yaml": small_flow(n) for n in range(24)}
    files["pages/flow-7.yaml"] = small_flow(7, mistake="nowhere")  # a goto to no page
    files["pages/flow-9.yaml"] = "title: [unclosed\n"  # not YAML at all
    project = make_project(files)
    with pytest.raises(ContentError) as first:
        clean_build(project, tmp_path / "dist")
    # This process read only its share; the others' came from their processes.
    assert len(reads) == 24 if len(os.sched_getaffinity(0)) == 1 else len(reads) < 24
    reads.clear()
    with pytest.raises(ContentError) as again:  # every flow kept, but flow-9 (not YAML, nothing to keep)
        quiet_build(project, tmp_path / "dist")
    assert reads == ["pages/flow-9.yaml"]
    read_alone = read_prototype(Project.at(project))  # the dev server's way: one process, nothing kept
    assert first.value.report() == again.value.report() == ContentError(read_alone.problems).report()
    assert "pages/flow-7.yaml" in first.value.report() and "pages/flow-9.yaml" in first.value.report()

    (project / "pages/flow-7.yaml").write_text(small_flow(7))
    (project / "pages/flow-9.yaml").write_text(small_flow(9))
    clean_build(project, tmp_path / "clean")
    quiet_build(project, tmp_path / "kept")
    assert tree(tmp_path / "clean") == tree(tmp_path / "kept")
