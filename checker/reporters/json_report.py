"""The JSON report (SPEC 5): one result per (fact, source), deterministic bytes."""
from __future__ import annotations

import json

from ..model import Evidence, Finding, Report, Result

SCHEMA = "checker.report/1"


def _evidence(e: Evidence | None) -> dict | None:
    if e is None:
        return None
    return {"line": e.line, "column": e.column, "start": e.start, "end": e.end, "sentence": e.sentence}


def _mention(m: Finding) -> dict:
    return {"status": m.status, "stated": m.stated, "evidence": _evidence(m.evidence), "reason": m.reason}


def _result(r: Result) -> dict:
    out = {
        "fact": r.fact,
        "source": r.source,
        "status": r.status,
        "expected": r.expected,
        "stated": r.stated,
        "evidence": _evidence(r.evidence),
        "reason": r.reason,
        "mentions": [_mention(m) for m in r.mentions],
    }
    if r.waived is not None:
        out["waived"] = r.waived
    return out


def as_dict(report: Report) -> dict:
    out = _as_dict(report)
    changes = report.extra.get("changes")
    if changes:  # only with --changed-since: an extension of SPEC 5, absent otherwise
        out["changes"] = {"since": changes["since"],
                          "flipped": [{"fact": f.fact, "source": f.source, "before": f.before, "after": f.after}
                                      for f in changes["flipped"]]}
    return out


def _as_dict(report: Report) -> dict:
    return {
        "schema": SCHEMA,
        "facts_file": report.facts_file,
        "sources": [{"path": s.path, "date": s.date, "error": s.error} for s in report.sources],
        "results": [_result(r) for r in report.results],
        "summary": {
            "facts": len(report.facts),
            "sources": len(report.sources),
            "match": report.count("match"),
            "contradiction": report.count("contradiction"),
            "gap": report.count("gap"),
            "errors": report.errors,
        },
    }


def render(report: Report, **_options) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
