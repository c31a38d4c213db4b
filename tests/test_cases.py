"""Behaviour cases as data: every file in tests/cases/ is a list of (text, fact, expected status)."""
from pathlib import Path

import pytest
import yaml

from checker.casefile import run_case

CASES_DIR = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = data.get("defaults", {})
        for case in data["cases"]:
            yield pytest.param(case, defaults, id=f"{path.stem}:{case['name']}")


@pytest.mark.parametrize("case, defaults", list(_load()))
def test_case(case, defaults):
    results = run_case(case, defaults)
    got = results["f"]
    detail = f"{case['text']!r}: {got.status} ({got.reason}); mentions={[(m.stated, m.status) for m in got.mentions]}"
    assert got.status == case["expect"], detail
    if "stated" in case:
        assert got.stated == case["stated"], detail
    if "reason_has" in case:
        assert case["reason_has"] in got.reason, detail
    for other_id, status in case.get("expect_others", {}).items():
        assert results[other_id].status == status, f"{other_id}: {results[other_id].status} ({results[other_id].reason})"
