"""The JUnit XML report: one <testsuite> per source, one <testcase> per (fact, source) pair.

A suite per source because CI test views group by suite, and a reviewer asks
"what is wrong with this article?". Outcomes follow the pytest plugin (SPEC 7):
a contradiction fails, a gap is skipped (fails when the fact is `required`), a
waived contradiction passes and says why, an unreadable source is one <error>.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import Fact, Report, Result
from ._shared import by_pair, required_gaps, summary, waiver_text

# XML 1.0 forbids most control characters; ElementTree would write them and yield invalid XML.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_OUTCOMES = {"failure": "failures", "error": "errors", "skipped": "skipped"}


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: _safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _safe(text)
    return el


def _details(r: Result, claim: str) -> str:
    ev = r.evidence
    return (f"{r.source}:{ev.line}:{ev.column}\n"
            f"fact:     {claim}\n"
            f"expected: {r.expected}\n"
            f"stated:   \"{r.stated}\"\n"
            f"sentence: {ev.sentence}\n"
            f"why:      {r.reason}")


def _outcome(case: ET.Element, fact: Fact, r: Result | None, required: bool) -> None:
    if r is not None and r.status == "contradiction":
        if r.waived:
            _sub(case, "system-out", f"waived: {waiver_text(r.waived)}\n{_details(r, fact.claim)}")
        else:
            _sub(case, "failure", _details(r, fact.claim), type="contradiction",
                 message=f"stated \"{r.stated}\", expected {r.expected}")
    elif r is None or r.status == "gap":
        reason = r.reason if r else "not stated (gap left out of the report)"
        if required:
            _sub(case, "failure", f"{fact.claim}\n{reason}", type="required-gap",
                 message=f"gap of a required fact: {reason}")
        else:
            _sub(case, "skipped", message=f"gap: {reason}")
    elif r.evidence is not None:  # a match: where it was found, for the curious
        _sub(case, "system-out", f"{r.source}:{r.evidence.line}:{r.evidence.column}: stated \"{r.stated}\"")


def _count(el: ET.Element, cases) -> None:
    el.set("tests", str(len(cases)))
    for tag, attr in _OUTCOMES.items():
        el.set(attr, str(sum(1 for c in cases if c.find(tag) is not None)))


def render(report: Report, **_options) -> str:
    cells = by_pair(report)
    required = {(g.fact.id, g.source) for g in required_gaps(report)}
    root = ET.Element("testsuites", name=_safe(f"checker {report.facts_file}"))
    every = []
    for src in report.sources:
        suite = _sub(root, "testsuite", name=src.path)
        if src.error:
            case = _sub(suite, "testcase", classname=src.path, name="(read source)")
            _sub(case, "error", src.error, type="unreadable", message=src.error)
        for fact in report.facts if not src.error else ():
            r = cells.get((fact.id, src.path))
            if r is None and (fact.id, src.path) not in required:
                continue  # a gap --omit-gaps left out
            case = _sub(suite, "testcase", classname=src.path, name=fact.id)
            _outcome(case, fact, r, (fact.id, src.path) in required)
        cases = suite.findall("testcase")
        _count(suite, cases)
        every += cases
    _count(root, every)
    ET.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- ' + _safe(summary(report)).replace("--", "- -")
            + " -->\n" + ET.tostring(root, encoding="unicode") + "\n")
