"""Races: processes and tabs doing the same thing at the same moment lose nothing (issue 13, items 2 and 3)."""

import multiprocessing

from journeys.web.config import stored_secret_key

ROUNDS = 30
PROCESSES = 4


def _start_and_read_key(folder, barrier, keys) -> None:
    barrier.wait()  # every process asks for the key at the same instant, as gunicorn's workers do
    keys.put(stored_secret_key(folder))


def test_processes_starting_at_the_same_instant_share_one_secret_key(tmp_path):
    fork = multiprocessing.get_context("fork")
    for round_number in range(ROUNDS):
        folder = tmp_path / f"round-{round_number}" / ".journeys"
        barrier, keys = fork.Barrier(PROCESSES), fork.Queue()
        processes = [fork.Process(target=_start_and_read_key, args=(folder, barrier, keys)) for _ in range(PROCESSES)]
        for process in processes:
            process.start()
        seen = [keys.get(timeout=20) for _ in processes]
        for process in processes:
            process.join(timeout=20)
        assert len(set(seen)) == 1 and len(seen[0]) == 64, f"round {round_number}: {seen}"
        assert (folder / "secret-key").read_text() == seen[0]
        assert sorted(p.name for p in folder.iterdir()) == ["secret-key"]  # no drafts left behind
        assert (folder / "secret-key").stat().st_mode & 0o077 == 0
