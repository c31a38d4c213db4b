"""The `official` kind: who holds a role ("Ruritania's defense minister is Jane Doe").

A role is found whole and longest first. A modifier can make it another role
("First Deputy", "vice", "acting", "interim") or another holder ("former",
"ex-Acme", "-designate"); an "outgoing" holder still holds it, but another
name there may be the predecessor of the fact's person. Roles joined by "and"
share their qualifier and their name; "his Sylvanian counterpart, John Roe"
names the same role of another country. `holders` reads the person. A
qualifier of another country or organisation keeps the role away from this
fact; a shared role ("co-leader") has several holders, so another name never
contradicts it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from ..lexicon import ANCHOR, ROLE, Lexicon, term_key
from ..model import Fact
from ..values.places import place_in
from ..values.names import maybe_same, name_keys, near_miss, read_name, same_person
from .base import Entry, Validator
from .holders import KnownNames, holders, qualifier_after, word_before
from .roles import (SHARED, Occurrence, elsewhere, firm_for, in_the_past, inverted, occurrences, qualifier_fits,
                    role_state, story_holder)

@dataclass(frozen=True)
class OfficialSpec:
    role: str
    of: str | None
    person: str
    about: tuple[str, ...]
    cues: tuple[str, ...] = ()
    of_names: tuple[str, ...] = ()  # `of` and its aliases as written (see roles.story_holder)
    of_text: str | None = None  # `of` as the fact base writes it, for messages
    names: tuple[str, ...] = ()  # the person and the aliases the fact base gives them ("Abu Mohammed al-Jolani")

    def is_person(self, stated: str) -> bool:
        return any(same_person(stated, n) for n in self.names or (self.person,))


_PARTICLE = re.compile(r"(?:al|el|ad|as|bin|ibn|abu|de|da|do|dos|das|di|du|del|della|van|von|der|den|la|le|ter)"
                       r"(?:-\w.*)?$")


def _looks_like_a_name(spelling: str) -> bool:
    """A person's alias that can be a name in a text: capitalised words and particles
    ("Abu Mohammed al-Jolani", "Lula da Silva"), not a description ("Russian President")."""
    words = spelling.split()
    return (bool(words) and words[0][:1].isupper()
            and all(w[:1].isupper() or _PARTICLE.match(w) for w in words))


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
        if of is None:  # "Jane Doe is Ruritania's foreign minister": the claim says whose
            of = place_in(entry.text("claim") or "", f"{person} {role}")
        role_key = lexicon.add(ROLE, role)
        for variant in sorted(lexicon.aliases.variants(role)):
            for other_order in inverted(variant):
                lexicon.add(ROLE, other_order, expand=False, key=role_key)
        of_key = lexicon.add(ANCHOR, of) if of else None
        of_names = tuple(sorted(lexicon.aliases.variants(of))) if of else ()
        roles = lexicon.aliases.variants(role)
        names = tuple(n for n in lexicon.aliases.written(person)
                      if _looks_like_a_name(n) and not any(f" {r} " in f" {term_key(n)} " for r in roles))
        return OfficialSpec(role_key, of_key, person, about, of_names=of_names, of_text=of,
                            names=names or (person,))

    def triggers(self, fact: Fact):
        return [(ROLE, fact.spec.role)]

    def needs(self, fact: Fact):
        return [(ANCHOR, k) for k in fact.spec.about]  # check() binds nothing without them

    def expected(self, fact: Fact) -> str:
        return fact.spec.person

    def check(self, view, facts: list[Fact]):
        out = []
        roles = _by_role(facts)
        for occ in occurrences(view):
            hit = occ.hit
            role = roles.get(hit.key)
            role = role.narrowed(view) if role else None
            if role is None:
                continue
            holders_ = role.facts
            state = role_state(view, occ)
            if state is None:
                view.dropped(holders_, hit.start, hit.end, "the role is a former, acting, deputy or other form of it")
                continue
            right_end, right = qualifier_after(view, occ.end)
            reading = _not_roles(view, holders(view, occ.start, occ.end, occ.left, right_end, role.known))
            if not reading.names:
                own = _the_stories_holder(view, occ, role, right) if state == "current" else None
                if own is not None:
                    out.append(own)
                else:
                    view.dropped(holders_, hit.start, hit.end, "no person is named in the role")
                continue
            if reading.how == "handed":
                right = None
            # The fact's own person in the fact's own role matches whatever the
            # qualifier ("Workers' Party General Secretary Jane Doe"),
            # unless it names another place the fact base knows ("the former
            # Ruritania coach, now Sylvania's coach").
            said = frozenset().union(*(name_keys(n.text) for n in reading.names))
            named = role.named(said)
            matched = {f.id: n for f in named
                       for n, own in reversed(list(zip(reading.names, reading.own)))
                       if f.spec.is_person(n.text) and not elsewhere(view, f, occ.left, own or right)}
            for f in named:
                if f.id in matched:
                    n = matched[f.id]
                    out.append(view.finding(f.id, "match", n.start, n.end, f"'{n.text}' is {f.spec.person}"))
            if len(matched) == len(holders_) or (matched and len(reading.names) == 1):
                continue
            firm = reading.firm and firm_for(view, occ, reading.how)
            if not any(reading.own):
                out.extend(self._other(view, occ, role, matched, reading.names, right, firm, state))
                continue
            for name, own in zip(reading.names, reading.own):
                if own and name not in matched.values():
                    out.extend(self._other(view, occ, role, matched, (name,), own, firm, state))
        return out

    def _other(self, view, occ: Occurrence, role: _Role, matched: dict, names, right, firm: bool, state: str):
        """A contradiction when another person surely holds this fact's role, else a note why not."""
        hit, left = occ.hit, occ.left
        near = [f for f in role.near(view) if f.id not in matched]
        fits = {f.id: qualifier_fits(view, f, hit, left, right) for f in near}
        # The other holders' `of` is out of reach: they fit only an unqualified role, and never
        # surely (see qualifier_fits); a common role has hundreds of them, so they are counted.
        far_fits = "other" if left or right else "absent"
        far_count = len(role.facts) - len(matched) - len(near)
        if view.trace is not None:
            far = [f for f in role.facts if f.id not in matched and f.id not in fits]
            fits.update((f.id, far_fits) for f in far)
            near += far
        view.dropped([f for f in near if fits[f.id] == "other"], hit.start, hit.end,
                     "the role is another country's or organisation's")
        fitting = [f for f in near if fits[f.id] != "other"]
        fitting_count = len(fitting) if view.trace is not None else \
            len(fitting) + (far_count if far_fits != "other" else 0)
        if not fitting_count:
            return []
        # Another person is a contradiction only when the role is surely
        # this fact's: one holder, one name, a qualifier that says so.
        sure = [f for f in fitting if fits[f.id] in ("explicit", "before", "none")]
        story = None
        if not sure and not left and not right and firm and len(names) == 1 and _introduced(view, names[0]):
            # nothing near says whose role it is: the story's own place, when it names just one
            story = story_holder(view, occ, [f for f in role.facts if f.id not in matched], names)
            if story is not None:
                sure, fitting, fitting_count = [story], [story], 1
        said = ", ".join(f"'{n.text}'" for n in names)
        why = ("the name is not firmly the role's holder" if not firm
               else "several people are named" if len(names) > 1
               else "the role's country or organisation is not said" if len(sure) != 1
               else "several facts share the role" if fitting_count > 1
               else "the role has several holders" if SHARED.match(hit.key)
               else "an outgoing holder may be the predecessor of the fact's person" if state == "outgoing"
               else "the sentence speaks of the past" if in_the_past(view, hit, sure[0])
               else "the name may be the same person's (a nickname, a relative or another spelling)"
               if any(maybe_same(names[0].text, n) for n in sure[0].spec.names) else None)
        if why:
            view.dropped(fitting, hit.start, hit.end, f"{said} named in the role, but {why}")
            return []
        f, name = sure[0], names[0]
        reason = f"'{name.text}' named as {view.doc.raw[hit.start:hit.end]}, expected {f.spec.person}"
        if near_miss(name.text, f.spec.person):
            reason += " (a misspelling?)"
        if story is not None:
            reason += f" (the role is not qualified; {view.doc.raw[hit.start:hit.end]} of {f.spec.of_text or f.spec.of}, " \
                      "the only one this story names)"
        return [view.finding(f.id, "contradiction", name.start, name.end, reason)]


