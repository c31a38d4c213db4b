"""The `date` kind: when something happened or will happen.

A date in a text is bound to a date fact when the fact's `about` anchors occur
near it; among competing facts it goes to the one whose cues and anchors sit
closest. "first since X" and "first in N years" speak of a last time, so they
bind only to facts about a last time (cues or claim with first/last/since);
"since X" and "for N years" reach back, so they never bind to a fact still in
the source's future. A contradiction needs a cue of the fact (or, for a fact
without cues, its anchors) in the date's own clause.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..lexicon import ANCHOR, CUE, Lexicon
from ..model import DateValue, Fact, Interval, day, from_day
from ..values import calendar_words as W
from ..values.calendar_words import CALENDAR_NAMES
from ..values.dates import parse_date_value, resolve_yearless
from .base import Entry, Validator, add_cues
from ..stance import denial_word, stated_by, statement_date
from .binding import SUPERLATIVE, entity_between, loose_binding, rank, resumed, said_of_another

_LAST_TIME_WORDS = re.compile(r"\b(?:first|last|since|previous|previously|ago)\b", re.I)
_REACH_BACK = {"since", "first_since", "first_in", "for"}
# "first round", "first quarter": an ordinal naming a thing, not a first since a last time
_ORDINAL_NOUN = re.compile(r"\bfirst\s+(?!since\b|in\b|time\b|ever\b|such\b)[a-z]+", re.I)


@dataclass(frozen=True)
class DateSpec:
    value: DateValue
    about: tuple[str, ...]
    cues: tuple[str, ...]
    last_time: bool  # the fact is about a last occurrence or a start


class DateValidator(Validator):
    kind = "date"
    keys = {}

    def compile(self, entry: Entry, value: str | None, lexicon: Lexicon):
        about = tuple(lexicon.add(ANCHOR, a) for a in entry.texts("about"))
        cue_texts = entry.cues()
        cues = add_cues(entry, lexicon, about)
        if not about and not cues:
            entry.problem(None, "a date fact needs 'about' anchors or 'cues' to find it in a text")
        if value is None:
            return None
        try:
            parsed = parse_date_value(value)
        except ValueError as e:
            entry.problem("value", str(e))
            return None
        # A fact about a last time or a start says so in its cues ("first since",
        # "last visited", "since"); without cues, a claim that says "last" or
        # "since" (and not "first", which names the new event) does.
        claim = entry.text("claim") or ""
        last_time = bool(_LAST_TIME_WORDS.search(" ".join(_ORDINAL_NOUN.sub("", c) for c in cue_texts)) if cue_texts
                         else _LAST_TIME_WORDS.search(claim) and not re.search(r"\bfirst\b", claim, re.I))
        return DateSpec(parsed, about, cues, last_time)

    def triggers(self, fact: Fact):
        keys = [(ANCHOR, k) for k in fact.spec.about]
        return keys or [(CUE, c) for c in fact.spec.cues]

    def needs(self, fact: Fact):
        return [(ANCHOR, k) for k in fact.spec.about]  # check() binds nothing without them

    def check(self, view, facts: list[Fact]):
        out = []
        ref = view.doc.date
        if ref is not None and not view.dates:
            out.extend(_clock_on_the_day(view, facts))
        for m in view.dates:
            pool = facts
            if statement_date(view, m.start, m.end):
                # "the ministry said on Monday": when it was said; but "announced on Wednesday that
                # it was cutting rates" dates the cut, for a fact whose cue the announcement names
                pool = [f for f in facts if _announces(view, f, m)]
                view.dropped([f for f in facts if f not in pool], m.start, m.end, "it dates when something was said")
                if not pool:
                    continue
            near = [f for f in pool if view.has_all(f.spec.about)]
            cands = [f for f in near if _eligible(f, m, ref, view)]
            if not cands:
                view.dropped([f for f in pool if f not in near], m.start, m.end, "the fact's anchors are not near it")
                view.dropped(near, m.start, m.end, "its form does not fit the fact (a 'since' or 'first' date "
                                                   "for an event date, or the reverse; or no year and no publication date)")
                continue
            # a fact whose cue ties the date goes before a closer one that nothing ties ("He became
            # prime minister on Oct. 4 and called the election": not the election's date)
            tied = {f.id for f in cands if _tied(view, f, m, strict=True)}
            # and a fact whose anchor the date names goes first of all ("declared Maduro the
            # winner of Saturday's presidential election early on Monday": Saturday is the election's)
            named = {f.id for f in cands if _names_its_event(view, f, m)}
            ranked = sorted(rank(view, cands, m.start, m.end), key=lambda f: (f.id not in named, f.id not in tied))
            values = {f.id: _value_for(m, f) for f in ranked}
            consistent = [f for f in ranked if values[f.id] is not None
                          and values[f.id].consistent_with(f.spec.value)]
            if consistent:
                f = consistent[0]
                # "this year" agrees with any day of it: only a cue in its own clause ties it
                loose = m.relative and m.marker is None and values[f.id].hull.hi - values[f.id].hull.lo >= 300 \
                    and f.spec.value.hull.hi - f.spec.value.hull.lo < 7
                if _tied(view, f, m, strict=loose):
                    v = values[f.id]
                    out.append(view.finding(f.id, "match", m.start, m.end,
                                            f"{describe(v)} agrees with {describe(f.spec.value)}",
                                            v.hull.hi - v.hull.lo + (0.5 if m.marker or m.relative else 0)))
                    view.dropped([c for c in ranked if c is not f], m.start, m.end, f"explained by fact '{f.id}'")
                else:
                    view.dropped([f], m.start, m.end, "it agrees, but no cue or anchor ties it to the fact's event")
                continue
            best = ranked[0]
            if m.yearless or values[best.id] is None:
                view.dropped(ranked[1:], m.start, m.end, f"closer to fact '{best.id}'")
                view.dropped([best], m.start, m.end, "no year, so it cannot be placed")
                continue
            # A date that cannot be the closest fact's event ("delivered the Budget on Tuesday,
            # the largest since 1993": not the last time) is the next fact's to judge.
            while True:
                other_event = _other_event(view, best, m, values[best.id], ref)
                after = ranked[ranked.index(best) + 1:]
                if not other_event or not after or values[after[0].id] is None:
                    break
                view.dropped([best], m.start, m.end, f"{describe(values[best.id])} disagrees with "
                                                     f"{describe(best.spec.value)}, but {other_event}")
                best = after[0]
            view.dropped(ranked[ranked.index(best) + 1:], m.start, m.end, f"closer to fact '{best.id}'")
            reason = f"{describe(values[best.id])} disagrees with {describe(best.spec.value)}"
            why_not = ("counted from another date ('N years after'), too loose to contradict" if m.marker == "after"
                       else _denied(view, m, best) or view.hedge(m.start, m.end)
                       or _other_event(view, best, m, values[best.id], ref)
                       or said_of_another(view, m.start, best))
            if why_not:
                out.append(view.finding(best.id, "gap", m.start, m.end, f"{reason}, but {why_not}"))
                continue
            # "since the Klow Bridge collapse of March 25" names the fact's own event with its date
            own_phrase = _since_its_own(view, best, m)
            opening = _opening_adjunct(view, m)
            loose = None if own_phrase else (
                     "no cue of the fact ties it to the fact's event" if best.id not in tied
                     else "a plain 'since' does not say what came first since" if _first_since_only(best, m, view)
                     else "the anchors are only in the when-clause telling what happened then"
                     if _anchors_only_in_when(view, best, m)
                     else loose_binding(view, best, m.start, m.end,
                                        cued=_marked(best, m) or _host_clause(view, m) != view.clause(m.start)
                                        or _announces(view, best, m) or opening, opening=opening)
                     or ("its clause is governed by another event" if _governed_elsewhere(view, best, m) else None)
                     or ("another place or subject sits between it and the anchors"
                         if any(entity_between(view, view.nearest(ANCHOR, k, m.start, m.end)[1], m.start,
                                               best.spec.about) for k in best.spec.about) else None))
            if loose:
                view.dropped([best], m.start, m.end, f"{reason}, but not firmly about it: {loose}")
            else:
                out.append(view.finding(best.id, "contradiction", m.start, m.end, reason))
        return out


# "lifted off at 7:25 a.m.", "struck at 16:10 local time": a time of day and no day
# ("at 5.25" with no a.m. or p.m. is a rate, not a time)
_CLOCK = re.compile(r"\b(?:at|around|shortly\s+(?:after|before)|just\s+(?:after|before))\s+(?:about\s+|around\s+)?"
                    r"(?:\d{1,2}:\d{2}(?![\d%])(?:\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w))?"
                    r"|\d{1,2}(?:\.\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w))", re.I)


def _clock_on_the_day(view, facts: list[Fact]) -> list:
    """A time of day with no day, in the fact's own clause, is the day the source was
    published ("To recap a remarkable morning: Starship lifted off at 7:25 a.m.", in a live
    blog of that day). Said of the wrong day it is no contradiction: the next morning's wire
    may mean yesterday."""
    out = []
    today = view.doc.date.toordinal()
    for clock in _CLOCK.finditer(view.doc.norm, view.start, view.end):
        clause = view.clause(clock.start())
        for f in facts:
            hull = f.spec.value.hull
            if f.spec.last_time or hull.hi - hull.lo > 6 or not hull.lo <= today <= hull.hi \
                    or not view.has_all(f.spec.about):
                continue  # (a day, or a few: "at 7:25 a.m." says nothing of a year)
            cues = [h for h in view.hits if h.category == CUE and h.key in f.spec.cues and h.end <= clock.start()
                    and view.clause(h.start) == clause and not _cue_elsewhere(view, f, h)
                    and view.doc.norm[h.start:h.end].capitalize() not in CALENDAR_NAMES]
            if cues:
                out.append(view.finding(f.id, "match", clock.start(), clock.end(),
                                        "a time of day on the day the source was published", 1.5))
                break
    return out


# what was said, after its date: "that ...", or a clause of its own ("he would not sign")
_THAT_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:that\s|(?=(?:he|she|it|they|we)\s))")


_PLAIN_NOT = frozenset({"not", "never", "no", "n't"})


def _denied(view, m, fact: Fact) -> str | None:
    """A denial governing the date; but "has not suffered a direct hit since 1848" is how
    news states a last time, not a denial of it."""
    found = view.negation(m.start, fact.claim)
    return None if found and m.marker == "since" and denial_word(view, m.start) in _PLAIN_NOT else found


def _announces(view, fact: Fact, m) -> bool:
    """Whether a statement's date is the date of the fact's own act: what was announced
    after it names one of the fact's cues ("announced on Wednesday morning that it was
    cutting interest rates"), or the statement is the act a cue names ("the commission
    announced on March 20" the result; "the calamity he declared on 1 May")."""
    if not fact.spec.cues:
        return False
    verb = stated_by(view, m.start, m.end)
    # (a cue may be longer than the verb: "joint statement" of "in a joint statement on Saturday")
    if verb is not None and any(h.category == CUE and h.key in fact.spec.cues and h.start <= verb[0]
                                and verb[1] <= h.end for h in view.hits):
        return True
    that = _THAT_AFTER.match(view.doc.low, m.end)
    if not that:
        return False
    clause = view.clause(that.end())
    return any(h.category == CUE and h.key in fact.spec.cues and h.start >= that.end()
               and view.clause(h.start) == clause for h in view.hits)


