"""The `quantity` kind: a number of something ("nearly 5 million vaccine doses").

A number in a text is bound to a quantity fact only when it counts the fact's
unit (the noun right after it, or a currency sign before it) and the fact's
`about` anchors occur near it. It contradicts only when it is asserted (not a
forecast or a denial), sits in the same part of the sentence as the anchors,
and no competing fact explains it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..lexicon import ANCHOR, UNIT, Lexicon
from ..model import Fact, Interval
from ..stance import statement_date
from ..text import resumes
from ..values import calendar_words as W
from ..values.dates import find_dates, resolve_yearless
from ..values.numbers import parse_quantity
from ..values.units import PHRASE_ENDERS, measure_spellings, spellings, unit_key
from .base import Entry, Validator, add_cues
from .binding import SUPERLATIVE, bare_figure, describe, loose_binding, only_in_context, rank, said_of_another
from .counting import Count, unit_of

_TOLERANCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class QuantitySpec:
    interval: Interval
    units: frozenset[str]
    unit_text: str
    about: tuple[str, ...]
    cues: tuple[str, ...]
    time: Interval | None = None   # when the fact holds, from dates in its claim ("in 2023")
    cues_given: bool = True        # False when the cues were read from the claim (claim_cues)


class QuantityValidator(Validator):
    kind = "quantity"
    keys = {
        "unit": "what the number counts: a word or a list (aliases apply; currency signs and codes too)",
        "tolerance": "how far a stated number may be from the value: a percentage ('10%') or an absolute number",
    }

    def compile(self, entry: Entry, value: str | None, lexicon: Lexicon):
        units = entry.texts("unit", required=True)
        interval = None
        if value is not None:
            words = {"of", "in", "worth"}
            for u in units:
                for spelling in (spellings(unit_key(u)) if unit_key(u)
                                 else (*lexicon.aliases.variants(u), *measure_spellings(u))):
                    words.update(re.findall(r"[^\W\d_]+", spelling.lower()))
            words |= {w + "s" for w in words}
            try:
                interval = parse_quantity(value, words)
            except ValueError as e:
                entry.problem("value", str(e))
        tol = entry.text("tolerance")
        if tol is not None and interval is not None:
            interval = self._widen(entry, interval, tol)
        keys = set()
        for u in units:
            special = unit_key(u)
            if special:
                for spelling in spellings(special):
                    lexicon.add(UNIT, spelling, expand=False, key=special)
                keys.add(special)
            else:
                key = lexicon.add(UNIT, u)
                for spelling in measure_spellings(u):  # "km" also as "kilometres", "kilometers"
                    lexicon.add(UNIT, spelling, key=key)
                keys.add(key)
        about = tuple(lexicon.add(ANCHOR, a) for a in entry.texts("about"))
        cues = add_cues(entry, lexicon, about, tuple(units))
        if interval is None or not units:
            return None
        return QuantitySpec(interval, frozenset(keys), units[0], about, cues, _claim_time(entry.text("claim")),
                            entry.has("cues"))

    @staticmethod
    def _widen(entry: Entry, interval: Interval, tol: str) -> Interval | None:
        m = _TOLERANCE.match(tol)
        if not m:
            entry.problem("tolerance", f"cannot read tolerance '{tol}': give a percentage like '10%' or a number")
            return None
        amount = float(m.group(1))
        if m.group(2):
            if amount > 100:
                entry.problem("tolerance", f"tolerance '{tol}' is over 100%")
                return None
            f = amount / 100
            return Interval(interval.lo - abs(interval.lo) * f, interval.hi + abs(interval.hi) * f)
        return Interval(interval.lo - amount, interval.hi + amount)

    def triggers(self, fact: Fact):
        # (an age is often written without its unit: "Cintula, 71, was sentenced")
        ages = [(ANCHOR, a) for a in fact.spec.about] if _age_unit(fact) else []
        return [(UNIT, u) for u in fact.spec.units] + [("cue", c) for c in fact.spec.cues] + ages

    def needs(self, fact: Fact):
        return [(ANCHOR, k) for k in fact.spec.about]  # check() binds nothing without them

    def expected(self, fact: Fact) -> str:
        return f"{fact.value_text} {fact.spec.unit_text}"

    def check(self, view, facts: list[Fact]):
        out = []
        counted = []
        for m in view.numbers:
            count = (unit_of(view, m) or _after_cue(view, m, facts) or _an_age(view, m, facts)) if m.is_count else None
            if count is None:
                view.dropped(facts, m.start, m.end, "not a count of any fact's unit" if m.is_count
                             else "not a count (a year, an ordinal, a time or a label)")
            else:
                counted.append((m, count))
        out.extend(_ordinal_matches(view, facts))
        for m, count in counted:
            unit, stated_end = count.unit, count.end
            cands = [f for f in facts if unit in f.spec.units and view.has_all(f.spec.about)]
            if not cands:
                view.dropped([f for f in facts if unit in f.spec.units], m.start, stated_end,
                             "the fact's anchors are not near it")
                view.dropped([f for f in facts if unit not in f.spec.units], m.start, stated_end,
                             "it counts another unit")
                continue
            if m.modifier is None and _PASSES.search(view.doc.low[view.start:m.start]):
                m = replace(m, interval=Interval(m.interval.lo, float("inf")), modifier="lower_bound")
            if count.factor != 1.0:
                iv = m.interval
                m = replace(m, interval=Interval(iv.lo * count.factor, iv.hi * count.factor, iv.lo_open, iv.hi_open))
            partner = next((n for n, c in counted if c.unit == unit and c.end <= m.start
                            and _TALLY_SIDES.fullmatch(view.doc.low, c.end, m.start)), None)
            tallied = False
            if partner is not None:  # "by 204 votes to 58": the sides are two facts, never one
                other_side = [f for f in cands if f.spec.interval.overlaps(partner.interval)]
                tallied = bool(other_side)
                cands = [f for f in cands if f not in other_side]
                if not cands:
                    view.dropped(other_side, m.start, stated_end, "the other side of a tally the fact's value is on")
                    continue
            ranked = rank(view, cands, m.start, stated_end)
            if len(ranked) > 1:
                # "giving him 321 electoral votes to Harris's 226": a name with its own figure
                # after it ("Harris's 226") is that figure's, not this one's
                ranked.sort(key=lambda f: _owns_another(view, f, m))
            after_from = bool(_FROM_BEFORE.search(view.doc.low, max(view.start, m.start - 12), m.start))
            if after_from:
                # "cut Bank Rate to 5% from 5.25%": the figure after "from" is the one a fact
                # about where it came from ("was cut from 5.25%") states, and "from" ties it
                ranked.sort(key=lambda f: not _FROM_CLAIM.search(f.claim.lower()))
            best = ranked[0]
            from_side = after_from and bool(_FROM_CLAIM.search(best.claim.lower()))
            consistent = [f for f in ranked if f.spec.interval.overlaps(m.interval)]
            said = describe(m.interval)
            negated = view.negation(m.start, best.claim)
            if negated:
                out.append(view.finding(best.id, "gap", m.start, stated_end, f"{said}: {negated}"))
                continue
            far = 3 if view.hedge(m.start, m.end) else 20
            loose_bound = [f for f in consistent if not _informative(m.interval, f.spec.interval, far)]
            if loose_bound and len(loose_bound) == len(consistent):
                # "could top 30%" of a 211% inflation rate, "at least eight lawmakers" of 204 votes
                view.dropped(loose_bound, m.start, stated_end,
                             f"{said} agrees only as a bound far from the value: it does not state it")
                continue
            consistent = [f for f in consistent if f not in loose_bound]
            elsewhen = [f for f in consistent if _another_time_than_claimed(view, m, f)]
            if elsewhen and len(elsewhen) == len(consistent):
                # "accelerated to 2.4% in May from 2.6% in April": April's 2.6% is not May's
                view.dropped(elsewhen, m.start, stated_end, f"{said} agrees, but is stated for another time "
                                                            f"than the fact's claim names")
                continue
            consistent = [f for f in consistent if f not in elsewhen]
            other_period = [f for f in consistent if _other_ordinal(view, f, m.start)]
            if other_period and len(other_period) == len(consistent):
                # "forecast third-quarter revenue of $12.5 billion to $13.5 billion": not the second quarter's
                view.dropped(other_period, m.start, stated_end, f"{said} agrees, but is said of another round or period")
                continue
            consistent = [f for f in consistent if f not in other_period]
            if consistent:
                # "Ruritania and Borduria each sent 2,000 troops": one value, every subject
                # it is firmly said of
                if _vagueness(m.interval) > 1.5 and only_in_context(view, consistent[0], m.start, stated_end):
                    view.dropped(consistent[:1], m.start, stated_end,
                                 f"{said} agrees, but is too loose a bound to tie to a subject sentences back")
                    continue  # "in several seats it is below 55%": "it" may be anything
                both = [consistent[0]] + [c for c in consistent[1:]
                                          if loose_binding(view, c, m.start, stated_end) is None]
                for f in both:
                    out.append(view.finding(f.id, "match", m.start, stated_end,
                                            f"{said} overlaps {describe(f.spec.interval)}", _vagueness(m.interval)))
                view.dropped([c for c in ranked if c not in both], m.start, stated_end,
                             f"{said} is explained by fact '{consistent[0].id}'")
                continue
            view.dropped(ranked[1:], m.start, stated_end, f"{said} is closer to fact '{best.id}'")
            # (the other side of a tally shares the subject: "by 204 votes to 58")
            # (nor the other end of a change: "to 5% from 5.25%", "from 5.25% to 5%")
            rivals = [(n.start, c.end) for n, c in counted if c.unit == unit and n.start != m.start
                      and not _TALLY_SIDES.fullmatch(view.doc.low, c.end, m.start)
                      and not _CHANGE_SIDES.fullmatch(view.doc.low, c.end, m.start)
                      and not _CHANGE_SIDES.fullmatch(view.doc.low, stated_end, n.start)]
            # (the other side of a bound tally is tied by it, like a cue)
            owned = _owned_by_anchor(view, best, m.start)  # "Pezeshkian's 14.6 million votes"
            loose = loose_binding(view, best, m.start, stated_end, rivals, cued=tallied or from_side or owned)
            other = None if loose else (
                "it counts part of the fact's subject or another group" if not _of_the_same(view, best, stated_end)
                else "it counts a narrower group" if count.narrowed and not _uses(best, count.narrowed)
                else "no cue of the fact ties it" if not (tallied or from_side or owned)
                and not _cued(view, best, m.start, m.end)
                else "its subject names another measure" if unit.startswith("¤") and _other_measure(view, best, m.start)
                else "it is said of another round or period" if _other_ordinal(view, best, m.start)
                else "the anchor is qualified as another measure" if _qualified_anchor(view, best, m.start)
                else "the fact's anchor is what it is compared with" if _compared_with_anchor(view, best, m.start, m.end)
                else None)
            if loose or other:
                # "63% of the seats", "8 workers were filling potholes", "a 2% goal": something else
                view.dropped([best], m.start, stated_end, f"{said} is outside {describe(best.spec.interval)}, "
                                                          f"but not firmly about it: {loose or other}")
                continue
            reason = f"{said} is outside {describe(best.spec.interval)}"
            # "a few dozen Grindavik residents gathered": a loose amount with none of the fact's
            # cues is some of the group, not a statement of its size
            vague = m.modifier == "vague" and bool(best.spec.cues) and not tallied \
                and not _cued(view, best, m.start, m.end, skip=(m.start, stated_end))  # (the counted noun is no cue)
            why_not = (view.hedge(m.start, m.end) or said_of_another(view, m.start, best)
                       or ("a loose amount with none of the fact's cues" if vague else None) or _one_member(view, m)
                       or _locates_a_place(view, m, stated_end)
                       or _earlier_time(view, m, best)
                       or (None if from_side or _dated_as_claimed(view, m, best) else _compared(view, m))
                       or _other_scope(view, m, best) or _other_scale(m.interval, best))
            if why_not:
                out.append(view.finding(best.id, "gap", m.start, stated_end, f"{reason}, but {why_not}"))
            else:
                out.append(view.finding(best.id, "contradiction", m.start, stated_end, reason))
        return out


_ORDINAL_WORDS = {w: i for i, w in enumerate("""second third fourth fifth sixth seventh eighth ninth tenth
eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split(), 2)}
_ORDINAL = re.compile(r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.I)


