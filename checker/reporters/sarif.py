"""The SARIF 2.1.0 report, for code-scanning views (GitHub, Azure DevOps, IDEs).

One run; one rule per fact (all facts, in fact-base order, so a rule's index
never depends on what this run found). Results: each contradiction (`error`;
a waived one carries an external suppression with the waiver's reason) and each
gap of a `required` fact (`warning`, located at the file only: nothing was
stated). Unreadable sources are tool execution notifications, where SARIF
viewers look for "could not analyse this file".
"""
from __future__ import annotations

import json
import os
from pathlib import PurePosixPath
from urllib.parse import quote

from ..model import Report, Result
from ._shared import required_gaps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    posix = path.replace(os.sep, "/")
    if PurePosixPath(posix).is_absolute():
        return PurePosixPath(posix).as_uri()
    return quote(posix, safe="/")  # a relative URI reference: spaces and '#' must be escaped


def _region(r: Result) -> dict:
    ev = r.evidence
    region = {"startLine": ev.line, "startColumn": ev.column,
              "charOffset": ev.start, "charLength": ev.end - ev.start, "snippet": {"text": r.stated}}
    # SPEC 8: text[start:end] is `stated`, so the end follows from it; SARIF's endColumn is
    # the column just after the region. If `stated` is not that exact text, say only where it starts.
    if r.stated is not None and len(r.stated) == ev.end - ev.start:
        *before, last = r.stated.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        region["endLine"] = ev.line + len(before)
        region["endColumn"] = (ev.column if not before else 1) + len(last)
    return region


def _location(path: str, region: dict | None = None) -> dict:
    physical = {"artifactLocation": {"uri": _uri(path)}}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule(fact) -> dict:
    return {"id": fact.id, "shortDescription": {"text": fact.claim},
            "defaultConfiguration": {"level": "error"},
            "properties": {"kind": fact.kind, "required": fact.required}}


def _results(report: Report, index: dict[str, int]) -> list[dict]:
    out = []
    for r in report.results:
        if r.status != "contradiction":
            continue
        res = {"ruleId": r.fact, "ruleIndex": index[r.fact], "level": "error",
               "message": {"text": f"{r.fact}: stated \"{r.stated}\", expected {r.expected} ({r.reason})"},
               "locations": [_location(r.source, _region(r))],
               "properties": {"expected": r.expected, "stated": r.stated, "sentence": r.evidence.sentence}}
        if r.waived:
            res["suppressions"] = [{"kind": "external", "justification": r.waived["reason"]}]
        out.append(res)
    for g in required_gaps(report):
        out.append({"ruleId": g.fact.id, "ruleIndex": index[g.fact.id], "level": "warning",
                    "message": {"text": f"{g.fact.id}: required fact not stated: {g.fact.claim} ({g.reason})"},
                    "locations": [_location(g.source)]})
    return out


def as_dict(report: Report) -> dict:
    index = {f.id: i for i, f in enumerate(report.facts)}
    errors = [s for s in report.sources if s.error]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "rules": [_rule(f) for f in report.facts]}},
            # Our columns and offsets count code points (SPEC 8); SARIF's default is UTF-16 units.
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": _uri(s.path)}} for s in report.sources],
            "invocations": [{
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": f"{s.path}: {s.error}"}, "locations": [_location(s.path)]}
                    for s in errors],
            }],
            "results": _results(report, index),
        }],
    }


def render(report: Report, **_options) -> str:
    return json.dumps(as_dict(report), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
