"""Load facts.yaml: check every key, compile every fact, build the one lexicon.

All problems are collected and reported together, each as `file:line:col:
message`; nothing is half-loaded.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

from .claim_cues import claim_cues
from .errors import InputError, Problem, did_you_mean
from .lexicon import Aliases, Lexicon
from .model import Fact, Interval, Position
from .text import byte_position
from .triggers import TriggerIndex
from .validators import Entry, registry
from .validators.base import unknown_key_message
from .values.dates import parse_date_value
from .yamlpos import Y, load

TOP_KEYS = {
    "version": "the format version: 1",
    "sources": "the texts to check: globs, or mappings of path and date",
    "aliases": "synonym groups: canonical term -> its variants",
    "facts": "the list of facts",
    "waivers": "contradictions a desk has accepted",
    "reference_date": "the publication date to assume for sources without one",
}
COMMON_KEYS = {
    "id": "unique name of the fact: [a-z0-9][a-z0-9._-]*",
    "kind": "what sort of fact: one of the registered kinds",
    "claim": "the fact in words, shown in reports",
    "about": "anchors: every item (or an alias) must occur near the value",
    "cues": "words that tie a value to this fact",
    "value": "the value, read by the same parser as the texts",
    "required": "a gap for this fact also fails the run",
    "valid": "when the fact holds (a date interval, open ends as ..)",
    "note": "free text for people; ignored",
}
SOURCE_KEYS = {"path": "a file or glob", "date": "its publication date, YYYY-MM-DD"}
WAIVER_KEYS = {"fact": "the fact id", "source": "a source path or glob", "reason": "why it is accepted",
               "until": "when the waiver lapses, YYYY-MM-DD"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceSpec:
    pattern: str
    date: dt.date | None
    line: int
    column: int


@dataclass(frozen=True)
class Waiver:
    fact: str
    source: str
    reason: str
    until: dt.date | None
    line: int
    column: int


@dataclass
class FactBase:
    path: str
    facts: tuple[Fact, ...]
    lexicon: Lexicon
    sources: list[SourceSpec] = field(default_factory=list)
    reference_date: dt.date | None = None
    waivers: list[Waiver] = field(default_factory=list)
    index: TriggerIndex = field(default_factory=lambda: TriggerIndex((), [], []))

    @cached_property
    def order(self) -> dict[str, int]:
        """Each fact's place in the fact base, the order every report keeps."""
        return {f.id: i for i, f in enumerate(self.facts)}

    def fact(self, fact_id: str) -> Fact | None:
        i = self.order.get(fact_id)
        return None if i is None else self.facts[i]