def _ordinal_matches(view, facts: list[Fact]) -> list:
    """'Spain's record fourth European title' says Spain has four titles; an ordinal is
    loose (the fourth need not be the last), so it may match a count but never contradict one."""
    out = []
    for o in _ORDINAL.finditer(view.doc.norm, view.start, view.end):
        n = int(o.group(1)) if o.group(1) else _ORDINAL_WORDS[o.group(2).lower()]
        after = [t for t in view.tokens if t.start >= o.end()][:4]
        for f in facts:
            unit = next((h for h in view.hits if h.category == UNIT and h.key in f.spec.units
                         and any(h.start == t.start for t in after)), None)
            if unit is None or not view.has_all(f.spec.about):
                continue
            between = [t for t in after if t.start < unit.start]
            if any(t.text.lower() in PHRASE_ENDERS or not t.text[:1].isalpha() for t in between):
                continue  # "the fourth of the titles", "4th, titles": not a count of them
            if f.spec.interval.overlaps(Interval(n, n)):
                out.append(view.finding(f.id, "match", o.start(), unit.end,
                                        f"ordinal {n} overlaps {describe(f.spec.interval)}"))
            else:
                view.dropped([f], o.start(), unit.end, f"ordinal {n}: too loose to contradict a count")
    return out


# "the death toll passes 2,800": a lower bound, like "more than".
_PASSES = re.compile(r"\b(?:pass(?:es|ed)?|tops?|topped|surpass(?:es|ed)?|cross(?:es|ed)|exceed(?:s|ed)?)\s+$")


