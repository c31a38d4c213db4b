#!/usr/bin/env python3
"""Contrastive cases: every way of writing a fact's value must match, and the
same sentence with the value moved just outside it must contradict.

For each scenario (a fact, its aliases, a publication date and real-looking
sentence templates) the generator renders the fact's value in every surface form
it knows (digits, words, scales, approximations, ranges, date orders, weekday and
relative forms against the publication date, transliterations, role synonyms)
and pairs each rendering with a perturbation: the same sentence with the value
moved outside tolerance, another person in the role, another date.

    generate(seed)     every rendering x template, each with its perturbation
    random_case(rng)   one case drawn at random (for hypothesis)

Cases are dicts in the checker.casefile form: {"data": case, "defaults": {...}}.
Usage: python bench/contrastive.py [--seed N] [--count] prints a summary or the
cases as YAML.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass, field

import yaml

# --- numbers ------------------------------------------------------------------

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALE_WORD = {3: "thousand", 6: "million", 9: "billion"}


def words_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(_ONES[n])
    return " ".join(parts)


@dataclass(frozen=True)
class Amount:
    """mantissa x 10**exp, with mantissa a whole number or one decimal."""
    mantissa: float
    exp: int          # 0, 3, 6 or 9

    @property
    def value(self) -> float:
        return self.mantissa * 10 ** self.exp

    def scaled(self, factor: float) -> "Amount":
        m = self.mantissa * factor
        exp = self.exp
        while m >= 1000 and exp < 9:
            m, exp = m / 1000, exp + 3
        while m < 1 and exp > 0:
            m, exp = m * 1000, exp - 3
        return Amount(round(m, 1), exp)

    def mant(self) -> str:
        return f"{self.mantissa:g}"

    def digits(self) -> str:
        v = self.value
        return f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"


def number_forms(a: Amount) -> dict[str, str]:
    """Ways of writing the number alone (no unit), keyed by form name."""
    forms = {"digits": a.digits()}
    if a.value >= 10_000 and a.value == int(a.value):
        forms["digits-thin-space"] = a.digits().replace(",", "\u202f")
    if a.exp >= 6:
        word = _SCALE_WORD[a.exp]
        forms["scale-word"] = f"{a.mant()} {word}"
        abbrev = {6: ["m", "mn", " mln"], 9: ["bn", "bln", "b"]}[a.exp]
        for ab in abbrev:
            forms[f"scale-{ab.strip()}"] = f"{a.mant()}{ab}"
    if a.exp >= 3 and a.mantissa == int(a.mantissa) and a.mantissa < 1000:
        forms["words"] = f"{words_below_1000(int(a.mantissa))} {_SCALE_WORD[a.exp]}"
    elif a.exp == 0 and a.mantissa == int(a.mantissa) and a.mantissa < 1000:
        forms["words"] = words_below_1000(int(a.mantissa))
    if a.exp >= 6 and a.mantissa == 0.5:
        forms["half-a"] = f"half a {_SCALE_WORD[a.exp]}"
    return forms


# Approximations and bounds that, around the exact value, stay consistent with a
# fact of +-10%: (name, template over a rendered number, factor applied first).
APPROX = [
    ("about", "about {n}", 1.0),
    ("nearly", "nearly {n}", 1.0),
    ("almost", "almost {n}", 1.0),
    ("roughly", "roughly {n}", 1.0),
    ("some", "some {n}", 1.0),
    ("around", "around {n}", 1.0),
    ("an-estimated", "an estimated {n}", 1.0),
    ("more-than-lower", "more than {n}", 0.8),
    ("at-least-lower", "at least {n}", 0.8),
    ("over-lower", "over {n}", 0.8),
    ("fewer-than-higher", "less than {n}", 1.2),
    ("tilde", "~{n}", 1.0),
]


@dataclass(frozen=True)
class QuantityScenario:
    name: str
    about: list[str]
    unit: list[str]
    cues: list[str]
    amount: Amount
    style: str                 # count | currency | percent
    templates: list[str]       # with {q}: the quantity phrase (number + unit)
    date: str = "2024-06-17"
    aliases: dict = field(default_factory=dict)
    tolerance: str | None = "10%"


def quantity_phrase(style: str, number: str, unit_word: str, form: str) -> str:
    if style == "currency":
        sym, word = unit_word.split("|")
        return f"{number} {word}" if form.endswith("word-unit") else f"{sym}{number}"
    if style == "percent":
        return {"pct-sign": f"{number}%", "pct-percent": f"{number} percent",
                "pct-per-cent": f"{number} per cent"}[form]
    return f"{number} {unit_word}"


def quantity_renderings(s: QuantityScenario):
    """(form name, phrase for the value, phrase for the moved value)."""
    moved = s.amount.scaled(3)
    unit_forms = {"count": [("", s.unit[0])],
                  "currency": [("sym", s.unit[0]), ("word-unit", s.unit[0])],
                  "percent": [("pct-sign", ""), ("pct-percent", ""), ("pct-per-cent", "")]}[s.style]
    for uform, uword in unit_forms:
        exact, far = number_forms(s.amount), number_forms(moved)
        for fname, text in exact.items():
            if fname not in far:
                continue
            if s.style == "currency" and uform == "sym" and fname == "words":
                continue  # "$five million" is not written
            name = "-".join(x for x in (fname, uform) if x)
            yield (name, quantity_phrase(s.style, text, uword, uform),
                   quantity_phrase(s.style, far[fname], uword, uform))
        for aname, tmpl, factor in APPROX:
            base = s.amount.scaled(factor)
            n_exact = number_forms(base).get("scale-word") or number_forms(base)["digits"]
            # an upper bound moves down to leave the fact's interval, the others up
            far_base = (s.amount.scaled(1 / 3) if factor > 1 else moved).scaled(factor)
            n_far = number_forms(far_base).get("scale-word") or number_forms(far_base)["digits"]
            if s.style == "currency" and uform == "sym":
                q_exact = tmpl.format(n=f"{s.unit[0].split('|')[0]}{n_exact}")
                q_far = tmpl.format(n=f"{s.unit[0].split('|')[0]}{n_far}")
            else:
                q_exact = quantity_phrase(s.style, tmpl.format(n=n_exact), uword, uform)
                q_far = quantity_phrase(s.style, tmpl.format(n=n_far), uword, uform)
            yield (f"{aname}-{uform}" if uform else aname, q_exact, q_far)
        if s.style == "count" and s.amount.exp >= 6:
            lo, hi = s.amount.scaled(0.8), s.amount.scaled(1.2)
            flo, fhi = moved.scaled(0.8), moved.scaled(1.2)
            if lo.exp == hi.exp == s.amount.exp and flo.exp == fhi.exp:
                w, fw = _SCALE_WORD[lo.exp], _SCALE_WORD[flo.exp]
                yield ("range-dash", f"{lo.mant()}-{hi.mant()} {w} {uword}",
                       f"{flo.mant()}-{fhi.mant()} {fw} {uword}")
                yield ("range-between", f"between {lo.mant()} and {hi.mant()} {w} {uword}",
                       f"between {flo.mant()} and {fhi.mant()} {fw} {uword}")
                yield ("range-to", f"{lo.mant()} {w} to {hi.mant()} {w} {uword}",
                       f"{flo.mant()} {fw} to {fhi.mant()} {fw} {uword}")


QUANTITIES = [
    QuantityScenario(
        "storm-homes", about=["Hurricane Delia"], unit=["homes", "houses"], cues=["destroyed", "damaged"],
        amount=Amount(12, 3), style="count",
        aliases={"Hurricane Delia": ["Delia", "the hurricane", "the storm"]},
        templates=[
            "Hurricane Delia destroyed {q} across the Gulf Coast, state officials said on Sunday.",
            "The storm destroyed {q} in three counties, the governor told reporters.",
            "Hurricane Delia: {q} destroyed, power cut to a million customers",
            "\"Hurricane Delia has destroyed {q} in this state,\" the governor told reporters.",
        ]),
    QuantityScenario(
        "aid-package", about=["Germany", "Ukraine"], unit=["€|euros"], cues=["aid", "package", "pledged"],
        amount=Amount(1.4, 9), style="currency",
        aliases={"Germany": ["German", "Berlin"], "Ukraine": ["Ukrainian", "Kyiv"]},
        templates=[
            "Germany pledged {q} in military aid to Ukraine on Tuesday, the defence ministry said.",
            "Berlin's new package for Ukraine is worth {q}, according to the finance ministry.",
            "Germany unveils {q} air-defence package for Ukraine",
        ]),
    QuantityScenario(
        "layoffs", about=["Acme Motors"], unit=["jobs", "positions"], cues=["cut", "layoffs", "eliminate"],
        amount=Amount(4.5, 3), style="count",
        aliases={"Acme Motors": ["Acme", "the carmaker"]},
        templates=[
            "Acme Motors will cut {q} worldwide as it restructures its European business.",
            "The carmaker said on Thursday it would eliminate {q} in Europe and Asia.",
            "Acme to cut {q} in restructuring",
        ]),
    QuantityScenario(
        "evacuations", about=["Valencia"], unit=["people", "residents"], cues=["evacuated", "fled", "displaced"],
        amount=Amount(1.2, 6), style="count", aliases={"Valencia": ["Valencian"]},
        templates=[
            "Authorities in Valencia evacuated {q} as the river burst its banks on Wednesday.",
            "More rain is forecast after floods in Valencia displaced {q} this week.",
        ]),
    QuantityScenario(
        "revenue", about=["Nordlicht"], unit=["$|dollars"], cues=["revenue", "sales"],
        amount=Amount(30, 9), style="currency", date="2024-08-29", aliases={"Nordlicht": ["Nordlicht Systems", "the company"]},
        templates=[
            "Nordlicht reported quarterly revenue of {q}, up from a year earlier.",
            "Revenue at Nordlicht Systems reached {q} in the three months to July.",
        ]),
    QuantityScenario(
        "inflation", about=["Brazil", "inflation"], unit=["%", "percent"], cues=["inflation", "prices"],
        amount=Amount(4.2, 0), style="percent", tolerance="0.1",
        aliases={"Brazil": ["Brazilian"], "inflation": ["consumer prices", "prices"]},
        templates=[
            "Inflation in Brazil rose to {q} in May, the statistics agency said.",
            "Brazil's annual inflation stood at {q} last month, above the central bank's target.",
        ]),
]

# --- dates --------------------------------------------------------------------

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def day_forms(d: dt.date, pub: dt.date) -> dict[str, str]:
    m = MONTHS[d.month - 1]
    forms = {
        "month-day": f"on {m} {d.day}",
        "day-month": f"on {d.day} {m}",
        "month-day-year": f"on {m} {d.day}, {d.year}",
        "day-month-year": f"on {d.day} {m} {d.year}",
        "ordinal": f"on {m} {d.day}{_ordinal(d.day)}",
        "the-ordinal-of": f"on the {d.day}{_ordinal(d.day)} of {m}",
        "abbrev-month": f"on {m[:3]}. {d.day}" if len(m) > 4 else f"on {m} {d.day}",
        "iso": f"on {d.isoformat()}",
        "dotted": f"on {d.day}.{d.month}.{d.year}",
        "spoken-ordinal": f"on the {_SPOKEN[d.day - 1]} of {m}",
    }
    delta = (d - pub).days
    if 1 <= -delta <= 6:
        forms["weekday-past"] = f"on {WEEKDAYS[d.weekday()]}"
        forms["last-weekday"] = f"last {WEEKDAYS[d.weekday()]}"
    if 1 <= delta <= 6:
        forms["weekday-future"] = f"on {WEEKDAYS[d.weekday()]}"
        forms["next-weekday"] = f"next {WEEKDAYS[d.weekday()]}" if delta > 1 else f"on {WEEKDAYS[d.weekday()]}"
    if delta == -1:
        forms["yesterday"] = "yesterday"
    return forms


_SPOKEN = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second
twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth
thirty-first""".split()


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def range_forms(a: dt.date, b: dt.date, pub: dt.date) -> dict[str, str]:
    m = MONTHS[a.month - 1]
    forms = {
        "month-dash": f"on {m} {a.day}-{b.day}",
        "dash-month": f"on {a.day}-{b.day} {m}",
        "en-dash": f"on {a.day}\u2013{b.day} {m}",
        "from-to": f"from {m} {a.day} to {b.day}",
        "from-to-month": f"from {m} {a.day} to {m} {b.day}",
        "and": f"on {a.day} and {b.day} {m}",
        "year": f"on {m} {a.day}-{b.day}, {a.year}",
    }
    if 1 <= (a - pub).days <= 5:
        forms["weekdays"] = f"on {WEEKDAYS[a.weekday()]} and {WEEKDAYS[b.weekday()]}"
    return forms


