"""Parsed files are read once, until they change, even when each caller passes a new lambda."""

import os

from journeys.file_cache import FileCache


def test_a_file_is_read_once_until_it_changes(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("service_name: One\n")
    reads = []
    cache = FileCache()

    def get():  # as app.py calls it: a new lambda on every request
        return cache.get(path, lambda p: reads.append(p) or p.read_text())

    assert get() == get() == "service_name: One\n"
    assert len(reads) == 1
    path.write_text("service_name: Two, longer\n")
    os.utime(path, ns=(1, 1))
    assert get() == "service_name: Two, longer\n" and len(reads) == 2