def _after_cue(view, m, facts: list[Fact]) -> Count | None:
    """A bare number right after a fact's cue counts the fact's unit:
    'death toll rises above 2,100', 'QUAKE KILLS MORE THAN 2,000'."""
    i = view.token_at(m.end - 1) + 1
    nxt = view.tokens[i].text.lower() if i < len(view.tokens) else ""
    if nxt and nxt[0].isalpha() and nxt not in PHRASE_ENDERS:
        return None
    first = view.token_at(m.start)
    anchors = [h for h in view.hits if h.category == ANCHOR]
    for h in view.hits:
        if h.category != "cue" or h.end > m.start or view.clause(h.start) != view.clause(m.start):
            continue
        # "the death toll from Cyclone Ruri stands at more than 200": anchors and the
        # linking verb do not count against the distance
        between = [t for t in view.tokens[view.token_at(h.end - 1) + 1:first]
                   if t.text.lower() not in _LINK_VERBS and t.text.lower() not in ("at", "to", "from", "of", "in", "the")
                   and not any(a.start <= t.start < a.end for a in anchors)]
        if len(between) > 2:
            continue
        # (a cue read from the claim is a guess: "sent Russia 0, ..." counts nothing)
        fact = next((f for f in facts if f.spec.cues_given and h.key in f.spec.cues
                     and view.has_all(f.spec.about)), None)
        if fact is not None:
            return Count(next(iter(sorted(fact.spec.units))), m.end)
    return None


def _owned_by_anchor(view, fact: Fact, start: int) -> bool:
    """Whether the value follows an anchor's possessive: "Pezeshkian's 14.6 million votes"."""
    norm = view.doc.norm
    return any(h.category == ANCHOR and h.key in fact.spec.about and h.end <= start
               and re.fullmatch(r"(?:'s|’s|')?\s+", norm[h.end:start]) is not None
               and (norm[h.end - 2:h.end] in ("'s", "’s") or norm[h.end:h.end + 1] in ("'", "’"))
               for h in view.hits)


# An age written without its unit, right after the person: "Cintula, 71, was ...",
# "the attacker, aged 71,", "Cintula, who was 71 at the time".
_AGE_UNITS = frozenset({"year-old", "years old", "year old", "years of age", "aged"})
_AGE_CUES = frozenset({"age", "aged", "old", "turned", "turns", "turn", "birthday"})
_AGE_BETWEEN = re.compile(r"(?:,\s*|\s+)(?:aged\s+|who\s+(?:was|is|turned|turns|has\s+just\s+turned)\s+"
                          r"(?:only\s+|just\s+)?)?")
_AGE_AFTER = re.compile(r"\s*(?:[,;.)]|\s(?:at|when|on|in|and|yesterday|today|last|this)\b)")


def _age_unit(fact: Fact) -> str | None:
    """The unit an age of the fact is counted in: an age unit, or years for a fact about an age."""
    units = sorted(fact.spec.units)
    return next((u for u in units if u in _AGE_UNITS), None) or next(
        (u for u in units if u in ("years", "year") and _AGE_CUES & set(fact.spec.cues)), None)


def _an_age(view, m, facts: list[Fact]) -> Count | None:
    """A bare whole number right after the fact's person counts the fact's age unit."""
    iv = m.interval
    if m.modifier is not None or iv.lo != iv.hi or not 1 <= iv.lo <= 120 or iv.lo != int(iv.lo) \
            or not _AGE_AFTER.match(view.doc.norm, m.end, view.end):
        return None
    for f in facts:
        unit = _age_unit(f)
        if unit and any(h.category == ANCHOR and h.key in f.spec.about and h.end < m.start
                        and _AGE_BETWEEN.fullmatch(view.doc.norm, h.end, m.start) for h in view.hits):
            return Count(unit, m.end)
    return None


_LINK_VERBS = frozenset("""was were is are be rose fell grew jumped climbed reached came totaled totalled stands stood
hit stood increased decreased dropped declined surged soared slumped""".split())
_FUNCTION = frozenset("""the a an its their his her our this that these those and or but with for from
than more less about nearly some""".split())