def _other_event(view, fact: Fact, m, value: DateValue, ref: dt.date | None) -> str | None:
    """Why the date is of another event than the fact's, judged from the fact's own time."""
    return _another_era(fact, value, ref, m) or _this_week(fact, m, value, ref) \
        or _another_occurrence(view, fact, m, ref) or _period_end(view, fact, m)


# "revenue for the three months to the end of June", "the quarter ended June 30"
_PERIOD_TO = re.compile(r"\b(?:months?|quarters?|weeks?|years?|period|half|days)\s+"
                        r"(?:to|ended|ending|through|until)\s+\Z")
_ENDS = re.compile(r"\b(?:ended|ending|ends|end of)\b")


def _period_end(view, fact: Fact, m) -> str | None:
    """The end of a reporting period is not the date of an event in it (unless the fact
    is about when a period ended)."""
    if _PERIOD_TO.search(view.doc.low, max(view.start, m.start - 40), m.start) and not _ENDS.search(fact.claim.lower()):
        return "the end of the period a figure covers, not the date of an event"
    return None


def _another_era(fact: Fact, value: DateValue, ref: dt.date | None, m=None) -> str | None:
    """An article about a current event does not misdate it by years: a date years
    before the source, when the fact is about the source's own time, is another event;
    and a date of this year does not date a last time years back ("the Aug. 8 blaze,
    the deadliest in more than a century" against "deadliest since 1918")."""
    if ref is None:
        return None
    now = day(ref)
    if fact.spec.last_time:
        if m is not None and m.marker is None and abs(value.hull.lo - now) <= 366 \
                and fact.spec.value.hull.hi < now - 2 * 365:
            return "the date of the current event, not of the last time"
        return None
    if abs(fact.spec.value.hull.lo - now) <= 366 and value.hull.hi < now - 2 * 365:
        return "a date years before a current event: another event"
    return None


