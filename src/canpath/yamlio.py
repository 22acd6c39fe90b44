"""Strict, YAML-1.2-style reading for profiles and parameter files.

People write `province: ON` and `citizenships: [NO]`. A YAML 1.1 reader turns those into booleans;
canpath reads booleans the YAML 1.2 way (only true/false), ints without sexagesimal or octal
surprises, rejects duplicate keys, and refuses anchors and aliases (the "billion laughs" attack
becomes a clear error instead of a hang). Files over a size limit and absurdly deep nesting are
refused before any work is done.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

__all__ = ["YamlProblem", "load_yaml_file", "load_yaml_text"]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
MAX_NODES = 200_000


class YamlProblem(ValueError):
    """The text is not YAML canpath accepts; `line` and `column` are 1-based when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")


class StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader with YAML 1.2 core-schema booleans and numbers, and no duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, list | dict):
                raise YamlProblem("a mapping key must be a plain value", *_mark(key_node))
            if key in seen:
                raise YamlProblem(f"duplicate key {key!r}", *_mark(key_node))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise YamlProblem(
                f"{node.value!r} is not a valid date ({error})", *_mark(node)
            ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _core_schema_resolvers() -> dict[Any, Any]:
    dropped = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    return {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in dropped]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


StrictLoader.yaml_implicit_resolvers = _core_schema_resolvers()
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9][0-9_]*$"), list("-+0123456789")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+)$"
    ),
    list("-+.0123456789"),
)


def _check_graph(root: yaml.Node) -> None:
    """Refuse shared nodes (anchors/aliases), excessive depth and excessive size."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise YamlProblem("anchors and aliases (&, *) are not allowed", *_mark(node))
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", *_mark(node))
        if len(seen) > MAX_NODES:
            raise YamlProblem(f"more than {MAX_NODES} values; this is not a profile", *_mark(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def load_yaml_text(text: str) -> Any:
    """Parse one YAML document strictly; raise YamlProblem with a line number on any problem."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(node)
        return loader.construct_document(node)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or str(error)
        if mark is not None:
            raise YamlProblem(message, mark.line + 1, mark.column + 1) from None
        raise YamlProblem(message) from None
    except yaml.YAMLError as error:
        raise YamlProblem(str(error)) from None
    except (ValueError, OverflowError) as error:  # e.g. a timestamp like 2025-02-30
        raise YamlProblem(f"bad value: {error}") from None
    finally:
        loader.dispose()


def load_yaml_file(path: Path, max_bytes: int = 1_000_000) -> Any:
    """Read and parse a YAML file, refusing files larger than `max_bytes`."""
    size = path.stat().st_size
    if size > max_bytes:
        raise YamlProblem(f"file is {size:,} bytes; the limit is {max_bytes:,}")
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlProblem(f"not UTF-8 text (byte {error.start})") from None
    return load_yaml_text(text)
