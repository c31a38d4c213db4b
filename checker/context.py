"""One sentence as a validator sees it: its phrases, values, clauses and cues.

Values are parsed lazily, once per sentence, and only for sentences where some
fact's phrases occur; every validator reads the same view.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from .lexicon import ANCHOR, CUE, Hit
from .model import Evidence, Finding
from .text import Document, Sentence, Token, tokenize
from .values.dates import find_dates
from .values.numbers import find_numbers

FAR = 1000  # the distance of a phrase found only in the previous sentence

_BACKREF = re.compile(r"\b(?:he|she|it|they|him|her|his|its|their|them|there|this|these|the (?:country|nation|city|visit|trip|leader|president|minister|agency|company|group|party))\b")

# Words that take a value out of the speaker's assertion: forecasts,
# projections, modal guesses. Checked within the value's own clause.
_HEDGES = re.compile(
    r"\b(?:could|may|might|projected|projection|projections|forecast|forecasts|"
    r"forecasting|predicted|predicts|predict|exit polls?|polls? (?:suggest|show|put)s?|"
    r"expected to|likely to|is likely|are likely|possibly|perhaps|estimates? (?:suggest|show)|"
    r"on course to|on track to|set to win|hypothetical)\b")
_RUNNING = re.compile(
    r"\b(?:with \S+ (?:of|out of) \S+ (?:\w+ )?(?:declared|counted|reported|in)|"
    r"partial (?:results|count)|preliminary (?:results|count)|so far|with most votes counted|"
    r"early (?:results|returns))\b")
_NEGATIONS = re.compile(
    r"\b(?:not|never|no|denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|"
    r"refuted|false(?:ly)?|n't)\b|n't\b")


class SentenceView:
    def __init__(self, doc: Document, sentence: Sentence, hits: list[Hit], prev_hits: list[Hit]):
        self.doc = doc
        self.sentence = sentence
        self.start, self.end = sentence.start, sentence.end
        self.hits = hits
        self.prev_hits = prev_hits

    # --- text ---------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.doc.norm

    @cached_property
    def low(self) -> str:
        return self.doc.low[self.start:self.end]

    @cached_property
    def backref(self) -> bool:
        return bool(_BACKREF.search(self.low))

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.doc.norm, self.start, self.end)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, offset: int) -> int:
        """Index of the token containing or following `offset`."""
        return bisect.bisect_right(self._token_starts, offset) - 1 if self.tokens else 0

    def clause(self, offset: int) -> int:
        i = self.token_at(offset)
        return self.tokens[i].clause if 0 <= i < len(self.tokens) else -1

    def part(self, offset: int) -> int:
        i = self.token_at(offset)
        return self.tokens[i].part if 0 <= i < len(self.tokens) else -1

    @cached_property
    def numbers(self):
        return find_numbers(self.doc.norm, self.start, self.end)

    @cached_property
    def dates(self):
        return find_dates(self.doc.norm, self.start, self.end, ref=self.doc.date)

    # --- phrases ------------------------------------------------------------
    def found(self, category: str, key: str) -> list[Hit]:
        """Hits of a phrase in this sentence, or in the previous one when this one refers back."""
        here = [h for h in self.hits if h.category == category and h.key == key]
        if here or not self.backref:
            return here
        return [h for h in self.prev_hits if h.category == category and h.key == key]

    def has_all(self, keys, category: str = ANCHOR) -> bool:
        return all(self.found(category, k) for k in keys)

    def distance(self, hit: Hit, start: int, end: int) -> int:
        """Tokens between a phrase and a span; a previous-sentence phrase is far."""
        if hit.end <= self.start:
            return FAR
        a, b = self.token_at(hit.start), self.token_at(start)
        if hit.start >= end:
            return max(0, a - self.token_at(end - 1) - 1)
        if hit.end <= start:
            return max(0, b - self.token_at(hit.end - 1) - 1)
        return 0

    def nearest(self, category: str, key: str, start: int, end: int) -> tuple[int, Hit | None]:
        best, best_hit = FAR * 2, None
        for h in self.found(category, key):
            d = self.distance(h, start, end)
            if d < best:
                best, best_hit = d, h
        return best, best_hit

    def same_clause(self, hit: Hit | None, offset: int) -> bool:
        return hit is not None and hit.start >= self.start and self.clause(hit.start) == self.clause(offset)

    def cue_near(self, cues, start: int, end: int) -> tuple[int, Hit | None]:
        """The closest of a fact's cues to a span (distance, hit)."""
        best, best_hit = FAR * 2, None
        for cue in cues:
            for h in self.hits:
                if h.category == CUE and h.key == cue:
                    d = self.distance(h, start, end)
                    if d < best:
                        best, best_hit = d, h
        return best, best_hit

    # --- how the value is asserted -------------------------------------------
    def _clause_before(self, start: int) -> str:
        c = self.clause(start)
        first = next((t.start for t in self.tokens if t.clause == c), start)
        return self.doc.low[first:start]

    def hedge(self, start: int, end: int) -> str | None:
        """Why a value is not asserted as a fact (forecast, running count), or None."""
        m = _HEDGES.search(self._clause_before(start))
        if m:
            return f"hedged ('{m.group(0)}')"
        m = _RUNNING.search(self.low)
        if m:
            return f"provisional ('{m.group(0)}')"
        return None

    def negation(self, start: int) -> str | None:
        before = self._clause_before(start)
        m = None
        for m in _NEGATIONS.finditer(before):
            pass
        if m and len(before) - m.end() < 60:
            return f"negated ('{m.group(0)}')"
        return None

    # --- findings -------------------------------------------------------------
    def finding(self, fact_id: str, status: str, start: int, end: int, reason: str,
                vagueness: float = 0.0) -> Finding:
        line, col = self.doc.position(start)
        ev = Evidence(line, col, start, end, self.doc.sentence_text(self.sentence))
        return Finding(fact_id, status, self.doc.raw[start:end], ev, reason, vagueness)
