"""Who a sentence says holds a role: the name next to the role, set off by commas, or linked by a verb.

"Defense Minister Jane Doe"; "Ruritania's defense minister, John
Roe,"; "Jane Doe, Ruritania's defence minister,"; "The home secretary
is Jane Doe"; "Jane Doe became (was sworn in as, took charge as) Ruritania's
prime minister"; "Doe named John Roe as chancellor"; "the cabinet includes
A as chancellor, B as foreign secretary"; "A, who replaced B as minister"
(A holds the role, B is a former holder and is not read); "handed the role
of chief executive to A"; "Deputy Prime Ministers A and B"; "Ministers A of
Ruritania and B of Sylvania" and "the ministers of Ruritania and Sylvania,
A and B" (each name with its own qualifier). A name linked in the past or
future tense ("X was defence minister", "X will become ...") or listed with
others is not firm enough to contradict a fact.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import ANCHOR
from ..values.names import NameSpan, read_name

# A hard-wrapped source breaks lines anywhere inside a sentence.
_SPACE = " \u00a0\n\r\t"
_DETERMINERS = frozenset("the a an its their his her our".split())
_APPOSITIVE_END = re.compile(r"\s*(?:[,.;:)]|$|and\b)")
_NAME = r"((?:[A-Z][\w'\-]*\.?\s+){0,3}[A-Z][\w'\-]*)"
# "Jane Doe, who ...", "Jane Doe, the former Sylvanian minister who ...",
# "Jane Doe, the former club captain, was ...": the subject before its verb.
# (An aside that ends in a name before "who" is about that name: "the mother of Jane Doe who ...".)
# "Jane Doe of the Liberal Party is ...": her party is an aside too.
_INTRO = (r"(?:\s+of\s+the\s+(?:[a-z][\w'\-]*\s+){0,2}[A-Z][\w'\-]*(?=[\s,]))?(?:,\s+\d{1,3},?(?=\s))?"
          r"(?:,\s+who|,\s+who\s+[^,;]{1,80}?,|,\s+(?:the|a|an)\s+(?:[\w'\-]+\s+){0,7}?[\w'\-]+,|"
          r",\s+(?:the|a|an)\s+(?:[\w'\-]+\s+){0,7}?[a-z][\w'\-]*\s+who)?")
_LINK_AFTER = re.compile(r"\s+(is|remains|will\s+be|was|had\s+been)\s+(?=[A-Z])")
_LINK_BEFORE = re.compile(
    _NAME + _INTRO + r"(?:\s+|,\s+(?=sworn\s|appointed\s|named\s))(?:has\s+|had\s+|will\s+)?"
    r"(become|became|becomes|is|was|remains|remain|is\s+now|be|has\s+become|been|"
    r"(?:was\s+|been\s+)?re-?elected|been\s+elected|serves\s+as|served\s+as|to\s+serve\s+as|"
    r"(?:is|becomes|became|was)\s+the\s+(?:first|second|third|youngest|oldest)\s+(?:[\w\-]+\s+){1,3}?"
    r"(?:to\s+serve\s+as|to\s+become|to\s+be|to\s+hold\s+the\s+(?:post|office|job)\s+of)|"
    r"was\s+named|was\s+appointed|was\s+confirmed\s+as|was\s+elected|was\s+made|was\s+installed\s+as|"
    r"was\s+unveiled\s+as|(?:was\s+)?sworn\s+in\s+as|took\s+(?:over|charge|office)\s+as|"
    r"takes\s+(?:over|charge|office)\s+as|taken\s+(?:over|charge|office)\s+as|"
    r"(?:came|comes|come)\s+back\s+as|(?:returned|returns|return)\s+as|"
    r"won\s+(?:a|his|her)\s+(?:[\w\-]+\s+)?term\s+as|"
    r"been\s+named|been\s+appointed|named|appointed|as)"
    r"\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+|their\s+)?(?:new\s+|current\s+)?$")
_ROLE_VERBS = frozenset("chairs heads leads".split())
_MOTION = re.compile(r"\s+(?:to|into|for|towards?|back|home|off|out|up|down|the\s+(?:polls|race|field|list|table|way))\b")
_AGE_AFTER = re.compile(r",\s+\d{1,3}$")
_FUTURE = re.compile(r"\bwill\s+\w+\s+$|\bwill\s+(?:be|become)\b")
# Links that say the person holds the role now (a past appointment included:
# "was sworn in as", "who became"); "was" and "served as" speak of the past.
_FIRM_LINK = re.compile(r"is|remains|is now|becomes|become|became|has become|was (?:named|appointed|made)"
                        r"|(?:is|becomes|became) the .*"
                        r"|was (?:confirmed|installed|unveiled) as|(?:was )?sworn in as|took .*|taken .*"
                        r"|(?:came|comes|come) back as|(?:returned|returns|return) as"
                        r"|won .*|been (?:named|appointed)|named|appointed$")
# "A replaced B as minister", "A, who succeeded B as minister": A holds it.
_SUCCESSION = re.compile(
    _NAME + _INTRO + r"\s+(?:has\s+|had\s+)?(?:replaced|replaces|succeeded|succeeds|took\s+over\s+from|"
    r"takes\s+over\s+from)\s+(?:[A-Z][\w'\-]*\.?\s+){1,4}(?:(?:van|von|de|der|den|da|di|du|la|le|al|el|bin)\s+"
    r"(?:[A-Z][\w'\-]*\.?\s+){1,2})?as\s+"
    r"(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:new\s+)?$"
    r"|(?:was|has\s+been|had\s+been)\s+(?:replaced|succeeded)\s+by\s+" + _NAME + r"\s+as\s+(?:the\s+)?(?:new\s+)?$")
# "named Jane Doe as chancellor", "appointed John Roe defence minister".
_APPOINTED = re.compile(
    r"\b(?:named|names|appointed|appoints|made|makes|installed|installs)\s+"
    + _NAME + r"\s+(?:as\s+)?(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:new\s+)?$")
# The verbs that make "A as chancellor" a statement that A holds the role.
# A pick or a nomination ("picked A as defence secretary") is not an appointment yet.
_APPOINTING = frozenset("includes include including named names appointed appoints installed installs "
                        "keeps retains".split())
_AS_ITEM = re.compile(_NAME + r"\s+as\s+[\w'\- ]+?(?:,\s+and|,|\s+and)$")
# "A was appointed foreign minister in March and named deputy prime minister": A, for both.
_AND_VERB = re.compile(r"\band\s+(?:was\s+|has\s+been\s+)?(?:named|appointed|made|elected|became)\s+(?:as\s+)?$")
_SUBJECT_VERB = re.compile(_NAME + r"\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:named|appointed|made|elected|"
                           r"became|becomes)\b")
# "handed the role of chief executive to Jane Doe": she holds it now.
_HANDED_BEFORE = re.compile(r"\b(?:handed|hands|handing|passed|passes|passing)\s+(?:over\s+)?(?:the\s+|his\s+|her\s+)?"
                            r"(?:role|post|job|title|position|reins)\s+(?:of\s+)?(?:the\s+)?$")
_HANDED_AFTER = re.compile(r"\s+(?:over\s+)?to\s+(?=[A-Z])")
# Words between an appositive's comma and its role: "the country's newly elected", "now".
_OWNER = (r"(?:country|nation|state|party|company|government|firm|group|bank|agency|club|team|league|city|"
          r"union|board|committee|council|ministry|network|airline|carrier|regulator|organisation|organization)'s\s+")
_MODIFIER = (r"(?:newly|recently|long-serving|veteran|current|new|elected|appointed|incumbent|outgoing"
             r"|\d+(?:st|nd|rd|th)|\d+-year-old|(?:co-?)?founder\s+and|chair(?:man|woman)?\s+and)\s+")
# "Nvidia's", "the RN's": a named owner of the role, written before it
_NAMED_OWNER = r"(?:[A-Z][\w.'\-]*\s+){0,3}[A-Z][\w.'\-]*['’]s\s+"
_MODIFIERS_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:(?:(?:now|currently)\s+)?(?:(?:the|a|an)\s+)?(?:{_OWNER}|{_NAMED_OWNER})(?:{_MODIFIER})*"
    rf"|(?:(?:now|currently)\s+)?(?:(?:the|a|an)\s+)?(?:{_MODIFIER})+|(?:now|currently)\s+)$")
# An appointment made by someone not yet in office takes effect later.
_NOT_YET = re.compile(r"-(?:elect|designate)\b", re.I)
_SUBORDINATORS = frozenset("when since before after until once while if unless though although".split())
_FORMER = frozenset("replace replaced replaces replacing succeed succeeded succeeds succeeding "
                    "oust ousted ousts".split())
_RIGHT_QUALIFIER = re.compile(
    r"\s*\b(?:of|for|at|with|to|in)\s+(?:the\s+)?((?:[A-Z0-9][\w.'\-]*(?:\s+|(?=[,.;:)]|$)))+)")
_OF_THE = re.compile(r"\s*\bof\s+(?:the\s+)?")
_QUALIFIER_LIST = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)*)"
                             r"((?:,\s+(?:the\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)*)*,?\s+and\s+"
                             r"(?:the\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)*)")


@dataclass(frozen=True)
class Reading:
    """Names given for one role occurrence: whether they are firm enough to
    contradict, and the qualifier each carries of its own ("A of Ruritania")."""
    names: tuple[NameSpan, ...]
    firm: bool
    own: tuple[tuple[int, int] | None, ...] = ()
    how: str = ""


def word_before(view, pos: int) -> tuple[str, int]:
    """The word ending just before `pos` (skipping spaces), and its start."""
    text = view.text
    i = pos
    if i > 0 and text[i - 1] == "-":
        i -= 1
    else:
        while i > view.start and text[i - 1] in _SPACE:
            i -= 1
    m = re.search(r"[\w'.\-]+$", text[max(view.start, i - 40):i])
    if not m:
        return "", i
    return m.group(0), i - len(m.group(0))


def qualifier_after(view, pos: int) -> tuple[int, tuple[int, int] | None]:
    """'of Ruritania', 'with the Asia Program at the Policy Center' from `pos`: where it ends, and its span."""
    end, first = pos, None
    while True:
        m = _RIGHT_QUALIFIER.match(view.text, end, view.end)
        if not m:
            break
        first = m.start(1) if first is None else first
        end = m.end(1)
    if first is None:
        # a lowercase name the fact base knows: "prime minister of the eastern administration"
        m = _OF_THE.match(view.text, pos, view.end)
        hit = m and next((h for h in view.hits if h.category == ANCHOR and h.start == m.end()), None)
        return (hit.end, (hit.start, hit.end)) if hit else (pos, None)
    while end > pos and view.text[end - 1] in _SPACE:
        end -= 1
    return end, (first, end)


def holders(view, start: int, end: int, left, right_end: int, known: KnownNames) -> Reading:
    """The names given for the role occurrence at `start:end` (its qualifiers `left`, up to `right_end`)."""
    plural = view.text[end - 1:end].lower() == "s"
    if plural:
        listed = _respectively(view, end, known) or _listed(view, right_end, known)
        if listed:
            return listed
    first, firm, how = _person(view, start, end, left, right_end, known)
    if first is None:
        return Reading((), False)
    return Reading((first,), firm, (None,), how)


def _listed(view, pos: int, known: KnownNames) -> Reading | None:
    """"Deputy Prime Ministers A, B and C": any of them, none for sure; "Ministers A
    of Ruritania and B of Sylvania": each for its own qualifier."""
    if view.text[pos:pos + 1] != " ":
        return None
    name = _name_at(view, pos + 1, known)
    names, own = [], []
    while name is not None:
        q_end, q = _own_qualifier(view, name.end)
        names.append(name)
        own.append(q)
        m = re.match(r",\s+(?:and\s+)?|\s+and\s+", view.text[q_end:view.end])
        name = _name_at(view, q_end + m.end(), known) if m else None
    if len(names) < 2:
        return None  # one name after "Managers": read as after any role
    return Reading(tuple(names), all(own), tuple(own), "list")


