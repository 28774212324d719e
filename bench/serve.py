"""Benchmark of the dev server: start-up, save-to-reload, lost edits, pages per second, memory;
and 200 participants at once, on the dev server and gunicorn: no errors, no answer lost or mixed.

    .venv/bin/python bench/serve.py                  # Journeys' server, the baselines, then the participants
    .venv/bin/python bench/serve.py --quick          # Journeys' server only
    .venv/bin/python bench/serve.py --participants   # the participants only
    .venv/bin/python bench/serve.py --visible        # save to visible in Chromium: in place vs full reload

Baselines, measured in the same run on the same app and demo prototype: the Werkzeug
threaded server the foundation used, and python-livereload's own Server. Each server runs
in its own process; the load comes from 16 keep-alive clients in this process.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The example flow's first question: the first item's radios, with hints and a reveal.
QUESTION = "/bulky-waste/item-type?item=1"
CLIENTS = 16
LOAD_SECONDS = 5
LOAD_RUNS = 3
SAVES = 50
BURST_SAVES, BURST_SECONDS = 10, 3.0
HELLO = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
GUNICORN_WORKERS = 4
TARGETS = {"start": 1.0, "reload_median": 0.100, "lost": 0, "rate": 200, "p99": 0.100, "rss_mb": 100}


def demo_project() -> Path:
    """The example prototype as the tests keep it (a home page, a GOV.UK question page with radios, a summary) in a temp folder."""
    folder = Path(tempfile.mkdtemp(prefix="journeys-bench-")) / "prototype"
    for name in ("pages", "data"):
        shutil.copytree(ROOT / "tests/example" / name, folder / name)
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(kind: str, project: Path, ready: str = QUESTION) -> tuple[subprocess.Popen, str, float]:
    """Start a server; (process, url, seconds from start to the first 200 of the page `ready`)."""
    port = free_port()
    env = None
    if kind == "journeys":
        command = [sys.executable, str(ROOT / "serve.py"), "--project", str(project), "--port", str(port)]
    elif kind == "gunicorn":
        # As a hosted prototype runs: worker processes sharing one answers file.
        command = [sys.executable, "-m", "gunicorn", "--workers", str(GUNICORN_WORKERS), "--bind",
                   f"127.0.0.1:{port}", "journeys.wsgi:app"]
        env = {**os.environ, "JOURNEYS_PROJECT": str(project)}
    else:
        command = [sys.executable, __file__, "--baseline", kind, "--project", str(project), "--port", str(port)]
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            urllib.request.urlopen(url + ready, timeout=5).read()
            return process, url, time.perf_counter() - began
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"{kind} server exited with {process.returncode}")
            time.sleep(0.005)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def memory_mb(process: subprocess.Popen) -> tuple[float, float]:
    """(resident now, peak resident) in MB, from /proc: the process and its children (gunicorn's workers) together."""
    now = peak = 0.0
    pids = [process.pid]
    while pids:
        pid = pids.pop()
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
        now += int(fields["VmRSS"].split()[0]) / 1024
        peak += int(fields["VmHWM"].split()[0]) / 1024
        pids += [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return now, peak


# --- save to reload ---------------------------------------------------------------------------

async def connect(url: str):
    """A livereload client, registered like livereload.js: hello, then info with the page's URL."""
    from tornado.websocket import websocket_connect

    socket_ = await websocket_connect(url.replace("http://", "ws://") + "/livereload")
    await socket_.write_message(HELLO)
    await socket_.read_message()
    await socket_.write_message(json.dumps({"command": "info", "url": url + "/"}))
    await socket_.write_message(HELLO)  # answered only after the info is handled
    await socket_.read_message()
    return socket_


async def next_reload(socket_, timeout: float):
    while True:
        message = json.loads(await asyncio.wait_for(socket_.read_message(), timeout))
        if message.get("command") == "reload":
            return message


async def save_to_reload(url: str, page: Path, saves: int, settle: float) -> list[float]:
    """Seconds from writing `page` to the reload message, for each of `saves` saves."""
    socket_ = await connect(url)
    await asyncio.sleep(settle)
    while True:  # livereload's own server sends one reload soon after a browser connects
        try:
            await next_reload(socket_, 0.1)
        except asyncio.TimeoutError:
            break
    original, latencies = page.read_text(), []
    for number in range(saves):
        began = time.perf_counter()
        page.write_text(original + f"\n{{# save {number} #}}\n")
        try:
            await next_reload(socket_, 5)
            latencies.append(time.perf_counter() - began)
        except asyncio.TimeoutError:
            latencies.append(float("inf"))
        await asyncio.sleep(settle)
    socket_.close()
    page.write_text(original)
    return latencies


async def lost_edits(url: str, page: Path, settle: float) -> tuple[int, bool]:
    """Save 10 versions within 3 s; after each reload, fetch the page as a browser would.

    Returns (versions never shown by a reloaded page, whether the page ended on the last one).
    """
    from tornado.httpclient import AsyncHTTPClient

    socket_ = await connect(url)
    await asyncio.sleep(settle)
    original, shown = page.read_text(), []

    async def reload_and_look():
        while True:
            try:
                await next_reload(socket_, 2 + BURST_SECONDS)
            except asyncio.TimeoutError:
                return
            html = (await AsyncHTTPClient().fetch(url + "/", raise_error=False)).body.decode()
            shown.append(int(html.split("Version ", 1)[1].split("<", 1)[0]) if "Version " in html else 0)

    looking = asyncio.create_task(reload_and_look())
    for version in range(1, BURST_SAVES + 1):
        page.write_text(f'{{% extends "base.html" %}}{{% block content %}}<h1>Version {version}</h1>{{% endblock %}}')
        await asyncio.sleep(BURST_SECONDS / BURST_SAVES)
    await looking
    socket_.close()
    page.write_text(original)
    return BURST_SAVES - len(set(shown)), bool(shown) and shown[-1] == BURST_SAVES


# --- pages per second -------------------------------------------------------------------------

async def browse(host: str, port: int, request: bytes, until: float, latencies: list[float]) -> None:
    """One keep-alive client asking for the page again and again (reconnecting if the server closes)."""
    reader, writer = await asyncio.open_connection(host, port)
    while time.perf_counter() < until:
        began = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        headers = head.lower()
        length = int(headers.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        await reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 200"):
            raise SystemExit(f"the question page failed: {head[:40]!r}")
        latencies.append(time.perf_counter() - began)
        if b"connection: close" in headers:
            writer.close()
            reader, writer = await asyncio.open_connection(host, port)
    writer.close()


async def load(url: str, cookie: str, seconds: float) -> tuple[float, float, float]:
    """(pages per second, median latency, p99 latency) with CLIENTS clients for `seconds`."""
    parts = urllib.parse.urlsplit(url)
    request = (f"GET {QUESTION} HTTP/1.1\r\nHost: {parts.netloc}\r\nCookie: {cookie}\r\n"
               "Accept: text/html\r\n\r\n").encode()
    latencies: list[float] = []
    began = time.perf_counter()
    until = began + seconds
    await asyncio.gather(*(browse(parts.hostname, parts.port, request, until, latencies) for _ in range(CLIENTS)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    return len(latencies) / elapsed, statistics.median(latencies), latencies[int(len(latencies) * 0.99)]


def answer_cookie(url: str) -> str:
    """A session with an answer stored, as a researcher's browser has after the first question."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(url + QUESTION, data=b"item-type=Fridge+or+freezer").read()
    cookie = next(iter(jar))
    return f"{cookie.name}={cookie.value}"


def throughput(url: str) -> tuple[float, float, float]:
    """The median of LOAD_RUNS runs (by pages per second), after a warm-up."""
    cookie = answer_cookie(url)
    asyncio.run(load(url, cookie, 1))
    runs = sorted((asyncio.run(load(url, cookie, LOAD_SECONDS)) for _ in range(LOAD_RUNS)), key=lambda r: r[0])
    return runs[len(runs) // 2]


# --- rendering alone -------------------------------------------------------------------------

def render_rates(project: Path, pages: int = 300) -> tuple[float, float]:
    """Question pages a second through Flask's test client (one thread): Journeys' Jinja, then Flask's own."""
    import flask.templating

    sys.path.insert(0, str(ROOT))
    from journeys import create_app
    from journeys.rendering.environment import configure
    from journeys.web.state import state

    rates = []
    for plain in (False, True):
        app = create_app(project, SECRET_KEY="bench", ANSWERS_DB=str(project / ".journeys" / "render.sqlite3"))
        if plain:
            environment = flask.templating.Environment(app, **app.jinja_options)
            configure(environment, state(app).project)
            app.jinja_env = environment
        client = app.test_client()
        client.post(QUESTION, data={"item-type": "Fridge or freezer"})
        for _ in range(20):
            client.get(QUESTION)
        runs = []
        for _ in range(3):
            began = time.perf_counter()
            for _ in range(pages):
                client.get(QUESTION)
            runs.append(pages / (time.perf_counter() - began))
        rates.append(statistics.median(runs))
    return rates[0], rates[1]


# --- report -----------------------------------------------------------------------------------

def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at start")


def measure(kind: str, project: Path, reload_saves: int, settle: float) -> dict:
    """Every figure for one server; `reload_saves` 0 for a server that cannot reload browsers."""
    starts = []
    for _ in range(3):
        process, url, seconds = start(kind, project)
        starts.append(seconds)
        stop(process)
    process, url, _ = start(kind, project)
    try:
        figures = {"start": statistics.median(starts), "saves": reload_saves}
        if reload_saves:
            page = project / "pages" / "index.html"
            latencies = asyncio.run(save_to_reload(url, page, reload_saves, settle))
            figures["lost"], figures["last_shown"] = asyncio.run(lost_edits(url, page, settle))
            figures["reload_median"], figures["reload_worst"] = statistics.median(latencies), max(latencies)
        figures["rate"], figures["median"], figures["p99"] = throughput(url)
        figures["rss_mb"], figures["peak_mb"] = memory_mb(process)
    finally:
        stop(process)
    return figures


def ms(seconds: float) -> str:
    return "never" if seconds == float("inf") else f"{seconds * 1000:.0f} ms"


def report(results: dict) -> str:
    names = {"journeys": "Journeys (Tornado + 16 page threads)", "werkzeug": "Werkzeug threaded (foundation)",
             "livereload": "livereload Server"}
    rows = [
        ("start to first 200 (median of 3)", lambda r: f"{r['start']:.2f} s"),
        ("save to reload, median", lambda r: ms(r["reload_median"]) if r["saves"] else "no reloads"),
        ("save to reload, worst", lambda r: f"{ms(r['reload_worst'])} (of {r['saves']} saves)" if r["saves"] else "-"),
        (f"edits lost, {BURST_SAVES} saves in {BURST_SECONDS:.0f} s",
         lambda r: f"{r['lost']} (ends on the last: {'yes' if r['last_shown'] else 'no'})" if r["saves"] else "-"),
        (f"question pages/s, {CLIENTS} clients", lambda r: f"{r['rate']:.0f}"),
        ("latency median / p99", lambda r: f"{ms(r['median'])} / {ms(r['p99'])}"),
        ("resident memory (peak)", lambda r: f"{r['rss_mb']:.0f} MB ({r['peak_mb']:.0f} MB)"),
    ]
    kinds = list(results)
    lines = ["| | " + " | ".join(names[k] for k in kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
    lines += [f"| {label} | " + " | ".join(cell(results[k]) for k in kinds) + " |" for label, cell in rows]
    return "\n".join(lines)


def verdict(ours: dict) -> list[str]:
    checks = [
        ("first page under 1 s", ours["start"] < TARGETS["start"]),
        ("save-to-reload median under 100 ms", ours["reload_median"] < TARGETS["reload_median"]),
        ("zero lost edits, page ends on the last", ours["lost"] == 0 and ours["last_shown"]),
        ("at least 200 question pages/s", ours["rate"] >= TARGETS["rate"]),
        ("p99 under 100 ms", ours["p99"] < TARGETS["p99"]),
        ("resident memory under 100 MB", ours["peak_mb"] < TARGETS["rss_mb"]),
    ]
    return [f"{'PASS' if ok else 'FAIL'}  {name}" for name, ok in checks]


def participants_load() -> tuple[dict, list[str]]:
    """The participants on the dev server and on gunicorn, each with a fresh prototype; (figures, verdict)."""
    import participants

    results, lines = {}, []
    for kind in ("journeys", "gunicorn"):
        project = participants.write_project(Path(tempfile.mkdtemp(prefix="journeys-bench-")) / "prototype")
        process, url, _ = start(kind, project, ready="/apply/name")
        try:
            results[kind] = participants.measure(url)
            results[kind]["rss_mb"], results[kind]["peak_mb"] = memory_mb(process)
        finally:
            stop(process)
            shutil.rmtree(project.parent)
        figures = results[kind]
        ok = not figures["errors"] and figures["lost"] == 0 and figures["mixed"] == 0
        lines.append(f"{'PASS' if ok else 'FAIL'}  {kind}: {figures['participants']} participants, 0 errors, "
                     "0 answers lost or mixed" if ok else
                     f"FAIL  {kind}: {len(figures['errors'])} errors, {figures['lost']} answers lost, "
                     f"{figures['mixed']} mixed; first errors: {figures['errors'][:3]}")
    return results, lines


def participants_report(results: dict) -> str:
    names = {"journeys": "dev server (Tornado + 16 page threads)", "gunicorn": f"gunicorn, {GUNICORN_WORKERS} workers"}
    rows = [
        ("participants, all at once", lambda r: f"{r['participants']}"),
        ("requests (GET, POST, redirect)", lambda r: f"{r['requests']:,}"),
        ("errors", lambda r: f"{len(r['errors'])}"),
        ("answers lost / mixed", lambda r: f"{r['lost']} / {r['mixed']}"),
        ("time for all", lambda r: f"{r['seconds']:.1f} s"),
        ("requests/s", lambda r: f"{r['rate']:.0f}"),
        ("latency median / p99", lambda r: f"{ms(r['median'])} / {ms(r['p99'])}"),
        ("resident memory (peak)", lambda r: f"{r['rss_mb']:.0f} MB ({r['peak_mb']:.0f} MB)"),
    ]
    kinds = list(results)
    lines = ["| | " + " | ".join(names[k] for k in kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
    lines += [f"| {label} | " + " | ".join(cell(results[k]) for k in kinds) + " |" for label, cell in rows]
    return "\n".join(lines)


def run_baseline(kind: str, project: str, port: int) -> None:
    """Serve the same app the way a baseline does (run in its own process by `start`)."""
    import logging

    sys.path.insert(0, str(ROOT))
    from journeys import create_app

    app = create_app(project)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request: fair to it
    if kind == "werkzeug":
        from werkzeug.serving import make_server

        make_server("127.0.0.1", port, app, threaded=True).serve_forever()
    else:
        from livereload import Server

        server = Server(app.wsgi_app)
        server.watch(str(Path(project) / "pages"))
        server.serve(port=port, host="127.0.0.1", debug=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="measure Journeys' server only")
    parser.add_argument("--participants", action="store_true",
                        help="only the 200 participants, on the dev server and gunicorn")
    parser.add_argument("--visible", action="store_true",
                        help="only save to visible change in Chromium, morphed in place and reloaded (bench/save_to_visible.py)")
    parser.add_argument("--saves", type=int, default=20, help="with --visible: saves of each kind")
    parser.add_argument("--baseline", help=argparse.SUPPRESS)
    parser.add_argument("--project", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        run_baseline(args.baseline, args.project, args.port)
        return 0

    print(f"Machine: {machine()}\nCommand: {' '.join([Path(sys.executable).name, *sys.argv])}", flush=True)
    sys.path.insert(0, str(Path(__file__).parent))
    if args.visible:
        import save_to_visible

        load_before = os.getloadavg()
        results = save_to_visible.measure(args.saves)
        print(save_to_visible.report(results, args.saves, load_before, os.getloadavg()))
        return 0
    if args.participants:
        figures, lines = participants_load()
        print(participants_report(figures))
        print(f"Load average {os.getloadavg()[0]:.1f} at the end.")
        print("\n".join(lines))
        return 0 if all(line.startswith("PASS") for line in lines) else 1
    project = demo_project()
    try:
        results = {"journeys": measure("journeys", project, SAVES, 0.1)}
        if not args.quick:
            results["werkzeug"] = measure("werkzeug", project, 0, 0)
            # Its 3 s ignore window: saves 3.5 s apart, and only 5 of them.
            results["livereload"] = measure("livereload", project, 5, 3.5)
        fast, plain = render_rates(project)
    finally:
        shutil.rmtree(project.parent)
    print(report(results))
    print(f"\nRendering alone (test client, one thread): {fast:.0f} question pages/s with Journeys' Jinja "
          f"environment, {plain:.0f} with Flask's own ({fast / plain:.1f}x).")
    print(f"Load average {os.getloadavg()[0]:.1f} at the end.")
    lines = verdict(results["journeys"])
    if not args.quick:
        figures, more = participants_load()
        print("\n" + participants_report(figures))
        lines += more
    print("\n".join(lines))
    return 0 if all(line.startswith("PASS") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
