"""Every page file is a URL, the way Prototype Kit users expect; nothing else is served."""

import http.client
import os

import pytest

from journeys.pages.routing import all_pages

PAGES = {
    "pages/index.html": '{% extends "base.html" %}{% block content %}<h1>Home page</h1>{% endblock %}',
    "pages/about.md": "---\ntitle: About us\n---\nWe make prototypes.\n",
    "pages/guides/index.html": '{% extends "base.html" %}{% block content %}<h1>All guides</h1>{% endblock %}',
    "pages/guides/fishing.md": "# Fishing guide\n\nBring a rod.\n",
    "pages/_partial.html": "<p>A partial, never a page</p>",
    "pages/.draft.md": "# Hidden draft\n",
    "pages/_includes/row.html": "<p>Included</p>",
}


@pytest.fixture
def client(make_project, make_app):
    return make_app(make_project(PAGES)).test_client()


def test_every_page_file_has_one_url(make_project):
    project = make_project(PAGES)
    assert [page.url for page in all_pages(project / "pages")] == ["/", "/about", "/guides", "/guides/fishing"]


@pytest.mark.parametrize("url, heading", [
    ("/", "Home page"),
    ("/about", "About us"),
    ("/guides", "All guides"),
    ("/guides/", "All guides"),
    ("/guides/fishing", "Fishing guide"),
])
def test_pages_are_served_at_their_urls(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    assert f">{heading}</h1>" in response.text


@pytest.mark.parametrize("url", [
    "/nowhere", "/guides/index", "/about.md", "/index", "/guides/fishing.md", "/_partial",
    "/.draft", "/_includes/row",
])
def test_unknown_urls_get_the_govuk_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "govuk-header" in response.text and "/assets/govuk-frontend.min.css" in response.text


SECRET = "top secret, never to be served"


@pytest.fixture
def leaky_project(make_project, tmp_path):
    project = make_project(PAGES)
    (tmp_path / "secret.html").write_text(SECRET)
    (tmp_path / "secret.txt").write_text(SECRET)
    (project / "static").mkdir()
    (project / "static" / "ok.css").write_text("body { color: black }")
    os.symlink(tmp_path / "secret.html", project / "pages" / "leak.html")
    os.symlink(tmp_path / "secret.txt", project / "static" / "leak.txt")
    os.symlink(tmp_path, project / "static" / "outside")
    (project / "data").mkdir()
    (project / "data" / "settings.yaml").write_text("service_name: Leaky service\n")
    return project


TRAVERSALS = [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt",
    "/static/../secret.txt", "/static/%2e%2e/%2e%2e/secret.txt", "/static/..%2f..%2fsecret.txt",
    "/static/%2fetc%2fpasswd", "/static//etc/passwd", "/assets/..%2f..%2f..%2fpyproject.toml",
    "/assets/%2e%2e/%2e%2e/package.json", "/assets/journeys/..%2f__init__.py",
    "/leak", "/static/leak.txt", "/static/outside/secret.txt", "/static/.%2e/secret.txt",
    "/data/settings.yaml", "/layouts/base", "/pages/about.md", "/.journeys/answers.sqlite3",
    "/static/..%5c..%5csecret.txt", "/%00/secret.txt",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_nothing_outside_pages_static_and_assets_is_served(leaky_project, make_app, url):
    response = make_app(leaky_project).test_client().get(url)
    assert response.status_code == 404
    assert SECRET not in response.text and "service_name:" not in response.text


def test_traversal_over_real_http_is_refused(leaky_project, live_server):
    """The same attempts sent byte for byte to the real server (no client-side tidying of '..')."""
    server = live_server(leaky_project)

    def get(url):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        connection.request("GET", url)
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")

    assert get("/static/ok.css") == (200, "body { color: black }")
    for url in TRAVERSALS:
        status, body = get(url)
        assert status in (400, 404), url
        assert SECRET not in body and "service_name:" not in body, url


def test_project_static_files_are_served(leaky_project, make_app):
    response = make_app(leaky_project).test_client().get("/static/ok.css")
    assert response.status_code == 200 and response.text == "body { color: black }"


@pytest.mark.parametrize("url, kind", [
    ("/assets/govuk-frontend.min.css", "text/css"),
    ("/assets/govuk-frontend.min.js", "text/javascript"),
    ("/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2"),
    ("/assets/images/govuk-crest.svg", "image/svg+xml"),
    ("/assets/manifest.json", "application/json"),
    ("/assets/journeys/init.js", "text/javascript"),
])
def test_govuk_frontend_assets_are_served_where_its_css_expects(client, url, kind):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == kind


@pytest.mark.parametrize("url", ["/clear-answers/", "/scenarios/"])
def test_built_in_pages_answer_with_a_trailing_slash_too(client, url):
    # A plain static server sends /clear-answers to /clear-answers/: the live server agrees.
    assert client.get(url).status_code == 200
