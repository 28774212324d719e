"""The `journeys` command: make a prototype, serve it, check it, or freeze it to static HTML."""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="journeys", description="GOV.UK prototypes from YAML page flows.")
    commands = parser.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="make a new prototype in a folder, ready to serve")
    new.add_argument("folder", help="the folder to make it in: a new one, or an empty one")

    serve = commands.add_parser("serve", help="serve the prototype on this computer")
    serve.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    serve.add_argument("--host", default=os.environ.get("HOST") or "127.0.0.1")
    serve.add_argument("--port", type=int, default=os.environ.get("PORT") or "5000")
    serve.add_argument("--open", action="store_true", help="open the prototype in a browser")

    check = commands.add_parser("check", help="list every problem in the prototype's files")
    check.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    check.add_argument("--browser", action="store_true",
                       help="also build it and check every page in Chromium: accessibility, HTML, links, scenarios")

    build = commands.add_parser("build", help="freeze the prototype into static files for any web server")
    build.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    build.add_argument("--out", help="the folder to build into (default: dist/ in the prototype's folder)")
    build.add_argument("--base-url", default="/", help="the path the site is served under, such as "
                       "/my-prototype/ on GitHub Pages (default: /)")

    commands.add_parser("nginx-config", help="print the NGINX configuration for a built prototype "
                        "(journeys nginx-config > prototype.conf)")
    preview = commands.add_parser("preview", help="serve the built prototype with NGINX, as it will be published")
    preview.add_argument("site", nargs="?", default="dist", help="the built folder (default: dist/)")
    preview.add_argument("--port", default="8080")
    preview.add_argument("--htpasswd", help="ask for a name and password from this file")

    args = parser.parse_args(argv)
    if args.command in ("serve", "build"):
        warn_if_not_a_prototype(args.project)
    if args.command == "new":
        return run_new(args.folder)
    if args.command == "nginx-config":
        from journeys.site_checks.nginx import SHIPPED_CONFIG

        print(SHIPPED_CONFIG.read_text(encoding="utf-8"), end="")
        return 0
    if args.command == "preview":
        from journeys.site_checks.preview import main as run_preview

        return run_preview([args.site, "--port", args.port, *(["--htpasswd", args.htpasswd] if args.htpasswd else [])])
    if args.command == "serve":
        from journeys.devserver.server import serve as run_server

        return run_server(args.project, args.host, args.port, open_browser=args.open)
    if args.command == "build":
        return run_build(args.project, args.out, args.base_url)
    if args.command == "check":
        return run_check(args.project, browser=args.browser)
    return 2


def warn_if_not_a_prototype(project: str) -> None:
    """Say so when the folder has no pages/: most often, the command was typed in the wrong folder."""
    from pathlib import Path

    if not (Path(project) / "pages").is_dir():
        print(f"{Path(project).resolve()} has no pages/ folder, so there is nothing of yours to show. "
              "Is this the prototype's folder? To make a new prototype: journeys new my-prototype", file=sys.stderr)


def run_check(project_dir: str, browser: bool = False) -> int:
    """Print every problem in the prototype (and, with `browser`, on its pages); exit 1 if there are any."""
    from journeys.problems import ContentError, plural
    from journeys.project import Project
    from journeys.prototype import read_prototype
    from journeys.prototype_checks import check_prototype, check_published

    project = Project.at(project_dir)
    if not project.pages.is_dir():
        print(f"There is no prototype in {project.root}: it has no pages/ folder. Run 'journeys check' in the "
              "prototype's folder, or name it: journeys check --project my-prototype", file=sys.stderr)
        return 1
    model = read_prototype(project)
    problems, warnings = check_prototype(model), check_published(model)
    if warnings:
        print("\n".join([f"{plural(len(warnings), 'warning')}: the published prototype differs here", *map(str, warnings)]))
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(f"No problems found in {project.root}")
    if browser:
        from journeys.site_checks.run import check_in_browser
        from journeys.site_checks.tools import MissingTools

        try:
            return 1 if check_in_browser(project.root) else 0
        except MissingTools as missing:
            print(missing, file=sys.stderr)
            return 1
    return 0


def run_new(folder: str) -> int:
    """Make the starter prototype in `folder` and say what to type next; 1 if the folder has files."""
    import shlex

    from journeys.starter import FolderNotEmpty, create

    try:
        made = create(folder)
    except FolderNotEmpty as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Made a new prototype in {made}\n\nTo see it, type:\n  cd {shlex.quote(folder)}\n  journeys serve\n"
          "then open http://127.0.0.1:5000 in your browser. Its README.md says what goes where.")
    return 0


def run_build(project: str, out: str | None, base_url: str) -> int:
    """Build, printing progress and a summary; every problem and exit status 1 if the content has any."""
    from pathlib import Path

    from journeys.build.freeze_site import build
    from journeys.problems import ContentError

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
