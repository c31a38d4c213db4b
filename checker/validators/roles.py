"""How a role is named in a sentence: where (joined roles included), with what qualifier
("Ruritania's", "of the Bank of Ruritania"), in what state (current, outgoing, former,
another role), and whether the sentence speaks of the past.

The `official` validator reads these; `holders` reads the person beside them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import ANCHOR, ROLE, Hit
from ..model import Fact
from ..values.calendar_words import CALENDAR_NAMES
from ..values.places import is_place, regions_of
from .holders import qualifier_after
from .holders import word_before as _word_before

# A word before the role that makes it a different role, or another holder.
_OTHER_ROLE = frozenset("first second deputy vice assistant associate under junior principal "
                        "shadow co acting interim".split())
_NOT_HOLDER = frozenset("former ex then late incoming future would-be previous next "
                        "erstwhile onetime one-time prospective".split())
_OUTGOING = frozenset({"outgoing"})
_REMOVED = frozenset("fired sacked dismissed ousted removed axed deposed toppled".split())
_AFTER_ROLE_NOT_HOLDER = re.compile(
    r"(?:-designate|-elect|'s\b|\s+(?:nominee|candidate|hopeful|pick|designate|elect|spokesman|"
    r"spokeswoman|spokesperson|aide|adviser|advisor|deputy|office|ministry|press secretary|until|till)\b"
    # "the finance minister at the time": a holder then, not now
    r"|\s+at\s+(?:the|that)\s+time\b"
    # "economy minister in the outgoing Peronist government": a government that is going or gone
    r"|\s+(?:in|of|under)\s+(?:the|a)\s+(?:outgoing|previous|former|last|old|ousted|caretaker|interim)\b)", re.I)
# "Her predecessor as finance minister, Ueli Maurer": the role's holder before, or after, the one meant
_HELD_BY_ANOTHER = re.compile(r"\b(?:predecessor|successor)s?\s+as\s+(?:the\s+)?\Z", re.I)
_DETERMINERS = frozenset("the a an its their his her our".split())
_QUALIFIER_TOKEN = re.compile(r"(?:[A-Z][\w.\-]*|'s|')$")
# Words that may stand between a qualifier and its role ("Ruritania's new
# prime minister", "Sylvania's first female president").
_MODIFIERS = frozenset("new newly recently elected appointed installed first female woman current incumbent "
                       "long-serving longtime long-time veteran".split())
_COUNTERPART = re.compile(r"\bcounterparts?\b")
_APPOINTING = frozenset("named names appointed appoints made makes".split())
_PASSIVE = frozenset("is was were are be been being".split())
# A role the fact base does not know, joined to a known one ("deputy prime
# minister and foreign minister"): the words before "and" up to a title noun.
_TITLE_NOUNS = ("minister|secretary|president|premier|chancellor|chief|head|leader|governor|chairman|"
                "chairwoman|chair|director|commander|mayor|speaker")
_JOINED_BEFORE = re.compile(
    r"(?<![\w'\-])((?:(?![\w\-]+'s\s|(?:" + "|".join(sorted(_NOT_HOLDER | _OUTGOING)) + r")\b)[\w\-]+\s+){0,3}"
    r"(?:" + _TITLE_NOUNS + r"))\s+and\s+$", re.I)
# Roles of several holders at once.
SHARED = re.compile(r"(?:co-|co\s|joint\s)")
# A role written the other way round ("minister of defence", "secretary of
# the security council") unless its first word is part of the title itself.
_NOT_INVERTED = frozenset("foreign prime general chief first second deputy vice executive senior principal "
                          "acting top state".split())
# ("Chief of Defence" is a soldier, not the defence chief.)
_INVERTIBLE_TITLES = frozenset("minister secretary governor chairman chairwoman chair president director "
                               "commissioner mayor".split())


@dataclass(frozen=True)
class Occurrence:
    """One place the role is named: its words, the span of the roles joined to it
    by "and", its qualifier before, and whether it is the last of the joined roles."""
    hit: Hit
    start: int
    end: int
    left: tuple[int, int] | None
    last: bool = True


def firm_for(view, occ: Occurrence, how: str) -> bool:
    """Names read after "and"-joined roles are surely the last role's only; a role
    written the other way round may go on past the fact's words ("Minister of
    Defence Industry Jane Doe")."""
    words = view.doc.low[occ.hit.start:occ.hit.end]
    return (occ.last or how == "apposed") and not (how == "after" and " of " in words and " of " not in occ.hit.key)


