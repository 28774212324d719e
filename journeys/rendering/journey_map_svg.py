"""A journey map drawn as SVG: written in Graphviz's DOT language and laid out by Debian's `dot`.

Every word from a designer's YAML reaches `dot` escaped for DOT and for XML, so a title such
as `<script>` or `"&` is drawn as typed and never becomes markup.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

from journeys.flows.journey_map import JourneyMap, MapArrow, MapNode

# GOV.UK's colours: text, blue for the path, red for problems, a light grey for a page's kind.
BLACK, BLUE, RED, GREY, LIGHT_BLUE, LIGHT_RED = "#0b0c0c", "#1d70b8", "#d4351c", "#505a5f", "#d2e2f1", "#f6d7d2"
FONT = "Helvetica,Arial,sans-serif"
DOT_TIMEOUT = 30  # seconds: a flow of a few hundred pages takes well under one


class MissingGraphviz(RuntimeError):
    """Graphviz's `dot` is not installed, or could not draw the map."""


def dot_source(found: JourneyMap) -> str:
    """The map in DOT: a node per page, linked to it; an arrow per way on, labelled in words."""
    lines = [
        "digraph journey {",
        f'  graph [rankdir=TB, nodesep=0.4, ranksep=0.5, fontname="{FONT}", bgcolor="transparent"];',
        f'  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="{BLACK}", fontname="{FONT}", '
        'fontsize=12, margin="0.2,0.1"];',
        f'  edge [color="{BLACK}", fontname="{FONT}", fontsize=10, fontcolor="{BLACK}"];',
    ]
    lines += [f"  {_node(node)}" for node in found.nodes]
    lines += [f"  {_arrow(arrow)}" for arrow in found.arrows]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node(node: MapNode) -> str:
    text = [node.title, node.kind] + [f"! {problem}" for problem in node.problems]
    if node.starts_path:
        text.append("The scenario starts here")
    attributes = {"label": "\n".join(text), "id": f"page-{node.id}", "class": _classes(node)}
    if node.url:
        attributes.update(URL=node.url, tooltip=f"Open {node.title}")
    if node.problems:
        attributes.update(color=RED, fillcolor=LIGHT_RED, penwidth="2", style="rounded,filled,dashed")
    if node.on_path:
        attributes.update(color=BLUE, fillcolor=LIGHT_BLUE, penwidth="3")
    return f"{_quoted(node.id)} [{_attributes(attributes)}];"


def _arrow(arrow: MapArrow) -> str:
    attributes = {"label": arrow.words, "class": "journeys-map__arrow"}
    if arrow.on_path:
        attributes.update(color=BLUE, fontcolor=BLUE, penwidth="3", **{"class": "journeys-map__arrow journeys-map__on-path"})
    return f"{_quoted(arrow.source)} -> {_quoted(arrow.target)} [{_attributes(attributes)}];"


def _classes(node: MapNode) -> str:
    classes = ["journeys-map__page"]
    classes += ["journeys-map__problem"] if node.problems else []
    classes += ["journeys-map__on-path"] if node.on_path else []
    classes += ["journeys-map__start"] if node.starts_path else []
    return " ".join(classes)


def _attributes(attributes: dict) -> str:
    return ", ".join(f"{name}={_quoted(value)}" for name, value in attributes.items())


def _quoted(text: str) -> str:
    """A DOT string holding `text` as typed: XML-escaped for the SVG `dot` writes, then DOT-escaped.

    `dot` passes entities such as `&amp;` through to the SVG, so `&` becomes `&amp;` first; a
    backslash would start one of DOT's own escapes (`\\N`, `\\l`), so each is doubled.
    """
    escaped = html.escape(text, quote=True).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def svg(found: JourneyMap) -> str:
    """The map as an SVG element to put in an HTML page (or, with `standalone_svg`, in a file)."""
    dot = shutil.which("dot")
    if dot is None:
        raise MissingGraphviz("Journey maps are laid out by Graphviz's dot, which is not installed. "
                              "Install it with:  sudo apt-get install graphviz  (macOS: brew install graphviz)")
    try:
        drawn = subprocess.run([dot, "-Tsvg"], input=dot_source(found).encode(), capture_output=True,
                               timeout=DOT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as error:
        raise MissingGraphviz(f"Graphviz's dot took longer than {DOT_TIMEOUT} seconds to draw the map") from error
    if drawn.returncode != 0:
        raise MissingGraphviz("Graphviz's dot could not draw the map: " + drawn.stderr.decode(errors="replace").strip())
    return _for_html(drawn.stdout.decode())


def _for_html(drawn: str) -> str:
    """`dot`'s SVG as an element of an HTML page: no XML prolog or comments, SVG 2's plain `href`."""
    drawn = drawn[drawn.index("<svg"):]
    drawn = re.sub(r"<!--.*?-->\s*", "", drawn, flags=re.S)
    drawn = drawn.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    # xlink:title duplicates the <title> dot writes into each node; xlink:href is SVG 1's href.
    drawn = re.sub(r'\sxlink:title="[^"]*"', "", drawn)
    return drawn.replace(" xlink:href=", " href=")


def standalone_svg(found: JourneyMap) -> str:
    """The map as an SVG file of its own, for `journeys map -o map.svg`."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg(found) + "\n"