def _own_qualifier(view, pos: int) -> tuple[int, tuple[int, int] | None]:
    m = re.match(r"\s+of\s+(?:the\s+)?", view.text[pos:view.end])
    if not m:
        return pos, None
    q = read_name(view.text, pos + m.end(), view.end, titles=False)
    return (q.end, (q.start, q.end)) if q else (pos, None)


def _respectively(view, pos: int, known: KnownNames) -> Reading | None:
    """"The defence ministers of Ruritania and Sylvania, A and B": in order."""
    m = _QUALIFIER_LIST.match(view.text, pos, view.end)
    if not m or not view.text.startswith(", ", m.end()):
        return None
    spans = [(m.start(1), m.end(1))]
    for q in re.finditer(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)*)", m.group(2)):
        spans.append((m.start(2) + q.start(1), m.start(2) + q.end(1)))
    names, at = [], m.end() + 2
    while len(names) < len(spans):
        name = _name_at(view, at, known)
        if name is None:
            return None
        names.append(name)
        sep = re.match(r",\s+(?:and\s+)?|\s+and\s+", view.text[name.end:view.end])
        if sep is None:
            break
        at = name.end + sep.end()
    if len(names) != len(spans):
        return None
    return Reading(tuple(names), True, tuple(spans), "respectively")


