"""The JSON report follows SPEC 5 exactly: keys, one result per pair, offsets that point at the value."""
import json
from pathlib import Path

import pytest

from helpers import ROOT, run_cli

RESULT_KEYS = ["fact", "source", "status", "expected", "stated", "evidence", "reason", "mentions"]
EVIDENCE_KEYS = ["line", "column", "start", "end", "sentence"]


@pytest.fixture(scope="module", params=[[], ["examples/draft-putin-trip.md", "sources/miami-herald-putin-visit.txt"]])
def run(request):
    proc = run_cli("check", "--format", "json", *request.param)
    return proc, json.loads(proc.stdout)


def _text(path):
    return (ROOT / path).read_bytes().decode("utf-8-sig")


def test_top_level_shape(run):
    _, data = run
    assert list(data) == ["schema", "facts_file", "sources", "results", "summary"]
    assert data["schema"] == "checker.report/1"
    assert data["facts_file"] == "facts.yaml"
    for s in data["sources"]:
        assert list(s) == ["path", "date", "error"]
    assert list(data["summary"]) == ["facts", "sources", "match", "contradiction", "gap", "errors"]


def test_one_result_per_pair_in_fact_then_source_order(run):
    _, data = run
    facts = [r["fact"] for r in data["results"]]
    sources = [s["path"] for s in data["sources"]]
    order = []
    for f in dict.fromkeys(facts):
        order += [(f, s) for s in sources]
    assert [(r["fact"], r["source"]) for r in data["results"]] == order
    summary = data["summary"]
    assert summary["facts"] * summary["sources"] == len(data["results"])
    for status in ("match", "contradiction", "gap"):
        assert summary[status] == sum(r["status"] == status for r in data["results"])


def test_results_and_mentions_are_consistent(run):
    _, data = run
    for r in data["results"]:
        assert list(r)[:8] == RESULT_KEYS
        statuses = {m["status"] for m in r["mentions"]}
        want = "contradiction" if "contradiction" in statuses else "match" if "match" in statuses else "gap"
        assert r["status"] == want
        if r["status"] == "gap":
            assert r["stated"] is None and r["evidence"] is None
        else:
            assert list(r["evidence"]) == EVIDENCE_KEYS


def test_every_offset_points_at_the_stated_value(run):
    _, data = run
    checked = 0
    for r in data["results"]:
        text = _text(r["source"])
        lines = text.splitlines(keepends=True)
        for item in [r, *r["mentions"]]:
            ev = item["evidence"]
            if ev is None:
                continue
            assert text[ev["start"]:ev["end"]] == item["stated"]
            line = lines[ev["line"] - 1]
            assert line[ev["column"] - 1:].startswith(item["stated"].split("\n")[0])
            assert " ".join(item["stated"].split()) in ev["sentence"]
            checked += 1
    assert checked > 10


def test_two_runs_are_byte_identical():
    a = run_cli("check", "--format", "json").stdout
    b = run_cli("check", "--format", "json").stdout
    assert a == b and a.encode("utf-8")