def read_text(path: str, data: bytes) -> str:
    """Decode UTF-8 (BOM allowed); a bad byte is reported with its line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line, col = byte_position(data, e.start)
        raise InputError([Problem(path, line, col,
                                  f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})")]) from None


def load_factbase(path: str) -> FactBase:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError([Problem(path, None, None, "no such file")]) from None
    except IsADirectoryError:
        raise InputError([Problem(path, None, None, "is a directory, not a fact base")]) from None
    except OSError as e:
        raise InputError([Problem(path, None, None, f"cannot read: {e.strerror or e}")]) from None
    if len(data) > MAX_BYTES:
        raise InputError([Problem(path, None, None, f"larger than {MAX_BYTES // (1024 * 1024)} MB")])
    return parse_factbase(read_text(path, data), path)


def parse_factbase(text: str, path: str) -> FactBase:
    root = load(text, path)
    problems: list[Problem] = []
    if root is None or root.kind != "map":
        what = "empty" if root is None else root.describe()
        at = (root.line, root.column) if root else (1, 1)
        raise InputError([Problem(path, *at, f"a fact base must be a mapping with a 'facts' list, not {what}")])
    top = root.value
    for key, node in root.keys.items():
        if key not in TOP_KEYS:
            problems.append(Problem(path, node.line, node.column, unknown_key_message(key, TOP_KEYS)))
    if "version" in top and (top["version"].kind != "scalar" or top["version"].value != "1"):
        v = top["version"]
        problems.append(Problem(path, v.line, v.column, f"unsupported version {v.describe()} (this is version 1)"))
    aliases = _aliases(top.get("aliases"), path, problems)
    lexicon = Lexicon(aliases)
    facts = _facts(top.get("facts"), root, path, problems, lexicon)
    sources = _sources(top.get("sources"), path, problems)
    ref = _date_field(top.get("reference_date"), path, problems, "reference_date")
    waivers = _waivers(top.get("waivers"), path, problems, {f.id for f in facts})
    if problems:
        # A key read by both the shared code and a kind must not be reported twice.
        raise InputError(sorted(dict.fromkeys(problems), key=lambda p: (p.line or 0, p.column or 0)))
    kinds = registry()
    index = TriggerIndex(facts, [kinds[f.kind].triggers(f) for f in facts], [kinds[f.kind].needs(f) for f in facts])
    return FactBase(path, tuple(facts), lexicon, sources, ref, waivers, index)


def _aliases(node: Y | None, path: str, problems: list[Problem]) -> Aliases:
    aliases = Aliases()
    if node is None or node.is_null:
        return aliases
    if node.kind != "map":
        problems.append(Problem(path, node.line, node.column,
                                f"aliases must map a term to its variants, not {node.describe()}"))
        return aliases
    for canon, variants in node.value.items():
        items = [variants] if variants.kind == "scalar" else variants.value if variants.kind == "seq" else None
        if items is None or any(i.kind != "scalar" or i.is_null or not i.value.strip() for i in items) or not items:
            problems.append(Problem(path, variants.line, variants.column,
                                    f"aliases of '{canon}' must be a word or a list of words"))
            continue
        aliases.add(canon, [i.value for i in items])
    return aliases


def _facts(node: Y | None, root: Y, path: str, problems: list[Problem], lexicon: Lexicon) -> list[Fact]:
    if node is None or node.is_null:
        problems.append(Problem(path, root.line, root.column, "missing 'facts' (a list of facts)"))
        return []
    if node.kind != "seq":
        problems.append(Problem(path, node.line, node.column, f"'facts' must be a list, not {node.describe()}"))
        return []
    kinds = registry()
    seen: dict[str, int] = {}
    out: list[Fact] = []
    for n, item in enumerate(node.value, 1):
        if item.kind != "map":
            problems.append(Problem(path, item.line, item.column, f"fact #{n} must be a mapping, not {item.describe()}"))
            continue
        fact = _fact(item, n, path, problems, lexicon, kinds, seen)
        if fact is not None:
            out.append(fact)
    return out


def _fact(item: Y, n: int, path, problems, lexicon, kinds, seen) -> Fact | None:
    raw_id = item.value.get("id")
    label = f"fact '{raw_id.value}'" if raw_id is not None and raw_id.kind == "scalar" and raw_id.value else f"fact #{n}"
    entry = Entry(item, path, problems, label)
    before = len(problems)
    fid = entry.text("id", required=True)
    if fid is not None:
        if not ID_PATTERN.match(fid):
            entry.problem("id", f"id '{fid}' must match [a-z0-9][a-z0-9._-]*")
        elif fid in seen:
            entry.problem("id", f"duplicate id '{fid}' (first at line {seen[fid]})")
        else:
            seen[fid] = item.value["id"].line
    kind = entry.text("kind", required=True)
    validator = kinds.get(kind) if kind else None
    if kind and validator is None:
        entry.problem("kind", f"unknown kind '{kind}'{did_you_mean(kind, kinds)} (kinds: {', '.join(sorted(kinds))})")
    allowed = dict(COMMON_KEYS, **(validator.keys if validator else {}))
    for key, knode in item.keys.items():
        if key not in allowed and validator is not None:
            problems.append(Problem(path, knode.line, knode.column, f"{label}: {unknown_key_message(key, allowed)}"))
    claim = entry.text("claim") or ""
    if claim and not entry.has("cues"):
        entry.implied_cues = claim_cues(claim, _given(item, lexicon.aliases))
    required = entry.flag("required")
    value = entry.text("value", required=bool(validator and validator.value_required))
    valid, valid_text = _valid(entry)
    cues = tuple(entry.texts("cues") if entry.has("cues") else entry.implied_cues)
    about = tuple(entry.texts("about"))
    if validator is None:
        return None
    spec = validator.compile(entry, value, lexicon)
    if len(problems) > before or spec is None:
        return None
    pos = Position(item.line, item.column)
    return Fact(fid, kind, claim or fid, about, cues, value or "", required, valid, valid_text, spec, pos)


_NOT_GIVEN = frozenset({"id", "kind", "claim", "cues", "note", "required", "valid", "tolerance"})


def _given(item: Y, aliases: Aliases) -> list[str]:
    """What a fact gives besides its claim and cues (anchors with their aliases, unit,
    value, role, person): the words of these are not the claim's cues."""
    out = []
    for key, node in item.value.items():
        if key in _NOT_GIVEN or node.is_null:
            continue
        for n in [node] if node.kind == "scalar" else node.value if node.kind == "seq" else ():
            if n.kind == "scalar" and not n.is_null and str(n.value).strip():
                out.append(str(n.value))
    return out + [v for text in out for v in aliases.variants(text)]