class KnownNames:
    """The names of the fact's people, found by their first and last two letters
    rather than tried one by one (a role can have hundreds of holders in a fact base)."""

    def __init__(self, persons: Iterable[str]):
        self.persons = tuple(dict.fromkeys(p for p in persons if p))
        self._starts: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._ends: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._short: list[tuple[int, str]] = []  # one-letter "names": tried everywhere
        for i, person in enumerate(self.persons):
            if len(person) < 2:
                self._short.append((i, person))
            else:
                self._starts[person[:2]].append((i, person))
                self._ends[person[-2:]].append((i, person))

    def at(self, text: str, pos: int) -> str | None:
        """The first known name that starts at `pos` and ends a word."""
        found = [ip for ip in (*self._starts.get(text[pos:pos + 2], ()), *self._short)
                 if text.startswith(ip[1], pos) and not text[pos + len(ip[1]):pos + len(ip[1]) + 1].isalnum()]
        return max(found, key=lambda ip: (len(ip[1]), -ip[0]))[1] if found else None  # "Kim Jong-un", not "Kim"

    def ending(self, text: str, end: int, floor: int) -> str | None:
        """The first known name that ends at `end`, starts a word and starts at or after `floor`."""
        found = []
        for i, person in (*self._ends.get(text[max(0, end - 2):end], ()), *self._short):
            start = end - len(person)
            if start >= floor and text.startswith(person, start) and not text[start - 1:start].isalnum():
                found.append((i, person))
        return max(found, key=lambda ip: (len(ip[1]), -ip[0]))[1] if found else None


