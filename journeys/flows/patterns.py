"""A question's `pattern:`, matched in time proportional to the answer, whatever the pattern.

Python's `re` and the browser's RegExp backtrack: `(a+)+$` against thirty a's and a "!" holds
the interpreter (and every page thread) for a minute, and freezes a browser tab. So a pattern is
read here into its position automaton (Glushkov's), whose states are the pattern's characters:
an answer is matched by following all of them at once, one character at a time, so the time
grows with the answer's length and the pattern's, never exponentially. The frozen site gets
the same automaton in the flow's JSON and matches it the same way (static/patterns.js).

`catastrophic` finds the patterns that would backtrack exponentially in other engines (a
service built from the prototype may well use one): two different ways round the same loop
on the same text. `journeys check` flags them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

MAX_NESTING = 20  # brackets inside brackets
MAX_POSITIONS = 500  # characters of the pattern, once counted repeats ({2,5}) are written out
MAX_PAIRS = 100_000  # steps of the check for catastrophic backtracking
ANY = ((0, 0x10FFFF),)
DIGIT = ((0x30, 0x39),)  # ASCII only, as the rest of Journeys' checks (Python's \d takes any script's digits)
WORD = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
SPACE = ((0x09, 0x0D), (0x20, 0x20))
ESCAPED = {"n": 0x0A, "t": 0x09, "r": 0x0D, "f": 0x0C, "v": 0x0B, "a": 0x07}
UNSUPPORTED = {
    "b": "\\b (a word boundary)", "B": "\\B (not a word boundary)", "A": "\\A (the start)", "Z": "\\Z (the end)",
    "N": "\\N{...} (a character by name)",
}


class PatternError(ValueError):
    """A pattern Journeys will not match: what is wrong, and what to do."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message, self.fix = message, fix


@dataclass
class Automaton:
    """A pattern's position automaton: a set of characters per position, where each may start, follow and end."""

    sets: list[tuple] = field(default_factory=list)  # position -> sorted (first, last) code point ranges
    first: list[int] = field(default_factory=list)
    follow: list[list[int]] = field(default_factory=list)  # position -> positions after it, with repeats
    last: list[int] = field(default_factory=list)
    empty: bool = False  # whether the empty answer matches

    def as_json(self) -> dict:
        return {"sets": [[list(r) for r in ranges] for ranges in self.sets], "first": self.first,
                "follow": [sorted(set(after)) for after in self.follow], "last": self.last, "empty": self.empty}


def problem(text: str) -> PatternError | None:
    """What is wrong with a pattern, or None if Journeys can match it."""
    try:
        automaton(text)
    except PatternError as error:
        return error
    return None


@lru_cache(maxsize=256)
def automaton(text: str) -> Automaton:
    """The automaton of a pattern; PatternError if it cannot be matched."""
    _nesting(text)
    try:
        re.compile(text)  # Python's own words for a pattern that is not a regular expression at all
    except re.error as error:
        raise PatternError(f"the pattern is not a valid regular expression: {error}") from None
    tree = _Parser(text).parse()
    _anchors(tree, head=True, tail=True)
    if _size(tree) > MAX_POSITIONS:
        raise PatternError(f"the pattern is too long: it comes to more than {MAX_POSITIONS} characters once "
                           "its counted repeats ({n}) are written out",
                           "Use 'max_length' for an answer's length, and keep the pattern to its shape.")
    built = Automaton()
    first, last, built.empty = _build(tree, built)
    built.first, built.last = sorted(first), sorted(last)
    return built


def matches(text: str, answer: str) -> bool:
    """Whether the whole of `answer` matches the pattern `text`, in one pass over the answer."""
    return _Matcher.of(text).matches(answer)


def catastrophic(text: str) -> bool:
    """Whether a backtracking engine can take exponentially long to find that an answer does not match."""
    return _ambiguous(automaton(text))


# Reading: text -> a tree of ("set", ranges) | ("cat", [..]) | ("alt", [..]) | ("rep", node, least, most) | ("start",) | ("end",)

