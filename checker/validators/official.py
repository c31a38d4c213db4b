"""The `official` kind: who holds a role ("Ruritania's defense minister is Jane Doe").

A role is found whole and longest first; a role with a modifier that makes it
another role ("First Deputy ...", "vice ...") or a past or future holder
("former", "-designate") is not this fact's role. The person is the name right
after the role ("Defense Minister Jane Doe"), or set off by commas on
either side ("Jane Doe, Ruritania's defence minister," / "Ruritania's defense
minister, John Roe,"). A qualifier of another country or organisation
("Sylvanian Defense Minister ...") keeps the role away from this fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import ANCHOR, ROLE, Hit, Lexicon
from ..model import Fact
from ..values.names import maybe_same, near_miss, same_person
from .base import Entry, Validator
from .holders import holders, word_before as _word_before

# A word before the role that makes it a different role, or another holder.
_OTHER_ROLE = frozenset("first second deputy vice assistant associate under junior principal "
                        "shadow co".split())
_NOT_HOLDER = frozenset("former ex then late outgoing incoming future would-be previous "
                        "erstwhile onetime one-time prospective".split())
_AFTER_ROLE_NOT_HOLDER = re.compile(
    r"(?:-designate|-elect|'s\b|\s+(?:nominee|candidate|hopeful|pick|designate|elect|spokesman|"
    r"spokeswoman|spokesperson|aide|adviser|advisor|deputy|office|ministry|press secretary)\b)", re.I)
_DETERMINERS = frozenset("the a an its their his her our".split())
_QUALIFIER_TOKEN = re.compile(r"(?:[A-Z][\w.\-]*|'s|')$")


@dataclass(frozen=True)
class OfficialSpec:
    role: str
    of: str | None
    person: str
    about: tuple[str, ...]
    cues: tuple[str, ...] = ()


class OfficialValidator(Validator):
    kind = "official"
    keys = {
        "role": "the role, as texts write it (aliases apply): 'defense minister'",
        "of": "whose role it is: a country or organisation (aliases apply)",
        "person": "who holds it; transliteration variants and the surname alone also match",
    }
    value_required = False

    def compile(self, entry: Entry, value: str | None, lexicon: Lexicon):
        role = entry.text("role", required=True)
        person = entry.text("person", required=True) or value
        of = entry.text("of")
        about = tuple(lexicon.add(ANCHOR, a) for a in entry.texts("about"))
        if role is None or person is None:
            return None
        role_key = lexicon.add(ROLE, role)
        of_key = lexicon.add(ANCHOR, of) if of else None
        return OfficialSpec(role_key, of_key, person, about)

    def triggers(self, fact: Fact):
        return [(ROLE, fact.spec.role)]

    def expected(self, fact: Fact) -> str:
        return fact.spec.person

    def check(self, view, facts: list[Fact]):
        out = []
        roles = [h for h in view.hits if h.category == ROLE]
        for hit in roles:
            holders_ = [f for f in facts if f.spec.role == hit.key and view.has_all(f.spec.about)]
            if not holders_:
                continue
            left = _left_qualifier(view, hit)
            if not _is_current_role(view, hit, left):
                view.dropped(holders_, hit.start, hit.end, "the role is a former, acting, deputy or other form of it")
                continue
            right_end, right = _right_qualifier(view, hit)
            names, firm = holders(view, hit, left, right_end, [f.spec.person for f in holders_])
            if not names:
                view.dropped(holders_, hit.start, hit.end, "no person is named in the role")
                continue
            # The fact's own person in the fact's own role matches whatever the
            # qualifier ("Communist Party General Secretary Nguyen Phu Trong").
            match = next(((f, n) for n in names for f in holders_ if same_person(n.text, f.spec.person)), None)
            if match:
                f, n = match
                out.append(view.finding(f.id, "match", n.start, n.end, f"'{n.text}' is {f.spec.person}"))
                continue
            fits = {f.id: _qualifier_fits(view, f, hit, left, right) for f in holders_}
            fitting = [f for f in holders_ if fits[f.id] != "other"]
            view.dropped([f for f in holders_ if fits[f.id] == "other"], hit.start, hit.end,
                         "the role is another country's or organisation's")
            # Another person is a contradiction only when the role is surely
            # this fact's: one holder, one name, a qualifier that says so.
            sure = [f for f in fitting if fits[f.id] in ("explicit", "before", "none")]
            said = ", ".join(f"'{n.text}'" for n in names)
            why = ("the name is not firmly the role's holder" if not firm
                   else "several people are named" if len(names) > 1
                   else "the role's country or organisation is not said" if len(sure) != 1
                   else "several facts share the role" if len(fitting) > 1
                   else "the sentence speaks of the past" if _in_the_past(view, hit, sure[0])
                   else "the name may be the same person's (a nickname or relative)"
                   if maybe_same(names[0].text, sure[0].spec.person) else None)
            if why:
                view.dropped(fitting, hit.start, hit.end, f"{said} named in the role, but {why}")
                continue
            f, name = sure[0], names[0]
            reason = f"'{name.text}' named as {hit_text(view, hit)}, expected {f.spec.person}"
            if near_miss(name.text, f.spec.person):
                reason += " (a misspelling?)"
            out.append(view.finding(f.id, "contradiction", name.start, name.end, reason))
        return out


def _in_the_past(view, hit: Hit, fact: Fact) -> bool:
    """'In 1999, French President Jacques Chirac ...': a holder at an earlier time."""
    ref = view.doc.date.toordinal() if view.doc.date else (fact.valid.lo if fact.valid else None)
    if ref is None:
        return False
    clause = view.clause(hit.start)
    return any(view.clause(d.start) == clause and not d.yearless and d.value.hull.hi < ref - 180
               for d in view.dates)


def hit_text(view, hit: Hit) -> str:
    return view.doc.raw[hit.start:hit.end]


def _is_current_role(view, hit: Hit, left) -> bool:
    word, _ = _word_before(view, hit.start)
    low = word.lower().rstrip("-")
    if low in _OTHER_ROLE or low in _NOT_HOLDER or low.split("-")[-1] in _NOT_HOLDER:
        return False
    if left:
        first = view.text[left[0]:left[1]].split()[0].lower()
        before, _ = _word_before(view, left[0])
        if {first, before.lower()} & _NOT_HOLDER:
            return False
    if view.text[hit.start - 1:hit.start] == "-" and low.split("-")[-1] in _OTHER_ROLE:
        return False
    return not _AFTER_ROLE_NOT_HOLDER.match(view.text, hit.end)


def _left_qualifier(view, hit: Hit) -> tuple[int, int] | None:
    """The capitalized words right before the role ("Sylvanian", "Ruritania's")."""
    pos, start = hit.start, None
    while True:
        word, wstart = _word_before(view, pos)
        if not word or wstart >= pos or not _QUALIFIER_TOKEN.search(word) or word.lower() in _DETERMINERS:
            break
        start, pos = wstart, wstart
    return (start, hit.start) if start is not None else None


_RIGHT_QUALIFIER = re.compile(r"\s*\b(?:of|for|at|with|to|in)\s+(?:the\s+)?((?:[A-Z0-9][\w.'\-]*(?:\s+|(?=[,.;:)]|$)))+)")


def _right_qualifier(view, hit: Hit) -> tuple[int, tuple[int, int] | None]:
    """'of Ruritania', 'with the Asia Program at the Policy Center' after the role."""
    pos, first = hit.end, None
    while True:
        m = _RIGHT_QUALIFIER.match(view.text, pos, view.end)
        if not m:
            break
        first = m.start(1) if first is None else first
        pos = m.end(1)
    if first is None:
        return hit.end, None
    end = pos
    while end > hit.end and view.text[end - 1] in " \u00a0":
        end -= 1
    return end, (first, end)


def _qualifier_fits(view, fact: Fact, hit: Hit, left, right) -> str:
    """How the role is tied to the fact's `of`.

    "explicit": a qualifier names it ("Ruritania's", "of Ruritania"); "other": a
    qualifier names someone else ("Sylvanian"); "before": it is named earlier
    in the sentence; "after": only later ("Defense Minister X said Ruritania ...",
    too weak for a contradiction); "absent": nowhere near; "none": the fact has
    no `of`; "unknown": the fact has no `of` but the role is qualified after it.
    """
    of = fact.spec.of
    spans = [s for s in (left, right) if s]
    if of is None:
        # "chancellor of the Duchy of Lancaster" may be another role than "chancellor"
        return "unknown" if right else "none"
    for s, e in spans:
        if any(h.category == ANCHOR and h.key == of and s <= h.start < e for h in view.hits):
            return "explicit"
    if spans:
        return "other"
    role_start = left[0] if left else hit.start
    hits = view.found(ANCHOR, of)
    if any(h.end <= role_start for h in hits if h.start >= view.start):
        return "before"
    return "after" if hits else "absent"
