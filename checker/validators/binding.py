"""Binding rules shared by the kinds: which competing fact a value belongs to.

A value goes to the fact whose anchors and cues sit closest (SPEC 4); a
contradiction further needs the anchors in the value's own part of the
sentence (or in the previous sentence it refers back to).
"""
from __future__ import annotations

import math
import re

from ..lexicon import ANCHOR, UNIT
from ..model import Fact, Interval
from ..text import resumes
from ..values.places import is_place

_CUE_CAP = 20
# A record's words: "the deadliest since", "the worst disaster remains", "the most powerful".
SUPERLATIVE = re.compile(r"\b(?:worst|best|biggest|largest|deadliest|strongest|highest|lowest|most(?:\s+[a-z]+)?"
                         r"|[a-z]+iest)\b")


def score(view, fact: Fact, start: int, end: int) -> int:
    """Lower is closer: summed anchor distances plus the nearest cue's."""
    s = sum(min(view.nearest(ANCHOR, k, start, end)[0], 2000) for k in fact.spec.about)
    if fact.spec.cues:
        s += min(view.cue_near(fact.spec.cues, start, end)[0], _CUE_CAP)
    return s


def rank(view, facts: list[Fact], start: int, end: int) -> list[Fact]:
    """Candidate facts, closest first (ties keep fact-base order)."""
    return sorted(facts, key=lambda f: score(view, f, start, end))


# Capitalized words that do not make a clause's own subject.
NOT_SUBJECTS = frozenset("""
the a an in on at according but and for with by as it he she they its his her their this that these
those last next some after before during since from of to while when if officials analysts experts
we i our us both each all
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())


def own_subject(view, offset: int, anchor_keys, claim: str = "") -> bool:
    """Whether the value's clause names someone else before it ("Sylvania has sent ..."). A
    name the fact's `claim` gives is no one else ("Caputo announced the devaluation on
    December 20", "..., Ferrovie dello Stato, which paid just €4.5m", for claims that name
    Caputo and Ferrovie dello Stato); the caller passes it only when the anchor is in the
    sentence, since a name alone says nothing of what it did ("Prigozhin said about 20,000 of
    his fighters died there", after a sentence about Wagner's 25,000)."""
    clause = view.clause(offset)
    named = _claim_names(claim)
    anchors = [h for h in view.hits if h.category == ANCHOR and h.key in anchor_keys]
    opening = [t for t in view.tokens if t.clause == clause][:2]
    if opening and opening[0].text.lower() in ("which", "who", "that") and opening[0].start < offset:
        # "..., which crashed 8.5 million Windows computers on Saturday": the antecedent's,
        # and the antecedent is someone else when it is a name other than the anchors
        # ("overtaken by Hurricane Milton, which made landfall on October 9")
        return _named_antecedent(view, opening[0], anchors, named)
    if len(opening) == 2 and opening[0].text.lower() == "and" and opening[1].start < offset \
            and opening[1].text.lower() in ("the", "its", "their", "his", "her"):
        return True  # "..., and the new ministers held their first meeting on Saturday"
    in_phrase = False  # inside a prepositional phrase: "at the UN summit", "in New Delhi"
    agent = None  # the clause of a passive's "by": "has been owned by Italy's state railway company FS"
    previous = ""
    for t in view.tokens:
        if t.start >= offset:
            break
        low = t.text.lower()
        capital = t.text[:1].isupper() and t.text[:1].isalpha()
        if low == "by" and _PARTICIPLE.search(previous):
            agent = t.clause  # (the subject comes before its verb: what follows is the agent)
        previous = low
        if t.clause == agent:
            continue
        if low in _PREPOSITIONS:
            in_phrase = True
            continue
        if in_phrase and (capital or low in ("the", "a", "an")):
            continue  # "a speech in Marsk", "agreed at the UN summit": a place, not a subject
        in_phrase = False
        if t.clause != clause or not capital:
            continue
        if low in NOT_SUBJECTS or low in named or any(h.start <= t.start < h.end for h in anchors):
            continue
        return True
    return False


def _claim_names(claim: str) -> frozenset[str]:
    """The capitalised words of a claim: the names it gives."""
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", claim)
                     if w.lower() not in NOT_SUBJECTS)


def _named_antecedent(view, relative, anchors, named=frozenset()) -> bool:
    """Whether the word before ', which' is a capitalised name none of the anchors covers."""
    i = view.token_at(relative.start) - 1
    if i >= 0 and view.tokens[i].text == ",":
        i -= 1
    if i < 0:
        return False
    tok = view.tokens[i]
    return (tok.text[:1].isupper() and tok.text.lower() not in NOT_SUBJECTS and tok.text.lower() not in named
            and i > 0 and not any(h.start <= tok.start < h.end for h in anchors))


