"""How a sentence asserts a value: as fact, or hedged, denied, asked, or dated to a statement.

Forecasts, projections, conditionals, questions and running counts do not
state the fact (SPEC 4): consistent ones still match, inconsistent ones are
gaps. A denial ("denied sending 5 million shells") states no value, but a value
in a disputed report ("rejected reports that ... 5 million") is still stated.
"""
from __future__ import annotations

import re

from .values.dates import DECLARED_AS

# Words that take a value out of the speaker's assertion, in the value's clause.
_HEDGES = re.compile(
    r"\b(?:could|may|might|projected|projection|projections|projects|forecast|forecasts|"
    r"forecasting|predicted|predicts|predict|exit polls?|polls? (?:suggest|show|put)s?|"
    r"expected to|expects?|anticipates?|likely to|is likely|are likely|possibly|perhaps|"
    r"estimates? (?:suggest|show)|on course to|on track to|set to win|hypothetical|"
    r"if|unless|whether|would-be|would have|could have|might have|odds|futures|bets?|betting|"
    r"implies|imply|implied|priced in|pricing|prices in|expecting|see|sees|(?<!has )(?<!have )(?<!had )seen(?! (?:on|in|at|here|since)\b)|"
    r"median projection|would be(?! (?:held|hosted|sworn|signed|opened|launched|completed|staged)\b)|would reach|would rise|would fall|would total|"
    r"(?<!the )(?:opinion )?polls?(?! (?:stations?|booths?|day|closed?|opened?)\b)|"
    r"polling(?! (?:stations?|booths?|day)\b)|"
    r"surveys? (?:suggest|show|put)s?|(?:early|first|initial|preliminary|provisional) (?:estimates?|figures|indications)|estimates? put|"
    r"fears?|feared|(?<!\band )(?<!'s )needs?|requires?|required|threshold|targets?|targeting|aims? (?:for|to)|goal|"
    r"fac(?:e|es|ed|ing) (?:up to|a maximum|as many as|as much as)|any \w+(?: \w+)? (?:above|over|below|under|exceeding|of more than))\b")
# A provisional estimate as the subject, set off from its verb by an aside.
_ESTIMATE = re.compile(r"\b(?:early|first|initial|preliminary|provisional) estimates?\b")
# After the value: "as many as 1,000 people may be buried", "300 are feared dead".
_HEDGES_AFTER = re.compile(
    r"^(?:\W*\w+){0,3}?\W+(?:may|might|could|would)(?: not)? (?:be|have|yet)\b|"
    r"^(?:\W*\w+){0,3}?\W+(?:are|were|is|was) (?:feared|believed|thought|presumed)\b")
_RUNNING = re.compile(
    r"\b(?:with \S+ (?:of|out of) \S+ (?:\w+ )?(?:declared|counted|reported|in)|"
    r"partial (?:results|count)|preliminary (?:results|count)|with most votes counted|"
    r"early (?:results|returns|trends|counting)|(?:leads?|leading|ahead) in|expected to (?:rise|climb|increase|grow)|likely to (?:rise|climb)|"
    r"as of (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+ \d+)|still counting)\b")
# A toll "so far" is still being counted ("officials have so far linked two deaths to the
# storm"); a total of things sent or spent "so far" is today's total and stays a statement.
_SO_FAR = re.compile(r"\b(?:so far|thus far|as yet|until now)\b")
# ... and so is one that "rises to" (or "rose to": a count at one moment) a figure, or stands at it "now".
_RUNNING_TOLL = re.compile(r"\b(?:now|(?:rises|rising|rose|has risen|have risen|had risen|climbs|climbing|climbed|"
                           r"has climbed|have climbed|jumps|jumping|jumped|has jumped|mounts|mounting|mounted|"
                           r"has mounted) to)\b")
_CASUALTIES = re.compile(r"\b(?:deaths?|dead|killed|died|fatalities|casualties|injured|injuries|missing|bodies|"
                         r"victims|(?:death )?toll)\b")
_NEGATIONS = re.compile(
    r"\b(?:not|never|no|denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|"
    r"refuted|false(?:ly)?)\b|n't\b")
_DISPUTED = re.compile(r"\b(?:that|reports?|claims?|accusations?|allegations?|suggestions?|estimates?)\b")
# A participle right after these is an adjective ("put insured losses at"), not a verb of its own.
_BEFORE_ADJECTIVE = frozenset("the a an its their his her our put puts show shows showed see sees".split())
_PARTICIPLE = re.compile(r"^[a-z]{3,}(?:ed|en)$")
# Verbs whose date is the date of the statement, not of the event ("said on Monday").
_REPORTING = re.compile(
    r"\b(?:said|says|say|announced|announces|reported|reports|told|tells|stated|confirmed|confirms|"
    r"declared|added|wrote|published|tweeted|posted|projected|statements?|statement published)"
    r"(?:\s+in\s+a\s+statement)?\s+(?:(?:late|early)\s+(?:on\s+)?|on\s+|last\s+)?$")