_SAYING = frozenset("said says reported reports announced announces told tells added estimated".split())
# a subordinate clause has its own subject: "... because the national living wage is"
_SUBORDINATORS = frozenset("that because while whereas although though when".split())
_CLAUSE_OPENERS = _SUBORDINATORS | frozenset("who which what whose where".split())
_QUARTER = re.compile(r"\bq([1-4])\b")
_ORDINAL_OF = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_PERIODS = frozenset("first second third fourth quarter quarterly annual yearly full year half".split())
_MONTH_OR_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
                           r"[Tt]he\b|\d)")


def _other_measure(view, fact: Fact, start: int) -> bool:
    """'Nvidia's net income was $16.6 billion, up 168%', 'its stock is up 150%', 'sales in
    China rose to $3.7 billion': the subject names another measure than the fact's."""
    tokens = [t for t in view.tokens if t.start < start and t.part == view.part(start)]
    anchors = [h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about]
    # the verb closest to the value is the one it completes: "the cost would be passed on ...
    # because the living wage is going up, to £12.12"
    verb = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].text.lower() in _LINK_VERBS), None)
    if verb is None or any(t.text.lower() in _CLAUSE_OPENERS for t in tokens[verb + 1:]):
        return False  # ("the question is what Doe, who has criticised the $2.9 million bailout, ...")
    if verb and tokens[verb - 1].text == "," and tokens[0].clause != tokens[verb].clause:
        # "Anies Baswedan, a former governor of Jakarta, came second with": the aside is no subject
        subject = [t for t in tokens[:verb] if t.clause == tokens[0].clause]
        tokens, verb = subject + tokens[verb:], len(subject)
    begin = 0
    for i, t in enumerate(tokens[:verb]):
        if any(h.start <= t.start < h.end for h in anchors) or t.text.endswith(("'s", "'")) \
                or t.text.lower() in _SAYING or t.text.lower() in _SUBORDINATORS and i + 1 < verb:
            begin = i + 1  # "Acme said first-quarter revenue fell": the subject starts after 'said'
    claim = _QUARTER.sub(lambda q: f"{_ORDINAL_OF[q.group(1)]} quarter", fact.claim.lower())
    known = re.findall(r"[a-z]{3,}", " ".join([claim, *fact.cues, fact.spec.unit_text]).lower())
    stems = {w[:5] for w in known}
    head = True
    for t in tokens[begin:verb]:
        if t.text.lower() in ("in", "for", "of", "at", "on", "from"):
            head = False  # what follows a preposition qualifies the head noun
        for w in t.text.lower().replace("'s", "").split("-") if head else ():
            if w in _PERIODS:
                if ("quarter" in claim or re.search(r"\bq[1-4]\b", claim)) and w not in claim:
                    return True  # "third-quarter margin" against a second-quarter fact
                continue
            if (w.isalpha() and len(w) >= 3 and w not in _FUNCTION and not w.endswith(("ed", "ing", "ly"))
                    and w[:5] not in stems and w not in ("would", "will", "could")):
                return True
        if t.text.lower() in ("in", "for") and t is not tokens[verb - 1]:
            nxt = tokens[tokens.index(t) + 1]
            if (nxt.text[:1].isupper() and nxt.text.lower()[:5] not in stems
                    and not _MONTH_OR_DAY.match(nxt.text)):
                return True  # "sales in China": a part
    return False


# Words that make a measure another one: "core inflation" is not headline inflation.
_MEASURE_QUALIFIERS = frozenset("""core underlying services goods food energy producer wholesale import export
monthly month-on-month quarterly quarter-on-quarter real nominal""".split())


def _qualified_anchor(view, fact: Fact, start: int) -> bool:
    """'Core inflation: 2.8% this year' against a headline-inflation fact."""
    lo = view.part_span(start)[0]
    words = " ".join([fact.claim, *fact.cues, *fact.about]).lower()
    for h in view.hits:
        if h.category != ANCHOR or h.key not in fact.spec.about or not lo <= h.start < start:
            continue
        before = re.search(r"([a-z-]+)\s+\Z", view.doc.low[max(lo, h.start - 30):h.start])
        if before and before.group(1) in _MEASURE_QUALIFIERS and not re.search(rf"\b{before.group(1)}\b", words):
            return True
    return False


_ORDINAL_THING = re.compile(r"\b(first|second|third|fourth|fifth|final|1st|2nd|3rd|4th|5th)[\s-]+([a-z]+)")


def _other_ordinal(view, fact: Fact, start: int) -> bool:
    """'Turnout in the second round climbed to about 50%' against a first-round turnout: the
    claim's 'first round' and the sentence's 'second round' are two things."""
    claimed = {noun: nth for nth, noun in _ORDINAL_THING.findall(fact.claim.lower())}
    if not claimed:
        return False
    before = view.doc.low[view.part_span(start)[0]:start]
    return any(noun in claimed and claimed[noun] != nth for nth, noun in _ORDINAL_THING.findall(before))


def _cued(view, fact: Fact, start: int, end: int, skip: tuple[int, int] = (0, 0)) -> bool:
    """A fact with cues needs one in the value's part of the sentence to be contradicted:
    'Eight workers were filling potholes' is not a death toll."""
    if not fact.spec.cues:
        return True
    nxt = next((t for t in view.tokens if t.start >= end), None)
    if nxt is not None and view.text[start:start + 1] in "$€£¥₹" and any(
            h.category == ANCHOR and h.key in fact.spec.about and h.start == nxt.start for h in view.hits):
        return True  # "the $2.9 billion stadium": the amount is the anchor's own
    if any(h.category == ANCHOR and h.key in fact.spec.about and h.end <= start
           and _LINKED.fullmatch(view.doc.low, h.end, start) for h in view.hits):
        return True  # "Turnout was 48.9 percent": the anchor itself is what the value measures
    partner = next((n for n in view.numbers if n.end <= start and n.start >= view.start
                    and _CHANGE_SIDES.fullmatch(view.doc.low, n.end, start)), None)
    if partner is not None and _cued(view, fact, partner.start, partner.end, skip):
        return True  # "The jobless rate rose to 4.4% in September from 4.3%": the change's other end
    if _sizes_the_anchor(view, fact, end):
        return True  # "The 232-foot (81-meter) Super Heavy booster lifted off": the booster's size
    if _elided_unit(view, fact, start, end):
        return True  # "gave the Reform Alliance 243 seats and the People's Front 109"
    if bare_figure(view, view.clause(start), start, end, fact.spec.about):
        return True  # "Kamala D. Harris of California, 226 electoral votes": a tally's line
    part = view.part(start)
    return any(h.category == "cue" and h.key in fact.spec.cues and view.part(h.start) == part
               and not skip[0] <= h.start < skip[1] for h in view.hits)


