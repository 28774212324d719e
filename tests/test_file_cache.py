"""Parsed files are kept until they change: read once, re-read after an edit, forgotten on clear()."""

import os

from journeys.file_cache import FileCache


def test_a_file_is_read_once_until_it_changes(tmp_path):
    reads = []

    def read(path, name):
        reads.append(name)
        return path.read_text()

    path = tmp_path / "settings.yaml"
    path.write_text("phase: Alpha\n")
    files = FileCache()
    assert [files.get(path, read, "data/settings.yaml") for _ in range(3)] == ["phase: Alpha\n"] * 3
    assert reads == ["data/settings.yaml"]

    path.write_text("phase: Beta\n")
    os.utime(path, ns=(1, 1))  # even a file whose time goes backwards is read again
    assert files.get(path, read, "data/settings.yaml") == "phase: Beta\n"
    assert len(reads) == 2

    files.clear()
    files.get(path, read, "data/settings.yaml")
    assert len(reads) == 3 and len(files) == 1


def test_every_request_finds_the_settings_and_pages_it_parsed_before(make_project, make_app):
    app = make_app(make_project({
        "pages/about.md": "# About\n\nText\n",
        "data/settings.yaml": "service_name: Bins\n",
    }))
    client = app.test_client()
    for _ in range(5):
        assert "Bins" in client.get("/about").text
    assert len(app.extensions["journeys.files"]) == 2
