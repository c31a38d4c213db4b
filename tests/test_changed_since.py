"""`checker check --changed-since REF` on a temporary git repository: only changed sources are
checked (all of them when the fact base changed), and the verdicts that flipped are listed."""
import json
import shutil
import subprocess
import textwrap

import pytest

from helpers import run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FACTS = textwrap.dedent("""
    version: 1
    sources: [texts/*.txt]
    facts:
      - id: shells
        kind: quantity
        claim: Ruritania sent nearly 5 million shells
        about: [Ruritania]
        unit: shells
        value: nearly 5 million
    """)
RIGHT = "Ruritania sent nearly 5 million shells, officials said.\n"
WRONG = "Ruritania sent about 1 million shells, officials said.\n"


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.email=desk@example.org", "-c", "user.name=Desk", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(RIGHT, encoding="utf-8")
    (texts / "b.txt").write_text(RIGHT, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def check(repo, *extra):
    proc = run_cli("check", "--changed-since", "HEAD", "--format", "json", *extra, cwd=repo)
    return proc, (json.loads(proc.stdout) if proc.stdout.strip() else None)


def test_only_changed_and_new_sources_are_checked_and_flips_are_listed(repo):
    (repo / "texts" / "b.txt").write_text(WRONG, encoding="utf-8")
    (repo / "texts" / "c.txt").write_text(WRONG, encoding="utf-8")
    proc, report = check(repo)
    assert proc.returncode == 1
    assert [s["path"] for s in report["sources"]] == ["texts/b.txt", "texts/c.txt"]
    assert report["changes"] == {"since": "HEAD", "flipped": [
        {"fact": "shells", "source": "texts/b.txt", "before": "match", "after": "contradiction"},
        {"fact": "shells", "source": "texts/c.txt", "before": "new", "after": "contradiction"},
    ]}


def test_a_committed_change_since_an_older_ref_counts_too(repo):
    (repo / "texts" / "a.txt").write_text(WRONG, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "a story changed")
    proc = run_cli("check", "--changed-since", "HEAD~1", cwd=repo)
    assert proc.returncode == 1
    assert "texts/a.txt: shells: match -> contradiction" in proc.stdout
    assert "b.txt" not in proc.stdout.split("Changed since")[1]


def test_a_changed_fact_base_checks_every_source(repo):
    (repo / "facts.yaml").write_text(FACTS.replace("nearly 5 million", "about 1 million"), encoding="utf-8")
    proc, report = check(repo)
    assert proc.returncode == 1
    assert [s["path"] for s in report["sources"]] == ["texts/a.txt", "texts/b.txt"]
    assert {(f["source"], f["before"], f["after"]) for f in report["changes"]["flipped"]} == {
        ("texts/a.txt", "match", "contradiction"), ("texts/b.txt", "match", "contradiction")}


def test_nothing_changed_is_a_quiet_pass(repo):
    proc, report = check(repo)
    assert proc.returncode == 0 and report is None
    assert "no sources changed since HEAD" in proc.stderr


def test_a_bad_ref_or_no_repository_is_a_usage_error(repo, tmp_path_factory):
    proc, _ = check(repo, "--changed-since", "no-such-ref")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "--changed-since" in proc.stderr
    elsewhere = tmp_path_factory.mktemp("plain")
    shutil.copy(repo / "facts.yaml", elsewhere / "facts.yaml")
    (elsewhere / "texts").mkdir()
    (elsewhere / "texts" / "a.txt").write_text(RIGHT, encoding="utf-8")
    proc = run_cli("check", "--changed-since", "HEAD", cwd=elsewhere)
    assert proc.returncode == 2 and "git" in proc.stderr and "Traceback" not in proc.stderr