def _compared_with_anchor(view, fact: Fact, start: int, end: int) -> bool:
    """Whether the fact's anchors come in the sentence only after the value, each as what it is
    compared with: "It weighs 1.06kg, less than half as much as St Edward's Crown"."""
    anchors = [h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about and h.start >= view.start]
    if not anchors or any(h.start < start for h in anchors):
        return False
    return all(_COMPARED_WITH.search(view.doc.low, end, h.start) for h in anchors)


# (the standard of comparison right before the anchor: not "more than 820,000 polling stations ... election")
_COMPARED_WITH = re.compile(r"\b(?:than|as (?:much|many|heavy|large|big|high|long|tall|wide|deep|old) as|"
                            r"compared (?:with|to)|the (?:size|weight|height|length) of)"
                            r"\s+(?:(?:the|a|an|its|his|her|their|that of)\s+)?(?:[^\W\d]+\s+){0,2}\Z")


def _sizes_the_anchor(view, fact: Fact, end: int) -> bool:
    """Whether the figure is a size set before the fact's anchor as the head of its noun
    phrase: a measure unit, at most three words, the anchor, then a verb or punctuation
    ("the 50-meter Starship upper stage" sizes the upper stage, not the Starship)."""
    unit = next((h for h in view.hits if h.category == UNIT and h.key in fact.spec.units
                 and end <= h.start <= end + 1), None)
    if unit is None or not measure_spellings(view.doc.low[unit.start:unit.end]):
        return False
    anchor = next((h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about
                   and unit.end <= h.start), None)
    if anchor is None:
        return False
    between = [t.text for t in view.tokens if unit.end <= t.start < anchor.start]
    if len([w for w in between if w[:1].isalnum()]) > 3 or any(w in ",;:" for w in between):
        return False
    nxt = next((t.text for t in view.tokens if t.start >= anchor.end), "")
    return not nxt or not nxt[:1].isalnum() or resumes(nxt)


def _elided_unit(view, fact: Fact, start: int, end: int) -> bool:
    """Whether the figure is the last of a list of the same things, its unit left out: the
    fact's anchor right before it, nothing after it, and the unit with an earlier item."""
    if not _LIST_END.match(view.doc.low, end) or view.doc.low[start:end].rstrip()[-1:] == "%" or any(
            h.category == UNIT and start <= h.start <= end for h in view.hits):
        return False
    anchor = next((h for h in view.hits if h.category == ANCHOR and h.key in fact.spec.about
                   and h.end <= start and not view.doc.low[h.end:start].strip()), None)
    if anchor is None:
        return False
    return any(h.category == UNIT and h.key in fact.spec.units and view.start <= h.start
               and _LIST_JOIN.search(view.doc.low, h.end, anchor.start) for h in view.hits if h.end <= anchor.start)


_LIST_END = re.compile(r"\s*(?:[.;]|\Z)")
_LIST_JOIN = re.compile(r",|\band\b")


_UP_FROM = re.compile(r"\b(?:up|down) from\b")
# (not "is" or "are": "The Americans are up to 39 golds" may be a tally on the way)
_LINKED = re.compile(r"\s+(?:was|were|stood at|came in at|reached|hit|rose to|fell to|climbed to)"
                     r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|just\s+)?")


def _uses(fact: Fact, word: str) -> bool:
    """Whether a fact speaks of a narrowing word ("rescued", "a year", "goal") itself."""
    words = " ".join([fact.claim, *fact.cues, *fact.about, fact.spec.unit_text]).lower()
    core = word.split()[-1]
    return core in words or core.rstrip("s") in words or (core in ("year", "annually", "annual") and "annual" in words)


_REPORTED = re.compile(r"\b(?:said|says|told|tells|reported|according|estimated|estimates|believes?|believed|"
                       r"claimed|claims?|stated|added|warned|noted|wrote|reports?|assessments?|accus\w*|alleg\w*)\b")


def _claim_time(claim: str | None) -> Interval | None:
    """The span of the dates a claim names with a year ("grew 5.6% in 2023")."""
    found = [d.value.hull for d in find_dates(claim or "") if not d.yearless and not d.relative and not d.marker]
    if not found:
        return None
    return Interval(min(iv.lo for iv in found), max(iv.hi for iv in found))


_FUTURE_TENSE = re.compile(W.FUTURE_RE + r"|\bgoing\s+(?:up|down)\b")


def _announced(view, m, fact: Fact) -> bool:
    """A change still to come can be stated before it happens: "the minimum wage is going up
    to £12.21" against "rises to £12.21 from April 2025". A fact told as past ("won 159
    seats in November") cannot: a figure before then is another time's."""
    return not W.has_past_verb(fact.claim.lower()) and bool(_FUTURE_TENSE.search(view.doc.low, view.part_span(m.start)[0], m.start))


_DATE_OF_NUMBER = re.compile(r"\s*(?:in|on|at|by|for|during)?\s*")


def _of_another_number(view, m, d) -> bool:
    """Whether a date belongs to another number of the sentence: one between it and the value
    ("240 seats, down from 303 in 2019") or one it follows ("from 3.4% in April 2023 to 4.2%")."""
    lo, hi = (m.end, d.start) if d.start >= m.end else (d.end, m.start)
    return any(lo <= n.start and n.end <= hi for n in view.numbers) or _follows_another_number(view, m, d)


def _gap(m, d) -> int:
    """Characters between the value and a date, whichever comes first."""
    return d.start - m.end if d.start >= m.end else m.start - d.end


