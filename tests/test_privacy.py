"""Answers are personal: NGINX's log never keeps them, the answers file is its owner's alone (issue 13, item 14)."""

import time
import urllib.request

from journeys.site_checks.nginx import Nginx

# What a participant without JavaScript sends to the frozen site: the answers in the address.
ANSWERS = "email=sam.jones%40example.com&phone=07700900123"


def test_nginx_logs_the_page_but_never_the_answers_in_its_address(example_builds):
    with Nginx(example_builds["/"]) as server:
        status, headers, _ = server.get(f"/bulky-waste/check-answers?{ANSWERS}",
                                        {"Referer": f"{server.url}/bulky-waste/contact?{ANSWERS}"})
        assert status == 200
        server.get(f"/nowhere?{ANSWERS}")
        # NGINX writes a request's log line once the response is sent: the client may read first.
        deadline = time.monotonic() + 10
        while '/nowhere' not in (log := (server.prefix / "access.log").read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        errors = (server.prefix / "error.log").read_text() if (server.prefix / "error.log").exists() else ""
    assert '"GET /bulky-waste/check-answers HTTP/1.1" 200' in log and '"GET /nowhere HTTP/1.1" 404' in log
    for kept in (log, errors):
        assert "sam.jones" not in kept and "07700900123" not in kept and "email=" not in kept


def test_nginx_does_not_say_its_version(frozen_example):
    status, headers, body = frozen_example.get("/nowhere")
    assert headers["Server"] == "nginx"
    assert b"nginx/" not in body


def test_the_answers_file_is_readable_by_its_owner_only(make_project, live_server, tmp_path):
    database = tmp_path / "private" / "answers.sqlite3"
    server = live_server(make_project({"pages/index.html": "<form method=post><input name=email></form>"}),
                         env={"JOURNEYS_ANSWERS_DB": str(database)})
    urllib.request.urlopen(server.url + "/", data=b"email=sam.jones%40example.com").read()
    files = [path for path in database.parent.iterdir() if path.name.startswith("answers.sqlite3")]
    assert database in files
    for path in files:  # the database, and its -wal and -shm beside it
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} is {oct(path.stat().st_mode & 0o777)}"
