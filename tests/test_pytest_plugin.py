"""The pytest plugin: `pytest --facts facts.yaml` makes each (fact, source) pair a test."""
import shutil
import textwrap
import xml.etree.ElementTree as ET

import pytest

# Loaded here, before any in-process run: pytester drops the modules a run
# imports once it ends, and numpy (under the plugin's pandera guard) cannot be
# imported twice in one process.
import checker.engine  # noqa: F401
import checker.pytest_plugin  # noqa: F401
import pandas  # noqa: F401
import pandera.pandas  # noqa: F401
from helpers import ROOT

pytest_plugins = ["pytester"]

FACTS = textwrap.dedent("""\
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
      - id: summit
        kind: date
        claim: Kim met Putin in September 2023
        about: [Kim, Putin]
        cues: [summit, met]
        value: 2023-09
    waivers:
      - fact: shells
        source: texts/waived.txt
        reason: the op-ed quotes Pyongyang's denial
    """)
TEXTS = {
    "a": "North Korea sent nearly 5 million shells. The visit to Pyongyang is on June 18-19, 2024.\n",
    "b": "North Korea sent about 1 million shells. The visit to Pyongyang is on June 18-19, 2024.\n",
    "c": "North Korea sent nearly 5 million shells.\n",
    "waived": "North Korea sent about 1 million shells. The visit to Pyongyang is on June 18-19, 2024.\n",
}
# 3 facts x 4 sources: what each pair does.
EXPECTED = {
    "shells[texts/a.txt]": "passed", "shells[texts/b.txt]": "failed",
    "shells[texts/c.txt]": "passed", "shells[texts/waived.txt]": "passed",
    "visit[texts/a.txt]": "passed", "visit[texts/b.txt]": "passed",
    "visit[texts/c.txt]": "failed", "visit[texts/waived.txt]": "passed",
    "summit[texts/a.txt]": "skipped", "summit[texts/b.txt]": "skipped",
    "summit[texts/c.txt]": "skipped", "summit[texts/waived.txt]": "skipped",
}


