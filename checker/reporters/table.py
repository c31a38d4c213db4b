"""The table report: a facts x sources matrix, each contradiction in detail, a summary line."""
from __future__ import annotations

import os

from tabulate import tabulate

from ..model import Report, Result

_MARKS = {"match": "✓", "contradiction": "✗", "gap": "·", "waived": "w", "error": "!"}
_ASCII = {"match": "ok", "contradiction": "XX", "gap": "-", "waived": "w", "error": "!"}
_COLOURS = {"match": "32", "contradiction": "1;31", "gap": "2", "waived": "33", "error": "35"}
_MAX_NAMED_COLUMNS = 6
_NAME_WIDTH = 26


def _paint(text: str, status: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m" if colour else text


def _short(path: str) -> str:
    name = os.path.splitext(os.path.basename(path))[0] or path
    return name if len(name) <= _NAME_WIDTH else name[: _NAME_WIDTH - 1] + "…"


def summary_line(report: Report) -> str:
    return (f"{len(report.facts)} facts x {len(report.sources)} sources: "
            f"{report.count('match')} match, {report.count('contradiction')} contradiction, "
            f"{report.count('gap')} gap, {report.errors} errors")


def render(report: Report, colour: bool = False, unicode: bool = True, **_options) -> str:
    marks = _MARKS if unicode else _ASCII
    cell: dict[tuple[str, str], Result] = {(r.fact, r.source): r for r in report.results}
    sources = [s.path for s in report.sources]
    numbered = len(sources) > _MAX_NAMED_COLUMNS
    headers = ["fact"] + [f"[{i}]" if numbered else _short(p) for i, p in enumerate(sources, 1)]
    errors = {s.path: s.error for s in report.sources if s.error}
    rows = []
    for fact in report.facts:
        row = [fact.id]
        for src in sources:
            r = cell.get((fact.id, src))
            status = "error" if src in errors else ("waived" if r and r.waived else r.status if r else "gap")
            row.append(_paint(marks[status], status, colour))
        rows.append(row)
    lines = [f"Facts x sources   {marks['match']} match   {marks['contradiction']} contradiction   "
             f"{marks['gap']} gap" + (f"   {marks['waived']} waived" if any(r.waived for r in report.results) else "")
             + (f"   {marks['error']} unreadable" if errors else ""), ""]
    lines.append(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                          colalign=["left"] + ["center"] * len(sources)))
    if numbered or any(_short(p) != os.path.splitext(os.path.basename(p))[0] for p in sources):
        lines.append("")
        lines.extend(f"  [{i}] {p}" if numbered else f"  {_short(p)} = {p}" for i, p in enumerate(sources, 1))
    contradictions = [r for r in report.results if r.status == "contradiction"]
    if contradictions:
        lines += ["", _paint("Contradictions", "contradiction", colour)]
        claims = {f.id: f.claim for f in report.facts}
        for r in contradictions:
            ev = r.evidence
            lines.append(f"  {r.source}:{ev.line}:{ev.column}: {r.fact}" + (" (waived)" if r.waived else ""))
            lines.append(f"    fact:     {claims.get(r.fact, r.fact)}")
            lines.append(f"    expected: {r.expected}")
            lines.append(f"    stated:   \"{r.stated}\"")
            lines.append(f"    sentence: {ev.sentence}")
            lines.append(f"    why:      {r.reason}")
            if r.waived:
                lines.append(f"    waived:   {r.waived['reason']}")
    if errors:
        lines += ["", _paint("Unreadable sources", "error", colour)]
        lines.extend(f"  {p}: {e}" for p, e in errors.items())
    changes = report.extra.get("changes")
    if changes:
        lines += ["", f"Changed since {changes['since']}"]
        lines.extend(f"  {f.source}: {f.fact}: {f.before} -> " + _paint(f.after, f.after, colour)
                     for f in changes["flipped"])
        if not changes["flipped"]:
            lines.append("  no verdict changed")
    notes = report.extra.get("waiver_notes") or []
    if notes:
        lines += ["", "Waivers"]
        lines.extend(f"  {n}" for n in notes)
    lines += ["", summary_line(report)]
    return "\n".join(lines) + "\n"
