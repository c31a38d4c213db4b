"""The report formats beyond table and json: golden bytes, then each parsed by its own reader.

Three fixtures: the bundled example (no contradiction), the draft with errors
(four contradictions) and a hand-built report with what the corpus lacks (a
waived contradiction, a required gap, an unreadable source, `|`, `%`, `,`, `:`,
backticks, newlines and a control character in the text).

To regenerate the goldens after an intended change, run
    UPDATE_GOLDEN=1 python -m pytest tests/test_formats.py
and review the diff of tests/golden/ before committing it.
"""
import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.engine import run
from checker.factbase import load_factbase
from checker.model import Evidence, Fact, Report, Result, SourceInfo
from checker.reporters import FORMATS, json_report, render
from checker.reporters.csv_report import HEADER
from checker.sources import resolve
from helpers import ROOT, run_cli

GOLDEN = ROOT / "tests" / "golden"
NEW = {"markdown": "markdown.md", "junit": "junit.xml", "github": "github.txt", "csv": "csv", "sarif": "sarif"}
DRAFT = "examples/draft-putin-trip.md"


def _checked(sources):
    """The report the CLI builds, made in-process (one engine run serves every format)."""
    here = os.getcwd()
    os.chdir(ROOT)  # source paths are as the user gives them: relative to the project
    try:
        fb = load_factbase("facts.yaml")
        return run(fb, resolve(fb, sources), today=date(2024, 6, 17))
    finally:
        os.chdir(here)


def _edge() -> Report:
    facts = (Fact("a.pipe", "quantity", "A *claim* with | a pipe", (), (), "5"),
             Fact("b-required", "date", "B must be stated", (), (), "2024", required=True),
             Fact("c", "official", "C holds the role", (), (), "X"))
    odd, ok = "src/a, b: 100%.txt", "src/ok.txt"
    sentence = "It said 100 | 200\nunits, `quoted`, 50% more:\x0c yes & <b>no</b>."
    waived = {"reason": "quotes a denial, by desk", "until": "2025-01-01"}
    return Report("facts.yaml", facts,
                  (SourceInfo(odd, "2024-06-17"), SourceInfo(ok, None), SourceInfo("gone.txt", None, "no such file")),
                  (Result("a.pipe", odd, "contradiction", "5 units", "100 | 200\nunits",
                          Evidence(3, 9, 40, 55, sentence), "100..200 is outside 5", waived=waived),
                   Result("a.pipe", ok, "contradiction", "5 units", "7 `units`",
                          Evidence(1, 1, 0, 9, "7 `units`, # not 5"), "7 is outside 5"),
                   Result("b-required", odd, "gap", "2024", None, None, "not stated"),
                   Result("b-required", ok, "match", "2024", "2024", Evidence(2, 4, 14, 18, "In 2024."), "agrees"),
                   Result("c", odd, "gap", "X", None, None, "not checked: outside valid"),
                   Result("c", ok, "match", "X", "X", Evidence(2, 10, 20, 21, "X holds it."), "is X")),
                  extra={"waiver_notes": ["facts.yaml:30:5: waiver for 'c' on 'src/*.txt' matches no contradiction"]})


@pytest.fixture(scope="module")
def fixtures():
    return {"example": _checked(None), "draft-putin-trip": _checked([DRAFT]), "edge": _edge()}


def _required_gaps(report):
    required = {f.id for f in report.facts if f.required}
    return [r for r in report.results if r.status == "gap" and r.fact in required]


def _pairs(report):
    return len(report.facts) * sum(1 for s in report.sources if not s.error)


def test_every_new_format_is_registered():
    assert set(NEW) <= set(FORMATS)


