"""The answers a prototype can ask for: its questions, and the fields its own pages and layouts name.

A flow page keeps only its questions' answers. A Jinja page's form may post any field, so a
field is kept only when its name is written in one of the prototype's pages or layouts: as
a form field (`name="email"`, or `"name": "email"` in a GOV.UK macro; a date input's
`"namePrefix": "dob"` gives dob-day, dob-month and dob-year), or where a page reads it
(`data.email`, `data["email"]`, `data.get("email")`, `answer("email")`). Anything else a request sends, however
much, is never stored. Each file is read once until it changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from journeys.file_cache import FileCache
from journeys.prototype import Prototype

# <input name="x">, <select name='x'>, <textarea name="x">, <button name="x">: a written name, not {{ made }}.
HTML_FIELD = re.compile(r"""<(?:input|select|textarea|button)\b[^>]*?\bname\s*=\s*["']([^"'{}<>]+)["']""", re.I)
MACRO_NAME = re.compile(r"""["']name["']\s*:\s*["']([^"'{}]+)["']""")
MACRO_PREFIX = re.compile(r"""["']namePrefix["']\s*:\s*["']([^"'{}]+)["']""")
READ = re.compile(r"""\bdata\s*(?:\.\s*get\(\s*["']([^"']+)["']|\.\s*([A-Za-z_]\w*)|\[\s*["']([^"']+)["']\s*\])"""
                  r"""|\banswer\(\s*["']([^"']+)["']""")
DATE_PARTS = ("day", "month", "year")

_last: tuple = (None, frozenset())  # (the model, the names its templates give): one model at a time


def can_ask_for(model: Prototype, files: FileCache, name: str) -> bool:
    """Whether a question of the prototype, or one of its pages or layouts, names the field `name`."""
    return model.question(name) is not None or name in _template_names(model, files)


def _template_names(model: Prototype, files: FileCache) -> frozenset:
    global _last
    known, names = _last
    if known is not model:
        project = model.project
        paths = [project.pages / name for name in model.listing.pages if name.endswith(".html")]
        paths += [project.layouts / name for name in model.listing.layouts if name.endswith(".html")]
        names = frozenset().union(*(files.get(path, "form fields", names_in_file) for path in paths))
        _last = (model, names)
    return names


def names_in_file(path: Path) -> frozenset:
    """Every field name written in one template."""
    try:
        return names_in(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return frozenset()  # deleted since the folder was read


def names_in(text: str) -> frozenset:
    """Every field name written in a template's source."""
    names = set(HTML_FIELD.findall(text)) | set(MACRO_NAME.findall(text))
    names |= {next(part for part in match if part) for match in READ.findall(text)}
    for prefix in MACRO_PREFIX.findall(text):
        # A GOV.UK date input's fields are its prefix and each item's name (day, month, year by default).
        names |= {f"{prefix}-{part}" for part in (*DATE_PARTS, *names)}
    return frozenset(names)
