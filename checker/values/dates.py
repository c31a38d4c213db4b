"""Find date expressions in English news text and resolve them to intervals of days.

The one date grammar of the project: `find_dates` reads texts ("June 18-19",
"last September", "first in 24 years", "for about four decades") against the
source's publication date, and `parse_date_value` reads a fact's value with the
same rules. Values are closed intervals of day ordinals at the precision the
text gives ("2000" is the whole year). No date library: none reads ranges,
tense-dependent weekdays or "N years ago" well enough (shared/LIBRARIES.md).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..model import DateValue, Interval
from . import calendar_words as W


@dataclass(frozen=True)
class DateMention:
    """One date expression: its span in the text and what it says."""

    start: int
    end: int
    value: DateValue
    marker: str | None  # None, "since", "first_since", "first_in", "ago", "after" or "for"
    relative: bool  # the value depended on the reference date
    yearless: bool  # no year and no reference date: the value is a year-2000 placeholder


class _Skip(ValueError):
    """Why a candidate is not a date; reaches the caller only when reading a fact."""


_MIN, _MAX, _DAY1 = dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.timedelta(days=1)
_PLACEHOLDER = 2000  # a leap year, so a yearless "Feb. 29" survives

# --- grammar: each piece is a regex without capturing groups ----------------------
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%:]|[.,]\d)"
_ORDINAL_DAY = {w: i for i, w in enumerate(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second
    twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth
    thirtieth thirty-first""".split(), 1)}
_ORDINAL_WORDS = "|".join(sorted((w.replace("-", "[\\s-]") for w in _ORDINAL_DAY), key=len, reverse=True))
_YEAR = (r"(?<![\w$£€¥#.,/])(?:1[89]\d\d|20\d\d|2100)"
         r"(?![\w%]|[.,]\d|\s*(?:percent|per\s+cent)\b|\s+(?:million|billion|thousand|hundred)\b)")
_MON = rf"(?:{W.MONTH_FULL_RE}|{W.MONTH_ABBR_RE})"
_BARE, _WD = W.MONTH_BARE_RE, W.WEEKDAY_RE
_CONN = r"(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till|and)\s+)"
_YTAIL = rf"(?:,?\s+(?:of\s+)?{_YEAR})"
_KINDS = {  # the first alternative that matches wins, so longer forms come first
    "iso": r"(?<![\w.,/-])(?:1[89]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])",
    # "12.7.2024": day, month, year with dots, as much of Europe writes them
    "dotted": r"(?<![\w.,/-])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:1[89]\d\d|20\d\d)(?![\w-]|\.\d)",
    "yrange": rf"{_YEAR}\s*[-–—]\s*(?:1[89]\d\d|20\d\d|2100|\d\d)(?![\w%-]|[.,]\d)",
    "decade": r"(?:[Tt]he\s+)?(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(?<![\w$])(?:1[89]|20)\d0s\b",
    "part": (r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)|(?:[Tt]he\s+)?(?:(?:very\s+)?(?:start|beginning|end|middle)"
             r"|(?:first|second|latter)\s+half|(?:first|second|third|fourth|last|final)\s+quarter)\s+of\s+)"
             rf"(?:{_BARE}{_YTAIL}?|{_YEAR}|(?:this|next|last)\s+(?:year|month))"),
    "season": rf"(?:[Tt]he\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?\s+{_YEAR}",
    # "on New Year's Day", "Christmas Eve 2023": a day of the calendar by its name
    "holiday": rf"{W.HOLIDAY_RE}(?![\w’'-]|\s+(?:[Pp]arty|[Mm]arket|[Ss]ales?|[Tt]ree|[Cc]ard|[Ss]hopping|[Mm]essage|[Ss]peech|[Hh]onours|[Ll]ist)\b)(?:,?\s+{_YEAR})?",
    "md": rf"(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?",
    "ddm": rf"{_DAY}{_CONN}{_DAY}(?:\s+of)?\s+{_MON}{_YTAIL}?",
    "dm": rf"(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}{_YTAIL}?",
    # "on the second of May", as people say it in quotes
    "dmw": rf"the\s+(?:{_ORDINAL_WORDS})\s+of\s+{_MON}{_YTAIL}?",
    "mmy": rf"{_BARE}{_CONN}{_BARE}{_YTAIL}",
    "my": rf"{_MON}{_YTAIL}",
    "rel": (r"(?<!USA )(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b"
            r"|(?:[Tt]his|[Ll]ast)\s+(?:morning|afternoon|evening|night)\b|(?<!the )(?<!The )"
            r"(?:[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|[Pp]ast|[Cc]oming)\s+"
            rf"(?:week(?:end)?\b|month\b|year\b|{_BARE}|{_WD})"),
    "ycomma": rf"{_YEAR}(?=,(?!\s*\d))",  # "In March, 2017, ..." or "2017, when ..."
    "wd": rf"{_WD}(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|People)\b)",  # newspapers
    # a bare month only after a context word or as a range end, and not "in
    # December of that year", which hangs on another date of the text
    "mon": rf"{_BARE}(?!,?\s+(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+previous)\s+year)",
    "year": _YEAR,  # likewise
    # "on the 24th": a day of the month the publication date is in, or the next or last
    "nth": (r"the\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)\b(?![-\w])(?!\s+of\b)"  # not "the 24th minute"
            r"(?!\s+(?!(?:for|and|or|to|at|in|on|when|as|but|with|after|before|until|till|through|is|was|will"
            r"|would|he|she|they|we|i|it)\b)[a-z])"),
    "day": rf"{_DAY}(?:,?\s+{_YEAR})?(?!{W.COUNT_NOUN_RE})",  # only as a range end; not "and 20 people"
}
_ALONE = "iso dotted yrange decade part season holiday md ddm dm dmw mmy my rel ycomma wd".split()
_AFTER_CONTEXT = _ALONE[:-2] + ["wd", "mon", "year", "nth"]
_AS_END = "iso dotted md dm my wd mon year day".split()
_WHOLE = {"decade", "season", "part", "rel"}
_Q = (r"(?i:(?P<qlead>for|in|(?:over|during|within)(?=\s+the\s))(?:\s+the\s+(?P<past>past|last))?\s+)?"
      rf"(?i:(?P<mod>{W.MODIFIER_RE})\s+)?(?i:(?P<n>{W.COUNT_RE})[-\s]+(?P<unit>{W.UNIT_RE})(?:(?P<ago>\s+ago\b)|(?P<after>\s+after\b))?)")


