"""The `quantity` kind: a number of something ("nearly 5 million artillery shells").

A number in a text is bound to a quantity fact only when it counts the fact's
unit (the noun right after it, or a currency sign before it) and the fact's
`about` anchors occur near it. It contradicts only when it is asserted (not a
forecast or a denial), sits in the same part of the sentence as the anchors,
and no competing fact explains it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import ANCHOR, UNIT, Lexicon
from ..model import Fact, Interval
from ..values.numbers import parse_quantity
from ..values.units import COUNT_NOUNS, PHRASE_ENDERS, spellings, unit_key
from .base import Entry, Validator
from .binding import anchors_close, describe, rank

_TOLERANCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")
_MAX_SKIPPED_WORDS = 3


@dataclass(frozen=True)
class QuantitySpec:
    interval: Interval
    units: frozenset[str]
    unit_text: str
    about: tuple[str, ...]
    cues: tuple[str, ...]


class QuantityValidator(Validator):
    kind = "quantity"
    keys = {
        "unit": "what the number counts: a word or a list (aliases apply; currency signs and codes too)",
        "tolerance": "how far a stated number may be from the value: a percentage ('10%') or an absolute number",
    }

    def compile(self, entry: Entry, value: str | None, lexicon: Lexicon):
        units = entry.texts("unit", required=True)
        interval = None
        if value is not None:
            words = {"of", "in", "worth"}
            for u in units:
                for spelling in (spellings(unit_key(u)) if unit_key(u) else lexicon.aliases.variants(u)):
                    words.update(re.findall(r"[^\W\d_]+", spelling.lower()))
            words |= {w + "s" for w in words}
            try:
                interval = parse_quantity(value, words)
            except ValueError as e:
                entry.problem("value", str(e))
        tol = entry.text("tolerance")
        if tol is not None and interval is not None:
            interval = self._widen(entry, interval, tol)
        keys = set()
        for u in units:
            special = unit_key(u)
            if special:
                for spelling in spellings(special):
                    lexicon.add(UNIT, spelling, expand=False, key=special)
                keys.add(special)
            else:
                keys.add(lexicon.add(UNIT, u))
        about = tuple(lexicon.add(ANCHOR, a) for a in entry.texts("about"))
        cues = tuple(lexicon.add("cue", c) for c in entry.texts("cues"))
        if interval is None or not units:
            return None
        return QuantitySpec(interval, frozenset(keys), units[0], about, cues)

    @staticmethod
    def _widen(entry: Entry, interval: Interval, tol: str) -> Interval | None:
        m = _TOLERANCE.match(tol)
        if not m:
            entry.problem("tolerance", f"cannot read tolerance '{tol}': give a percentage like '10%' or a number")
            return None
        amount = float(m.group(1))
        if m.group(2):
            if amount > 100:
                entry.problem("tolerance", f"tolerance '{tol}' is over 100%")
                return None
            f = amount / 100
            return Interval(interval.lo * (1 - f), interval.hi * (1 + f))
        return Interval(interval.lo - amount, interval.hi + amount)

    def triggers(self, fact: Fact):
        return [(UNIT, u) for u in fact.spec.units]

    def expected(self, fact: Fact) -> str:
        return f"{fact.value_text} {fact.spec.unit_text}"

    def check(self, view, facts: list[Fact]):
        out = []
        for m in view.numbers:
            if not m.is_count:
                continue
            unit, stated_end = _unit_of(view, m)
            if unit is None:
                continue
            cands = [f for f in facts if unit in f.spec.units and view.has_all(f.spec.about)]
            if not cands:
                continue
            ranked = rank(view, cands, m.start, stated_end)
            best = ranked[0]
            consistent = [f for f in ranked if f.spec.interval.overlaps(m.interval)]
            said = describe(m.interval)
            negated = view.negation(m.start)
            if negated:
                out.append(view.finding(best.id, "gap", m.start, stated_end, f"{said}: {negated}"))
                continue
            if consistent:
                f = consistent[0]
                out.append(view.finding(f.id, "match", m.start, stated_end,
                                        f"{said} overlaps {describe(f.spec.interval)}", _vagueness(m.interval)))
                continue
            reason = f"{said} is outside {describe(best.spec.interval)}"
            hedge = view.hedge(m.start, m.end)
            if hedge:
                out.append(view.finding(best.id, "gap", m.start, stated_end, f"{reason}, but {hedge}"))
            elif anchors_close(view, best.spec.about, m.start):
                out.append(view.finding(best.id, "contradiction", m.start, stated_end, reason))
        return out


def _vagueness(iv: Interval) -> float:
    if iv.hi == float("inf") or iv.lo <= 0:
        return float("inf")
    return iv.hi / iv.lo


def _unit_of(view, m) -> tuple[str | None, int]:
    """The fact unit this number counts, and where the stated phrase ends."""
    if m.currency:
        return f"¤{m.currency}", m.end
    if m.percent:
        return "¤percent", m.end
    units = [h for h in view.hits if h.category == UNIT and h.start >= m.end]
    tokens = view.tokens
    i = view.token_at(m.end)
    if i < len(tokens) and tokens[i].start < m.end:
        i += 1
    skipped = 0
    after_of = False
    while i < len(tokens):
        tok = tokens[i]
        hit = next((h for h in units if h.start == tok.start), None)
        if hit:
            return hit.key, hit.end
        word = tok.text.lower()
        if word == "of" and not after_of:
            after_of = True
        elif after_of and word in ("the", "its", "their", "his", "her", "these", "those", "them"):
            pass
        elif not tok.text[0].isalpha() or word in PHRASE_ENDERS or word in COUNT_NOUNS:
            break
        else:
            skipped += 1
            if skipped > _MAX_SKIPPED_WORDS:
                break
        i += 1
    # A bare number ("shells numbered 5 million.") may count a unit named
    # just before it, in the same part of the sentence, with no number between.
    nxt = tokens[i] if i < len(tokens) else None
    if skipped == 0 and (nxt is None or not nxt.text[0].isalpha() or nxt.text.lower() in PHRASE_ENDERS):
        before = [h for h in view.hits if h.category == UNIT and h.end <= m.start
                  and view.part(h.start) == view.part(m.start)
                  and view.token_at(m.start) - view.token_at(h.start) <= 10]
        if before:
            h = before[-1]
            if not any(h.end <= n.start < m.start for n in view.numbers):
                return h.key, m.end
    return None, m.end