def _the_stories_holder(view, occ: Occurrence, role: _Role, right):
    """'The Chancellor insisted that she had kept ...', in a story that names Rachel Reeves and
    gives no other name in the role: the story's holder, a match (never a contradiction)."""
    said = " ".join(view.doc.low[occ.hit.start:occ.hit.end].split())
    if occ.left or right or word_before(view, occ.start)[0].lower() != "the" \
            or said.endswith("s") and not occ.hit.key.endswith("s"):  # ("the leaders": several)
        return None
    fact = role.facts[0] if len(role.facts) == 1 else story_holder(view, occ, role.facts)
    if fact is None:
        return None
    doc = view.doc.norm
    if not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", doc) for n in fact.spec.names):
        return None
    for h in view.everywhere:  # another name in the role anywhere in the story leaves "the" role open
        if h.category == ROLE and h.key == occ.hit.key and doc[h.end:h.end + 1] == " ":
            name = read_name(doc, h.end + 1, min(len(doc), h.end + 60))
            if name is not None and not fact.spec.is_person(name.text):
                return None
    return view.finding(fact.id, "match", occ.hit.start, occ.hit.end,
                        f"the story names {fact.spec.person}, and no one else in the role")


class _Role:
    """The facts that share one role: the holders a mention of it is checked against."""

    def __init__(self, facts: list[Fact]):
        self.facts = facts
        self.known = KnownNames(n for f in facts for n in f.spec.names)
        self._anchored = any(f.spec.about for f in facts)
        self._dated = any(f.valid is not None for f in facts)
        self._by_date: dict = {}
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_of: dict[str | None, list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            self._by_of[f.spec.of].append(i)
            for key in {k for n in f.spec.names for k in name_keys(n)}:
                self._by_key[key].append(i)

    def near(self, view) -> list[Fact]:
        """The holders whose `of` is in reach, or who have none, in fact order."""
        anchors = (k for category, k in view.in_reach if category == ANCHOR)
        return [self.facts[i] for i in sorted(i for key in (None, *anchors) for i in self._by_of.get(key, ()))]

    def narrowed(self, view) -> _Role | None:
        """The holders whose `about` anchors are in reach and who hold the role on the
        source's date (None when there are none): a predecessor whose `valid` has ended
        is not this source's holder, so naming them is naming someone else."""
        role = self._on(view.doc.date)
        if role is None or not role._anchored:
            return role
        kept = [f for f in role.facts if view.has_all(f.spec.about)]
        return None if not kept else role if len(kept) == len(role.facts) else _Role(kept)

    def _on(self, date) -> _Role | None:
        """The holders in force on a source's date, kept per date (sources share dates)."""
        if date is None or not self._dated:
            return self
        if date not in self._by_date:
            if len(self._by_date) >= 64:  # a corpus of many dates: keep memory bounded
                self._by_date.clear()
            day = date.toordinal()
            kept = [f for f in self.facts if f.valid is None or f.valid.contains(day)]
            self._by_date[date] = None if not kept else self if len(kept) == len(self.facts) else _Role(kept)
        return self._by_date[date]

    def named(self, keys: frozenset[str]) -> list[Fact]:
        """The holders whose names can be one of those read (see names.name_keys), in fact order."""
        return [self.facts[i] for i in sorted({i for k in keys for i in self._by_key.get(k, ())})]


# The engine hands the same list over for the same phrases: its grouping is kept. Many of
# its lists hold the same facts of a role (they differ in other kinds' facts), so each
# role's holders are grouped once per set of facts.
_LISTS: dict[int, tuple[list[Fact], dict[str, _Role]]] = {}
_ROLES: dict[tuple[str, tuple[int, ...]], _Role] = {}


def _by_role(facts: list[Fact]) -> dict[str, _Role]:
    kept = _LISTS.get(id(facts))
    if kept is not None and kept[0] is facts:
        return kept[1]
    grouped: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        grouped[f.spec.role].append(f)
    roles = {role: _role(role, fs) for role, fs in grouped.items()}
    if len(_LISTS) >= 1024:
        _LISTS.clear()
    _LISTS[id(facts)] = (facts, roles)
    return roles


def _role(role: str, facts: list[Fact]) -> _Role:
    key = (role, tuple(id(f) for f in facts))
    kept = _ROLES.get(key)
    if kept is None or any(a is not b for a, b in zip(kept.facts, facts)):
        if len(_ROLES) >= 1024:
            _ROLES.clear()
        kept = _ROLES[key] = _Role(facts)
    return kept


def _not_roles(view, reading):
    """A reading without 'names' that are other roles ("Sheikh Mohammed, the Vice President,
    Prime Minister and Ruler of Dubai": "Vice President" is no name for the ruler)."""
    roles = [h for h in view.hits if h.category == ROLE]
    keep = [i for i, n in enumerate(reading.names) if not any(h.start < n.end and n.start < h.end for h in roles)]
    if len(keep) == len(reading.names):
        return reading
    own = tuple(reading.own[i] for i in keep) if reading.own else ()
    return replace(reading, names=tuple(reading.names[i] for i in keep), own=own)


def _introduced(view, name) -> bool:
    """Whether the story introduces the person by full name: a surname the text never gives
    in full ("President Trump's threat of tariffs", in a story about Germany) relies on the
    reader knowing who that is, and need not be the story's own office-holder."""
    words = name.text.split()
    if len(words) >= 2:
        return True
    roles = [h for h in view.everywhere if h.category == ROLE]
    for m in re.finditer(r"([A-Z][\w'\u2019.-]+)\s+" + re.escape(words[0]) + r"\b", view.doc.norm):
        if m.group(1).lower() not in _TITLES and not any(h.start <= m.start(1) < h.end for h in roles):
            return True  # "Donald Trump" somewhere, not only "President Trump"
    return False


_TITLES = frozenset("mr mrs ms dr sir dame lord lady president prime minister chancellor king queen prince "
                    "general gen. admiral senator sen. rep. governor gov. mayor judge justice".split())
