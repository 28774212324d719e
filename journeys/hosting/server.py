"""`journeys host`: the prototype served by gunicorn in production mode, after checking everything it needs."""

from __future__ import annotations

import errno
import gc
import socket
import sys

from gunicorn.app.base import BaseApplication

from journeys.hosting.gunicorn_config import gunicorn_settings
from journeys.hosting.redis_answers import RedisAnswerStore, where
from journeys.hosting.settings import HostSettings
from journeys.problems import ContentError
from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.prototype_checks import check_prototype
from journeys.web.store_errors import AnswersUnavailable


class HostedPrototype(BaseApplication):
    """gunicorn running the hosted app, configured in Python rather than by a file or its own options."""

    def __init__(self, settings: HostSettings, access_log: bool = True):
        self.settings = settings
        self.access_log = access_log
        super().__init__()

    def load_config(self) -> None:
        for name, value in gunicorn_settings(self.settings, self.access_log).items():
            self.cfg.set(name, value)

    def load(self):
        from journeys.hosting.app import create_hosted_app
        from journeys.hosting.warm_up import warm_up

        app = create_hosted_app(self.settings)
        warm_up(app, app.extensions["journeys_passes"])
        # What the master holds stays shared with the workers: the collector never touches it, so
        # it is never copied into each worker's memory (Python's gc.freeze, made for pre-forking).
        gc.collect()
        gc.freeze()
        return app


def host(settings: HostSettings, access_log: bool = True) -> int:
    """Check the prototype, the port and Redis, then serve until stopped; the exit status."""
    problems = check_prototype(read_prototype(Project.at(settings.project)))
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        print("A hosted prototype must have no problems: fix them (journeys check lists them), then start again.",
              file=sys.stderr)
        return 1
    if not _port_free(settings.host, settings.port):
        print(f"Port {settings.port} is already in use. Stop what is using it, or choose another: "
              f"journeys host --port {settings.port + 1}", file=sys.stderr)
        return 1
    print(describe(settings), flush=True)
    if settings.redis_url:
        probe = RedisAnswerStore(settings.redis_url, settings.forget_after)
        try:
            probe.ping()
        except AnswersUnavailable as error:
            # Not a reason to stop: pages say there is a problem until Redis is there, then work.
            print(f"Warning: {error.problems[0]}", file=sys.stderr, flush=True)
        finally:
            probe.client.close()  # the workers open their own connections
    HostedPrototype(settings, access_log).run()
    return 0


def describe(settings: HostSettings) -> str:
    """What is served, where, and what is kept for how long: the first lines of the log."""
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    answers = (f"in Redis at {where(settings.redis_url)}" if settings.redis_url
               else f"in {settings.answers_db} (one machine only: set REDIS_URL for more)")
    days = settings.forget_after / 86400
    kept = f"{days:g} days" if days >= 1 else f"{settings.forget_after / 3600:g} hours"
    return (f"Hosting {settings.project} at http://{shown}:{settings.port} with {settings.workers} workers\n"
            f"Password: {'required' if settings.password else 'none (--public): anyone with the address can see it'}\n"
            f"Answers: {answers}, each session's forgotten {kept} after its last answer")


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True