def _alts(prefix: str, kinds: list[str]) -> str:
    return "|".join(f"(?P<{prefix}{k}>{_KINDS[k]})" for k in kinds)


# A candidate starts at a word, not inside a number, a price or a code.
_SCAN = (rf"(?<![\w$£€¥#./'’-])(?<!\d,)(?:(?P<q>{re.sub(r'[(][?]P<[a-z]+>', '(?:', _Q)})"
         rf"|(?P<lead>{W.CONTEXT_RE})\s+(?:{_alts('a_', _AFTER_CONTEXT)})|{_alts('b_', _ALONE)})")
# Every date holds an anchor word within _REACH characters of its start, so the
# costly grammar runs only near anchors (twice as fast on news text as scanning it all).
_REACH = 64
_NEAR = re.compile(rf"(?s:.){{0,{_REACH}}}?{_SCAN}")
_ANCHOR = re.compile(W.ANCHOR_RE)
_QPARTS = re.compile(_Q)
_TAIL = re.compile(rf"{_CONN}(?:{_alts('t_', _AS_END)})")
_TOKEN = re.compile(rf"(?P<mon>{_MON})|(?P<wd>{_WD})|(?P<num>\d+)")
_AND = re.compile(r"\band\b")
# "first" within six words before "since X" or "in N years"; not "First Deputy ..."
# "first" and superlatives: "the strongest quake in 25 years" is the first that strong.
_FIRST = re.compile(r"(?:\b[Ff]or\s+the\s+first\s+time|\b(?:first(?:-ever)?|(?:strong|bigg|larg|deadl|high|low|heav"
                    r"|hott|cold|wett|dri|fast|slow|long|short|great|weak|small|bus|warm|sever)i?est|worst|best"
                    r"|most\s+(?:powerful|severe|destructive|serious|intense|violent)))((?:\s+[\w'’-]+){0,10}?)\s+$",
                    re.I)
_COUNT_NOUN = re.compile(W.COUNT_NOUN_RE)
_COUNTED = re.compile(r"\s+(?:people|men|women|children|staff|personnel|troops|soldiers|workers|employees|jobs|"
                      r"members|residents|passengers|homes|houses|lives|seats|votes|units|shells|rounds)\b")
_STOP = re.compile(r"(?<!\b[A-Za-z])[.!?;]\s|\n[ \t]*\n")  # "a.m. Wednesday" and "U.S. troops" go on; a hard wrap too
_TENSE = re.compile(rf"(?P<f>{W.FUTURE_RE})|(?P<p>{W.PAST_RE})")
_AUX_GAP = re.compile(r"(?:\s+(?:to|be|been|have|has|not)\b)*\s+")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_CONTEXT = re.compile(rf"{W.CONTEXT_RE}?\s*")
_PART_HEAD = re.compile(r"(?i)(?:the\s+)?(?:very\s+)?"
                        r"(early|mid|late|start|beginning|middle|end|\w+\s+(?:half|quarter))?[-\s]*(?:of\s+)?")


