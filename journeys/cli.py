"""The `journeys` command: serve a prototype, check it, or freeze it to static HTML."""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="journeys", description="GOV.UK prototypes from YAML page flows.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the prototype on this computer")
    serve.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "5000")))
    serve.add_argument("--open", action="store_true", help="open the prototype in a browser")

    build = commands.add_parser("build", help="freeze the prototype into static files for any web server")
    build.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    build.add_argument("--out", help="the folder to build into (default: dist/ in the prototype's folder)")
    build.add_argument("--base-url", default="/", help="the path the site is served under, such as "
                       "/my-prototype/ on GitHub Pages (default: /)")

    args = parser.parse_args(argv)
    if args.command == "serve":
        from .dev_server import serve as run_server

        return run_server(args.project, args.host, args.port, open_browser=args.open)
    if args.command == "build":
        return run_build(args.project, args.out, args.base_url)
    return 2


def run_build(project: str, out: str | None, base_url: str) -> int:
    """Build, printing progress and a summary; every problem and exit status 1 if the content has any."""
    from pathlib import Path

    from .build import build
    from .problems import ContentError

    out_folder = Path(out) if out else Path(project) / "dist"
    try:
        print(build(project, out_folder, base_url, report=lambda line: print(line, flush=True)), flush=True)
    except ContentError as error:
        print(f"The build stopped: {error.report()}", file=sys.stderr)
        print(f"Nothing was written: {out_folder}/ is as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\nThe build was interrupted: {out_folder}/ is as it was.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
