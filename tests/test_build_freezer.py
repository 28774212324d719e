"""The build freezes with Frozen-Flask: every URL derived from the prototype and the app's routes, its checks shown."""

import subprocess
import sys

import pytest
from conftest import ROOT
from test_build import tree

from journeys.build.build_app import build_app
from journeys.build.freeze_site import build, freeze
from journeys.problems import ContentError

PAGE = '{% extends "base.html" %}{% block content %}<p><a href="/">Home</a></p>{% endblock %}'


def freeze_app(app, out, **kwargs) -> list[str]:
    """Freeze `app`; the lines the build printed."""
    lines = []
    freeze(app, out, report=lines.append, **kwargs)
    return lines


def test_a_get_route_that_nothing_freezes_is_a_warning_in_the_build_output(make_project, tmp_path):
    app = build_app(make_project({"pages/index.html": PAGE}))
    app.add_url_rule("/letters/<name>", "letters", lambda name: f"<p>Dear {name}</p>")

    lines = freeze_app(app, tmp_path / "dist")

    assert "  Warning: Nothing frozen for endpoints letters. Did you forget a URL generator?" in lines
    assert (tmp_path / "dist/index.html").is_file()  # a warning, not a failure


def test_a_new_route_without_arguments_is_frozen_with_no_change_to_the_build(make_project, tmp_path):
    app = build_app(make_project({"pages/index.html": PAGE}))
    app.add_url_rule("/cookies", "cookies", lambda: '<p><a href="/">Cookies</a></p>')

    lines = freeze_app(app, tmp_path / "dist", base_url="/sub/")

    assert (tmp_path / "dist/cookies/index.html").read_text() == '<p><a href="/sub/">Cookies</a></p>'
    assert not [line for line in lines if "Warning" in line]


def test_a_prototype_without_flows_or_scenarios_builds_without_warnings(make_project, tmp_path):
    app = build_app(make_project({"pages/index.html": PAGE}))
    lines = freeze_app(app, tmp_path / "dist")
    assert not [line for line in lines if "Warning" in line], lines
    assert (tmp_path / "dist/scenarios/index.html").is_file() and (tmp_path / "dist/clear-answers/index.html").is_file()


def test_pages_the_app_cannot_serve_are_reported_by_url_with_every_other_broken_page(make_project, tmp_path):
    project = make_project({
        "pages/index.html": PAGE,
        # /assets/... and /scenarios/... belong to other routes: the live server never shows these.
        "pages/assets/guide.md": "# A guide\n",
        "pages/scenarios/old.md": "# An old scenario\n",
        "pages/broken.html": '{% extends "base.html" %}\n{% block content %}\n{{ data.nothing.here }}\n{% endblock %}\n',
    })
    with pytest.raises(ContentError) as raised:
        build(project, tmp_path / "dist", report=lambda line: None)

    report = raised.value.report()
    assert "3 problems found" in report
    assert "/assets/guide: Unexpected status '404 NOT FOUND' on URL /assets/guide" in report
    assert "/scenarios/old: Unexpected status '404 NOT FOUND' on URL /scenarios/old" in report
    assert "pages/broken.html:3: UndefinedError" in report
    assert not (tmp_path / "dist").exists()


def test_robots_txt_is_what_the_live_server_sends(make_project, make_app, tmp_path):
    project = make_project({"pages/index.html": PAGE})
    build(project, tmp_path / "dist", report=lambda line: None)
    live = make_app(project).test_client().get("/robots.txt")
    assert live.status_code == 200 and live.mimetype == "text/plain"
    assert (tmp_path / "dist/robots.txt").read_bytes() == live.data == b"User-agent: *\nDisallow: /\n"


def test_a_page_named_like_a_file_is_written_under_that_name_with_a_warning(make_project, tmp_path):
    app = build_app(make_project({"pages/index.html": PAGE, "pages/release-1.2.html": PAGE}))
    lines = freeze_app(app, tmp_path / "dist")
    assert (tmp_path / "dist/release-1.2").is_file()
    # A static server would send it as a download: Frozen-Flask's type check says so.
    assert any(line.startswith("  Warning: Filename extension of 'release-1.2'") for line in lines), lines


def test_files_keep_their_names_even_without_an_extension(make_project, tmp_path):
    project = make_project({"pages/index.html": PAGE, "static/CNAME": "prototype.example.org\n"})
    build(project, tmp_path / "dist", report=lambda line: None)
    assert (tmp_path / "dist/static/CNAME").read_text() == "prototype.example.org\n"


SPAWNED_BUILD = """
import multiprocessing, sys
from journeys.build.freeze_site import build
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  # as on macOS: each process makes its own app
    build(sys.argv[1], sys.argv[2], report=lambda line: None, processes=2)
"""


def test_processes_started_afresh_build_the_same_site_as_forked_ones(example_copy, tmp_path):
    build(example_copy, tmp_path / "forked", report=lambda line: None, processes=2)
    script = tmp_path / "spawned_build.py"
    script.write_text(SPAWNED_BUILD)
    done = subprocess.run([sys.executable, str(script), str(example_copy), str(tmp_path / "spawned")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert tree(tmp_path / "spawned") == tree(tmp_path / "forked")