def inverted(role: str) -> list[str]:
    words = role.split()
    if len(words) < 2 or "of" in words or words[0] in _NOT_INVERTED or words[-1] not in _INVERTIBLE_TITLES:
        return []
    head, rest = words[-1], " ".join(words[:-1])
    return [f"{head} of the {rest}", f"{head} of {rest}"]


def occurrences(view) -> list[Occurrence]:
    """Every place a role is named in the sentence, with "and"-joined roles and counterparts."""
    roles = sorted((h for h in view.hits if h.category == ROLE), key=lambda h: h.start)
    joined = [bool(re.fullmatch(r"\s+and\s+", view.text[a.end:b.start])) for a, b in zip(roles, roles[1:])]
    out = []
    for i, hit in enumerate(roles):
        first = last = i
        while first > 0 and joined[first - 1]:
            first -= 1
        while last < len(joined) and joined[last]:
            last += 1
        start, end = roles[first].start, roles[last].end
        unknown = _JOINED_BEFORE.search(view.text[view.start:start])
        if unknown:
            start = view.start + unknown.start(1)
        left = _left_qualifier(view, hit) or _left_qualifier(view, Hit(start, end, ROLE, hit.key))
        out.append(Occurrence(hit, start, end, left, last=(last == i)))
    for m in _COUNTERPART.finditer(view.text, view.start, view.end):
        # Whose counterpart is plain only when one role is named before it.
        own = [h for h in roles if h.end <= m.start()]
        if len({h.key for h in own}) != 1:
            continue
        spot = Hit(m.start(), m.end(), ROLE, own[-1].key)
        left = _left_qualifier(view, spot)
        if left and role_state(view, Occurrence(own[-1], own[-1].start, own[-1].end,
                                                  _left_qualifier(view, own[-1]))) == "current":
            out.append(Occurrence(spot, spot.start, spot.end, left))
    return out


def elsewhere(view, fact: Fact, *spans) -> bool:
    """Whether the qualifiers name only places other than the fact's own."""
    inside = {h.key for s in spans if s for h in view.hits if h.category == ANCHOR and h.start < s[1] and h.end > s[0]}
    return fact.spec.of is not None and bool(inside) and fact.spec.of not in inside


def in_the_past(view, hit: Hit, fact: Fact) -> bool:
    """'In 1999, French President Jacques Chirac ...': a holder at an earlier time."""
    ref = view.doc.date.toordinal() if view.doc.date else (fact.valid.lo if fact.valid else None)
    if ref is None:
        return False
    clause = view.clause(hit.start)
    # The role's clause, and the stretch between commas around it ("who became
    # prime minister after the 2010 election").
    lo = max(view.text.rfind(c, view.start, hit.start) for c in ",;:(")
    his = [i for i in (view.text.find(c, hit.end, view.end) for c in ",;:)") if i >= 0]
    hi = min(his, default=view.end)
    return any((view.clause(d.start) == clause or lo < d.start < hi) and not d.yearless
               and d.value.hull.hi < ref - 180 for d in view.dates)


def role_state(view, occ: Occurrence) -> str | None:
    """"current", "outgoing", or None when the words around the role make it another role or holder."""
    # The word right before the role may make it another role ("Deputy ... and
    # Foreign Minister": the deputy is not the foreign minister's); the word
    # before the joined roles, like the qualifier, may make all of them past.
    near = [_word_before(view, pos)[0].lower().rstrip("-") for pos in (occ.hit.start, occ.start)]
    if near[0] in _OTHER_ROLE or near[0].split("-")[-1] in _OTHER_ROLE and view.text[occ.hit.start - 1] == "-":
        return None
    if occ.left:
        before, _ = _word_before(view, occ.left[0])
        near += [w.lower() for w in view.text[occ.left[0]:occ.left[1]].split()] + [before.lower()]
    parts = {p for w in near for p in (w, w.split("-")[0], w.split("-")[-1])}
    if parts & _NOT_HOLDER or _AFTER_ROLE_NOT_HOLDER.match(view.text, occ.hit.end) \
            or _HELD_BY_ANOTHER.search(view.text, max(view.start, occ.start - 40), occ.start) \
            or view.text[occ.hit.end - 2:occ.hit.end] in ("'s", "\u2019s"):
        return None  # ("the Chief Minister's Distress Relief Fund" names no chief minister)
    # "Scholz fired Finance Minister Christian Lindner": the holder on the way out
    return "outgoing" if parts & _OUTGOING or parts & _REMOVED else "current"