def _follows_another_number(view, m, d) -> bool:
    """Whether the date comes right after a number other than the value ("89 in 2022")."""
    return any(n.start != m.start and n.end <= d.start and _DATE_OF_NUMBER.fullmatch(view.doc.low, n.end, d.start)
               for n in view.numbers)


def _another_time_than_claimed(view, m, fact: Fact) -> bool:
    """Whether the date nearest the value in its clause places it outside the time the fact's
    claim names ("from 2.6% in April" against "2.6% in May 2024"). A date across another
    number is that number's ("240 seats, down from 303 in 2019")."""
    own = fact.spec.time
    if own is None:
        return False
    clause = view.clause(m.start)
    year = dt.date.fromordinal(int(own.lo)).year
    near = []
    for d in view.dates:
        if view.clause(d.start) != clause or d.marker is not None or statement_date(view, d.start, d.end):
            continue
        if _of_another_number(view, m, d):
            continue
        if d.yearless and dt.date.fromordinal(int(own.hi)).year != year:
            continue
        near.append((_gap(m, d), resolve_yearless(d, year).hull if d.yearless else d.value.hull))
    return bool(near) and not min(near, key=lambda x: x[0])[1].overlaps(own)


def _earlier_time(view, m, fact: Fact) -> str | None:
    """A figure for another time is not the fact's: "202 seats in 2019", a figure in a
    sentence about 1960, "had held rates at 5.25%", "expected to end 2025 at 3.4%".
    A fact whose claim names its own time ("in 2023") is compared with that time."""
    ref = view.doc.date
    own = fact.spec.time
    if own is not None and ref is not None and own.lo > ref.toordinal() and not _announced(view, m, fact):
        return "the fact's own time is after the source was written"  # "holds three seats" in September
    last = _LAST_RAN.search(view.low)
    if last:
        return f"stated for an earlier time ('{last.group(0)}')"  # "won 3 per cent when he last ran"
    part = view.part(m.start)
    part_start, part_end = view.part_span(m.start)
    opener = next((t for t in view.tokens if t.part == part), None)
    # nearest first: with a time of its own, the fact is judged by the date nearest the value
    # ("accelerated to 2.4% in May from 2.6% in April": May's)
    for d in sorted(view.dates, key=lambda d: _gap(m, d)):
        # "... since 1960, when a quake destroyed Agadir, killing 12,000": the when-part has that date
        dated_when = opener is not None and opener.text.lower() == "when" and 0 <= opener.start - d.end <= 3
        if d.yearless or not dated_when and (d.marker in ("since", "for", "first_since", "first_in", "after")
                                             or view.part(d.start) != part or _modifies_a_noun(view, d, m)):
            continue
        said = view.doc.raw[d.start:d.end]
        if statement_date(view, d.start, d.end):
            continue  # "according to its report published on Thursday": when it was said
        if _EFFECTIVE.search(view.doc.low, max(view.start, d.start - 30), d.start):
            continue  # "lowered to 4.25%, effective 12 June": when the decided value applies
        if d.start >= m.end and _COMPARISON_FRAME.search(view.doc.low, m.end, d.start):
            continue  # "killed 100 people, the deadliest since Katrina in 2005": the record's date
        if d.start >= m.end and _UP_FROM.search(view.doc.low, m.end, d.start) and any(
                n.start != m.start and m.end <= n.start and n.end <= d.start for n in view.numbers):
            continue  # "48.9%, up from about 40% in the June 28 first round": the other number's date
        if own is not None:
            hull = d.value.hull
            if not hull.overlaps(own):
                return f"stated for another time ('{said}') than the fact's"
            # (a length or a weight is had whole on any day of it; a count or a sum builds up)
            if (hull.hi - hull.lo) * 4 < own.hi - own.lo and not any(measure_spellings(u) for u in fact.spec.units):
                if _names_the_event(view, d, fact):
                    continue  # "312 electoral votes ... Tuesday's election": the day of the fact's event
                return f"stated for part of the fact's time ('{said}')"
            break
        if _follows_another_number(view, m, d):
            continue  # "came third with 152 seats, up from 89 in 2022": 2022 is the 89's
        hull = d.value.hull
        if ref is not None and (hull.hi < ref.toordinal() - 31
                                or hull.hi - hull.lo >= 364 and hull.hi < ref.toordinal()):  # "In 2023", written in 2024
            return f"stated for an earlier time ('{said}')"
        if ref is not None and d.value.hull.lo > ref.toordinal() + 31:
            return f"a forecast for a later time ('{said}')"
    if _PREVIOUS.search(view.doc.low[view.clause_start(m.start):m.start]):
        return "stated for an earlier time ('previous')"
    tail = _to_break(view.doc.low[m.end:part_end])
    # (in the value's own stretch: "pull $24 billion on Thursday alone, leaving it ... by the end of
    # the day" is not a figure by then)
    if re.search(r"\b(?:by|through|up to) (?:last|the end of|early|mid|late)\b",
                 view.doc.low[view.clause_start(m.start):m.end] + tail):
        return "stated for an earlier time ('by ...')"
    running = _RUNNING.search(view.low)
    if running:  # "going into the final day, China lead by 39 golds to 38": not the final tally
        return f"a count on the way ('{running.group(0)}')"
    before = view.doc.low[view.clause_start(m.start):m.start]
    if re.search(r"\bhad\s+(?:not\s+|been\s+|already\s+)?[a-z]+", before) and \
            not _REPORTED.search(view.doc.low[view.start:m.start]) \
            and not _AT_THE_END.search(view.doc.low, view.start, m.start):
        return "stated for an earlier time (past perfect)"
    return None


# A tally before the end: "going into the final day", "with two rounds to go" ("so far" is
# not one: "has so far supplied 1.5 million shells" is today's total).
_RUNNING = re.compile(r"\b(?:going|heading) into the (?:final|last)\b|"
                      r"\bwith (?:one|two|three|four|five|\d+) (?:more )?(?:days?|rounds?|races?|events?|games?|"
                      r"matches|stages?|laps?) (?:left|to go|remaining)\b")
