"""Every phrase the fact base cares about, found in one pass over a text.

Anchors, aliases, cues, units and roles are compiled once, at load time, into
one Aho-Corasick automaton; scanning a document is then one walk over its
lowercased text, whatever the number of facts.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from .text import lower, normalize

# Categories of phrases. A phrase may belong to several.
ANCHOR, CUE, UNIT, ROLE = "anchor", "cue", "unit", "role"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    category: str
    key: str  # the canonical term (alias group) or the cue


def term_key(term: str) -> str:
    return " ".join(lower(normalize(str(term))).split())


class Aliases:
    """Synonym groups: each canonical term and its variants, looked up either way."""

    def __init__(self, groups: dict[str, list[str]] | None = None):
        self._group: dict[str, str] = {}
        self._members: dict[str, set[str]] = defaultdict(set)
        self._written: dict[str, set[str]] = defaultdict(set)  # key -> spellings as the user wrote them
        for canon, variants in (groups or {}).items():
            self.add(canon, variants)

    def add(self, canon: str, variants) -> None:
        key = self.canonical(canon)
        for term in [canon, *variants]:
            k = term_key(term)
            other = self._group.get(k)
            if other and other != key:  # two groups share a term: merge them
                for t in self._members.pop(other):
                    self._group[t] = key
                    self._members[key].add(t)
            self._group[k] = key
            self._members[key].add(k)
            self._written[k].add(" ".join(normalize(str(term)).split()))

    def canonical(self, term: str) -> str:
        k = term_key(term)
        return self._group.get(k, k)

    def variants(self, term: str) -> set[str]:
        key = self.canonical(term)
        return set(self._members.get(key, ())) | {key}

    def written_as(self, key: str) -> set[str]:
        """How the user wrote one spelling (a term key) of a group, if they wrote it."""
        return self._written.get(key, set())

    def written(self, term: str) -> list[str]:
        """The term and its synonyms as the user wrote them (case kept), the term first."""
        out = {" ".join(normalize(str(term)).split()): None}
        for k in sorted(self.variants(term)):
            out.update(dict.fromkeys(sorted(self._written.get(k, ()))))
        return list(out)


def _word_variants(term: str, category: str) -> set[str]:
    """Spellings a phrase takes in running text."""
    out = {term}
    if "-" in term:
        out |= {term.replace("-", " "), term.replace("-", "")}
    if category == UNIT and " " in term:
        out.add(term.replace(" ", "-"))  # "a half-percentage-point cut"
    if category == UNIT and term[-1:].isalpha() and " " not in term[-3:]:
        out |= {term + "s"} if not term.endswith("s") else {term[:-1]}
    if category == UNIT:  # British and American spellings: "71 metres", "the 71-meter booster"
        for british, american in (("metre", "meter"), ("litre", "liter")):
            out |= {v.replace(british, american) for v in out} | {v.replace(american, british) for v in out}
    if category == ROLE and term[-1:].isalpha() and not term.endswith("s"):
        out.add(term + "s")  # "Deputy Prime Ministers A and B"
    if category == ROLE and " " in term:  # "vice-president", "attorney-general", "secretary-general"
        words = term.split(" ")
        out |= {" ".join(words[:i]) + "-" + " ".join(words[i:]) for i in range(1, len(words))}
    if category == CUE:  # "go on to" also as "goes on to", "went on to"
        first, _, rest = term.partition(" ")
        out |= {" ".join(filter(None, (form, rest))) for form in inflections(first)}
    return {v for v in out if v}


_IRREGULAR = {
    "go": "goes went gone going", "come": "comes came coming", "meet": "meets met meeting",
    "hold": "holds held holding", "take": "takes took taken taking", "make": "makes made making",
    "fly": "flies flew flown flying", "leave": "leaves left leaving", "begin": "begins began begun beginning",
    "win": "wins won winning", "give": "gives gave given giving", "sell": "sells sold selling",
    "send": "sends sent sending", "run": "runs ran running", "sign": "signs signed signing",
    "is": "was are were", "say": "says said saying", "tell": "tells told telling",
    "lose": "loses lost losing", "get": "gets got gotten getting", "sit": "sits sat sitting",
    "strike": "strikes struck striking", "hit": "hits hitting", "fall": "falls fell fallen falling",
    "kill": "kills killed killing", "die": "dies died dying", "rise": "rises rose risen rising",
    "build": "builds built building", "lead": "leads led leading", "see": "sees saw seen seeing",
    "speak": "speaks spoke spoken speaking", "choose": "chooses chose chosen choosing",
    "tear": "tears tore torn tearing", "sweep": "sweeps swept sweeping", "blow": "blows blew blown blowing",
    "break": "breaks broke broken breaking", "shake": "shakes shook shaken shaking",
    "drive": "drives drove driven driving", "throw": "throws threw thrown throwing",
    "bring": "brings brought bringing", "pay": "pays paid paying", "buy": "buys bought buying",
    "grow": "grows grew grown growing", "flee": "flees fled fleeing", "slide": "slides slid sliding",
    "quit": "quits quitting", "cut": "cuts cutting", "die": "dies died dying",
}


_BASE = {form: base for base, forms in _IRREGULAR.items() for form in forms.split()}


def inflections(word: str) -> set[str]:
    """Forms of an English word used as a cue: visit, visits, visited, visiting."""
    if not word.isalpha() or len(word) < 2:
        return {word}
    if word in _BASE:  # a cue given as "struck" also finds "strikes" and "striking"
        return inflections(_BASE[word]) | {word}
    if word.endswith(("ed", "ing")) and len(word) > 5:  # "slammed into" also as "slamming into"
        return {f for stem in _stems(word) for f in inflections(stem)} | {word}
    out = {word}
    out.update(_IRREGULAR.get(word, "").split())
    stem = word[:-1] if word.endswith("e") else word
    out |= {word + ("es" if word.endswith(("s", "x", "ch", "sh", "o")) else "s"), stem + "ed", stem + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] in "lptgnmbd" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # travelled, planning
    return out


def base_forms(word: str) -> set[str]:
    """The base forms an English word may be a form of: "won" -> win, "cancelled" -> cancel."""
    if word in _BASE:
        return {_BASE[word]}
    if word.endswith(("ed", "ing")) and len(word) > 5:
        cut = word[:-2] if word.endswith("ed") else word[:-3]
        return _stems(word) | ({cut[:-1]} if cut[-1] == cut[-2] else set())  # "cancelled"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}
    return {word}


def _stems(word: str) -> set[str]:
    """Base forms a regular -ed or -ing form may come from (a wrong guess finds nothing)."""
    cut = word[:-2] if word.endswith("ed") else word[:-3]
    out = {cut, cut + "e"}
    if len(cut) > 2 and cut[-1] == cut[-2] and cut[-1] not in "lsz":
        out.add(cut[:-1])  # "slammed", "planning"
    if word.endswith("ied"):
        out.add(word[:-3] + "y")  # "carried"
    return out


class Lexicon:
    """Phrases of a fact base and the automaton that finds them."""

    def __init__(self, aliases: Aliases):
        self.aliases = aliases
        self._entries: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._added: dict[tuple, str] = {}
        self._automaton = None
        self._cased: dict[str, bool] = {}  # anchor phrase -> whether the user ever wrote it with a capital

    def add(self, category: str, term: str, expand: bool = True, key: str | None = None) -> str:
        """Register a term (with its alias group); return its canonical key."""
        asked = (category, term, expand, key)
        if asked in self._added:  # facts repeat their units, anchors and roles
            return self._added[asked]
        key = key or (self.aliases.canonical(term) if expand else term_key(term))
        spellings = self.aliases.variants(term) if expand else {term_key(term)}
        for spelling in spellings:
            if category == ANCHOR:
                written = self.aliases.written_as(spelling) or ({term} if term_key(term) == spelling else set())
                cased = not written or any(ch.isupper() for w in written for ch in w)
            for v in _word_variants(spelling, category):
                self._entries[v].add((category, key))
                if category == ANCHOR:
                    self._cased[v] = self._cased.get(v, False) or cased
        self._automaton = None
        self._added[asked] = key
        return key

    def lowercase_only(self, phrase: str) -> bool:
        """Whether an anchor phrase was only ever written in lowercase ("central bank"): a
        common noun, which in capitals inside a longer name ("the European Central Bank")
        is part of that other name."""
        return self._cased.get(phrase) is False

    def _compile(self):
        a = ahocorasick.Automaton()
        for phrase, entries in self._entries.items():
            a.add_word(phrase, (len(phrase), tuple(sorted(entries))))
        if len(a):
            a.make_automaton()
        self._automaton = a
        return a

    def scan(self, low: str, start: int = 0) -> list[Hit]:
        """All hits in a lowercased text, whole words only, longest first per category."""
        a = self._automaton or self._compile()
        if not len(a):
            return []
        flat, back = _flatten(low, start)
        found: list[Hit] = []
        n = len(flat)
        for end_idx, (length, entries) in a.iter(flat):
            s, e = end_idx - length + 1, end_idx + 1
            if s > 0 and _joined(flat[s - 1], flat[s]):
                continue
            if e < n and _joined(flat[e - 1], flat[e]):
                continue
            os_, oe = back(s), back(e - 1) + 1
            glued = s > 0 and flat[s - 1].isdigit() or e < n and flat[e].isdigit()
            modifier = flat[e:e + 1] == "-" and _MODIFIER.match(flat, e) is not None
            for category, key in entries:
                if glued and category != UNIT:
                    continue  # "6.04pm" holds no prime minister: only units stick to numbers ("72km")
                if modifier and category == ANCHOR:
                    continue  # "the BJP-led alliance won 293 seats": the alliance's, not the BJP's
                found.append(Hit(os_, oe, category, key))
        return _longest(found)


# A name made a modifier of another noun: "BJP-led", "Hamas-run", "Kremlin-backed".
_MODIFIER = re.compile(r"-(?:led|run|backed|owned|controlled|funded|allied|aligned|linked|affiliated|"
                       r"sponsored|supported|appointed|dominated|held|majority)\b")


_WS_CHARS = ("\n", "\r", "\t", "\u00a0", "\u2028")
_WS_RUN = re.compile(r"\s{2,}")


def _flatten(low: str, start: int):
    """Text from `start` with every whitespace run made one space, and a map back to offsets.

    Phrases then match across line breaks ("Foreign\\nMinister") and CRLF.
    """
    text = low[start:]
    for ch in _WS_CHARS:  # str.replace is many times faster than translate on text that lacks them
        if ch in text:
            text = text.replace(ch, " ")
    runs = list(_WS_RUN.finditer(text))
    if not runs:
        return text, lambda i: i + start
    pieces, flat_starts, shifts, pos, removed = [], [0], [start], 0, 0
    for m in runs:
        pieces.append(text[pos:m.start() + 1])
        removed += m.end() - m.start() - 1
        pos = m.end()
        flat_starts.append(m.end() - removed)
        shifts.append(start + removed)
    pieces.append(text[pos:])

    def back(i: int) -> int:
        k = bisect.bisect_right(flat_starts, i) - 1
        return i + shifts[k]
    return "".join(pieces), back


def _joined(a: str, b: str) -> bool:
    """Two characters inside one word: letters with letters, digits with digits
    ("72km" is a number and a unit; "Britons" does not contain "Brit")."""
    return a.isalpha() and b.isalpha() or a.isdigit() and b.isdigit()


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit of the same category ("Guinea" in "Papua New Guinea").

    A hit that starts where the longer one starts and names something else is
    kept: "French" (France) inside "French President" (aliased to a person)
    still says France. Roles are not: "chief economist" is not a "chief".
    """
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    cover: dict[str, Hit] = {}
    for h in hits:
        c = cover.get(h.category)
        if c is not None and h.start < c.end:
            if h.category == ROLE or not (h.start == c.start and h.key != c.key and h.end <= c.end):
                continue  # but a role is never the start of a longer one ("chief" of "chief economist")
            out.append(h)
            continue
        out.append(h)
        cover[h.category] = h
    return out