def _left_qualifier(view, hit: Hit) -> tuple[int, int] | None:
    """The capitalized words right before the role ("Sylvanian", "Ruritania's",
    "Bank of Ruritania"), over modifiers between them and the role ("Ruritania's new")."""
    pos, start = hit.start, None
    word, wstart = _word_before(view, pos)
    skipped = pos
    while word.lower() in _MODIFIERS and wstart < skipped:
        skipped = wstart
        word, wstart = _word_before(view, skipped)
    pos = skipped
    while True:
        word, wstart = _word_before(view, pos)
        if word == "of" and start is not None:
            prior, pstart = _word_before(view, wstart)
            if prior[:1].isupper() and pstart < wstart:
                start, pos = pstart, pstart
                continue
        if not word or wstart >= pos or not _QUALIFIER_TOKEN.search(word) or word.lower() in _DETERMINERS:
            break
        start, pos = wstart, wstart
    verb, vstart = _word_before(view, start if start is not None else pos)
    if start is not None and verb.lower() in _APPOINTING and _word_before(view, vstart)[0].lower() not in _PASSIVE:
        return None  # "appointed Jane Doe finance minister": a name, not a qualifier ("was named Ruritania coach")
    return (start, hit.start) if start is not None else None


# Words that end a company's name without making it another company ("Boeing Co.").
_NAME_SUFFIXES = frozenset("co corp corporation inc incorporated ltd limited plc llc ag sa nv se group holdings "
                           "company".split())
_NEXT_WORD = re.compile(r" ([A-Z][A-Za-z]+)\b")


def _longer_name(text: str, end: int, role: Hit) -> bool:
    """Whether the name ending at `end` goes on in capitals: "Boeing Commercial Airplanes"
    is a part of Boeing with its own chief executive, not Boeing. The role's own
    capitals ("Ruritanian Foreign Minister") do not count."""
    m = _NEXT_WORD.match(text, end)
    return bool(m) and not role.start <= m.start(1) < role.end and m.group(1).lower() not in _NAME_SUFFIXES


def qualifier_fits(view, fact: Fact, hit: Hit, left, right) -> str:
    """How the role is tied to the fact's `of`.

    "explicit": a qualifier names it ("Ruritania's", "of Ruritania"), or the role's own words
    do ("Senate Majority Leader" for the Senate's majority leader); "other": a
    qualifier names someone else ("Sylvanian"); "before": it is named earlier
    in the sentence; "after": only later ("Defense Minister X said Ruritania ...",
    too weak for a contradiction); "absent": nowhere near; "none": the fact has
    no `of` and the role no qualifier; "unknown": the fact has no `of` but the role
    is qualified.
    """
    of = fact.spec.of
    spans = [s for s in (left, right) if s]
    if of is None:
        # "chancellor of the University of Ruritania" may be another role than "chancellor", and
        # "Ukrainian President X" another president than a fact that does not say whose it is
        return "unknown" if spans else "none"
    if (ANCHOR, of) not in view.in_reach:  # the common case when many countries share a role
        return "other" if spans else "absent"
    for s, e in spans:
        if any(h.category == ANCHOR and h.key == of and h.start < e and h.end > s
               and not _longer_name(view.text, h.end, hit) for h in view.hits):
            return "explicit"
    if any(h.category == ANCHOR and h.key == of and hit.start <= h.start and h.end <= hit.end for h in view.hits):
        return "explicit"  # the role as written names it: "Senate Majority Leader"
    if spans:
        return "other"
    role_start = left[0] if left else hit.start
    hits = view.found(ANCHOR, of)
    if any(h.end <= role_start for h in hits if h.start >= view.start):
        return "before"
    return "after" if hits else "absent"


# "Its chief executive": the role of whatever the paragraph is about, not the story's.
_POSSESSIVES = frozenset("its his her their our my your whose".split())


