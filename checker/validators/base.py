"""What a fact kind is: its own keys, how it compiles a fact, how it checks a sentence.

A kind reads its keys from the fact's YAML entry at load time (where every
problem is reported with its line and column) and, at run time, only matches.
"""
from __future__ import annotations

from typing import Any, ClassVar

from ..errors import Problem, did_you_mean
from ..lexicon import Lexicon
from ..model import Fact, Finding
from ..yamlpos import Y


class Entry:
    """A fact's YAML mapping, read key by key; problems are collected, not raised."""

    def __init__(self, node: Y, path: str, problems: list[Problem], label: str):
        self.node = node
        self.path = path
        self.problems = problems
        self.label = label
        self.implied_cues: list[str] = []  # read from the claim when `cues` is not given

    def has(self, key: str) -> bool:
        return key in self.node.value and not self.node.value[key].is_null

    def where(self, key: str | None = None) -> Y:
        if key and key in self.node.value:
            return self.node.value[key]
        return self.node

    def problem(self, key: str | None, message: str) -> None:
        at = self.where(key)
        self.problems.append(Problem(self.path, at.line, at.column, f"{self.label}: {message}"))

    def text(self, key: str, required: bool = False) -> str | None:
        if not self.has(key):
            if required:
                self.problem(None, f"missing '{key}'")
            return None
        v = self.node.value[key]
        if v.kind != "scalar":
            self.problem(key, f"'{key}' must be a single value, not {v.describe()}")
            return None
        if not str(v.value).strip():
            self.problem(key, f"'{key}' is empty")
            return None
        return str(v.value)

    def texts(self, key: str, required: bool = False) -> list[str]:
        """A word or a list of words."""
        if not self.has(key):
            if required:
                self.problem(None, f"missing '{key}'")
            return []
        v = self.node.value[key]
        items = [v] if v.kind == "scalar" else v.value if v.kind == "seq" else None
        if items is None:
            self.problem(key, f"'{key}' must be a word or a list of words, not {v.describe()}")
            return []
        out = []
        for item in items:
            if item.kind != "scalar" or item.is_null or not str(item.value).strip():
                self.problems.append(Problem(self.path, item.line, item.column,
                                             f"{self.label}: '{key}' items must be words, not {item.describe()}"))
                continue
            out.append(str(item.value))
        if required and not out:
            self.problem(key, f"'{key}' is empty")
        return out

    def cues(self) -> list[str]:
        """The `cues`, without lone function words: "on" or "with" is near every value and
        ties none to the fact. Without `cues`, the claim's own words (`claim_cues`)."""
        if not self.has("cues"):
            return list(self.implied_cues)
        return [c for c in self.texts("cues") if c.strip().lower() not in _EMPTY_CUES]

    def flag(self, key: str) -> bool:
        if not self.has(key):
            return False
        v = self.node.value[key]
        if v.kind == "scalar" and v.tag.endswith(":bool"):
            return v.value.lower() in ("true", "yes", "on", "y")
        self.problem(key, f"'{key}' must be true or false, not {v.describe()}")
        return False


def add_cues(entry: "Entry", lexicon, about: tuple[str, ...], units: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Register a fact's cues; return their keys.

    A cue that the fact base also lists as an alias of one of the fact's own
    anchors ("crash" among the helicopter's aliases) or units ("dead" among
    "people") stands for its own word only: expanded, it would make every
    mention of the anchor ("wreckage", "helicopter") or every count of the unit
    ("3 million people ... were displaced") a cue, and tie any value near it to
    the fact."""
    own = set(about) | {lexicon.aliases.canonical(u) for u in units}
    return tuple(lexicon.add("cue", c, expand=lexicon.aliases.canonical(c) not in own)
                 for c in entry.cues())


_EMPTY_CUES = frozenset("""a an the to of in on at by for from with into onto over under and or but as than that
this these those is are was were be been being it its has have had do did""".split())


class Validator:
    """Base of a fact kind. Subclasses set `kind` and `keys` and implement the rest."""

    kind: ClassVar[str] = ""
    keys: ClassVar[dict[str, str]] = {}  # the kind's own keys and what each means
    value_required: ClassVar[bool] = True

    def compile(self, entry: Entry, value: str | None, lexicon: Lexicon) -> Any:
        """Read the kind's own keys and the value; return the compiled spec (or None on problems)."""
        raise NotImplementedError

    def triggers(self, fact: Fact) -> list[tuple[str, str]]:
        """(category, key) phrases whose presence makes a sentence worth checking for this fact."""
        raise NotImplementedError

    def needs(self, fact: Fact) -> list[tuple[str, str]]:
        """(category, key) anchors that must all be in reach before any value can bind
        to the fact; the engine hands the fact over only when they are."""
        return []

    def expected(self, fact: Fact) -> str:
        return fact.value_text

    def check(self, view, facts: list[Fact]) -> list[Finding]:
        """Findings for the given facts in one sentence."""
        raise NotImplementedError


def unknown_key_message(key: str, allowed) -> str:
    return f"unknown key '{key}'{did_you_mean(key, allowed)}"
