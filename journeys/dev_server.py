"""The local server designers and researchers use: threaded, so several browsers are served at once."""

from __future__ import annotations

import errno
import sys
import webbrowser

from werkzeug.serving import make_server

from .app import create_app


def serve(project_dir: str, host: str, port: int, open_browser: bool = False) -> int:
    app = create_app(project_dir)
    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as error:
        if error.errno == errno.EADDRINUSE or "in use" in str(error):
            print(f"Port {port} is already in use. Stop the other server, or choose another port:\n"
                  f"    make serve PORT={port + 1}", file=sys.stderr)
            return 1
        raise
    url = f"http://{host}:{port}"
    print(f"Serving {app.extensions['journeys.project'].root} at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
