"""Parsed files are read once per change, however callers pass their reader."""

from journeys.file_cache import FileCache


def test_a_file_is_read_again_only_after_it_changes(tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_text("one")
    cache, reads = FileCache(), []

    def get():
        # A fresh closure on every call, as request handlers make them.
        return cache.get(path, "flow", lambda p: reads.append(p.read_text()) or p.read_text())

    assert [get(), get(), get()] == ["one", "one", "one"]
    path.write_text("two, longer")
    assert get() == "two, longer"
    assert reads == ["one", "two, longer"]
    assert len(cache._entries) == 1


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