# --- calendar arithmetic -----------------------------------------------------------
def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _period(y: int, m: int | None = None, d: int | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of a year, a month or a day."""
    for what, v, top in (("year", y, 9999), ("month", m, 12), ("day", d, 31)):
        if v is not None and not 1 <= v <= (top if what != "day" else _month_end(y, m).day):
            raise _Skip(f"{what} out of range")
    if m is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return (dt.date(y, m, d),) * 2 if d else (dt.date(y, m, 1), _month_end(y, m))


def _shift(d: dt.date, months: int) -> dt.date:
    """d moved by whole months, kept inside its month and inside the calendar."""
    k = d.year * 12 + d.month - 1 + months
    if not 12 <= k < 120000:
        return _MIN if k < 12 else _MAX
    y, m = divmod(k, 12)
    return dt.date(y, m + 1, min(d.day, _month_end(y, m + 1).day))


def _back(ref: dt.date, amount: float, base: str) -> dt.date:
    """ref minus a time in days, months or years (whole units by the calendar)."""
    whole = int(amount) if base != "d" else 0
    d = _shift(ref, -whole * (12 if base == "y" else 1))
    days = round((amount - whole) * {"d": 1, "m": 30.44, "y": 365.2425}[base])
    return d - dt.timedelta(days=min(days, d.toordinal() - 1))


def _slice(lo: dt.date, hi: dt.date, a: float, b: float) -> tuple[dt.date, dt.date]:
    """The part (a, b) of a period: in months for years and decades, in days for a month."""
    years = (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31)
    n = (hi.year - lo.year + 1) * 12 if years else (hi - lo).days + 1
    i, j = int(a * n), max(int(a * n), -int(-b * n) - 1)
    if years:
        last = _shift(lo, j)
        return _shift(lo, i), _month_end(last.year, last.month)
    return lo + dt.timedelta(days=i), lo + dt.timedelta(days=j)


# --- reading the pieces --------------------------------------------------------------
_DECLARED = re.compile(r"\b(?:declared|declares|declare|proclaimed|proclaims|designated|designates)\s+\Z", re.I)
# What a day is declared to be, right after it ("declared Monday a day of national mourning")
DECLARED_AS = re.compile(r"\s+(?:as\s+)?(?:a|an)\s", re.I)


def _tense(text: str, s: int, e: int, lo: int, hi: int) -> str | None:
    """'past', 'future' or None: the tense marker nearest before the date in its
    sentence, else the first after it ("reported Monday", "will visit on Tuesday")."""
    head, tail = text[max(lo, s - 250):s], text[e:min(hi, e + 250)]
    if _DECLARED.search(head) and DECLARED_AS.match(tail):
        return "future"  # "declared Monday a day of national mourning": a day still to come
    cut, stop = [m.end() for m in _STOP.finditer(head)], _STOP.search(tail)
    before = [t for t in _TENSE.finditer(head, cut[-1] if cut else 0)
              if t.lastgroup == "f" or t.group() not in W.NOT_PAST]
    if before:  # "will be held", "is scheduled to be hosted": the auxiliary rules the participle
        aux = [t for t in before[-3:-1]
               if t.lastgroup == "f" and _AUX_GAP.fullmatch(head, t.end(), before[-1].start())]
        return "future" if before[-1].lastgroup == "f" or aux else "past"
    for t in _TENSE.finditer(tail, 0, stop.start() if stop else len(tail)):
        if t.lastgroup == "f" or t.group() not in W.NOT_PAST | W.ATTRIBUTION:
            return "future" if t.lastgroup == "f" else "past"
    return None


def _parts(kind: str, s: str) -> list[dict]:
    """Year (y), month (m), day (d) and weekday (w) named in an atom; a second
    dict starts where a part repeats ("18-19 June" -> {d: 18}, {d: 19, m: 6})."""
    if kind == "iso":
        return [dict(zip("ymd", map(int, s.split("-"))))]
    if kind == "dmw":
        word = re.match(r"the\s+(\S+(?:[\s-]\S+)?)\s+of\s+", s).group(1).lower().replace(" ", "-")
        rest = _parts("dm", s[s.lower().index(" of ") + 4:].strip())
        return [{"d": _ORDINAL_DAY[word], **rest[0]}]
    if kind == "holiday":
        name = re.match(W.HOLIDAY_RE, s).group(0)
        month, day = W.HOLIDAYS[" ".join(name.lower().replace("’", "'").split())]
        year = re.search(r"\d{4}\Z", s)
        return [{"m": month, "d": day, **({"y": int(year.group(0))} if year else {})}]
    if kind == "nth":
        return [{"d": int(re.search(r"\d+", s).group(0))}]
    if kind == "dotted":
        return [dict(zip("dmy", map(int, s.split("."))))]
    if kind == "yrange":  # "2022-2024"; "2023-24" a season, "2020-22"; "2024-06" a month
        y1, sep, y2 = re.match(r"(\d{4})(\s*[-–—]\s*)(\d+)", s).groups()
        y1, dd = int(y1), int(y2)
        if len(y2) == 2 and dd != (y1 + 1) % 100 and sep == "-" and 1 <= dd <= 12:
            return [{"y": y1, "m": dd}]
        return [{"y": y1}, {"y": dd if len(y2) == 4 else y1 + 1 if dd == (y1 + 1) % 100 else y1 - y1 % 100 + dd}]
    ends: list[dict] = [{}]
    for t in _TOKEN.finditer(s):
        v = t.group()
        key = {"mon": "m", "wd": "w"}.get(t.lastgroup) or ("y" if len(v) == 4 else "d")
        if key in ends[-1]:
            ends.append({})
        ends[-1][key] = W.MONTHS[v.rstrip(".")] if key == "m" else W.WEEKDAYS[v] if key == "w" else int(v)
    return ends


def _day_of_month(a: dict, b: dict | None, ref: dt.date | None, tense):
    """'on the 24th': that day in the publication date's month, or the month after (future
    tense) or before (past) when the day has gone by or is still to come."""
    if ref is None or b is not None:
        raise _Skip("a day of the month needs a reference date")
    months = [(ref.year + (ref.month + k - 1) // 12, (ref.month + k - 1) % 12 + 1) for k in (-1, 0, 1)]
    days = [dt.date(y, mo, a["d"]) for y, mo in months if a["d"] <= _month_end(y, mo).day]
    way = tense()
    if way == "future":
        days = [d for d in days if d >= ref] or days
    elif way == "past":
        days = [d for d in days if d <= ref] or days
    if not days:
        raise _Skip("no such day near the reference date")
    day_ = min(days, key=lambda d: abs((d - ref).days))
    return [(day_, day_)], True, False


def _month_day_gap(a: dict, ref: dt.date) -> int:
    """Days from ref to the same month and day in ref's year (a rough guide, leap days aside)."""
    day_ = min(a["d"], _month_end(ref.year, a["m"]).day)
    return (dt.date(ref.year, a["m"], day_) - ref).days


