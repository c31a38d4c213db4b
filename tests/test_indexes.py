"""The shortcuts that keep a corpus run cheap give the answers of the plain definitions.

Each index (which facts a sentence hands over, which holders' names can be the one
read, which known name starts or ends at a place) is checked against the loop it
replaces, on values hypothesis draws; and a run that leaves gaps out reports
exactly the non-gap results of a full run.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import threading

from hypothesis import given
from hypothesis import strategies as st

from checker.engine import findings_for, results_for, run
from checker.factbase import load_factbase
from checker.sources import read_source, resolve
from checker.triggers import TriggerIndex
from checker.validators.holders import KnownNames
from checker.values.names import name_keys, same_person

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --- which facts a sentence hands over -----------------------------------------

KEYS = st.sampled_from([(c, k) for c in ("anchor", "unit", "role", "cue") for k in "abcdef"])
FACT = st.tuples(st.sets(KEYS, min_size=1, max_size=3), st.sets(KEYS.filter(lambda k: k[0] == "anchor"), max_size=3))


class _Fact:
    def __init__(self, i: int):
        self.id, self.kind = f"f{i}", ("date", "quantity", "official")[i % 3]


@given(st.lists(FACT, max_size=12), st.sets(KEYS, max_size=6), st.sets(KEYS, max_size=6))
def test_handed_facts_are_those_triggered_with_their_anchors_in_reach(facts, triggered, extra_reach):
    in_reach = triggered | extra_reach
    index = TriggerIndex([_Fact(i) for i in range(len(facts))], [t for t, _ in facts], [n for _, n in facts])
    plain = {i for i, (trig, need) in enumerate(facts) if trig & triggered and need <= in_reach}
    assert index.facts_for(triggered, in_reach) == plain
    for _ in range(2):  # the second call comes from the memo
        handed = index.handed(triggered, in_reach)
        assert sorted(int(f.id[1:]) for fs in handed.values() for f in fs) == sorted(plain)
        assert all(f.kind == kind for kind, fs in handed.items() for f in fs)
    # explain's view: triggered, anchors or not
    every = index.triggered_by(triggered)
    assert sorted(int(f.id[1:]) for fs in every.values() for f in fs) == \
        sorted(i for i, (trig, _) in enumerate(facts) if trig & triggered)


# --- names ---------------------------------------------------------------------

GIVEN = ["Yury", "Yuri", "Iurii", "Andrei", "Andrey", "Kim", "Jong", "Won-sik", "Wonsik", "Al-Sayed", "Jane",
         "Aleksandr", "Alexander", "J.", "Mohammed", "Muhammad", "Shin", "Dmitry", "Dmitriy"]
FAMILY = ["Borisov", "Borisow", "Belousov", "Un", "Kim", "Lavrov", "Doe", "Novak", "Peskov", "Wonsik", "Sayed",
          "Abdullah", "Abdulla", "Haniyeh", "Haniya", "Roe", "Ushakov"]
NAMES = st.lists(st.sampled_from(GIVEN + FAMILY), min_size=1, max_size=3).map(" ".join)


@given(NAMES, NAMES)
def test_names_that_can_be_one_person_share_a_name_key(a, b):
    if same_person(a, b):
        assert name_keys(a) & name_keys(b)


def _longest_first(persons):
    """Names in the order they are tried: the longest first ("Kim Jong-un" before "Kim"),
    then in fact order."""
    return sorted(dict.fromkeys(persons), key=lambda p: -len(p))


def _plain_at(persons, text, pos):
    for p in _longest_first(persons):
        if text.startswith(p, pos) and not text[pos + len(p):pos + len(p) + 1].isalnum():
            return p
    return None


def _plain_ending(persons, text, end, floor):
    for p in _longest_first(persons):
        start = end - len(p)
        if start >= floor and text.startswith(p, start) and not text[start - 1:start].isalnum():
            return p
    return None


@given(st.lists(st.one_of(NAMES, st.sampled_from(["B", "Bo", "Bo Lan", "Lan"])), max_size=8),
       st.lists(st.one_of(NAMES, st.sampled_from(["said", ",", "Bo Lan", "B"])), max_size=6).map(" ".join),
       st.data())
def test_known_names_are_found_as_by_trying_each(persons, text, data):
    known = KnownNames(persons)
    # word starts and ends, where names are looked for, and any other place
    places = [i for i in range(len(text) + 1) if text[i - 1:i] in ("", " ") or text[i:i + 1] in ("", " ", ",")]
    pos = data.draw(st.one_of(st.sampled_from(places), st.integers(0, len(text) + 2)))
    floor = data.draw(st.integers(0, 10))
    assert known.at(text, pos) == _plain_at(known.persons, text, pos)
    assert known.ending(text, pos, floor) == _plain_ending(known.persons, text, pos, floor)


def test_the_longest_known_name_wins_where_several_start_or_end():
    for persons in (["Bo", "Bo Lan", "B"], ["Bo Lan", "Bo", "B"], ["Lan", "Bo Lan"], ["Bo Lan", "Lan"]):
        known = KnownNames(persons)
        for pos in range(len("said Bo Lan, who") + 1):
            assert known.at("said Bo Lan, who", pos) == _plain_at(persons, "said Bo Lan, who", pos)
            assert known.ending("said Bo Lan, who", pos, 0) == _plain_ending(persons, "said Bo Lan, who", pos, 0)


# --- leaving gaps out ------------------------------------------------------------

def test_results_without_gaps_are_the_non_gaps_of_the_full_results():
    fb = load_factbase(os.path.join(ROOT, "facts.yaml"))
    refs = resolve(fb, [os.path.join(ROOT, "sources", "*.txt"), os.path.join(ROOT, "examples", "*.md")])
    assert len(refs) == 3
    for ref in refs:
        doc = read_source(ref, None, fb.reference_date)
        findings = findings_for(fb, doc)
        full = results_for(fb, doc, findings)
        assert len(full) == len(fb.facts)
        assert results_for(fb, doc, findings, keep_gaps=False) == [r for r in full if r.status != "gap"]


def test_a_run_without_gaps_counts_them_and_keeps_everything_else(tmp_path):
    originals = [os.path.join(ROOT, "sources", n) for n in sorted(os.listdir(os.path.join(ROOT, "sources")))]
    originals.append(os.path.join(ROOT, "examples", "draft-putin-trip.md"))
    for copy in range(4):  # enough sources for two workers
        for path in originals:
            shutil.copy(path, tmp_path / f"{copy}-{os.path.basename(path)}")
    shutil.copy(os.path.join(ROOT, "facts.yaml"), tmp_path / "facts.yaml")
    fb = load_factbase(str(tmp_path / "facts.yaml"))
    refs = resolve(fb, [str(tmp_path / "*-*")])
    assert len(refs) == 12
    today = dt.date(2026, 1, 1)
    full = run(fb, refs, today=today)
    for jobs in (1, 2):
        called = threading.Event()
        lean = run(fb, refs, omit_gaps=True, today=today, jobs=jobs, meanwhile=called.set)
        assert (called.wait(5) if jobs == 2 else not called.is_set())  # only workers leave this process idle
        assert lean.results == tuple(r for r in full.results if r.status != "gap")
        assert lean.omitted_gaps == sum(1 for r in full.results if r.status == "gap") > 0
        assert lean.sources == full.sources


def test_holders_in_force_are_kept_per_date_not_per_first_source():
    # The official validator keeps the holders in force per source date: sources of
    # different dates, checked in any order with one fact base, each get their own.
    from checker.casefile import fact_base
    from checker.sources import make_document

    fb = fact_base([
        {"id": "new", "kind": "official", "role": "prime minister", "of": "Portugal", "person": "Ana Costa",
         "valid": "2024-01-01/.."},
        {"id": "old", "kind": "official", "role": "prime minister", "of": "Portugal", "person": "Jan Novak",
         "valid": "2020-01-01/2023-12-31"},
    ])
    text = "Portugal's new budget was approved. Jan Novak, the prime minister, promised lower taxes."
    for dates in ([dt.date(2023, 6, 1), dt.date(2024, 6, 1)], [dt.date(2024, 6, 1), dt.date(2023, 6, 1)]):
        got = {}
        for date in dates:
            doc = make_document(f"{date}.txt", text, cli_date=date)
            got[date] = {r.fact: r.status for r in results_for(fb, doc, findings_for(fb, doc))}
        assert got[dt.date(2023, 6, 1)] == {"new": "gap", "old": "match"}
        assert got[dt.date(2024, 6, 1)] == {"new": "contradiction", "old": "gap"}
