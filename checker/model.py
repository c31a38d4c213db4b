"""The currency between stages: values, facts, documents, findings, results.

Everything here is a frozen dataclass and imports nothing else of ours, so any
stage can use it and none can reach back into another.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("match", "contradiction", "gap")


@dataclass(frozen=True)
class Interval:
    """A closed or half-open interval of numbers (or of date ordinals).

    ``lo_open``/``hi_open`` make an end exclusive: a text's "6 million" stands
    for (5.5e6, 6.5e6), which must not touch a fact's closed [4.5e6, 5.5e6].
    """

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        lo, lo_open = _tighter(self.lo, self.lo_open, other.lo, other.lo_open, max)
        hi, hi_open = _tighter(self.hi, self.hi_open, other.hi, other.hi_open, min)
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def hull(self, other: Interval) -> Interval:
        lo, lo_open = _looser(self.lo, self.lo_open, other.lo, other.lo_open, min)
        hi, hi_open = _looser(self.hi, self.hi_open, other.hi, other.hi_open, max)
        return Interval(lo, hi, lo_open, hi_open)

    def contains(self, x: float) -> bool:
        return self.overlaps(Interval(x, x))

    def widen(self, below: float, above: float) -> Interval:
        return Interval(self.lo - below, self.hi + above, self.lo_open, self.hi_open)

    @staticmethod
    def point(x: float) -> Interval:
        return Interval(x, x)


def _tighter(a, a_open, b, b_open, pick):
    if a == b:
        return a, a_open or b_open
    return (a, a_open) if pick(a, b) == a else (b, b_open)


def _looser(a, a_open, b, b_open, pick):
    if a == b:
        return a, a_open and b_open
    return (a, a_open) if pick(a, b) == a else (b, b_open)


@dataclass(frozen=True)
class DateValue:
    """A date as the text gives it: when it starts and when it ends.

    For a single date or a vague one ("2000", "June 2024") ``start`` and ``end``
    are the same interval of day ordinals and ``extent`` is False: the event is
    somewhere inside. For a stated range ("June 18 to 19") ``extent`` is True:
    both ends are claims of their own.
    """

    start: Interval
    end: Interval
    extent: bool = False

    @property
    def hull(self) -> Interval:
        return self.start.hull(self.end)

    def consistent_with(self, other: DateValue) -> bool:
        if self.extent and other.extent:
            return self.start.overlaps(other.start) and self.end.overlaps(other.end)
        return self.hull.overlaps(other.hull)


def day(d: _dt.date) -> int:
    return d.toordinal()


def from_day(n: float) -> _dt.date:
    return _dt.date.fromordinal(int(n))


@dataclass(frozen=True)
class Position:
    """1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Fact:
    """One entry of the fact base, with its kind-specific part compiled."""

    id: str
    kind: str
    claim: str
    about: tuple[str, ...]
    cues: tuple[str, ...]
    value_text: str
    required: bool = False
    valid: Interval | None = None
    valid_text: str | None = None
    spec: Any = None
    pos: Position | None = None


@dataclass(frozen=True)
class Evidence:
    line: int
    column: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Finding:
    """One value in one source, bound to one fact, with its verdict."""

    fact: str
    status: str
    stated: str
    evidence: Evidence
    reason: str
    vagueness: float = 0.0  # lower is more precise: the report quotes the most precise value


@dataclass(frozen=True)
class Result:
    """The verdict for one (fact, source) pair."""

    fact: str
    source: str
    status: str
    expected: str
    stated: str | None
    evidence: Evidence | None
    reason: str
    mentions: tuple[Finding, ...] = ()
    waived: Any = None


@dataclass(frozen=True)
class SourceInfo:
    path: str
    date: str | None
    error: str | None = None


@dataclass(frozen=True)
class Report:
    facts_file: str
    facts: tuple[Fact, ...]
    sources: tuple[SourceInfo, ...]
    results: tuple[Result, ...]
    omitted_gaps: int = 0
    extra: dict = field(default_factory=dict)

    def count(self, status: str) -> int:
        n = sum(1 for r in self.results if r.status == status)
        return n + (self.omitted_gaps if status == "gap" else 0)

    @property
    def errors(self) -> int:
        return sum(1 for s in self.sources if s.error)