def _name_at(view, pos: int, known: KnownNames) -> NameSpan | None:
    """A name starting at `pos`; a name the fact base knows is taken whole ("Bo Lan"), unless
    the text's name runs on past it ("Sheikh Mohamed bin Zayed Al Nahyan", for the alias
    "Sheikh Mohamed bin Zayed")."""
    person = known.at(view.text, pos)
    read = read_name(view.text, pos, view.end)
    if person is not None and (read is None or read.end <= pos + len(person)):
        return NameSpan(pos, pos + len(person), person)
    return read


def _known_ending(view, end: int, known: KnownNames) -> NameSpan | None:
    person = known.ending(view.text, end, view.start)
    return NameSpan(end - len(person), end, person) if person is not None else None


def _name_ending(view, m, group: int, known: KnownNames) -> NameSpan | None:
    """The name a pattern captured, if it reads whole."""
    s, e = view.start + m.start(group), view.start + m.end(group)
    name = _known_ending(view, e, known) or read_name(view.text, s, e)
    return name if name and name.end == e else None


def _person(view, start: int, end: int, left, right_end: int,
            known: KnownNames) -> tuple[NameSpan | None, bool, str]:
    text = view.text
    # "Defense Minister Jane Doe"
    if text[right_end:right_end + 1] in _SPACE and right_end < view.end:
        name = _name_at(view, right_end + 1, known)
        if name:
            return name, True, "after"
    # "Archbishop of Paris Laurent Ulrich": a known name closing the qualifier, after a place
    # the fact base knows (an unknown one may be the qualifier's own words: "of Vietnam's
    # Communist Party")
    name = _known_ending(view, right_end, known) if right_end > end else None
    if name is not None and any(h.category == ANCHOR and end < h.end and not text[h.end:name.start].strip()
                                for h in view.hits):
        return name, True, "after"
    # "Ruritania's defense minister, John Roe," / "the head of the state railway, Ann Smith."
    if text[right_end:right_end + 1] == "," and text[right_end + 1:right_end + 2] in _SPACE and right_end + 1 < view.end:
        name = _name_at(view, right_end + 2, known)
        if name and _APPOSITIVE_END.match(text, name.end):
            # "the ministers, Jane Doe and John Roe,": one of several
            return name, not re.match(r"\s+and\s+[A-Z]", text[name.end:view.end]), "appositive"
    # "The home secretary is Jane Doe"
    link = _LINK_AFTER.match(text, right_end, view.end)
    if link:
        name = _name_at(view, link.end(), known)
        if name:
            return name, " ".join(link.group(1).split()) in ("is", "remains"), "link"
    pos = left[0] if left else start
    modifiers = _MODIFIERS_BEFORE.search(text[view.start:pos])
    if modifiers:
        pos = view.start + modifiers.start()
    word, wstart = word_before(view, pos)
    if word.lower() in _DETERMINERS:
        pos = wstart
    before = text[view.start:pos].rstrip(_SPACE)
    # "handed the role of chief executive to Jane Doe" ("to Jane Doe" is no qualifier)
    handed = _HANDED_AFTER.match(text, end, view.end)
    if handed and _HANDED_BEFORE.search(before + " "):
        name = _name_at(view, handed.end(), known)
        if name:
            return name, True, "handed"
    # "Jane Doe, Ruritania's defence minister," / "Bo Lan, the country's newly elected president"
    if before.endswith(","):
        comma = view.start + len(before) - 1
        age = _AGE_AFTER.search(before[:-1])  # "Stockton Rush, 61, the chief executive"
        if age:
            comma = view.start + age.start()
        m = re.search(_NAME + r"$", text[view.start:comma])
        name = _known_ending(view, comma, known)
        if name is None and m:
            name = read_name(text, view.start + m.start(1), comma)
        if name and name.end == comma:
            return name, True, "apposed"
    # "Jane Doe, who chairs the board": the role's noun as the verb of its holder
    if text[start:end].lower() in _ROLE_VERBS and not _MOTION.match(text, end, view.end):
        m = re.search(_NAME + r"(?:,\s+who)?$", before)
        name = _name_ending(view, m, 1, known) if m else None
        if name is not None:
            return name, True, "verb"
    name, firm, how = _linked(view, before + " ", known)
    if name is not None and word_before(view, name.start)[0].lower() in _SUBORDINATORS:
        firm = False  # "When Jane Doe became prime minister, ...": a past event, not who holds it now
    return name, firm and not _NOT_YET.search(before), how