_PARTICIPLE = re.compile(r"(?:[a-z]ed|[a-z]en|own|run|held|led|paid|bought|sold|made|built|hit|struck)\Z")
_PREPOSITIONS = frozenset("in at from to of near outside inside across for with by on into via".split())


def only_in_context(view, fact: Fact, start: int, end: int) -> bool:
    """Whether the fact's anchors come only from the sentences a pronoun may point back to."""
    return view.lookback and any((h := view.nearest(ANCHOR, k, start, end)[1]) is not None and h.end <= view.start
                                 for k in fact.spec.about)


def loose_binding(view, fact: Fact, start: int, end: int, rivals=(), cued: bool = False,
                  opening: bool = False) -> str | None:
    """Why the value is not firmly bound to the fact (None when it is): evidence
    enough for a contradiction is that the value is about this fact, not a neighbour.

    Every anchor sits in the value's clause, or in its part of the sentence when
    the value's clause has no subject of its own; no rival value (another number
    of the same unit) sits closer to the anchor; and a fact with cues has one in
    the value's clause unless its anchors are there. A value in a phrase that opens
    the sentence (`opening`) dates all of it, so its part is its clause.
    """
    about = fact.spec.about
    clause = view.clause(start)
    restated = _RESTATED.search(view.doc.low, max(view.start, start - 24), start)
    if restated:  # "won 40.1% of the vote, or 5.86 million votes": the clause of what it restates
        clause = view.clause(restated.start() - 1)
    in_clause = True
    subject = None
    for key in about:
        dist, hit = view.nearest(ANCHOR, key, start, end)
        if hit is None:
            return f"'{key}' is not near it"
        if hit.end <= view.start:  # previous sentence, referred back to
            if view.lookback:
                return f"'{key}' is only in an earlier sentence a pronoun may point to"
            in_clause = False
            if own_subject(view, start, about):
                return "its clause has a subject of its own, not the previous sentence's"
            continue
        # (a rival across a stronger break than the value is no rival: "Doe, 312 votes; Roe, 262 votes")
        near = [r for r in rivals if view.part(r[0]) == view.part(hit.start) or view.part(start) != view.part(hit.start)]
        if any(view.distance(hit, r[0], r[1]) < dist for r in near):
            # another mention of the anchor may be this value's own ("its second-quarter revenue
            # fell to $18.2 billion and it forecast third-quarter revenue of $13 billion")
            own = [h for h in view.found(ANCHOR, key) if h.end > view.start
                   and not any(view.distance(h, r[0], r[1]) < view.distance(h, start, end) for r in rivals)]
            if not own:
                return f"another value sits closer to '{key}'"
            hit = min(own, key=lambda h: view.distance(h, start, end))
        if hit.start >= end and not opening and any(
                t.text.lower() in _NEXT_PREDICATE and not _THEN_A_NAME.match(view.doc.low, t.start)
                for t in view.tokens if end <= t.start < hit.start):
            return f"'{key}' belongs to a later predicate"
        if view.clause(hit.start) != clause and not resumed(view, hit.start, start) \
                and not _renamed_after(view, end, hit):
            in_clause = False
            if view.part(hit.start) != view.part(start) and not _event_adjunct(view, hit, start, fact):
                return f"'{key}' is in another part of the sentence"
            when = _WHEN_RIGHT_AFTER.match(view.doc.low, end)
            if when and hit.start >= when.end() and view.clause(hit.start) == view.clause(when.end() - 1):
                continue  # "on Wednesday evening when it collided with ...": the time of what the when-clause tells
            if opening and hit.start >= end:
                continue  # "Shortly before midday on Sunday, a teenager ... in Southport"
            if subject is None:
                subject = own_subject(view, start, about, fact.claim)
            if subject:
                return f"'{key}' is in another clause, and the value's clause has a subject of its own"
    if fact.spec.cues and not in_clause and not cued and not _stands_for(view, clause, start, about) \
            and not bare_figure(view, clause, start, end, about) \
            and not any(h.category == "cue" and h.key in fact.spec.cues and view.clause(h.start) == clause
                        for h in view.hits):
        return "the anchors are outside its clause and no cue is in it"
    return None


_APPOSITION = re.compile(r",\s+(?:the|its|their|a|an)\s+")


def _renamed_after(view, end: int, hit) -> bool:
    """Whether the anchor is in a noun phrase set right after the value's phrase that renames
    it: "came during SpaceX's launch from Texas on Monday, the fifth test flight of Starship"."""
    after = _APPOSITION.match(view.doc.low, end)
    if after is None or hit.start < after.end() or view.clause(hit.start) != view.clause(after.end()):
        return False
    between = [t for t in view.tokens if after.end() <= t.start < hit.start]
    nxt = next((t for t in view.tokens if t.start >= hit.end), None)
    # ("... on Monday, the agency said": a clause of its own, not a new name for the value's phrase)
    return len(between) <= 6 and not any(resumes(t.text) or t.text in ",;:" for t in between) \
        and not (nxt is not None and (resumes(nxt.text) or nxt.text.lower() in _SAYS))