def story_holder(view, occ: Occurrence, facts: list[Fact], names=()) -> Fact | None:
    """The one fact an unqualified role ("Taro Aso, the finance minister, said")
    is about when nothing nearer says whose it is: the only holder of the role
    whose `of` the story names. None when the story names the role with another
    qualifier anywhere ("Germany's finance minister", "Chinese Premier"), since
    then the bare role may be either; and for "its" or "their chief executive",
    which belongs to whatever the paragraph is about, and when another name
    comes before the role in the sentence ("Rival Acme, led by CEO Jane Doe")."""
    if _word_before(view, occ.start)[0].lower() in _POSSESSIVES or _named_before(view, occ, names) \
            or _in_longer_role(view, occ):
        return None
    named = {h.key for h in view.everywhere if h.category == ANCHOR}
    # (holders out of force are gone already)
    told = [f for f in facts if f.spec.of in named] or [f for f in facts if _names_a_region(view, f)]
    if len(told) != 1 or any(f.spec.of is None for f in facts):
        return None
    fact = told[0]
    if any(h.category == ANCHOR and h.key == fact.spec.of and h.start > occ.end
           and view.part(h.start) == view.part(occ.end)  # (not "..., while the envoy visited Ruritania")
           and _ADDRESSED.search(view.doc.low, max(occ.end, h.start - 40), h.start) for h in view.hits):
        return None  # spoken of or to, as an outsider would: "Minister X said Ruritania ..."
    if not any(is_place(n) for n in fact.spec.of_names) and not _OFFICER.match(occ.hit.key):
        return None  # "President Jane Doe" in a story about a company is a country's president
        # (but "CFO George Davis", in a story about one company, is that company's)
    return fact if _only_qualifier(view, occ.hit.key, fact.spec.of) else None


# Officers of a company, a bank or an assembly: no country has one, so the story's one
# organisation is theirs ("Vice Chairman Fritz Zurbrügg" in a story about one central bank).
_OFFICER = re.compile(r"(?:chief [a-z]+ officer|chief executive|ceo|cfo|coo|cto|finance chief|"
                      r"(?:vice[ -]|deputy )?chair(?:man|woman|person)?|speaker)\Z")
_ADDRESSED = re.compile(r"\b(?:said|says|told|tells|warned|warns|accused|accuses|urged|urges|critici[sz]ed|"
                        r"critici[sz]es|condemned|condemns|called on|calls on|blamed|blames|praised|thanked|"
                        r"visited|visits|met)(?:\s+that)?(?:\s+(?:the|both))?\s+\Z")


def _names_a_region(view, fact: Fact) -> bool:
    """Whether the story names a region of the fact's country ("the Bank of England",
    "Southport, in north-west England", for the United Kingdom), though not the country."""
    for name in fact.spec.of_names:
        regions = regions_of(name)
        if regions is not None:
            return regions.search(view.doc.norm) is not None
    return False


def _in_longer_role(view, occ: Occurrence) -> bool:
    """'Chief' inside 'Chief Election Commissioner': the words name the longer role."""
    h = occ.hit
    return any(o.category == ROLE and o.key != h.key and o.start <= h.start and h.end <= o.end
               and o.end - o.start > h.end - h.start for o in view.hits)


def _named_before(view, occ: Occurrence, names) -> bool:
    """A capitalised word before the role, other than the sentence's first, the names
    read in the role, other roles and the calendar: someone else the role may be of."""
    taken = [(n.start, n.end) for n in names] + [(h.start, h.end) for h in view.hits if h.category == ROLE]
    first = True
    for tok in view.tokens:
        if tok.start >= occ.start:
            return False
        if not tok.text[:1].isalpha():
            continue
        if first:
            first = False
            continue
        if tok.text[0].isupper() and tok.text.strip(".") not in CALENDAR_NAMES \
                and not any(s <= tok.start < e for s, e in taken):
            return True
    return False


def _only_qualifier(view, role: str, of: str) -> bool:
    """Whether every qualified mention of the role in the document names `of`."""
    doc = view.doc
    places = {doc.sentence_at(h.start) for h in view.everywhere if h.category == ROLE and h.key == role}
    for i in sorted(places):
        sentence = doc.sentences[i]
        hits = [h for h in view.everywhere if sentence.start <= h.start < sentence.end]
        other = type(view)(doc, sentence, hits, [], everywhere=view.everywhere)
        for o in occurrences(other):
            if o.hit.key != role:
                continue
            for span in (o.left, qualifier_after(other, o.end)[1]):
                if span and not any(h.category == ANCHOR and h.key == of and h.start < span[1]
                                    and h.end > span[0] for h in hits):
                    return False
    return True
