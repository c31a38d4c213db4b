"""The accuracy figures on the labelled set (bench/accuracy/) do not fall.

bench/accuracy/floor.yaml holds, per kind and overall, the least contradiction
precision, contradiction recall and match recall the checker must keep; raise it
when the checker improves, never lower it to make a change pass.
"""
from pathlib import Path

import pytest
import yaml

import accuracy  # bench/accuracy.py

FLOOR = yaml.safe_load((Path(accuracy.HERE) / "accuracy" / "floor.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures():
    outcomes = accuracy.labelled_outcomes(sorted(accuracy.CASES_DIR.glob("*.yaml")))
    return accuracy.report(outcomes), outcomes


def test_the_labelled_set_is_the_size_the_issue_asks(figures):
    result, outcomes = figures
    cases = [o for o in outcomes if o.fact == "f"]  # one per case; competing facts add more pairs
    assert len(cases) >= 400
    expected = [o.expected for o in cases]
    assert expected.count("contradiction") >= len(expected) / 4
    assert expected.count("gap") >= len(expected) / 4
    assert {o.kind for o in outcomes} == {"date", "quantity", "official"}


@pytest.mark.parametrize("scope", sorted(FLOOR))
def test_figures_stay_over_the_floor(figures, scope):
    result, outcomes = figures
    got = result[scope]["status"]
    now = {"contradiction_precision": got["contradiction"]["precision"],
           "contradiction_recall": got["contradiction"]["recall"],
           "match_recall": got["match"]["recall"]}
    failing = [f"- {o.name}: expected {o.expected}, got {o.got} ({o.reason})" for o in outcomes
               if o.expected != o.got and (scope == "overall" or o.kind == scope)]
    for key, least in FLOOR[scope].items():
        assert now[key] >= least, f"{scope} {key} fell to {now[key]} (floor {least}):\n" + "\n".join(failing[:30])


def test_no_case_crashes_the_checker(figures):
    _, outcomes = figures
    assert not [o for o in outcomes if o.got == "error"]
