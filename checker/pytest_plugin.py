"""pytest plugin: `pytest --facts facts.yaml` makes each (fact, source) pair a test.

A contradiction fails (unless waived), a gap is skipped (fails when the fact is
`required`), a match passes; the test id is `facts.yaml::FACT_ID[SOURCE]`. The
checker runs once, when the fact base is collected, and each item carries its
result. Without `--facts` the plugin does nothing: it is loaded, through the
`pytest11` entry point, into every pytest run of anyone who installs the package.
"""
from __future__ import annotations

import datetime as dt
import os
import warnings
from pathlib import Path

import pytest

# Only pytest and the standard library are imported here; the checker itself is
# imported when a fact base is collected, so a pytest run without --facts pays
# nothing for having the plugin installed.


class FactsWarning(UserWarning):
    """Something about the fact base worth a look that fails nothing (an unused or lapsed waiver)."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise pytest.UsageError(f"--facts-date: '{text}' is not a date YYYY-MM-DD") from None


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("checker", "fact-consistency checks (checker)")
    group.addoption("--facts", metavar="PATH", default=None,
                    help="check the sources of this fact base, one test per (fact, source)")
    group.addoption("--facts-source", metavar="PATH", action="append", default=None, dest="facts_sources",
                    help="check this source instead of the fact base's sources (repeatable; globs allowed; "
                         "as `checker check SOURCE`)")
    group.addoption("--facts-date", metavar="YYYY-MM-DD", default=None,
                    help="publication date for sources without one (as `checker --date`)")


def pytest_configure(config: pytest.Config) -> None:
    given = config.getoption("facts")
    if not given:
        return
    facts = _facts_path(config)
    if not facts.exists():
        raise pytest.UsageError(f"--facts {given}: no such file")
    if facts.is_dir():
        raise pytest.UsageError(f"--facts {given}: is a directory, not a fact base")
    if config.getoption("facts_date"):
        _date(config.getoption("facts_date"))  # a bad date is a usage error now, not one per test


def _facts_path(config: pytest.Config) -> Path:
    # Absolute but not resolved, as pytest makes the paths it collects and the
    # session's initial paths, so the three compare equal.
    return Path(os.path.abspath(config.invocation_params.dir / config.getoption("facts")))


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    # Named on the command line (`facts.yaml::nk-shells`), the fact base is
    # collected as pytest collects any file argument, so the selection works.
    # Met while walking a folder it is left alone: the session adds it below.
    config = parent.config
    if (config.getoption("facts") and parent.session.isinitpath(file_path)
            and file_path == _facts_path(config)):
        return FactsFile.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    report = yield
    # `--facts` adds the fact base to whatever else pytest collects. It hangs
    # from the session rather than waiting for a folder walk to reach it, which
    # would miss it under `norecursedirs` (".*", "build") or outside the walk.
    if (isinstance(collector, pytest.Session) and report.passed and collector.config.getoption("facts")
            and not collector.isinitpath(_facts_path(collector.config))):
        report.result.append(FactsFile.from_parent(collector, path=_facts_path(collector.config)))
    return report


class FactsFile(pytest.File):
    """The fact base: checked once, then one item per (fact, source)."""

    def collect(self):
        from .engine import run
        from .errors import InputError, UsageError
        from .factbase import load_factbase
        from .schemas import guard
        from .sources import resolve

        # The path as the user typed it, so that sources and messages read as
        # they do from `checker --facts` (relative paths stay relative).
        given = self.config.getoption("facts")
        when = self.config.getoption("facts_date")
        try:
            fb = load_factbase(given)
            refs = resolve(fb, self.config.getoption("facts_sources"))
            if not refs:
                raise UsageError(f"no sources: give --facts-source or a 'sources' list in {given}")
        except InputError as e:
            # Bad input is the user's to fix: file:line:col messages, no traceback.
            raise self.CollectError("\n".join(str(p) for p in e.problems)) from None
        except UsageError as e:
            raise self.CollectError(str(e)) from None
        report = run(fb, refs, _date(when) if when else None)
        guard(report)  # as the CLI does: a broken results table is a bug, not a verdict
        for note in report.extra.get("waiver_notes", ()):
            warnings.warn(FactsWarning(note), stacklevel=1)
        results = {(r.fact, r.source): r for r in report.results}
        # Every pair gets an item, an unreadable source's too (it fails with the
        # read error), so the JUnit report has one testcase per pair.
        for fact in report.facts:
            for source in report.sources:
                yield FactItem.from_parent(self, name=f"{fact.id}[{source.path}]", fact=fact,
                                           source=source, result=results.get((fact.id, source.path)))


class PairFailed(Exception):
    """This pair fails the run; the item renders why."""


class FactItem(pytest.Item):
    """One (fact, source) pair and the checker's verdict on it."""

    def __init__(self, *, fact, source, result, **kwargs):
        super().__init__(**kwargs)
        self.fact, self.source, self.result = fact, source, result
        if result is not None:
            self.user_properties.append(("status", result.status))
            if result.waived:
                self.user_properties.append(("waived", result.waived["reason"]))
            if result.status == "gap" and not fact.required:
                # A marker rather than a skip() call, so the skip is reported at
                # the fact base, not at a line of this plugin.
                self.add_marker(pytest.mark.skip(reason=f"gap: {result.reason}"))

    def runtest(self) -> None:
        r = self.result
        # A gap reaches here only for a required fact; the others carry a skip marker.
        if r is None or r.status == "gap" or (r.status == "contradiction" and not r.waived):
            raise PairFailed()

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PairFailed):
            headline, lines = _explain(self.fact, self.source, self.result, self._fact_place())
            ev = self.result.evidence if self.result else None
            where = f"{self.source.path}:{ev.line}:{ev.column}" if ev else self.source.path
            return FailureText(headline, lines, where)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        line = self.fact.pos.line - 1 if self.fact.pos else None
        return self.path, line, self.name

    def _fact_place(self) -> str:
        given = self.config.getoption("facts")
        return f"{given}:{self.fact.pos.line}:{self.fact.pos.column}" if self.fact.pos else given


