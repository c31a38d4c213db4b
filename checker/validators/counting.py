"""What a number in a sentence counts: the noun after it, a currency before it, or nothing.

"5 million vaccine doses" counts doses; "3 million people" counts people
(so never shells); "a 152-millimetre shell" and "a 650-seat house" are
measures, not counts; "412 of the 650 seats" counts 412 seats out of a total
of 650; "10,000 shells a day" is a rate. A bare number counts a unit named
just before it only through a linking verb ("shells sent numbered 5 million").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import ANCHOR, CUE, UNIT
from ..values.units import COUNT_NOUNS, MEASURES, PHRASE_ENDERS

MAX_SKIPPED_WORDS = 3
_DETERMINERS_AFTER_OF = frozenset("the its their his her these those them".split())
_RATE = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute)\b|\s*(?:daily|weekly|monthly|"
                   r"annually|a\s+year|per\s+annum|each\s+year)\b", re.I)
# ("four of the committee's nine members": a possessive may name whose total it is)
_OF_NUMBER = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+|all\s+)?"
                        r"(?:[a-z-]+['’]s?\s+)?(?=[\d$€£]|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve)\b)", re.I)
# "5,674 people injured": the noun is narrowed to another group than the fact's.
_SUBCATEGORY = re.compile(r"\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:injured|wounded|hurt|missing|"
                          r"displaced|evacuated|arrested|detained|rescued|affected|homeless|hospitali[sz]ed|"
                          r"infected|stranded|trapped|unaccounted)\b", re.I)
# "three rounds of talks": what kind of rounds; only a fact that speaks of talks takes it.
_OF_KIND = re.compile(r"\s+of\s+[a-z]{3,}\b")
_PORTION = re.compile(r"\s+of\s+(?:the|its|their|this|that|which)\b", re.I)
_UNIT_BEFORE = re.compile(r"\s+(?:of\s+)?|-")  # "magnitude 6.8", "a majority of 170", "magnitude-7.4"
# A number followed by a span of time measures the span, whatever unit was named before it.
_SPAN_AFTER = re.compile(r"\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b")
# A noun right after a percentage or an amount says what it measures: "a 2% goal".
_MODIFIED = re.compile(r"\s+([a-z]{3,})\b(?!['-])")
# Words that may follow an amount without being what it measures ("12.6% last month").
_NOT_NOUNS = frozenset("""last next this earlier later ago now then today yesterday tonight already still
respectively apiece each annually overall higher lower more less fewer above below over under down
year-on-year""".split())
_OF_TOTAL = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+|all\s+)?"
                       r"(?:[a-z-]+['’]s?\s+)?$", re.I)
_LINKING = frozenset("""numbered number numbering totalled totaled totalling totaling total totals
reached reach reaches stood stand stands amounted amount amounts came come comes rose climbed fell
increased decreased grew dropped is are was were be been at to of hit hits topped tops passed record""".split())


@dataclass(frozen=True)
class Count:
    """What a number counts: the unit key, where the stated phrase ends, a factor
    (basis points are hundredths of a point), and a word that narrows it ("a year",
    "rescued", "goal") which only a fact that uses that word may take."""

    unit: str
    end: int
    factor: float = 1.0
    narrowed: str | None = None


def unit_of(view, m) -> Count | None:
    """What this number counts, or None."""
    text = view.text
    if m.currency or m.percent:
        if m.currency and _PORTION.match(text, m.end, view.end):
            return None  # "$16 billion of the aid": a part, not the whole
        key = f"¤{m.currency}" if m.currency else "¤percent"
        narrowed = _noun_after(text, m.end, view.end)  # "a 2% goal" is a goal
        if m.currency and narrowed is None:
            narrowed = _in_what(text, m.end, view.end)  # "$45 million in fees" is the fees
        return Count(key, m.end, narrowed=narrowed)
    if text[m.end:m.end + 1] == "-" and text[m.end + 1:m.end + 2].isalpha():
        return _compound(view, m)
    if _is_total(view, m):
        return None
    total = _OF_NUMBER.match(text, m.end, view.end)
    if total:  # "412 of the 650 seats" counts seats
        n = next((n for n in view.numbers if n.start == total.end()), None)
        if n is not None:
            key, end, _, _ = _unit_after(view, n)
            return Count(key, end) if key else None
    named = next((h for h in view.hits if h.category == UNIT and h.end <= m.start
                  and _UNIT_BEFORE.fullmatch(text, h.end, m.start)), None) \
        if not _SPAN_AFTER.match(view.doc.low, m.end, view.end) else None  # "5,000 flights over five days"
    if named is not None:  # "a majority of about 170 seats", "the magnitude 6.8 quake"
        return Count(named.key, m.end, narrowed=_noun_after(text, m.end, view.end))  # "a magnitude 3.9 aftershock"
    if text[m.end:m.end + 1].isalpha():  # "72km": the unit is written against the number
        glued = next((h for h in view.hits if h.category == UNIT and h.start == m.end), None)
        return Count(glued.key, glued.end) if glued else None
    key, end, skipped, nxt = _unit_after(view, m)
    if key is None:
        tally = _tally_unit(view, m)
        if tally is not None:  # "by 204 votes to 58", "204 votes in favour and 85 against"
            return Count(tally, m.end)
    if key is not None:
        factor = 0.01 if re.search(r"\bbasis\s+$", view.doc.low[m.end:end - len(_last_word(text, end))]) else 1.0
        rate = _RATE.match(text, end, view.end)
        narrowed = _SUBCATEGORY.match(text, end, view.end) or _OF_KIND.match(text, end, view.end)
        word = (rate or narrowed).group(0).strip().lower() if (rate or narrowed) else None
        if word and word.startswith("of ") and (word[3:] in PHRASE_ENDERS or word[3:] in _NOT_NOUNS):
            word = None
        return Count(key, end, factor, word)
    if skipped == 0:
        key = _unit_before(view, m, nxt)
        return Count(key, m.end) if key else None
    return None


_IN_NOUN = re.compile(r"\s+in\s+([a-z]{3,})\b(?:\s+([a-z]{3,})\b)?")
# What an amount "in" may be and still be the whole sum ("$1.4 billion in military aid").
_WHOLE = frozenset("""total all cash aid assistance funding funds damages revenue revenues sales value
debt spending investment investments loans grants support losses payments compensation assets
contracts orders bonds credit equity reserves financing capital""".split())


def _in_what(text: str, start: int, end: int) -> str | None:
    """The noun of 'in fees' or 'in military aid' after an amount, unless it names the whole sum."""
    found = _IN_NOUN.match(text, start, end)
    if not found or found.group(1) in PHRASE_ENDERS or found.group(1) in _NOT_NOUNS:
        return None
    second = found.group(2)
    noun = second if second and second not in PHRASE_ENDERS and second not in _NOT_NOUNS else found.group(1)
    return None if noun in _WHOLE else noun


def _noun_after(text: str, start: int, end: int) -> str | None:
    noun = _MODIFIED.match(text, start, end)
    word = noun.group(1).lower() if noun else None
    return word if word and word not in PHRASE_ENDERS and word not in _NOT_NOUNS else None


def _last_word(text: str, end: int) -> str:
    m = re.search(r"\S+$", text[max(0, end - 40):end])
    return m.group(0) if m else ""


_SIZES = frozenset("""mm millimeter millimetre millimeters millimetres cm centimeter centimetre meter metre
km kilometer kilometre inch foot ft yard mile calibre caliber gram kilogram kg ton tonne pound lb litre liter
gallon acre hectare storey story floor year month week day hour minute second megawatt kilowatt gigawatt
volt watt mile-long""".split())


# A measure of size is the count it stands beside ("the 71-meter booster"): units.MEASURES'
# spellings, and two it leaves to the fact base elsewhere.
_MEASURES = frozenset(s for family in MEASURES for s in family if " " not in s) | {"acre", "ton"}


_SIZE_SUFFIX = re.compile(r"-(?:long|wide|high|tall|deep|thick)\Z")


def _compound(view, m) -> Count | None:
    """'The 23-article treaty' counts the treaty's articles, 'a half-point cut' is a cut of
    half a point; 'a 174-seat majority' is a majority of 174; 'a 650-seat house' and '152-millimetre shells' measure something else."""
    word = re.match(r"-[^\W\d_]+(?:-[^\W\d_]+)*", view.text[m.end:view.end])
    after = m.end + word.end()
    size = _SIZE_SUFFIX.search(word.group(0))
    if size:  # "a 1.5-kilometre-long tunnel": a measure of the noun, in the unit before "-long"
        own = next((h for h in view.hits if h.category == UNIT and h.start == m.end + 1
                    and h.end == after - len(size.group(0))), None)
        if own is not None:
            return Count(own.key, own.end)
    gap = len(view.text[after:view.end]) - len(view.text[after:view.end].lstrip(" "))
    noun = next((h for h in view.hits if h.category in (ANCHOR, UNIT, CUE) and h.start == after + gap), None)
    if noun is None or not gap:
        # a unit the fact base spells with a hyphen is itself the count: "a 71-year-old poet"
        own = next((h for h in view.hits if h.category == UNIT and h.start == m.end + 1 and h.end == after
                    and ("-" in view.text[h.start:h.end] or view.doc.low[h.start:h.end] in _MEASURES)), None)
        # (and so is a measure of size: "the 232-foot (71-meter) Super Heavy booster")
        return Count(own.key, own.end) if own else None
    if noun.category == UNIT:
        # "a 174-seat majority" is a majority of 174; "152-millimeter shells" measures each shell
        return None if word.group(0)[1:].lower() in _SIZES else Count(noun.key, noun.end)
    # (a fact base may spell the unit with its hyphen: "-foot")
    unit = next((h for h in view.hits if h.category == UNIT and h.start in (m.end, m.end + 1) and h.end == after), None)
    return Count(unit.key, noun.end) if unit else None


def _is_total(view, m) -> bool:
    """'412 of the 650 seats': 650 is the total, not the count."""
    before = view.text[view.start:m.start]
    if not _OF_TOTAL.search(before):
        return False
    cut = _OF_TOTAL.search(before).start() + view.start
    # (the number before must be a count: "on Nov. 2 of seven counts" has a day there)
    return any(n.is_count and (n.end == cut or view.text[n.end:cut].strip() == "")
               for n in view.numbers if n.end <= cut)


def _unit_after(view, m):
    """Walk the words after the number to the first unit, stopping at anything else."""
    units = [h for h in view.hits if h.category == UNIT and h.start >= m.end]
    tokens = view.tokens
    i = view.token_at(m.end)
    if i < len(tokens) and tokens[i].start < m.end:
        i += 1
    skipped, after_of = 0, False
    while i < len(tokens):
        tok = tokens[i]
        hit = next((h for h in units if h.start == tok.start), None)
        if hit:
            return hit.key, hit.end, skipped, tok
        word = tok.text.lower()
        if word == "of" and not after_of:
            after_of = True
        elif after_of and word in _DETERMINERS_AFTER_OF:
            pass
        elif _model_label(view, tokens, i):
            pass  # "65 MAX 9 aircraft": the model's number is part of its name
        elif not tok.text[0].isalpha() or word in PHRASE_ENDERS or word in COUNT_NOUNS:
            return None, m.end, skipped, tok
        else:
            skipped += 1
            if skipped > MAX_SKIPPED_WORDS:
                return None, m.end, skipped, tok
        i += 1
    return None, m.end, skipped, None


def _model_label(view, tokens, i) -> bool:
    """Whether token i is a number that names a model after a capitalised word ("Boeing 737", "MAX 9")."""
    tok = tokens[i]
    if i == 0 or not tok.text[0].isdigit() or not tokens[i - 1].text[:1].isupper():
        return False
    return any(n.start == tok.start and not n.is_count for n in view.numbers)


# "by 204 votes to 58"; "312 electoral votes to Democrat Kamala Harris's 226"
_TALLY = re.compile(r"\d[\d,.]*\s+([a-z]+(?:\s+[a-z]+)?)(?:\s+(?:in\s+favou?r|for|against))?\s+(?:to|and|versus|vs\.?)\s+"
                    r"(?:(?:[a-z][\w.-]*\s+){0,3}[a-z][\w.-]*['’]s\s+)?\Z")


def _tally_unit(view, m) -> str | None:
    """The unit of the first side of a tally, for the second side's bare number."""
    found = _TALLY.search(view.doc.low, max(view.start, m.start - 60), m.start)
    if not found:
        return None
    at = found.start(1)
    return next((h.key for h in view.hits if h.category == UNIT and h.start == at), None)


