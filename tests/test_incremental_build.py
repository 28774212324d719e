"""A second build reuses the unchanged flows' files from the first, and is byte for byte a clean build."""

import os
import pickle

from journeys.build.freeze_site import build


def tree(folder):
    """Every file under `folder` with its bytes: two equal trees are what `diff -r` calls identical."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def quiet_build(project, out, **options):
    said = []
    build(project, out, report=said.append, **options)
    return said


def inode(path):
    return os.stat(path).st_ino


def test_editing_one_flow_renders_only_that_flow_and_gives_a_clean_builds_files(example_copy, tmp_path):
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    trader = dist / "market-trader-licence/name/index.html"
    before = inode(trader), inode(dist / "bulky-waste/items/index.html")

    flow = example_copy / "pages/bulky-waste.yaml"
    flow.write_text(flow.read_text().replace("title: Items to collect", "title: Things to collect"))
    said = quiet_build(example_copy, dist)

    linked = [line for line in said if "unchanged since the last build" in line]
    assert linked and int(linked[0].split()[0]) >= 10, said
    assert inode(trader) == before[0]  # the same file, linked from the first build
    assert inode(dist / "bulky-waste/items/index.html") != before[1]
    assert b"Things to collect" in (dist / "bulky-waste/items/index.html").read_bytes()
    quiet_build(example_copy, tmp_path / "clean")
    assert tree(dist) == tree(tmp_path / "clean")


def test_a_change_every_page_sees_renders_every_page(example_copy, tmp_path):
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    settings = example_copy / "data/settings.yaml"
    settings.write_text(settings.read_text().replace("Book a bulky waste collection", "Bulky waste"))
    said = quiet_build(example_copy, dist)
    assert not [line for line in said if "unchanged since the last build" in line]
    quiet_build(example_copy, tmp_path / "clean")
    assert tree(dist) == tree(tmp_path / "clean")


def test_another_base_url_renders_every_page(example_copy, tmp_path):
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    said = quiet_build(example_copy, dist, base_url="/prototype/")
    assert not [line for line in said if "unchanged since the last build" in line]
    quiet_build(example_copy, tmp_path / "clean", base_url="/prototype/")
    assert tree(dist) == tree(tmp_path / "clean")


def test_a_file_edited_by_hand_in_the_output_is_written_again_not_kept(example_copy, tmp_path):
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    page = dist / "market-trader-licence/name/index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>edited</p></body>"))
    quiet_build(example_copy, dist)
    quiet_build(example_copy, tmp_path / "clean")
    assert tree(dist) == tree(tmp_path / "clean")


def everything(folder):
    """Every file and folder under `folder`: an empty folder left behind shows here."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_what_was_linked_on_a_guess_the_build_then_rejects_is_taken_out_again(example_copy, tmp_path):
    # Linking starts before GOV.UK Frontend's files are hashed. When those have changed since the
    # last build (an upgrade), every page is rendered again, and what was linked early comes out,
    # folders and all. Here the record of the last build says its GOV.UK Frontend was another.
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    record = next((example_copy / ".journeys/cache/builds").glob("*.pickle"))
    kept = pickle.loads(record.read_bytes())
    record.write_bytes(pickle.dumps({**kept, "shared": "the key of another GOV.UK Frontend's files"}))
    before = inode(dist / "bulky-waste/items/index.html")

    said = quiet_build(example_copy, dist)
    assert not [line for line in said if "unchanged since the last build" in line]
    assert inode(dist / "bulky-waste/items/index.html") != before
    quiet_build(example_copy, tmp_path / "clean")
    assert tree(dist) == tree(tmp_path / "clean")
    assert everything(dist) == everything(tmp_path / "clean")


def test_a_flow_in_a_folder_is_linked_too(make_project, tmp_path):
    flow = ("title: {title}\npages:\n  name:\n    title: Your name\n    questions:\n      - name: {answer}\n"
            "        type: text\n    next: done\n  done:\n    layout: confirmation\n    title: Done\n")
    project = make_project({"pages/licences/street-trading.yaml": flow.format(title="Street trading", answer="name"),
                            "pages/plain.yaml": flow.format(title="Plain", answer="plain-name")})
    dist = tmp_path / "dist"
    quiet_build(project, dist)
    kept = inode(dist / "licences/street-trading/name/index.html")
    (project / "pages/plain.yaml").write_text(flow.format(title="Plainer", answer="plain-name"))
    said = quiet_build(project, dist)
    assert inode(dist / "licences/street-trading/name/index.html") == kept, said
    quiet_build(project, tmp_path / "clean")
    assert tree(dist) == tree(tmp_path / "clean")
