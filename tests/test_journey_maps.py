"""Journey maps without a browser: conditions in words, YAML's words escaped in the SVG, `journeys map`, hosted mode."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

from conftest import ROOT, copy_example

from journeys.flows.condition_words import in_words
from journeys.flows.journey_map import DEAD_END, UNREACHABLE, journey_map
from journeys.hosting.app import create_hosted_app
from journeys.hosting.settings import HostSettings
from journeys.project import Project
from journeys.prototype import read_prototype
from journeys.build.freeze_site import build
from journeys.rendering.journey_map_svg import MOST_PAGES_DRAWN, svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = """\
title: A <b>bold</b> flow
pages:
  start:
    layout: start
    title: '<script>alert(1)</script> "& co'
    next: name
  name:
    title: "Back\\\\slash \\\\N and &amp; {braces} |pipes|"
    questions:
      - name: name
        type: radios
        options: ['<i>A</i>', '"&B']
    next:
      - when: {name: '<i>A</i>'}
        goto: done
      - goto: done
  done:
    layout: confirmation
    title: Done
"""


def test_conditions_read_as_words():
    assert in_words({"items": "Something else"}) == "items is Something else"
    assert in_words({"items": {"count": {"at_least": 4}}}) == "items has at least 4"
    assert in_words({"age": {"less_than": 18}}) == "age is less than 18"
    assert in_words({"colour": ["Red", "Blue", "Green"]}) == "colour is Red, Blue or Green"
    assert in_words({"goods": {"includes": ["Hot food", "Fish"]}}) == "goods includes Hot food and Fish"
    assert in_words({"email": {"answered": False}}) == "email is not answered"
    assert in_words({"any": [{"a": "Yes"}, {"b": "No"}]}) == "(a is Yes or b is No)"
    assert in_words({"not": {"nationality": "British"}}) == "not (nationality is British)"
    assert in_words({"over-17": "Yes", "name": {"not": "Ada"}}) == "over-17 is Yes and name is not Ada"


def test_every_word_from_the_yaml_is_drawn_as_typed_and_never_as_markup(make_project):
    project = make_project({"pages/hostile.yaml": HOSTILE})
    model = read_prototype(Project.at(project))
    drawn = svg(journey_map(model.flows["hostile"]))
    tree = ElementTree.fromstring(drawn)  # well-formed XML: nothing the YAML said broke out
    texts = [element.text for element in tree.iter(f"{SVG}text")]
    assert '<script>alert(1)</script> "& co' in texts
    assert "Back\\slash \\N and &amp; {braces} |pipes|" in texts
    assert "if name is <i>A</i>" in texts and "otherwise" in texts
    assert not list(tree.iter(f"{SVG}script")) and not list(tree.iter(f"{SVG}b")) and "<script>" not in drawn


def test_the_example_map_has_a_node_per_page_and_an_arrow_per_way_on(example_copy):
    model = read_prototype(Project.at(example_copy))
    flow = model.flows["bulky-waste"]
    found = journey_map(flow)
    tree = ElementTree.fromstring(svg(found))
    nodes = {g.get("id").removeprefix("page-"): g for g in tree.iter(f"{SVG}g") if "node" in (g.get("class") or "")}
    assert sorted(nodes) == sorted(flow.pages)
    links = {node_id: g.find(f".//{SVG}a").get("href") for node_id, g in nodes.items()}
    assert links == {page_id: f"/bulky-waste/{page_id}" for page_id in flow.pages}
    edges = [g for g in tree.iter(f"{SVG}g") if "edge" in (g.get("class") or "")]
    rules = sum(len(page.next) for page in flow.pages.values())
    assert len(edges) == rules + 3  # and the list's loop: into its first item page, on, and back to the list
    labels = {"".join(t.text for t in g.iter(f"{SVG}text")) for g in edges}
    assert {"if items has at least 4", "if council-tax-reduction is Yes", "otherwise", "for each item"} <= labels


def test_an_unreachable_page_and_a_dead_end_are_problems_on_the_map(make_project):
    project = make_project({"pages/apply.yaml": """\
        title: Apply
        pages:
          start: {layout: start, title: Start, next: name}
          name:
            title: What is your name?
            questions: [{name: name}]
          orphan:
            title: Nobody comes here
            next: name
        """})
    model = read_prototype(Project.at(project))
    assert "apply" not in model.flows  # its problems keep it from being served, but not from being drawn
    flow, problems = model.flow_as_written("apply")
    found = journey_map(flow)
    assert found.node("orphan").problems == [UNREACHABLE]
    assert found.node("name").problems == [DEAD_END]
    assert found.node("start").problems == []
    assert {p.message for p in problems} >= {"no page leads to 'orphan', so nobody can reach it"}


def test_journeys_map_writes_an_svg_file(example_copy, tmp_path):
    out = tmp_path / "map.svg"
    done = subprocess.run([sys.executable, "-m", "journeys", "map", "bulky-waste", "-o", str(out),
                           "--scenario", "clearing-a-house", "--project", str(example_copy)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    tree = ElementTree.parse(out).getroot()
    assert tree.tag == f"{SVG}svg"
    on_path = [g.get("id") for g in tree.iter(f"{SVG}g") if "journeys-map__on-path" in (g.get("class") or "")
               and "node" in g.get("class")]
    assert on_path[0] == "page-items" and "page-confirmation" in on_path and "page-account-number" not in on_path

    missing = subprocess.run([sys.executable, "-m", "journeys", "map", "bulky-wast", "--project", str(example_copy)],
                             capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode == 1
    assert "There is no flow called 'bulky-wast': did you mean 'bulky-waste'?" in missing.stderr


def test_a_hosted_prototype_shows_participants_no_maps_and_no_answers_panel(tmp_path):
    project = copy_example(tmp_path / "example")
    app = create_hosted_app(HostSettings(
        project=project, secret_key="k" * 64, password=None, redis_url=None, answers_db=tmp_path / "answers.sqlite3",
        forget_after=86400, trusted_proxies=()))
    client = app.test_client()
    for address in ("/_journeys/answers", "/_journeys/map", "/_journeys/map/bulky-waste",
                    "/_journeys/map/bulky-waste/scenario/clearing-a-house"):
        response = client.get(address)
        assert response.status_code == 404, address
        assert "Page not found" in response.text
    footer = client.get("/").text.split('<footer')[1]
    assert "/_journeys/answers" not in footer and "/_journeys/map" not in footer and "Clear answers" in footer
    assert client.post("/_journeys/answers/clear-all").status_code in (400, 404)  # no token: refused either way


def test_without_graphviz_the_map_page_still_says_it_all_in_words(example_copy, make_app, monkeypatch, tmp_path):
    # A designer's computer without Graphviz (PATH with no dot): the table is there, and what to install.
    monkeypatch.setenv("PATH", str(tmp_path))
    response = make_app(example_copy).test_client().get("/_journeys/map/bulky-waste")
    assert response.status_code == 200
    assert "sudo apt-get install graphviz" in response.text and "journeys-map__picture" not in response.text
    assert response.text.count("data-journeys-map-page=") == 12


def _figure(html: str) -> str:
    """The map's picture, as the page shows it."""
    return html[html.index('<figure class="journeys-map"'):html.index("</figure>") + len("</figure>")]