def month_forms(year: int, month: int, pub: dt.date) -> dict[str, str]:
    m = MONTHS[month - 1]
    forms = {"month-year": f"in {m} {year}", "month-comma-year": f"in {m}, {year}"}
    if (year, month) < (pub.year, pub.month) and (pub.year - year) * 12 + pub.month - month < 12:
        forms["last-month-name"] = f"last {m}"
        forms["in-month"] = f"in {m}"
    return forms


def since_forms(year: int, month: int | None, pub: dt.date) -> dict[str, str]:
    forms = {"since-year": f"since {year}"}
    if month:
        forms["since-month-year"] = f"since {MONTHS[month - 1]} {year}"
    years = pub.year - year - (1 if month and (pub.month < month) else 0)
    if years >= 2:
        if years < len(_ONES):
            forms["in-n-years-words"] = f"in {_ONES[years]} years"
        forms["in-n-years"] = f"in {years} years"
    return forms


@dataclass(frozen=True)
class DateScenario:
    name: str
    about: list[str]
    cues: list[str]
    value: str                 # ISO day, range, month or year
    date: str
    templates: list[str]       # with {d}: the date phrase
    aliases: dict = field(default_factory=dict)
    form: str = "day"          # day | range | month | since


# "last Monday" said on a Friday may mean four days or eleven days before.
_AMBIGUOUS = ("last-weekday",)


