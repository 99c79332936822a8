"""YAML reading that remembers where every value came from.

PyYAML's safe loader drops positions; errors for authors need them, so we
compose the node tree and build plain values ourselves, recording the line and
column of each key path. Duplicate keys are reported instead of silently
overwritten.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]
Positions = dict[Path, tuple[int, int]]


class DuplicateKey(Exception):
    def __init__(self, path: Path, key: str, line: int, column: int):
        self.path, self.key, self.line, self.column = path, key, line, column


def load(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into plain values and a map of path to (line, column).

    Raises yaml.YAMLError for syntax errors and DuplicateKey for repeated keys.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        positions: Positions = {}
        value = _build(loader, node, (), positions) if node is not None else None
    finally:
        loader.dispose()
    return value, positions


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path, positions: Positions) -> Any:
    positions[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise DuplicateKey(path, str(key), *_mark(key_node))
            result[key] = _build(loader, value_node, (*path, key), positions)
            positions[(*path, key)] = _mark(key_node)
            positions[(*path, key, "")] = _mark(value_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, (*path, i), positions) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
