"""Cues read from a fact's claim when the fact gives none (checker/claim_cues.py)."""
from hypothesis import given
from hypothesis import strategies as st

from checker.claim_cues import claim_cues
from checker.factbase import parse_factbase
from checker.values.calendar_words import CALENDAR_NAMES


def test_the_claims_verb_is_a_cue_with_its_group():
    cues = claim_cues("The Progress Party won 87 seats", ["Progress Party", "seats", "87"])
    assert cues[0] == "win" and {"take", "secure"} <= set(cues)


def test_anchors_units_and_values_are_not_cues():
    cues = claim_cues("North Korea sent nearly 5 million artillery shells", ["North Korea", "artillery shells", "nearly 5 million"])
    assert "north" not in cues and "korea" not in cues and "artillery" not in cues and "shell" not in cues
    assert "send" in cues


def test_names_brackets_and_calendar_words_are_not_cues():
    cues = claim_cues("Delta cancelled flights in Atlanta from July 19 to 24 (per the FAA), a Friday", ["Delta", "flights"])
    assert cues[:1] == ["cancel"]
    assert not {"atlanta", "faa", "per", "july", "friday"} & set(cues)


def test_a_claim_of_anchors_and_value_alone_gives_no_cues():
    assert claim_cues("The earthquake had a magnitude of 6.8 (USGS; CNRST measured 7.0)", ["earthquake", "magnitude", "6.8"]) == []


def test_plural_and_first_word_of_the_claim():
    assert claim_cues("Turnout in the second round was 66.6%", ["%"])[:1] == ["turnout"]
    assert "casualty" in claim_cues("Casualties reached 400", [])


def _fact_base(cues_line: str) -> str:
    return f"""
version: 1
aliases:
  Delta: [Delta Air Lines]
facts:
  - id: delta-cancellations
    kind: quantity
    claim: Delta Air Lines cancelled about 7,000 flights
    about: [Delta]
    unit: [flights]
{cues_line}    value: about 7000
"""


def test_a_fact_without_cues_takes_its_claims_words():
    (fact,) = parse_factbase(_fact_base(""), "facts.yaml").facts
    assert fact.cues[0] == "cancel" and "cancel" in fact.spec.cues
    assert not fact.spec.cues_given
    assert "air" not in fact.cues and "line" not in fact.cues  # the alias's words are the anchor's


def test_given_cues_and_an_empty_list_are_kept_as_written():
    (fact,) = parse_factbase(_fact_base("    cues: [grounded]\n"), "facts.yaml").facts
    assert fact.cues == ("grounded",) and fact.spec.cues_given
    (fact,) = parse_factbase(_fact_base("    cues: []\n"), "facts.yaml").facts
    assert fact.cues == () and fact.spec.cues == ()


_GIVEN = st.sampled_from(["North Korea", "Putin", "Delta Air Lines", "shells", "seats", "jobless rate"])
_FILLER = st.sampled_from(["the", "about", "in", "June", "Friday", "2024", "5 million", "nearly", "was",
                           "(USGS)", "Atlanta", "said", "first", "one", "per cent", "'s"])
_WORDS = st.sampled_from(["cancelled", "visits", "outage", "turnout", "signed", "quake", "deaths"])


@given(st.lists(st.one_of(_GIVEN, _FILLER, _WORDS), min_size=1, max_size=12), st.lists(_GIVEN, max_size=3))
def test_cues_never_repeat_what_the_fact_gives_nor_calendar_or_number_words(parts, given):
    claim = " ".join(parts)
    cues = claim_cues(claim, given)
    words = {w for g in given for w in g.lower().split()}
    calendar = {c.lower() for c in CALENDAR_NAMES}
    for cue in cues:
        assert cue not in words and cue.rstrip("s") not in words
        assert cue not in calendar and not any(ch.isdigit() for ch in cue)
        assert cue == cue.lower() and cue.strip()
    assert len(cues) == len(set(cues))


@given(st.lists(st.one_of(_FILLER, _WORDS), min_size=1, max_size=10), st.sampled_from(["Atlanta", "FAA", "Kremlin"]))
def test_a_name_added_to_a_claim_adds_no_cue(parts, name):
    claim = "Delta " + " ".join(parts)
    assert claim_cues(claim + f" in {name}", ["Delta"]) == claim_cues(claim, ["Delta"])
