"""Questions rendered fast: each GOV.UK macro runs once per shape, and the words are put in.

Every question on every page is different, so no cache of whole calls helps. But two radios
questions with the same number of options, hints and settings differ only in their words:
the macro's HTML for one is the other's with the words swapped. So each call is made with
placeholders standing in for its words, the HTML of that shape is kept, and the words are
put back, escaped exactly as the macro would have escaped them.

This holds because GOV.UK's form macros only print these words (escaped, or as they are for
Markup), join them into ids (`name ~ "-hint"`), test whether they are empty, and compare them
for equality (`item.value == params.value`). So: equal words share a placeholder, empty words
are never replaced, and a word that `trim` or `indent` would change (a line break, spaces at
either end) is left in place, as part of the shape. tests/test_component_shapes.py compares
the result with the macro's own for every question type and many words.

The placeholders are made of two private-use characters. A person can type those too: a call
with either of them anywhere in its parameters is rendered by the macro itself, never from a
shape, so no typed text can ever be read as a placeholder.
"""

from __future__ import annotations

import re
import threading

from markupsafe import Markup, escape

from journeys.rendering.macro_cache import Unkeyable, key_of

# Parameters holding words, names and values. Not `classes`, `type` or `autocomplete`: they
# are few, and part of a shape.
WORD_KEYS = frozenset({"text", "html", "value", "values", "name", "id", "namePrefix", "idPrefix", "for"})
# Words a macro changes: the date input capitalises its parts' names (day -> Day).
FIXED = {"govukDateInput": {("items", "name")}}
PLACEHOLDER = re.compile("\ue000([0-9]+)\ue001")
RESERVED = re.compile("[\ue000\ue001]")
MAX_SHAPES = 2048

_shapes: dict = {}
_lock = threading.Lock()


def render_shaped(macro, name: str, params: dict) -> Markup:
    """`macro(params)`, from the HTML of its shape when that has been seen before."""
    words: list = []  # the placeholder's number -> the HTML to put back
    numbers: dict = {}  # (type, word) -> its placeholder's number

    def placeholder(word):
        number = numbers.get((type(word), word))
        if number is None:
            number = numbers[(type(word), word)] = len(words)
            words.append(word if isinstance(word, Markup) else escape(word))
        text = f"\ue000{number}\ue001"
        return Markup(text) if isinstance(word, Markup) else text

    try:
        shape = _with_placeholders(params, placeholder, FIXED.get(name, set()), ())
        key = key_of((name, shape))
    except Unkeyable:
        return macro(params)
    html = _shapes.get(key)
    if html is None:
        html = str(macro(shape))
        with _lock:
            if len(_shapes) >= MAX_SHAPES:
                _shapes.clear()
            _shapes[key] = html
    return Markup(PLACEHOLDER.sub(lambda match: words[int(match.group(1))], html))


def _with_placeholders(value, placeholder, fixed: set, path: tuple):
    if isinstance(value, dict):
        return {key: _child(key, item, placeholder, fixed, path) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_placeholders(item, placeholder, fixed, path) for item in value]
    if isinstance(value, str) and RESERVED.search(value):
        raise Unkeyable("a placeholder's own characters, typed in")
    return value


def _child(key, item, placeholder, fixed: set, path: tuple):
    here = path + (key,)
    if key in WORD_KEYS and (path[-1:] + (key,)) not in fixed:
        if _replaceable(item):
            return placeholder(item)
        if key == "values" and isinstance(item, list):
            return [placeholder(word) if _replaceable(word) else _with_placeholders(word, placeholder, fixed, here)
                    for word in item]
    return _with_placeholders(item, placeholder, fixed, here)


def _replaceable(word) -> bool:
    """A word the macro prints or compares as it is (`trim` and `indent` leave it alone)."""
    # splitlines, as Jinja's indent does: \r, \x0b, \u2028... break lines too.
    return (type(word) is str or type(word) is Markup) and word != "" and word == word.strip() \
        and word.splitlines() == [word] and not RESERVED.search(word)