@pytest.mark.parametrize("fixture", ["example", "draft-putin-trip", "edge"])
@pytest.mark.parametrize("fmt", sorted(NEW))
def test_golden(fixtures, fixture, fmt):
    text = render(fmt, fixtures[fixture], colour=True, unicode=False)  # the CLI's options change nothing here
    assert text == render(fmt, fixtures[fixture])
    path = GOLDEN / f"{fixture}.{NEW[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt, args, code", [("markdown", [], 0), ("junit", [DRAFT], 1)])
def test_the_cli_prints_the_golden(fmt, args, code):
    proc = run_cli("check", "--format", fmt, *args)
    assert proc.returncode == code, proc.stderr
    fixture = "draft-putin-trip" if args else "example"
    assert proc.stdout == (GOLDEN / f"{fixture}.{NEW[fmt]}").read_bytes().decode("utf-8")


@pytest.mark.parametrize("fixture", ["example", "draft-putin-trip", "edge"])
def test_junit_has_one_testcase_per_pair(fixtures, fixture):
    report = fixtures[fixture]
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    errors = [s for s in report.sources if s.error]
    cases = root.findall("testsuite/testcase")
    assert len(cases) == _pairs(report) + len(errors)
    assert {(c.get("classname"), c.get("name")) for c in cases} >= {(r.source, r.fact) for r in report.results}
    failing = [r for r in report.results if r.status == "contradiction" and not r.waived]
    assert len(root.findall("testsuite/testcase/failure")) == len(failing) + len(_required_gaps(report))
    for el in [root, *root.findall("testsuite")]:
        mine = el.findall(".//testcase")
        assert int(el.get("tests")) == len(mine)
        for tag, attr in [("failure", "failures"), ("error", "errors"), ("skipped", "skipped")]:
            assert int(el.get(attr)) == sum(1 for c in mine if c.find(tag) is not None)
    assert int(root.get("errors")) == len(errors)


def test_junit_outcomes_of_the_rare_cases(fixtures):
    root = ET.fromstring(render("junit", fixtures["edge"]).encode("utf-8"))
    case = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    waived = case[("src/a, b: 100%.txt", "a.pipe")]
    assert waived.find("failure") is None and "quotes a denial" in waived.find("system-out").text
    failure = case[("src/ok.txt", "a.pipe")].find("failure")
    assert "7 `units`" in failure.get("message") and "5 units" in failure.text and "# not 5" in failure.text
    assert case[("src/a, b: 100%.txt", "b-required")].find("failure").get("type") == "required-gap"
    assert case[("src/a, b: 100%.txt", "c")].find("skipped") is not None
    assert case[("gone.txt", "(read source)")].find("error").get("message") == "no such file"


def _unescape(text):
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], text)


@pytest.mark.parametrize("fixture", ["example", "draft-putin-trip", "edge"])
def test_github_errors_carry_file_line_and_col(fixtures, fixture):
    report = fixtures[fixture]
    lines = render("github", report).splitlines()
    assert all(line.startswith("::") for line in lines)
    assert lines[-1].startswith("::notice::")
    command = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")
    annotated = []
    for line in lines:
        level, props, message = command.fullmatch(line).groups()
        props = dict(p.split("=", 1) for p in props.split(",")) if props else {}
        if level == "error" and "line" in props:
            assert {"file", "line", "col", "title"} <= set(props)
            annotated.append((_unescape(props["file"]), int(props["line"]), int(props["col"])))
        assert "\n" not in message and "\r" not in message
    expected = [(r.source, r.evidence.line, r.evidence.column) for r in report.results
                if r.status == "contradiction" and not r.waived]
    assert annotated == expected
    errors = [s.path for s in report.sources if s.error]
    assert sum(1 for line in lines if line.startswith("::error") and ",line=" not in line) == len(errors)


def test_github_escapes_messages_and_properties(fixtures):
    lines = render("github", fixtures["edge"]).splitlines()
    assert "::warning file=src/a%2C b%3A 100%25.txt,title=required fact not stated%3A b-required::" \
           "B must be stated: not stated" in lines
    error = next(line for line in lines if "line=1" in line)
    assert "%0Asentence: 7 `units`" in error