# "The previous record ... was 7.6 million": the subject is an earlier one.
_PREVIOUS = re.compile(r"\b(?:previous|prior|former|old|earlier)\s+(?:\w+\s+)?(?:record|high|peak|low|total|"
                       r"figure|estimate|toll|count|forecast|tally)\b")
_MODIFIER_OPENERS = frozenset("founded established formed born created".split())


_TALLY_SIDES = re.compile(r"(?:\s+(?:in\s+favou?r|for|against))?\s+(?:to|and|versus|vs\.?)\s+")
_LAST_RAN = re.compile(r"\bwhen (?:he|she|it|they|the party|the company|the team) (?:last|previously|first)\b")
_COMPARISON_FRAME = re.compile(r"\b(?:since|than|times what|compared (?:with|to)|as much as)\b")
# "By the time it was done, Helene had killed ...": the past perfect of the final count.
_AT_THE_END = re.compile(r"\bby the time (?:\w+\s+){1,4}?(?:was|were|had been) (?:done|over|finished)\b|"
                         r"\bby the time (?:\w+\s+){1,4}?(?:ended|finished|passed|dissipated)\b")


_POSSESSED = re.compile(r"['’]s\s+([a-z]+)")


def _names_the_event(view, d, fact: Fact) -> bool:
    """A date in the possessive before a word of the fact's claim ("Tuesday's election") names
    the fact's own event, not the time of a figure."""
    owned = _POSSESSED.match(view.doc.low, d.end)
    return owned is not None and _uses(fact, owned.group(1))


def _modifies_a_noun(view, d, m) -> bool:
    """'The party, founded in 1948, won 44 seats': the date is in a clause set off to
    describe a noun, not the time of the value."""
    clause = view.clause(d.start)
    if clause == view.clause(m.start):
        return False
    words = [t for t in view.tokens if t.clause == clause and t.text.isalpha()]
    return bool(words) and words[0].text.lower() in _MODIFIER_OPENERS


_COMPARED = re.compile(r"(?:\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against|than|up\s+from|down\s+from)"
                       r"|\bof)\s+$")


def _compared(view, m) -> str | None:
    """'from 48 seats to nine', 'up from $7.2 billion', 'compared with 2%': the other term."""
    before = view.doc.low[max(view.start, m.start - 25):m.start]
    found = _COMPARED.search(before)
    if found and found.group(0).strip() != "of":
        return f"a value compared against ('{found.group(0).strip()}')"
    return None


_IN_TIME = re.compile(r"\s+(?:in|for|during)\s+")


def _dated_as_claimed(view, m, fact: Fact) -> bool:
    """Whether a date right after the value puts it in the fact's own time: "from 4.3% in
    August" states August's rate, for a fact about August."""
    own = fact.spec.time
    if own is None:
        return False
    d = next((d for d in view.dates if m.end <= d.start <= m.end + 12
              and _IN_TIME.fullmatch(view.doc.low, m.end, d.start)), None)
    return d is not None and not d.yearless and own.lo <= d.value.hull.lo and d.value.hull.hi <= own.hi