_VERB = re.compile(r"[a-z]+(?:\s+published)?")
_DATELINE = re.compile(r"^[\"'(]*[A-Z][A-Z .'-]+,\s*$")


def hedge(view, start: int, end: int | None = None) -> str | None:
    """Why a value is not asserted as a fact (forecast, condition, question, running count), or None."""
    if end is not None:
        after = _HEDGES_AFTER.search(view.doc.low[end:min(view.end, end + 60)])
        if after:
            return f"hedged ('{after.group(0).split()[-2]} {after.group(0).split()[-1]}')"
    first = view.clause_start(start)
    opening = view.doc.low.rfind("(", first, start)
    if opening > view.start and not view.doc.low[opening + 1:start].strip(" $€£¥"):
        # "about 40 trillion dong ($1.6bn)": a conversion is said as the figure it converts
        first = view.clause_start(opening - 1)
    before = view.doc.low[first:start]
    for m in reversed(list(_HEDGES.finditer(before))):
        # The hedge must govern the verb the value hangs on: another participle
        # between them ("may mean ... a treaty adopted in 2001") has its own.
        words = re.findall(r"[a-z]+", before[m.end():])
        if not any(_PARTICIPLE.match(w) and prev not in _BEFORE_ADJECTIVE for prev, w in zip(words, words[1:])):
            return f"hedged ('{m.group(0)}')"
    estimate = _ESTIMATE.search(view.doc.low, view.part_span(start)[0], first)
    if estimate:  # "The ministry's first estimate, published on Thursday, put losses at ..."
        return f"hedged ('{estimate.group(0)}')"
    if view.doc.norm[view.start:view.end].rstrip().endswith("?"):
        return "asked, not stated (a question)"
    m = _RUNNING.search(view.low)
    if m:
        return f"provisional ('{m.group(0)}')"
    if not _CASUALTIES.search(view.low):
        return None
    m = _SO_FAR.search(view.low)
    if m is None:  # near the value only: "the quake, which killed 2,946, is now studied" is not running
        after = re.split(r"[,;:(]", view.doc.low[end or start:min(view.end, (end or start) + 40)], maxsplit=1)[0]
        m = _RUNNING_TOLL.search(view.doc.low[first:end or start] + after)
    if m:
        return f"provisional ('{m.group(0)}': a toll still being counted)"
    return None


def denial_word(view, start: int) -> str | None:
    """The word of a denial that governs the value ("denied" of "denied sending 5 million
    shells", "not"), or None."""
    before = view.doc.low[view.clause_start(start):start]
    found = None
    for found in _NEGATIONS.finditer(before):
        pass
    if not found or len(before) - found.end() > 60:
        return None
    if _DISPUTED.search(before[found.end():]):
        return None  # a disputed report still states its value
    return found.group(0)


def negation(view, start: int) -> str | None:
    """A denial that governs the value, as a reason, or None."""
    word = denial_word(view, start)
    return f"negated ('{word}')" if word else None


_PLAIN_NEGATIVE = re.compile(r"\b(?:not|never|no)\b|n't\b")


def negative(claim: str) -> bool:
    """Whether a claim states something that did not happen ("had not been maintained")."""
    return bool(_PLAIN_NEGATIVE.search(claim.lower()))


def _said_before(view, start: int) -> re.Match | None:
    """The verb of saying (and what joins it to the date) right before `start`; its offsets
    are in the document's text."""
    return _REPORTING.search(view.doc.low, max(view.start, start - 60), start)


def stated_by(view, start: int, end: int) -> tuple[int, int] | None:
    """The span of the verb of saying a statement date follows ("announced" of "announced on
    March 20"), or None."""
    said = _said_before(view, start)
    if said is None:
        return None
    verb = _VERB.match(said.group(0))
    return said.start(), said.start() + verb.end()


def statement_date(view, start: int, end: int) -> bool:
    """Whether a date is when something was said ("the ministry said on Monday")."""
    said = _said_before(view, start)
    if said and said.group(0).startswith("declared") and DECLARED_AS.match(view.doc.low, end):
        return False  # "declared Monday a day of national mourning": the day is what was declared
    return bool(said or _DATELINE.match(view.doc.norm[view.start:start]))
