"""What several formats must read the same way: the pairs, the required gaps, the summary.

Renderers only read the report; keeping these few readings in one place stops
five formats from disagreeing on which pair failed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Fact, Report, Result
from .table import summary_line


@dataclass(frozen=True)
class RequiredGap:
    """A gap of a `required` fact: it fails the run, so every failing format shows it."""

    fact: Fact
    source: str
    result: Result | None  # None: --omit-gaps left the gap out, but it still fails the run

    @property
    def reason(self) -> str:
        return self.result.reason if self.result else "not stated (gap left out of the report)"


def by_pair(report: Report) -> dict[tuple[str, str], Result]:
    return {(r.fact, r.source): r for r in report.results}


def required_gaps(report: Report) -> list[RequiredGap]:
    """Every (required fact, readable source) pair without a stated value, in report order.

    Rebuilt from the grid rather than from `results` because `--omit-gaps` drops gap
    results, and the CLI still fails the run on a required one.
    """
    required = [f for f in report.facts if f.required]
    if not required:
        return []
    cells = by_pair(report)
    readable = [s.path for s in report.sources if not s.error]
    out = []
    for fact in required:
        for src in readable:
            r = cells.get((fact.id, src))
            if r is None or r.status == "gap":
                out.append(RequiredGap(fact, src, r))
    return out


def waiver_text(waived: dict) -> str:
    until = waived.get("until")
    return waived["reason"] + (f" (until {until})" if until else "")


def summary(report: Report) -> str:
    """The table's summary line, plus what the other formats must not hide: waivers, omitted gaps."""
    line = summary_line(report)
    waived = sum(1 for r in report.results if r.waived)
    if waived:
        line += f", {waived} waived"
    if report.omitted_gaps:
        line += f" ({report.omitted_gaps} gaps not listed)"
    return line