def _of_the_same(view, fact: Fact, end: int) -> bool:
    """'63% of the seats' is a share of seats: only a fact about seats may take it."""
    after = re.match(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?([a-z]+)", view.doc.low[end:view.end])
    if not after or not fact.spec.cues:
        return True
    word = after.group(1)
    known = " ".join([fact.claim, *fact.cues]).lower()
    return word.rstrip("s") in known or word in ("total", "it", "them", "that", "this")


_SCOPE = re.compile(
    r"\bsince\s+(?:the|its|their|his|her|then|that)\b"
    r"|\bover\s+(?:the\s+)?(?:weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\w+\s+(?:days?|weeks?))\b"
    r"|\b(?:in|during|over)\s+the\s+first\b"
    r"|\b(?:one|some|two|three|several|many|most) of (?:them|which|those|these)\b"
    r"|\bincluding one\b|\bthe (?:largest|strongest|biggest) of which\b")


# "nearly nine inches fell in three hours": a burst within the whole (unless the fact is about one)
_WITHIN = re.compile(r"\b(?:in|within)\s+(?:just\s+|only\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"twelve|\d{1,2}|a few|a single)\s+(?:minutes?|hours?)\b")


_MEMBERS = frozenset("""customer client investor depositor shareholder resident victim passenger worker
employee family household farmer patient student voter user subscriber man woman person child owner
tenant buyer seller driver pilot nurse doctor soldier survivor player fan member""".split())
_QUANTIFIERS = frozenset("""total record further estimated additional combined maximum minimum mere reported
average few number majority minority quarter third half dozen couple handful lot range series sum""".split())


# "the Klow region, about 500 km south of the capital": an appositive that says where a place is
_PLACE_BEFORE_COMMA = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}(?:[A-Z][\w'’.-]*|region|province|city|town|village|district|area|oblast|"
    r"state|county|border|base|airport|port|capital|island|coast|valley|river|lake|bay))(?:\s+\([^()]*\))?,\s+\Z")
_LOCATED = re.compile(r"(?:\s*\([^()]*\))?\s+(?:due\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:wards?)?"
                      r"\s+of\b|(?:\s*\([^()]*\))?\s+from\b")


def _locates_a_place(view, m, stated_end: int) -> str | None:
    """'...through the Klow region, about 500 km south of the capital': the distance says
    where that place is, not how far the fact's subject went."""
    before = _PLACE_BEFORE_COMMA.search(view.doc.norm, view.start, m.start)
    if before is None or not _LOCATED.match(view.doc.low, stated_end, view.end):
        return None
    # "stopped near Marsk, 400 km from the capital", "struck in the Al Haouz province, 72km
    # south-west of Marrakech": where the subject is, so the distance is its own
    if _AT_A_PLACE.search(view.doc.low, view.start, before.start(1)):
        return None
    return f"it says where a place is ('{before.group(1)}')"


_AT_A_PLACE = re.compile(r"\b(?:in|at|near|outside|off|inside|by|beside|around|close to|next to)\s+(?:the\s+|a\s+|an\s+)?\Z")


def _one_member(view, m) -> str | None:
    """'An FTX customer told the court he had lost about $2m': one member's figure, not the
    group's. The sentence, or the value's clause, opens with 'a', 'an' or 'one' and a noun."""
    for first in {0, view.clause_start(m.start)}:
        tokens = [t for t in view.tokens if t.start >= (view.start if first == 0 else first) and t.start < m.start]
        if len(tokens) < 4 or tokens[0].text.lower() not in ("a", "an", "one"):
            continue
        nxt = tokens[1].text.lower()
        if nxt in _QUANTIFIERS or not nxt.isalpha():
            continue
        member = next((t for t in tokens[1:5] if t.text.lower() in _MEMBERS), None)
        if member is not None:  # ("A magnitude 7.4 earthquake killed ..." is the event itself)
            return f"said of one member of a group ('{tokens[0].text} ... {member.text}')"
    return None


def _other_scope(view, m, fact: Fact) -> str | None:
    """A figure over another span or for a member of a group: 'down 25% since the
    outage', 'cancelled 3,500 flights over Friday and Saturday', 'one of them of magnitude 6.2',
    'life expectancy for men'. A fact that speaks of that span itself ('since the mission
    began') takes it."""
    first, last = view.part_span(m.start)
    claim = fact.claim.lower()
    # after the value, only up to a comma: "killed 11,300 people, ..., and thousands more are
    # missing, many of them ..." is not a part of the 11,300
    after = _to_break(view.doc.low[m.end:last])
    compared = _COMPARED_AFTER.search(after)  # "... down from 262% growth in the first quarter"
    after = after[:compared.start()] if compared else after
    for rx, text in ((_SCOPE, view.doc.low[first:m.start]), (_SCOPE, after), (_WITHIN, after),
                     (_SUBGROUP, view.doc.low[view.clause_start(m.start):m.start])):
        found = rx.search(text)
        if found and found.group(0).startswith("since") and _PERFECT.search(view.doc.low[first:m.start]) \
                and not _one_day(fact):
            continue  # "has trained 16,000 since its mission began": the whole span so far
        if found and text is after and found.group(0).startswith("since") \
                and SUPERLATIVE.search(after, 0, found.start()):
            continue  # "killed 115 people, the deadliest wildfire since the Peshtigo fire": a record's frame
        if found:
            word = found.group(0).split()[0 if rx is _SCOPE else -1].rstrip("s")  # "since", "over", "men", "hour"
            if not re.search(rf"\b{re.escape(word)}s?\b", claim):
                return f"stated for another span or part ('{found.group(0).strip()}')"
    return None


_POSSESSIVE_NUMBER = re.compile(r"['’]s?\s+\Z")


def _owns_another(view, fact: Fact, m) -> bool:
    """Whether every mention of one of the fact's anchors after the value is a possessive
    right before another number ("to Democrat Kamala Harris's 226")."""
    others = [n for n in view.numbers if n.start > m.end]
    for key in fact.spec.about:
        hits = [h for h in view.hits if h.category == ANCHOR and h.key == key and h.start >= view.start]
        if hits and all(h.start > m.end and any(_POSSESSIVE_NUMBER.fullmatch(view.doc.norm, h.end, n.start)
                                                   for n in others) for h in hits):
            return True
    return False


_FROM_BEFORE = re.compile(r"\bfrom\s+\Z")
# (with the time of the first side between them: "to 4.4% by year-end, from 4.3%")
_CHANGE_SIDES = re.compile(r"(?:\s+(?:by|in|at)\s+[\w\-]+(?:\s+[\w\-]+)?)?,?\s+(?:from|to)\s+")
_FROM_CLAIM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?[\d$€£¥]")
_EFFECTIVE = re.compile(r"\b(?:effective|with effect from|takes? effect|taking effect|applies|applying)"
                        r"\s+(?:from\s+|on\s+|as of\s+)?\Z")


_PUNCT_BREAK = re.compile(r"[,;:\u2014()]")


def _to_break(text: str) -> str:
    """The text up to its first comma, colon, semicolon, dash or bracket."""
    found = _PUNCT_BREAK.search(text)
    return text[:found.start()] if found else text


def _one_day(fact: Fact) -> bool:
    """A fact whose claim dates it to a day or a few ("fell 4% on Monday, 3 June 2024"):
    a change summed since some event is not it."""
    own = fact.spec.time
    return own is not None and own.hi - own.lo < 7


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?[a-z]+(?:ed|en|t)\b")
_COMPARED_AFTER = re.compile(r"\b(?:down|up) from\b|\bcompared (?:with|to)\b|\bversus\b|\bthan\b")
_SUBGROUP = re.compile(r"\b(?:for|among)\s+(?:\w+\s+)?(?:men|women|boys|girls|children|adults|males|females|"
                       r"teenagers|seniors|pensioners|the elderly|infants|newborns|students|veterans)\b")


def _other_scale(iv: Interval, fact: Fact) -> str | None:
    """A number four orders of magnitude away counts something else (one household's
    grant against a national plan); a slip of one scale word (million for billion) is
    a thousandfold and still contradicts."""
    f = fact.spec.interval
    if min(f.lo, iv.lo) > 0 and (iv.hi < f.lo / 10_000 or f.hi < iv.lo / 10_000):
        return "too far from the fact to be the same quantity"
    return None


def _informative(said: Interval, fact: Interval, far: float) -> bool:
    """Whether a one-sided bound is near enough the fact's value to state it: "more than
    3 million" states "nearly 5 million"; "could top 30%" (a hedge, 7 times below) does
    not state 211%, nor "more than 10 million" (700 times above) 15,000."""
    if said.hi == float("inf") and said.lo > 0 and fact.lo > 0:
        return max(fact.lo, said.lo) <= far * min(fact.lo, said.lo)
    if said.lo <= 0 and said.hi > 0 and fact.hi != float("inf") and fact.hi > 0:
        return fact.hi * far >= said.hi
    return True


def _vagueness(iv: Interval) -> float:
    if iv.hi == float("inf") or iv.lo <= 0:
        return float("inf")
    return iv.hi / iv.lo
