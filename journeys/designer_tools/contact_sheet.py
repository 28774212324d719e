"""A storyboard's contact sheet: index.html with each picture captioned, and the same printed to storyboard.pdf."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from journeys.designer_tools.photographs import Album

SHEET = "index.html"
PDF = "storyboard.pdf"
STYLE = """
body { font: 16px/1.4 arial, sans-serif; color: #0b0c0c; margin: 30px; }
h1 { font-size: 32px; margin: 0 0 10px; } h2 { font-size: 24px; margin: 40px 0 10px; page-break-before: auto; }
.photos { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 30px; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
img { width: 100%; height: auto; max-height: 520px; object-fit: contain; object-position: top left; border: 1px solid #b1b4b6; }
figcaption { margin-top: 5px; } .number { font-weight: bold; } .address { font-family: monospace; color: #505a5f; }
.error { color: #d4351c; font-weight: bold; } .failures { border-left: 5px solid #d4351c; padding-left: 15px; }
@media print { body { margin: 0; } .photos { grid-template-columns: repeat(3, 1fr); gap: 15px; } img { max-height: 420px; } }
"""


def contact_sheet(title: str, album: Album) -> str:
    """The contact sheet's HTML: every word escaped, pictures by their file names beside it."""
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}: storyboard</title>",
             f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>",
             f"<p>{len(album.photos)} pictures, in the order a person sees them.</p>"]
    if album.failures:
        parts.append('<div class="failures"><h2>Pages that failed</h2><ul>')
        parts += [f"<li><span class=\"address\">{escape(f.address)}</span>: {escape(f.reason)}</li>" for f in album.failures]
        parts.append("</ul></div>")
    scenario = None
    for number, photo in enumerate(album.photos, start=1):
        if photo.scenario != scenario:
            parts.append(("</div>" if scenario is not None else "") + f"<h2>{escape(photo.scenario)}</h2><div class=\"photos\">")
            scenario = photo.scenario
        answer = (Markup('<br><span class="error">Error state: submitted with nothing entered</span>') if photo.error_state
                  else Markup("<br>Answer: {}").format(photo.answer) if photo.answer else "")
        parts.append(Markup(
            '<figure><img src="{file}" alt="{number}: {title}"><figcaption><span class="number">{number}.</span> '
            '{title}<br><span class="address">{address}</span>{answer}</figcaption></figure>'
        ).format(file=photo.file, number=number, title=photo.title, address=photo.address, answer=answer))
    parts.append("</div>" if scenario is not None else "")
    parts.append("</body></html>\n")
    return "".join(str(part) for part in parts)


def write_sheet(folder: Path, title: str, album: Album, browser) -> tuple[Path, Path]:
    """index.html, and storyboard.pdf printed from it by Chromium."""
    sheet = folder / SHEET
    sheet.write_text(contact_sheet(title, album), encoding="utf-8")
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(sheet.resolve().as_uri())
        tab.wait_for_load_state("load")
        pdf = folder / PDF
        tab.pdf(path=str(pdf), format="A4", landscape=True, print_background=True,
                margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    finally:
        context.close()
    return sheet, pdf