def _resolve(ends: list[dict], ref: dt.date | None, tense):
    """Day intervals for one end or two, and the relative and yearless flags.

    The second end borrows the first's month and year ("June 18-19") and the
    first the second's ("18-19 June 2024"). Weekdays and bare months take their
    direction from `tense()`; when it is unclear, the value is the hull of both.
    """
    a, b = ends[0], (ends[1] if len(ends) > 1 else None)
    if "d" in a and "m" not in a and not (b and "m" in b):
        return _day_of_month(a, b, ref, tense)
    level = lambda p: next((k for k in "dmy" if k in p), "w")  # noqa: E731
    lv, direction = level(a), None
    if ref is not None and (lv == "w" or (lv == "m" and not any("y" in p for p in ends))):
        direction = tense()
        if direction is None:
            (p, _, _), (f, rel, yl) = (_resolve([dict(e) for e in ends], ref, lambda d=d: d)
                                       for d in ("past", "future"))
            return [(min(p[0][0], f[0][0]), max(p[-1][1], f[-1][1]))], rel, yl
    for x, y in ((a, b), (b, a)) if b else ():
        if "d" in x:
            x.setdefault("m", y.get("m"))
    if b and (level(b) != lv or None in (a.get("m", 0), b.get("m", 0))):
        raise _Skip("the ends of the range are not alike")
    if lv == "w":
        if ref is None:
            raise _Skip("a weekday needs a reference date")
        if direction == "nearest":
            direction = "past" if (ref.weekday() - a["w"]) % 7 <= 3 else "future"
        sign = -1 if direction == "past" else 1  # same day counts either way
        days = [ref + dt.timedelta(sign * ((sign * (p["w"] - ref.weekday())) % 7)) for p in filter(None, (a, b))]
        if len(days) > 1 and days[1] < days[0]:  # "Friday to Monday" runs over a weekend
            days[direction != "past"] += dt.timedelta(7 * sign)
        return [(d, d) for d in days], True, False
    relative = yearless = False
    if "y" not in a and not (b and "y" in b):
        if ref is None:
            yearless, a["y"] = True, _PLACEHOLDER
        elif lv == "d":
            # The year nearest ref, unless the tense says which way: "will be sworn in on
            # Oct. 20", written in February, is this October, not last.
            years = [y for y in (ref.year, ref.year - 1, ref.year + 1) if 1 <= a["d"] <= _month_end(y, a["m"]).day]
            way = tense() if abs(_month_day_gap(a, ref)) > 45 else None
            if way == "future":
                years = [y for y in years if dt.date(y, a["m"], a["d"]) >= ref - _DAY1] or years
            elif way == "past":
                years = [y for y in years if dt.date(y, a["m"], a["d"]) <= ref + _DAY1] or years
            near = [(abs((dt.date(y, a["m"], a["d"]) - ref).days), y != ref.year, y) for y in years]
            relative, a["y"] = True, min(near)[2] if near else ref.year  # no such day: _period says so
        else:  # "in September": the last one (past tense) or the next one (future)
            ahead = a["m"] < ref.month if direction == "future" else -(a["m"] > ref.month)
            relative, a["y"] = True, ref.year + ahead
    if b:
        wraps = b.get("m", 0) < a.get("m", 0)  # "Dec. 30 - Jan. 2"; "June 19 to 18" stays empty
        if "y" not in b:
            b["y"] = a["y"] + wraps
        elif "y" not in a:
            a["y"] = b["y"] - wraps
    ivs = [_period(p["y"], p.get("m"), p.get("d")) for p in filter(None, (a, b))]
    if ivs[-1][1] < ivs[0][0]:
        raise _Skip("empty range: end before start")
    return ivs, relative, yearless


