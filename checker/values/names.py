"""Person names: read a name next to a role, and decide whether two names are one person.

Names are compared inside a closed roster (the people a fact base names), so
the rule is structural, not a fuzzy score: fold known transliteration variants
(Yury/Yuri, Andrey/Andrei, -ov/-ow), then a name is the same person when its
tokens are the fact's tokens or a part of them (a surname alone, a name without
its patronymic). Anything else is another person.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NAME_TOKEN = re.compile(r"[A-Z][\w'\-]*\.?|(?:de|da|van|von|der|bin|al|el|la|le|du|dos|di)\b|[A-Z]\.")
_PARTICLES = frozenset("de da van von der bin al el la le du dos di".split())
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})

# Capitalized words that can follow a role but are not a name: headline verbs,
# openers, calendar words. A name stops at them.
_NOT_NAMES = frozenset("""
the a an and or but of in on at to for with by from as is was were are has have had
will would could should may might says said say tells told urges warns visits visited
meets met arrives leaves calls denies confirms plans and who which that this these
he she it they his her its their i we you if when while after before since during
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec today yesterday tomorrow mr mrs ms dr
""".split())


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    text: str


def read_name(text: str, pos: int, limit: int, max_tokens: int = 4) -> NameSpan | None:
    """The capitalized name starting at `pos` (after optional spaces), if any."""
    i = pos
    while i < limit and text[i] in " \u00a0":
        i += 1
    start, end, count = i, i, 0
    while i < limit and count < max_tokens:
        m = _NAME_TOKEN.match(text, i, limit)
        if not m:
            break
        word = m.group(0)
        bare = word.rstrip(".").lower()
        if bare in _NOT_NAMES and bare not in _PARTICLES:
            break
        if bare in _PARTICLES and count == 0:
            break
        if word.endswith(".") and len(word) > 2 and bare not in _SUFFIXES:
            word = word[:-1]  # a sentence's full stop, not an initial
        end = m.start() + len(word)
        count += 1
        j = end
        if text.startswith("'s", j):
            break
        while j < limit and text[j] in " \u00a0":
            j += 1
        if j == end or j >= limit:
            break
        i = j
    # Particles may not end a name ("Manuel de" + lowercase).
    name = text[start:end]
    while name and name.split()[-1].lower() in _PARTICLES:
        name = name[: name.rfind(" ")] if " " in name else ""
        end = start + len(name)
    if not name or not name[0].isupper():
        return None
    return NameSpan(start, end, name)


def _fold_token(tok: str) -> str:
    t = unicodedata.normalize("NFKD", tok)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("'", "").replace(".", "")
    if not t:
        return t
    # Transliteration variants: y/i inside and at the end (Yury, Yuri, Iurii),
    # -ey/-ei, -iy/-ii, kh/h, ks/x, -ow/-off for -ov.
    t = t[0] + t[1:].replace("y", "i")
    t = t.replace("kh", "h").replace("ks", "x").replace("ii", "i").replace("ie", "e")
    t = re.sub(r"(?:ow|off)$", "ov", t)
    t = re.sub(r"(?:ev)$", "ev", t)
    return t


def fold(name: str) -> tuple[str, ...]:
    """The comparable tokens of a name; hyphenated parts are joined (Won-sik = Wonsik)."""
    parts = []
    for raw in name.replace("\u2011", "-").split():
        bare = raw.lower().rstrip(",")
        if bare in _SUFFIXES:
            continue
        folded = _fold_token(raw.replace("-", ""))
        if folded:
            parts.append(folded)
    return tuple(parts)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(tok == other for other in it) for tok in short)


def _close(a: str, b: str) -> bool:
    """Two first names that are spellings of one another (Alexander/Aleksandr)."""
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return _edits(a, b) <= 2


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def same_person(stated: str, known: str) -> bool:
    """Whether the name a text states can be the known person."""
    a, b = fold(stated), fold(known)
    if not a or not b:
        return False
    if a == b or "".join(a) == "".join(b):
        return True
    if _subsequence(a, b) or _subsequence(b, a):
        return True
    # Same surname (last, or first for family-name-first names) and first
    # names that are spellings of one another.
    if len(a) >= 2 and len(b) >= 2:
        if a[-1] == b[-1] and _close(a[0], b[0]):
            return True
        if a[0] == b[0] and _edits("".join(a[1:]), "".join(b[1:])) <= 1:
            return True
    return False


def maybe_same(stated: str, known: str) -> bool:
    """Same surname, other first name ("Jay Powell", "Jerome Powell"): a nickname or a
    relative; neither proof of a match nor of a contradiction."""
    a, b = fold(stated), fold(known)
    return bool(a and b) and a[-1] == b[-1] and not same_person(stated, known)


def near_miss(stated: str, known: str) -> bool:
    """A name one letter away from the known one: likely a misspelling."""
    a, b = "".join(fold(stated)), "".join(fold(known))
    return a != b and _edits(a, b) <= 1
