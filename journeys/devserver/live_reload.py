"""Updating the open browsers: livereload's websocket and client script, and the tags that load them.

Only livereload's protocol handlers are used: its Server polls, runs pages one at a time and
ignores any change within 3 s of the last reload. Here the watcher decides when, and every
settled save reaches every browser. With idiomorph installed, a page shown by a GET also loads
client/live-update.js, which morphs the page in place instead of reloading it (it says when it
reloads instead).
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, Response, request
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError

from journeys.devserver.watcher import EDITED, Batch
from journeys.web.security_headers import HEADERS

SCRIPT = b'<script src="/livereload.js"></script>'
# As the body ends: live-update.js keeps the page as the server sent it, before any module ran.
UPDATE_SCRIPTS = b'<script src="/livereload/idiomorph.min.js"></script><script src="/livereload/live-update.js"></script>'
LIVE_UPDATE = Path(__file__).parent / "client" / "live-update.js"
# Kinds of file livereload.js can swap into the open page without reloading it.
LIVE_SUFFIXES = (".css", ".png", ".jpg", ".jpeg", ".gif")


def handlers(idiomorph: Path | None = None) -> web.Application:
    """/livereload (the websocket livereload.js connects to), /livereload.js, and the in-place update's scripts."""
    logging.getLogger("livereload").setLevel(logging.WARNING)  # no line per connected browser
    routes = [(r"/livereload", LiveReloadHandler), (r"/livereload\.js", ClientScript)]
    if idiomorph is not None:
        routes += [(r"/livereload/(idiomorph\.min\.js)", OneFile, {"path": idiomorph}),
                   (r"/livereload/(live-update\.js)", OneFile, {"path": LIVE_UPDATE})]
    return web.Application(routes)


class ClientScript(LiveReloadJSHandler):
    """livereload.js, with the headers every other response of the server carries."""

    def set_default_headers(self) -> None:
        for name, value in HEADERS.items():
            self.set_header(name, value)


class OneFile(web.RequestHandler):
    """One script, read afresh each time (a browser asks once per page), with the server's headers."""

    def initialize(self, path: Path) -> None:
        self.path = path

    def set_default_headers(self) -> None:
        for name, value in HEADERS.items():
            self.set_header(name, value)

    def get(self, name: str) -> None:
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        self.write(self.path.read_bytes())


def load_client_in_pages(app: Flask, update_in_place: bool = False) -> None:
    """Add livereload.js to every HTML page `app` makes, whatever its layout (error pages too).

    With `update_in_place`, a page shown by a GET also gets the scripts that morph it on save
    (a page shown in answer to a form is reloaded whole, as the browser would send the form again).
    """

    @app.after_request
    def add_livereload_script(response: Response) -> Response:
        if response.mimetype != "text/html" or response.direct_passthrough or response.is_streamed:
            return response
        html = response.get_data()
        at = html.find(b"</head>")
        if at < 0:
            at = html.find(b"</body>")
        html = html + SCRIPT if at < 0 else html[:at] + SCRIPT + html[at:]
        if update_in_place and request.method == "GET":
            end = html.rfind(b"</body>")
            html = html + UPDATE_SCRIPTS if end < 0 else html[:end] + UPDATE_SCRIPTS + html[end:]
        response.set_data(html)
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
    # A file in static/ (a script, a font) is named by its URL: live-update.js leaves it to a full reload.
    in_static = sorted(path for path in batch if path.is_relative_to(static))
    first = "/static/" + in_static[0].relative_to(static).as_posix() if in_static else sorted(batch)[0] if batch else "*"
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
