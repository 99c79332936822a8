"""Huddle's one YAML reader: fast values, and where every value came from when an error needs it.

Frameworks, case-study front matter, the strings file and site.yml's key lines
are all read here. Values come from libyaml (PyYAML's C parser) when it is
installed; the line and column of each key path come from the pure-Python
composer, which is eight times slower and keeps marks for every node, so it
runs only when a line is first asked for: when a file has a problem. Syntax
errors, repeated keys, anchors and merge keys are reported by that same
pure-Python reading too, so their messages and lines do not depend on which
parser is installed.

Anchors, aliases and merge keys are refused: no framework or front matter
needs them, and an alias expanded again and again (a "billion laughs") would
take the build's memory. The first anchor stops reading, so refusing costs
nothing.

Scalars follow YAML 1.2 where 1.1 surprises authors: only true/false are
booleans (`yes`, `no`, `on` stay text, so a label "No" is not False), and
dates stay text (the schema checks their format).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

Path = tuple[str | int, ...]
KEY = "\0key"
"""Path suffix under which the position of a mapping key (not its value) is kept."""

_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_RESOLVERS = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_BOOL, _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_TRUE_FALSE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class Refused(Exception):
    """YAML that Huddle does not read: an anchor, an alias or a merge key."""

    def __init__(self, what: str, line: int, column: int):
        self.what, self.line, self.column = what, line, column


class DuplicateKey(Exception):
    def __init__(self, path: Path, key: str, line: int, column: int):
        self.path, self.key, self.line, self.column = path, key, line, column


class _Loader(yaml.SafeLoader):
    """The pure-Python reader: it sees every anchor and alias before composing it, and keeps every mark."""

    yaml_implicit_resolvers = _RESOLVERS

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            what = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            raise Refused(what, mark.line + 1, mark.column + 1)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


_Loader.add_implicit_resolver(_BOOL, _TRUE_FALSE, list("tTfF"))

_FastBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_FastBase):  # type: ignore[valid-type,misc]
    """libyaml when installed, with the same scalars as _Loader; its composer resolves aliases unseen."""

    yaml_implicit_resolvers = _RESOLVERS


_FastLoader.add_implicit_resolver(_BOOL, _TRUE_FALSE, list("tTfF"))


class Positions(Mapping[Path, tuple[int, int]]):
    """The (line, column) of each key path of one document, composed when first asked for."""

    def __init__(self, text: str, found: dict[Path, tuple[int, int]] | None = None) -> None:
        self._text, self._found = text, found

    def _all(self) -> dict[Path, tuple[int, int]]:
        if self._found is None:
            try:
                self._found = _positioned(self._text)[1]
            except (yaml.YAMLError, Refused, DuplicateKey, RecursionError):
                self._found = {}  # libyaml read what the pure reader cannot: the problem is named without a line
        return self._found

    def __getitem__(self, path: Path) -> tuple[int, int]:
        return self._all()[path]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class _Again(Exception):
    """A repeated key, a merge key or deep nesting in the fast reading: read again, with positions."""


def load(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into plain values and a map of path to (line, column).

    Raises yaml.YAMLError for syntax errors, DuplicateKey for repeated keys
    and Refused for anchors, aliases and merge keys, each from the pure-Python
    reading so that its line and message are the same with or without libyaml.
    """
    if _anchored(text):  # libyaml's composer would hide it: the pure reading refuses it, with its line
        value, found = _positioned(text)
        return value, Positions(text, found)
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        value = _values(loader, node) if node is not None else None
    except (yaml.YAMLError, _Again):
        value, found = _positioned(text)  # raises the error with the pure reader's words and lines
        return value, Positions(text, found)
    finally:
        loader.dispose()
    return value, Positions(text)


def _anchored(text: str) -> bool:
    """Whether `text` may hold an anchor or an alias. Most texts with a "&" or "*" hold neither ("R&D", Markdown's
    *emphasis*): libyaml's events say so at C speed, so only a text that has one (or that libyaml cannot read,
    whose error the pure reading then gives) is composed by the pure reader, eight times slower."""
    if "&" not in text and "*" not in text:
        return False
    try:
        for event in yaml.parse(text, Loader=_FastBase):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return True
    except yaml.YAMLError:
        return True
    return False


_DEEPEST = 64
"""Nesting past which the pure reading decides, as before libyaml: it runs out of recursion (a problem the
author is told of) well before libyaml's own limit of 1000 levels."""


def _values(loader: yaml.SafeLoader, node: yaml.Node, depth: int = 0) -> Any:
    """The node's plain value, built as _build builds it (any mapping is a dict, any sequence a list)."""
    if depth > _DEEPEST:
        raise _Again
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key_node.tag == "tag:yaml.org,2002:merge" or key in result:
                raise _Again
            result[key] = _values(loader, value_node, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_values(loader, child, depth + 1) for child in node.value]
    return loader.construct_object(node, deep=True)


def _positioned(text: str) -> tuple[Any, dict[Path, tuple[int, int]]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        positions: dict[Path, tuple[int, int]] = {}
        value = _build(loader, node, (), positions) if node is not None else None
    finally:
        loader.dispose()
    return value, positions


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: _Loader, node: yaml.Node, path: Path, positions: dict[Path, tuple[int, int]]) -> Any:
    positions[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise Refused("merge key", *_mark(key_node))
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise DuplicateKey(path, str(key), *_mark(key_node))
            result[key] = _build(loader, value_node, (*path, key), positions)
            # The key's own place, for "unknown key" and "appears twice" problems;
            # the value's place is kept under the path itself.
            positions[(*path, key, KEY)] = _mark(key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, (*path, i), positions) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of each mapping key of a config file such as site.yml, by its path of keys (list items add
    nothing to a path). A shallower key wins over a deeper one of the same path end; nothing is constructed,
    so MkDocs' own tags (`!ENV`, `!!python/name:`) are fine. Raises yaml.YAMLError for syntax errors."""
    lines: dict[tuple[str, ...], int] = {}
    root = yaml.compose(text, Loader=_FastBase)
    level: list[tuple[yaml.Node | None, tuple[str, ...]]] = [(root, ())]
    while level:  # breadth first
        deeper: list[tuple[yaml.Node | None, tuple[str, ...]]] = []
        for node, path in level:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    here = (*path, key.value if isinstance(key, yaml.ScalarNode) else "")
                    lines.setdefault(here, key.start_mark.line + 1)
                    deeper.append((value, here))
            elif isinstance(node, yaml.SequenceNode):
                deeper.extend((item, path) for item in node.value)
        level = deeper
    return lines
