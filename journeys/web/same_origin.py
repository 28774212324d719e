"""Forms sent from other sites are refused: one check for every server (dev, gunicorn, tests).

Every change to a person's answers is a POST. A browser says where a POST comes from: modern
browsers send Sec-Fetch-Site (`same-origin` for a form on our own page), and every browser
sends Origin with a form's POST. A POST from another site, or from a page on another port of
this computer, is refused before it can touch the session or the answers. A request with
neither header does not come from a browser (curl, a test, a benchmark): no other site can
make a browser send it, so it is let through. Designers' own forms need nothing added.
(The same rule as Go's net/http CrossOriginProtection.)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from werkzeug.exceptions import BadRequest

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SentFromElsewhere(BadRequest):
    """A form posted to the prototype from a page that is not the prototype's own."""


def where_from(method: str, headers, host: str) -> str | None:
    """The other site a state-changing request comes from, or None when it is our own (or not a browser's)."""
    if method in SAFE_METHODS:
        return None
    fetch_site = headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        # "none": the person asked for it themselves (a bookmark, the address bar).
        return None if fetch_site in ("same-origin", "none") else f"a {fetch_site} page"
    origin = headers.get("Origin")
    if origin is None:
        return None
    # Only the host and port: behind a proxy that ends HTTPS, the scheme seen here may differ.
    return None if origin != "null" and urlsplit(origin).netloc == host else origin


def refuse_other_sites(request) -> None:
    """Raise SentFromElsewhere for a state-changing request another site's page made."""
    if where_from(request.method, request.headers, request.host):
        raise SentFromElsewhere()
