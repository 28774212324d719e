"""The frozen site's files: URLs rewritten for the base URL, CSS and JS also under hashed names.

Every file keeps its own name, so anything that refers to it by name still works; CSS and JS
also get a copy named after a hash of their content (`govuk-frontend.min.3f2a9c1b0d.css`),
which pages link to and which NGINX lets browsers cache forever. A file's hash covers the
hashed names it refers to (init.js imports govuk-frontend.min.js), so files are finished
dependencies first.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path

from journeys.build import rewrite

HASHED_TYPES = {".css": "css", ".js": "js"}
HASH_LENGTH = 10


@dataclass
class Assets:
    """Every file's final content by URL (hashed copies included), and hashed names by URL."""

    files: dict[str, bytes]
    hashed: dict[str, str]


def prepare(sources: dict[str, Path], base: str) -> Assets:
    """Read every file of the site (URL -> file) and finish it for a site served at `base`."""
    raw = {url: path.read_bytes() for url, path in sources.items()}
    finished: dict[str, bytes] = {}
    hashed: dict[str, str] = {}
    to_url = lambda target: base.rstrip("/") + hashed.get(target, target)

    def finish(url: str, visiting: frozenset) -> None:
        if url in finished:
            return
        kind = HASHED_TYPES.get(posixpath.splitext(url)[1])
        if kind is None:
            finished[url] = raw[url]
            return
        # surrogateescape: a file that is not UTF-8 comes out byte for byte as it went in.
        text = raw[url].decode("utf-8", "surrogateescape")
        visiting = visiting | {url}
        for target in rewrite.references(text, url, kind):
            # In a cycle of imports, the import that closes it keeps the plain name: a hash
            # cannot cover itself.
            if target in raw and target not in visiting:
                finish(target, visiting)
        text = rewrite.css(text, url, to_url) if kind == "css" else rewrite.javascript(text, url, to_url)
        finished[url] = text.encode("utf-8", "surrogateescape")
        hashed[url] = hashed_name(url, finished[url])

    for url in sorted(raw):
        finish(url, frozenset())
    files = dict(finished)
    files.update({hashed[url]: finished[url] for url in hashed})
    return Assets(files, hashed)


def hashed_name(url: str, content: bytes) -> str:
    """'/assets/app.css' -> '/assets/app.<first 10 hex digits of its SHA-256>.css'."""
    stem, extension = posixpath.splitext(url)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{extension}"
