"""Which facts a sentence is worth checking for, found from the phrases in it.

A fact goes to its validator when one of its trigger phrases is in the sentence
(or in the one before, when this one refers back) and every anchor it needs is
in reach. Facts are filed under their rarest needed anchor, or under each
trigger when they need none, so a sentence costs the facts its own phrases
file, not every fact that shares its unit or its role.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

Key = tuple[str, str]  # (category, phrase key), as the lexicon reports hits


class TriggerIndex:
    def __init__(self, triggers: list[Iterable[Key]], needs: list[Iterable[Key]]):
        self.triggers = [frozenset(t) for t in triggers]
        self.needs = [frozenset(n) for n in needs]
        rarity = Counter(k for n in self.needs for k in n)
        filed: dict[Key, list[int]] = defaultdict(list)
        for i, (trig, need) in enumerate(zip(self.triggers, self.needs)):
            # sorted: the same fact base files its facts the same way on every run
            keys = [min(sorted(need), key=rarity.__getitem__)] if need else sorted(trig)
            for k in keys:
                filed[k].append(i)
        self.filed = dict(filed)

    def facts_for(self, triggered: set[Key], in_reach: set[Key]) -> set[int]:
        """Indices of the facts one of whose triggers is in `triggered` and all of
        whose needed anchors are in `in_reach`."""
        out: set[int] = set()
        for key in triggered | in_reach:
            for i in self.filed.get(key, ()):
                if self.triggers[i] & triggered and self.needs[i] <= in_reach:
                    out.add(i)
        return out

    def triggered_by(self, triggered: set[Key]) -> set[int]:
        """Every fact one of whose triggers is in `triggered`, anchors in reach or not
        (for `checker explain`, which says why each was not reported)."""
        return {i for i, t in enumerate(self.triggers) if t & triggered}