_SAYS = frozenset("said says say told tells added adds reported reports announced announces confirmed".split())


# What opens an aside after the subject: a relative clause, a participle, a preposition's phrase.
_ASIDE_OPENERS = frozenset("""which who whom whose where that during in at on of with from for bound based owned
run set known called named once now then still like""".split())


def resumed(view, anchor_at: int, value_at: int) -> bool:
    """Whether the value's clause is the anchor's, taken up again after an aside set off by
    commas: the anchor's clause opens the sentence (or its part), each clause between opens
    with an aside's word, and the value's clause opens with a verb."""
    tokens = view.tokens
    a, v = view.token_at(anchor_at), view.token_at(value_at)
    if not (0 <= a < v < len(tokens)):
        return False
    a_clause, v_clause = tokens[a].clause, tokens[v].clause
    first_of = view.clause_heads
    head = first_of.get(a_clause)
    if head is None or any(t.part == head.part and t.start < head.start and t.text.isalnum() for t in tokens):
        return False  # ("In Paris, officials said ...": the anchor's clause must open its part)
    opener = next((t for t in tokens if t.clause == v_clause and t.text.isalnum()), None)
    if opener is None or not resumes(opener.text):
        return False
    between = {t.clause for t in tokens if tokens[a].start < t.start < opener.start and t.clause != a_clause
               and t.text.isalnum()}
    return bool(between) and all(first_of[c].text.lower() in _ASIDE_OPENERS or first_of[c].text[:1].isupper()
                                 or first_of[c].text[:1].isdigit() for c in between)


def bare_figure(view, clause: int, start: int, end: int, about) -> bool:
    """Whether the value's clause is the figure alone, set after the anchor's own clause as in a
    tally ("Kamala D. Harris of California, 226 electoral votes; ...")."""
    words = [t for t in view.tokens if t.clause == clause and t.text[:1].isalnum()]
    units = [h for h in view.hits if h.category == UNIT and h.start >= start]
    if not words or any(t.start < start or t.end > end and not any(h.start <= t.start < h.end for h in units)
                        for t in words):
        return False
    before = [t for t in view.tokens if t.end <= start and t.text[:1].isalnum()]
    if not before or before[-1].part != words[0].part:
        return False
    previous = before[-1].clause
    return all(any(h.category == ANCHOR and h.key == key and view.start <= h.start
                   and view.clause(h.start) == previous for h in view.hits) for key in about)


_OBJECT_PRONOUNS = frozenset("him her his its their them".split())


def _stands_for(view, clause: int, start: int, about) -> bool:
    """Whether a pronoun in the value's clause, before it, stands for the fact's anchor: the
    anchor is the nearest name before the pronoun ("Trump won Arizona, giving him
    312 electoral votes"), not another ("Trump beat Harris, giving her 226")."""
    pronoun = next((t for t in reversed(view.tokens) if t.clause == clause and t.start < start
                    and t.text.lower() in _OBJECT_PRONOUNS), None)
    if pronoun is None or len(about) != 1:
        return False
    before = [h for h in view.hits if h.category == ANCHOR and view.start <= h.start and h.end <= pronoun.start
              and view.doc.norm[h.start].isupper()]  # a name, not "Tuesday's election"
    return bool(before) and max(before, key=lambda h: (h.end, h.end - h.start)).key == about[0]


_RESTATED = re.compile(r",\s+or\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?\Z")
_WHEN_RIGHT_AFTER = re.compile(r"[\s,]*(?:(?:morning|afternoon|evening|night)\s+)?when\b")


def _next_start(view, tok) -> int:
    return next((t.start for t in view.tokens if t.start >= tok.end), -1)


def _event_adjunct(view, hit, start: int, fact: Fact) -> bool:
    """Parts of a sentence that speak of one event: 'At least 32 people were killed when the
    bus plunged into a ravine' (the when-part names what the cued count counts), and 'was
    shot dead while giving a speech in August' (an -ing adjunct dates the cued main part)."""
    if hit.start > start:
        part = view.part(hit.start)
        if part != view.part(start) + 1:
            return False
        opener = next((t for t in view.tokens if t.part == part), None)
        if opener is None or opener.text.lower() != "when":
            return False
    else:
        # "Jane Doe was shot while giving a speech in August": the value's part is an adjunct
        part = view.part(start)
        if view.part(hit.start) != part - 1:
            return False
        opening = [t for t in view.tokens if t.part == part][:2]
        if len(opening) < 2 or opening[0].text.lower() not in ("while", "when") \
                or not opening[1].text.lower().endswith("ing"):
            return False
        return any(h.category == "cue" and h.key in fact.spec.cues and view.part(h.start) == part - 1
                   for h in view.hits)
    clause = view.clause(start)
    return any(h.category == "cue" and h.key in fact.spec.cues and view.clause(h.start) == clause
               for h in view.hits)


