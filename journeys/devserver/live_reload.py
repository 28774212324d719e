"""Reloading the open browsers: livereload's websocket and client script, and the tag that loads it.

Only livereload's protocol handlers are used: its Server polls, runs pages one at a time and
ignores any change within 3 s of the last reload. Here the watcher decides when, and every
settled save reaches every browser.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, Response
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError

from journeys.devserver.watcher import EDITED, Batch
from journeys.web.security_headers import HEADERS

SCRIPT = b'<script src="/livereload.js"></script>'
# Kinds of file livereload.js can swap into the open page without reloading it.
LIVE_SUFFIXES = (".css", ".png", ".jpg", ".jpeg", ".gif")


def handlers() -> web.Application:
    """/livereload (the websocket livereload.js connects to) and /livereload.js itself."""
    logging.getLogger("livereload").setLevel(logging.WARNING)  # no line per connected browser
    return web.Application([(r"/livereload", LiveReloadHandler), (r"/livereload\.js", ClientScript)])


class ClientScript(LiveReloadJSHandler):
    """livereload.js, with the headers every other response of the server carries."""

    def set_default_headers(self) -> None:
        for name, value in HEADERS.items():
            self.set_header(name, value)


def load_client_in_pages(app: Flask) -> None:
    """Add livereload.js to every HTML page `app` makes, whatever its layout (error pages too)."""

    @app.after_request
    def add_livereload_script(response: Response) -> Response:
        if response.mimetype != "text/html" or response.direct_passthrough or response.is_streamed:
            return response
        html = response.get_data()
        at = html.find(b"</head>")
        if at < 0:
            at = html.find(b"</body>")
        response.set_data(html + SCRIPT if at < 0 else html[:at] + SCRIPT + html[at:])
        return response


def messages_for(batch: Batch, static: Path) -> list[dict]:
    """livereload messages for a batch of changes: swap edited stylesheets and images in place, else reload.

    A new stylesheet needs a new <link>, and a deleted one must go: both reload the page.
    """
    live = [path for path, what in batch.items()
            if what == {EDITED} and path.suffix.lower() in LIVE_SUFFIXES and path.is_relative_to(static)]
    if live and len(live) == len(batch):
        return [{"command": "reload", "path": "/static/" + path.relative_to(static).as_posix(),
                 "liveCSS": True, "liveImg": True} for path in sorted(live)]
    first = sorted(batch)[0] if batch else "*"
    return [{"command": "reload", "path": str(first), "liveCSS": False, "liveImg": False}]


class Browsers:
    """The browsers connected to /livereload. `reload` may be called from any thread."""

    def __init__(self, loop: IOLoop, static: Path):
        self.loop = loop
        self.static = static

    def reload(self, batch: Batch) -> None:
        self.loop.add_callback(self._send, messages_for(batch, self.static))

    @staticmethod
    def _send(messages: list[dict]) -> None:
        for browser in list(LiveReloadHandler.waiters):
            for message in messages:
                try:
                    browser.write_message(message)
                except WebSocketClosedError:
                    LiveReloadHandler.waiters.discard(browser)
                    break
