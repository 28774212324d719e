"""`journeys preview` (and `make preview`): the built prototype served by the real NGINX, as it will be published."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from journeys.site_checks.nginx import Nginx

DEFAULT_PORT = 8080


def main(argv: list[str] | None = None, prog: str = "journeys preview") -> int:
    """Serve a built site with NGINX and the shipped configuration until Ctrl-C; the exit status."""
    parser = argparse.ArgumentParser(prog=prog, description=main.__doc__)
    parser.add_argument("site", type=Path, nargs="?", default=Path("dist"), help="the built folder (default: dist/)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT})")
    parser.add_argument("--htpasswd", type=Path, help="ask for a name and password from this file")
    args = parser.parse_args(argv)
    return preview(args.site, args.port, args.htpasswd)


def preview(site: Path, port: int = DEFAULT_PORT, htpasswd: Path | None = None) -> int:
    if not (site / "index.html").is_file() and not (site / "404.html").is_file():
        print(f"There is no built prototype in {site}/: build it first (make build, or journeys build), "
              "then preview it.", file=sys.stderr)
        return 1
    _stop_on_kill_and_hang_up()
    try:
        # Ctrl-C may come at any moment once the address is printed, even before the wait:
        # leaving the `with` stops NGINX either way.
        with Nginx(site, port, htpasswd) as server:
            print(f"NGINX is serving {server.site} at {server.url} (Ctrl-C to stop)", flush=True)
            server.process.wait()
    except KeyboardInterrupt:
        pass
    except FileNotFoundError:
        print("Previewing needs NGINX, which this computer does not have. On Debian or Ubuntu: "
              "apt-get install nginx (as root).", file=sys.stderr)
        return 1
    except (PermissionError, RuntimeError) as error:
        print(f"NGINX could not serve {site}: {error}", file=sys.stderr)
        return 1
    return 0


def _stop_on_kill_and_hang_up() -> None:
    """kill, and closing the terminal, stop NGINX as Ctrl-C does (a hang-up nohup ignores stays ignored)."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
        signal.signal(signal.SIGHUP, interrupt)