def _this_week(fact: Fact, m, value: DateValue, ref: dt.date | None) -> str | None:
    """A weekday or "yesterday" dates news of the week ("regulators on Saturday ordered
    the grounding"): for a fact dated over a year back it is another occurrence."""
    if ref is None or not m.relative or m.marker is not None:
        return None
    now = day(ref)
    if abs(value.hull.hi - now) <= 7 and abs(value.hull.lo - now) <= 7 and (
            fact.spec.value.hull.hi < now - 30 or fact.spec.value.hull.lo > now + 30):
        # nobody writes "on Thursday" for a day a month or more away
        return "a day of this week, and the fact's event is a month or more away: another occurrence"
    return None


_FUTURE = re.compile(r"\b(?:will|shall|is (?:due|set|scheduled|slated|expected) to|are (?:due|set|scheduled) to|"
                     r"next|upcoming|coming|forthcoming)\b")
_PAST = re.compile(r"\b(?:last|previous|prior|earlier)\b")
_ANNIVERSARY = re.compile(r"\b(?:anniversary|(?:a|one|two|three|four|five|\w+) years? (?:since|after|on from)|"
                          r"marked|marking|commemorat\w*|remembered|remembering)\b")


def _another_occurrence(view, fact: Fact, m, ref: dt.date | None) -> str | None:
    """A past event is not misdated by a sentence about its next edition ("will host the
    summit in October"), nor a coming one by its last; an anniversary is dated by its day."""
    if m.marker is not None:
        return None  # "his first since 2001", "six years ago": reach back to the fact's own time
    before = view.doc.low[view.clause_start(m.start):m.start]
    if ref is not None:
        now = day(ref)
        if fact.spec.value.hull.lo <= now and _FUTURE.search(before):
            return "the sentence speaks of a coming occurrence; the fact's has begun or is past"
        if fact.spec.value.hull.hi < now <= m.value.hull.lo - 1 and not W.has_past_verb(before):
            # "The Paralympic Games open in Paris on Aug. 28", written on Aug. 11 (but "had
            # called the vote for July 14" misdates a past event)
            return "a date still to come when the source was written; the fact's event is past"
        if fact.spec.value.hull.lo > now and _PAST.search(before):
            return "the sentence speaks of an earlier occurrence; the fact's is to come"
    if _ANNIVERSARY.search(view.low):
        return "the date may be the anniversary's, not the event's"
    return None


