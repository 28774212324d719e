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


def links_in(folder):
    return [p for p in folder.rglob("*") if p.is_symlink()]


def test_an_unchanged_flows_folder_of_pages_is_moved_whole_from_the_last_build(example_copy, tmp_path):
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    folder = inode(dist / "market-trader-licence")
    flow = example_copy / "pages/bulky-waste.yaml"
    flow.write_text(flow.read_text().replace("title: Items to collect", "title: Things to collect"))
    quiet_build(example_copy, dist)
    assert inode(dist / "market-trader-licence") == folder  # the same folder, not one made again
    assert links_in(dist) == []
    quiet_build(example_copy, tmp_path / "clean")
    assert tree(dist) == tree(tmp_path / "clean") and everything(dist) == everything(tmp_path / "clean")


def test_a_file_added_by_hand_to_a_flows_folder_is_not_carried_into_the_next_build(example_copy, tmp_path):
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    (dist / "market-trader-licence/notes.txt").write_text("added by hand")
    flow = example_copy / "pages/bulky-waste.yaml"
    flow.write_text(flow.read_text().replace("title: Items to collect", "title: Things to collect"))
    quiet_build(example_copy, dist)
    assert not (dist / "market-trader-licence/notes.txt").exists()
    quiet_build(example_copy, tmp_path / "clean")
    assert everything(dist) == everything(tmp_path / "clean")


NESTED = ("title: {title}\npages:\n  {page}:\n    title: Your name\n    questions:\n      - name: {answer}\n"
          "        type: text\n    next: done\n  done:\n    layout: confirmation\n    title: Done\n")


def test_a_flow_whose_folder_holds_another_flows_pages_is_linked_not_moved(make_project, tmp_path):
    project = make_project({"pages/apply.yaml": NESTED.format(title="Apply", page="name", answer="name"),
                            "pages/apply/renew.yaml": NESTED.format(title="Renew", page="who", answer="who")})
    dist = tmp_path / "dist"
    quiet_build(project, dist)
    for edited, kept in (("apply/renew", "apply/name"), ("apply", "apply/renew/who")):
        page = inode(dist / kept / "index.html")
        path = project / f"pages/{edited}.yaml"
        path.write_text(path.read_text().replace("title: Done", "title: All done"))
        quiet_build(project, dist)
        assert inode(dist / kept / "index.html") == page, edited
        assert links_in(dist) == []
        quiet_build(project, tmp_path / "clean")
        assert everything(dist) == everything(tmp_path / "clean") and tree(dist) == tree(tmp_path / "clean"), edited


def test_a_build_stopped_between_its_swap_and_its_moves_is_put_right_by_the_next(example_copy, tmp_path):
    # Swapped in, but killed before the old output's folder of market-trader-licence was moved
    # in: dist/ reaches it through a link into the stopped build's folder, as swap_in leaves it.
    dist = tmp_path / "dist"
    quiet_build(example_copy, dist)
    stopped = tmp_path / ".dist.building-999999999-abcdefgh"  # no process has this id
    stopped.mkdir()
    (dist / "market-trader-licence").rename(stopped / "market-trader-licence")
    (dist / "market-trader-licence").symlink_to(stopped / "market-trader-licence")
    page = dist / "market-trader-licence/name/index.html"
    assert b"market" in page.read_bytes().lower()  # served through the link meanwhile
    before = inode(page)

    quiet_build(example_copy, dist)
    assert links_in(dist) == [] and not stopped.exists()
    assert inode(page) == before  # moved back in, and kept: not rendered again
    quiet_build(example_copy, tmp_path / "clean")
    assert everything(dist) == everything(tmp_path / "clean") and tree(dist) == tree(tmp_path / "clean")
