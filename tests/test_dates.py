"""checker.values.dates: date expressions in news sentences and in fact values.

Publication date 2024-06-17 (a Monday) unless a case says otherwise.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.model import DateValue, day, from_day
from checker.values.dates import DateMention, find_dates, parse_date_value, resolve_yearless

REF = dt.date(2024, 6, 17)
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def pair(spec: str) -> tuple[dt.date, dt.date]:
    """'2024-06-18' -> one day; '2024-06-01..2024-06-30' -> first and last day."""
    lo, _, hi = spec.partition("..")
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi or lo)


def dates(iv) -> tuple[dt.date, dt.date]:
    return from_day(iv.lo), from_day(iv.hi)


def read(text: str, ref: dt.date | None = REF) -> list[tuple[str, tuple, tuple | None, str | None]]:
    """Each mention as (span text, start pair, end pair or None when not an extent, marker)."""
    out = []
    for m in find_dates(text, ref=ref):
        v = m.value
        if not v.extent:
            assert v.start == v.end
        out.append((text[m.start:m.end], dates(v.start), dates(v.end) if v.extent else None, m.marker))
    return out


def one(span: str, value: str, marker: str | None = None):
    return (span, pair(value), None, marker)


def ext(span: str, start: str, end: str, marker: str | None = None):
    return (span, pair(start), pair(end), marker)


# --- reading: (sentence, expected mentions) ------------------------------------------
CASES = {
    # ranges: both ends are claims of their own
    "from-to": ("Putin will travel to North Korea from June 18 to 19.",
                [ext("from June 18 to 19", "2024-06-18", "2024-06-19")]),
    "hyphen": ("The visit on June 18-19 was announced.", [ext("June 18-19", "2024-06-18", "2024-06-19")]),
    "en dash with year": ("The summit runs June 18–19, 2024, in Pyongyang.",
                          [ext("June 18–19, 2024", "2024-06-18", "2024-06-19")]),
    "em dash": ("The summit runs June 18—19.", [ext("June 18—19", "2024-06-18", "2024-06-19")]),
    "day first": ("He will be in Pyongyang 18-19 June.", [ext("18-19 June", "2024-06-18", "2024-06-19")]),
    "on 18 and 19 June": ("The talks are on 18 and 19 June.", [ext("18 and 19 June", "2024-06-18", "2024-06-19")]),
    "June 18 and 19": ("The talks are June 18 and 19.", [ext("June 18 and 19", "2024-06-18", "2024-06-19")]),
    "to month": ("The fair runs June 18 to June 20.", [ext("June 18 to June 20", "2024-06-18", "2024-06-20")]),
    "through": ("The fair runs June 18 through 20.", [ext("June 18 through 20", "2024-06-18", "2024-06-20")]),
    "across months": ("The drills run June 28-July 2.", [ext("June 28-July 2", "2024-06-28", "2024-07-02")]),
    "day-month across months": ("The drills run 28 June to 2 July.",
                                [ext("28 June to 2 July", "2024-06-28", "2024-07-02")]),
    "across years": ("Talks ran Dec. 30, 2023 - Jan. 2, 2024.",
                     [ext("Dec. 30, 2023 - Jan. 2, 2024", "2023-12-30", "2024-01-02")]),
    "months": ("Exercises are planned for June-July 2024.",
               [ext("June-July 2024", "2024-06-01..2024-06-30", "2024-07-01..2024-07-31")]),
    "years from-to": ("Output fell from 2020 to 2022.",
                      [ext("from 2020 to 2022", "2020-01-01..2020-12-31", "2022-01-01..2022-12-31")]),
    "years dash": ("The 2022–2024 program ended.",
                   [ext("2022–2024", "2022-01-01..2022-12-31", "2024-01-01..2024-12-31")]),
    "season": ("It was the best 2023-24 season yet.",
               [ext("2023-24", "2023-01-01..2023-12-31", "2024-01-01..2024-12-31")]),
    "between is a window": ("The visit will take place between June 15 and 20.",
                            [one("between June 15 and 20", "2024-06-15..2024-06-20")]),
    "between years": ("It was built between 2000 and 2005.",
                      [one("between 2000 and 2005", "2000-01-01..2005-12-31")]),
    "two extents": (
        "Putin will travel to North Korea from June 18 to 19 and go on to Vietnam from June 19 to 20, "
        "according to Kremlin statements published Monday.",
        [ext("from June 18 to 19", "2024-06-18", "2024-06-19"), ext("from June 19 to 20", "2024-06-19", "2024-06-20"),
         one("Monday", "2024-06-17")]),
    "and, not a range": ("Votes were held on June 3 and 10.", [one("June 3", "2024-06-03"), one("10", "2024-06-10")]),
    "and, days apart": ("Votes were held on 3 and 10 June.", [one("3 and 10 June", "2024-06-03..2024-06-10")]),
    "and a count": ("Shelling on June 18 and 20 people died.", [one("June 18", "2024-06-18")]),
    "end before start": ("It ran from June 19 to 18.", [one("June 19", "2024-06-19")]),
    # full and partial dates
    "month day year": ("The deal was signed on June 18, 2024.", [one("June 18, 2024", "2024-06-18")]),
    "day month year": ("The deal was signed on 18 June 2024.", [one("18 June 2024", "2024-06-18")]),
    "no comma": ("The deal was signed June 18 2024 in Hanoi.", [one("June 18 2024", "2024-06-18")]),
    "abbreviation": ("Kim arrived Jun. 18 and left Sept. 5, 2023, and Aug 1.",
                     [one("Jun. 18", "2024-06-18"), one("Sept. 5, 2023", "2023-09-05"), one("Aug 1", "2024-08-01")]),
    "ordinal": ("The vote is on June 18th.", [one("June 18th", "2024-06-18")]),
    "weekday and date": ("It opens Tuesday, June 18, 2024.", [one("Tuesday, June 18, 2024", "2024-06-18")]),
    "month year": ("Putin last visited in July 2000.", [one("July 2000", "2000-07-01..2000-07-31")]),
    "month of year": ("The summit of September of 2023 was in the Amur region.",
                      [one("September of 2023", "2023-09-01..2023-09-30")]),
    "in year": ("He last went there in 2017, when the nation hosted the summit.",
                [one("2017", "2017-01-01..2017-12-31")]),
    "year and comma": ("Moscow, 2017, was different.", [one("2017", "2017-01-01..2017-12-31")]),
    "iso": ("The filing is dated 2024-06-18.", [one("2024-06-18", "2024-06-18")]),
    "halves": ("Growth slowed in mid-2023, picked up in early 2024 and slowed in late 2023.",
               [one("mid-2023", "2023-04-01..2023-09-30"), one("early 2024", "2024-01-01..2024-06-30"),
                one("late 2023", "2023-07-01..2023-12-31")]),
    "decade": ("Ties have been close since the 1990s.", [one("since the 1990s", "1990-01-01..1999-12-31", "since")]),
    "end of year": ("The plant will open by the end of 2023.", [one("the end of 2023", "2023-10-01..2023-12-31")]),
    "first half": ("Sales rose in the first half of 2024.",
                   [one("the first half of 2024", "2024-01-01..2024-06-30")]),
    "treaty": ("Leaders may upgrade a treaty adopted in 2000 to include stronger language.",
               [one("2000", "2000-01-01..2000-12-31")]),
    # markers
    "first since month": ("Putin's trip to North Korea would be his first since July 2000.",
                          [one("first since July 2000", "2000-07-01..2000-07-31", "first_since")]),
    "first since year": ("The trip will be Putin's first since 2000.",
                         [one("first since 2000", "2000-01-01..2000-12-31", "first_since")]),
    "first ... since": ("It is his first visit to Pyongyang since July 2000.",
                        [one("since July 2000", "2000-07-01..2000-07-31", "first_since")]),
    "for the first time since": ("Leaders met for the first time since 2019.",
                                 [one("for the first time since 2019", "2019-01-01..2019-12-31", "first_since")]),
    "since": ("Russia has been at war since 2022.", [one("since 2022", "2022-01-01..2022-12-31", "since")]),
    "since month": ("Prices have doubled since July 2000.",
                    [one("since July 2000", "2000-07-01..2000-07-31", "since")]),
    "first in years": ("The visit is his first in 24 years.",
                       [one("first in 24 years", "1999-06-18..2001-06-16", "first_in")]),
    "for the first time in": ("He visits for the first time in 24 years.",
                              [one("for the first time in 24 years", "1999-06-18..2001-06-16", "first_in")]),
    "ago": ("The plant opened 24 years ago.", [one("24 years ago", "1999-06-18..2001-06-16", "ago")]),
    "about a dozen years ago": ("The biggest boost since Kim took power about a dozen years ago.",
                                [one("about a dozen years ago", "2009-01-23..2015-11-10", "ago")]),
    "a decade ago": ("It was built a decade ago.", [one("a decade ago", "2012-06-18..2016-06-16", "ago")]),
    "months ago": ("The deal was struck three months ago.",
                   [one("three months ago", "2024-02-18..2024-04-16", "ago")]),
    "nearly ago": ("The plant opened nearly 30 years ago.", [one("nearly 30 years ago", "1993-06-18..1998-06-16", "ago")]),
    "spelled spans": ("It was founded half a century ago and rebuilt a quarter of a century ago.",
                      [one("half a century ago", "1964-06-18..1984-06-16", "ago"),
                       one("a quarter of a century ago", "1994-06-18..2004-06-16", "ago")]),
    "bounds ago": ("It opened over 40 years ago and closed less than a year ago.",
                   [one("over 40 years ago", "1904-06-18..1984-06-16", "ago"),
                    one("less than a year ago", "2023-06-18..2024-06-17", "ago")]),
    "for decades": ("Bach Ho has been in operation for about four decades.",
                    [one("for about four decades", "1975-06-18..1993-06-16", "for")]),
    "for almost": ("Lee worked as an analyst for almost two decades.",
                   [one("for almost two decades", "2004-06-18..2007-06-16", "for")]),
    "over the past": ("Trade grew over the past two decades.",
                      [one("over the past two decades", "1999-06-18..2009-06-16", "for")]),
    "in operation for": ("The field has been in operation for 40 years.",
                         [one("for 40 years", "1983-06-18..1985-06-16", "for")]),
    "for more than": ("He has led the party for more than a decade.",
                      [one("for more than a decade", "1994-06-18..2014-06-16", "for")]),
    # relative to the publication date
    "reported Monday": ("Vedomosti reported Monday on these two trips.", [one("Monday", "2024-06-17")]),
    "weekdays ahead": ("Putin will visit on Tuesday and Wednesday.",
                       [ext("Tuesday and Wednesday", "2024-06-18", "2024-06-19")]),
    "weekdays from-to": ("The summit will run from Tuesday to Thursday.",
                         [ext("from Tuesday to Thursday", "2024-06-18", "2024-06-20")]),
    "weekday past": ("Putin visited Hanoi on Tuesday.", [one("Tuesday", "2024-06-11")]),
    "weekday future": ("Putin is expected to arrive on Friday.", [one("Friday", "2024-06-21")]),
    "weekday unclear": ("The meeting on Tuesday.", [one("Tuesday", "2024-06-11..2024-06-18")]),
    "next weekday": ("Talks resume next Tuesday.", [one("next Tuesday", "2024-06-18..2024-06-25")]),
    "last weekday": ("He said last Tuesday that talks would go on.", [one("last Tuesday", "2024-06-11")]),
    "weekdays over a weekend": ("The talks ran from Friday to Monday.",
                                [ext("from Friday to Monday", "2024-06-14", "2024-06-17")]),
    "last month name": ("Kim visited Putin last September.", [one("last September", "2023-09-01..2023-09-30")]),
    "in month, past": ("Kim Jong Un went to Russia for a summit in September.",
                       [one("September", "2023-09-01..2023-09-30")]),
    "in month, future": ("The summit will be held in September.", [one("September", "2024-09-01..2024-09-30")]),
    "next month name": ("The summit is planned for next September.", [one("next September", "2024-09-01..2024-09-30")]),
    "this, next month name": ("It opens this September, or next March.",
                              [one("this September", "2024-09-01..2024-09-30"),
                               one("next March", "2025-03-01..2025-03-31")]),
    "month day, year from ref": ("The vote is on June 18.", [one("June 18", "2024-06-18")]),
    "words": ("Talks began yesterday, resume today and end tomorrow.",
              [one("yesterday", "2024-06-16"), one("today", "2024-06-17"), one("tomorrow", "2024-06-18")]),
    "last, this, next": ("Sales fell last week, last month and last year, and rise this year and next year.",
                         [one("last week", "2024-06-10..2024-06-16"), one("last month", "2024-05-01..2024-05-31"),
                          one("last year", "2023-01-01..2023-12-31"), one("this year", "2024-01-01..2024-12-31"),
                          one("next year", "2025-01-01..2025-12-31")]),
    "weekends": ("Talks last weekend went well; more are due this weekend.",
                 [one("last weekend", "2024-06-15..2024-06-16"), one("this weekend", "2024-06-22..2024-06-23")]),
    "part of a relative year": ("Output fell at the end of last year and in early June.",
                                [one("the end of last year", "2023-10-01..2023-12-31"),
                                 one("early June", "2024-06-01..2024-06-15")]),
    "seasons": ("Troops withdrew in the summer and returned in the fall of 2022.",
                [one("the fall of 2022", "2022-09-01..2022-11-30")]),
    "that year": ("Kim became leader in 2011 after his father died in December of that year.",
                  [one("2011", "2011-01-01..2011-12-31")]),
    "will be held": ("The summit is scheduled to be held in September.",
                     [one("September", "2024-09-01..2024-09-30")]),
    "two weekdays, two tenses": ("The Kremlin said Tuesday that Putin would visit Pyongyang on Wednesday.",
                                 [one("Tuesday", "2024-06-11"), one("Wednesday", "2024-06-19")]),
    "abbreviated a.m.": ("Putin arrived at 2:30 a.m. Wednesday.", [one("Wednesday", "2024-06-12")]),
    # days of the calendar by their names, in the year nearest the publication date
    "new year's day": ("An earthquake struck on New Year's Day.", [one("New Year's Day", "2024-01-01")]),
    "christmas eve with a year": ("It closed on Christmas Eve 2023.", [one("Christmas Eve 2023", "2023-12-24")]),
    "christmas as an adjective": ("The Christmas market opened early.", []),
    "christmas as a season": ("He resigned over Christmas, aides said.", []),
    # not dates
    "counts": ("North Korea shipped 2024 shells for $2024, at 5 p.m., see page 12.", []),
    "38 North": ("said Lee, a senior fellow with the 38 North Program.", []),
    "march, may, decide": ("They will March on Washington; he may decide later.", []),
    "bare duration": ("After 24 years of work the plant closed.", []),
    "in N years": ("The debt will double in 24 years.", []),
    "future duration": ("Putin will stay for two days.", []),
    "a force of 2000": ("A force of 2000 troops crossed the border.", []),
    "lone day number": ("Of the 31 members, 12 voted.", []),
    "since as adverb": ("The nation has since relied on Russia for weapons.", []),
    "names": ("Theresa May told the Sunday Times that a speech by May was due.", []),
    "counts with years": ("Officials found 2,019 cases; 45% by 2030 percent.", []),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_reads(text, expected):
    assert read(text) == expected


NO_REF = {
    "weekday": "Putin will visit on Tuesday.",
    "weekday range": "Putin will visit on Tuesday and Wednesday.",
    "last month name": "Kim visited Putin last September.",
    "ago": "The plant opened 24 years ago.",
    "first in": "The visit is his first in 24 years.",
    "duration": "Bach Ho has been in operation for about four decades.",
    "words": "Talks began yesterday and resume next week.",
}


@pytest.mark.parametrize("text", NO_REF.values(), ids=NO_REF.keys())
def test_relative_dates_need_a_reference(text):
    assert find_dates(text) == []


def test_yearless_without_reference():
    text = "The talks open on June 18 and Kim arrives in September; they meet Dec. 30 - Jan. 2 and on Feb. 29."
    found = find_dates(text)
    assert [text[m.start:m.end] for m in found] == ["June 18", "September", "Dec. 30 - Jan. 2", "Feb. 29"]
    assert all(m.yearless and not m.relative for m in found)
    june, september, winter, leap = found
    assert dates(june.value.start) == pair("2000-06-18")  # a placeholder, not to be used
    assert dates(resolve_yearless(june, 2024).start) == pair("2024-06-18")
    assert dates(resolve_yearless(september, 2023).hull) == pair("2023-09-01..2023-09-30")
    v = resolve_yearless(winter, 2024)
    assert v.extent and dates(v.start) == pair("2024-12-30") and dates(v.end) == pair("2025-01-02")
    assert dates(resolve_yearless(leap, 2023).start) == pair("2023-02-28")  # no Feb. 29 in 2023
    # a mention with a year is its own value in any year
    dated = find_dates("on June 18, 2024")[0]
    assert not dated.yearless and resolve_yearless(dated, 1999) == dated.value


def test_flags_and_offsets():
    text = "Kim went there in 2019. Putin will visit on Tuesday and Wednesday, his first since July 2000."
    found = find_dates(text, 24, len(text), ref=REF)
    assert [(text[m.start:m.end], m.relative, m.yearless) for m in found] == [
        ("Tuesday and Wednesday", True, False), ("first since July 2000", False, False)]
    assert all(isinstance(m, DateMention) for m in found)
    assert find_dates(text, 0, 23) and find_dates(text, 0, 20) == []  # "2019" cut off


def test_reference_in_the_month():
    ref = dt.date(2024, 9, 10)
    assert read("Kim went to Russia in September.", ref) == [one("September", "2024-09-01..2024-09-30")]
    assert read("Kim visited last September.", ref) == [one("last September", "2023-09-01..2023-09-30")]
    assert read("Kim went there on Tuesday.", ref) == [one("Tuesday", "2024-09-10")]  # the same day counts


# --- consistency with fact values (shared/PHENOMENA.md, "Dates") ----------------------
def value_of(text: str, ref: dt.date | None = REF) -> DateValue:
    found = find_dates(text, ref=ref)
    assert len(found) == 1, [text[m.start:m.end] for m in found]
    return found[0].value


PHENOMENA = [
    ("Putin will visit from June 18 to 19.", "2024-06-18/2024-06-19", True),
    ("Putin will visit June 18-19.", "2024-06-18/2024-06-19", True),
    ("Putin will visit 18-19 June.", "2024-06-18/2024-06-19", True),
    ("Putin will visit on 18 and 19 June.", "2024-06-18/2024-06-19", True),
    ("Putin will visit on Tuesday and Wednesday.", "2024-06-18/2024-06-19", True),
    ("Putin will be in Vietnam from June 19 to 20.", "2024-06-18/2024-06-19", False),
    ("The trip would be his first since July 2000.", "2000-07", True),
    ("The trip will be Putin's first since 2000.", "2000-07", True),
    ("The trip will be his first in 24 years.", "2000-07", True),
    ("It is the first such visit in nearly a quarter century.", "2000-07", True),
    ("The trip will be his first since 2001.", "2000-07", False),
    ("The trip will be his first in 20 years.", "2000-07", False),
    ("Kim visited Putin last September.", "2023-09", True),
    ("Kim went to Russia for a summit in September.", "2023-09", True),
    ("Kim was in Russia in September 2022.", "2023-09", False),
    ("Bach Ho has been in operation for about four decades.", "1984", True),
    ("The visit is planned for June 2024.", "2024-06-18", True),
    ("Kim took power about a dozen years ago.", "2011-12", True),
    ("The summit opens June 18–19, 2024.", "June 18-19, 2024", True),
    ("The law was passed in 2017.", "2017-03-01/2017-03-02", True),
]


@pytest.mark.parametrize("text, fact, consistent", PHENOMENA)
def test_consistency_with_facts(text, fact, consistent):
    assert value_of(text).consistent_with(parse_date_value(fact)) is consistent


def test_no_mention_without_year_or_reference():
    assert find_dates("The visit is on Tuesday.", ref=None) == []


# --- fact values -----------------------------------------------------------------------
VALUES = {
    "2024": ("2024-01-01..2024-12-31", None),
    "2024-06": ("2024-06-01..2024-06-30", None),
    "2011-12": ("2011-12-01..2011-12-31", None),  # a month in a fact, not a season
    "2024-06-18": ("2024-06-18", None),
    "2024-06-18/2024-06-19": ("2024-06-18", "2024-06-19"),
    "2024-05-14/..": ("2024-05-14", "2024-05-14..9999-12-31"),
    "../2024-05-14": ("0001-01-01..2024-05-14", "2024-05-14"),
    "June 18-19, 2024": ("2024-06-18", "2024-06-19"),
    "July 2000": ("2000-07-01..2000-07-31", None),
    "18 June 2024": ("2024-06-18", None),
    "the 1990s": ("1990-01-01..1999-12-31", None),
    "in 2017": ("2017-01-01..2017-12-31", None),
    " 2000-07 ": ("2000-07-01..2000-07-31", None),
    "9999-12-31": ("9999-12-31", None),
    "0001-01": ("0001-01-01..0001-01-31", None),
}


@pytest.mark.parametrize("text, expected", VALUES.items(), ids=VALUES.keys())
def test_parse_date_value(text, expected):
    v = parse_date_value(text)
    start, end = expected
    assert dates(v.start) == pair(start)
    assert v.extent is (end is not None)
    assert dates(v.end) == pair(end or start)


BAD_VALUES = {
    "June 31": "day out of range",
    "June 31, 2024": "day out of range",
    "2024-02-30": "day out of range",
    "2024-13": "month out of range",
    "0000": "year out of range",
    "2024-06-19/2024-06-18": "empty range: end before start",
    "June 18": "no year",
    "Tuesday": "reference date",
    "24 years ago": "reference date",
    "": "empty",
    "../..": "open",
    "soon": "not one date",
    "June 18 and 20, 2024": "not one date",
    "2024 shells": "not one date",
}


@pytest.mark.parametrize("text, reason", BAD_VALUES.items(), ids=BAD_VALUES.keys())
def test_parse_date_value_errors(text, reason):
    with pytest.raises(ValueError) as e:
        parse_date_value(text)
    assert f"cannot read {text!r} as a date" in str(e.value) and reason in str(e.value)


def test_parse_date_value_with_reference():
    assert dates(parse_date_value("Tuesday", REF).hull) == pair("2024-06-11..2024-06-18")
    assert dates(parse_date_value("June 18", REF).hull) == pair("2024-06-18")


# --- properties ---------------------------------------------------------------------------
ABBR = {1: "Jan.", 2: "Feb.", 3: "Mar.", 4: "Apr.", 6: "Jun.", 7: "Jul.", 8: "Aug.", 9: "Sept.", 10: "Oct.",
        11: "Nov.", 12: "Dec."}
DAYS = st.dates(dt.date(1850, 1, 1), dt.date(2099, 12, 31))


def forms(d: dt.date) -> dict[str, str]:
    name = MONTHS[d.month - 1]
    out = {"iso": d.isoformat(), "mdy": f"{name} {d.day}, {d.year}", "dmy": f"{d.day} {name} {d.year}",
           "my": f"{name} {d.year}", "y": f"in {d.year}", "ordinal": f"{name} {d.day}th, {d.year}"}
    if d.month in ABBR:
        out["abbr"] = f"{ABBR[d.month]} {d.day}, {d.year}"
    return out


@given(DAYS, st.sampled_from(["The accord was signed on {}.", "On {} the talks resumed", "{}", "It said ({}) that"]))
def test_rendered_dates_contain_the_day(d, frame):
    for form, s in forms(d).items():
        text = frame.format(s)
        found = find_dates(text)
        assert len(found) == 1, (form, text)
        assert found[0].value.hull.contains(day(d)), (form, text)
        assert found[0].value.consistent_with(parse_date_value(d.isoformat()))
        assert parse_date_value(s).hull.contains(day(d)), (form, s)


@given(DAYS, st.integers(1, 40), st.sampled_from(["-", "–", "—", " to ", " through "]))
def test_rendered_ranges(d, length, dash):
    e = d + dt.timedelta(days=length)
    if e.year != d.year:
        return
    name, ename = MONTHS[d.month - 1], MONTHS[e.month - 1]
    texts = [f"from {d.day} {name} to {e.day} {ename} {d.year}", f"{name} {d.day}{dash}{ename} {e.day}, {d.year}"]
    if e.month == d.month:
        texts += [f"{name} {d.day}{dash}{e.day}, {d.year}", f"{d.day}{dash}{e.day} {name} {d.year}"]
    for text in texts:
        (m,) = find_dates(f"The drills run {text}.")
        assert m.value.extent, text
        assert dates(m.value.start) == (d, d) and dates(m.value.end) == (e, e), text
        assert m.value.consistent_with(parse_date_value(f"{d.isoformat()}/{e.isoformat()}"))
    y2 = min(d.year + length, 2100)
    years = f"{d.year}{dash}{y2}" if dash.strip() in "-–—" else f"from {d.year}{dash}{y2}"
    if y2 > d.year:
        (m,) = find_dates(f"The {years} plan.")
        assert m.value.extent and dates(m.value.start)[0].year == d.year and dates(m.value.end)[1].year == y2


@given(DAYS, st.integers(0, 6), st.booleans())
def test_weekdays_in_the_same_week(ref, offset, ahead):
    target = ref + dt.timedelta(days=offset if ahead else -offset)
    verb = "will visit" if ahead else "visited"
    (m,) = find_dates(f"Putin {verb} Hanoi on {WEEKDAYS[target.weekday()]}.", ref=ref)
    assert dates(m.value.hull) == (target, target) and m.relative


@given(DAYS.filter(lambda d: d.year > 1950), st.integers(2, 60), st.sampled_from(["", "about ", "nearly ", "some "]))
def test_years_ago_contains_the_year(ref, n, mod):
    try:
        then = ref.replace(year=ref.year - n)
    except ValueError:  # Feb. 29
        then = ref.replace(year=ref.year - n, day=28)
    for text in (f"The plant opened {mod}{n} years ago.", f"It is the first visit in {mod}{n} years."):
        (m,) = find_dates(text, ref=ref)
        assert m.value.hull.contains(day(then)), text
    (m,) = find_dates(f"The plant opened {n + 3} years ago.", ref=ref)
    assert not m.value.hull.contains(day(then))


WORDS = MONTHS + WEEKDAYS + """Sept. Jan since first in on from to and between the end of early mid- ago years decades
    about for last next May 2024 1999 2023-24 18 19 31 - – , . $ a dozen today will said 24 2024-06-18 1990s half
    quarter century s""".split()
TEXTS = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
                  st.lists(st.sampled_from(WORDS), max_size=40).map("".join))


@given(TEXTS, st.integers(0, 250), st.integers(0, 250), st.sampled_from([None, REF, dt.date(2000, 2, 29)]))
def test_find_dates_never_fails(text, a, b, ref):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    found = find_dates(text, lo, hi, ref=ref)
    last = lo
    for m in found:
        assert last <= m.start < m.end <= hi
        assert m.value.start.lo <= m.value.start.hi and m.value.end.lo <= m.value.end.hi
        last = m.end


@given(TEXTS)
def test_parse_date_value_returns_or_raises_value_error(text):
    try:
        v = parse_date_value(text)
    except ValueError:
        return
    assert isinstance(v, DateValue)


def test_long_line_reads_every_date():
    # (how long this takes is measured by bench/pathological.py, not here: timed tests flake)
    chunk = ("Putin visited on June 18, 2024, and again in 2017, first since July 2000, "
             "24 years ago, last September, on Tuesday and Wednesday, from 18 to 19 June; ")
    found = find_dates(chunk * 500, ref=REF)  # 3,500 dates on one line
    assert len(found) == 3500
    assert [f.value.hull for f in found[:7]] == [f.value.hull for f in found[-7:]]  # the same reading each time
    dull = "years and months of talks in the region " * 5000
    assert find_dates(dull, ref=REF) == []