def _eligible(fact: Fact, m, ref: dt.date | None, view=None) -> bool:
    """'since X', 'first in N years' and 'for N years' speak of a last time or a start:
    only facts about one take them, and only when what is 'first' is the fact's thing."""
    if m.marker == "after" and view is not None:
        # "a week after the election" dates the election, the thing named after it
        words = view.low[m.end - view.start:m.end - view.start + 60]
        return any(h.category in (ANCHOR, CUE) and (h.key in fact.spec.about or h.key in fact.spec.cues)
                   and m.end <= h.start < m.end + len(words) for h in view.hits)
    if m.marker == "since" and view is not None and _ELAPSED.search(view.doc.low, max(view.start, m.start - 40),
                                                                      m.start) and _names_the_event(view, fact, m):
        return True  # "223 days since the 22 November election": the election's own date
    if view is not None and _since_its_own(view, fact, m):
        return True  # "for the first time since the Key Bridge collapse of March 26": the collapse's date
    if m.marker == "since" and view is not None and _after_a_superlative(view, m) \
            and not (SUPERLATIVE.search(fact.claim.lower()) or _FIRST_SINCE_CLAIM.search(fact.claim.lower())):
        return False  # "the Sensex's steepest fall since the Covid crash" is the fall's record, not a start
    if m.marker in _REACH_BACK:
        if m.marker != "for" and not fact.spec.last_time:
            return False  # a duration ("in operation for four decades") may date any past start
        if m.marker in ("first_since", "first_in") and not _about_a_record(fact):
            return False  # "the union's first strike since 1995" does not date when this strike began
        if ref is not None and fact.spec.value.start.lo > day(ref):
            return False
        return view is None or _first_of_this(view, fact, m)
    return True


# "223 days since ...": the time gone by since the event, which the date then names.
_ELAPSED = re.compile(r"\b(?:days|weeks|months|years|hours)\s+(?:have\s+passed\s+|had\s+passed\s+)?\Z")


def _since_its_own(view, fact: Fact, m) -> bool:
    """Whether a since-date names the fact's own event: "shut since the April 2018 fire",
    "for the first time since the Key Bridge collapse of March 26" (not a record's since:
    "their best result since the May 2023 election" is another election)."""
    if fact.spec.last_time or m.marker not in ("since", "first_since") \
            or _after_a_superlative(view, m):
        return False
    return _event_inside(view, fact, m) or m.marker == "since" and _event_after(view, fact, m)


def _names_the_event(view, fact: Fact, m) -> bool:
    return _event_after(view, fact, m) or _event_inside(view, fact, m)


def _event_words(view, fact: Fact):
    return (h for h in view.hits if h.category in (ANCHOR, CUE) and (h.key in fact.spec.about or h.key in fact.spec.cues))


def _event_after(view, fact: Fact, m) -> bool:
    """Whether the fact's event noun follows the date, with at most one word between
    ("since the 22 November election", "since the 2019 general election")."""
    return any(m.end < h.start < m.end + 40 and len(view.doc.low[m.end:h.start].split()) <= 1
               for h in _event_words(view, fact))


def _event_inside(view, fact: Fact, m) -> bool:
    """Whether the fact's event noun comes between 'since the' and the date, joined by 'of'
    ("since the general election of 22 November")."""
    return any(m.start < h.start and h.end <= m.end and _OF_BEFORE_DATE.search(view.doc.low, h.end, m.end)
               and not view.doc.low.startswith("since", h.start) for h in _event_words(view, fact))


def _after_a_superlative(view, m) -> bool:
    """Whether the since-date is a record's ("its steepest fall since ...")."""
    return bool(_SUPERLATIVE_SINCE.search(view.doc.low, max(view.start, m.start - 50), m.start))


_OF_BEFORE_DATE = re.compile(r"\bof\s")  # "since the general election of 22 November"
# "its steepest fall since ...": the since of a record
_SUPERLATIVE_SINCE = re.compile(
    r"(?:" + SUPERLATIVE.pattern + r"|\b(?:steep|sharp|fast|slow|weak|long|short|great|small|deep|tall|old|young|"
    r"hot|cold|warm|wett|wid|rich|poor|cheap|tough|clos|narrow|broad|light|loud|quick|high|low|strong|larg)est\b"
    r"|\bleast\s+[a-z]+)(?:\s+[a-z-]+){0,5}\s+\Z")


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|es|s)$", "", word.lower())


