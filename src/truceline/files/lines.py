"""YAML loading that remembers the line of every value.

PyYAML's composer keeps a start mark on each node; we walk the node tree once,
building plain Python data and a map from each value's path (``("events", 3,
"date")``) to its 1-based line, so validation errors can point at the line.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]


class LineLoader(yaml.SafeLoader):
    """SafeLoader used to construct scalars (dates become date objects, as usual)."""


def load_with_lines(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML text into data and a path → line map. Raises yaml.YAMLError."""
    node = yaml.compose(text, Loader=LineLoader)
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    return _build(node, (), lines), lines


def _build(node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, (*path, key), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    loader = LineLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        return node.value  # e.g. 2025-02-30: let validation report it with its line
    finally:
        loader.dispose()


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of a path, or of its nearest ancestor that has one."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None
