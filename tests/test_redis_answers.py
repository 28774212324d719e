"""Answers in Redis behave as answers in SQLite do, with every instance seeing them, and forget themselves in time.

Each test runs Debian's redis-server on a free port (the `redis_server` fixture).
"""

from __future__ import annotations

import threading
import time

import pytest

from journeys.hosting.redis_answers import RedisAnswerStore
from journeys.web.answer_store import SQLiteAnswerStore
from journeys.web.store_errors import AnswersUnavailable

WEEK = 7 * 86400


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return SQLiteAnswerStore(tmp_path / "answers.sqlite3", WEEK)
    return RedisAnswerStore(request.getfixturevalue("redis_server").url, WEEK)


def test_both_stores_keep_merge_replace_and_clear_answers_alike(store):
    assert store.load("ada") == {}
    kept = store.update("ada", {"name": "Ada", "items": [{"item-type": "Sofa"}], "tags": [], "town": "Løkken £"})
    assert kept == store.load("ada") == {"name": "Ada", "items": [{"item-type": "Sofa"}], "tags": [], "town": "Løkken £"}
    assert store.update("ada", {"email": "ada@example.com"}, remove=["town", "never-given"]) == {
        "name": "Ada", "items": [{"item-type": "Sofa"}], "tags": [], "email": "ada@example.com"}
    assert store.update("ada", {"x": 1}, remove=["x"]) == store.load("ada")  # removing wins, as in SQLite
    assert "x" not in store.load("ada")
    store.replace("ada", {"only": "this"})
    assert store.load("ada") == {"only": "this"}
    assert store.load("grace") == {}
    store.clear("ada")
    assert store.load("ada") == {}


def test_two_tabs_posting_at_once_both_keep_their_answers(store):
    def post(number: int) -> None:
        for round_ in range(10):
            store.update("ada", {f"page-{number}": round_})

    tabs = [threading.Thread(target=post, args=(number,)) for number in range(8)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert store.load("ada") == {f"page-{number}": 9 for number in range(8)}


def test_every_instance_sees_the_same_answers(redis_server):
    one, other = RedisAnswerStore(redis_server.url, WEEK), RedisAnswerStore(redis_server.url, WEEK)
    one.update("ada", {"name": "Ada"})
    assert other.update("ada", {"email": "ada@example.com"}) == {"name": "Ada", "email": "ada@example.com"}
    assert one.load("ada") == {"name": "Ada", "email": "ada@example.com"}


def test_a_session_is_forgotten_its_time_after_its_last_answer(redis_server):
    import redis

    store = RedisAnswerStore(redis_server.url, 2)
    store.update("ada", {"name": "Ada"})
    time.sleep(1.2)
    store.update("ada", {"email": "ada@example.com"})  # a write starts the time again
    ttl = redis.Redis.from_url(redis_server.url).pttl("journeys:answers:ada")
    assert 1500 < ttl <= 2000
    time.sleep(1.2)
    assert store.load("ada") == {"name": "Ada", "email": "ada@example.com"}
    time.sleep(1.0)
    assert store.load("ada") == {}
    assert RedisAnswerStore(redis_server.url, WEEK).client.ttl("journeys:answers:grace") == -2  # nothing kept for ever


def test_redis_out_of_reach_is_a_problem_naming_it_without_its_password(redis_server):
    redis_server.stop()
    store = RedisAnswerStore(f"redis://:sekrit@127.0.0.1:{redis_server.port}/0", WEEK)
    began = time.monotonic()
    with pytest.raises(AnswersUnavailable) as raised:
        store.load("ada")
    assert time.monotonic() - began < 3  # a person waits a moment, not a minute
    problem = raised.value.problems[0]
    assert problem.file == "REDIS_URL" and f"127.0.0.1:{redis_server.port}/0" in problem.message
    assert "sekrit" not in str(raised.value)
    assert "Start Redis" in problem.fix


def test_the_store_finds_redis_again_by_itself_once_it_is_back(redis_server):
    store = RedisAnswerStore(redis_server.url, WEEK)
    store.update("ada", {"name": "Ada"})
    redis_server.stop()
    with pytest.raises(AnswersUnavailable):
        store.update("ada", {"email": "ada@example.com"})
    redis_server.start()
    # The pooled connection went with the old Redis: the first use after it is back still works.
    assert store.load("ada") == {"name": "Ada"}
    assert store.update("ada", {"email": "ada@example.com"}) == {"name": "Ada", "email": "ada@example.com"}
