"""YAML loading that remembers the line of every value.

PyYAML's composer keeps a start mark on each node; we walk the node tree once,
building plain Python data and a map from each value's path (``("events", 3,
"date")``) to its 1-based line, so validation errors can point at the line.

A hostile file must not exhaust memory or the stack: nesting is limited to
`MAX_DEPTH` levels (the composer and the walk recurse), and values reached again
through aliases to `MAX_ALIAS_VALUES` (nested aliases grow exponentially: a few
hundred bytes can otherwise expand to gigabytes). Past a limit, and for keys
that are not plain values, loading raises a ``yaml.MarkedYAMLError`` with the line.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

Path = tuple[str | int, ...]

MAX_DEPTH = 64
"""Nesting levels a file may use; a dossier needs fewer than ten."""
MAX_ALIAS_VALUES = 10_000
"""Values a file may build again through aliases (each visit of an aliased node counts)."""


class LineLoader(yaml.SafeLoader):
    """SafeLoader used to compose (depth-limited) and to construct scalars."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        """Compose one node, refusing nesting deeper than `MAX_DEPTH` before the stack runs out."""
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels", mark)
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def load_with_lines(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML text into data and a path → line map. Raises yaml.YAMLError."""
    node = yaml.compose(text, Loader=LineLoader)
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    return _Builder(lines).build(node, ()), lines


class _Builder:
    """One walk of the node tree, counting values reached again through aliases."""

    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines
        self.seen: set[int] = set()
        self.again = 0

    def build(self, node: yaml.Node, path: Path) -> Any:
        self._count(node, path)
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = _key(key_node)
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return _scalar(node)

    def _count(self, node: yaml.Node, path: Path) -> None:
        if len(path) > MAX_DEPTH:  # an alias inside its own anchor nests without end
            raise ComposerError(
                None, None, f"nested deeper than {MAX_DEPTH} levels", node.start_mark
            )
        if id(node) in self.seen:
            self.again += 1
            if self.again > MAX_ALIAS_VALUES:
                message = f"aliases expand to more than {MAX_ALIAS_VALUES} values"
                raise ComposerError(None, None, message, node.start_mark)
        self.seen.add(id(node))


def _key(node: yaml.Node) -> str:
    """A mapping key: only plain values (``? [a, b]`` keys cannot name a field)."""
    if not isinstance(node, yaml.ScalarNode):
        raise ConstructorError(None, None, "a key must be a plain value", node.start_mark)
    return str(node.value)


def _scalar(node: yaml.Node) -> Any:
    loader = LineLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError, IndexError, AttributeError, OverflowError):
        # 2025-02-30, !!int "", !!timestamp yesterday: PyYAML's constructors fail in
        # many ways; the text as written lets validation report it with its line.
        return node.value
    finally:
        loader.dispose()


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of a path, or of its nearest ancestor that has one."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None