def date_renderings(s: DateScenario):
    pub = dt.date.fromisoformat(s.date)
    if s.form == "day":
        d = dt.date.fromisoformat(s.value)
        exact = all_forms = day_forms(d, pub)
        for shift in (-2, 2, 9):
            far = day_forms(d + dt.timedelta(days=shift), pub)
            for name, text in exact.items():
                if name in far and name not in _AMBIGUOUS:
                    yield name, text, far[name]
            exact = {k: v for k, v in exact.items() if k not in far}
        for name in _AMBIGUOUS:  # no clear perturbation: a wider reading overlaps the fact
            if name in all_forms:
                yield name, all_forms[name], None
    elif s.form == "range":
        a, b = (dt.date.fromisoformat(x) for x in s.value.split("/"))
        exact = range_forms(a, b, pub)
        shift = dt.timedelta(days=3)
        if (b + shift).month != b.month:
            shift = -shift  # keep the moved range inside one month, as the forms write it
        far = range_forms(a + shift, b + shift, pub)
        for name, text in exact.items():
            if name in far:
                yield name, text, far[name]
    elif s.form == "month":
        y, m = (int(x) for x in s.value.split("-"))
        exact = month_forms(y, m, pub)
        fy, fm = (y, m - 4) if m > 4 else (y - 1, m + 4)
        far = month_forms(fy, fm, pub)
        for name, text in exact.items():
            if name in far:
                yield name, text, far[name]
            elif name in ("month-year", "month-comma-year"):
                yield name, text, text.replace(str(y), str(y - 1))
    elif s.form == "since":
        parts = s.value.split("-")
        y, m = int(parts[0]), (int(parts[1]) if len(parts) > 1 else None)
        exact = since_forms(y, m, pub)
        far = since_forms(y - 6, m, pub)
        for name, text in exact.items():
            if name in far:
                yield name, text, far[name]


