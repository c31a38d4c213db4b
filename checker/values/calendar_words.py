"""Word tables for reading English dates: month and weekday names, counts, modifiers.

Kept apart from ``dates.py`` so the resolver reads as rules, not as lists.
Every ``*_RE`` string is a regex fragment with no capturing groups, ready to be
spliced into a larger pattern.
"""
from __future__ import annotations

import re

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11,
    "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
_FULL = list(MONTHS)[:12]
# Full names are months only when capitalized (case-sensitive patterns keep
# "may" and "march on" out); abbreviations need a day or year next to them.
MONTH_FULL_RE = r"(?:%s)\b" % "|".join(_FULL)
MONTH_ABBR_RE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
# A month standing alone is a date only after a context word (checked by the
# caller); "March" is still a verb in "March on ...", "May" a name in "May's".
MONTH_BARE_RE = (
    r"(?:January|February|April|June|July|August|September|October|November|December"
    r"|March(?!\s+(?:on|against|to|through|into|for)\b)|May(?![\w'’-]))\b"
)

WEEKDAYS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3,
    "Friday": 4, "Saturday": 5, "Sunday": 6,
}
WEEKDAY_RE = r"(?:%s)\b" % "|".join(WEEKDAYS)
# Capitalised words that name a day or month, not someone or something.
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD_RE = r"(?:(?:%s)(?:[-\s](?:%s)\b)?|%s)\b" % (
    "|".join(_TENS),
    "|".join(_ONES[1:10]),
    "|".join(sorted(_ONES[1:], key=len, reverse=True)),
)


def number(word: str) -> int | None:
    """'twenty-four' -> 24, 'seven' -> 7; None when it is not a spelled number."""
    parts = word.lower().replace("-", " ").split()
    total = 0
    for p in parts:
        if p in _ONES:
            total += _ONES.index(p)
        elif p in _TENS:
            total += 20 + 10 * _TENS.index(p)
        else:
            return None
    return total if parts else None


# Counts that are words of their own; the flag marks round, loosely used ones
# ("a dozen years ago" for twelve and a half) that get extra slack.
COUNT_PHRASES = {
    "a": (1, False), "an": (1, False), "one": (1, False),
    "a dozen": (12, True), "a couple of": (2, True),
    "a quarter": (0.25, True), "a quarter of a": (0.25, True),
    "half a": (0.5, True), "a half": (0.5, True),
}
COUNT_RE = (r"(?:a\s+quarter(?:\s+of\s+a)?|half\s+a|a\s+half|a\s+dozen|a\s+couple\s+of|an?"
            r"|\d{1,3}(?:\.\d+)?(?!\d)|%s)" % NUMBER_WORD_RE)

# unit -> (base unit: d/m/y, size in base units)
UNITS = {"day": ("d", 1), "week": ("d", 7), "month": ("m", 1), "year": ("y", 1),
         "decade": ("y", 10), "centur": ("y", 100)}
UNIT_RE = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b"

# Approximation words before a count, by how they bend the elapsed time.
MODIFIERS = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "more than": "more", "over": "more", "at least": "more",
    "upwards of": "more", "well over": "more", "just over": "more", "less than": "less",
    "under": "less", "fewer than": "less", "up to": "less",
}
MODIFIER_RE = r"(?:%s)" % "|".join(
    m.replace(" ", r"\s+") for m in sorted(MODIFIERS, key=len, reverse=True)
)

# Parts of a period, as fractions of it: "early 2024" is its first half.
PARTS = {
    "early": (0, 0.5), "mid": (0.25, 0.75), "late": (0.5, 1), "start": (0, 0.25),
    "beginning": (0, 0.25), "middle": (0.25, 0.75), "end": (0.75, 1),
    "first half": (0, 0.5), "second half": (0.5, 1), "latter half": (0.5, 1),
    "first quarter": (0, 0.25), "second quarter": (0.25, 0.5),
    "third quarter": (0.5, 0.75), "fourth quarter": (0.75, 1),
    "last quarter": (0.75, 1), "final quarter": (0.75, 1),
}
# Northern-hemisphere seasons as (first month, last month) of their year;
# winter straddles two years, so it is read loosely (Dec before to Feb after).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (0, 14)}

