"""Answers in Redis: every instance sees the same answers, each session forgotten a set time after its last answer.

A session is one hash, `journeys:answers:<session id>`: a field per answer, its value as JSON.
Each write is one MULTI/EXEC sent in one round trip: the fields merge into the hash atomically
(two tabs posting at once both keep their answers) and the key's time to live starts again.
Redis forgets the key by itself when that runs out. A read is one HGETALL.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Iterable
from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from journeys.problems import Problem
from journeys.web.store_errors import AnswersUnavailable

PREFIX = "journeys:answers:"


def connect(url: str) -> redis.Redis:
    """A client for `url` that fails fast while Redis is away, and finds it again once it is back."""
    # One retry at once: after Redis restarts, the first use of each pooled connection finds it
    # closed and opens a new one, so nobody sees an error for that. Past it, a person waits at
    # most a couple of seconds before the page saying there is a problem.
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2, retry=Retry(NoBackoff(), 1))


class RedisAnswerStore:
    """The AnswerStore protocol (journeys/web/answer_store.py) on Redis."""

    def __init__(self, url: str, expire_after: float):
        self.url = url
        self.client = connect(url)
        self.expire_after = max(1, int(expire_after))

    def load(self, session_id: str) -> dict:
        with self._explained():
            fields = self.client.hgetall(PREFIX + session_id)
        return {name.decode(): json.loads(value) for name, value in fields.items()}

    def update(self, session_id: str, changes: dict, remove: Iterable[str] = ()) -> dict:
        key, gone = PREFIX + session_id, list(remove)
        with self._explained():
            step = self.client.pipeline(transaction=True)
            if changes:
                step.hset(key, mapping=_encoded(changes))
            if gone:
                step.hdel(key, *gone)
            step.expire(key, self.expire_after)
            step.hgetall(key)
            fields = step.execute()[-1]
        return {name.decode(): json.loads(value) for name, value in fields.items()}

    def replace(self, session_id: str, answers: dict) -> None:
        key = PREFIX + session_id
        with self._explained():
            step = self.client.pipeline(transaction=True)
            step.delete(key)
            if answers:
                step.hset(key, mapping=_encoded(answers))
                step.expire(key, self.expire_after)
            step.execute()

    def clear(self, session_id: str) -> None:
        with self._explained():
            self.client.delete(PREFIX + session_id)

    def ping(self) -> None:
        """Raise AnswersUnavailable unless Redis answers."""
        with self._explained():
            self.client.ping()

    @contextmanager
    def _explained(self):
        """Redis's errors as a problem naming the server (never its password) and what to do."""
        try:
            yield
        except redis.RedisError as error:
            raise AnswersUnavailable([Problem(
                "REDIS_URL", None, f"Redis at {where(self.url)} cannot be used: {error}",
                "Start Redis, or check REDIS_URL points at it. The prototype carries on by itself once Redis is back.",
            )]) from error


def _encoded(answers: dict) -> dict:
    return {name: json.dumps(value, ensure_ascii=False) for name, value in answers.items()}


def where(url: str) -> str:
    """The host, port and database of a Redis URL, without the user name or password."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}{parts.path or ''}"
