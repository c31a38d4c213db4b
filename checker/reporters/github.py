"""GitHub workflow commands: an annotation per failure, on the line that caused it.

`::error` for each contradiction that is not waived and for each unreadable
source, `::warning` for each gap of a `required` fact (no line: nothing was
stated), waiver notes and a summary as `::notice`. GitHub shows only a few
annotations per step; the markdown format is the complete report.
"""
from __future__ import annotations

import os
import posixpath

from ..model import Report
from ._shared import required_gaps, summary


def _data(text: str) -> str:
    """A message, escaped as the runner's command parser expects (`%` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """A property value: in addition, `,` and `:` would end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _file(path: str) -> str:
    # Annotations resolve against the workspace with `/`; "./a.txt" would not match "a.txt".
    return posixpath.normpath(path.replace(os.sep, "/"))


def _command(level: str, message: str, **props) -> str:
    props_text = ",".join(f"{k}={_prop(str(v))}" for k, v in props.items())
    return f"::{level}{' ' + props_text if props_text else ''}::{_data(message)}"


def render(report: Report, **_options) -> str:
    claims = {f.id: f.claim for f in report.facts}
    lines = []
    for r in report.results:
        if r.status != "contradiction" or r.waived:
            continue
        ev = r.evidence
        lines.append(_command(
            "error", f"stated \"{r.stated}\", expected {r.expected}: {r.reason}\n"
                     f"fact: {claims.get(r.fact, r.fact)}\nsentence: {ev.sentence}",
            file=_file(r.source), line=ev.line, col=ev.column, title=f"contradiction: {r.fact}"))
    for g in required_gaps(report):
        lines.append(_command("warning", f"{g.fact.claim}: {g.reason}",
                              file=_file(g.source), title=f"required fact not stated: {g.fact.id}"))
    for s in report.sources:
        if s.error:
            lines.append(_command("error", s.error, file=_file(s.path), title="unreadable source"))
    for note in report.extra.get("waiver_notes") or []:
        lines.append(_command("notice", note, title="waiver"))
    lines.append(_command("notice", summary(report)))
    return "\n".join(lines) + "\n"
