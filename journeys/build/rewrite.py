"""Rewriting the URLs inside frozen HTML, CSS and JavaScript: a base URL, hashed file names.

Pages are rendered exactly as the live server renders them, with root-relative URLs such as
`/assets/govuk-frontend.min.css` and `/bulky-waste/items` (GOV.UK's CSS hardcodes
`url(/assets/...)` too). Rewriting the output catches every one of them, including those a
designer typed into a page, which a base URL passed into rendering could not.
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable

# A start tag, its quoted attribute values allowed to hold '>'.
_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>""")
# A root-relative attribute value; then the name before it must be one that holds a URL.
# (Two short searches: one regex naming the attributes is ten times slower on GOV.UK's HTML.)
_ROOT_RELATIVE_VALUE = re.compile(r"""=\s*(?:(["'])(/(?!/)[^"']*)\1|(/(?!/)[^\s"'=<>`]*))""")
_URL_ATTRIBUTE_NAME = re.compile(r"""\s(?:href|src|action|formaction|poster)\s*$""", re.I)
# <meta http-equiv="refresh" content="0; url=/a/b">: a URL inside an attribute's text.
_REFRESH = re.compile(r"""(<meta\s[^>]*?http-equiv=["']refresh["'][^>]*?content=["']\d+;\s*url=)(/(?!/)[^"'\s>]*)""", re.I)
_POST_FORM = re.compile(r"""(<form\b(?:[^>"']|"[^"]*"|'[^']*')*?\smethod\s*=\s*)(["']?)post\2""", re.I)
_CSS_URL = re.compile(r"""(url\(\s*)(["']?)([^"')\s]+)\2(\s*\))|(@import\s+)(["'])([^"']+)\6""")
_JS_IMPORT = re.compile(r"""(\b(?:from|import)\s*\(?\s*)(["'])([^"'\n]+)\2""")


def normal_base(base_url: str) -> str:
    """'/my-prototype/' from 'my-prototype', '/my-prototype' or 'https://x.github.io/my-prototype/'."""
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", base_url.strip(), flags=re.I)
    return "/" + "/".join(part for part in path.split("/") if part) + ("/" if path.strip("/") else "")


def html(text: str, to_url: Callable[[str], str]) -> str:
    """`text` with the root-relative URLs of href, src, action, formaction and poster mapped by `to_url`.

    Forms that post are sent with GET: a static host cannot receive a POST, and the next page
    is in the form's action either way. Each is marked `data-journeys-form`: the site's script
    keeps its answers, as the live server keeps a posted form's.
    """
    parts, done = [], 0
    for match in _ROOT_RELATIVE_VALUE.finditer(text):
        url = match.group(2) or match.group(3)
        mapped = _mapped(url, to_url)
        if mapped == url:
            continue  # most URLs on a site served at / (all but CSS and JS): no need to look closer
        equals = match.start()
        if _URL_ATTRIBUTE_NAME.search(text, max(equals - 24, 0), equals) and _inside_a_tag(text, equals):
            start = match.start(2) if match.group(2) is not None else match.start(3)
            parts += [text[done:start], mapped]
            done = start + len(url)
    parts.append(text[done:])
    text = _REFRESH.sub(lambda m: m.group(1) + _mapped(m.group(2), to_url), "".join(parts))
    return _POST_FORM.sub(lambda m: m.group(1) + m.group(2) + "get" + m.group(2) + " data-journeys-form", text)


def _inside_a_tag(text: str, position: int) -> bool:
    # Searching for URL attributes first and checking the tag around each is several times
    # faster than visiting every tag; escaped text holds no '<', so a match in text is rejected.
    start = text.rfind("<", 0, position)
    tag = _TAG.match(text, start) if start >= 0 else None
    return tag is not None and tag.end() > position


def css(text: str, own_url: str, to_url: Callable[[str], str]) -> str:
    """`text` with the URLs of its url() and @import mapped by `to_url` (relative ones resolved)."""

    def replace(match: re.Match) -> str:
        if match.group(1) is not None:
            before, quote, url, after = match.group(1, 2, 3, 4)
        else:
            before, quote, url = match.group(5, 6, 7)
            after = ""
        return before + quote + _mapped_reference(url, own_url, to_url) + quote + after

    return _CSS_URL.sub(replace, text)


def javascript(text: str, own_url: str, to_url: Callable[[str], str]) -> str:
    """`text` with the specifiers of its static and dynamic imports mapped by `to_url`."""
    return _JS_IMPORT.sub(
        lambda m: m.group(1) + m.group(2) + _mapped_reference(m.group(3), own_url, to_url) + m.group(2), text
    )


def references(text: str, own_url: str, kind: str) -> list[str]:
    """The site URLs a CSS or JavaScript file refers to, resolved against its own URL."""
    found = []
    if kind == "css":
        for match in _CSS_URL.finditer(text):
            found.append(resolve(match.group(3) or match.group(7), own_url))
    else:
        for match in _JS_IMPORT.finditer(text):
            found.append(resolve(match.group(3), own_url))
    return [url for url in found if url]


def resolve(reference: str, own_url: str) -> str | None:
    """The root-relative URL a reference means (no query or fragment), or None if it leaves the site."""
    path = reference.split("#", 1)[0].split("?", 1)[0]
    if not path or re.match(r"^[a-z][a-z0-9+.-]*:|^//", path, re.I):
        return None
    if path.startswith("/"):
        return path
    if not path.startswith(("./", "../")) and own_url.endswith(".js"):
        return None  # a bare specifier ('govuk-frontend'): a package name, not a file
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(own_url), path))
    return joined if joined.startswith("/") else None


def _mapped(url: str, to_url: Callable[[str], str]) -> str:
    """A root-relative URL mapped, keeping its query and fragment."""
    cut = _end_of_path(url)
    return to_url(url[:cut]) + url[cut:]


def _mapped_reference(reference: str, own_url: str, to_url: Callable[[str], str]) -> str:
    """A reference from a CSS or JS file, mapped; a relative one stays relative, only its name may change."""
    if reference.startswith("/") and not reference.startswith("//"):
        return _mapped(reference, to_url)
    target = resolve(reference, own_url)
    cut = _end_of_path(reference)
    path, rest = reference[:cut], reference[cut:]
    name = posixpath.basename(target or "")
    if target is None or not path.endswith(name):
        return reference
    return path[: len(path) - len(name)] + posixpath.basename(to_url(target)) + rest


def _end_of_path(url: str) -> int:
    return min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
