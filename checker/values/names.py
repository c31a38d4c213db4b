"""Person names: read a name next to a role, and decide whether two names are one person.

Names are compared inside a closed roster (the people a fact base names), so
the rule is structural, not a fuzzy score: fold known transliteration variants
(Yury/Yuri, Andrey/Andrei, -ov/-ow, tsch/ch, gh/g, doubled letters, the
article of "al-Hadi"), then a name is the same person when its tokens are the
fact's tokens or a part of them (a surname alone, a name without its
patronymic). A name that is merely close (a misspelling, one more spelling
of the surname) is neither the person nor proof of another one.
"""
from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance.Levenshtein import distance as _edits

_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ul|bin|ibn|abu|ben)-"
_NAME_TOKEN = re.compile(r"[A-Z][\w'\-]*\.?|" + _ARTICLE + r"[A-Z][\w'\-]*|"
                         r"(?:de|da|van|von|der|bin|al|el|la|le|du|dos|di)\b|[A-Z]\.")
_PARTICLES = frozenset("de da van von der bin al el la le du dos di".split())
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})
# Honorifics and ranks that stand before a name but are not part of it
# ("Gen. Jane Doe", "Dr. J. Roe", "Sir John Roe").
_TITLES = frozenset("""
mr mrs ms mx dr prof rev sir dame lord lady baroness sheikh sheik shaikh general lieutenant colonel
admiral marshal brigadier professor reverend ayatollah rabbi imam cardinal archbishop captain commander
sergeant
""".split())
# Short ranks that are also given names ("Gen Doe" may be a man called Gen):
# a title only with a full stop or before a name of two words or more.
_SHORT_RANKS = frozenset("gen lt col maj adm capt cmdr cdr sgt brig major".split())
# Words that make a rank only before another one ("Vice Admiral", "Air Chief Marshal").
_RANK_PARTS = frozenset("vice rear air chief field".split())

# Capitalized words that can follow a role but are not a name: headline verbs,
# openers, calendar words, the nouns of institutions. A name stops at them.
_NOT_NAMES = frozenset("""
the a an and or but of in on at to for with by from as is was were are has have had
will would could should may might says said say tells told urges warns visits visited
meets met arrives leaves calls denies confirms plans and who which that this these
he she it they his her its their i we you if when while after before since during
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec today yesterday tomorrow affairs staff council committee assembly
""".split())


_GIVEN_MONTHS = frozenset("jan may june april august".split())
_SURNAME = re.compile(r"[ \u00a0]+[A-Z][a-z'’-]+\b(?! \d)")


def _surname_follows(text: str, i: int, limit: int) -> bool:
    m = _SURNAME.match(text, i, limit)
    return bool(m) and m.group(0).strip().lower() not in _NOT_NAMES


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    text: str