# Event nouns that name the same kind of thing ("his first trip since" a last visit).
_SAME_EVENT = [{"visit", "trip", "journey", "tour", "stay", "went", "travel", "go"},
               {"cut", "reduction", "decrease", "lower", "easing"},
               {"increase", "hike", "rise", "raise", "tightening"},
               {"meeting", "summit", "talk", "met", "meet"}]


_FIRST_WORD = re.compile(r"\b(?:first|\w+est|worst|best|most\s+\w+)\b(?!.*\b(?:first|\w+est|worst|best)\b)(.*)$", re.S)


def _first_of_this(view, fact: Fact, m) -> bool:
    """'the first dissent by a Fed governor since 2005' is not the first rate cut:
    the noun right after 'first' must be the fact's kind of event."""
    if m.marker not in ("first_since", "first_in"):
        return True
    clause_start = view.clause_start(m.start)
    found = _FIRST_WORD.search(view.doc.low[min(clause_start, m.start):m.start])
    between = re.findall(r"[a-z]+", found.group(1)) if found else []
    between = [w for w in between if w not in ("the", "ever", "official", "state", "foreign", "formal", "such")]
    if found and found.group(0).split()[0] == "first" and "first" not in fact.claim.lower() \
            and SUPERLATIVE.search(fact.claim.lower()):
        return False  # "Labour's first Budget in 14 years" is not "the largest tax-raising Budget since 1993"
    lo = min(clause_start, m.start)
    first_time = between[:1] == ["time"] if found else view.doc.low.startswith("for the first time", m.start)
    if first_time and _another_kind_first(view, fact, lo, lo + found.start() if found else m.start):
        return False  # "the SNB raised rates for the first time since 2007" is not its first cut since
    if not between or between[0] in ("since", "in", "for", "time"):
        return True
    if found and any(h.category == ANCHOR and h.key in fact.spec.about
                     and min(clause_start, m.start) + found.start(1) <= h.start < m.start
                     and len(re.findall(r"[a-z]+", view.doc.low[min(clause_start, m.start) + found.start(1):h.start])) <= 2
                     for h in view.hits):
        return True  # "the strongest quake in 25 years": the fact's own thing is what is first
    stop = {"first", "sinc", "since", "last", "time", "previou"}
    # The fact's own words for its event: its cues, and its claim's nouns other than the
    # anchors ("the first dissent by a Fed governor" is not the Fed's first cut).
    anchors = {_stem(w) for a in fact.about for w in re.findall(r"[a-z]{3,}", a.lower())}
    claim = {_stem(w) for w in re.findall(r"[a-z]{3,}", fact.claim.lower())} - _CLAIM_STOP - anchors
    known = ({_stem(w) for c in fact.cues for w in re.findall(r"[a-z]{3,}", c.lower())} | claim) - stop
    for group in _SAME_EVENT:
        if known & group:
            known |= group
    word = found.group(0).split()[0] if found else ""
    if word != "first" and _stem(word) in known:
        return True  # "strongest earthquake since 1999" for a fact cued "strongest since"
    if between[0] in _ELIDED:
        # "The trip is his first to France in 11 years": the noun comes before 'first'
        before = re.findall(r"[a-z]+", view.doc.low[view.start:found.start() + min(clause_start, m.start)])
        return any(_knows(known, w) for w in before[-8:])
    return any(_knows(known, w) for w in between[:5])


def _another_kind_first(view, fact: Fact, lo: int, hi: int) -> bool:
    """Whether the verb before "for the first time" is an event of another kind than the
    fact's own ("raised" against a fact about a cut)."""
    words = " ".join([fact.claim, *fact.cues]).lower()
    own = [g for g in _SAME_EVENT if any(_same_word(w, x) for w in re.findall(r"[a-z]+", words) for x in g)]
    if not own:
        return False
    before = re.findall(r"[a-z]+", view.doc.low[max(lo, hi - 60):hi])[-6:]
    return any(_same_word(w, x) and g not in own for w in before for g in _SAME_EVENT for x in g)


def _same_word(a: str, b: str) -> bool:
    return _stem(a).rstrip("e") == _stem(b).rstrip("e")


def _knows(known: set[str], word: str) -> bool:
    """Whether a word is one of the fact's, in another form ("declaration" for "declared")."""
    stem = _stem(word)
    return stem in known or len(stem) >= 6 and any(len(k) >= 6 and k[:6] == stem[:6] for k in known)


_CLAIM_STOP = frozenset(_stem(w) for w in """the and was were has have had for with from into that this its his her their
than then when which who will would been being are not but also after before""".split())
_ELIDED = frozenset("to by at with abroad outside overseas there here".split())


def _value_for(m, fact: Fact) -> DateValue | None:
    """The mention's value; a yearless one is tried in the fact's own years."""
    if not m.yearless:
        return m.value
    first = from_day(max(fact.spec.value.start.lo, 1)).year
    last = from_day(min(fact.spec.value.end.hi, dt.date.max.toordinal())).year
    for year in range(first, min(last, first + 2) + 1):
        v = resolve_yearless(m, year)
        if v.consistent_with(fact.spec.value):
            return v
    return None