@pytest.fixture
def project(pytester):
    (pytester.path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (pytester.path / "texts").mkdir()
    for name, text in TEXTS.items():
        (pytester.path / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
    return pytester


def _outcomes(reprec) -> dict[str, str]:
    """Node id -> passed / failed / skipped, over setup, call and teardown."""
    out: dict[str, str] = {}
    for rep in reprec.getreports("pytest_runtest_logreport"):
        if not rep.passed or rep.nodeid not in out:
            out[rep.nodeid] = rep.outcome
    return out


def test_each_pair_is_one_test_with_the_id_and_outcome_of_its_status(project):
    reprec = project.inline_run("--facts", "facts.yaml")
    assert _outcomes(reprec) == {f"facts.yaml::{name}": outcome for name, outcome in EXPECTED.items()}
    reprec.assertoutcome(passed=6, failed=2, skipped=4)


def test_a_contradiction_fails_with_the_sentence_and_both_values(project):
    result = project.runpytest("--facts", "facts.yaml")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([
        "*_ shells[[]texts/b.txt[]] _*",
        "contradiction: shells in texts/b.txt",
        "  fact:     North Korea sent nearly 5 million shells  (shells, facts.yaml:6:5)",
        "  at:       texts/b.txt:1:18",
        "  expected: nearly 5 million shells",
        '  stated:   "about 1 million shells"',
        "  sentence: North Korea sent about 1 million shells.",
        "  why:      *",
    ])
    result.stdout.fnmatch_lines(['FAILED facts.yaml::shells[[]texts/b.txt[]] - stated "about 1 million shells"*'])
    # The plugin's own code is not the story: no traceback into it.
    assert "pytest_plugin.py" not in result.stdout.str()
    assert "Traceback" not in result.stdout.str()


def test_a_gap_in_a_required_fact_fails_and_says_so(project):
    result = project.runpytest("--facts", "facts.yaml")
    result.stdout.fnmatch_lines([
        "gap in a required fact: visit in texts/c.txt",
        "  fact:     The visit is on June 18-19, 2024  (visit, facts.yaml:12:5)",
        "  expected: *",
        "  why:      not stated",
        "  the fact is `required: true`, so a gap fails",
    ])


def test_a_gap_is_skipped_at_the_facts_line_with_the_reason(project):
    result = project.runpytest("--facts", "facts.yaml", "-rs")
    # Reported at the fact base, not at a line of the plugin; -v names each pair.
    result.stdout.fnmatch_lines(["SKIPPED [[]4[]] facts.yaml: gap: not stated"])
    result = project.runpytest("--facts", "facts.yaml", "-v")
    result.stdout.fnmatch_lines(["facts.yaml::summit[[]texts/a.txt[]] SKIPPED (gap: not stated) *"])


def test_junitxml_has_one_testcase_per_pair(project):
    project.runpytest("--facts", "facts.yaml", "--junitxml=report.xml")
    cases = ET.parse(project.path / "report.xml").getroot().iter("testcase")
    by_name = {c.get("name"): c for c in cases}
    assert set(by_name) == set(EXPECTED)
    assert {c.get("classname") for c in by_name.values()} == {"facts.yaml"}
    failure = by_name["shells[texts/b.txt]"].find("failure")
    assert failure.get("message") == 'stated "about 1 million shells", expected nearly 5 million shells'
    assert "sentence: North Korea sent about 1 million shells." in failure.text
    assert by_name["summit[texts/a.txt]"].find("skipped") is not None
    waived = {p.get("name"): p.get("value") for p in by_name["shells[texts/waived.txt]"].iter("property")}
    assert waived == {"status": "contradiction", "waived": "the op-ed quotes Pyongyang's denial"}


def test_a_broken_fact_base_is_a_collection_error_with_line_and_column(pytester):
    pytester.makefile(".yaml", facts="facts:\n  - id: x\n    kind: quantiy\n")
    result = pytester.runpytest("--facts", "facts.yaml")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines([
        "*ERROR collecting facts.yaml*",
        "facts.yaml:3:11: fact 'x': unknown kind 'quantiy' (did you mean 'quantity'?)*",
    ])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_a_missing_fact_base_is_a_usage_error(pytester):
    result = pytester.runpytest("--facts", "nope.yaml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --facts nope.yaml: no such file"])


def test_an_unreadable_source_fails_its_pairs_and_the_others_are_checked(project):
    (project.path / "texts" / "bin.txt").write_bytes(b"\x00\x01binary")
    reprec = project.inline_run("--facts", "facts.yaml")
    outcomes = _outcomes(reprec)
    assert {k: v for k, v in outcomes.items() if "bin.txt" in k} == {
        "facts.yaml::shells[texts/bin.txt]": "failed", "facts.yaml::visit[texts/bin.txt]": "failed",
        "facts.yaml::summit[texts/bin.txt]": "failed"}
    assert outcomes["facts.yaml::shells[texts/a.txt]"] == "passed"


def test_node_ids_select_pairs(project):
    reprec = project.inline_run("--facts", "facts.yaml", "facts.yaml::shells")
    assert set(_outcomes(reprec)) == {f"facts.yaml::{n}" for n in EXPECTED if n.startswith("shells[")}


def test_an_unused_waiver_is_a_warning(project):
    text = FACTS + "  - fact: summit\n    source: texts/a.txt\n    reason: nothing to waive\n"
    (project.path / "facts.yaml").write_text(text, encoding="utf-8")
    result = project.runpytest("--facts", "facts.yaml")
    result.stdout.fnmatch_lines(["*FactsWarning: facts.yaml:*: waiver for 'summit' on 'texts/a.txt' matches no contradiction"])


def test_without_facts_the_plugin_does_nothing(project):
    project.makepyfile(test_plain="def test_ok():\n    assert True\n")
    result = project.runpytest("-v")
    result.assert_outcomes(passed=1)
    assert "facts.yaml" not in result.stdout.str()


def test_the_facts_run_beside_the_projects_own_tests(project):
    project.makepyfile(test_plain="def test_ok():\n    assert True\n")
    project.inline_run("--facts", "facts.yaml").assertoutcome(passed=7, failed=2, skipped=4)


def test_a_fact_base_in_a_folder_pytest_does_not_walk_is_still_collected(project):
    hidden = project.path / ".ci"
    hidden.mkdir()
    (project.path / "facts.yaml").rename(hidden / "facts.yaml")
    (project.path / "texts").rename(hidden / "texts")
    reprec = project.inline_run("--facts", ".ci/facts.yaml")
    assert _outcomes(reprec) == {f".ci/facts.yaml::{name.replace('texts/', '.ci/texts/')}": outcome
                                 for name, outcome in EXPECTED.items()}


@pytest.fixture
def example(pytester):
    """The bundled example, copied: the repo's facts.yaml, sources/ and examples/."""
    shutil.copy(ROOT / "facts.yaml", pytester.path / "facts.yaml")
    shutil.copytree(ROOT / "sources", pytester.path / "sources")
    shutil.copytree(ROOT / "examples", pytester.path / "examples")
    return pytester


def test_the_bundled_example_passes(example):
    # In a fresh process: pytest finds the plugin through the installed entry point alone.
    result = example.runpytest_subprocess("--facts", "facts.yaml", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.OK, result.stdout.str()
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == 0
    assert outcomes["passed"] + outcomes["skipped"] == 24 * 2


def test_the_draft_fails_with_readable_contradictions(example):
    result = example.runpytest("--facts", "facts.yaml", "--facts-source", "examples/draft-putin-trip.md")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(failed=4, passed=5, skipped=15)
    result.stdout.fnmatch_lines([
        "contradiction: russia-defense-minister in examples/draft-putin-trip.md",
        "  fact:     Andrey Belousov is Russia's defense minister (since May 2024)  *",
        "  at:       examples/draft-putin-trip.md:13:55",
        "  expected: Andrey Belousov",
        '  stated:   "Sergei Shoigu"',
        "  sentence: Putin will be accompanied by Russian Defense Minister Sergei Shoigu and Foreign Minister"
        " Sergei Lavrov.",
    ])
    for fact in ("putin-nk-visit", "putin-last-nk-visit", "nk-shells", "russia-defense-minister"):
        result.stdout.fnmatch_lines([f"FAILED facts.yaml::{fact}[[]examples/draft-putin-trip.md[]] - *"])
