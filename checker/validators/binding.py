"""Binding rules shared by the kinds: which competing fact a value belongs to.

A value goes to the fact whose anchors and cues sit closest (SPEC 4); a
contradiction further needs the anchors in the value's own part of the
sentence (or in the previous sentence it refers back to).
"""
from __future__ import annotations

import math

from ..lexicon import ANCHOR
from ..model import Fact, Interval

_CUE_CAP = 20


def score(view, fact: Fact, start: int, end: int) -> int:
    """Lower is closer: summed anchor distances plus the nearest cue's."""
    s = sum(min(view.nearest(ANCHOR, k, start, end)[0], 2000) for k in fact.spec.about)
    if fact.spec.cues:
        s += min(view.cue_near(fact.spec.cues, start, end)[0], _CUE_CAP)
    return s


def rank(view, facts: list[Fact], start: int, end: int) -> list[Fact]:
    """Candidate facts, closest first (ties keep fact-base order)."""
    return sorted(facts, key=lambda f: score(view, f, start, end))


def anchors_close(view, about, offset: int) -> bool:
    """Every anchor in the value's part of the sentence, or in the sentence it refers back to."""
    here = view.part(offset)
    for key in about:
        hits = view.found(ANCHOR, key)
        if not any(h.end <= view.start or view.part(h.start) == here for h in hits):
            return False
    return True


def _num(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 100_000:
        return str(int(x))
    text = f"{x:.4g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant}e{int(exp)}"
    return text


def describe(iv: Interval) -> str:
    """A compact interval: 5e6, 4.5e6..5e6, (4.5e6..5.5e6) for open ends."""
    if iv.lo == iv.hi:
        return _num(iv.lo)
    lo = ("(" if iv.lo_open else "") + _num(iv.lo)
    hi = _num(iv.hi) + (")" if iv.hi_open else "")
    return f"{lo}..{hi}"