def _tied(view, fact: Fact, m, strict: bool = False) -> bool:
    """Whether the date is tied to the fact: a cue near it, or the anchors in its clause."""
    if _marked(fact, m):
        return True  # "his first visit since X" is itself the cue of a last-time fact
    if _names_its_event(view, fact, m) or _announces(view, fact, m) or _since_its_own(view, fact, m):
        return True  # "won Saturday's election", "the May 29 election", "since the collapse of March 26"
    if fact.spec.cues:
        cues = [h for h in view.hits if h.category == CUE and h.key in fact.spec.cues]
        if strict:
            # a month or weekday among the cues helps a match, but names no event to contradict;
            # nor does a cue that is a word of the date itself ("end" of "through the end of
            # October"; "since" marks a start, and stays) or of a longer phrase naming
            # something else ("vote" of "confidence vote")
            cues = [h for h in cues if not _cue_elsewhere(view, fact, h)
                    and view.doc.norm[h.start:h.end].capitalize() not in CALENDAR_NAMES
                    and not (m.start <= h.start and h.end <= m.end and "since" not in view.doc.low[h.start:h.end])
                    and not any(a.category == ANCHOR and a.key not in fact.spec.about and a.start <= h.start
                                and h.end <= a.end and a.end - a.start > h.end - h.start for a in view.hits)]
        if fact.spec.last_time and m.marker is None:
            # "the worst disaster remains the 1981 accident" names a record, not the last time
            cues = [h for h in cues if not SUPERLATIVE.fullmatch(view.doc.low, h.start, h.end)]
        host = _host_clause(view, m)
        opening = _opening_adjunct(view, m)
        if any(h.start >= view.start and (view.clause(h.start) in (view.clause(m.start), host)
                                          or opening and h.start >= m.end and view.part(h.start) == view.part(m.start)
                                          or h.end <= m.start and resumed(view, h.start, m.start))
               for h in cues) or (cues and not strict):
            return True
        if strict and not _scheduled(view, m):
            return False
    clause = view.clause(m.start)
    for key in fact.spec.about:
        _, hit = view.nearest(ANCHOR, key, m.start, m.end)
        if hit is None:
            return False
        if hit.start >= view.start and view.clause(hit.start) != clause:
            return False
    return True


_IRREGULAR_PAST = frozenset("""went came took gave made held met left said told began sent won saw got
called named elected appointed founded built signed launched""".split())
_BASE_VERB_AFTER = frozenset("will would to can could may might shall must".split())


def _host_clause(view, m) -> int:
    """The clause a date set off by commas belongs to: 'the next meeting, on Nov. 12-13, ...';
    and the clause a 'while/when ...ing' adjunct hangs on: 'was shot while giving a speech in
    August' dates the shooting."""
    clause = view.clause(m.start)
    rest = [t for t in view.tokens if t.clause == clause and not m.start <= t.start < m.end]
    if all(t.text.lower() in ("on", "in", "at", "from", "since", "until", "by") for t in rest):
        return clause - 2  # the clause before the comma
    first = view.tokens[view.token_at(rest[0].start) - 1] if rest else None
    if rest and first is not None and first.text == "," and _participle(rest[0].text.lower()):
        return clause - 2  # "The last summit, held in Johannesburg last September, ...": the noun's
    if len(rest) >= 2 and rest[0].text.lower() in ("while", "when", "after", "before") \
            and rest[1].text.lower().endswith("ing"):
        return clause - 1
    return clause


_ADJUNCT_WORDS = frozenset("""on in at by during shortly just soon early late before after around about the a of
evening morning afternoon night midday noon dawn dusk midnight hours hour day early-morning""".split())


def _opening_adjunct(view, m) -> bool:
    """Whether the date is in a phrase that opens the sentence and dates all of it: "Shortly
    before midday on Sunday, a teenager walked into the studio and attacked children"; "In
    the first round on 29 June, the RN came top". Its words are the date's, time words, and
    phrases the fact base knows. So is the date a cleft sentence puts first: "It was on the
    evening of Saturday, March 18, that Berset announced ..." dates what follows "that"."""
    cleft = _CLEFT.match(view.doc.low, view.start, m.start)
    if cleft is not None and _CLEFT_THAT.match(view.doc.low, m.end):
        return True
    comma = next((i for i, t in enumerate(view.tokens) if t.text == ","), None)
    if comma is None or view.tokens[comma].start < m.end:
        return False
    inside = view.tokens[:comma]
    known = [h for h in view.hits if h.start >= view.start]
    return all(m.start <= t.start < m.end or t.text.lower() in _ADJUNCT_WORDS or not t.text[:1].isalnum()
               or any(h.start <= t.start < h.end for h in known) for t in inside)


_CLEFT = re.compile(r"it\s+(?:was|is|will\s+be)\s+(?:only\s+|not\s+until\s+|just\s+)?"
                    r"(?:on|in|at|during|until)\s+(?:the\s+(?:evening|morning|afternoon|night|eve)\s+of\s+)?\Z")
_CLEFT_THAT = re.compile(r",?\s+that\s")


def _participle(word: str) -> bool:
    return word in _IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))


