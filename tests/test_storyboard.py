"""`journeys storyboard`: a scenario's path photographed in Chromium, with error states, a contact sheet and a PDF."""

from __future__ import annotations

import re
import struct
import subprocess
import sys

from conftest import ROOT

from journeys.designer_tools.contact_sheet import contact_sheet
from journeys.designer_tools.photographs import Album, Failure, Photo

# The example's "wardrobe and bike" scenario: its path, and the question pages on it (each also photographed empty).
PATH = ["items", "address", "collection-date", "council-tax-reduction", "contact", "check-answers", "confirmation"]
QUESTION_PAGES = ["address", "collection-date", "council-tax-reduction", "contact"]


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_a_scenarios_path_is_photographed_with_error_states_a_contact_sheet_and_a_pdf(example_copy, watched_page):
    done = subprocess.run([sys.executable, "-m", "journeys", "storyboard", "bulky-waste", "--scenario", "something-else",
                           "--project", str(example_copy)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    folder = example_copy / "storyboard" / "bulky-waste"
    # Progress as it goes: each address as it is photographed.
    assert "bulky-waste: A wardrobe and a bike, paying for the collection" in done.stdout
    assert "  1  /bulky-waste/items" in done.stdout and "(error state)" in done.stdout

    expected = []
    for page_id in PATH:
        expected.append(f"{len(expected) + 1:03d}-{page_id}.png")
        if page_id in QUESTION_PAGES:
            expected.append(f"{len(expected) + 1:03d}-{page_id}-error.png")
    assert sorted(p.name for p in folder.glob("*.png")) == expected
    for picture in folder.glob("*.png"):
        width, height = png_size(picture)
        assert width == 1000 and height >= 800  # the whole page, not only what fits the window

    page = watched_page()
    page.goto((folder / "index.html").as_uri())
    captions = page.locator("figcaption").all_inner_texts()
    assert len(captions) == len(expected)
    assert captions[1].splitlines() == ["2. Where should we collect from?", "/bulky-waste/address",
                                        "Answer: Flat 3, 40 Station Road, Todmorden, OL14 5AA"]
    assert captions[2].splitlines() == ["3. Where should we collect from?", "/bulky-waste/address",
                                        "Error state: submitted with nothing entered"]
    assert "Answer: Text message; 07700 900 982" in captions[7]
    assert page.evaluate("[...document.images].every(image => image.complete && image.naturalWidth === 1000)")
    assert page.watch.failed_requests == [] and page.watch.console_errors == []

    pdf = (folder / "storyboard.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert int(re.search(rb"/Count (\d+)", pdf)[1]) >= 2


def test_a_flow_with_no_scenarios_is_photographed_page_by_page(make_project):
    project = make_project({"pages/apply.yaml": """\
        title: Apply for a juggling licence
        pages:
          start: {layout: start, title: Apply for a juggling licence, next: trick}
          trick:
            title: What is your best trick?
            questions: [{name: trick, required: Enter your best trick}]
            next: done
          done: {layout: confirmation, title: Application sent}
        """})
    done = subprocess.run([sys.executable, "-m", "journeys", "storyboard", "--project", str(project)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "apply: every page (it has no scenarios)" in done.stdout
    folder = project / "storyboard" / "apply"
    assert sorted(p.name for p in folder.glob("*.png")) == ["001-start.png", "002-trick.png", "003-trick-error.png",
                                                            "004-done.png"]
    sheet = (folder / "index.html").read_text()
    assert "What is your best trick?" in sheet and "Error state: submitted with nothing entered" in sheet


def test_the_contact_sheet_escapes_every_word_and_lists_pages_that_failed():
    album = Album([Photo("001-a.png", '<script>alert(1)</script>', "/a?x=<b>", 'Yes "&" no', "<i>Scenario</i>")],
                  [Failure("/broken", "the page answered 500")])
    html = contact_sheet("<b>Flow</b>", album)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "Yes &#34;&amp;&#34; no" in html
    assert '<span class="address">/broken</span>: the page answered 500' in html


def test_an_unknown_flow_or_scenario_is_named_with_a_suggestion(example_copy):
    for arguments, message in ((["bulky-wast"], "There is no flow called 'bulky-wast': did you mean 'bulky-waste'?"),
                               (["--scenario", "something"], "There is no scenario called 'something': did you mean "
                                                             "'something-else'?")):
        done = subprocess.run([sys.executable, "-m", "journeys", "storyboard", *arguments, "--project", str(example_copy)],
                              capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 1 and message in done.stderr
        assert not (example_copy / "storyboard").exists()