def _explain(fact, source, result, fact_place: str) -> tuple[str, list[str]]:
    """The short headline (for the summary line and JUnit's message) and the full text."""
    claim = f"  fact:     {fact.claim}  ({fact.id}, {fact_place})"
    if result is None:
        headline = f"cannot read {source.path}: {source.error}"
        return headline, [headline, claim]
    if result.status == "gap":
        headline = f"required fact not stated: {fact.claim}"
        return headline, [f"gap in a required fact: {fact.id} in {result.source}", claim,
                          f"  expected: {result.expected}", f"  why:      {result.reason}",
                          "  the fact is `required: true`, so a gap fails"]
    ev = result.evidence
    headline = f'stated "{result.stated}", expected {result.expected}'
    lines = [f"contradiction: {fact.id} in {result.source}", claim,
             f"  at:       {result.source}:{ev.line}:{ev.column}",
             f"  expected: {result.expected}",
             f"  stated:   \"{result.stated}\"",
             f"  sentence: {ev.sentence}",
             f"  why:      {result.reason}"]
    # The headline quotes the most precise clash; the others must not go unseen.
    for m in result.mentions:
        if m.status == "contradiction" and m.evidence != ev:
            lines.append(f"  also:     {result.source}:{m.evidence.line}:{m.evidence.column}: "
                         f"\"{m.stated}\" ({m.reason})")
    return headline, lines


class _Crash:
    """Where and what, in one line: pytest reads `message` for the short summary
    and JUnit's failure message, and str() for `--tb=line`."""

    def __init__(self, path: str, message: str):
        self.path, self.lineno, self.message = path, None, message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class FailureText:
    """A failure rendered as plain lines (no traceback: the plugin's code is not the story)."""

    def __init__(self, headline: str, lines: list[str], path: str):
        self.lines = lines
        self.reprcrash = _Crash(path, headline)

    def toterminal(self, tw) -> None:
        for line in self.lines:
            tw.line(line)

    def __str__(self) -> str:
        return "\n".join(self.lines)
