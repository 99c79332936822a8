"""YAML reading that remembers where every value came from.

PyYAML's safe loader drops positions; errors for authors need them, so we
compose the node tree and build plain values ourselves, recording the line and
column of each key path. Duplicate keys are reported instead of silently
overwritten.

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
from typing import Any

import yaml

Path = tuple[str | int, ...]
KEY = "\0key"
"""Path suffix under which the position of a mapping key (not its value) is kept."""
Positions = dict[Path, tuple[int, int]]


_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class Refused(Exception):
    """YAML that Huddle does not read: an anchor, an alias or a merge key."""

    def __init__(self, what: str, line: int, column: int):
        self.what, self.line, self.column = what, line, column


class _Loader(yaml.SafeLoader):
    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_BOOL, _TIMESTAMP)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            what = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            raise Refused(what, mark.line + 1, mark.column + 1)
        return super().compose_node(parent, index)


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class DuplicateKey(Exception):
    def __init__(self, path: Path, key: str, line: int, column: int):
        self.path, self.key, self.line, self.column = path, key, line, column


def load(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into plain values and a map of path to (line, column).

    Raises yaml.YAMLError for syntax errors, DuplicateKey for repeated keys
    and Refused for anchors, aliases and merge keys.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        positions: Positions = {}
        value = _build(loader, node, (), positions) if node is not None else None
    finally:
        loader.dispose()
    return value, positions


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: _Loader, node: yaml.Node, path: Path, positions: Positions) -> Any:
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
