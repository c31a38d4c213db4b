"""The command line: exit codes, bad input without tracebacks, unreadable sources, options."""
import json
import os
import textwrap
from pathlib import Path

import pytest

from helpers import ROOT, run_cli

FACTS = textwrap.dedent("""
    version: 1
    sources: [texts/*.txt]
    aliases:
      North Korea: [Pyongyang]
    facts:
      - id: shells
        kind: quantity
        claim: North Korea sent nearly 5 million shells
        about: [North Korea]
        unit: shells
        value: nearly 5 million
      - id: visit
        kind: date
        claim: The visit is on June 18-19, 2024
        about: [Pyongyang]
        cues: [visit]
        value: 2024-06-18/2024-06-19
        required: true
    """)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("North Korea sent nearly 5 million shells. The visit to Pyongyang is on June 18-19, 2024.\n",
                                 encoding="utf-8")
    (texts / "b.txt").write_text("North Korea sent about 1 million shells. The visit to Pyongyang is on June 18-19, 2024.\n",
                                 encoding="utf-8")
    return tmp_path


def test_match_exits_0(project):
    proc = run_cli("check", "texts/a.txt", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 facts x 1 sources: 2 match, 0 contradiction, 0 gap, 0 errors" in proc.stdout


def test_contradiction_exits_1(project):
    proc = run_cli(cwd=project)
    assert proc.returncode == 1
    assert "texts/b.txt:1:18: shells" in proc.stdout
    assert 'stated:   "about 1 million shells"' in proc.stdout


def test_fail_on_never_and_gap(project):
    assert run_cli("check", "--fail-on", "never", cwd=project).returncode == 0
    (project / "texts" / "c.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    assert run_cli("check", "texts/a.txt", "texts/c.txt", "--fail-on", "gap", cwd=project).returncode == 1


def test_required_gap_fails(project):
    (project / "texts" / "c.txt").write_text("North Korea sent nearly 5 million shells.\n", encoding="utf-8")
    proc = run_cli("check", "texts/c.txt", cwd=project)
    assert proc.returncode == 1  # 'visit' is required and not stated


def test_bad_fact_base_exits_2_with_position_and_no_traceback(project):
    (project / "facts.yaml").write_text("facts:\n  - id: x\n    kind: quantiy\n", encoding="utf-8")
    proc = run_cli(cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.startswith("facts.yaml:3:11: fact 'x': unknown kind 'quantiy' (did you mean 'quantity'?)")
    assert "Traceback" not in proc.stderr + proc.stdout


def test_missing_fact_base(project):
    proc = run_cli("--facts", "nope.yaml", cwd=project)
    assert proc.returncode == 2 and "nope.yaml: no such file" in proc.stderr


def test_unreadable_source_keeps_the_others(project):
    (project / "texts" / "bin.txt").write_bytes(b"\x00\x01binary")
    (project / "texts" / "latin1.txt").write_bytes("caf\xe9 shells\n".encode("latin-1"))
    proc = run_cli("check", "--format", "json", "texts/a.txt", "texts/bin.txt", "texts/missing.txt",
                   "texts/latin1.txt", cwd=project)
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    errors = {s["path"]: s["error"] for s in data["sources"]}
    assert errors["texts/a.txt"] is None
    assert "binary" in errors["texts/bin.txt"]
    assert errors["texts/missing.txt"] == "no such file"
    assert "byte 0xe9 at offset 3" in errors["texts/latin1.txt"]
    assert {r["source"] for r in data["results"]} == {"texts/a.txt"}
    assert data["summary"]["errors"] == 3
    ok = run_cli("check", "--format", "json", "--encoding", "latin-1", "texts/latin1.txt", cwd=project)
    assert json.loads(ok.stdout)["sources"][0]["error"] is None


def test_glob_matching_nothing_is_a_source_error(project):
    proc = run_cli("check", "texts/*.md", cwd=project)
    assert proc.returncode == 2
    assert "no file matches 'texts/*.md'" in proc.stdout


def test_output_is_written_whole(project):
    proc = run_cli("check", "--format", "json", "--output", "report.json", "texts/a.txt", cwd=project)
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads((project / "report.json").read_text(encoding="utf-8"))["summary"]["match"] == 2
    assert not [p for p in os.listdir(project) if p.startswith(".checker-")]


def test_omit_gaps_keeps_the_count(project):
    (project / "texts" / "c.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--omit-gaps", "--fail-on", "never", cwd=project)
    data = json.loads(proc.stdout)
    assert all(r["status"] != "gap" for r in data["results"])
    assert data["summary"]["gap"] == 2


def test_date_option_resolves_relative_dates(project):
    (project / "texts" / "d.txt").write_text("The visit to Pyongyang will be on Tuesday and Wednesday.\n", encoding="utf-8")
    undated = json.loads(run_cli("check", "--format", "json", "texts/d.txt", cwd=project).stdout)
    dated = json.loads(run_cli("check", "--format", "json", "--date", "2024-06-17", "texts/d.txt", cwd=project).stdout)
    status = lambda d: {r["fact"]: r["status"] for r in d["results"]}["visit"]
    assert status(undated) == "gap" and status(dated) == "match"


def test_lint_and_explain(project):
    lint = run_cli("lint", cwd=project)
    assert lint.returncode == 0 and "2 facts OK" in lint.stdout
    explain = run_cli("explain", "shells", "texts/b.txt", cwd=project)
    assert explain.returncode == 0
    assert "about 1 million" in explain.stdout and "status: contradiction" in explain.stdout
    unknown = run_cli("explain", "shell", "texts/b.txt", cwd=project)
    assert unknown.returncode == 2 and "did you mean 'shells'" in unknown.stderr


def test_usage_errors_exit_2(project):
    assert run_cli("check", "--format", "yaml", cwd=project).returncode == 2
    assert run_cli("check", "--date", "June", cwd=project).returncode == 2


def test_jobs_give_identical_output(project):
    for i in range(12):
        (project / "texts" / f"n{i:02}.txt").write_text(f"North Korea sent {i + 1} million shells.\n", encoding="utf-8")
    one = run_cli("check", "--format", "json", "--jobs", "1", cwd=project)
    two = run_cli("check", "--format", "json", "--jobs", "2", cwd=project)
    assert one.stdout == two.stdout and one.returncode == two.returncode == 1


def test_a_waiver_silences_exactly_its_contradiction(project):
    facts = (project / "facts.yaml").read_text(encoding="utf-8")
    facts += textwrap.dedent("""
        waivers:
          - fact: shells
            source: texts/b.txt
            reason: the draft quotes a disputed estimate
          - fact: visit
            source: texts/*.txt
            reason: nothing to waive
            until: 2020-01-01
        """)
    (project / "facts.yaml").write_text(facts, encoding="utf-8")
    proc = run_cli("check", "--format", "json", cwd=project)
    assert proc.returncode == 0, proc.stdout
    data = json.loads(proc.stdout)
    waived = [r for r in data["results"] if r.get("waived")]
    assert [(r["fact"], r["source"], r["status"]) for r in waived] == [("shells", "texts/b.txt", "contradiction")]
    assert waived[0]["waived"] == {"reason": "the draft quotes a disputed estimate", "until": None}
    table = run_cli(cwd=project).stdout
    assert "expired on 2020-01-01" in table and "(waived)" in table


def test_explain_says_why_each_value_was_or_was_not_reported():
    from checker.casefile import explain_case

    text = ("Ruritania sent about 1 million shells by last autumn, officials said. "
            "Borduria sent 2 million shells. Ruritania has now sent nearly 5 million shells.")
    out = explain_case({"text": text, "fact": {"kind": "quantity", "about": ["Ruritania"],
                                               "unit": ["shells"], "value": "nearly 5 million"}}, {})
    # each candidate with its interval, where it went and why
    assert '"about 1 million" = 9e5..1.1e6' in out
    assert "stated for an earlier time ('by ...')" in out
    assert '"2 million shells" not reported for this fact: the fact\'s anchors are not near it' in out
    assert '"nearly 5 million shells" bound to this fact: match' in out
    assert out.rstrip().endswith("status: match (4.5e6..5e6 overlaps 4.5e6..5e6)")


def test_the_progress_bar_shows_only_on_a_terminal_and_never_when_quiet(monkeypatch):
    import io

    from checker import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert cli._progress_bar(100, quiet=False).disable  # a CI log: no bar
    monkeypatch.setattr("sys.stderr", Terminal())
    assert cli._progress_bar(100, quiet=True).disable
    bar = cli._progress_bar(100, quiet=False)
    assert not bar.disable and bar.delay == 2.0  # and only once a run has taken two seconds
    bar.close()


def test_a_waiver_for_another_source_silences_nothing_and_is_reported_unused(project):
    facts = (project / "facts.yaml").read_text(encoding="utf-8")
    facts += textwrap.dedent("""
        waivers:
          - fact: shells
            source: texts/a.txt
            reason: a.txt quotes a claim it disputes
            until: 2999-01-01
        """)
    (project / "facts.yaml").write_text(facts, encoding="utf-8")
    proc = run_cli("check", cwd=project)
    assert proc.returncode == 1  # b.txt's contradiction is not the waiver's
    assert "waiver for 'shells' on 'texts/a.txt' matches no contradiction" in proc.stdout
