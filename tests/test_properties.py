"""Properties of the whole harness, stated in general and checked with hypothesis.

- a value inside a fact's tolerance matches, one moved outside it contradicts,
  whatever way it is written;
- a date written in any form matches, the same sentence with another date contradicts;
- adding unrelated sentences to an article changes no result;
- results do not depend on the order of the sources.
"""
import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import assume, given, strategies as st

from checker.casefile import check_text, fact_base
from checker.engine import findings_for, results_for, run
from checker.factbase import load_factbase
from checker.sources import resolve
from checker.text import Document
from helpers import ROOT

SHELLS = {"kind": "quantity", "about": ["North Korea"], "unit": ["shells", "rounds"]}
TEMPLATES = [
    "North Korea has shipped {} shells to Russia, officials said.",
    "Officials in Seoul say North Korea has sent {} artillery shells to Russia.",
    "North Korea's deliveries reached {} rounds, according to the estimate.",
]


def render(value: int, form: str) -> str:
    """A number as news writes it, exactly (no precision lost)."""
    if form == "commas":
        return f"{value:,}"
    if form == "digits":
        return str(value)
    if form == "nbsp":
        return f"{value:,}".replace(",", "\u00a0")
    millions = Decimal(value) / Decimal(10**6)
    text = format(millions.normalize(), "f")
    return {"million": f"{text} million", "m": f"{text}m", "mln": f"{text} mln"}[form]


values = st.integers(min_value=20, max_value=9_000).map(lambda k: k * 10_000)
forms = st.sampled_from(["commas", "digits", "nbsp", "million", "m", "mln"])


@given(values, st.sampled_from([0, 5, 10, 20]), forms, st.sampled_from(TEMPLATES))
def test_a_value_within_tolerance_matches(value, tol, form, template):
    fact = dict(SHELLS, id="f", claim="c", value=str(value), tolerance=f"{tol}%")
    result = check_text(template.format(render(value, form)), [fact])["f"]
    assert result.status == "match", (template, render(value, form), result.reason)


@given(values, st.sampled_from([0, 5, 10, 20]), st.integers(3, 200), st.booleans(), forms,
       st.sampled_from(TEMPLATES))
def test_a_value_moved_outside_tolerance_contradicts(value, tol, pct_beyond, up, form, template):
    factor = (1 + Decimal(tol + pct_beyond) / 100) if up else (1 - Decimal(tol + pct_beyond) / 100)
    assume(factor > Decimal("0.05"))
    moved = int((Decimal(value) * factor).quantize(Decimal(10_000)))
    fact = dict(SHELLS, id="f", claim="c", value=str(value), tolerance=f"{tol}%")
    lo, hi = value * (100 - tol) / 100, value * (100 + tol) / 100
    # Rounding a scaled number may reach back within tolerance: keep only moves
    # that its precision (at most 10%) cannot hide.
    assume(moved < lo * 0.89 or moved > hi * 1.12 or form in ("commas", "digits", "nbsp"))
    assume(moved > 0 and not lo <= moved <= hi)
    result = check_text(template.format(render(moved, form)), [fact])["f"]
    assert result.status == "contradiction", (template, render(moved, form), result.reason)


DATE_FORMS = {
    "us": lambda d: f"on {d:%B} {d.day}, {d.year}",
    "uk": lambda d: f"on {d.day} {d:%B} {d.year}",
    "iso": lambda d: f"on {d.isoformat()}",
    "month-day": lambda d: f"on {d:%B} {d.day}",
}
dates = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2025, 12, 31))


@given(dates, st.sampled_from(sorted(DATE_FORMS)), st.integers(2, 300))
def test_dates_match_in_any_form_and_contradict_when_moved(day, form, shift):
    fact = {"id": "f", "claim": "c", "kind": "date", "about": ["Putin", "Pyongyang"], "cues": ["visit"],
            "value": day.isoformat()}
    published = day - dt.timedelta(days=5)
    text = "Putin will visit Pyongyang {}, the Kremlin said."
    assert check_text(text.format(DATE_FORMS[form](day)), [fact], date=published)["f"].status == "match"
    other = day + dt.timedelta(days=shift)
    assume(form != "month-day" or other.year == day.year)
    got = check_text(text.format(DATE_FORMS[form](other)), [fact], date=published)["f"]
    assert got.status == "contradiction", (DATE_FORMS[form](other), got.reason)


