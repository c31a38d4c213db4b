"""The bundled example end to end: the hand-written table, the golden renderings, the draft."""
import json
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, run_cli

GOLDEN = Path(__file__).parent / "golden"
SOURCES = ["sources/bloomberg-putin-trips.txt", "sources/miami-herald-putin-visit.txt"]


@pytest.fixture(scope="module")
def report():
    proc = run_cli("check", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_every_pair_has_the_hand_checked_status(report):
    expected = yaml.safe_load((GOLDEN / "example-statuses.yaml").read_text(encoding="utf-8"))
    got = {(r["fact"], r["source"]): r["status"] for r in report["results"]}
    wrong = []
    for fact, statuses in expected.items():
        for source, status in zip(SOURCES, statuses):
            if got.get((fact, source)) != status:
                wrong.append(f"{fact} in {source}: expected {status}, got {got.get((fact, source))}")
    assert not wrong, "\n".join(wrong)
    assert len(got) == len(expected) * len(SOURCES)


@pytest.mark.parametrize("fmt, golden", [("table", "example.table.txt"), ("json", "example.json")])
def test_golden_renderings(fmt, golden):
    proc = run_cli("check", "--format", fmt, "--color", "never")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (GOLDEN / golden).read_text(encoding="utf-8")


def test_no_arguments_prints_the_table():
    proc = run_cli()
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Facts x sources")
    assert "24 facts x 2 sources:" in proc.stdout


def test_the_draft_contradicts_and_exits_1():
    proc = run_cli("check", "examples/draft-putin-trip.md", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    contradicted = {r["fact"] for r in data["results"] if r["status"] == "contradiction"}
    assert contradicted == {"putin-nk-visit", "putin-last-nk-visit", "nk-shells", "russia-defense-minister"}
    assert data["sources"][0]["date"] == "2024-06-17"  # from the draft's front matter
