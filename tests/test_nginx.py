"""The frozen site under the real NGINX, with journeys/nginx/journeys.conf as shipped: statuses and headers."""

import base64
import gzip
import hashlib
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, copy_example, start_process

from journeys.build.freeze_site import build
from journeys.site_checks.nginx import site_config

PAGES = ["/", "/about", "/bulky-waste/start", "/bulky-waste/items", "/bulky-waste/check-answers", "/clear-answers"]


@pytest.fixture
def site(example_builds):
    return example_builds["/"]


@pytest.fixture
def server(frozen_example):
    return frozen_example


@pytest.mark.parametrize("url", PAGES + ["/about/", "/bulky-waste/items/"])
def test_every_page_is_served_at_its_clean_url(server, site, url):
    status, headers, body = server.get(url)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (site / url.strip("/") / "index.html").read_bytes()


@pytest.mark.parametrize("url", ["/nowhere", "/bulky-waste/nowhere/", "/.git/config", "/assets/nothing.0123456789.css"])
def test_a_missing_page_is_the_404_page_with_status_404(server, site, url):
    status, headers, body = server.get(url)
    assert status == 404
    assert body == (site / "404.html").read_bytes() and b"Page not found" in body
    assert headers["Cache-Control"] == "no-cache"


def test_text_is_sent_from_its_gz_file_to_browsers_that_accept_gzip(server, site):
    status, headers, body = server.get("/assets/govuk-frontend.min.css", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert body == (site / "assets/govuk-frontend.min.css.gz").read_bytes()
    assert gzip.decompress(body) == (site / "assets/govuk-frontend.min.css").read_bytes()
    status, headers, body = server.get("/assets/govuk-frontend.min.css")
    assert "Content-Encoding" not in headers and body == (site / "assets/govuk-frontend.min.css").read_bytes()


def test_hashed_assets_are_cached_forever_and_everything_else_is_checked_each_time(server, site):
    hashed_css = next((site / "assets").glob("govuk-frontend.min.*.css")).name
    forever = "public, max-age=31536000, immutable"
    assert server.get(f"/assets/{hashed_css}")[1]["Cache-Control"] == forever
    assert server.get("/assets/fonts/bold-b542beb274-v2.woff2")[1]["Cache-Control"] == forever
    for url in ["/", "/about", "/assets/govuk-frontend.min.css", "/assets/images/favicon.svg", "/robots.txt"]:
        assert server.get(url)[1]["Cache-Control"] == "no-cache", url


def test_javascript_is_served_as_javascript(server, site):
    init = next((site / "assets/journeys").glob("init.*.js")).name
    headers = server.get(f"/assets/journeys/{init}")[1]
    assert headers["Content-Type"].startswith("application/javascript")


def inline_script_hashes(html: str) -> set[str]:
    # Scripts that run: a data block (<script type="application/json">) is never run, so the
    # policy has nothing to say about it.
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", html, re.S)
    return {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}


@pytest.mark.parametrize("url", ["/", "/nowhere", "/assets/govuk-frontend.min.css"])
def test_security_headers_come_with_every_response(server, site, url):
    headers = server.get(url)[1]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Robots-Tag"] == "noindex, nofollow"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy


def test_the_policy_allows_exactly_the_inline_scripts_the_pages_have(server, site):
    policy = server.get("/")[1]["Content-Security-Policy"]
    allowed = set(re.findall(r"'sha256-[^']+'", policy))
    found = set()
    for html in site.rglob("*.html"):
        found |= inline_script_hashes(html.read_text())
    assert found == allowed == {"'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"}


def test_robots_are_told_to_keep_out(server):
    status, headers, body = server.get("/robots.txt")
    assert status == 200 and body == b"User-agent: *\nDisallow: /\n"


def test_a_password_keeps_out_everyone_without_it(site, public_folder, nginx):
    hashed = subprocess.run(["openssl", "passwd", "-6", "let-me-in"], capture_output=True, text=True, check=True)
    htpasswd = public_folder / "prototype.htpasswd"
    htpasswd.write_text(f"researcher:{hashed.stdout.strip()}\n")
    htpasswd.chmod(0o644)
    server = nginx(site, htpasswd=htpasswd)

    def basic(user, password):
        return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}

    status, headers, _ = server.get("/")
    assert status == 401 and headers["WWW-Authenticate"] == 'Basic realm="Prototype"'
    assert headers["X-Robots-Tag"] == "noindex, nofollow"
    assert server.get("/", basic("researcher", "wrong"))[0] == 401
    assert server.get("/assets/govuk-frontend.min.css")[0] == 401
    assert server.get("/", basic("researcher", "let-me-in"))[0] == 200
    assert server.get("/nowhere", basic("researcher", "let-me-in"))[0] == 404


def test_a_rebuild_never_leaves_a_stale_gz_behind(public_folder, nginx):
    project = copy_example(public_folder / "example")
    build(project, public_folder / "dist", report=lambda line: None)
    server = nginx(public_folder / "dist")
    assert b"What is in this prototype" in gzip.decompress(server.get("/", {"Accept-Encoding": "gzip"})[2])

    index = project / "pages/index.html"
    index.write_text(index.read_text().replace("What is in this prototype", "What this prototype has"))
    build(project, public_folder / "dist", report=lambda line: None)
    body = gzip.decompress(server.get("/", {"Accept-Encoding": "gzip"})[2])
    assert b"What this prototype has" in body and b"What is in this prototype" not in body


def test_the_runner_changes_only_the_site_specific_lines_of_the_shipped_config():
    shipped = (ROOT / "journeys/nginx/journeys.conf").read_text()
    used = site_config(Path("/srv/site"), 8123, Path("/srv/pw"))
    changed = [(a, b) for a, b in zip(shipped.splitlines(), used.splitlines()) if a != b]
    assert [b.strip() for _, b in changed] == [
        "listen 127.0.0.1:8123;", "root /srv/site;", 'auth_basic "Prototype";', "auth_basic_user_file /srv/pw;",
    ]


def test_python_m_journeys_nginx_serves_a_build_as_production_will(site):
    from conftest import free_port

    port = free_port()
    server = start_process([sys.executable, "-m", "journeys.site_checks.nginx", str(site), "--port", str(port)],
                           cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert f"at http://127.0.0.1:{port}" in server.stdout.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/about", timeout=10) as response:
            assert response.status == 200
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
        server.stdout.close()
    assert server.returncode == 0


def test_journeys_preview_serves_dist_with_nginx_until_ctrl_c(site):
    from conftest import free_port

    port = free_port()
    preview = start_process([sys.executable, "-m", "journeys", "preview", "--port", str(port)], cwd=site.parent,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert preview.stdout.readline() == f"NGINX is serving {site} at http://127.0.0.1:{port} (Ctrl-C to stop)\n"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/about", timeout=10) as response:
            assert response.status == 200 and response.headers["X-Robots-Tag"] == "noindex, nofollow"
    finally:
        preview.send_signal(signal.SIGINT)
        preview.wait(timeout=10)
        preview.stdout.close()
    assert preview.returncode == 0


def test_journeys_preview_without_a_build_says_to_build_first(tmp_path):
    done = subprocess.run([sys.executable, "-m", "journeys", "preview"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == ("There is no built prototype in dist/: build it first (make build, or journeys "
                                   "build), then preview it.")
