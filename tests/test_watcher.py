"""The watcher: a burst of events is one batch, and no change is ever dropped."""

import os
import queue
import threading

import pytest

from journeys.devserver.watcher import CREATED, DELETED, EDITED, QUIET, FolderWatcher


@pytest.fixture
def folders(tmp_path):
    for name in ("pages", "data"):
        (tmp_path / name).mkdir()
    return tmp_path


@pytest.fixture
def watch(folders):
    """Start a watcher on pages/, data/ and layouts/ (not there yet); its batches arrive in a queue."""
    watchers = []

    def start(on_change=None, quiet=QUIET):
        batches = queue.Queue()
        watcher = FolderWatcher([folders / "pages", folders / "data", folders / "layouts"], on_change or batches.put, quiet)
        watcher.start()
        watchers.append(watcher)
        return batches

    yield start
    for watcher in watchers:
        watcher.stop()


def test_a_burst_of_events_is_one_batch(folders, watch):
    batches = watch(quiet=0.3)  # a burst that this machine, however busy, makes in one go
    page = folders / "pages" / "index.html"
    page.write_text("one")
    page.write_text("two")
    (folders / "pages" / "new.html.tmp").write_text("three")
    os.replace(folders / "pages" / "new.html.tmp", page)
    (folders / "data" / "settings.yaml").write_text("phase: Beta\n")

    batch = batches.get(timeout=10)
    assert batch[page] >= {EDITED}
    assert batch[folders / "pages" / "new.html.tmp"] >= {CREATED, DELETED}
    assert batch[folders / "data" / "settings.yaml"] >= {CREATED}
    (folders / "data" / "last.yaml").write_text("")
    assert list(batches.get(timeout=10)) == [folders / "data" / "last.yaml"]


def test_a_save_while_a_batch_is_handled_comes_in_the_next_batch(folders, watch):
    handling, carry_on = threading.Event(), threading.Event()
    batches = queue.Queue()

    def slow_handler(batch):
        batches.put(batch)
        handling.set()
        carry_on.wait(timeout=10)

    watch(slow_handler)
    (folders / "pages" / "first.html").write_text("1")
    assert handling.wait(timeout=10)
    (folders / "pages" / "second.html").write_text("2")
    carry_on.set()
    assert list(batches.get(timeout=10)) == [folders / "pages" / "first.html"]
    assert list(batches.get(timeout=10)) == [folders / "pages" / "second.html"]


def test_editor_files_hidden_files_and_other_folders_are_not_changes(folders, watch):
    batches = watch()
    for name in ("pages/.index.html.swp", "pages/index.html~", "pages/4913", "pages/.git/HEAD", "other/x.html", "notes.txt"):
        (folders / name).parent.mkdir(exist_ok=True)
        (folders / name).write_text("x")
    (folders / "pages" / "_partial.html").write_text("partials are content")
    assert list(batches.get(timeout=10)) == [folders / "pages" / "_partial.html"]


def test_a_folder_made_while_watching_is_watched(folders, watch):
    batches = watch()
    (folders / "layouts").mkdir()
    assert list(batches.get(timeout=10)) == [folders / "layouts"]
    (folders / "layouts" / "base.html").write_text("mine")
    assert list(batches.get(timeout=10)) == [folders / "layouts" / "base.html"]


def test_a_folder_deleted_and_made_again_is_still_watched(folders, watch):
    import shutil

    batches = watch()
    shutil.rmtree(folders / "data")
    assert folders / "data" in batches.get(timeout=10)
    (folders / "data").mkdir()
    assert list(batches.get(timeout=10)) == [folders / "data"]
    (folders / "data" / "settings.yaml").write_text("phase: Beta\n")
    assert list(batches.get(timeout=10)) == [folders / "data" / "settings.yaml"]
