"""200 participants at once, each answering its own journey: no errors, no answer lost or mixed.

Each participant (its own cookie, a new connection per request, as many browsers behind one
address would be): GET the first question, POST it and follow the redirect, POST the next,
then post two pages at the same moment (two tabs), post a Jinja page's form, and at the end
read its own check answers page: every answer must be its own, none missing, none another's.
Run by bench/serve.py against the dev server and gunicorn in the same run.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import urllib.parse
from pathlib import Path

PARTICIPANTS = 200
FLOW = """
title: Apply
pages:
  name:
    title: What is your name?
    questions:
      - name: full-name
    next: email
  email:
    title: What is your email address?
    questions:
      - name: email
        type: email
    next: phone
  phone:
    title: What is your phone number?
    questions:
      - name: phone
    next: town
  town:
    title: Where do you live?
    questions:
      - name: town
    next: check
  check:
    layout: check-answers
    title: Check your answers
    next: done
  done:
    layout: confirmation
    title: Done
"""
# A Prototype Kit page: its form posts to the page that shows the answer.
NOTES = ('{% extends "base.html" %}{% block content %}<form method="post" action="/notes">'
         '<textarea name="notes"></textarea><button>Save</button></form>'
         '<p id="notes">{{ data.notes }}</p>{% endblock %}')


def write_project(folder: Path) -> Path:
    """The load's prototype: a four-question flow and a Jinja page with its own form."""
    (folder / "pages").mkdir(parents=True)
    (folder / "pages/apply.yaml").write_text(FLOW)
    (folder / "pages/notes.html").write_text(NOTES)
    (folder / "pages/index.html").write_text("Home")
    return folder


class Server:
    """Where to send requests, and what went wrong."""

    def __init__(self, url: str):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.latencies: list[float] = []
        self.errors: list[str] = []

    async def request(self, method: str, path: str, cookie: str = "", form: dict | None = None
                      ) -> tuple[int, dict, str]:
        """(status, headers, body) of one request on a new connection."""
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "Connection: close"]
        if cookie:
            head.append(f"Cookie: {cookie}")
        if form is not None:
            head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        began = time.perf_counter()
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
            response = await reader.read()
        finally:
            writer.close()
        self.latencies.append(time.perf_counter() - began)
        top, _, content = response.partition(b"\r\n\r\n")
        lines = top.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers.setdefault(name.strip().lower(), value.strip())
        return int(lines[0].split()[1]), headers, content.decode("utf-8", "replace")

    async def answer(self, path: str, cookie: str, form: dict, who: int) -> str:
        """POST a page's form, check the 303, follow it; the session cookie (new, or the one given)."""
        status, headers, _ = await self.request("POST", path, cookie, form)
        if status != 303:
            self.errors.append(f"participant {who}: POST {path} gave {status}")
            return cookie
        cookie = headers.get("set-cookie", "").split(";", 1)[0] or cookie
        status, _, _ = await self.request("GET", urllib.parse.urlsplit(headers["location"]).path, cookie)
        if status != 200:
            self.errors.append(f"participant {who}: GET {headers['location']} after POST {path} gave {status}")
        return cookie


async def participant(server: Server, who: int, findings: dict) -> None:
    """One person's journey; at the end, their own answers checked."""
    mine = answers_of(who)
    try:
        status, _, _ = await server.request("GET", "/apply/name")
        if status != 200:
            server.errors.append(f"participant {who}: GET /apply/name gave {status}")
        cookie = await server.answer("/apply/name", "", {"full-name": mine["full-name"]}, who)
        cookie = await server.answer("/apply/email", cookie, {"email": mine["email"]}, who)
        # Two tabs: two pages posted at the same moment.
        await asyncio.gather(server.answer("/apply/phone", cookie, {"phone": mine["phone"]}, who),
                             server.answer("/apply/town", cookie, {"town": mine["town"]}, who))
        await server.answer("/notes", cookie, {"notes": mine["notes"]}, who)
        _, _, check = await server.request("GET", "/apply/check", cookie)
        _, _, notes = await server.request("GET", "/notes", cookie)
    except (OSError, asyncio.IncompleteReadError, ValueError, KeyError) as error:
        server.errors.append(f"participant {who}: {type(error).__name__}: {error}")
        return
    shown = check + notes
    findings["lost"] += sum(1 for value in mine.values() if value not in shown)
    findings["mixed"] += sum(1 for other in range(PARTICIPANTS) if other != who
                             for value in answers_of(other).values() if value in shown)


def answers_of(who: int) -> dict:
    """A participant's answers: each one theirs alone."""
    return {"full-name": f"Person {who:03d}", "email": f"person{who:03d}@example.com",
            "phone": f"07700 900{who:03d}", "town": f"Town {who:03d}", "notes": f"Notes of person {who:03d}"}


async def run(url: str) -> dict:
    """Every participant at once; the figures."""
    server = Server(url)
    findings = {"lost": 0, "mixed": 0}
    began = time.perf_counter()
    await asyncio.gather(*(participant(server, who, findings) for who in range(PARTICIPANTS)))
    elapsed = time.perf_counter() - began
    latencies = sorted(server.latencies)
    return {"participants": PARTICIPANTS, "requests": len(latencies), "seconds": elapsed,
            "rate": len(latencies) / elapsed, "median": statistics.median(latencies),
            "p99": latencies[int(len(latencies) * 0.99)], "errors": server.errors, **findings}


def measure(url: str) -> dict:
    return asyncio.run(run(url))