# Attribution after a date ("..., the ministry said") dates the report, not the event.
ATTRIBUTION = frozenset("said says told reported announced added".split())
# Words ending in -ed that are not past-tense verbs.
NOT_PAST = frozenset(
    "need needed indeed speed proceed exceed succeed feed seed breed bleed greed red bed "
    "hundred sacred shed wed naked wicked expected scheduled planned".split()
)

# Words after which a bare year or month is a date ("in 2017", "since July");
# the span starts after them, except for since/from/between, which it keeps.
CONTEXT_RE = (r"(?:[Ss]ince|[Ff]rom|[Bb]etween|[Ii]n|[Oo]n|[Oo]f|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]o|[Tt]hrough|[Bb]efore"
              r"|[Aa]fter|[Dd]uring|[Yy]ear|[Aa]s\s+of|[Ss]tarting|[Bb]eginning"
              r"|(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Tt]his|[Tt]hat|[Aa]n?)(?=\s+(?:1[89]|20)\d\d\b))")  # "their 1961 treaty"
# A plural noun after "of 2000" makes it a count ("a force of 2000 troops").
COUNT_NOUN_RE = (r"\s+(?:people|men|women|children|staff|personnel"
                 r"|(?!(?:was|is|has|as|its|his|this|thus|plus|us)\b|[a-z]*ss\b)[a-z]+s\b)")
# Every date holds one of these words (month, weekday, year, unit of time).
ANCHOR_RE = (r"\b(?:%s|(?:1[89]|20)\d\d|2100|[Tt]o(?:day|night|morrow)|[Yy]esterday"
             r"|[Dd]ays?|[Ww]eek|Eve\b|Christmas|Halloween|[Mm]onth|[Yy]ear|[Dd]ecade|[Cc]entur|[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight|(?:[12]?\d|3[01])(?:st|nd|rd|th)\b)"
             ) % "|".join(list(MONTHS)[12:] + ["May"] + list(WEEKDAYS))  # "Jan" also anchors "January"
# Days every year falls on the same date, by the names news gives them.
HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24),
            "christmas day": (12, 25), "boxing day": (12, 26),
            "valentine's day": (2, 14), "halloween": (10, 31)}
HOLIDAY_RE = (r"(?:New\s+Year[’']s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve)|Boxing\s+Day|Valentine[’']s\s+Day"
              r"|Halloween(?=\s*[,.;:!?)]|\s*$))")  # (not "a Halloween party")
# (a bare "Christmas" is a season as often as a day: "over Christmas", "by Christmas")
# Tense markers that point a weekday or a bare month forward or back. A present
# tense event verb before a day is a schedule ("the president arrives on Tuesday").
FUTURE_RE = (r"\b(?:will|shall|would|going\s+to|set\s+to|plans?\s+to|(?<!had\s)(?:planned|expected|scheduled)"
             r"|upcoming|next|goes|arrives|visits|travels|heads|meets|begins|starts|opens|holds|hosts|leaves|departs"
             r"|flies|lands|votes"
             r"|(?:may|might|could|should)(?!\s+(?:have|not\s+have)\b)"
             r"|(?:is|are)\s+(?:due\s+)?to|intends?\s+to|aims?\s+to"
             r"|to\s+(?:visit|travel|meet|arrive|attend|host|hold|sign))\b"
             r"|['’]ll\b")
PAST_RE = (r"\b(?:said|told|reported|announced|visited|went|was|were|had|has|have|did|met|came|left|held|took|gave"
           r"|struck|hit|shook|killed|began|ended|spent|sold|fought|grew|drove|brought|built|caught|led|paid"
           r"|made|began|ran|spoke|won|lost|saw|fell|rose|sent|flew|fought|last|ago|earlier|[a-z]+ed"
           r"|tore|swept|blew|broke|threw|wrote|stood|found|kept|became|chose|drew|froze|stole|woke|sank|swam"
           r"|bought|brought|thought|taught|sought|caught|withdrew|overtook|forgot|understood)\b")


_PAST = re.compile(PAST_RE)


def has_past_verb(low: str) -> bool:
    """Whether lowercased text holds a past-tense verb ("had called", "won"), not a word that
    merely ends in -ed ("scheduled", "hundred")."""
    return any(t.group() not in NOT_PAST for t in _PAST.finditer(low))
