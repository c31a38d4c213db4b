"""The CSV report: one row per (fact, source) result, for spreadsheets and data tools.

Rows follow the JSON report's results (fact-base order, then source order;
`--omit-gaps` leaves gap rows out). An unreadable source has no results, so it
gets one row of its own with an empty fact, status `error` and the error as the
reason: a spreadsheet would otherwise show it nowhere.
"""
from __future__ import annotations

import csv
import io

from ..model import Report

HEADER = ("fact", "source", "status", "expected", "stated", "line", "column", "start", "end", "reason", "waived")


def render(report: Report, **_options) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for r in report.results:
        ev = r.evidence
        where = (ev.line, ev.column, ev.start, ev.end) if ev else ("", "", "", "")
        # `waived` holds the waiver's reason: a bare "true" would lose why the desk accepted it.
        writer.writerow((r.fact, r.source, r.status, r.expected, r.stated or "", *where, r.reason,
                         r.waived["reason"] if r.waived else ""))
    for s in report.sources:
        if s.error:
            writer.writerow(("", s.path, "error", "", "", "", "", "", "", s.error, ""))
    return out.getvalue()
