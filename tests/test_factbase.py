"""Loading facts.yaml: every problem named with file, line and column; values read by the text parsers."""
import textwrap

import pytest

from checker.errors import InputError
from checker.factbase import parse_factbase

GOOD_FACT = """
  - id: nk-shells
    kind: quantity
    about: [North Korea]
    unit: shells
    value: nearly 5 million
"""


def problems(text):
    with pytest.raises(InputError) as e:
        parse_factbase(textwrap.dedent(text), "facts.yaml")
    return [str(p) for p in e.value.problems]


def test_a_good_fact_base_loads():
    fb = parse_factbase("version: 1\nfacts:" + GOOD_FACT, "facts.yaml")
    assert [f.id for f in fb.facts] == ["nk-shells"]
    assert fb.facts[0].spec.interval.lo == 4.5e6 and fb.facts[0].spec.interval.hi == 5e6


def test_unknown_kind_says_did_you_mean():
    got = problems("""
        facts:
          - id: nk-shells
            kind: quantiy
            value: 5
        """)
    assert got[0].startswith("facts.yaml:4:11: fact 'nk-shells': unknown kind 'quantiy' (did you mean 'quantity'?)")


def test_unknown_key_says_did_you_mean():
    got = problems("""
        facts:
          - id: a
            kind: quantity
            unit: shells
            valeu: 5
        """)
    assert any(p.startswith("facts.yaml:6:5: fact 'a': unknown key 'valeu' (did you mean 'value'?)") for p in got)


def test_unknown_top_level_key():
    got = problems("""
        fact:
          - id: a
        """)
    assert any("unknown key 'fact' (did you mean 'facts'?)" in p for p in got)
    assert any("missing 'facts'" in p for p in got)


def test_duplicate_ids_name_both_lines():
    got = problems("facts:" + GOOD_FACT + GOOD_FACT)
    assert got == ["facts.yaml:8:9: fact 'nk-shells': duplicate id 'nk-shells' (first at line 2)"]


@pytest.mark.parametrize("value, message", [
    ("5 gazillion", "cannot read '5 gazillion' as a number"),
    ("5 million widgets", "'widgets' is not a unit"),
    ("6 to 4 million", "empty range"),
])
def test_quantity_values_that_parse_to_nothing(value, message):
    got = problems(f"facts:\n  - {{id: a, kind: quantity, unit: shells, value: {value}}}\n")
    assert len(got) == 1 and got[0].startswith("facts.yaml:2:") and message in got[0]


@pytest.mark.parametrize("value", ["June 31", "2024-13-01", "2024-06-19/2024-06-18"])
def test_date_values_that_parse_to_nothing(value):
    got = problems(f"facts:\n  - {{id: a, kind: date, about: [x], value: '{value}'}}\n")
    assert len(got) == 1 and got[0].startswith("facts.yaml:2:")


@pytest.mark.parametrize("tol, message", [("-5%", "cannot read tolerance"), ("150%", "over 100%"), ("lots", "cannot read")])
def test_bad_tolerances(tol, message):
    got = problems(f"facts:\n  - {{id: a, kind: quantity, unit: shells, value: 5, tolerance: '{tol}'}}\n")
    assert any(message in p for p in got)


@pytest.mark.parametrize("text, message", [
    ("- a\n- b\n", "must be a mapping"),
    ("just words\n", "must be a mapping"),
    ("facts: 5\n", "'facts' must be a list"),
    ("facts:\n  - 5\n", "fact #1 must be a mapping"),
    ("facts:\n  - {id: 'Bad Id', kind: date, about: [x], value: 2000}\n", "must match"),
    ("facts:\n  - {id: '', kind: date, about: [x], value: 2000}\n", "'id' is empty"),
    ("facts:\n  - {id: a, kind: date, about: 5, value: 2000}\n", None),
    ("facts:\n  - {id: a, kind: official, role: [x, y], person: P}\n", "'role' must be a single value"),
    ("facts:\n  - {id: a, kind: date, about: [x], value: 2000, required: maybe}\n", "must be true or false"),
    ("version: 2\nfacts: []\n", "unsupported version"),
    ("x: !!python/object:os.system {}\n", "not allowed"),
    ("facts:\n\t- a\n", "invalid YAML"),
    ("facts: [\n", "invalid YAML"),
    ("a: 1\na: 2\n", "duplicate key 'a'"),
])
def test_shapes_and_types(text, message):
    try:
        parse_factbase(text, "facts.yaml")
    except InputError as e:
        assert all(str(p).startswith("facts.yaml:") for p in e.problems)
        if message:
            assert any(message in str(p) for p in e.problems), e.problems
    else:
        assert message is None


def test_aliases_expand_anchors_both_ways():
    fb = parse_factbase(textwrap.dedent("""
        aliases:
          North Korea: [Pyongyang, DPRK]
        facts:
          - {id: a, kind: quantity, about: [DPRK], unit: shells, value: 5}
        """), "facts.yaml")
    assert fb.lexicon.aliases.canonical("Pyongyang") == fb.lexicon.aliases.canonical("DPRK")


def test_all_problems_reported_at_once():
    got = problems("""
        facts:
          - {id: a, kind: quantiy}
          - {id: b, kind: date}
        """)
    assert len(got) >= 2


@pytest.mark.parametrize("text, line, col", [
    ("facts: [", 1, 8),
    ("facts:\n  - id: a\n    about: [x, \"y]\", 'z]' # ] in a comment\n", 3, 12),
    ("version: 1\nfacts: [{id: a, about: [x]\n", 2, 9),
])
def test_a_bracket_left_open_is_named_where_it_opens(text, line, col):
    with pytest.raises(InputError) as e:
        parse_factbase(text, "facts.yaml")
    problem = e.value.problems[0]
    assert (problem.line, problem.column) == (line, col)
    assert "is never closed" in problem.message or "while parsing a flow" in problem.message


def test_the_bracket_that_nests_too_deep_is_found_outside_quotes_and_comments():
    # libyaml 0.2.6 (PyYAML 6.0.4) stops at 1,000 levels before our own 64-level check runs;
    # the message and position are then ours, from this scan
    from checker.yamlpos import _MAX_DEPTH, _deep_bracket
    text = "facts: " + "[" * 2000
    assert _deep_bracket(text) == len("facts: ") + _MAX_DEPTH
    quoted = "note: '" + "[" * 100 + "'  # " + "{" * 100 + "\nfacts: []\n"
    assert _deep_bracket(quoted) is None


def test_a_fact_base_nested_past_libyamls_limit_gets_our_message():
    got = problems("facts: " + "[" * 1500 + "]" * 1500 + "\n")
    assert got == ["facts.yaml:1:72: nested deeper than 64 levels"]
