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


TWO_PAGES = """
title: Two tabs
pages:
  first:
    title: First
    questions:
      - name: first
    next: second
  second:
    title: Second
    questions:
      - name: second
    next: done
  done:
    layout: confirmation
    title: Done
"""
SHOW = '{% extends "base.html" %}{% block content %}<p id="first">{{ data.first }}</p><p id="second">{{ data.second }}</p>{% endblock %}'
TRIALS = 100


def _post(url: str, path: str, cookie: str, fields: dict) -> tuple[int, str]:
    """(status, the session cookie it sets, if any) of a form's POST."""
    import http.client
    import urllib.parse

    host = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=20)
    connection.request("POST", path, urllib.parse.urlencode(fields),
                       {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (response.getheader("Set-Cookie") or "").split(";", 1)[0]


def two_tabs_at_once(url: str) -> list[str]:
    """One participant, two tabs: each trial posts two different pages at the same moment; what was lost."""
    import threading
    import urllib.request

    lost = []
    for trial in range(TRIALS):
        status, cookie = _post(url, "/tabs/first", "", {"first": "start"})  # a session, as the first answer makes
        assert status == 303 and cookie
        barrier = threading.Barrier(2)
        statuses = []

        def tab(path, fields):
            barrier.wait()
            statuses.append(_post(url, path, cookie, fields)[0])

        tabs = [threading.Thread(target=tab, args=("/tabs/first", {"first": f"one-{trial}"})),
                threading.Thread(target=tab, args=("/tabs/second", {"second": f"two-{trial}"}))]
        for thread in tabs:
            thread.start()
        for thread in tabs:
            thread.join()
        assert statuses == [303, 303]
        request = urllib.request.Request(url + "/show", headers={"Cookie": cookie})
        shown = urllib.request.urlopen(request).read().decode()
        for expected in (f'<p id="first">one-{trial}</p>', f'<p id="second">two-{trial}</p>'):
            if expected not in shown:
                lost.append(f"trial {trial}: {expected}")
    return lost


def test_two_tabs_posting_at_once_keep_both_answers_on_the_dev_server(make_project, live_server):
    """The tabs' requests run in two page threads: each must add to the other's answers, not replace them."""
    server = live_server(make_project({"pages/tabs.yaml": TWO_PAGES, "pages/show.html": SHOW}))
    assert two_tabs_at_once(server.url) == []


def test_two_tabs_posting_at_once_keep_both_answers_under_gunicorn(make_project, gunicorn_server):
    """Two worker processes share one answers file."""
    server = gunicorn_server(make_project({"pages/tabs.yaml": TWO_PAGES, "pages/show.html": SHOW}), workers=4)
    assert two_tabs_at_once(server.url) == []