def _unit_before(view, m, nxt) -> str | None:
    """A bare number counts a unit named before it: through a linking verb ("shells sent
    numbered 5 million"), a headline colon ("doses for Ruritania: nearly 5 million"), or as
    the object of a verb with the unit left out ("won 202 seats in 2019, took 412")."""
    if nxt is not None and nxt.text[0].isalpha() and nxt.text.lower() not in PHRASE_ENDERS:
        return None
    i = view.token_at(m.start)
    prev = view.tokens[i - 1].text if 0 < i <= len(view.tokens) else ""
    # "took 412", or a list in parallel ("412 seats, Tories 121"): the unit is left out.
    elided = prev.lower() in _OBJECT_VERBS or (prev[:1].isupper() and prev.isalpha() and i > 1)
    for h in reversed([h for h in view.hits if h.category == UNIT and h.end <= m.start]):
        if elided and view.part(h.start) >= view.part(m.start) - 1:
            return h.key  # "... sent 2,000 troops while Ruritania sent 500": parallel parts
        if view.part(h.start) != view.part(m.start):
            return None
        between = [t for t in view.tokens if h.end <= t.start < m.start]
        if len(between) > 6 or any(t.text in ",;" for t in between):
            return None
        if any(h.end <= n.end <= m.start for n in view.numbers) or _claimed(view, h):
            return None
        if not any(t.text.lower() in _LINKING or t.text == ":" for t in between):
            return None
        return h.key
    return None


_OBJECT_VERBS = frozenset("""took take takes won win wins got get gets secured secures gained gains received
receives holds held sent sends deployed deploys shipped ships pledged pledges lost loses""".split())


def _claimed(view, hit) -> bool:
    """Whether a number right before this unit already counts it ("412 seats")."""
    return any(0 <= view.token_at(hit.start) - view.token_at(n.end - 1) <= MAX_SKIPPED_WORDS + 1
               and n.end <= hit.start for n in view.numbers)