DISTRACTORS = [
    "The weather in the capital was mild, with 12 millimetres of rain on Sunday.",
    "Shares in the carmaker rose 4% to $31.20 after it sold 2.1 million vehicles in 2023.",
    "The museum, founded in 1888, reopened on March 3 after a $45 million renovation.",
    "Prime Minister Jane Doe met the mayor of a coastal town of 40,000 people.",
    "About 300 people attended the concert, the organisers said on Friday.",
    "The report runs to 38 pages and cites 1,200 interviews conducted since 2019.",
]


def _results(fb, texts):
    out = {}
    for path, (text, date) in texts.items():
        doc = Document(path, text, date)
        for r in results_for(fb, doc, findings_for(fb, doc)):
            out[(r.fact, r.source)] = (r.status, r.stated)
    return out


def _example():
    fb = load_factbase(str(ROOT / "facts.yaml"))
    texts = {}
    for ref in resolve(fb, None):
        texts[ref.path] = ((Path(ref.open_path)).read_text(encoding="utf-8"), ref.date)
    return fb, texts


EXAMPLE = _example()
BASELINE = _results(*EXAMPLE)


@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(DISTRACTORS)), max_size=6))
def test_unrelated_sentences_change_nothing(insertions):
    fb, texts = EXAMPLE
    changed = {}
    for path, (text, date) in texts.items():
        breaks = [i for i, c in enumerate(text) if c == "\n"]
        # Insert from the end backwards so earlier offsets stay valid.
        for at, sentence in sorted(((breaks[p % len(breaks)], s) for p, s in insertions), reverse=True):
            text = text[:at] + "\n" + sentence + "\n" + text[at:]
        changed[path] = (text, date)
    assert _results(fb, changed) == BASELINE


@given(st.permutations(["sources/miami-herald-putin-visit.txt", "sources/bloomberg-putin-trips.txt",
                        "examples/draft-putin-trip.md"]))
def test_results_do_not_depend_on_source_order(order):
    import os
    fb = load_factbase("facts.yaml") if os.getcwd() == str(ROOT) else None
    assume(fb is not None)
    report = run(fb, resolve(fb, list(order)))
    by_pair = {(r.fact, r.source): (r.status, r.stated, r.evidence) for r in report.results}
    reference = run(fb, resolve(fb, sorted(order)))
    assert by_pair == {(r.fact, r.source): (r.status, r.stated, r.evidence) for r in reference.results}


FIRST = ["Andrey", "Sergei", "Olga", "Maria", "Ahmed", "Lucia", "Kwame", "Ingrid", "Tomas", "Priya"]
LAST = ["Belousov", "Lavrova", "Hassan", "Moreno", "Mensah", "Larsen", "Novak", "Sharma", "Okafor", "Brennan"]
ROLES = ["defense minister", "foreign minister", "finance minister", "interior minister", "central bank governor"]
COUNTRIES = [("Russia", "Russian"), ("Ghana", "Ghanaian"), ("Norway", "Norwegian"), ("Peru", "Peruvian")]
FORMS = [
    "{Qual} {Role} {name} said the talks were useful.",
    "{name}, {country}'s {role}, said the talks were useful.",
    "{Country}'s {role}, {name}, said the talks were useful.",
    "The delegation from {country} was led by {Qual} {Role} {name} on Monday.",
]


@given(st.sampled_from(FIRST), st.sampled_from(LAST), st.sampled_from(LAST), st.sampled_from(ROLES),
       st.sampled_from(COUNTRIES), st.sampled_from(FORMS))
def test_officials_match_their_holder_and_contradict_another(first, last, other, role, country, form):
    assume(other != last)
    name, demonym = country
    fact = {"id": "f", "claim": "c", "kind": "official", "role": role, "of": name, "person": f"{first} {last}"}
    aliases = {name: [demonym]}

    def say(person):
        return form.format(Qual=demonym, Role=role.title(), role=role, name=person, country=name, Country=name)

    assert check_text(say(f"{first} {last}"), [fact], aliases)["f"].status == "match"
    got = check_text(say(f"{first} {other}"), [fact], aliases)["f"]
    assert got.status == "contradiction", (say(f"{first} {other}"), got.reason)


@given(st.sampled_from(ROLES), st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES), st.sampled_from(LAST))
def test_another_countrys_holder_never_contradicts(role, country, foreign, last):
    assume(country != foreign)
    fact = {"id": "f", "claim": "c", "kind": "official", "role": role, "of": country[0], "person": "Jane Doe"}
    text = f"{foreign[1]} {role.title()} John {last} met officials from {country[0]} on Tuesday."
    aliases = {country[0]: [country[1]], foreign[0]: [foreign[1]]}
    assert check_text(text, [fact], aliases)["f"].status == "gap"
