"""The contrastive generator: every rendering of a fact's value matches, and the same
sentence with the value moved outside it (another number, date or person) contradicts.

The fixed set (bench/contrastive.py, seed 0) runs whole; hypothesis then draws new
values, days, publication dates and people into the same sentences.
"""
import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from checker.casefile import run_case
from contrastive import (DATES, OFFICIALS, QUANTITIES, Amount, date_cases, generate, official_cases,
                         quantity_cases)


def _failures(cases):
    bad = []
    for case in cases:
        got = run_case(case["data"], case["defaults"])["f"]
        if got.status != case["data"]["expect"]:
            bad.append(f"{case['data']['name']}: {case['data']['text']!r} -> {got.status} ({got.reason})")
    return bad


def test_generator_is_deterministic_and_large():
    a, b = generate(0), generate(0)
    assert a == b
    assert len(a) >= 1000
    assert {c["data"]["expect"] for c in a} == {"match", "contradiction"}


@pytest.mark.parametrize("kind", ["quantity", "date", "official"])
def test_every_generated_case_passes(kind):
    cases = [c for c in generate(0) if c["data"]["name"].startswith(kind + "/")]
    assert cases
    bad = _failures(cases)
    assert not bad, f"{len(bad)} of {len(cases)} fail:\n" + "\n".join(bad[:20])


amounts = st.one_of(
    st.builds(Amount, st.integers(2, 95).map(float), st.sampled_from([3, 6, 9])),
    st.builds(Amount, st.integers(11, 95).map(lambda n: n / 10), st.sampled_from([6, 9])),
)


@given(st.sampled_from([s for s in QUANTITIES if s.style != "percent"]), amounts, st.randoms())
def test_any_amount_renders_to_a_match_and_moves_to_a_contradiction(scenario, amount, rng):
    cases = list(quantity_cases(replace(scenario, amount=amount)))
    sample = rng.sample(cases, min(12, len(cases)))
    assert not _failures(sample)


@given(st.sampled_from([s for s in QUANTITIES if s.style == "percent"]),
       st.integers(10, 300).map(lambda n: Amount(n / 10, 0)), st.randoms())
def test_any_percentage_renders_to_a_match_and_moves_to_a_contradiction(scenario, amount, rng):
    cases = list(quantity_cases(replace(scenario, amount=amount)))
    assert not _failures(rng.sample(cases, min(12, len(cases))))


@given(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 6), st.randoms())
def test_any_day_renders_to_a_match_and_moves_to_a_contradiction(day, after, rng):
    scenario = replace(next(s for s in DATES if s.form == "day"), value=day.isoformat(),
                       date=(day + dt.timedelta(days=after)).isoformat())
    cases = list(date_cases(scenario))
    assert not _failures(rng.sample(cases, min(12, len(cases))))


@given(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 20)), st.integers(1, 5), st.randoms())
def test_any_range_renders_to_a_match_and_moves_to_a_contradiction(day, before, rng):
    end = day + dt.timedelta(days=1)
    if end.month != day.month:
        day, end = day - dt.timedelta(days=1), day
    scenario = replace(next(s for s in DATES if s.form == "range"), value=f"{day}/{end}",
                       date=(day - dt.timedelta(days=before)).isoformat())
    cases = list(date_cases(scenario))
    assert not _failures(rng.sample(cases, min(12, len(cases))))


@given(st.integers(1975, 2018), st.integers(1, 12), st.dates(dt.date(2021, 1, 1), dt.date(2030, 12, 31)),
       st.randoms())
def test_any_last_time_renders_to_a_match_and_moves_to_a_contradiction(year, month, pub, rng):
    scenario = replace(next(s for s in DATES if s.form == "since"), value=f"{year}-{month:02d}",
                       date=pub.isoformat())
    cases = list(date_cases(scenario))
    assert not _failures(rng.sample(cases, min(12, len(cases))))


@given(st.sampled_from(OFFICIALS), st.sampled_from(OFFICIALS), st.randoms())
def test_any_holder_renders_to_a_match_and_another_contradicts(scenario, other, rng):
    if other.person == scenario.person:
        other = OFFICIALS[(OFFICIALS.index(other) + 1) % len(OFFICIALS)]
    cases = list(official_cases(replace(scenario, other=other.person)))
    assert not _failures(rng.sample(cases, min(12, len(cases))))
