"""Who a sentence says holds a role: the name next to the role, set off by commas, or linked by a verb.

"Defense Minister Jane Doe"; "Ruritania's defense minister, John
Roe,"; "Jane Doe, Ruritania's defence minister,"; "The home secretary
is Shabana Mahmood"; "Keir Starmer became Britain's prime minister"; "Starmer
named Rachel Reeves as chancellor"; "Deputy Prime Ministers A and B". A name
linked in the past tense ("X was defence minister") or listed with others is
not firm enough to contradict a fact; "replaced X as minister" names a former
holder and is not read at all.
"""
from __future__ import annotations

import re

from ..lexicon import Hit
from ..values.names import NameSpan, read_name

_DETERMINERS = frozenset("the a an its their his her our".split())
_APPOSITIVE_END = re.compile(r"\s*(?:[,.;:)]|$|and\b)")
_NAME = r"((?:[A-Z][\w'\-]*\.?\s+){0,3}[A-Z][\w'\-]*)"
_LINK_AFTER = re.compile(r"\s+(is|remains|will\s+be|was|had\s+been)\s+(?=[A-Z])")
_LINK_BEFORE = re.compile(
    _NAME + r"(?:,\s+who)?\s+(?:has\s+|had\s+|will\s+)?"
    r"(become|became|becomes|is|was|remains|is\s+now|be|"
    r"was\s+named|was\s+appointed|was\s+confirmed\s+as|was\s+elected|was\s+made|was\s+sworn\s+in\s+as|"
    r"has\s+been\s+named|has\s+been\s+appointed|named|appointed|as)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:new\s+|next\s+|acting\s+|current\s+)?$")
# Words between an appositive's comma and its role: "the country's newly elected".
_MODIFIERS_BEFORE = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:(?:country|nation|state|party|company|government)'s\s+)?"
    r"(?:(?:newly|recently|long-serving|veteran|current|new|acting|elected|appointed|incumbent)\s+)+")
_PRESENT = {"is", "remains", "is now", "becomes", "will be", "be", "become"}
_FORMER = frozenset("replaced replaces replacing succeeded succeeds succeeding ousted ousts".split())


def word_before(view, pos: int) -> tuple[str, int]:
    """The word ending just before `pos` (skipping spaces), and its start."""
    text = view.text
    i = pos
    if i > 0 and text[i - 1] == "-":
        i -= 1
    else:
        while i > view.start and text[i - 1] in " \u00a0":
            i -= 1
    m = re.search(r"[\w'.\-]+$", text[max(view.start, i - 40):i])
    if not m:
        return "", i
    return m.group(0), i - len(m.group(0))


def holders(view, hit: Hit, left, right_end: int, known: list[str]) -> tuple[list[NameSpan], bool]:
    """The names given for this role occurrence, and whether they are firm enough to contradict."""
    first, firm = _person(view, hit, left, right_end, known)
    if first is None:
        return [], False
    plural = view.low[hit.end - view.start - 1:hit.end - view.start] == "s"
    if not plural or first.start < hit.end:
        return [first], firm
    names, pos = [first], first.end
    while True:  # "Deputy Prime Ministers A, B and C": any of them, none for sure
        m = re.match(r",\s+(?:and\s+)?|\s+and\s+", view.text[pos:view.end])
        nxt = _name_at(view, pos + m.end(), known) if m else None
        if nxt is None:
            break
        names.append(nxt)
        pos = nxt.end
    return names, False


def _name_at(view, pos: int, known: list[str]) -> NameSpan | None:
    """A name starting at `pos`; a name the fact base knows is taken whole ("To Lam")."""
    for person in known:
        if view.text.startswith(person, pos) and not view.text[pos + len(person):pos + len(person) + 1].isalnum():
            return NameSpan(pos, pos + len(person), person)
    return read_name(view.text, pos, view.end)


def _known_ending(view, end: int, known: list[str]) -> NameSpan | None:
    for person in known:
        start = end - len(person)
        if start >= view.start and view.text.startswith(person, start) and not view.text[start - 1:start].isalnum():
            return NameSpan(start, end, person)
    return None


def _person(view, hit: Hit, left, right_end: int, known: list[str]) -> tuple[NameSpan | None, bool]:
    text = view.text
    # "Defense Minister Jane Doe"
    if text[right_end:right_end + 1] == " ":
        name = _name_at(view, right_end + 1, known)
        if name:
            return name, True
    # "Ruritania's defense minister, John Roe," / "the head of the state railway, Ann Smith."
    if text[right_end:right_end + 2] == ", ":
        name = _name_at(view, right_end + 2, known)
        if name and _APPOSITIVE_END.match(text, name.end):
            return name, True
    # "The home secretary is Shabana Mahmood"
    link = _LINK_AFTER.match(text, right_end, view.end)
    if link:
        name = _name_at(view, link.end(), known)
        if name:
            return name, " ".join(link.group(1).split()) in _PRESENT
    pos = left[0] if left else hit.start
    modifiers = _MODIFIERS_BEFORE.search(text, view.start, pos)
    if modifiers and modifiers.end() == pos:
        pos = modifiers.start()
    word, wstart = word_before(view, pos)
    if word.lower() in _DETERMINERS:
        pos = wstart
    before = text[view.start:pos].rstrip(" \u00a0")
    # "Jane Doe, Ruritania's defence minister," / "To Lam, the country's newly elected president"
    if before.endswith(","):
        end = view.start + len(before) - 1
        m = re.search(_NAME + r"$", before[:-1])
        name = next((n for n in (_known_ending(view, end, known),) if n), None)
        if name is None and m:
            name = read_name(text, view.start + m.start(1), end)
        if name and name.end == end:
            return name, True
    # "Keir Starmer became Britain's prime minister", "named Rachel Reeves as chancellor"
    m = _LINK_BEFORE.search(text[view.start:pos])
    if m:
        s = view.start + m.start(1)
        prior, _ = word_before(view, s)
        if prior.lower() in _FORMER:
            return None, False  # "replaced John Roe as defence minister": a former holder
        name = _name_at(view, s, known)
        if name and name.end == view.start + m.end(1):
            return name, " ".join(m.group(2).split()) in _PRESENT
    return None, False