def _rel(s: str, ref: dt.date | None) -> tuple[dt.date, dt.date]:
    """today, yesterday, last week, next month, this year, last September, next Tuesday."""
    if ref is None:
        raise _Skip("a relative date needs a reference date")
    *how, what = s.split()
    one = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(what.lower())
    if what.lower() in ("morning", "afternoon", "evening", "night"):
        one = -1 if how[0].lower() == "last" else 0  # "this morning"; "last night" is the eve
    if one is not None:
        return (ref + dt.timedelta(one),) * 2
    step = {"last": -1, "past": -1, "this past": -1, "this": 0}.get(" ".join(how).lower(), 1)
    mon = ref - dt.timedelta(ref.weekday())
    sat = mon + dt.timedelta(5)
    if what == "week":  # "last week" said on a Friday: the calendar week or the seven days before
        return ((mon - dt.timedelta(7), ref - _DAY1), (mon, mon + dt.timedelta(6)),
                (ref + _DAY1, mon + dt.timedelta(13)))[step + 1]
    if what == "weekend":
        if step < 0:
            return sat - dt.timedelta(7), (ref if ref >= sat else sat - dt.timedelta(6))
        wide = step > 0 and ref < sat  # "next weekend" said on a weekday: this coming one or the one after
        sat += dt.timedelta(7 * (step > 0 and not wide))
        return sat, sat + dt.timedelta(8 if wide else 1)
    if what in ("month", "year"):
        first = _shift(ref.replace(day=1), step) if what == "month" else dt.date(ref.year + step, 1, 1)
        return first, _month_end(first.year, first.month) if what == "month" else dt.date(first.year, 12, 31)
    if what in W.WEEKDAYS:
        w = W.WEEKDAYS[what]
        if step == 0:
            return (mon + dt.timedelta(w),) * 2
        d = ref + dt.timedelta(step * ((step * (w - ref.weekday()) - 1) % 7 + 1))
        # "last Tuesday" said on a Friday may mean this week's or the one before
        other = d + dt.timedelta(7 * step) if mon <= d <= mon + dt.timedelta(6) else d
        return min(d, other), max(d, other)
    m = W.MONTHS[what]
    return _period(ref.year + (step > 0 and m <= ref.month) - (step < 0 and m >= ref.month), m)


