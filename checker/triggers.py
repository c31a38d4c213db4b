"""Which facts a sentence is worth checking for, found from the phrases in it.

A fact goes to its validator when one of its trigger phrases is in the sentence
(or in the one before, when this one refers back) and every anchor it needs is
in reach. Facts are filed under their rarest needed anchor, or under each
trigger when they need none, so a sentence costs the facts its own phrases
file, not every fact that shares its unit or its role.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .model import Fact

Key = tuple[str, str]  # (category, phrase key), as the lexicon reports hits
Handed = dict[str, list[Fact]]  # kind -> its facts, in fact-base order

_MEMO_SIZE = 4096


class TriggerIndex:
    def __init__(self, facts: Sequence[Fact], triggers: list[Iterable[Key]], needs: list[Iterable[Key]]):
        self.facts = tuple(facts)
        self.triggers = [frozenset(t) for t in triggers]
        self.needs = [frozenset(n) for n in needs]
        rarity = Counter(k for n in self.needs for k in n)
        # A fact that needs no anchor is handed over whenever one of its triggers is
        # there; the others are checked one by one against what is in reach.
        always: dict[Key, list[int]] = defaultdict(list)
        gated: dict[Key, list[int]] = defaultdict(list)
        for i, (trig, need) in enumerate(zip(self.triggers, self.needs)):
            if need:  # sorted: the same fact base files its facts the same way on every run
                gated[min(sorted(need), key=rarity.__getitem__)].append(i)
            else:
                for k in trig:
                    always[k].append(i)
        self.always = dict(always)
        self.gated = dict(gated)
        self.needed = frozenset(k for n in self.needs for k in n)
        self.triggering = frozenset(k for t in self.triggers for k in t)
        # Sentences repeat the same phrases ("the finance minister", "$"): the facts
        # they hand over are worked out once per set of phrases.
        self._memo: dict[tuple[frozenset, frozenset], Handed] = {}

    def facts_for(self, triggered: set[Key], in_reach: set[Key]) -> set[int]:
        """Indices of the facts one of whose triggers is in `triggered` and all of
        whose needed anchors are in `in_reach`."""
        out: set[int] = set()
        for key in triggered:
            out.update(self.always.get(key, ()))
        for key in in_reach:
            for i in self.gated.get(key, ()):
                if self.triggers[i] & triggered and self.needs[i] <= in_reach:
                    out.add(i)
        return out

    def handed(self, triggered: set[Key], in_reach: set[Key]) -> Handed:
        """The facts of `facts_for`, grouped by kind. Callers must not change the lists."""
        # Only phrases that some fact triggers on or needs can change the answer.
        memo_key = (self.triggering.intersection(triggered), self.needed.intersection(in_reach))
        handed = self._memo.get(memo_key)
        if handed is None:
            handed = self._group(self.facts_for(triggered, in_reach))
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[memo_key] = handed
        return handed

    def triggered_by(self, triggered: set[Key]) -> Handed:
        """Every fact one of whose triggers is in `triggered`, anchors in reach or not
        (for `checker explain`, which says why each was not reported)."""
        return self._group({i for i, t in enumerate(self.triggers) if t & triggered})

    def _group(self, indices: set[int]) -> Handed:
        out: Handed = defaultdict(list)
        for i in sorted(indices):
            out[self.facts[i].kind].append(self.facts[i])
        return dict(out)