class _Parser:
    def __init__(self, text: str):
        self.text, self.at = text, 0

    def parse(self):
        return self.alternatives()

    def peek(self, ahead: int = 0) -> str:
        index = self.at + ahead
        return self.text[index] if index < len(self.text) else ""

    def take(self) -> str:
        char = self.peek()
        self.at += 1
        return char

    def alternatives(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            items.append(self.repeat(atom))
        return ("cat", items)

    def atom(self):
        char = self.take()
        if char == "(":
            self.group_kind()
            inner = self.alternatives()
            self.take()  # ")": re.compile has checked the brackets pair up
            return inner
        if char == "[":
            return ("set", self.char_class())
        if char == ".":
            return ("set", ((0, 0x09), (0x0B, 0x10FFFF)))  # any character but a new line, as in Python
        if char == "^":
            return ("start",)
        if char == "$":
            return ("end",)
        if char == "\\":
            return ("set", self.escape(in_class=False))
        return ("set", ((ord(char), ord(char)),))

    def group_kind(self) -> None:
        if self.peek() != "?":
            return
        kind = self.text[self.at:self.at + 3]
        if kind.startswith("?:"):
            self.at += 2
        elif kind.startswith("?P<") or (kind.startswith("?<") and kind[2:3] not in ("=", "!")):
            self.at = self.text.index(">", self.at) + 1  # a named group: the name does not matter here
        else:
            what = {"?=": "a look-ahead (?=...)", "?!": "a negative look-ahead (?!...)", "?<": "a look-behind (?<...)",
                    "?P": "a back-reference (?P=...)", "?>": "an atomic group (?>...)", "?#": "a comment (?#...)",
                    "?(": "a condition (?(...)...)"}.get(kind[:2], "flags (?...)")
            raise _unsupported(what)

    def repeat(self, atom):
        while True:
            char = self.peek()
            if char in ("*", "+", "?"):
                self.take()
                least, most = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            elif char == "{" and (counted := re.match(r"\{([0-9]*)(,([0-9]*))?\}", self.text[self.at:])) and (
                    counted.group(1) or counted.group(3)):
                self.at += counted.end()
                least = int(counted.group(1) or 0)
                most = int(counted.group(3)) if counted.group(3) else (None if counted.group(2) else least)
                if max(least, most or 0) > MAX_POSITIONS:
                    raise PatternError(f"the pattern repeats something {max(least, most or 0):,} times",
                                       "Use 'max_length' for an answer's length, and keep the pattern to its shape.")
            else:
                return atom
            if self.peek() == "?":
                self.take()  # lazy: the same answers match, only sooner
            elif self.peek() == "+":
                raise _unsupported("a possessive repeat (*+, ++, ?+)")
            atom = ("rep", atom, least, most)

    def char_class(self) -> tuple:
        negated = self.peek() == "^"
        if negated:
            self.take()
        ranges, started = [], self.at
        while self.peek() != "]" or self.at == started:
            low = self.class_item()
            if self.peek() == "-" and self.peek(1) not in ("]", "") and len(low) == 1 and low[0][0] == low[0][1]:
                self.take()
                high = self.class_item()
                ranges.append((low[0][0], high[-1][1]))
            else:
                ranges.extend(low)
        self.take()
        merged = _merge(ranges)
        return _complement(merged) if negated else merged

    def class_item(self) -> tuple:
        char = self.take()
        return self.escape(in_class=True) if char == "\\" else ((ord(char), ord(char)),)

    def escape(self, in_class: bool) -> tuple:
        char = self.take()
        sets = {"d": DIGIT, "w": WORD, "s": SPACE}
        if char.lower() in sets:
            chosen = sets[char.lower()]
            return _complement(chosen) if char.isupper() else chosen
        if char in ESCAPED:
            return ((ESCAPED[char], ESCAPED[char]),)
        if char in ("x", "u", "U"):
            digits = {"x": 2, "u": 4, "U": 8}[char]
            code = int(self.text[self.at:self.at + digits], 16)
            self.at += digits
            return ((code, code),)
        if char.isdigit():
            if in_class or char == "0":
                raise _unsupported("an octal escape (\\0...)")
            raise _unsupported(f"a back-reference (\\{char})")
        if char == "b" and in_class:
            return ((0x08, 0x08),)
        if char in UNSUPPORTED:
            raise _unsupported(UNSUPPORTED[char])
        return ((ord(char), ord(char)),)  # an escaped sign: itself


def _unsupported(what: str) -> PatternError:
    return PatternError(f"the pattern uses {what}, which Journeys does not support",
                        "Journeys checks an answer against a pattern in one pass, so that no answer can make it "
                        "take long: use characters, [sets], groups, | and repeats (*, +, ?, {n,m}).")


def _merge(ranges) -> tuple:
    merged: list[list[int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return tuple((low, high) for low, high in merged)


def _complement(ranges) -> tuple:
    found, start = [], 0
    for low, high in _merge(ranges):
        if low > start:
            found.append((start, low - 1))
        start = high + 1
    if start <= 0x10FFFF:
        found.append((start, 0x10FFFF))
    return tuple(found)


def _nesting(text: str) -> None:
    """Refuse brackets nested deeper than MAX_NESTING before anything recursive reads them."""
    depth, escaped, in_class = 0, False, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
            if depth > MAX_NESTING:
                raise PatternError(f"the pattern has brackets nested more than {MAX_NESTING} deep",
                                   "Write it with fewer brackets inside brackets.")
        elif char == ")":
            depth -= 1


def _anchors(node, head: bool, tail: bool) -> None:
    """^ and $ only where they mean the start and the end: an answer is always matched whole."""
    kind = node[0]
    if (kind == "start" and not head) or (kind == "end" and not tail):
        raise _unsupported("^ or $ inside the pattern (they can only start or end it)")
    if kind == "alt":
        for branch in node[1]:
            _anchors(branch, head, tail)
    elif kind == "cat":
        items = node[1]
        for index, item in enumerate(items):
            before = all(other[0] in ("start", "end") for other in items[:index])
            after = all(other[0] in ("start", "end") for other in items[index + 1:])
            _anchors(item, head and before, tail and after)
    elif kind == "rep":
        _anchors(node[1], head and node[3] == 1, tail and node[3] == 1)


def _size(node) -> int:
    kind = node[0]
    if kind == "set":
        return 1
    if kind in ("cat", "alt"):
        return sum(_size(item) for item in node[1])
    if kind == "rep":
        _, inner, least, most = node
        return _size(inner) * max(least, most if most is not None else least + 1, 1)
    return 0


def _build(node, into: Automaton) -> tuple[set, set, bool]:
    """(first, last, matches empty) of `node`, adding its positions and what follows each to `into`."""
    kind = node[0]
    if kind == "set":
        into.sets.append(node[1])
        into.follow.append([])
        position = len(into.sets) - 1
        return {position}, {position}, False
    if kind in ("start", "end"):
        return set(), set(), True
    if kind == "alt":
        built = [_build(branch, into) for branch in node[1]]
        return set().union(*(b[0] for b in built)), set().union(*(b[1] for b in built)), any(b[2] for b in built)
    if kind == "cat":
        first, last, empty = set(), set(), True
        for item in node[1]:
            item_first, item_last, item_empty = _build(item, into)
            _link(into, last, item_first)
            first |= item_first if empty else set()
            last = item_last | (last if item_empty else set())
            empty = empty and item_empty
        return first, last, empty
    if kind == "loop":  # x+: each way out of x leads round again too
        first, last, empty = _build(node[1], into)
        _link(into, last, first)
        return first, last, empty
    if kind == "opt":
        first, last, _ = _build(node[1], into)
        return first, last, True
    # A counted repeat, written out: x{2,} is x x x*, x{2,4} is x x (x x?)?, each copy its own positions.
    _, inner, least, most = node
    copies = [inner] * least
    if most is None:
        copies.append(("opt", ("loop", inner)))
    else:
        rest = None
        for _ in range(most - least):
            rest = ("opt", ("cat", [inner] + ([rest] if rest else [])))
        copies += [rest] if rest else []
    return _build(("cat", copies), into)


def _link(into: Automaton, sources: set, targets: set) -> None:
    # Repeats kept: two ways to the same position, as in (a+)+, are what makes backtracking explode.
    for source in sources:
        into.follow[source].extend(sorted(targets))


class _Matcher:
    """One pass over an answer, keeping every position the pattern could be at (as a bit mask)."""

    def __init__(self, built: Automaton):
        self.built = built
        self.lows = [[low for low, _ in ranges] for ranges in built.sets]
        self.first = _mask(built.first)
        self.last = _mask(built.last)
        self.follow = [_mask(after) for after in built.follow]
        self.taking: dict[str, int] = {}  # a character -> the positions whose set holds it
        self.after: dict[int, int] = {}  # positions -> every position that can follow one of them

    @staticmethod
    @lru_cache(maxsize=256)
    def of(text: str) -> "_Matcher":
        return _Matcher(automaton(text))

    def matches(self, answer: str) -> bool:
        if not answer:
            return self.built.empty
        here = None
        for char in answer:
            reachable = self.first if here is None else self._after(here)
            here = reachable & self._taking(char)
            if not here:
                return False
        return bool(here & self.last)

    def _taking(self, char: str) -> int:
        found = self.taking.get(char)
        if found is None:
            code, found = ord(char), 0
            for position, ranges in enumerate(self.built.sets):
                index = bisect.bisect_right(self.lows[position], code) - 1
                if index >= 0 and ranges[index][1] >= code:
                    found |= 1 << position
            if len(self.taking) > 4096:  # an answer of many different characters: start again
                self.taking.clear()
            self.taking[char] = found
        return found

    def _after(self, here: int) -> int:
        found = self.after.get(here)
        if found is None:
            found, rest = 0, here
            while rest:
                low = rest & -rest
                found |= self.follow[low.bit_length() - 1]
                rest ^= low
            if len(self.after) > 4096:
                self.after.clear()
            self.after[here] = found
        return found


def _mask(positions) -> int:
    found = 0
    for position in positions:
        found |= 1 << position
    return found


def _ambiguous(built: Automaton) -> bool:
    """Two different paths from a position back to itself over the same characters (Weideman et al.'s EDA).

    Walks pairs of positions reached together on the same text, from each position paired with
    itself; the pattern is catastrophic when a pair of different positions (or two different
    edges between the same ones) lies on a cycle through a position paired with itself.
    """
    edges = []  # (from pair, to pair, whether the two paths part here)
    seen, todo = set(), [(p, p) for p in range(len(built.sets))]
    seen.update(todo)
    counts = [dict() for _ in built.follow]
    for source, after in enumerate(built.follow):
        for target in after:
            counts[source][target] = counts[source].get(target, 0) + 1
    while todo:
        one, two = pair = todo.pop()
        for first in counts[one]:
            for second in counts[two]:
                if not _overlap(built.sets[first], built.sets[second]):
                    continue
                parting = first != second or one != two or counts[one][first] > 1
                edges.append((pair, (first, second), parting))
                if len(edges) > MAX_PAIRS:
                    return True  # too tangled to follow: as good as catastrophic
                if (first, second) not in seen:
                    seen.add((first, second))
                    todo.append((first, second))
    component = _components(seen, edges)
    with_diagonal = {component[(one, two)] for one, two in seen if one == two}
    return any(parting and component[a] == component[b] and component[a] in with_diagonal for a, b, parting in edges)


def _overlap(first: tuple, second: tuple) -> bool:
    i = j = 0
    while i < len(first) and j < len(second):
        if first[i][1] < second[j][0]:
            i += 1
        elif second[j][1] < first[i][0]:
            j += 1
        else:
            return True
    return False


def _components(nodes, edges) -> dict:
    """Each node's strongly connected component, by number (Tarjan's algorithm, without recursion)."""
    following: dict = {node: [] for node in nodes}
    for source, target, _ in edges:
        following[source].append(target)
    index, low, component, stack, on_stack = {}, {}, {}, [], set()
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, next_child = work.pop()
            if next_child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = following[node]
            if next_child < len(children):
                work.append((node, next_child + 1))
                child = children[next_child]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = node
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component