def _governed_elsewhere(view, fact: Fact, m) -> bool:
    """Whether the nearest verb before the date is not the fact's ("an election called in May").

    A date hangs on the closest verb before it in its clause; when that verb is
    none of the fact's cues, nor a word of its claim, and no cue sits between it and
    the date, the date dates something else.
    """
    if not fact.spec.cues or _marked(fact, m) or _names_its_event(view, fact, m):
        return False  # ("won Saturday's election": the date is the election's, whatever "won" dates)
    cues = [h for h in view.hits if h.category == CUE and h.key in fact.spec.cues]
    own = cues + [h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about]
    clause = view.clause(m.start)
    after = [t for t in view.tokens if t.start >= m.end and t.clause == clause][:3]
    if any(h.start <= t.start < h.end for t in after for h in cues):
        return False  # "the Nov. 3 presidential election": the date names the cue's event
    tokens = [t for t in view.tokens if t.end <= m.start and t.clause == clause]
    for i in range(len(tokens) - 1, -1, -1):
        t = tokens[i]
        if any(h.start <= t.start < h.end for h in cues):
            return False
        word = t.text.lower()
        prev = tokens[i - 1].text.lower() if i else ""
        if (word in _IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))
                or prev in _BASE_VERB_AFTER and t.text.isalpha() and t.text.islower()):
            if re.search(rf"\b{re.escape(word)}\b", fact.claim.lower()):
                return False  # the claim's own verb: "will be celebrated on Monday", for "was celebrated on Sunday"
            # "the election held on June 9": a participle right after the fact's own noun;
            # "the election ... would be held on July 28": the clause's own passive verb
            if prev in _BE and word in _HAPPEN and any(h.start < t.start and view.clause(h.start) == clause
                                                      for h in own):
                return False
            if i == 0:  # "The last summit, held in Marsk last September": the noun before the comma
                j = view.token_at(t.start)
                before = view.tokens[j - 2] if j >= 2 and view.tokens[j - 1].text == "," else None
                return not (before is not None and any(h.start <= before.start < h.end for h in own))
            return not any(h.start <= tokens[i - 1].start < h.end for h in own)
    return False


_BE = frozenset("be been being was were is are".split())
_HAPPEN = frozenset("held staged hosted scheduled set slated planned convened organised organized".split())
_SCHEDULE = re.compile(r"\b(?:is|are|was|were)\s+(?:due|scheduled|slated|expected|set)\b|\bwill\s+be\b")


def _scheduled(view, m) -> bool:
    """'The president is due in Paris from June 20 to 21': a schedule ties the date to the anchors in its clause."""
    return bool(_SCHEDULE.search(view.doc.low[view.clause_start(m.start):m.start]))


_ORDINALS = frozenset("first second third fourth previous earlier prior initial".split())
_NOT_NOUNS = frozenset("""has have had was were is are be been being not also just then newly jointly
officially formally finally recently already first was will would could to the a an its his her their
that which who he she it they we i you and or but""".split())
# ("the tremor that jolted", "he won", "walked in and attacked": the cue is the clause's verb)


def _cue_elsewhere(view, fact: Fact, hit) -> bool:
    """A cue that speaks of another thing: a participle after another noun
    ("agreements signed in 2000") or another occurrence ("the king first visited ...")."""
    i = view.token_at(hit.start)
    if i <= 0:
        return False
    prev = view.tokens[i - 1]
    word = prev.text.lower()
    if word in _ORDINALS and word not in fact.claim.lower():
        return True
    cue = view.low[hit.start - view.start:hit.end - view.start]
    if " " not in cue.strip() and cue.isalpha() and not cue.endswith(("ed", "ing")) \
            and cue not in _IRREGULAR_PAST and cue not in _VERB_LIKE and _MODIFIED_NOUN.match(view.text, hit.end, view.end):
        return True  # "Election officials count ballots on Sunday": the officials', not the election's
    first = cue.split()[0] if cue.split() else ""
    participle = first.endswith("ed") or first in _IRREGULAR_PAST
    anchors = [h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about]
    # a verb with its object is the clause's own verb, not a participle after a noun:
    # "protesters stormed parliament on Monday" (but "agreements signed in 2000")
    with_object = any(h.start == hit.end + 1 for h in anchors) or bool(_OBJECT_NEXT.match(view.doc.low, hit.end))
    # ("the bridge over the Red River in Phu Tho province collapsed, sending ...": a verb ending its clause)
    ends_clause = view.doc.low[hit.end:hit.end + 1] in (",", ".", ";", ":")
    return (participle and not with_object and not ends_clause and prev.text.isalpha() and prev.text.islower()
            and word not in _NOT_NOUNS and not word.endswith("ly")
            and not any(h.start <= prev.start < h.end for h in anchors))


_OBJECT_NEXT = re.compile(r" (?:the|a|an|its|their|his|her)\b")


# A plural noun right after a one-word cue makes the cue its modifier ("election officials",
# "vote counts"), unless the cue is a verb ("hit buildings").
_MODIFIED_NOUN = re.compile(r" (?!(?:is|was|has|its|this|thus|plus|us|as)\b)[a-z]{3,}(?<!ss)s\b(?!['’-])")
_VERB_LIKE = frozenset("hit shot struck cut put set led ran fell rose quit won lost beat hits cuts".split())