DATES = [
    DateScenario(
        "quake-day", about=["earthquake"], cues=["struck", "hit", "jolted"], value="2024-04-03",
        date="2024-04-05", form="day", aliases={"earthquake": ["quake", "tremor"]},
        templates=[
            "The magnitude 7.4 earthquake struck {d} off the east coast, the weather agency said.",
            "Rescuers were still searching for survivors after the quake hit {d}.",
            "The tremor that jolted the island {d} was felt as far away as Shanghai.",
        ]),
    DateScenario(
        "election-day", about=["Mexico", "election"], cues=["vote", "election", "voted", "held"],
        value="2024-06-02", date="2024-06-06", form="day",
        aliases={"Mexico": ["Mexican", "Mexicans"], "election": ["presidential election", "vote"]},
        templates=[
            "Mexicans voted in a presidential election {d}, choosing the country's first woman leader.",
            "Mexico's election, held {d}, gave the ruling party a two-thirds majority.",
        ]),
    DateScenario(
        "summit-range", about=["Modi", "Moscow"], cues=["visit", "trip", "travel"],
        value="2024-07-08/2024-07-09", date="2024-07-05", form="range",
        aliases={"Modi": ["Narendra Modi", "Indian Prime Minister"], "Moscow": ["Russia"]},
        templates=[
            "Indian Prime Minister Narendra Modi will visit Moscow {d}, the foreign ministry said.",
            "Modi is due to travel to Russia {d} for his first trip there since 2019.",
        ]),
    DateScenario(
        "summit-month", about=["summit", "Delhi"], cues=["held", "hosted", "summit"],
        value="2023-09", date="2024-06-17", form="month",
        aliases={"summit": ["G20 summit", "G20"], "Delhi": ["New Delhi", "India"]},
        templates=[
            "Leaders last met at the G20 summit in New Delhi {d}, where a joint statement was agreed.",
            "India hosted the G20 summit in Delhi {d}.",
        ]),
    DateScenario(
        "last-visit", about=["Xi", "France"], cues=["first since", "first in", "last visited"],
        value="2019-03", date="2024-05-06", form="since",
        aliases={"Xi": ["Xi Jinping", "Chinese President"], "France": ["Paris", "French"]},
        templates=[
            "Xi Jinping arrived in Paris on Sunday for his first visit to France {d}.",
            "The trip is Xi's first to France {d}, officials said.",
        ]),
]