def _linked(view, before: str, known: KnownNames) -> tuple[NameSpan | None, bool, str]:
    """A name tied to the role by a verb before it ("Jane Doe became ...", "A replaced B as ...")."""
    m = _SUCCESSION.search(before)
    if m:
        name = _name_ending(view, m, 1 if m.group(1) else 2, known)
        if name:
            return name, True, "succession"
    m = _APPOINTED.search(before)
    if m:
        name = _name_ending(view, m, 1, known)
        if name:
            return name, True, "appointed"
    m = _AND_VERB.search(before)
    if m:
        k = _SUBJECT_VERB.search(before[:m.start()])
        name = _name_ending(view, k, 1, known) if k else None
        return name, False, "link"
    m = _LINK_BEFORE.search(before)
    if not m:
        return None, False, ""
    prior, _ = word_before(view, view.start + m.start(1))
    if prior.lower() in _FORMER:
        return None, False, ""  # "replaced John Roe as defence minister": a former holder
    name = _name_ending(view, m, 1, known)
    if name is None:
        return None, False, ""
    verb = " ".join(m.group(2).split())
    if _FUTURE.search(m.group(0)):
        return name, False, "link"  # "Jane Doe will become ...": not yet
    if verb == "as":
        return name, _governing_verb(before[:m.start(1)]) in _APPOINTING, "link"
    return name, bool(_FIRM_LINK.fullmatch(verb)), "link"


def _governing_verb(head: str) -> str:
    """The verb before a list of "A as chancellor, B as foreign secretary and C as"."""
    head = head.rstrip()
    while (k := _AS_ITEM.search(head)) is not None:
        head = head[:k.start()].rstrip()
    return head.split()[-1].lower() if head.split() else ""
