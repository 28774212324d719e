"""Benchmark of hosted prototypes: 200 participants at once, each walking the example journey with
their own session, through NGINX to two `journeys host` instances sharing Redis; then, in the same run,
one instance with its answers in SQLite and no NGINX.

    .venv/bin/python bench/host.py                         # 200 participants, 30 s, 3 runs of each setup
    .venv/bin/python bench/host.py --participants 50 --seconds 10 --runs 1

Each participant opens its own participant link (a fresh session), then walks the booking
journey again and again until the time is up, as a browser does: GET a page, read its form
token, think, POST the page's answers, follow the redirect. Every walk's answers are its own
(a mark like P017W3 in the address, notes and email); at the end of each walk the participant
reads its own check your answers page: an answer of this walk missing is lost, one of another
participant's is mixed up. Then it clears its answers and starts again. Keep-alive connections,
gzip and an Origin header, as a browser sends them; the load runs in this process, on the same
cores as the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import statistics
import sys
import time
import urllib.parse
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from host_stack import SECRET_KEY, HostInstance, HostStack, public_copy_of_example  # noqa: E402

from journeys.hosting.tokens import make_link  # noqa: E402

PARTICIPANTS = 200
SECONDS = 30
THINK = 0.5  # seconds a participant reads and fills a page, on average (from 0.25 to 0.75)
WORKERS = 2  # gunicorn workers per instance
# Runs of each setup, taking turns: the machine is shared, and the run that shared it least is
# reported (every run counts for errors and answers).
RUNS = 3
TARGETS = {"rate": 500, "p99": 0.250}
CLIENTS = 16  # for the pages-only measure, as bench/serve.py
TOKEN = re.compile(rb'name="_csrf" value="([^"]+)"')
MARK = re.compile(r"P(\d{3})W(\d+)")


class Browser:
    """One participant's browser: its cookies, and one keep-alive connection (opened again when closed)."""

    def __init__(self, host: str, port: int, figures: dict):
        self.host, self.port, self.figures = host, port, figures
        self.origin = f"http://{host}:{port}"
        self.cookies: dict[str, str] = {}
        self.reader = self.writer = None

    async def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Accept: text/html",
                "Accept-Encoding: gzip", "User-Agent: bench/host.py"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if form is not None:
            head += [f"Origin: {self.origin}", "Content-Type: application/x-www-form-urlencoded",
                     f"Content-Length: {len(body)}"]
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        began = time.perf_counter()
        for attempt in (1, 2):
            fresh = self.writer is None
            if fresh:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(data)
                status, headers, content = await asyncio.wait_for(self._response(), 10)
                break
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if fresh or attempt == 2:  # a kept-alive connection the server had just closed: once more
                    raise
        elapsed = time.perf_counter() - began
        self.figures["latencies"].append(elapsed)
        if method == "GET" and status == 200:
            self.figures["page_latencies"].append(elapsed)
        for cookie in headers.get("set-cookie", []):
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name] = value
        if "close" in headers.get("connection", [""])[0].lower():
            self.close()
        if headers.get("content-encoding", [""])[0] == "gzip":
            content = zlib.decompress(content, 31)
        return status, headers, content.decode("utf-8", "replace")

    async def _response(self) -> tuple[int, dict, bytes]:
        top = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers: dict[str, list[str]] = {}
        for line in top[1:]:
            if line:
                name, _, value = line.partition(":")
                headers.setdefault(name.strip().lower(), []).append(value.strip())
        if "content-length" in headers:
            content = await self.reader.readexactly(int(headers["content-length"][0]))
        elif "chunked" in headers.get("transfer-encoding", [""])[0]:
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            await self.reader.readuntil(b"\r\n")
            content = b"".join(parts)
        else:
            content = await self.reader.read()
        return int(top[0].split()[1]), headers, content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def participant(url: str, who: int, until: float, figures: dict) -> None:
    parts = urllib.parse.urlsplit(url)
    browser = Browser(parts.hostname, parts.port, figures)

    def fail(what: str) -> None:
        figures["errors"].append(f"participant {who}: {what}")

    async def get(path: str) -> str:
        status, _, html = await browser.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} gave {status}")
        figures["pages"] += 1
        return html

    async def answer(path: str, html: str, form: dict) -> str:
        """Think, POST the page's form with its token, follow the redirect; the next page."""
        await asyncio.sleep(random.uniform(THINK / 2, THINK * 1.5))
        token = TOKEN.search(html.encode())
        if token is None:
            raise RuntimeError(f"no form token on the page before POST {path}")
        status, headers, _ = await browser.request("POST", path, {**form, "_csrf": token[1].decode()})
        if status != 303:
            raise RuntimeError(f"POST {path} gave {status}")
        return await get(headers["location"][0])

    try:
        await asyncio.sleep(random.uniform(0, THINK))  # people arrive over half a second, not in one instant
        link = make_link(SECRET_KEY, url, None, 3600)
        status, headers, _ = await browser.request("GET", urllib.parse.urlsplit(link).path + "?" + urllib.parse.urlsplit(link).query)
        if status != 303:
            raise RuntimeError(f"the participant link gave {status}")
        html = await get(headers["location"][0])
        walk = 0
        while time.perf_counter() < until:
            walk += 1
            mark = f"P{who:03d}W{walk}"
            mine = [f"Notes {mark}", f"{mark} Mill Lane", f"Town {mark}", f"{mark.lower()}@example.com"]
            html = await get("/bulky-waste/item-type?item=1")
            html = await answer("/bulky-waste/item-type?item=1", html, {"item-type": "Sofa or armchair", "_item": "1"})
            html = await answer("/bulky-waste/item-details?item=1", html, {
                "item-size": "Needs two people to carry", "item-notes": mine[0], "_item": "1"})
            html = await answer("/bulky-waste/items", html, {"_add-another": "No"})
            html = await answer("/bulky-waste/address", html, {
                "address-line-1": mine[1], "address-town": mine[2], "address-postcode": "HX7 8AA"})
            html = await answer("/bulky-waste/collection-date", html, {
                "collection-date-day": "3", "collection-date-month": "3", "collection-date-year": "2031"})
            html = await answer("/bulky-waste/council-tax-reduction", html, {"council-tax-reduction": "No"})
            html = await answer("/bulky-waste/contact", html, {"contact-method": "Email", "email": mine[3]})
            if "Check your answers before booking" not in html:
                raise RuntimeError("the journey did not end on check your answers")
            figures["walks"] += 1
            figures["lost"] += sum(1 for value in mine if value not in html)
            figures["mixed"] += sum(1 for found in MARK.finditer(html) if found[0] != mark)
            await answer("/clear-answers", html, {})
    except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, RuntimeError, ValueError, KeyError) as error:
        fail(f"{type(error).__name__}: {error}")
    finally:
        browser.close()