def _whole(k: str, s: str, ref: dt.date | None, tense):
    """(lo, hi), relative, yearless for a form naming one period: "the 1990s",
    "the summer of 2023", "the end of 2023", "early June", "last September"."""
    if k == "rel":
        return _rel(s, ref), True, False
    if k == "season":  # northern-hemisphere seasons; winter straddles two years
        a, b = W.SEASONS[re.search(r"(?i)spring|summer|autumn|fall|winter", s).group().lower()]
        jan = dt.date(int(s[-4:]), 1, 1)
        return (_shift(jan, a - 1), _month_end(_shift(jan, b - 1).year, _shift(jan, b - 1).month)), False, False
    head = _PART_HEAD.match(s)
    base, rel, yl = s[head.end():], False, False
    if k == "decade":
        lo, hi = dt.date(int(base[:4]), 1, 1), dt.date(int(base[:4]) + 9, 12, 31)
    elif re.match(r"(?:this|next|last)\s", base):
        (lo, hi), rel = _rel(base, ref), True
    elif base[:1].isdigit():
        lo, hi = _period(int(base))
    else:
        ivs, rel, yl = _resolve(_parts("my", base), ref, tense)
        lo, hi = ivs[0]
    part = head.group(1)
    return (_slice(lo, hi, *W.PARTS[" ".join(part.lower().split())]) if part else (lo, hi)), rel, yl


def _elapsed(q: re.Match, marker: str) -> tuple[float, float, str]:
    """(least, most) time elapsed, in days, months or years, for "about N years"."""
    word = " ".join(q["n"].lower().split())
    n, loose = W.COUNT_PHRASES.get(word) or (float(word) if word[0].isdigit() else W.number(word), False)
    base, size = next(v for k, v in W.UNITS.items() if q["unit"].lower().startswith(k))
    # A count is rounded at its unit ("24 years" is 23 to 25, "four decades" 35 to
    # 45 years); "a decade", "a century" and their parts are loose words.
    r = {1: 1, 7: 7, 10: 5 if n > 1 else 1, 100: 50 if n > 1 else 10 * n}[size]
    loose, n = loose or (size >= 10 and n <= 1), n * size
    lo, hi = n - r, n + r
    how = W.MODIFIERS.get(" ".join((q["mod"] or "").lower().split()))
    if how == "about":
        lo, hi = lo - 0.1 * n, hi + 0.1 * n
    elif how == "nearly":
        lo, hi = (0.85 * n, n) if marker == "for" else (0.9 * n - r, hi)
    elif how in ("more", "less"):
        lo, hi = (n, 3 * n) if how == "more" else (0, n)
    if loose and how not in ("more", "less"):  # bounds stay bounds
        lo, hi = lo - 0.1 * n, hi + 0.1 * n
    return max(lo, 0), hi, base