_WHEN_AFTER = re.compile(r",?\s+when\s")


def _anchors_only_in_when(view, fact: Fact, m) -> bool:
    """'without a government since Monday, when Hasina resigned': the when-clause says what
    happened on the date; its anchors tie the date to the fact only with a cue there too."""
    w = _WHEN_AFTER.match(view.doc.low, m.end)
    if not w:
        return False
    clause = view.clause(w.end())
    anchors = [h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about and h.start >= view.start]
    cues = [h for h in view.hits if h.category == CUE and h.key in fact.spec.cues and view.clause(h.start) == clause]
    return bool(anchors) and all(view.clause(h.start) == clause for h in anchors) and not cues


_FIRST_SINCE_CLAIM = re.compile(r"\bfirst\b.*\bsince\b")


def _first_since_only(fact: Fact, m, view=None) -> bool:
    """A fact that something was the first since a date ("the first rate cut since September
    2019"), or a record since one ("the heaviest rainfall since records began in 1949"), is
    contradicted by another 'first since' or record's since, not by any 'since' ("inflation has
    fallen since September", "cancelled 1,244 flights since Tuesday's storm")."""
    if m.marker != "since":
        return False
    claim = fact.claim.lower()
    if _FIRST_SINCE_CLAIM.search(claim):
        return True
    return bool(SUPERLATIVE.search(claim)) and view is not None and not _after_a_superlative(view, m)


# What may stand between a date and the noun it dates: "Saturday's election", "the May 29
# general election" (one modifier at most, and not a word that opens a phrase of its own)
_BEFORE_ITS_NOUN = re.compile(r"(?:'s|\u2019s)?\s+"
                              r"(?:(?!(?:the|a|an|its|their|his|her|this|that|and|or|of|in|on|at)\s)[a-z-]+\s+)?")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|last)\s+\Z")


def _names_its_event(view, fact: Fact, m) -> bool:
    """A date that modifies one of the fact's anchors, at most one word between: "Saturday's
    election", "the May 29 general election"."""
    if m.marker is not None or fact.spec.last_time:
        return False  # ("the 1981 accident" beside a record is another event, not the last time)
    if any(h.category == ANCHOR and h.key in fact.spec.about and h.end <= m.start
           and _ON_AFTER_ITS_NOUN.fullmatch(view.doc.norm, h.end, m.start)
           and _ONLY_A_DETERMINER.fullmatch(view.doc.low, view.clause_start(h.start), h.start) for h in view.hits):
        return True  # "The attack on Crocus City Hall on 23 March was ...": the subject's own date
    possessive = view.doc.norm.startswith(("'s", "\u2019s"), m.end)
    if not possessive and not _DETERMINER_BEFORE.search(view.doc.low, max(view.start, m.start - 6), m.start):
        return False  # "In September the FAA proposed": a date before a clause, not a noun's
    return any(h.category == ANCHOR and h.key in fact.spec.about and h.start > m.end
               and _BEFORE_ITS_NOUN.fullmatch(view.doc.norm, m.end, h.start) for h in view.hits)


# A subject and the date after it, a place between ("The attack on Crocus City Hall on 23 March");
# not an object ("condemned the attack on Saturday" may date the condemning).
_ON_AFTER_ITS_NOUN = re.compile(r"\s+(?:(?:on|at|in|near|outside)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4})?on\s+")
_ONLY_A_DETERMINER = re.compile(r"[\s\W]*(?:the|this|that|last|its|their)?\s*")


_RECORD_WORDS = re.compile(r"\b(?:first|last|previous|previously|ago|record)\b")


def _about_a_record(fact: Fact) -> bool:
    """Whether the fact is about a first, a last time or a record (not only a start, "since"):
    only such a fact takes "first since X" or "first in N years"."""
    words = " ".join([fact.claim, *fact.cues]).lower()
    return bool(_RECORD_WORDS.search(_ORDINAL_NOUN.sub("", words)) or SUPERLATIVE.search(words)
                or _FIRST_SINCE_CLAIM.search(words))  # "the first woman ... since"


def _marked(fact: Fact, m) -> bool:
    return m.marker in ("first_since", "first_in") and fact.spec.last_time and _about_a_record(fact)


def describe(v: DateValue) -> str:
    if v.extent:
        return f"{_span(v.start)} to {_span(v.end)}"
    return _span(v.hull)


def _span(iv: Interval) -> str:
    lo, hi = _date(iv.lo), _date(iv.hi)
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and (hi + dt.timedelta(days=1)).day == 1:
        if lo.month == 1 and hi.month == 12 and lo.year == hi.year:
            return str(lo.year)
        if (lo.year, lo.month) == (hi.year, hi.month):
            return f"{lo.year:04d}-{lo.month:02d}"
    return f"{lo.isoformat()}..{hi.isoformat()}"


def _date(n: float) -> dt.date:
    n = min(max(int(n), 1), dt.date.max.toordinal())
    return from_day(n)