# --- officials ----------------------------------------------------------------


@dataclass(frozen=True)
class OfficialScenario:
    name: str
    role: str
    of: str
    person: str
    variants: list[str]        # other spellings of the person
    other: str                 # another person, for the perturbation
    adjective: str             # the country's adjective ("Russian")
    role_forms: list[str]      # the role as written ("Defence Minister")
    aliases: dict = field(default_factory=dict)
    date: str = "2024-06-17"


OFFICIAL_TEMPLATES = [
    ("title-before", "{Adj} {Role} {P} said on Tuesday that talks would continue."),
    ("appositive", "{P}, {Of}'s {role}, told reporters the plan was on track."),
    ("possessive-first", "{Of}'s {role}, {P}, arrived in Brussels on Monday for two days of talks."),
    ("the-adj-role", "{P}, the {Adj} {role}, met his counterpart in Paris."),
    ("caption", "{Adj} {Role} {P} at a news conference on June 14."),
    ("quote", "\"We will not back down,\" {Adj} {role} {P} said in a televised address."),
    ("is-link", "The {Adj} {role} is {P}, who took the post last year."),
]


def official_renderings(s: OfficialScenario):
    for tname, tmpl in OFFICIAL_TEMPLATES:
        for role in s.role_forms:
            for person in [s.person, *s.variants]:
                fill = dict(Adj=s.adjective, Of=s.of, Role=role, role=role.lower() if role[0].isupper()
                            and not role.isupper() else role)
                yield (f"{tname}/{role}/{person}", tmpl.format(P=person, **fill),
                       tmpl.format(P=s.other, **fill))


OFFICIALS = [
    OfficialScenario(
        "ru-defense", role="defense minister", of="Russia", person="Andrey Belousov",
        variants=["Andrei Belousov"], other="Sergei Shoigu", adjective="Russian",
        role_forms=["Defense Minister", "Defence Minister"],
        aliases={"Russia": ["Russian", "Moscow"], "defense minister": ["defence minister"]}),
    OfficialScenario(
        "ua-president", role="president", of="Ukraine", person="Volodymyr Zelensky",
        variants=["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"], other="Petro Poroshenko",
        adjective="Ukrainian", role_forms=["President"],
        aliases={"Ukraine": ["Ukrainian", "Kyiv"]}),
    OfficialScenario(
        "jp-finance", role="finance minister", of="Japan", person="Shunichi Suzuki",
        variants=[], other="Katsunobu Kato", adjective="Japanese", role_forms=["Finance Minister"],
        aliases={"Japan": ["Japanese", "Tokyo"]}),
    OfficialScenario(
        "cn-foreign", role="foreign minister", of="China", person="Wang Yi",
        variants=[], other="Qin Gang", adjective="Chinese", role_forms=["Foreign Minister"],
        aliases={"China": ["Chinese", "Beijing"]}),
    OfficialScenario(
        "de-chancellor", role="chancellor", of="Germany", person="Olaf Scholz",
        variants=[], other="Friedrich Merz", adjective="German", role_forms=["Chancellor"],
        aliases={"Germany": ["German", "Berlin"]}),
]

