"""The `journeys` command: make a prototype, serve it, check it, freeze it to static HTML, host it for research,
draw a flow's map or photograph its pages."""

from __future__ import annotations

import argparse
import gc
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

    host = commands.add_parser("host", help="host the prototype for research with gunicorn: a password, "
                               "participant links, answers in Redis (docs/hosting.md)")
    host.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    host.add_argument("--host", help="the address to listen on (default: $HOST, else 127.0.0.1)")
    host.add_argument("--port", type=int, help="the port to listen on (default: $PORT, else 8000)")
    host.add_argument("--workers", type=int, help="worker processes (default: $WEB_CONCURRENCY, else 2 per core + 1)")
    host.add_argument("--public", action="store_true", help="ask for no password: anyone with the address can see it")
    host.add_argument("--forget-after", help="forget a session's answers this long after its last answer: "
                      "30m, 12h, 7d, 2w (default: $JOURNEYS_FORGET_AFTER, else 7d)")
    host.add_argument("--no-access-log", action="store_true", help="log no line per request (NGINX in front logs them)")

    link = commands.add_parser("link", help="print a participant link: it lets one person in without the "
                               "password, with a scenario's answers")
    link.add_argument("scenario", nargs="?", help="the scenario to start (default: none, at the home page)")
    link.add_argument("--project", default=".", help="the prototype's folder (default: here)")
    link.add_argument("--expires", default="24h", help="how long the link works: 30m, 2h, 7d (default: 24h)")
    link.add_argument("--base-url", help="the prototype's address as participants open it "
                      "(default: $JOURNEYS_BASE_URL, else http://127.0.0.1:8000)")
    link.add_argument("--count", type=int, default=1, help="how many links to print, one a line (default: 1)")

    nginx = commands.add_parser("nginx-config", help="print the NGINX configuration for a built prototype "
                                "(journeys nginx-config > prototype.conf), or with --host for hosted instances")
    nginx.add_argument("--host", action="store_true", help="the configuration for `journeys host` instances, "
                       "with this machine's folders filled in")
    nginx.add_argument("--project", default=".", help="with --host: the prototype's folder (default: here)")
    nginx.add_argument("--upstream", action="append", help="with --host: an instance's address, once for each "
                       "(default: 127.0.0.1:8001 and 127.0.0.1:8002)")

    preview = commands.add_parser("preview", help="serve the built prototype with NGINX, as it will be published")
    preview.add_argument("site", nargs="?", default="dist", help="the built folder (default: dist/)")
    preview.add_argument("--port", default="8080")
    preview.add_argument("--htpasswd", help="ask for a name and password from this file")

    journey_map = commands.add_parser("map", help="draw a flow's journey map as SVG (also at /_journeys/map)")
    journey_map.add_argument("flow", help="the flow's address, such as bulky-waste")
    journey_map.add_argument("-o", "--out", help="the file to write, such as map.svg (default: print it)")
    journey_map.add_argument("--scenario", help="draw this scenario's path in blue")
    journey_map.add_argument("--project", default=".", help="the prototype's folder (default: here)")

    storyboard = commands.add_parser("storyboard", help="photograph every page along each scenario's path in "
                                     "Chromium, with error states: PNGs, a contact sheet and a PDF")
    storyboard.add_argument("flow", nargs="?", help="only this flow (default: every flow)")
    storyboard.add_argument("--scenario", help="only this scenario's path")
    storyboard.add_argument("--out", help="the folder to write into (default: storyboard/ in the prototype's folder)")
    storyboard.add_argument("--project", default=".", help="the prototype's folder (default: here)")

    args = parser.parse_args(argv)
    if args.command in ("serve", "build", "host", "map", "storyboard"):  # check fails on its own, saying so
        warn_if_not_a_prototype(args.project)
    if args.command == "new":
        return run_new(args.folder)
    if args.command == "nginx-config":
        return run_nginx_config(args.host, args.project, args.upstream)
    if args.command == "host":
        return run_host(args)
    if args.command == "link":
        from journeys.hosting.link_command import print_links

        return print_links(args.project, args.scenario, args.expires, args.base_url, args.count)
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
    if args.command == "map":
        from journeys.designer_tools.map_file import write_map

        return write_map(args.project, args.flow, args.out, args.scenario)
    if args.command == "storyboard":
        from journeys.designer_tools.storyboard import run_storyboard

        return run_storyboard(args.project, args.flow, args.scenario, args.out)
    return 2


def run_host(args) -> int:
    """Check the settings and the prototype, then serve it with gunicorn until stopped."""
    if sys.platform == "win32":
        print("journeys host needs Linux or macOS: gunicorn does not run on Windows. Use WSL, or a Linux server "
              "(docs/hosting.md).", file=sys.stderr)
        return 1
    from journeys.hosting.server import host
    from journeys.hosting.settings import from_options
    from journeys.problems import ContentError

    try:
        settings = from_options(args.project, port=args.port, host=args.host, workers=args.workers,
                                public=args.public, forget_after=args.forget_after)
    except ContentError as error:
        print(f"The prototype cannot be hosted yet. {error.report()}", file=sys.stderr)
        return 1
    try:
        return host(settings, access_log=not args.no_access_log)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1


def run_nginx_config(hosted: bool, project: str, upstreams: list[str] | None) -> int:
    """Print the frozen site's NGINX configuration, or the hosted instances' one for this machine."""
    if not hosted:
        from journeys.site_checks.nginx import SHIPPED_CONFIG

        print(SHIPPED_CONFIG.read_text(encoding="utf-8"), end="")
        return 0
    from journeys.hosting.nginx_config import DEFAULT_UPSTREAMS, host_config
    from journeys.problems import ContentError

    try:
        print(host_config(project, upstreams or DEFAULT_UPSTREAMS), end="")
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 0


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
    # Nothing is left to collect: without this, Python's last garbage collection on the way out
    # looks through the whole prototype, 0.3 s at 10,000 pages.
    gc.freeze()
    return 0


if __name__ == "__main__":
    sys.exit(main())
