"""Parsed files are kept until they change: read once, re-read after an edit, forgotten on clear()."""

import os

from journeys.file_cache import FileCache
from journeys.web.state import state


def test_a_file_is_read_again_only_after_it_changes(tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text("one")
    cache, reads = FileCache(), []

    def get():
        # A fresh closure on every call, as request handlers make them.
        return cache.get(path, "flow", lambda p: reads.append(p.read_text()) or p.read_text())

    assert [get(), get(), get()] == ["one", "one", "one"]
    path.write_text("two, longer")
    os.utime(path, ns=(1, 1))  # even a file whose time goes backwards is read again
    assert get() == "two, longer"
    assert reads == ["one", "two, longer"]
    cache.clear()
    assert get() == "two, longer"
    assert len(reads) == 3 and len(cache) == 1


def test_a_change_to_a_file_depended_on_reads_again(tmp_path):
    path, listed = tmp_path / "flow.yaml", tmp_path / "colours.yaml"
    path.write_text("flow")
    listed.write_text("- Red\n")
    cache, reads = FileCache(), []
    read = lambda p: reads.append(1) or len(reads)  # noqa: E731
    assert cache.get(path, "flow", read, depends=(listed,)) == 1
    assert cache.get(path, "flow", read, depends=(listed,)) == 1
    listed.write_text("- Red\n- Blue\n")
    assert cache.get(path, "flow", read, depends=(listed,)) == 2


def test_every_request_finds_the_settings_and_pages_it_parsed_before(make_project, make_app):
    app = make_app(make_project({
        "pages/about.md": "# About\n\nText\n",
        "pages/book.yaml": "title: Bins\npages:\n  done:\n    layout: confirmation\n    title: Done\n",
        "data/settings.yaml": "service_name: Bins\n",
    }))
    client = app.test_client()
    for _ in range(5):
        assert "Bins" in client.get("/about").text
        assert client.get("/book/done").status_code == 200
    assert len(state(app).files) == 3
