"""`python build.py`: the prototype frozen into dist/, whole, identical each time, as the server renders it."""

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, start_process

from journeys.build.freeze_site import build
from journeys.problems import ContentError

HASHED = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def quiet_build(project, out, **kwargs):
    return build(project, out, report=lambda line: None, **kwargs)


def hidden_once_removed(folder: Path, timeout: float = 30) -> list[str]:
    """The hidden folders in `folder` once any previous output, deleted in the background, is gone."""
    deadline = time.monotonic() + timeout
    while any(".removing-" in p.name for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def run_build(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_a_build_freezes_every_page_the_assets_a_404_page_and_robots_txt(example_copy, tmp_path):
    summary = quiet_build(example_copy, tmp_path / "dist")
    files = tree(tmp_path / "dist")

    flow_pages = ["start", "items", "item-type", "item-details", "extra-items", "address", "collection-date",
                  "council-tax-reduction", "account-number", "contact", "check-answers", "confirmation",
                  "items/remove"]  # the list's page asking whether to remove an item
    licence_pages = ["start", "age", "too-young", "tasks", "name", "trader-address", "national-insurance", "nationality",
                     "share-code", "goods", "food-rules", "food-registration", "register-first", "pitch", "check-answers",
                     "application-sent"]
    pages = ["index.html", "about/index.html", "your-booking/index.html", "clear-answers/index.html",
             "scenarios/index.html", "scenarios/clearing-a-house/index.html", "scenarios/fridge-with-reduction/index.html",
             "scenarios/something-else/index.html", "scenarios/trader-part-way/index.html", "bulky-waste/index.html",
             *(f"bulky-waste/{page}/index.html" for page in flow_pages), "market-trader-licence/index.html",
             *(f"market-trader-licence/{page}/index.html" for page in licence_pages),
             # Journey maps: the list, each flow's, and each scenario's path on its flow's.
             "_journeys/map/index.html", "_journeys/map/bulky-waste/index.html",
             "_journeys/map/market-trader-licence/index.html",
             *(f"_journeys/map/{flow}/scenario/{name}/index.html" for flow, name in (
                 ("bulky-waste", "clearing-a-house"), ("bulky-waste", "fridge-with-reduction"),
                 ("bulky-waste", "something-else"), ("market-trader-licence", "trader-part-way")))]
    for page in pages + ["404.html"]:
        assert files[page].lstrip().startswith(b"<!DOCTYPE html>"), page
    assert json.loads(files["assets/flows/bulky-waste.json"])["first"] == "start"
    assert json.loads(files["assets/flows/market-trader-licence.json"])["first"] == "start"
    assert b"Page not found" in files["404.html"]
    assert files["robots.txt"] == b"User-agent: *\nDisallow: /\n"
    assert "assets/fonts/bold-b542beb274-v2.woff2" in files and "assets/images/favicon.svg" in files
    assert summary.pages == len(pages) + 3 and summary.files == len(files)  # and the flows' JSON, the 404 page
    assert summary.bytes == sum(len(content) for content in files.values())


def test_css_and_js_get_content_hashed_names_that_pages_link_to(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "dist")
    files = tree(tmp_path / "dist")
    hashed = sorted(name for name in files if HASHED.search(name))
    # Sorted once the hash is out: a file's hash must not decide where it comes in the list.
    assert sorted(re.sub(r"\.[0-9a-f]{10}\.", ".#.", name) for name in hashed) == [
        "assets/accessible-autocomplete.min.#.css", "assets/accessible-autocomplete.min.#.js",
        "assets/govuk-frontend.min.#.css", "assets/govuk-frontend.min.#.js",
        "assets/journeys/answers-panel.#.css", "assets/journeys/answers.#.js", "assets/journeys/autocomplete.#.css",
        "assets/journeys/autocomplete.#.js", "assets/journeys/conditions.#.js", "assets/journeys/display.#.js",
        "assets/journeys/frozen-content.#.js", "assets/journeys/frozen-forms.#.js",
        "assets/journeys/frozen-lists.#.js", "assets/journeys/frozen-tasks.#.js", "assets/journeys/frozen.#.js",
        "assets/journeys/init.#.js", "assets/journeys/interruption.#.css", "assets/journeys/journey.#.js",
        "assets/journeys/lists.#.js", "assets/journeys/map.#.css", "assets/journeys/patterns.#.js",
        "assets/journeys/steps.#.js",
        "assets/journeys/tasks.#.js",
        "assets/journeys/validation.#.js",
    ]
    css = next(name for name in hashed if name.startswith("assets/govuk-frontend") and name.endswith(".css"))
    frozen = next(name for name in hashed if "journeys/frozen." in name)  # which starts GOV.UK Frontend when frozen
    govuk_js = next(name for name in hashed if name.startswith("assets/govuk-frontend") and name.endswith(".js"))
    page = files["index.html"].decode()
    assert f'href="/{css}"' in page and f'src="/{frozen}"' in page
    # The hashed frozen.js imports the hashed GOV.UK Frontend, relatively, as the original does.
    assert f"from '../{Path(govuk_js).name}'" in files[frozen].decode()
    # Every file keeps its plain name too, for anything that refers to it by that name.
    assert files["assets/govuk-frontend.min.css"] == files[css]


def test_every_text_file_has_a_gzip_twin_with_the_same_content(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "dist")
    files = tree(tmp_path / "dist")
    text = [name for name in files if name.endswith((".html", ".css", ".js", ".json", ".svg", ".txt", ".map"))]
    assert len(text) > 20
    for name in text:
        assert gzip.decompress(files[name + ".gz"]) == files[name], name
    assert not any(name.endswith((".woff2.gz", ".png.gz", ".ico.gz")) for name in files)
    # A gzip header's ninth byte says how hard it was compressed: 4, the fastest; 0, harder.
    # The few files every visitor downloads are packed harder than the many pages.
    css = next(name for name in files if re.fullmatch(r"assets/govuk-frontend\.min\.[0-9a-f]+\.css", name))
    assert files["assets/govuk-frontend.min.css.gz"][8] == files[css + ".gz"][8] == 0
    assert files["index.html.gz"][8] == files["404.html.gz"][8] == 4


def test_every_link_in_every_frozen_page_leads_somewhere(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "dist")
    assert_links_resolve(tmp_path / "dist", "/")


def assert_links_resolve(dist: Path, base: str):
    for html in dist.rglob("*.html"):
        for url in re.findall(r'(?:href|src|action)="(/[^"#?]*)', html.read_text()):
            assert url.startswith(base), (html, url)
            path = dist / url[len(base):]
            assert path.is_file() or (path / "index.html").is_file(), (html, url)
    for css in dist.rglob("*.css"):
        for url in re.findall(r"url\((/[^)]*)\)", css.read_text()):
            assert (dist / url[len(base):]).is_file(), (css, url)


def test_two_builds_of_the_same_prototype_are_byte_identical(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "first")
    quiet_build(example_copy, tmp_path / "second")
    quiet_build(example_copy, tmp_path / "first")  # again, over the first
    assert tree(tmp_path / "first") == tree(tmp_path / "second")


def test_files_from_earlier_builds_do_not_survive(example_copy, tmp_path):
    (example_copy / "pages/old-page.md").write_text("# An old page\n")
    quiet_build(example_copy, tmp_path / "dist")
    assert (tmp_path / "dist/old-page/index.html").is_file()
    (tmp_path / "dist/stray.txt").write_text("left by hand")

    (example_copy / "pages/old-page.md").unlink()
    quiet_build(example_copy, tmp_path / "dist")
    assert not (tmp_path / "dist/old-page").exists() and not (tmp_path / "dist/stray.txt").exists()
    assert hidden_once_removed(tmp_path) == []  # no staging folders left, and the old output gone


def test_the_previous_output_is_deleted_in_the_background_and_nothing_is_left(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "dist")
    (tmp_path / "dist/old.txt").write_text("from the first build")
    quiet_build(example_copy, tmp_path / "dist")
    # Returned with the new output in place; the old one, renamed beside it, goes in the background.
    assert not (tmp_path / "dist/old.txt").exists()
    assert hidden_once_removed(tmp_path) == []
    assert not [p for p in tmp_path.rglob("old.txt")]

    # An old output whose removal stopped part-way (the computer restarted) goes with the next build.
    left = tmp_path / ".dist.removing-999999999-abcdefgh"
    (left / "flow/page").mkdir(parents=True)
    (left / "flow/page/index.html").write_text("old")
    quiet_build(example_copy, tmp_path / "dist")
    assert hidden_once_removed(tmp_path) == []


def test_the_build_is_readable_by_a_web_server_running_as_another_user(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "dist")
    umask = os.umask(0)
    os.umask(umask)
    for path in [tmp_path / "dist", *(tmp_path / "dist").rglob("*")]:
        wanted = (0o777 if path.is_dir() else 0o666) & ~umask
        assert path.stat().st_mode & 0o777 == wanted, path


def test_processes_share_the_pages_and_give_the_same_site(make_project, tmp_path):
    pages = {f"pages/q/{n}.html": '{% extends "base.html" %}{% set title = "Q' + str(n) + '" %}'
             '{% block content %}{{ govukInput({"name": "q' + str(n) + '", "label": {"text": title}}) }}{% endblock %}'
             for n in range(60)}
    project = make_project(pages)
    quiet_build(project, tmp_path / "one", processes=1)
    quiet_build(project, tmp_path / "two", processes=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len([name for name in tree(tmp_path / "two") if name.startswith("q/")]) == 120  # html and .gz


def test_the_command_prints_progress_and_a_summary(example_copy):
    done = run_build("--project", example_copy)
    assert done.returncode == 0, done.stderr
    progress = re.search(r"^  pages: (\d+) of \1$", done.stdout, re.M)
    built = re.search(r"^Built (\d+) pages: (\d+) files, [\d.]+ (KB|MB), in [\d.]+ s into .*dist/$", done.stdout, re.M)
    assert progress and built, done.stdout
    dist = example_copy / "dist"
    written = [p for p in dist.rglob("*") if p.is_file()]
    # The same count as it goes and at the end: the .html files (the 404 page too) and the flows' JSON.
    rendered = [p for p in written if p.suffix == ".html" or (p.parent == dist / "assets/flows" and p.suffix == ".json")]
    assert int(built.group(1)) == int(progress.group(1)) == len(rendered)
    assert int(built.group(2)) == len(written)


BROKEN = {
    "pages/broken-syntax.html": '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n',
    "pages/broken-name.html": '{% extends "base.html" %}\n{% block content %}\n\n{{ data.nothing.here }}\n{% endblock %}\n',
    "pages/broken-layout.md": "---\nlayout: nowhere\n---\nText\n",
}


def test_bad_content_stops_the_build_with_every_problem_and_leaves_dist_as_it_was(example_copy):
    assert run_build("--project", example_copy).returncode == 0
    dist = example_copy / "dist"
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in dist.rglob("*") if p.is_file()}

    for name, text in BROKEN.items():
        (example_copy / name).write_text(text)
    done = run_build("--project", example_copy)

    assert done.returncode == 1
    assert "pages/broken-syntax.html:3: Jinja syntax error" in done.stderr
    assert "pages/broken-name.html:4: UndefinedError" in done.stderr
    assert "pages/broken-layout.md:2: there is no layout called 'nowhere'" in done.stderr
    assert "3 problems found" in done.stderr and "is as it was" in done.stderr
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in dist.rglob("*") if p.is_file()} == before
    assert not (dist / "broken-name").exists()
    assert sorted(p.name for p in example_copy.iterdir() if p.name.startswith(".")) == [".journeys"]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_an_interrupted_build_leaves_dist_as_it_was(make_project, stop):
    pages = {f"pages/q/{n}.html": '{% extends "base.html" %}{% block content %}<p>' + str(n) + "</p>{% endblock %}"
             for n in range(300)}
    project = make_project(pages)
    assert run_build("--project", project).returncode == 0
    dist = project / "dist"
    before = tree(dist)

    (project / "pages/q/0.html").write_text('{% extends "base.html" %}{% block content %}Changed{% endblock %}')
    build_process = start_process([sys.executable, str(ROOT / "build.py"), "--project", str(project)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in build_process.stdout:
        if "pages:" in line:
            break  # pages are being written into the folder beside dist/
    os.killpg(build_process.pid, stop)  # the whole process group, as Ctrl-C in a terminal
    build_process.wait(timeout=30)
    errors = build_process.stderr.read()
    build_process.stdout.close()
    build_process.stderr.close()

    assert tree(dist) == before
    left = [p.name for p in project.iterdir() if p.name.startswith(".dist.building-")]
    if stop == signal.SIGINT:
        assert build_process.returncode == 130 and not left
        assert errors.strip() == f"The build was interrupted: {dist}/ is as it was."
    else:
        assert left  # killed mid-way: the half-built folder stays beside dist/
    assert run_build("--project", project).returncode == 0  # the next build clears what was left
    assert b"Changed" in (dist / "q/0/index.html").read_bytes()
    assert hidden_once_removed(project) == [".journeys"]


def test_a_folder_that_is_not_a_build_is_never_replaced(example_copy, tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/todo.txt").write_text("precious")
    done = run_build("--project", example_copy, "--out", tmp_path / "notes")
    assert done.returncode == 1
    assert "is not a Journeys build" in done.stderr
    assert (tmp_path / "notes/todo.txt").read_text() == "precious"


@pytest.mark.parametrize("given", ["my-prototype", "/my-prototype", "/my-prototype/"])
def test_a_sub_path_build_prefixes_every_url_in_pages_and_css(example_copy, tmp_path, given):
    quiet_build(example_copy, tmp_path / "dist", base_url=given)
    dist = tmp_path / "dist"
    assert_links_resolve(dist, "/my-prototype/")
    page = (dist / "bulky-waste/items/index.html").read_text()
    assert 'action="/my-prototype/bulky-waste/address"' in page and 'href="/my-prototype/bulky-waste/start"' in page
    css = next((dist / "assets").glob("govuk-frontend.min.*.css")).read_text()
    assert "url(/my-prototype/assets/fonts/" in css and "url(/assets/" not in css


def test_a_sub_path_build_differs_from_a_root_build_only_in_its_urls(example_copy, tmp_path):
    quiet_build(example_copy, tmp_path / "root")
    quiet_build(example_copy, tmp_path / "sub", base_url="/my-prototype/")
    root, sub = tree(tmp_path / "root"), tree(tmp_path / "sub")
    normal = lambda name: re.sub(r"\.[0-9a-f]{10}\.", ".#.", name)
    assert sorted(map(normal, root)) == sorted(map(normal, sub))
    for name in root:
        if name.endswith(".html"):
            unprefixed = sub[name].decode().replace('="/my-prototype/', '="/').replace("url=/my-prototype/", "url=/")
            assert normal(unprefixed) == normal(root[name].decode()), name


def test_a_broken_layout_is_reported_once_however_many_pages_use_it(example_copy, tmp_path):
    (example_copy / "layouts/base.html").write_text('{% extends "journeys/base.html" %}\n{% block head %}{{ oops( }}{% endblock %}\n')
    with pytest.raises(ContentError) as raised:
        quiet_build(example_copy, tmp_path / "dist")
    assert [str(problem).split("\n")[0] for problem in raised.value.problems] == [
        "layouts/base.html:2: Jinja syntax error: unexpected '}', expected ')'"]
    assert not (tmp_path / "dist").exists()