async def load(url: str, participants: int, seconds: float) -> dict:
    figures = {"latencies": [], "page_latencies": [], "errors": [], "pages": 0, "walks": 0, "lost": 0, "mixed": 0}
    began = time.perf_counter()
    await asyncio.gather(*(participant(url, who, began + seconds, figures) for who in range(participants)))
    elapsed = time.perf_counter() - began
    latencies = sorted(figures["latencies"])
    figures.update(seconds=elapsed, requests=len(latencies), rate=len(latencies) / elapsed,
                   page_rate=figures["pages"] / elapsed, median=statistics.median(latencies),
                   p99=latencies[int(len(latencies) * 0.99)], worst=latencies[-1])
    return figures


async def pages_only(url: str, seconds: float, clients: int = CLIENTS) -> dict:
    """Question pages a second with `clients` keep-alive clients sharing one session: the Prototype Kit's measure."""
    parts = urllib.parse.urlsplit(url)
    figures = {"latencies": [], "page_latencies": [], "errors": []}
    first = Browser(parts.hostname, parts.port, figures)
    link = urllib.parse.urlsplit(make_link(SECRET_KEY, url, "fridge-with-reduction", 3600))
    await first.request("GET", f"{link.path}?{link.query}")
    first.close()

    async def client(until: float) -> None:
        browser = Browser(parts.hostname, parts.port, figures)
        browser.cookies = dict(first.cookies)
        while time.perf_counter() < until:
            status, _, _ = await browser.request("GET", "/bulky-waste/item-type?item=1")
            if status != 200:
                figures["errors"].append(f"GET gave {status}")
        browser.close()

    await asyncio.gather(*(client(time.perf_counter() + 1) for _ in range(clients)))  # warm
    figures["latencies"].clear()
    began = time.perf_counter()
    await asyncio.gather(*(client(began + seconds) for _ in range(clients)))
    latencies = sorted(figures["latencies"])
    return {"rate": len(latencies) / (time.perf_counter() - began), "median": statistics.median(latencies),
            "p99": latencies[int(len(latencies) * 0.99)], "errors": figures["errors"]}


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes and their children so far."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
    while pids:
        pid = pids.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            pids += [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except FileNotFoundError:
            pass
    return total


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy, all cores together (from /proc/stat)."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def measured(url: str, participants: int, seconds: float, pids: dict[str, list[int]]) -> dict:
    """The load, with the CPU each part used, and what everything else on the machine used meanwhile."""
    before = {name: cpu_seconds(list(ids)) for name, ids in pids.items()}
    mine, busy = os.times(), machine_busy()
    figures = asyncio.run(load(url, participants, seconds))
    cpu = {name: cpu_seconds(list(ids)) - before[name] for name, ids in pids.items()}
    cpu["the load (this process)"] = os.times().user + os.times().system - mine.user - mine.system
    cpu["everything else"] = max(0.0, machine_busy() - busy - sum(cpu.values()))
    figures["cpu"] = cpu
    return figures


def run(kind: str, participants: int, seconds: float, workers: int) -> dict:
    if kind == "nginx":
        with HostStack(instances=2, workers=workers, args=("--no-access-log",)) as stack:
            figures = measured(stack.url, participants, seconds, {
                "instances": [i.process.pid for i in stack.instances], "nginx": [stack.nginx.process.pid],
                "redis": [stack.redis.process.pid]})
            figures["pages_only"] = asyncio.run(pages_only(stack.url, 10))
        figures["setup"] = f"NGINX, 2 instances x {workers} workers, Redis"
        return figures
    project = public_copy_of_example()
    instance = HostInstance(project, {"SECRET_KEY": SECRET_KEY, "JOURNEYS_PASSWORD": "bench"}, workers)
    try:
        instance.start()
        figures = measured(instance.url, participants, seconds, {"instance": [instance.process.pid]})
        figures["pages_only"] = asyncio.run(pages_only(instance.url, 10))
    finally:
        instance.stop()
        import shutil

        shutil.rmtree(project.parent, ignore_errors=True)
    figures["setup"] = f"1 instance x {workers} workers, SQLite, no NGINX"
    return figures


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def report(results: list[dict]) -> str:
    rows = [
        ("participants, all at once", lambda r: f"{r['participants']}"),
        ("walks finished (check your answers read)", lambda r: f"{r['walks']:,}"),
        ("requests (GET and POST)", lambda r: f"{r['requests']:,}"),
        ("requests/s", lambda r: f"{r['rate']:,.0f}"),
        ("pages/s (GETs of a page)", lambda r: f"{r['page_rate']:,.0f}"),
        ("latency p50 / p99 / worst", lambda r: f"{ms(r['median'])} / {ms(r['p99'])} / {ms(r['worst'])}"),
        ("errors", lambda r: f"{len(r['errors'])}"),
        (f"then: one question page, {CLIENTS} keep-alive clients, pages/s",
         lambda r: f"{r['pages_only']['rate']:,.0f} (p99 {ms(r['pages_only']['p99'])})"),
        ("answers lost / mixed", lambda r: f"{r['lost']} / {r['mixed']}"),
        ("CPU seconds used, of " + "{available}", lambda r: ", ".join(f"{name} {used:.1f}" for name, used in r["cpu"].items())),
    ]
    lines = ["| | " + " | ".join(r["setup"] for r in results) + " |", "|---" * (len(results) + 1) + "|"]
    available = f"{results[0]['seconds'] * (os.cpu_count() or 1):.0f}"
    lines += [f"| {label.format(available=available)} | " + " | ".join(cell(r) for r in results) + " |"
              for label, cell in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start"


def quietest(runs: list[dict]) -> dict:
    """The run that shared the machine least: the CPU everything else used was smallest."""
    return min(runs, key=lambda figures: figures["cpu"]["everything else"])


def main() -> int:
    global THINK
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=PARTICIPANTS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--think", type=float, default=THINK, help="seconds a participant takes on a page, on average")
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers per instance")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs of each setup, taking turns")
    parser.add_argument("--only", choices=["nginx", "sqlite"], help="one setup only")
    args = parser.parse_args()
    THINK = args.think
    print(f"Machine: {machine()}\nCommand: {' '.join([Path(sys.executable).name, *sys.argv])}", flush=True)
    kinds = [args.only] if args.only else ["nginx", "sqlite"]
    runs: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for number in range(1, args.runs + 1):
        for kind in kinds:
            figures = run(kind, args.participants, args.seconds, args.workers)
            figures["participants"] = args.participants
            runs[kind].append(figures)
            print(f"run {number}, {figures['setup']}: {figures['rate']:,.0f} requests/s, p99 {ms(figures['p99'])}, "
                  f"{len(figures['errors'])} errors, {figures['lost']} lost, {figures['mixed']} mixed; CPU seconds: "
                  + ", ".join(f"{name} {used:.1f}" for name, used in figures["cpu"].items()), flush=True)
    results = [quietest(runs[kind]) for kind in kinds]
    print(f"\nThe quietest run of each (least CPU used by everything else on the machine):\n{report(results)}")
    print(f"Load average {os.getloadavg()[0]:.1f} at the end.")
    verdict = []
    for kind in kinds:  # every run, not only the quietest: an answer lost in any run is a failure
        for figures in runs[kind]:
            clean = (not figures["errors"] and not figures["pages_only"]["errors"] and figures["lost"] == 0
                     and figures["mixed"] == 0)
            if not clean:
                verdict.append(f"FAIL  {figures['setup']}: {len(figures['errors'])} errors, {figures['lost']} answers "
                               f"lost, {figures['mixed']} mixed; first errors: {figures['errors'][:3]}")
        if all(not line.startswith("FAIL  " + runs[kind][0]["setup"]) for line in verdict):
            verdict.append(f"PASS  {runs[kind][0]['setup']}: 0 errors, 0 answers lost or mixed, in every run")
    if "nginx" in runs:
        through = quietest(runs["nginx"])
        verdict.append(f"{'PASS' if through['p99'] < TARGETS['p99'] else 'FAIL'}  through NGINX: p99 under 250 ms "
                       f"({ms(through['p99'])})")
        verdict.append(f"{'PASS' if through['rate'] >= TARGETS['rate'] else 'FAIL'}  through NGINX: at least 500 "
                       f"requests/s ({through['rate']:,.0f})")
    print("\n".join(verdict))
    return 0 if all(line.startswith("PASS") for line in verdict) else 1


if __name__ == "__main__":
    sys.exit(main())
