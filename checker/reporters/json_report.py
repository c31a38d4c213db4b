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
    return _with_changes(report, [_result(r) for r in report.results])


def _with_changes(report: Report, results: list) -> dict:
    out = _as_dict(report, results)
    changes = report.extra.get("changes")
    if changes:  # only with --changed-since: an extension of SPEC 5, absent otherwise
        out["changes"] = {"since": changes["since"],
                          "flipped": [{"fact": f.fact, "source": f.source, "before": f.before, "after": f.after}
                                      for f in changes["flipped"]]}
    return out


def _as_dict(report: Report, results: list) -> dict:
    return {
        "schema": SCHEMA,
        "facts_file": report.facts_file,
        "sources": [{"path": s.path, "date": s.date, "error": s.error} for s in report.sources],
        "results": results,
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
    # The results go in as they are: _write lays them out as _result would (tested).
    return dumps(_with_changes(report, list(report.results))) + "\n"


_string = json.encoder.encode_basestring  # the C version when the accelerator is there


def dumps(value) -> str:
    """The bytes of json.dumps(value, indent=2, ensure_ascii=False), written several times
    faster: with an indent the json module falls back to its pure-Python encoder, whose
    nested generators cost seconds on a corpus report."""
    out: list[str] = []
    _write(value, "\n", out)
    return "".join(out)


def _write(value, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, Result):
        _write_result(value, newline, out)
    elif value is None:
        out.append("null")
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for k, v in value.items():
            out.append(sep)
            out.append(_string(k if isinstance(k, str) else json.dumps(k).strip('"')))
            out.append(": ")
            _write(v, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for v in value:
            out.append(sep)
            _write(v, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _write_result(r: Result, nl: str, out: list[str]) -> None:
    """_write(_result(r)) without building the dict: a corpus report has a result per finding."""
    i = nl + "  "
    out += ("{", i, '"fact": ', _string(r.fact), ",", i, '"source": ', _string(r.source), ",", i, '"status": ',
            _string(r.status), ",", i, '"expected": ', _string(r.expected), ",", i, '"stated": ')
    _write(r.stated, i, out)
    out += (",", i, '"evidence": ')
    _write_evidence(r.evidence, i, out)
    out += (",", i, '"reason": ', _string(r.reason), ",", i, '"mentions": ')
    if r.mentions:
        j = i + "  "
        k = j + "  "
        sep = "[" + j
        for m in r.mentions:
            out += (sep, "{", k, '"status": ', _string(m.status), ",", k, '"stated": ')
            _write(m.stated, k, out)
            out += (",", k, '"evidence": ')
            _write_evidence(m.evidence, k, out)
            out += (",", k, '"reason": ', _string(m.reason), j, "}")
            sep = "," + j
        out.append(i + "]")
    else:
        out.append("[]")
    if r.waived is not None:
        out += (",", i, '"waived": ')
        _write(r.waived, i, out)
    out.append(nl + "}")


def _write_evidence(e: Evidence | None, nl: str, out: list[str]) -> None:
    if e is None:
        out.append("null")
        return
    i = nl + "  "
    out += ("{", i, '"line": ', str(e.line), ",", i, '"column": ', str(e.column), ",", i, '"start": ', str(e.start),
            ",", i, '"end": ', str(e.end), ",", i, '"sentence": ', _string(e.sentence), nl, "}")