def test_the_frozen_maps_are_the_maps_the_dev_server_draws(example_copy, make_app, tmp_path):
    # The build draws every map in one Graphviz process and splits what it writes; the dev server
    # draws each map alone. In a process of its own, so nothing the build drew is kept here, with
    # a `dot` on its PATH that counts how often it is started.
    counted = tmp_path / "bin"
    counted.mkdir()
    (counted / "dot").write_text(f'#!/bin/sh\necho started >> {tmp_path / "dot-runs"}\nexec {shutil.which("dot")} "$@"\n')
    (counted / "dot").chmod(0o755)
    built = subprocess.run([sys.executable, "-m", "journeys", "build", "--project", str(example_copy),
                            "--out", str(tmp_path / "dist")], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PATH": f"{counted}:{os.environ['PATH']}"})
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "dot-runs").read_text() == "started\n"
    client = make_app(example_copy).test_client()
    model = read_prototype(Project.at(example_copy))
    urls = [f"/_journeys/map/{slug}" for slug in model.flows]
    urls += [f"/_journeys/map/{s.flow}/scenario/{s.name}" for s in model.scenarios.values()]
    assert len(urls) == 6
    for url in urls:
        frozen = (tmp_path / "dist" / url.strip("/") / "index.html").read_text()
        assert _figure(frozen) == _figure(client.get(url).text), url
        assert _figure(frozen).count('class="node') == frozen.count("data-journeys-map-page=")


def huge_flow(pages: int) -> str:
    lines = ["title: A very long form", "pages:"]
    for n in range(1, pages):
        lines += [f"  page-{n}:", f"    title: Page {n}", "    questions:", f"      - name: answer-{n}",
                  "        type: text", f"    next: page-{n + 1}"]
    lines += [f"  page-{pages}:", "    layout: confirmation", "    title: Done"]
    return "\n".join(lines) + "\n"


def test_a_flow_too_big_to_read_as_a_picture_is_shown_as_its_table(make_project, make_app, tmp_path):
    pages = MOST_PAGES_DRAWN + 1
    project = make_project({"pages/long.yaml": huge_flow(pages), "pages/short.yaml": huge_flow(3)})
    client = make_app(project).test_client()
    page = client.get("/_journeys/map/long").text
    assert "journeys-map__picture" not in page and page.count("data-journeys-map-page=") == pages
    assert (f"This flow has {pages:,} pages, and maps are drawn for flows of up to {MOST_PAGES_DRAWN}" in page
            and "journeys map long -o map.svg" in page)
    assert "journeys-map__picture" in client.get("/_journeys/map/short").text

    build(project, tmp_path / "dist", report=lambda line: None)
    frozen = (tmp_path / "dist" / "_journeys/map/long/index.html").read_text()
    assert "journeys-map__picture" not in frozen and f"This flow has {pages:,} pages" in frozen
    assert "journeys-map__picture" in (tmp_path / "dist" / "_journeys/map/short/index.html").read_text()

    # Asked for by name, it is drawn anyway.
    out = tmp_path / "long.svg"
    done = subprocess.run([sys.executable, "-m", "journeys", "map", "long", "-o", str(out), "--project", str(project)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert ElementTree.parse(out).getroot().tag == f"{SVG}svg"
