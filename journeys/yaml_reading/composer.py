"""YAML's node tree built from the parser's events without recursion, within bounds.

PyYAML's own composers recurse: the Python one ends in RecursionError about 1,000 levels deep,
libyaml's crashes the interpreter further down. And an alias (`*name`) repeats what its anchor
(`&name`) marks, so a few hundred bytes of aliases of aliases expand to billions of values.
This composer refuses both as the events arrive, before anything is built: in milliseconds,
at the line where the limit is passed.
"""

from __future__ import annotations

from yaml.composer import ComposerError
from yaml.events import AliasEvent, CollectionEndEvent, ScalarEvent, SequenceStartEvent, StreamEndEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_DEPTH = 50  # lists and mappings inside each other: a flow needs about a dozen, conditions a few more
MAX_REPEATED = 10_000  # values repeated by aliases in one file: a list of options reused many times fits


class TooMuch(Exception):
    """A limit passed at `mark`: what happened, and what to do."""

    def __init__(self, mark, message: str, fix: str):
        super().__init__(message)
        self.mark, self.message, self.fix = mark, message, fix


class _Open:
    """A list or mapping being composed, with how many values it holds and how deep it goes."""

    __slots__ = ("node", "anchor", "key", "size", "height")

    def __init__(self, node, anchor):
        self.node, self.anchor, self.key, self.size, self.height = node, anchor, None, 1, 1

    def add(self, node, size: int, height: int) -> None:
        self.size += size
        self.height = max(self.height, height + 1)
        if isinstance(self.node, SequenceNode):
            self.node.value.append(node)
        elif self.key is None:
            self.key = node
        else:
            self.node.value.append((self.key, node))
            self.key = None


def compose(loader):
    """The single document's root node from `loader`'s events (None for an empty stream)."""
    loader.get_event()  # the stream's start
    root = None
    if not loader.check_event(StreamEndEvent):
        loader.get_event()  # the document's start
        root = _document(loader)
        loader.get_event()  # the document's end
    if not loader.check_event(StreamEndEvent):
        event = loader.get_event()
        raise ComposerError("expected a single document in the stream", root.start_mark if root else None,
                            "but found another document", event.start_mark)
    return root


def _document(loader):
    anchors: dict = {}  # name -> (node, size, height) of each finished anchored value
    stack: list[_Open] = []
    repeated = 0
    while True:
        event = loader.get_event()
        if isinstance(event, CollectionEndEvent):
            done = stack.pop()
            done.node.end_mark = event.end_mark
            node, size, height = done.node, done.size, done.height
            if done.anchor is not None:
                anchors[done.anchor] = (node, size, height)
        elif isinstance(event, AliasEvent):
            node, size, height = _aliased(event, anchors, stack)
            repeated += size
            if repeated > MAX_REPEATED:
                raise TooMuch(event.start_mark, f"the aliases in this file repeat more than {MAX_REPEATED:,} values "
                              f"(*{event.anchor} here repeats {size:,})",
                              "Write the values out where they are needed, or use fewer aliases (*name), "
                              "and none inside an anchor (&name) that is itself repeated.")
        else:
            if event.anchor is not None and (event.anchor in anchors or any(o.anchor == event.anchor for o in stack)):
                first = anchors[event.anchor][0].start_mark if event.anchor in anchors else None
                raise ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence", first,
                                    "second occurrence", event.start_mark)
            if not isinstance(event, ScalarEvent):
                if len(stack) >= MAX_DEPTH:
                    raise _too_deep(event.start_mark)
                stack.append(_Open(_collection(loader, event), event.anchor))
                continue
            node, size, height = _scalar(loader, event), 1, 0
            if event.anchor is not None:
                anchors[event.anchor] = (node, size, height)
        if not stack:
            return node
        stack[-1].add(node, size, height)


def _aliased(event, anchors: dict, stack: list[_Open]):
    if any(o.anchor == event.anchor for o in stack):
        raise TooMuch(event.start_mark, f"the alias *{event.anchor} is inside its own anchor &{event.anchor}, "
                      "so it would repeat forever", f"Remove *{event.anchor} from inside &{event.anchor}.")
    if event.anchor not in anchors:
        raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
    node, size, height = anchors[event.anchor]
    if len(stack) + height > MAX_DEPTH:
        raise _too_deep(event.start_mark)
    return node, size, height


def _scalar(loader, event) -> ScalarNode:
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(ScalarNode, event.value, event.implicit)
    # YAML 1.1 reads Yes, No, On and Off as true and false: `options: [Yes, No]` would become
    # [True, False]. Designers mean the words, so they stay text (as in YAML 1.2). A plain
    # (unquoted) scalar's style is None from PyYAML's parser, '' from libyaml's.
    if tag == "tag:yaml.org,2002:bool" and not event.style and event.value.lower() not in ("true", "false"):
        tag = "tag:yaml.org,2002:str"
    return ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)


def _collection(loader, event):
    kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, None, event.implicit)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)


def _too_deep(mark) -> TooMuch:
    return TooMuch(mark, f"this is nested more than {MAX_DEPTH} levels deep",
                   "A flow needs only a few levels: check the indenting here, and write a long condition "
                   "as one 'all:' or 'any:' list rather than nesting conditions inside each other.")