def _valid(entry: Entry) -> tuple[Interval | None, str | None]:
    text = entry.text("valid")
    if text is None:
        return None, None
    try:
        v = parse_date_value(text)
    except ValueError as e:
        entry.problem("valid", f"valid: {e}")
        return None, None
    return v.start.hull(v.end), text


def _date_field(node: Y | None, path: str, problems: list[Problem], what: str) -> dt.date | None:
    if node is None or node.is_null:
        return None
    try:
        if node.kind != "scalar":
            raise ValueError
        return dt.date.fromisoformat(str(node.value).strip())
    except ValueError:
        problems.append(Problem(path, node.line, node.column, f"{what} must be a date YYYY-MM-DD, not {node.describe()}"))
        return None


def _sources(node: Y | None, path: str, problems: list[Problem]) -> list[SourceSpec]:
    if node is None or node.is_null:
        return []
    items = [node] if node.kind == "scalar" else node.value if node.kind == "seq" else None
    if items is None:
        problems.append(Problem(path, node.line, node.column, f"'sources' must be a list, not {node.describe()}"))
        return []
    out = []
    for item in items:
        if item.kind == "scalar" and not item.is_null and item.value.strip():
            out.append(SourceSpec(item.value, None, item.line, item.column))
        elif item.kind == "map":
            for key, knode in item.keys.items():
                if key not in SOURCE_KEYS:
                    problems.append(Problem(path, knode.line, knode.column, f"source: {unknown_key_message(key, SOURCE_KEYS)}"))
            p = item.value.get("path")
            if p is None or p.kind != "scalar" or p.is_null or not p.value.strip():
                problems.append(Problem(path, item.line, item.column, "source: missing 'path'"))
                continue
            date = _date_field(item.value.get("date"), path, problems, "source date")
            out.append(SourceSpec(p.value, date, item.line, item.column))
        else:
            problems.append(Problem(path, item.line, item.column, f"a source must be a path or a mapping, not {item.describe()}"))
    return out


def _waivers(node: Y | None, path: str, problems: list[Problem], ids: set[str]) -> list[Waiver]:
    if node is None or node.is_null:
        return []
    if node.kind != "seq":
        problems.append(Problem(path, node.line, node.column, f"'waivers' must be a list, not {node.describe()}"))
        return []
    out = []
    for n, item in enumerate(node.value, 1):
        if item.kind != "map":
            problems.append(Problem(path, item.line, item.column, f"waiver #{n} must be a mapping"))
            continue
        entry = Entry(item, path, problems, f"waiver #{n}")
        for key, knode in item.keys.items():
            if key not in WAIVER_KEYS:
                problems.append(Problem(path, knode.line, knode.column, f"waiver #{n}: {unknown_key_message(key, WAIVER_KEYS)}"))
        fact = entry.text("fact", required=True)
        source = entry.text("source", required=True)
        reason = entry.text("reason", required=True)
        until = _date_field(item.value.get("until"), path, problems, f"waiver #{n}: until")
        if fact is not None and ids and fact not in ids:
            entry.problem("fact", f"no fact '{fact}'{did_you_mean(fact, ids)}")
        if fact and source and reason:
            out.append(Waiver(fact, source, reason, until, item.line, item.column))
    return out
