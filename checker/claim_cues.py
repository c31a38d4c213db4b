"""Cues read from a fact's claim, for a fact that gives none.

`cues` is optional (SPEC 2), and a fact base written without them is normal. But
without cues a date or quantity fact binds by its anchors alone: "Delta" near any
date or any count of flights would be read as the fact's, and a draft that says
"Delta's chief executive flew to Atlanta on Monday" would contradict "Delta
cancelled 7,000 flights from July 19 to 24". The claim is a sentence that states
the fact, and its own words for the event ("cancelled"), other than the anchors,
the unit and the value, are what a person would have written as cues.

Only single common words are taken. Names, function words, light verbs ("made",
"has"), calendar and number words, and the words of the fact's anchors (with their
aliases), unit, value, role and person are left out.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import base_forms
from .values.calendar_words import CALENDAR_NAMES

__all__ = ["claim_cues"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Function words, light verbs and words of reporting, time, amount or approximation:
# near every value in news, they tie none to a fact.
_SKIP = frozenset("""
a an the and or but nor so yet if than then that this these those there here which who whom whose
what when where while why how as at by for from in into of off on onto out over under up down to
with within without about above across after against along among around before behind below
beneath beside besides between beyond during except inside near past per since through throughout
till toward towards until upon via amid amidst despite
is are was were be been being am has have had having do does did doing will would shall should
can could may might must ought
it its it's he him his she her hers they them their theirs we us our ours you your yours i me my
one ones own other others another each every all any both either neither some such no not only
also just still even more most less least much many few several very too again already ever
never yet soon later earlier first last next previous new old same
make makes made making take takes took taken taking get gets got gotten getting give gives gave
given giving go goes went gone going put puts come comes came coming
say says said saying tell tells told according announce announces announced announcing report
reports reported reporting state states stated confirm confirms confirmed
year years month months week weeks day days today yesterday tomorrow time times date dates
morning afternoon evening night tonight hour hours minute minutes decade decades century
number numbers total totals figure figures amount amounts estimate estimated estimates
nearly almost about around roughly approximately some circa over under least most up
percent cent pct per million millions billion billions trillion trillions thousand thousands
hundred hundreds dozen dozens lakh crore
""".split())
_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety half quarter third""".split())
_CALENDAR = frozenset(w.lower() for w in CALENDAR_NAMES)


# A note in brackets ("(USGS; Morocco's CNRST measured 7.0)") is about the source of the
# value, not the event.
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


# A claim says an event one way; news says it in others ("won 87 seats", "took 78 seats").
# A claim's word brings its group: verbs of common news events in their base forms (the
# lexicon adds the other forms). Groups are kept tight: each word stands for the event.
_GROUPS = [
    "win take secure capture clinch garner",  # (each is found in its other forms: "won", "secured")
    "kill dead die death",
    "injure wound hurt",
    "rise climb jump grow surge soar increase",
    "fall drop decline decrease slide slump",
    "cut lower reduce trim",
    "raise hike lift increase",
    "cancel scrap axe",
    "resign quit",
    "arrest detain",
    "evacuate flee displace",
    "buy acquire acquisition purchase takeover",
    "visit trip travel tour",
    "launch liftoff",
    "sign signing",
    "send ship supply deliver provide",
    "approve pass adopt",
    "sentence jail imprison",
    "appoint nominate",
    "fine penalty",
    "earn revenue sale income",
]
_KIN = {w: tuple(g.split()) for g in _GROUPS for w in g.split()}

_POSSESSIVE = re.compile(r"['’]s\Z")


def _base(word: str) -> str:
    """A plural or third-person form back to its base ("visits" -> "visit", "casualties" ->
    "casualty"); the lexicon adds the other forms of a cue."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws")):
        return word[:-1]
    return word


def _words(texts: Iterable[str]) -> set[str]:
    out = set()
    for t in texts:
        for w in _WORD.findall(t.lower()):
            w = _POSSESSIVE.sub("", w)
            out.add(w)
            out.add(_base(w))
            out.update(p for p in re.split(r"['’-]", w) if p)
    return out


def claim_cues(claim: str, known: Iterable[str]) -> list[str]:
    """The claim's own words for its event, in the claim's order, each once, with the
    words of their groups (`_GROUPS`).

    `known` holds the texts the fact already gives (anchors and their aliases, units,
    value, role, person): their words are not cues. Nor are names: a name the anchors
    do not give is another party ("munitions for Russia"), a place or a source ("(USGS)"),
    and as a cue it would tie any figure near it to the fact."""
    taken = _words(known)
    claim = _ASIDE.sub(" ", claim)
    words = list(_WORD.finditer(claim))
    out: list[str] = []
    for i, m in enumerate(words):
        word = _POSSESSIVE.sub("", m.group(0))
        if word[:1].isupper() and (i > 0 or len(words) > 1 and words[1].group(0)[:1].isupper()
                                   or word != m.group(0) or word.isupper()):
            continue  # a name (the claim's first word only in a run of capitals, or with 's)
        low = word.lower()
        if _skipped(low, taken):
            continue
        for cue in _kin(_base(low)):
            if cue not in out:
                out.append(cue)
    return out


def _kin(cue: str) -> tuple[str, ...]:
    """A cue with the words of its group, if it has one."""
    for form in sorted({cue} | base_forms(cue)):
        if form in _KIN:
            return _KIN[form]
    return (cue,)


def _skipped(low: str, taken: set[str]) -> bool:
    base = _base(low)
    return (len(low) < 3 or low in _SKIP or base in _SKIP or low in _NUMBER_WORDS or low in _CALENDAR
            or low in taken or base in taken)
