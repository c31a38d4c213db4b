"""Find number phrases in English news text and read each as an interval.

The project's one number grammar: `find_numbers` reads texts and `parse_quantity`
reads a fact's value with the same rules, minus the implicit rounding a text gets
("5 million" in a text stands for the open (4.5e6, 5.5e6); in a fact it is 5e6).

Years, days of a month, times, ordinals ("38th"), decades, labels ("page 38"),
phone numbers, seasons ("2023-24") and codes ("F-16", "COVID-19", "38 North") are
returned with ``is_count=False``, so their span is claimed and never re-read as a
count. Digits glued to letters ("G20", "MH17", "5G", "155mm") and the pronoun
"one" ("one of the", "no one", "one-time") give no mention at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from text_to_num import text2num

from checker.model import Interval

__all__ = ["NumberMention", "find_numbers", "parse_quantity"]


@dataclass(frozen=True)
class NumberMention:
    start: int            # the phrase with its modifiers, "between"/"from" and currency symbol
    end: int              # after the number, scale word, "%"/"percent" or "or more"; not the noun
    interval: Interval    # what the text claims
    modifier: str | None  # approx, upper_near, lower_near, lower_bound, upper_bound, upper_emphatic,
                          # range, vague or None
    currency: str | None  # from a symbol or code before the number ("dollar" for "$", "US$", "USD")
    percent: bool
    is_count: bool        # False for years, days, times, ordinals, labels, codes, phone numbers


_I = re.I
_SMALL = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
          r"|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
          r"|eighteen|nineteen|zero|one|two|three|four|five|six|seven|eight|nine)")
_BIG = r"(?:hundred|thousand|million|billion|trillion)"
_WORD = rf"(?:{_SMALL}|{_BIG})\b"
_AFTER_BIG = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"
# "and" continues a spelled number only after a scale word ("two hundred and five"),
# so "five and six" stays two; a comma only in "nine thousand, one hundred ...".
_WORDS = (rf"(?:a\s+(?={_BIG}\b))?{_WORD}(?:(?:[\s-]+|{_AFTER_BIG}\s+and\s+"
          rf"|(?<=thousand),\s+(?={_SMALL}[\s-]+hundred\b)){_WORD}){{0,11}}")
_FRAC = (rf"(?:(?P<fi>\d+|{_SMALL})\s+and\s+a\s+half|half\s+an?|a\s+half|(?:a|one)\s+quarter\s+of\s+a"
         rf"|three[\s-]quarters\s+of\s+a|(?P<dz>an?|{_SMALL}|\d+)(?=\s+dozen\b))[\s-]+"
         r"(?P<fs>thousand|million|billion|trillion|dozen)\b")
_VAGUE = (r"(?P<vq>several|a\s+few|a\s+couple(?:\s+of)?)\s+"
          r"(?P<vqs>dozen|hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion|trillion)\b"
          r"|(?P<vt>tens|hundreds)\s+of\s+(?P<vts>thousands|millions|billions)\b(?:\s+of\b)?"
          r"|(?P<vp>dozens|hundreds|thousands|millions|billions|trillions)\b(?:\s+of\b)?")
_TIME = (r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?"
         r"|[0-2]\d[0-5]\d\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|KST|MSK|JST|hrs)\b|\d{1,2}\s+o'clock")
# At one position the branches are tried in order: vague amounts and fractions
# first, so "half a million" is not read as "a million", nor "two dozen" as 2.
# A number starts a word, or follows a currency's letters glued to it ("Rs2 lakh", "Dh2 billion", "Sh346bn",
# "Sfr3bn", "CHF3bn").
_WORD_START = (r"(?:\b|(?<=[hs])(?:(?<=(?<![^\W\d_])(?-i:Rs|Dh|Sh))|(?<=(?<![^\W\d_])(?-i:Dhs|KSh)))"
               r"|(?<=r)(?:(?<=(?<![^\W\d_])(?-i:Sfr|SFr))|(?<=(?<![^\W\d_])(?-i:SwFr)))"
               r"|(?<=(?<![^\W\d_])(?-i:USD|EUR|GBP|JPY|CHF|CNY|RUB|INR|AUD|CAD|HKD|AED|KES)))")
_ATOM = re.compile(
    r"(?P<phone>\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)|\(\d{3}\)\s?\d{3}[-.]\d{4}\b)"
    rf"|{_WORD_START}(?:(?P<vague>{_VAGUE})|(?P<frac>{_FRAC})|(?P<time>{_TIME})"
    r"|(?P<phone2>\d{3}[-.]\d{3}[-.]\d{4})\b"
    r"|(?<!\d[.,])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\u00a0\d{3})+|\d+)(?!\d)(?:\.\d+)?)"
    rf"|(?P<words>{_WORDS}))", _I)


def _trie(words: str) -> str:
    """One regex for many words, factored by prefix: 1.6x faster than a plain alternation."""
    tree: dict = {}
    for w in words.split():
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def rx(node: dict) -> str:
        alts = "|".join(re.escape(k) + rx(v) for k, v in sorted(node.items()) if k)
        return f"(?:{alts})?" if "" in node and alts else f"(?:{alts})" if alts else ""
    return rx(tree)


# Every phrase holds a digit or one of these words: only there is the full grammar
# tried, from the earliest lead-in word ("a couple of" million). 5x faster than a scan.
_SEED = re.compile(r"(?=[\dbdefhmnostz])" + _WORD_START + r"(?:\d+|" + _trie(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety tens"
    " dozen dozens hundred hundreds thousand thousands million millions billion billions trillion"
    " trillions") + r"\b)", _I)
_LEAD = re.compile(r"(?:[+(]|\b(?:an?|half|quarter|of|several|few|couple)[\s-]+)\Z", _I)
_TAIL = re.compile(r"(?P<ord>st|nd|rd|th)\b|(?P<dec>'?s)\b|(?P<ab>[kmb]|mn|mln|bn|bln|tn|trn)\b"
                   r"|\s(?P<ab2>mn|mln|bn|bln|tn|trn)\b"
                   r"|(?:\s*|-)(?P<sw>hundred|thousand|million|billion|trillion|lakh|crore)\b", _I)
_PERCENT = re.compile(r"\s*%|[\s-]*(?:percent|per\s*cent|pct)\b", _I)
_WTOK = re.compile(rf"(?:a\s+)?{_WORD}|\band\b|,", _I)
_NOT_ONE = re.compile(r"\s+(?:of|another)\b|-[^\W\d_]", _I)
_NOT_ONE_PREV = re.compile(r"\b(?:no|any|every|each|the|this|that|which)\s+\Z", _I)
_FRACTION_NEXT = re.compile(r"[\s-]+(?:half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|eighth"
                            r"|ninth|tenth)s?)\b", _I)
_SCALES = {"k": 3, "m": 6, "mn": 6, "mln": 6, "b": 9, "bn": 9, "bln": 9, "tn": 12, "trn": 12,
           "hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "lakh": 5, "crore": 7}
# Vague amounts as (low, high) multiples of their scale: "several" is read as 2 to 9.
_VAGUE_Q = {"several": (2, 9), "few": (2, 5), "couple": (2, 3)}
_VAGUE_P = {"dozens": (24, 144), "hundreds": (200, 999), "thousands": (2000, 9999),
            "millions": (2e6, 999e6), "billions": (2e9, 999e9), "trillions": (2e12, 999e12)}

_MODS = {  # canonical name: (words, factor on the low end, factor on the high end)
    "approx": (r"about|around|roughly|approximately|some|an\s+estimated|estimated|circa"
               r"|in\s+the\s+region\s+of|(?:on|of|in)\s+the\s+order\s+of|~", "0.9", "1.1"),
    "upper_near": (r"nearly|almost|close\s+to|just\s+(?:under|below|shy\s+of)|not\s+quite|approaching",
                   "0.9", "1"),
    "lower_near": (r"just\s+(?:over|above|more\s+than)|slightly\s+(?:more\s+than|over|above)"
                   r"|a\s+little\s+(?:over|more\s+than)", "1", "1.1"),
    "lower_bound": (r"more\s+than|(?:well\s+)?(?:over|above)|at\s+least|upwards?\s+of|in\s+excess\s+of"
                    r"|exceeding|no\s+(?:fewer|less)\s+than|not\s+less\s+than|greater\s+than"
                    r"|a\s+minimum\s+of|>=?|≥", "1", "Infinity"),
    "upper_bound": (r"less\s+than|fewer\s+than|under|below|at\s+most|not?\s+more\s+than"
                    r"|a\s+maximum\s+of|up\s+to|<=?|≤", "0", "1"),
    # "as many as 5,000" stresses how many: near the top, not anywhere below it
    "upper_emphatic": (r"as\s+(?:many|much|high|large|great)\s+as", "0.6", "1"),
}
_MOD_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{v[0]})" for k, v in _MODS.items())
                         + r")\s*\Z", _I)
_MOD_AFTER = re.compile(
    r"(?P<lower_bound>\s+or\s+(?:more|above|over|higher|greater)\b|\+(?!\s*\d)"
    rf"|[\s-]+plus\b(?!\s*(?:[\d$€£]|{_SMALL}\b)))"
    r"|(?P<upper_bound>\s+or\s+(?:fewer|less|below|under)\b)|(?P<approx>\s+or\s+so\b|-odd\b)", _I)
_CURRENCY = {code: name for name, codes in {
    "dollar": "$ USD AUD CAD HKD", "euro": "€ EUR", "pound": "£ GBP", "yen": "¥ JPY", "yuan": "CN¥ CNY RMB",
    "ruble": "₽ RUB", "rupee": "₹ INR Rs", "won": "₩ KRW", "real": "R$", "franc": "CHF Sfr SFr SwFr", "lira": "₺",
    "hryvnia": "₴", "shekel": "₪", "dirham": "AED Dh Dhs", "shilling": "KES KSh Sh"}.items()
    for code in codes.split()}
_CUR_RX = (r"(?:(?<![\w$])(?:US|U\.S\.|AU?|CA?|HK|NZ|S|NT)?(?P<sym>R\$|CN¥|[$€£¥₽₹₩₺₴₪])"
           r"|(?<!\w)(?P<code>USD|EUR|GBP|JPY|CNY|RMB|RUB|KRW|INR|CHF|SwFr|S[Ff]r|AUD|CAD|HKD|AED|KES|KSh|Rs|Dhs?|Sh)\.?\s?)")
_CUR_BEFORE = re.compile(_CUR_RX + r"\s?\Z")
_SPAN_BEFORE = re.compile(r"(?<!\w)(?P<w>between|from)\s+\Z", _I)
_CONNECT = re.compile(r"(?:(?P<dash>\s*[-–—]\s*)|(?P<slash>/)|\s+(?P<w>to|and|or|through)\s+)"
                      r"(?:" + _CUR_RX + r")?", _I)

# Month names are matched case-sensitively: "may", "march" and "dec" are words too.
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
_DAYS = r"(?:\s*(?:[-–—,&]|and|to|or)\s*\d{1,2}(?:st|nd|rd|th)?){0,4}"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?{_DAYS})?"
                           r"(?:,|\s*(?:[-–—&]|and|to|or))?\s+\Z")
_MONTH_AFTER = re.compile(rf"{_DAYS}\s+(?:of\s+)?{_MONTH}")
_YEAR_PREV = re.compile(r"(?:(?<!\w)(?:in|since|of|by|from|until|till|to|before|after|during|year|an?"
                        r"|early|mid|late|the|fiscal|spring|summer|autumn|fall|winter|through)"
                        r"(?:\s+|-)|©\s*)\Z", _I)
# Beyond the comma of the rules, a bare year-like number ending a clause is a year too.
_YEAR_NEXT = re.compile(rf",\s|[.;:)!?]|\s*\Z|\s+{_MONTH}")
_LABEL_PREV = re.compile(
    r"(?:(?<!\w)(?:page|pp?\.|nos?\.|number|room|flight|route|article|section|chapter|paragraph"
    r"|para\.|vol\.|volume|episode|season|phase|level|grade|row|gate|resolution|highway|platform"
    r"|terminal|fig\.|figure|category|clause|apartment|tier|stage|item)\s*|#\s*|\b(?-i:No)\s+)\Z", _I)
_CODE_PREV = re.compile(r"(?:\b[A-Z][A-Za-z]{0,4}|\b[A-Z]{2,}[a-z]?)-\Z|(?<=\d)/\Z")
_CODE_NEXT = re.compile(r"/\d")
_PHONE_NEXT = re.compile(r"[ -]\d{3,4}[ -]\d{3,4}\b|-\d{4}\b")
# A sign glued to the number, not a dash between two numbers ("4-6") or a word ("Covid-19").
_MINUS = re.compile(r"(?:(?<![\w.,%)\]])[-\u2212]|\b(?:minus|negative)\s+)\Z", _I)
_PHONE_PREV = re.compile(r"\b0\d{2,4}[ -]\Z")
# A capitalised word right after a bare number makes a name ("38 North"); a plural
# or a nationality ("300 Americans", "5 French soldiers", a headline's "300 Shells") counts.
_NAME_NEXT = re.compile(rf"\s+(?!{_MONTH})[A-Z][a-z]*\b(?<!s)(?<!an)(?<!ese)(?<!ish)(?<!ch)(?<!i)(?!-\d)")
# ... unless capitalised words only say what kind of thing is counted and a plain noun
# follows: "40 Olympic golds", "3 Michelin stars", "33,000 Boeing factory workers",
# "411 Labour MPs" (not "the 38 North Program.").
_NAMED_KIND_NEXT = re.compile(r"(?:\s+[A-Z][a-z]+){1,3}(?:\s+[a-z]{3,})?\s+(?:[a-z]{3,}|[A-Z]{2,})s\b")
# ... or a maker and a model's number ("171 Boeing 737 MAX 9 jets", "12 Airbus A320 planes"):
# a model's own name holds at most one such number ("737 Max 9 aircraft" counts nothing).
_MODEL_KIND_NEXT = re.compile(r"(?:\s+[A-Z][A-Za-z]+){1,2}\s+(?:[A-Z]{1,3}-?)?\d{2,4}[A-Za-z]?"
                              r"(?:\s+(?:[A-Z][A-Za-z]*|\d{1,2}))*\s+[a-z]{3,}")
# A model's number and its variant ("737 MAX 9", "737 Max 8"): the first number names, not counts.
_VARIANT_NEXT = re.compile(r"\s+[A-Z][A-Za-z]*\s+\d{1,2}\b(?![.,:]\d)")
_SCI = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?[eE][+-]?\d+)\b")
_UNIT_WORDS = re.compile(r"(?:[^\W\d_]|[\s\-'./])*\Z")
_NONCOUNT = {"time", "phone", "ord", "dec", "season"}
_WINDOW = 48


class _Atom(NamedTuple):
    start: int
    end: int
    lo: Decimal
    hi: Decimal
    kind: str
    scale: Decimal | None = None   # set by a scale word: "4-6 million" shares it with the 4
    unit: Decimal | None = None    # step of the last given digit, for a text's implicit rounding
    percent: bool = False
    raw: str = ""                  # the digits as written, for the year and day rules


def _words_value(span: str) -> int | None:
    span = " ".join(span.replace(",", " ").replace("-", " ").split()).lower()
    try:
        return text2num(span[2:] if span.startswith("a ") else span, "en")
    except ValueError:
        return None


def _spelled(text: str, s: int, e: int) -> list[tuple[int, int, int]]:
    """A spelled span, split where text2num refuses it: first at "and" and commas (so "two
    hundred and three hundred" is not 203 + 100), then greedily, longest first."""
    v = _words_value(text[s:e])
    if v is not None:
        return [(s, e, v)]
    groups: list[list[re.Match]] = [[]]
    for t in _WTOK.finditer(text, s, e):
        groups[-1:] = [groups[-1], []] if t[0].lower() in ("and", ",") else [groups[-1] + [t]]
    out = []
    for g in groups:
        i = 0
        while i < len(g):  # at most 12 tokens: the regex caps the span
            for j in range(len(g), i, -1):
                if (v := _words_value(text[g[i].start():g[j - 1].end()])) is not None:
                    out.append((g[i].start(), g[j - 1].end(), v))
                    break
            i = j if v is not None else i + 1
    return out


def _atoms(text: str):
    """The numbers of `text` in order, before ranges and modifiers are joined to them."""
    pos = 0
    while seed := _SEED.search(text, pos):
        starts = [seed.start()]
        while len(starts) < 6 and (lead := _LEAD.search(text, max(pos, starts[-1] - 10), starts[-1])):
            starts.append(lead.start())
        m = next(filter(None, (_ATOM.match(text, s) for s in reversed(starts))), None)
        pos = seed.end()
        for a in _read(text, m) if m else ():
            pos = max(pos, a.end)  # a scale or percent read past the match is consumed
            yield a


def _number(num: str, exp: int | None, places: int, s: int, e: int, kind: str, text: str, raw=""):
    """The atom for num x 10**exp written with `places` decimals, with a "%" that follows it."""
    pm = _PERCENT.match(text, e)
    v = Decimal(num)
    if exp is None:
        # A percentage is rounded to its last digit ("42 per cent" of 42.31%); a count is exact.
        unit = Decimal(1).scaleb(-places) if pm else None
        return _Atom(s, pm.end() if pm else e, v, v, kind, None, unit, bool(pm), raw)
    scale = Decimal(10) ** exp
    unit = scale / Decimal(10) ** places if exp >= 3 else None  # "5 hundred" stays exact like "500"
    return _Atom(s, pm.end() if pm else e, v * scale, v * scale, kind, scale, unit, bool(pm), raw)


# Measurement units written against the number ("72km", "155mm"): the number counts them.
_GLUED_UNIT = re.compile(r"(?:km|kg|mm|cm|mph|kph|km/h|mi|ft|lbs?|kwh|mwh|gwh|kw|mw|gw|ha|sq\s?km)\b", re.I)


def _read(text: str, m: re.Match):
    """The atoms of one match of _ATOM: one, or several where a spelled span splits."""
    kind, s, e = m.lastgroup, m.start(), m.end()
    if kind in ("phone", "phone2", "time"):
        yield _Atom(s, e, Decimal(0), Decimal(0), kind[:5])
    elif kind == "vague":
        if m["vq"]:
            q = next(v for k, v in _VAGUE_Q.items() if k in m["vq"].lower())
            mult = Decimal(1)
            for w in m["vqs"].lower().split():
                mult *= 12 if w == "dozen" else Decimal(10) ** _SCALES[w]
            lo, hi = q[0] * mult, q[1] * mult
        elif m["vt"]:
            step = Decimal(10) ** (_SCALES[m["vts"][:-1].lower()] + (1 if m["vt"].lower() == "tens" else 2))
            lo, hi = 2 * step, 10 * step - 1
        else:
            lo, hi = (Decimal(x) for x in _VAGUE_P[m["vp"].lower()])
        yield _Atom(s, e, lo, hi, "vague")
    elif kind == "frac":
        head, fs = m["frac"].lower(), m["fs"].lower()
        if m["fi"]:
            frac = f"{m['fi'] if m['fi'].isdigit() else _words_value(m['fi'])}.5"
        elif m["dz"]:  # "a dozen", "two dozen"
            frac = "1" if m["dz"].lower() in ("a", "an") else m["dz"] if m["dz"].isdigit() else \
                str(_words_value(m["dz"]))
        else:
            frac = ("0.75" if head.startswith("three") else "0.25") if "quarter" in head else "0.5"
        if fs == "dozen":
            yield _number(str(Decimal(frac) * 12), None, 0, s, e, "num", text)
        else:
            yield _number(frac, _SCALES[fs], len(frac.partition(".")[2]), s, e, "frac", text)
    elif kind == "words":
        for ws, we, v in _spelled(text, s, e):
            if _FRACTION_NEXT.match(text, we) or v == 1 and text[ws:we].lower() == "one" and (
                    _NOT_ONE.match(text, we) or _NOT_ONE_PREV.search(text, max(0, ws - 12), ws)):
                continue
            a = _number(str(v), None, 0, ws, we, "words", text)
            zeros = len(str(v)) - len(str(v).rstrip("0")) if v else 0
            if zeros >= 3 and re.search(r"thousand|million|billion|trillion", text[ws:we], _I):
                # a spelled scale rounds like digits: "five hundred thousand" as 500 thousand
                step = Decimal(10) ** (3 * min(zeros // 3, 4))
                a = a._replace(scale=step, unit=step)
            yield a
    else:
        raw, t = m["num"], _TAIL.match(text, e)
        num = raw.replace(",", "").replace("\u00a0", "")
        if t and (t["ord"] or t["dec"]):
            yield _Atom(s, t.end(), Decimal(num), Decimal(num), "ord" if t["ord"] else "dec", raw=raw)
        elif (t or _PERCENT.match(text, e) or e >= len(text) or not (text[e].isalpha() or text[e] == "_")
              or _GLUED_UNIT.match(text, e)):
            # (otherwise glued to letters: a code or a unit we do not read, "G20", "5G", "155mm")
            exp = _SCALES[(t["ab"] or t["ab2"] or t["sw"]).lower()] if t else None
            yield _number(num, exp, len(num.partition(".")[2]), s, t.end() if t else e, "num", text, raw)


def _year_like(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100


def _not_count(text: str, a: _Atom, b: _Atom, floor: int, currency: str | None) -> bool:
    """Whether the bare number(s) from a to b are a label, a code, a name, a day or a year."""
    if a.kind != "num" or b.kind != "num" or b.scale is not None or b.percent or currency:
        return False
    w = max(floor, a.start - _WINDOW)
    if (_LABEL_PREV.search(text, w, a.start) or _CODE_PREV.search(text, w, a.start)
            or _CODE_NEXT.match(text, b.end) or a is b and _NAME_NEXT.match(text, b.end)
            and not _NAMED_KIND_NEXT.match(text, b.end)
            and not (_MODEL_KIND_NEXT.match(text, b.end) and not _year_like(a.raw))):
        return True
    if a is b and len(a.raw) == 3 and a.raw.isdigit() and _VARIANT_NEXT.match(text, b.end):
        return True
    if a is b and a.raw.isdigit() and len(a.raw) <= 3 and _model_number(text, max(0, a.start - _WINDOW), a.start):
        return True
    if (len(a.raw) > 1 and a.raw[0] == "0" and a.raw[1].isdigit()
            or len(a.raw) >= 3 and a.raw.isdigit() and (_PHONE_NEXT.match(text, b.end)
                                                       or _PHONE_PREV.search(text, max(0, a.start - 8), a.start))):
        return True  # "0344 493 0787", "555-0142": a phone number or a code, not a count
    if not (a.raw.isdigit() and b.raw.isdigit() and len(a.raw) <= 4 and len(b.raw) <= 4):
        return False
    month_before = _MONTH_BEFORE.search(text, w, a.start)
    if int(b.raw) <= 31 and (month_before or _MONTH_AFTER.match(text, b.end)):
        return True
    return (len(a.raw) == len(b.raw) == 4 and 1800 <= int(a.raw) and int(b.raw) <= 2100
            and bool(month_before or _YEAR_PREV.search(text, w, a.start) or _YEAR_NEXT.match(text, b.end)))


_TWO_WORDS_BEFORE = re.compile(r"(\S+)\s+(\S+)\s+\Z")
_CAPS = re.compile(r"[A-Z]{2,}[,.:;!?]*")
_MODEL = re.compile(r"[A-Z]{1,3}-?\d{2,4}[A-Za-z]?|\d{3}")  # "A320", "F-16", "737" (not a year)


def _model_number(text: str, w: int, start: int) -> bool:
    """A small number after a capitalised code names a model or an index ("737 MAX 9 jets",
    "the FTSE 100"), unless the text around is in capitals too ("KILLS MORE THAN 200");
    so does one after a model's number and name ("737 Max 9")."""
    m = _TWO_WORDS_BEFORE.search(text, w, start)
    if not m:
        return False
    before, word = m.groups()
    return bool(_CAPS.fullmatch(word) and not _CAPS.fullmatch(before)
                or _MODEL.fullmatch(before) and word[:1].isupper() and word.isalpha())


def _range(text: str, a: _Atom, b: _Atom, floor: int, strict: bool) -> _Atom | None:
    """Join "4-6 million", "between 4 and 6 million", "3 or 4 million"; None when not a range."""
    c = _CONNECT.fullmatch(text, a.end, b.start)
    if not c or {a.kind, b.kind} - {"num", "words", "frac"} or a.percent > b.percent:
        return None  # "fell 5% to 95 per dollar" is a change, not a range
    word = (c["w"] or "").lower()
    if len(a.raw) == 4 and len(b.raw) in (2, 4) and (a.raw + b.raw).isdigit() and not word:
        end = int(b.raw) + (int(a.raw) // 100 * 100 if len(b.raw) == 2 else 0)
        if 1800 <= int(a.raw) < end <= 2100:  # "2023-24", "2010-2015"
            return _Atom(a.start, b.end, Decimal(a.raw), Decimal(end), "season")
    if c["slash"] or word == "and" and _prefix(text, a, True, floor)[3] != "between":
        return None
    lo = a.lo
    if a.scale is None and b.scale is not None:
        if a.lo * b.scale <= b.lo:
            lo = a.lo * b.scale
        elif a.lo < 1000:
            lo = b.hi + 1  # "6 to 4 million": empty, not 6 to 4,000,000
    elif word == "or":
        return None  # without a shared scale "3 or 4" is two numbers
    if lo > b.hi:
        if strict:
            raise ValueError(f"empty range {text[a.start:b.end]!r}: it ends below where it starts")
        return None
    return _Atom(a.start, b.end, lo, b.hi, "range", b.scale, None, a.percent or b.percent, a.raw)


def _prefix(text: str, a: _Atom, joined: bool, floor: int):
    """(start, modifier, currency, "between"/"from" or None) of the words before atom `a`."""
    s, mod, span_word = a.start, None, None
    cur = _CUR_BEFORE.search(text, max(floor, s - 8), s)
    s = cur.start() if cur else s
    if joined and (m := _SPAN_BEFORE.search(text, max(floor, s - 12), s)):
        s, span_word = m.start(), m["w"].lower()
    for _ in range(4):  # a chain such as "as many as nearly": the closest word counts
        if not (m := _MOD_BEFORE.search(text, max(floor, s - _WINDOW), s)):
            break
        mod, s = mod or m.lastgroup, m.start()
    return s, mod, cur and _CURRENCY[cur["sym"] or cur["code"]], span_word


def _scan(text: str, strict: bool) -> list[NumberMention]:
    atoms, out, floor, i = list(_atoms(text)), [], 0, 0
    while i < len(atoms):
        a = b = atoms[i]
        i += 1
        joined = _range(text, a, atoms[i], floor, strict) if i < len(atoms) else None
        if joined:
            b, i = atoms[i], i + 1
        whole = joined or a
        if whole.kind in _NONCOUNT:
            out.append(NumberMention(a.start, whole.end, Interval(float(whole.lo), float(whole.hi)),
                                     None, None, False, False))
            floor = whole.end
            continue
        s, mod, currency, _ = _prefix(text, a, bool(joined), floor)
        e = whole.end
        if m := _MOD_AFTER.match(text, e, atoms[i].start if i < len(atoms) else len(text)):
            mod, e = m.lastgroup, m.end()  # next to the number, it beats a prefix
        mod = mod or ("range" if joined else "vague" if a.kind == "vague" else None)
        _, lo_f, hi_f = _MODS.get(mod, ("", "1", "1"))
        hi = Decimal(hi_f) if hi_f == "Infinity" else whole.hi * Decimal(hi_f)
        iv = Interval(float(whole.lo * Decimal(lo_f)), float(hi))
        if whole.unit is not None and not strict and mod in (None, "approx"):
            # Rounding to the last given digit, but never wider than 10%: "1 million"
            # is not a fair rounding of 1.4 million.
            # A percentage, at most 2%: "42 per cent" of 42.31%, but "5%" is not 5.25%.
            half = min(whole.unit / 2, whole.lo * Decimal("0.02" if whole.percent and whole.scale is None else "0.1"))
            iv = iv.hull(Interval(float(whole.lo - half), float(whole.hi + half), True, True))
        # A fact is a bare value: only its form (a time, an ordinal) makes it a non-count.
        count = strict or not _not_count(text, a, b, floor, currency)
        sign = None if joined or currency else _MINUS.search(text, max(floor, s - 12), s)
        if sign:  # "rates of -0.1%", "minus 0.1 percent"
            iv, s = Interval(-iv.hi, -iv.lo, iv.hi_open, iv.lo_open), sign.start()
        out.append(NumberMention(s, e, iv, mod, currency, whole.percent, count))
        floor = e
    return out


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every number phrase in text[start:end], in order, offsets into `text`. Mentions never overlap.

    Only text[start:end] is read, context included: the result is that of the slice
    alone, shifted by `start`.
    """
    found = _with_fractions(text if start == 0 and end in (None, len(text)) else text[start:end])
    if start == 0:
        return found
    return [NumberMention(m.start + start, m.end + start, m.interval, m.modifier, m.currency,
                          m.percent, m.is_count) for m in found]


# "half a percentage point", "a half-point cut", "a quarter point": a fraction of
# one unit, where no scale word follows (those are read by _FRAC).
_FRACTION_OF_ONE = re.compile(
    r"\b(?:(?:a|one)[\s-]+)?(?P<f>half|quarter|three[\s-]quarters?)(?:[\s-]+(?:an?|of\s+an?))?[\s-]+"
    r"(?=[a-z])(?!(?:thousand|million|billion|trillion|dozen|the|of|way|hour|time|century|decade|"
    r"year|month|week|day|its|their|his|her|our|which|that|an?)\b)", _I)


_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|the|this|that|next|previous|"
                            r"same|each|every|per|latest|fiscal)[\s-]+\Z", _I)


def _with_fractions(text: str) -> list[NumberMention]:
    found = _scan(text, False)
    if "half" not in text.lower() and "quarter" not in text.lower():
        return found
    for m in _FRACTION_OF_ONE.finditer(text):
        if any(n.start < m.end() and m.start() < n.end for n in found):
            continue
        if _PERIOD_BEFORE.search(text, max(0, m.start() - 12), m.start()) and not m.group(0)[:1].lower() in "ao":
            continue  # "first-quarter revenue", "the second half": a period, not a fraction
        f = m.group("f").lower()
        v = 0.5 if f == "half" else 0.75 if f.startswith("three") else 0.25
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(" -")))
        found.append(NumberMention(m.start(), end, Interval(v, v), None, None, False, True))
    return sorted(found, key=lambda n: n.start)


def parse_quantity(text: str, words=None) -> Interval:
    """Read a fact's value: one number phrase, maybe with a currency before and unit words after.

    Modifiers apply; implicit rounding does not ("5 million" is exactly 5e6). Also
    reads "5e6" and the closed intervals "4.5e6..5e6" and "4500000..5000000".

    `words`, when given, is the set of lowercase words allowed after the number
    (the fact's units): "5 million shells" reads, "5 gazillion" does not.

    Raises:
        ValueError: the text is not one number phrase, or it is an empty range.
    """
    if ".." in text:
        left, _, right = text.partition("..")
        try:
            lo, hi = parse_quantity(left, words), parse_quantity(right, words)
        except ValueError:
            raise ValueError(f"cannot read {text!r} as a number") from None
        if lo.lo > hi.hi:
            raise ValueError(f"empty range {text.strip()!r}: it ends below where it starts")
        return Interval(lo.lo, hi.hi)
    plain = _SCI.sub(lambda m: format(Decimal(m[1]), "f"), text.strip())
    found = _scan(plain, True)
    if (len(found) != 1 or found[0].start != 0 or not found[0].is_count
            or not _UNIT_WORDS.match(plain, found[0].end)):
        raise ValueError(f"cannot read {text!r} as a number")
    if words is not None:
        extra = [w for w in re.findall(r"[^\W\d_]+", plain[found[0].end:].lower()) if w not in words]
        if extra:
            raise ValueError(f"cannot read {text!r} as a number ('{extra[0]}' is not a unit of this fact)")
    iv = found[0].interval
    if iv.lo == float("inf") or iv.hi == float("inf") and found[0].modifier != "lower_bound":
        raise ValueError(f"cannot read {text!r} as a number (too large)")
    return iv