_PLACE_PREPOSITIONS = frozenset("to in at into towards toward and".split())
# "paid €45m for the operator, then called TrainOSE": what it was called at the time
_THEN_A_NAME = re.compile(r"then\s+(?:called|named|known|titled|branded|styled|a|an)\b")
_NEXT_PREDICATE = frozenset("and then before after while".split())


def entity_between(view, hit, start: int, about) -> bool:
    """A place named between an anchor and a later value, in a second predicate, takes the
    value ("... to A from June 18 to 19 and go on to B from June 19 to 20": the second
    range is B's)."""
    if hit is None or hit.end > start or hit.end <= view.start:
        return False
    anchors = [h for h in view.hits if h.category == ANCHOR and h.key in about]
    between = [t for t in view.tokens if hit.end <= t.start < start]
    second_predicate = False
    for prev, tok in zip(between, between[1:]):
        # ("while giving a speech in Marsk" is the same event, not a second predicate)
        second_predicate = second_predicate or (prev.text.lower() in _NEXT_PREDICATE
                                                and not tok.text.lower().endswith("ing"))
        if (second_predicate and prev.text.lower() in _PLACE_PREPOSITIONS and tok.text[:1].isupper()
                and tok.text.lower() not in NOT_SUBJECTS
                and not any(h.start <= tok.start < h.end or h.start == _next_start(view, tok) for h in anchors)):
            return True  # (a first name right before an anchor, "Donald Trump", is the anchor's)
    return False


def _num(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == int(x) and abs(x) < 100_000:
        return str(int(x))
    text = f"{x:.4g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant}e{int(exp)}"
    return text


def describe(iv: Interval) -> str:
    """A compact interval: 5e6, 4.5e6..5e6, (4.5e6..5.5e6) for open ends."""
    if iv.lo == iv.hi:
        return _num(iv.lo)
    lo = ("(" if iv.lo_open else "") + _num(iv.lo)
    hi = _num(iv.hi) + (")" if iv.hi_open else "")
    return f"{lo}..{hi}"


# "Turkey, which hosts about 3 million ...", "Lebanon hosts 1.5 million ...": a place the value's
# verb is said of, a word or three before it.
_PLACE_SUBJECT = re.compile(r"(?:^|[,;:]\s+|\bIn\s+)((?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                            r"(?:,\s+(?:which|where|that)\s+|\s+)(?:[a-z]+\s+){1,3}\Z")
# "In neighbouring Oman, where the storm struck first on": what happened in another place
_PLACE_WHERE = re.compile(r"\b[Ii]n\s+(?:neighbouring\s+|neighboring\s+|nearby\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),"
                          r"\s+where\s+(?:[a-z]+\s+){1,6}\Z")
# "...: Apple reported revenue of", ", and Amazon's second-quarter sales came in at"
_NAMED_SUBJECT = re.compile(r"[,;:]\s+(?:and\s+|but\s+|while\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                            r"\s+(?:[a-z][a-z-]*\s+){1,5}\Z")


def said_of_another(view, start: int, fact: Fact) -> str | None:
    """A figure said of a place the fact base does not know, and its claim does not name, is
    that place's share, not the fact's whole ("Turkey, which hosts about 3 million Syrian
    refugees", against the 6 million who live abroad); so is one said of another named
    subject after a break in the sentence ("...: Apple reported revenue of $85.8 billion")."""
    before = view.doc.norm[view.start:start]
    for rx, what in ((_PLACE_SUBJECT, "place"), (_PLACE_WHERE, "place"), (_NAMED_SUBJECT, "subject")):
        found = rx.search(before)
        if not found:
            continue
        name, at, end = found.group(1), view.start + found.start(1), view.start + found.end(1)
        if name.lower().removeprefix("the ") in fact.claim.lower() or any(h.start < end and at < h.end for h in view.hits):
            continue
        if what == "place" and is_place(name):
            return f"said of another place ('{name}')"
        # another named subject, after a break in the sentence ("Elsewhere after the bell:
        # Apple reported revenue of $85.8 billion", in a story about another company)
        if what == "subject" and not is_place(name) and name.split()[0].lower() not in NOT_SUBJECTS:
            return f"said of another subject ('{name}')"
    return None
