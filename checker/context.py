"""One sentence as a validator sees it: its phrases, values, clauses and cues.

Values are parsed lazily, once per sentence, and only for sentences where some
fact's phrases occur; every validator reads the same view.
"""
from __future__ import annotations

import bisect
import re
from .cached import cached

from . import stance
from .lexicon import ANCHOR, CUE, Hit
from .model import Evidence, Finding
from .text import Document, Sentence, Token, tokenize
from .values.dates import find_dates
from .values.numbers import find_numbers

FAR = 1000  # the distance of a phrase found only in the previous sentence

# A sentence refers back when it opens with a pronoun ("He last went there...")
# or names a place as "there"; a pronoun deep in a clause ("after it sold")
# usually points inside its own sentence.
_OPENS_WITH_REFERENCE = re.compile(
    r"\W*(?:he|she|it|they|his|her|its|their|the (?:country|nation|city|visit|trip|leader|company|firm|"
    r"group|airline|carrier|bank|agency|government|ministry|party|president|minister|quake|earthquake|"
    r"storm|update|outage|report|treaty|deal|agreement|summit)"
    r"|(?:both|the two) (?:countries|nations|sides|teams|leaders|men|women|companies|firms|parties|"
    r"governments|candidates|airlines|banks|clubs))\b")
# "Rebuilt in oak and lead, it rises 69 metres": the main clause's subject, after an opening phrase
_SUBJECT_AFTER_OPENING = re.compile(r"[^,;:.]{3,80},\s+(?:he|she|it|they)\s+(?!said|says|added|told)[a-z]")
_THERE = re.compile(r"\b(?<!^)there\b(?! (?:is|are|was|were|has|have|had|will|would|could|may|might)\b)")

_PERSON = re.compile(r"\b(?:he|him|his|she|her|it|its|they|them|their)\b")


class SentenceView:
    # Set to a list by `checker explain`: validators note there each value they
    # read but did not report, and why.
    trace: list | None = None

    def __init__(self, doc: Document, sentence: Sentence, hits: list[Hit], prev_hits: list[Hit],
                 lookback: bool = False, everywhere: list[Hit] | None = None):
        self.doc = doc
        # every phrase of the document, in order: what the story as a whole is about
        self.everywhere = everywhere if everywhere is not None else hits
        self.sentence = sentence
        self.start, self.end = sentence.start, sentence.end
        self.hits = hits
        self.prev_hits = prev_hits
        # prev_hits come from up to three sentences back, for a pronoun deep in this one
        # ("A jury convicted him in October"): enough to match, never to contradict
        self.lookback = lookback

    # --- text ---------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.doc.norm

    @cached
    def low(self) -> str:
        return self.doc.low[self.start:self.end]

    @cached
    def backref(self) -> bool:
        # match() at the sentence's start reads it as ^ on the sentence alone; "there" is rare
        return self.lookback or bool(_OPENS_WITH_REFERENCE.match(self.doc.low, self.start, self.end)) \
            or bool(_SUBJECT_AFTER_OPENING.match(self.doc.low, self.start, self.end)) \
            or "there" in self.low and bool(_THERE.search(self.low)) or self._answers_a_question

    @property
    def _answers_a_question(self) -> bool:
        """An answer is about what its question names ("When does the rise take effect? In April.")."""
        i = self.sentence.index
        if i == 0:
            return False
        prev = self.doc.sentences[i - 1]
        tail = self.doc.norm[max(prev.start, prev.end - 6):prev.end]
        if "?" not in tail or not tail.rstrip("*_\"'”’ ").endswith("?"):
            return False
        # a question naming nothing ("How much did it cost?") leaves the answer to the story's subject
        return any(h.category == ANCHOR for h in self.prev_hits)

    @cached
    def names_a_person(self) -> bool:
        """A third-person pronoun anywhere in the sentence ("ordered him to forfeit")."""
        return self.doc.sentence_matches(_PERSON, self.sentence.index)

    @cached
    def tokens(self) -> list[Token]:
        return tokenize(self.doc.norm, self.start, self.end)

    @cached
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

    @cached
    def clause_heads(self) -> dict[int, Token]:
        """The first token of each clause."""
        heads: dict[int, Token] = {}
        for t in self.tokens:
            heads.setdefault(t.clause, t)
        return heads

    def clause_start(self, offset: int) -> int:
        """Where the clause holding `offset` begins."""
        head = self.clause_heads.get(self.clause(offset))
        return head.start if head is not None else offset

    def part_span(self, offset: int) -> tuple[int, int]:
        """Where the part of the sentence holding `offset` begins and ends."""
        p = self.part(offset)
        inside = [t for t in self.tokens if t.part == p]
        return (inside[0].start, inside[-1].end) if inside else (offset, offset)

    @cached
    def numbers(self):
        return find_numbers(self.doc.norm, self.start, self.end)

    @cached
    def dates(self):
        return find_dates(self.doc.norm, self.start, self.end, ref=self.doc.date)

    # --- phrases ------------------------------------------------------------
    def found(self, category: str, key: str) -> list[Hit]:
        """Hits of a phrase in this sentence, or in the previous one when this one refers back."""
        here = [h for h in self.hits if h.category == category and h.key == key]
        if here or not self.backref:
            return here
        return [h for h in self.prev_hits if h.category == category and h.key == key]

    @cached
    def in_reach(self) -> set[tuple[str, str]]:
        """(category, key) of every phrase `found` can return."""
        reach = {(h.category, h.key) for h in self.hits}
        if self.backref:
            reach.update((h.category, h.key) for h in self.prev_hits)
        return reach

    def has_all(self, keys, category: str = ANCHOR) -> bool:
        reach = self.in_reach
        return all((category, k) in reach for k in keys)

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
    def hedge(self, start: int, end: int | None = None) -> str | None:
        return stance.hedge(self, start, end)

    def negation(self, start: int, claim: str = "") -> str | None:
        """A denial governing the value, unless the fact's claim is itself a negative
        ("The dams had not been maintained since 2002")."""
        found = stance.negation(self, start)
        if found and claim and stance.negative(claim):
            return None
        return found

    # --- findings -------------------------------------------------------------
    def dropped(self, facts, start: int, end: int, why: str) -> None:
        """Note, for explain, a value read near these facts but not reported for them."""
        if self.trace is not None:
            for f in facts:
                self.trace.append((f.id, start, end, why))

    def finding(self, fact_id: str, status: str, start: int, end: int, reason: str,
                vagueness: float = 0.0) -> Finding:
        line, col = self.doc.position(start)
        ev = Evidence(line, col, start, end, self.doc.sentence_text(self.sentence))
        return Finding(fact_id, status, self.doc.raw[start:end], ev, reason, vagueness)
