"""Frozen URLs: a base URL for sub-paths, hashed names for CSS and JS, in HTML, CSS and JavaScript."""

from pathlib import Path

import pytest

from journeys.build import rewrite
from journeys.build.hashed_assets import hashed_name, prepare

NAMES = {"/assets/app.css": "/assets/app.0123456789.css", "/assets/init.js": "/assets/init.abcdef0123.js"}


def under(base):
    return lambda url: base.rstrip("/") + NAMES.get(url, url)


@pytest.mark.parametrize("given, base", [
    ("/", "/"), ("", "/"), ("my-prototype", "/my-prototype/"), ("/my-prototype", "/my-prototype/"),
    ("/a/b/", "/a/b/"), ("https://someone.github.io/my-prototype/", "/my-prototype/"), ("https://example.com", "/"),
])
def test_a_base_url_is_a_path_with_a_slash_at_each_end(given, base):
    assert rewrite.normal_base(given) == base


def test_html_links_forms_and_assets_move_under_the_base():
    page = ('<link rel="stylesheet" href="/assets/app.css"><script type="module" src="/assets/init.js"></script>'
            '<a class="govuk-link" href="/">Home</a><a href="/about?from=home#top">About</a>'
            '<form method="post" action="/next" novalidate><button formaction=/other>Go</button></form>'
            '<img src=/static/logo.png alt=""><a href="https://www.gov.uk">GOV.UK</a><a href="#main">Skip</a>'
            '<a href="//cdn.example.com/x">CDN</a><a href="relative">Relative</a>')
    assert rewrite.html(page, under("/my-prototype/")) == (
        '<link rel="stylesheet" href="/my-prototype/assets/app.0123456789.css">'
        '<script type="module" src="/my-prototype/assets/init.abcdef0123.js"></script>'
        '<a class="govuk-link" href="/my-prototype/">Home</a><a href="/my-prototype/about?from=home#top">About</a>'
        '<form method="get" data-journeys-form action="/my-prototype/next" novalidate><button formaction=/my-prototype/other>Go</button></form>'
        '<img src=/my-prototype/static/logo.png alt=""><a href="https://www.gov.uk">GOV.UK</a><a href="#main">Skip</a>'
        '<a href="//cdn.example.com/x">CDN</a><a href="relative">Relative</a>')


def test_text_that_only_looks_like_a_link_is_left_alone():
    page = ('<p>&lt;a href="/about"&gt; is how to link</p>'
            '<input name="path" value="/about"><a data-href="/about" title="a > b" href="/about">About</a>'
            '<p>Send the form with method="post"</p>')
    assert rewrite.html(page, under("/sub/")) == (
        '<p>&lt;a href="/about"&gt; is how to link</p>'
        '<input name="path" value="/about"><a data-href="/about" title="a > b" href="/sub/about">About</a>'
        '<p>Send the form with method="post"</p>')


def test_css_urls_move_under_the_base_and_relative_ones_stay_relative():
    css = ("@font-face{src:url(/assets/fonts/bold.woff2) format('woff2'),url(\"/assets/fonts/bold.woff\")}"
           ".a{background:url(images/a.png)}.b{background:url(data:image/png;base64,AAAA)}@import '/assets/app.css';")
    assert rewrite.css(css, "/assets/main.css", under("/sub/")) == (
        "@font-face{src:url(/sub/assets/fonts/bold.woff2) format('woff2'),url(\"/sub/assets/fonts/bold.woff\")}"
        ".a{background:url(images/a.png)}.b{background:url(data:image/png;base64,AAAA)}@import '/sub/assets/app.0123456789.css';")


def test_javascript_imports_of_site_files_get_their_hashed_names():
    js = ("import { initAll } from '../init.js'\nimport './app.css'\nimport 'govuk-frontend'\n"
          "const later = () => import(\"/assets/init.js\")\nexport { x } from 'https://example.com/x.js'\n")
    assert rewrite.javascript(js, "/assets/journeys/start.js", under("/sub/")) == (
        "import { initAll } from '../init.abcdef0123.js'\nimport './app.css'\nimport 'govuk-frontend'\n"
        "const later = () => import(\"/sub/assets/init.abcdef0123.js\")\nexport { x } from 'https://example.com/x.js'\n")


def write(folder: Path, files: dict[str, str]) -> dict[str, Path]:
    sources = {}
    for url, text in files.items():
        path = folder / url.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        sources[url] = path
    return sources


def test_a_file_hash_covers_the_hashed_names_it_imports(tmp_path):
    files = {"/a/govuk.js": "export const v = 1\n", "/a/init.js": "import { v } from './govuk.js'\n"}
    first = prepare(write(tmp_path / "1", files), "/")
    assert first.files[first.hashed["/a/init.js"]] == f"import {{ v }} from './{Path(first.hashed['/a/govuk.js']).name}'\n".encode()

    second = prepare(write(tmp_path / "2", {**files, "/a/govuk.js": "export const v = 2\n"}), "/")
    assert second.hashed["/a/govuk.js"] != first.hashed["/a/govuk.js"]
    assert second.hashed["/a/init.js"] != first.hashed["/a/init.js"]  # init.js itself did not change


def test_modules_that_import_each_other_still_get_consistent_names(tmp_path):
    files = {"/a/one.js": "import './two.js'\n", "/a/two.js": "import './one.js'\n"}
    assets = prepare(write(tmp_path, files), "/")
    for url in files:
        assert assets.hashed[url] == hashed_name(url, assets.files[url])
        assert assets.files[assets.hashed[url]] == assets.files[url]


def test_a_hashed_name_keeps_the_folder_and_the_extension():
    assert hashed_name("/assets/govuk-frontend.min.css", b"body{}") == "/assets/govuk-frontend.min.7c98040a54.css"  # sha256(b"body{}")[:10]