def _skip_spaces(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in " \u00a0\n\r\t":  # a hard wrap may split a name
        i += 1
    return i


def _title_end(text: str, pos: int, limit: int) -> int | None:
    """Where the name after a leading honorific or rank starts, if `pos` opens with one."""
    m = _NAME_TOKEN.match(text, pos, limit)
    if not m:
        return None
    word = m.group(0)
    bare, dotted = word.rstrip(".").lower(), word.endswith(".")
    after = _skip_spaces(text, m.end(), limit)
    if after == m.end():
        return None
    if bare in _RANK_PARTS:
        return after if _title_end(text, after, limit) is not None else None
    if bare not in _TITLES and bare not in _SHORT_RANKS:
        return None
    rest = read_name(text, after, limit, titles=bare not in _SHORT_RANKS or dotted)
    if rest is None:
        return None
    if bare in _SHORT_RANKS and not dotted and len(rest.text.split()) < 2:
        return None  # "Gen Doe": a given name
    return after


def read_name(text: str, pos: int, limit: int, max_tokens: int = 4, titles: bool = True) -> NameSpan | None:
    """The capitalized name starting at `pos` (after optional spaces and titles), if any."""
    i = _skip_spaces(text, pos, limit)
    if titles:
        while (nxt := _title_end(text, i, limit)) is not None:
            i = nxt
    start, end, count = i, i, 0
    while i < limit and count < max_tokens:
        m = _NAME_TOKEN.match(text, i, limit)
        if not m:
            break
        word = m.group(0)
        bare = word.rstrip(".").lower()
        if bare in _NOT_NAMES and bare not in _PARTICLES and not (bare in _GIVEN_MONTHS and _surname_follows(text, m.end(), limit)):
            break  # but "Jan Novak", "June Sarpong": a month that is a given name before a surname
        if bare in _PARTICLES and count == 0:
            break
        if word.endswith("'s"):
            nxt = read_name(text, m.end(), limit, max_tokens, titles=False) if count == 0 else None
            if nxt is not None:  # "Ruritania's Jane Doe": the possessive is a qualifier
                return nxt
            end = m.start() + len(word) - 2
            count += 1
            break
        if word.endswith(".") and len(word) > 2 and bare not in _SUFFIXES:
            word = word[:-1]  # a sentence's full stop, not an initial
        end = m.start() + len(word)
        count += bare not in _PARTICLES  # ("Mohamed bin Zayed Al Nahyan": particles are no extra name)
        j = _skip_spaces(text, end, limit)
        if text.startswith("'s", end) or j == end or j >= limit:
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
    # -ey/-ei, -iy/-ii, kh/h, ks/x, -ow/-off for -ov, German tsch/sch for
    # ch/sh, gh/g and q/k (two spellings of one Arabic or Persian sound),
    # ph/f, doubled letters and a final h after a vowel (Abdulla/Abdullah).
    t = t[0] + t[1:].replace("y", "i")
    t = t.replace("kh", "h").replace("ks", "x").replace("ii", "i").replace("ie", "e")
    t = t.replace("tsch", "ch").replace("sch", "sh").replace("gh", "g").replace("q", "k").replace("ph", "f")
    t = re.sub(r"(?:ow|off)$", "ov", t)
    t = re.sub(r"(.)\1+", r"\1", t)
    return re.sub(r"(?<=[aeiou])h$", "", t) if len(t) > 3 else t


_LEADING_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul)-", re.I)


@lru_cache(maxsize=65536)  # the fact base's own names are folded again for every mention
def fold(name: str) -> tuple[str, ...]:
    """The comparable tokens of a name; hyphenated parts are joined (Won-sik = Wonsik)."""
    parts = []
    for raw in name.replace("\u2011", "-").split():
        bare = raw.lower().rstrip(",")
        if bare in _SUFFIXES or (not parts and bare.rstrip(".") in _TITLES):
            continue
        folded = _fold_token(_LEADING_ARTICLE.sub("", raw).replace("-", ""))
        if folded:
            parts.append(folded)
    return tuple(parts)


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """Tokens two names share whenever `same_person` holds for them: a cheap test
    that rules out most pairs before the full comparison."""
    parts = fold(name)
    return frozenset(parts) | {"".join(parts)} if parts else frozenset()


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
    """A name that may be the known person's but is not surely it: the same surname
    with another first name (a nickname or a relative: "Jim Doe" for James Doe), one letter
    off (a misspelling), or the same first name with a surname spelled a little
    otherwise. Neither proof of a match nor of a contradiction."""
    a, b = fold(stated), fold(known)
    if not a or not b or same_person(stated, known):
        return False
    ja, jb = "".join(a), "".join(b)
    if a[-1] == b[-1] or _edits(ja, jb) <= 1:
        return True
    if min(len(a[-1]), len(b[-1])) >= 5 and _edits(a[-1], b[-1]) <= 1 and min(len(a), len(b)) == 1:
        return True  # a surname alone, one letter off the known one
    # Spellings of one surname keep its start (Haniya/Haniyeh); a family name
    # first and given names that differ from the start are two people (Wu Ling/Wu Keling).
    if len(a) >= 2 and len(b) >= 2 and _close(a[0], b[0]) and min(len(a[-1]), len(b[-1])) >= 4 \
            and a[-1][:3] == b[-1][:3] and _edits(a[-1], b[-1]) <= 2:
        return True
    # Long names a few letters apart: spellings of one name more likely than two people.
    longer = max(len(ja), len(jb))
    return longer >= 10 and _edits(ja, jb) <= longer * 0.15


def near_miss(stated: str, known: str) -> bool:
    """A name one letter away from the known one: likely a misspelling."""
    a, b = "".join(fold(stated)), "".join(fold(known))
    return a != b and _edits(a, b) <= 1
