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
    serve.add_argument("--host", default=os.environ.get("HOST") or "127.0.0.1")
    serve.add_argument("--port", type=int, default=os.environ.get("PORT") or "5000")
    serve.add_argument("--open", action="store_true", help="open the prototype in a browser")

    check = commands.add_parser("check", help="list every problem in the prototype's files")
    check.add_argument("--project", default=".", help="the prototype's folder (default: here)")

    args = parser.parse_args(argv)
    if args.command == "serve":
        from .dev_server import serve as run_server

        return run_server(args.project, args.host, args.port, open_browser=args.open)
    if args.command == "check":
        return run_check(args.project)
    return 2


def run_check(project_dir: str) -> int:
    """Print every problem in the prototype; exit 1 if there are any."""
    from .app import create_app
    from .problems import ContentError
    from .project_checks import check_project

    app = create_app(project_dir)
    project = app.extensions["journeys.project"]
    problems = check_project(project, app.jinja_env)
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(f"No problems found in {project.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