# --- cases ----------------------------------------------------------------------


def _case(scenario, kind_fact: dict, name: str, text: str, expect: str) -> dict:
    defaults = {"date": scenario.date, "aliases": scenario.aliases}
    return {"data": {"name": name, "text": text, "fact": kind_fact, "expect": expect}, "defaults": defaults}


def _quantity_fact(s: QuantityScenario) -> dict:
    unit = [u.split("|")[0] for u in s.unit] + [u.split("|")[1] for u in s.unit if "|" in u]
    fact = {"kind": "quantity", "about": s.about, "unit": unit, "cues": s.cues,
            "value": s.amount.digits().replace(",", "")}
    if s.tolerance:
        fact["tolerance"] = s.tolerance
    return fact


def quantity_cases(s: QuantityScenario):
    fact = _quantity_fact(s)
    for form, exact, far in quantity_renderings(s):
        for i, t in enumerate(s.templates):
            yield _case(s, fact, f"quantity/{s.name}/{form}/t{i}", t.format(q=exact), "match")
            yield _case(s, fact, f"quantity/{s.name}/{form}/t{i}/moved", t.format(q=far), "contradiction")


def date_cases(s: DateScenario):
    fact = {"kind": "date", "about": s.about, "cues": s.cues, "value": s.value}
    for form, exact, far in date_renderings(s):
        for i, t in enumerate(s.templates):
            text = t.format(d=exact)
            yield _case(s, fact, f"date/{s.name}/{form}/t{i}", _sentence_start(text), "match")
            if far is not None:
                yield _case(s, fact, f"date/{s.name}/{form}/t{i}/moved", _sentence_start(t.format(d=far)),
                            "contradiction")


def official_cases(s: OfficialScenario):
    fact = {"kind": "official", "role": s.role, "of": s.of, "person": s.person}
    for form, exact, far in official_renderings(s):
        yield _case(s, fact, f"official/{s.name}/{form}", exact, "match")
        yield _case(s, fact, f"official/{s.name}/{form}/other-person", far, "contradiction")


def _sentence_start(text: str) -> str:
    return text[0].upper() + text[1:]


def generate(seed: int = 0) -> list[dict]:
    """Every case, in a deterministic order shuffled by the seed."""
    cases = []
    for s in QUANTITIES:
        cases.extend(quantity_cases(s))
    for s in DATES:
        cases.extend(date_cases(s))
    for s in OFFICIALS:
        cases.extend(official_cases(s))
    random.Random(seed).shuffle(cases)
    return cases


_ALL: list[dict] | None = None


def random_case(rng: random.Random) -> dict:
    global _ALL
    if _ALL is None:
        _ALL = generate(0)
    return rng.choice(_ALL)


def forms_covered(cases: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in cases:
        kind, scenario, form = c["data"]["name"].split("/")[:3]
        out.setdefault(kind, set()).add(form)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Contrastive cases for the checker.")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--yaml", action="store_true", help="print the cases as YAML")
    args = ap.parse_args(argv)
    cases = generate(args.seed)
    if args.yaml:
        yaml.safe_dump([c["data"] for c in cases], sys.stdout, sort_keys=False, allow_unicode=True)
        return 0
    by_expect: dict[str, int] = {}
    for c in cases:
        by_expect[c["data"]["expect"]] = by_expect.get(c["data"]["expect"], 0) + 1
    print(f"{len(cases)} cases: " + ", ".join(f"{v} {k}" for k, v in sorted(by_expect.items())))
    for kind, forms in sorted(forms_covered(cases).items()):
        print(f"{kind}: {len(forms)} forms: {', '.join(sorted(forms))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
