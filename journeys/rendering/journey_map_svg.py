"""A journey map drawn as SVG: written in Graphviz's DOT language and laid out by Debian's `dot`.

Every word from a designer's YAML reaches `dot` escaped for DOT and for XML, so a title such
as `<script>` or `"&` is drawn as typed and never becomes markup.

A build draws each share of its maps in one `dot` process (`draw_ahead`): starting `dot` costs
more than laying out a 50-page flow. A flow of more than MOST_PAGES_DRAWN pages is not drawn on a page:
its table says it all, and `journeys map` still draws it into a file.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile

from journeys.flows.journey_map import JourneyMap, MapArrow, MapNode

# GOV.UK's colours: text, blue for the path, red for problems, a light grey for a page's kind.
BLACK, BLUE, RED, GREY, LIGHT_BLUE, LIGHT_RED = "#0b0c0c", "#1d70b8", "#d4351c", "#505a5f", "#d2e2f1", "#f6d7d2"
FONT = "Helvetica,Arial,sans-serif"
DOT_TIMEOUT = 30  # seconds: a flow of a few hundred pages takes well under one
# dot's layout grows faster than the flow: on a 2-core AMD EPYC, 500 pages take 0.18 s, 1,000
# take 0.66 s, 3,000 take 9 s. Past a few hundred boxes a map is too big to read anyway.
MOST_PAGES_DRAWN = 500


class MapNotDrawn(RuntimeError):
    """Graphviz's `dot` is not installed, could not draw the map, or the flow is too big to draw on a page."""


def too_big_to_draw(found: JourneyMap) -> str | None:
    """Why a map page shows only its table, for a flow too big to draw; None for any other."""
    if len(found.nodes) <= MOST_PAGES_DRAWN:
        return None
    return (f"This flow has {len(found.nodes):,} pages, and maps are drawn for flows of up to {MOST_PAGES_DRAWN}: "
            "a bigger one is too big to read, and takes Graphviz many seconds to lay out. The table below lists "
            f"every page. To draw it anyway, in a file: journeys map {found.flow.slug} -o map.svg")


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


def svg(found: JourneyMap, any_size: bool = False) -> str:
    """The map as an SVG element to put in an HTML page (or, with `standalone_svg`, in a file).

    Raises MapNotDrawn for a flow too big to draw, unless `any_size`.
    """
    reason = None if any_size else too_big_to_draw(found)
    if reason:
        raise MapNotDrawn(reason)
    source = dot_source(found)
    if source in _drawn_ahead:
        return _drawn_ahead[source]
    try:
        drawn = subprocess.run([_dot(), "-Tsvg"], input=source.encode(), capture_output=True,
                               timeout=DOT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as error:
        raise MapNotDrawn(f"Graphviz's dot took longer than {DOT_TIMEOUT} seconds to draw the map") from error
    if drawn.returncode != 0:
        raise MapNotDrawn("Graphviz's dot could not draw the map: " + drawn.stderr.decode(errors="replace").strip())
    return _for_html(drawn.stdout.decode())


def _dot() -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise MapNotDrawn("Journey maps are laid out by Graphviz's dot, which is not installed. "
                          "Install it with:  sudo apt-get install graphviz  (macOS: brew install graphviz)")
    return dot


# DOT source -> its SVG, from the last draw_ahead: `svg` looks here before starting a `dot` of its own.
_drawn_ahead: dict[str, str] = {}


class Drawing:
    """Maps drawn by one `dot` process, kept for `svg` inside a `with` block, forgotten after it.

    `dot` reads and writes files, not pipes: nothing to read until `wait`, and no thread to feed
    or drain a pipe meanwhile.
    """

    def __init__(self, sources: list[str]):
        self.sources = sources
        self._process = None
        dot = shutil.which("dot")
        if sources and dot:
            self._input, self._output = tempfile.TemporaryFile(), tempfile.TemporaryFile()
            self._input.write("".join(sources).encode())
            self._input.seek(0)
            self._process = subprocess.Popen([dot, "-Tsvg"], stdin=self._input, stdout=self._output,
                                             stderr=subprocess.DEVNULL)

    def __enter__(self) -> "Drawing":
        return self

    def wait(self) -> None:
        """Wait for `dot`, then keep each map for `svg`. If it fails, nothing is kept and each map is drawn alone."""
        if self._process is None:
            return
        # As long as each map may take alone, for every ten (a build's maps are up to 500 pages each).
        timeout = DOT_TIMEOUT * max(1, len(self.sources) // 10)
        try:
            finished = self._process.wait(timeout) == 0
        except subprocess.TimeoutExpired:
            finished = False
        self._output.seek(0)
        # dot writes one SVG document after another, each ending with its root's end tag.
        documents = self._output.read().decode(errors="replace").split("</svg>\n")[:-1]
        if finished and len(documents) == len(self.sources):
            _drawn_ahead.update((source, _for_html(_alone(document + "</svg>\n")))
                                for source, document in zip(self.sources, documents))

    def __exit__(self, *_exception) -> None:
        _drawn_ahead.clear()
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            self._input.close()
            self._output.close()


def _alone(document: str) -> str:
    """A graph's SVG as `dot` draws it alone: after the first graph of a run, it puts "page0,N_" before the graph's id."""
    return re.sub(r'<g id="page\d+,\d+_', '<g id="', document, count=1)


def draw_ahead(maps: list[JourneyMap]) -> Drawing:
    """Start drawing `maps` in one `dot` process, to be kept for `svg` once `wait` is called in its `with` block."""
    return Drawing([dot_source(found) for found in maps if not too_big_to_draw(found)])


def _for_html(drawn: str) -> str:
    """`dot`'s SVG as an element of an HTML page: no XML prolog or comments, SVG 2's plain `href`."""
    drawn = drawn[drawn.index("<svg"):]
    drawn = re.sub(r"<!--.*?-->\s*", "", drawn, flags=re.S)
    drawn = drawn.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    # xlink:title duplicates the <title> dot writes into each node; xlink:href is SVG 1's href.
    drawn = re.sub(r'\sxlink:title="[^"]*"', "", drawn)
    return drawn.replace(" xlink:href=", " href=")


def standalone_svg(found: JourneyMap) -> str:
    """The map as an SVG file of its own, for `journeys map -o map.svg`: drawn at any size."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg(found, any_size=True) + "\n"
