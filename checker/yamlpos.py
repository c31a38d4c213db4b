"""YAML read with positions: every value keeps the line and column it came from.

We compose (never construct) with the safe loader, so no tag can run code, and
scalars stay the strings the user wrote: `2024-06-18` and `5e6` reach our own
parsers untouched instead of YAML 1.1's guesses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import InputError, Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_KEPT_TAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:merge")
# Of YAML's implicit types only these are read from tags (empty values, yes/no flags,
# merge keys, which are refused); numbers and dates stay the strings our parsers read.
_IMPLICIT = {first: [(tag, rx) for tag, rx in rules if tag in _KEPT_TAGS]
             for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_IMPLICIT = {first: rules for first, rules in _IMPLICIT.items() if rules}


class _Loader(_BaseLoader):
    def resolve(self, kind, value, implicit):
        # Called for every node: trying only the kept types is a third of a large fact base's load time.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, rx in _IMPLICIT.get(value[:1], ()):
                    if rx.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

_MAX_NODES = 200_000
_MAX_DEPTH = 64
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}


@dataclass
class Y:
    """A YAML value with its position (1-based)."""

    kind: str  # "scalar", "seq" or "map"
    value: Any  # str, list[Y] or dict[str, Y]
    tag: str
    line: int
    column: int
    keys: dict[str, Y] = field(default_factory=dict)  # key nodes of a map

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag.endswith(":null")

    def describe(self) -> str:
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        if self.is_null:
            return "empty"
        return f"'{self.value}'"


def _deep_bracket(text: str) -> int | None:
    """The offset of the first flow bracket ('[' or '{') nested deeper than _MAX_DEPTH; None if
    there is none."""
    depth = 0
    for i, ch in _flow_brackets(text):
        depth = depth + 1 if ch in "[{" else max(0, depth - 1)
        if depth > _MAX_DEPTH:
            return i
    return None


def load(text: str, path: str) -> Y | None:
    """Parse YAML text into located values; problems raise InputError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark and mark.index >= len(text.rstrip()):
            mark = e.context_mark  # the text ended inside something: point at where it opened
        msg = e.problem or e.context or "invalid YAML"
        if e.context and e.problem:
            msg = f"{e.problem} ({e.context})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if "nesting depth" in msg:
            # libyaml (0.2.6, in PyYAML 6.0.4) stops at 1,000 levels, before our own limit
            # is checked: say ours, at the bracket that passes it
            at = _deep_bracket(text)
            if at is not None:
                line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
            raise InputError([Problem(path, line, col, f"nested deeper than {_MAX_DEPTH} levels")]) from None
        opened = _unclosed_bracket(text) if mark and mark.index >= len(text.rstrip()) and "flow" in msg else None
        if opened is not None:  # libyaml marks the end of the text: name the bracket left open instead
            line = text.count("\n", 0, opened) + 1
            col = opened - (text.rfind("\n", 0, opened) + 1) + 1
            msg = f"'{text[opened]}' is never closed ({msg})"
        raise InputError([Problem(path, line, col, f"invalid YAML: {msg}")]) from None
    except yaml.reader.ReaderError as e:  # a character YAML forbids; it carries an offset, not a mark
        line = text.count("\n", 0, e.position) + 1
        col = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        what = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise InputError([Problem(path, line, col, f"invalid YAML: character {what} is not allowed")]) from None
    except yaml.YAMLError as e:
        raise InputError([Problem(path, None, None, f"invalid YAML: {' '.join(str(e).split())}")]) from None
    except RecursionError:
        raise InputError([Problem(path, None, None, "invalid YAML: nested too deeply")]) from None
    if node is None:
        return None
    budget = [_MAX_NODES]
    return _convert(node, path, budget, 0, set())


def _unclosed_bracket(text: str) -> int | None:
    """Offset of the last '[' or '{' left open."""
    stack: list[int] = []
    for i, ch in _flow_brackets(text):
        if ch in "[{":
            stack.append(i)
        elif stack:
            stack.pop()
    return stack[-1] if stack else None


def _flow_brackets(text: str):
    """(offset, bracket) of every flow bracket outside quotes and comments, in order."""
    quote = None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == quote and not (quote == '"' and text[i - 1] == "\\"):
                quote = None
        elif ch in "\"'" and (i == 0 or text[i - 1] in " \t\n[{,:"):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t\n"):
            i = text.find("\n", i)
            if i < 0:
                return
        elif ch in "[]{}":
            yield i, ch
        i += 1


def _convert(node, path: str, budget: list[int], depth: int, inside: set[int]) -> Y:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if id(node) in inside:
        raise InputError([Problem(path, line, col, "a YAML alias refers to a value that contains it (a cycle)")])
    budget[0] -= 1
    if budget[0] < 0:
        raise InputError([Problem(path, line, col, f"too many values (over {_MAX_NODES}; YAML aliases expand)")])
    if depth > _MAX_DEPTH:
        raise InputError([Problem(path, line, col, f"nested deeper than {_MAX_DEPTH} levels")])
    if node.tag not in _PLAIN_TAGS:
        raise InputError([Problem(path, line, col, f"tag '{node.tag}' is not allowed (plain YAML only)")])
    if isinstance(node, yaml.ScalarNode):
        return Y("scalar", node.value, node.tag, line, col)
    inside.add(id(node))  # the collections we are inside of: an alias to one of them is a cycle
    try:
        return _collection(node, path, budget, depth, inside, line, col)
    finally:
        inside.discard(id(node))


def _collection(node, path: str, budget: list[int], depth: int, inside: set[int], line: int, col: int) -> Y:
    if isinstance(node, yaml.SequenceNode):
        return Y("seq", [_convert(n, path, budget, depth + 1, inside) for n in node.value], node.tag, line, col)
    out: dict[str, Y] = {}
    keys: dict[str, Y] = {}
    for knode, vnode in node.value:
        if knode.tag.endswith(":merge"):  # before the tag check, which would name the tag, not the key
            at = knode.start_mark
            raise InputError([Problem(path, at.line + 1, at.column + 1, "merge keys ('<<') are not supported")])
        key = _convert(knode, path, budget, depth + 1, inside)
        if key.kind != "scalar":
            raise InputError([Problem(path, key.line, key.column, "a key must be a plain word")])
        if key.value in out:
            first = keys[key.value]
            raise InputError([Problem(path, key.line, key.column,
                                      f"duplicate key '{key.value}' (first at line {first.line})")])
        keys[key.value] = key
        out[key.value] = _convert(vnode, path, budget, depth + 1, inside)
    return Y("map", out, node.tag, line, col, keys)
