"""Smaller things a new user meets: the port suggested, counts, the icon, the confirmation's Back link, fonts' cache, raw HTML."""

import re
import socket
import subprocess
import sys
import urllib.request

from conftest import ROOT, free_port, start_process
from playwright.sync_api import expect

from journeys.build.freeze_site import build

FLOW = """title: Book
pages:
  name:
    title: What is your name?
    questions: [{name: name}]
    next: done
  done:
    layout: confirmation
    title: Booked
"""


def test_a_port_in_use_suggests_one_that_is_free(make_project):
    project = make_project({"pages/index.html": "<h1>Home</h1>"})
    busy = []
    port = free_port()
    for taken in (port, port + 1):  # the port asked for, and the one after it
        holder = socket.socket()
        holder.bind(("127.0.0.1", taken))
        holder.listen()
        busy.append(holder)
    try:
        server = start_process([sys.executable, str(ROOT / "serve.py"), "--project", str(project), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        output = server.communicate(timeout=20)[0]
    finally:
        for holder in busy:
            holder.close()
    assert server.returncode == 1
    suggested = int(re.search(r"make serve PORT=(\d+)", output)[1])
    assert suggested not in (port, port + 1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", suggested))  # free indeed


def test_the_build_counts_the_same_pages_as_it_goes_and_at_the_end(example_copy, tmp_path):
    lines = []
    summary = build(example_copy, tmp_path / "dist", report=lines.append)
    last = [line for line in lines if line.strip().startswith("pages:")][-1]
    assert last.strip() == f"pages: {summary.pages} of {summary.pages}"
    assert str(summary).startswith(f"Built {summary.pages} pages")


def test_redirect_and_error_pages_show_the_govuk_icon(make_project, make_app, public_folder, nginx):
    project = make_project({"pages/book.yaml": FLOW, "pages/broken.html": "{% if %}"})
    client = make_app(project).test_client()
    error_page = client.get("/broken").text
    (project / "pages/broken.html").unlink()
    build(project, public_folder / "site", report=lambda line: None)
    server = nginx(public_folder / "site")
    status, _headers, redirect_page = server.get("/book")
    assert status == 200 and b'http-equiv="refresh"' in redirect_page
    for html, fetch in [(error_page, lambda url: client.get(url).status_code),
                        (redirect_page.decode(), lambda url: server.get(url)[0])]:
        icon = re.search(r'<link rel="icon"[^>]*href="([^"]+)"', html)
        assert icon, html[:400]
        assert fetch(icon[1]) == 200  # so the browser never asks for a missing /favicon.ico


def test_the_confirmation_page_has_no_back_link(make_project, make_app, public_folder, nginx, watched_page):
    project = make_project({"pages/book.yaml": FLOW})
    client = make_app(project).test_client()
    client.post("/book/name", data={"name": "Ann"})
    assert "govuk-back-link" not in client.get("/book/done").text
    build(project, public_folder / "site", report=lambda line: None)
    page = watched_page()
    page.goto(nginx(public_folder / "site").url + "/book/name")
    page.get_by_label("What is your name?").fill("Ann")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("body[data-journeys-ready]")).to_be_attached()
    assert page.get_by_role("heading", name="Booked").is_visible()
    assert page.locator(".govuk-back-link").count() == 0


def test_fonts_keep_their_long_cache_under_a_sub_path(example_builds, nginx):
    site = example_builds["/my-prototype/"]
    server = nginx(site.parent)  # the build in a folder named after the sub-path, as docs/publishing.md says
    font = next(p.name for p in (site / "assets/fonts").iterdir() if p.suffix == ".woff2")
    status, headers, _ = server.get(f"/my-prototype/assets/fonts/{font}")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_raw_html_and_scripts_in_markdown_do_the_same_live_and_published(make_project, live_server, public_folder,
                                                                        nginx, watched_page):
    project = make_project({
        "pages/about.md": '# About\n\n<div class="govuk-inset-text" id="raw">Raw <b>HTML</b></div>\n\n'
                          "<script>document.body.dataset.inline = 'ran'</script>\n\n"
                          '<script src="/static/app.js"></script>\n',
        "static/app.js": "document.body.dataset.file = 'ran'\n",
    })
    build(project, public_folder / "site", report=lambda line: None)
    seen = []
    for url in (live_server(project).url, nginx(public_folder / "site").url):
        page = watched_page()
        page.goto(url + "/about")
        page.wait_for_load_state("networkidle")
        seen.append((page.locator("#raw b").inner_text(), page.evaluate("document.body.dataset.inline"),
                     page.evaluate("document.body.dataset.file"), len(page.watch.console_errors)))
    # Raw HTML shows; a script from a file runs; a script written in the page is blocked, in both.
    assert seen == [("HTML", None, "ran", 1), ("HTML", None, "ran", 1)]


def test_each_served_asset_it_names_exists(make_project, live_server):
    server = live_server(make_project({"pages/book.yaml": FLOW}))
    html = urllib.request.urlopen(server.url + "/book/name").read().decode()
    for href in re.findall(r'<link rel="icon"[^>]*href="([^"]+)"', html):
        assert urllib.request.urlopen(server.url + href).status == 200
