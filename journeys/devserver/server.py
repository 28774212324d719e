"""The server designers and researchers use: pages served concurrently, browsers reloaded on save.

One port serves everything. Tornado reads the requests; pages run in a pool of threads, so
several browsers are served at once and a slow page holds up no one else; livereload's
websocket shares the port, so a researcher's laptop on the network needs nothing more.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import sys
import threading
import webbrowser

from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets
from tornado.routing import AnyMatches, PathMatches, Rule, RuleRouter

from journeys.assets import idiomorph_file
from journeys.devserver import live_reload
from journeys.devserver.freshness import keep_fresh
from journeys.devserver.page_threads import PageThreads
from journeys.devserver.watcher import QUIET, FolderWatcher
from journeys.devserver.wsgi_threads import ThreadedWSGI
from journeys.problems import ContentError
from journeys.rendering.environment import DEFAULT_LAYOUTS
from journeys.web.app import create_app
from journeys.web.state import state

# Threads rendering pages. Enough for a room of researchers; Python runs one at a time anyway.
PAGE_THREADS = 16
ANY_ADDRESS = ("", "0.0.0.0", "::")
# Bodies past the app's limit are read and dropped, so the browser gets the page saying so;
# past this, the connection is closed instead.
MAX_READ = 1024 ** 3
# Connections waiting to be accepted: a room of browsers opening at once must not overflow it
# (an overflow costs a second: the browser's retry), as Tornado's default of 128 does.
BACKLOG = 1024
STOP_WAIT = 2  # seconds a page already rendering has to finish when the server is stopped


def serve(project_dir: str, host: str, port: int, open_browser: bool = False) -> int:
    """Serve the prototype in `project_dir` until Ctrl-C or SIGTERM; the exit status."""
    try:
        app = create_app(project_dir)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    try:
        sockets = bind_sockets(port, host or None, backlog=BACKLOG)
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        print(f"Port {port} is already in use. Stop the other server, or choose another port:\n"
              f"    make serve PORT={_free_after(port, host)}", file=sys.stderr)
        return 1
    port = sockets[0].getsockname()[1]
    shown = "127.0.0.1" if host in ANY_ADDRESS else f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}"
    try:
        asyncio.run(_serve(app, sockets, url, open_browser))
    except KeyboardInterrupt:  # Ctrl-C before the signal handlers are in place, or on Windows
        pass
    return 0


def _free_after(port: int, host: str, tries: int = 100) -> int:
    """The first port after `port` that nothing listens on: the one to suggest."""
    for candidate in range(port + 1, min(port + tries, 65535) + 1):
        try:
            for probe in bind_sockets(candidate, host or None):
                probe.close()
            return candidate
        except OSError:
            continue
    return port + 1


async def _serve(app, sockets, url: str, open_browser: bool) -> None:
    project = state(app).project
    forget_old_files = keep_fresh(app)
    # JOURNEYS_LIVE_UPDATE=reload: every save reloads the whole page, as before pages were morphed.
    idiomorph = None if os.environ.get("JOURNEYS_LIVE_UPDATE") == "reload" else idiomorph_file(project)
    live_reload.load_client_in_pages(app, update_in_place=idiomorph is not None)
    browsers = live_reload.Browsers(IOLoop.current(), project.static)

    def changed(batch) -> None:
        # Forget first: a browser that reloads must find the new files, never the old.
        forget_old_files(batch)
        browsers.reload(batch)

    # A tool that saves in slow steps (a sync client, a network drive) may need a longer wait.
    quiet = int(os.environ.get("JOURNEYS_RELOAD_DELAY_MS", QUIET * 1000)) / 1000
    folders = [project.pages, project.layouts, project.data, project.static, DEFAULT_LAYOUTS]
    watcher = FolderWatcher(folders, changed, quiet)
    pages = PageThreads(PAGE_THREADS)
    server = HTTPServer(RuleRouter([
        Rule(PathMatches(r"/livereload(\.js|/[a-z.-]+)?"), live_reload.handlers(idiomorph)),
        Rule(AnyMatches(), ThreadedWSGI(app, pages, max_body=app.config["MAX_CONTENT_LENGTH"])),
    ]), max_body_size=MAX_READ)
    server.add_sockets(sockets)
    watcher.start()
    print(f"Serving {project.root} at {url} (Ctrl-C to stop)\n"
          "Browsers reload when you save a file in pages/, layouts/, data/ or static/.", flush=True)
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    await _until_stopped()
    print("Stopping...", flush=True)
    server.stop()
    watcher.stop()
    pages.shutdown(wait=False, cancel_futures=True)
    try:
        await asyncio.wait_for(server.close_all_connections(), timeout=STOP_WAIT)
    except asyncio.TimeoutError:
        pass  # a page still rendering (or stuck): its daemon thread ends with the process


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        # Ctrl-C, kill, and closing the terminal.
        for signum in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)):
            loop.add_signal_handler(signum, stop.set)
    except NotImplementedError:
        pass  # Windows: Ctrl-C raises KeyboardInterrupt instead
    await stop.wait()