@pytest.mark.parametrize("fixture", ["example", "draft-putin-trip", "edge"])
def test_sarif_results_and_regions(fixtures, fixture):
    report = fixtures[fixture]
    data = json.loads(render("sarif", report))
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = data["runs"]
    contradictions = [r for r in report.results if r.status == "contradiction"]
    assert len(run_["results"]) == len(contradictions) + len(_required_gaps(report))
    rules = run_["tool"]["driver"]["rules"]
    for res, r in zip(run_["results"], contradictions):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == r.fact
        assert res["level"] == "error" and r.stated in res["message"]["text"] and r.expected in res["message"]["text"]
        region = res["locations"][0]["physicalLocation"]["region"]
        ev = r.evidence
        assert (region["startLine"], region["startColumn"]) == (ev.line, ev.column)
        assert (region["charOffset"], region["charLength"]) == (ev.start, ev.end - ev.start)
        assert region["endLine"] == ev.line + r.stated.count("\n")
        assert ("suppressions" in res) == bool(r.waived)
        assert unquote(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == r.source
        if fixture != "edge":  # the region is the stated text itself, in the file as decoded
            with open(ROOT / r.source, encoding="utf-8", newline="") as fh:
                text = fh.read()
            assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == r.stated
            line = text.split("\n")[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == r.stated


@pytest.mark.parametrize("fixture", ["example", "draft-putin-trip", "edge"])
def test_csv_has_one_row_per_pair(fixtures, fixture):
    report = fixtures[fixture]
    rows = list(csv.DictReader(io.StringIO(render("csv", report), newline="")))
    assert list(rows[0]) == list(HEADER)
    pairs = [row for row in rows if row["status"] != "error"]
    assert len(pairs) == _pairs(report)
    assert [(row["fact"], row["source"], row["status"], row["stated"]) for row in pairs] == \
           [(r.fact, r.source, r.status, r.stated or "") for r in report.results]
    assert [row["source"] for row in rows if row["status"] == "error"] == [s.path for s in report.sources if s.error]


def test_a_required_gap_left_out_by_omit_gaps_still_shows(fixtures):
    edge = fixtures["edge"]
    report = Report(edge.facts_file, edge.facts, edge.sources, tuple(r for r in edge.results if r.status != "gap"),
                    omitted_gaps=2, extra=edge.extra)
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    assert [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None] == ["b-required", "a.pipe"]
    assert "title=required fact not stated%3A b-required" in render("github", report)
    assert "| `b-required` | ⚠️ | ✅ | 🚫 |" in render("markdown", report)
    assert "| `c` |" in render("markdown", report)  # stated in one source: the row stays
    assert len(json.loads(render("sarif", report))["runs"][0]["results"]) == 3


@pytest.mark.parametrize("fixture", ["example", "draft-putin-trip", "edge"])
def test_the_json_writer_gives_the_bytes_of_json_dumps(fixtures, fixture):
    """render lays results out itself, for speed; it must stay byte-for-byte json.dumps."""
    from checker.model import Finding
    report = fixtures[fixture]
    if fixture == "edge":  # mentions, waivers, changes and non-ASCII too
        r = report.results[0]
        mention = Finding(r.fact, "match", "fünf \"5\"", Evidence(1, 2, 3, 4, "tab\there ü"), "agrees", 0.5)
        report = Report(report.facts_file, report.facts, report.sources,
                        (Result(r.fact, r.source, r.status, r.expected, r.stated, r.evidence, r.reason,
                                (mention, mention), r.waived),) + report.results[1:],
                        2, dict(report.extra, changes={"since": "HEAD~1", "flipped": []}))
    expected = json.dumps(json_report.as_dict(report), indent=2, ensure_ascii=False) + "\n"
    assert json_report.render(report) == expected


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=20))
def test_the_json_writer_matches_json_dumps_on_any_value(value):
    assert json_report.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