# A sentence or ban runs from its day on: "for N years" after these is a term, not a span to now.
_TERM = re.compile(r"\b(?:jail(?:s|ed)?|sentenc(?:e|es|ed|ing)|imprison(?:s|ed)?|ban(?:s|ned)?|barred|"
                   r"disqualified|suspend(?:s|ed)?|prison|behind bars)\b[^.;]*\Z", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?been\b", re.I)


def _quantity(text: str, s: int, e: int, lo: int, hi: int, ref: dt.date | None, prev: int) -> DateMention:
    """'24 years ago', 'first in 24 years', 'for about four decades' (a duration reaching back to ref)."""
    q = _QPARTS.match(text, s, e)
    lead, start = (q["qlead"] or "").lower(), s
    first = _FIRST.search(text, max(lo, s - 80), s) if lead == "in" and not q["ago"] else None
    if q["ago"] or q["after"]:
        # "five years after the fire": counted back from the sentence's other date, or from ref
        marker, start = "ago" if q["ago"] else "after", q.start("mod") if q["mod"] else q.start("n")
    elif first:
        marker = "first_in"
        start = first.start() if not first.group(1) and first.start() >= prev else s
    elif lead == "for" or q["past"]:
        if not q["past"] and _tense(text, s, e, lo, hi) == "future":
            raise _Skip("a duration in the future")  # "will stay for two days"
        term = None if q["past"] else _TERM.search(text, max(lo, s - 80), s)
        if term and not _PERFECT.search(text, max(lo, s - 80), s):
            raise _Skip("a term to serve")  # "jails the gunman for 21 years" ("has been in prison for": a span)
        if not q["unit"].lower().startswith(("year", "decade", "centur")):
            raise _Skip("a span of days or months")  # "not released for more than a week": no start date
        marker = "for"
    else:
        raise _Skip("a count of time, not a date")  # "24 years", "in 24 years"
    if ref is None:
        raise _Skip("a relative date needs a reference date")
    least, most, base = _elapsed(q, marker)
    last = _back(ref, least, base)
    if least > 0:
        last -= _DAY1  # "six years ago" is not exactly five years ago
    iv = Interval(min(_back(ref, most, base) + _DAY1, last).toordinal(), last.toordinal())
    return DateMention(start, e, DateValue(iv, iv), marker, True, False)


# "since the May 2023 election", "since the Beslan school siege of 2004" (but "75 years since the
# alliance was founded in 1949" dates the founding)
_SINCE_THE = re.compile(r"\b[Ss]ince\s+the\s+(?:(?:[\w'’-]+\s+){1,5}of\s+)?\Z")


# A since-clause (with its verb) with the date at its end, after a "first" ("the first coronation
# since Queen Elizabeth II was crowned in 1953"): the date of the last time. (Without a "first", "75 years
# since the alliance was founded in 1949" dates only the founding.)
_SINCE_CLAUSE = re.compile(r"\b[Ss]ince\s+(?:[\w'’-]+\s+){0,4}?(?:was|were|had|has|did|won|took|went|came|"
                           r"left|met|held|began|[a-z]{2,}ed)\s+(?:[\w'’-]+\s+){0,3}?(?:in|on)\s+(?:the\s+)?\Z")


def _read(m: re.Match, text: str, lo: int, hi: int, ref: dt.date | None, prev: int, strict: bool):
    """The mentions at a scan hit, and where scanning resumes."""
    if m["q"] is not None:
        return [_quantity(text, m.start("q"), m.end(), lo, hi, ref, prev)], m.end()
    k, lead = m.lastgroup[2:], (m["lead"] or "").lower()
    s, e = m.span(m.lastgroup)
    if k in ("mon", "year") and (lead in ("by", "to", "of") and text[s:e] == "May" or k == "year" and (
            lead in ("of", "to", "by", "from", "between", "on", "a", "an") and _COUNT_NOUN.match(text, e, hi)
            # after a determiner a year is the common reading ("the 2019 results"), a count
            # only before what is counted ("their 2000 troops")
            or lead in ("the", "their", "its", "his", "her", "this", "that") and _COUNTED.match(text, e, hi))):
        raise _Skip("a count or a name, not a date")  # "a force of 2000 troops", "a speech by May"
    start, marker = (m.start("lead"), "since") if lead == "since" else (s, None)
    if marker is None:
        since = _SINCE_THE.search(text, max(lo, s - 60), s)
        if since:  # "their best result since the May 2023 election"
            start, marker = since.start(), "since"
        else:  # "the first coronation since Queen Elizabeth II was crowned in 1953"
            since = _SINCE_CLAUSE.search(text, max(lo, s - 70), s)
            if since and _FIRST.search(text, max(lo, since.start() - 80), since.start()):
                start, marker = since.start(), "since"
    first = _FIRST.search(text, max(lo, start - 80), start) if marker else None
    if first:  # "first since", "for the first time since", "first visit to X since"
        marker, start = "first_since", first.start() if not first.group(1) and first.start() >= prev else start
    # "Wednesday's decision" names the nearest Wednesday, whatever the verb's tense.
    possessive = text.startswith(("'s", "\u2019s"), e)
    # ... but a sentence told in the past does not put it in the coming week ("On Sunday's
    # election night the mayor was celebrating", written on a Thursday)
    tense = (lambda: "past" if _tense(text, s, e, lo, hi) == "past" else "nearest") if possessive \
        else (lambda: _tense(text, s, e, lo, hi))  # noqa: E731
    if marker:
        tense = lambda: "past"  # noqa: E731  "223 days since the 22 November election": a past day
    end, b_at, conn, ivs = e, None, "and" if _AND.search(text, s, e) else "to", None
    if k in _WHOLE:
        iv, rel, yl = _whole(k, text[s:e], ref, tense)
        ivs = [iv]
    else:
        ends = _parts(k, text[s:e])
        t = _TAIL.match(text, e, hi) if len(ends) == 1 and not marker else None
        try:
            if t:
                ivs, rel, yl = _resolve(ends + _parts(t.lastgroup[2:], t[t.lastgroup]), ref, tense)
                (b_at, end), conn = t.span(t.lastgroup), "and" if _AND.search(text, e, t.start(t.lastgroup)) else "to"
        except _Skip:
            if strict:
                raise  # otherwise read the first end alone; the scan goes on after it
        if ivs is None:
            ivs, rel, yl = _resolve(ends, ref, tense)
    ivs = [Interval(a.toordinal(), b.toordinal()) for a, b in ivs]
    if lead in ("from", "between") and (len(ivs) > 1 or end > e):
        start = m.start("lead")
    apart = len(ivs) > 1 and conn == "and" and ivs[1].lo != ivs[0].hi + 1  # "June 3 and 10": two dates
    if apart and b_at is not None and lead != "between":
        return [DateMention(s, e, DateValue(ivs[0], ivs[0]), marker, rel, yl),
                DateMention(b_at, end, DateValue(ivs[1], ivs[1]), None, rel, yl)], end
    if len(ivs) == 1 or apart or (lead == "between" and conn == "and"):  # "between June 15 and 20": a window
        iv = ivs[0] if len(ivs) == 1 else ivs[0].hull(ivs[1])
        return [DateMention(start, end, DateValue(iv, iv), marker, rel, yl)], end
    return [DateMention(start, end, DateValue(ivs[0], ivs[1], True), marker, rel, yl)], end


def _find(text: str, lo: int, hi: int, ref: dt.date | None, strict: bool) -> list[DateMention]:
    out: list[DateMention] = []
    pos = lo
    for a in _ANCHOR.finditer(text, lo, hi):
        if a.start() < pos:
            continue
        if (m := _NEAR.match(text, max(pos, a.start() - _REACH), hi)) is None:
            pos = max(pos, a.start() - _REACH) + _REACH + 1  # no date starts in that window
            continue
        try:
            got, pos = _read(m, text, lo, hi, ref, out[-1].end if out else lo, strict)
            out.extend(_counted_from(g, out, ref) if g.marker == "after" else g for g in got)
        except (ValueError, OverflowError) as e:  # a _Skip, or a day beyond the calendar (ref near 1 or 9999)
            if strict:
                raise e if isinstance(e, _Skip) else _Skip("beyond the calendar") from None
            pos = m.end()
    return out


def _counted_from(m: DateMention, before: list[DateMention], ref: dt.date) -> DateMention:
    """'Notre-Dame reopens Dec. 7, five years after the fire': count back from the date
    the sentence gives before, not from the publication date."""
    base = next((b for b in reversed(before) if b.marker is None and not b.yearless), None)
    if base is None:
        return m
    shift = (base.value.hull.lo + base.value.hull.hi) / 2 - ref.toordinal()
    iv = Interval(m.value.hull.lo + shift, m.value.hull.hi + shift)
    return DateMention(m.start, m.end, DateValue(iv, iv), m.marker, m.relative, m.yearless)


# --- public API ----------------------------------------------------------------------
def find_dates(text: str, start: int = 0, end: int | None = None, ref: dt.date | None = None) -> list[DateMention]:
    """Every date expression in text[start:end], in order, non-overlapping, offsets into `text`."""
    return _find(text, start, len(text) if end is None else min(end, len(text)), ref, False)


def parse_date_value(text: str, ref: dt.date | None = None) -> DateValue:
    """A fact's value: ISO "2024", "2024-06", "2024-06-18", intervals "A/B" with
    ".." for an open end, or any one natural date find_dates reads ("July 2000").

    Raises ValueError with the reason ("day out of range", "empty range: ...").
    """
    s = text.strip()
    try:
        if "/" in s:
            a, _, b = (x.strip() for x in s.partition("/"))
            if a == b == "..":
                raise _Skip("both ends are open")
            av = None if a == ".." else parse_date_value(a, ref).hull
            bv = None if b == ".." else parse_date_value(b, ref).hull
            # an open end may lie anywhere beyond the other end
            av, bv = av or Interval(_MIN.toordinal(), bv.hi), bv or Interval(av.lo, _MAX.toordinal())
            if bv.hi < av.lo:
                raise _Skip("empty range: end before start")
            return DateValue(av, bv, True)
        if iso := _ISO.fullmatch(s):
            lo, hi = _period(*(int(g) if g else None for g in iso.groups()))
            return DateValue(Interval(lo.toordinal(), hi.toordinal()), Interval(lo.toordinal(), hi.toordinal()))
        found = _find(s, 0, len(s), ref, True)
        if len(found) != 1 or s[found[0].end:].strip(" .") or not _CONTEXT.fullmatch(s, 0, found[0].start):
            raise _Skip("not one date" if s else "empty")
        if found[0].yearless:
            raise _Skip("no year")
        return found[0].value
    except _Skip as e:
        raise ValueError(f"cannot read {text!r} as a date: {e}") from None


def resolve_yearless(m: DateMention, year: int) -> DateValue:
    """A yearless mention's value in `year` (a range may run on into the next year)."""
    if not m.yearless:
        return m.value

    def move(n: float) -> int:  # same month and day, clamped ("Feb. 29" in 2023 is the 28th)
        d = dt.date.fromordinal(int(n))
        y = year + d.year - _PLACEHOLDER
        return dt.date(y, d.month, min(d.day, _month_end(y, d.month).day)).toordinal()

    v = m.value
    return DateValue(Interval(move(v.start.lo), move(v.start.hi)), Interval(move(v.end.lo), move(v.end.hi)), v.extent)

