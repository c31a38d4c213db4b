"""The Markdown report: a pull-request comment or a GitHub job summary that carries everything.

GitHub shows only a few annotations per step, so this report is the complete
verdict: the facts x sources matrix, every contradiction in detail, the required
gaps, the unreadable sources and the waiver notes.
"""
from __future__ import annotations

import os
import re

from ..model import Report
from ._shared import by_pair, required_gaps, summary, waiver_text

_MARKS = {"match": "✅", "contradiction": "❌", "gap": "➖", "required": "⚠️", "waived": "🔕 waived",
          "error": "🚫"}
_LEGEND = {"match": "✅ match", "contradiction": "❌ contradiction", "gap": "➖ gap",
           "required": "⚠️ gap of a required fact", "waived": "🔕 waived contradiction",
           "error": "🚫 unreadable source"}
_MAX_NAMED_COLUMNS = 6
# Backslash-escapable punctuation that would otherwise format, link or open HTML in prose.
_INLINE = re.compile(r"([\\`*_\[\]<>|~#&])")
# At the start of a line (a quoted sentence) these would open a list or underline a heading.
_BULLET_START = re.compile(r"^([-+=])")
_NUMBER_START = re.compile(r"^(\d+)([.)])")


def cell(text: str) -> str:
    """A table cell: `|` would end the cell and a newline the row."""
    return re.sub(r"\r\n|\r|\n", "<br>", text.replace("|", "\\|"))


def code(text: str) -> str:
    """An inline code span that survives any backticks inside it (CommonMark 6.1)."""
    text = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def prose(text: str) -> str:
    """Text from a source or the fact base, shown as itself: on one line, never as markup."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _NUMBER_START.sub(r"\1\\\2", _BULLET_START.sub(r"\\\1", text))


def _matrix(report: Report) -> list[str]:
    cells = by_pair(report)
    sources = [s.path for s in report.sources]
    errors = {s.path for s in report.sources if s.error}
    required = {(g.fact.id, g.source) for g in required_gaps(report)}
    names = [os.path.splitext(os.path.basename(p))[0] or p for p in sources]
    named = len(sources) <= _MAX_NAMED_COLUMNS and len(set(names)) == len(names)
    headers = names if named else [f"[{i}]" for i in range(1, len(sources) + 1)]
    used = {"match", "contradiction", "gap"}
    rows = []
    for fact in report.facts:
        if report.omitted_gaps and not any((fact.id, s) in cells for s in sources):
            continue  # --omit-gaps: a fact no source states is left out, as its gaps are
        marks = []
        for src in sources:
            r = cells.get((fact.id, src))
            status = ("error" if src in errors else "required" if (fact.id, src) in required
                      else "waived" if r and r.waived else r.status if r else "gap")
            used.add(status)
            marks.append(_MARKS[status])
        rows.append(f"| {cell(code(fact.id))} | " + " | ".join(marks) + " |")
    lines = [" · ".join(_LEGEND[k] for k in _LEGEND if k in used), "",
             "| fact | " + " | ".join(cell(code(h)) for h in headers) + " |",
             "| --- |" + " :---: |" * len(sources)]
    lines += rows
    if not named or any(n != p for n, p in zip(names, sources)):
        lines += [""] + [f"- {code(h)}: {code(p)}" for h, p in zip(headers, sources)]
    return lines


def _contradiction(r, claim: str) -> list[str]:
    ev = r.evidence
    head = f"- {_MARKS['waived'] if r.waived else _MARKS['contradiction']} **{code(r.fact)}** at " \
           f"{code(f'{r.source}:{ev.line}:{ev.column}')}"
    lines = [head,
             f"  - fact: {prose(claim)}",
             f"  - expected: {code(r.expected)}",
             f"  - stated: {code(r.stated)}",
             f"  - why: {prose(r.reason)}"]
    if r.waived:
        lines.append(f"  - waived: {prose(waiver_text(r.waived))}")
    lines += ["  - sentence:", "", f"    > {prose(ev.sentence)}", ""]
    return lines


def render(report: Report, **_options) -> str:
    lines = [f"## Fact check: {code(report.facts_file)}", "", f"**{prose(summary(report))}**", ""]
    lines += _matrix(report)
    claims = {f.id: f.claim for f in report.facts}
    contradictions = [r for r in report.results if r.status == "contradiction"]
    if contradictions:
        lines += ["", f"### Contradictions ({len(contradictions)})", ""]
        for r in contradictions:
            lines += _contradiction(r, claims.get(r.fact, r.fact))
        lines.pop()  # the blank line after the last quote; sections add their own
    gaps = required_gaps(report)
    if gaps:
        lines += ["", f"### Required facts not stated ({len(gaps)})", ""]
        lines += [f"- {code(g.fact.id)} in {code(g.source)}: {prose(g.reason)}" for g in gaps]
    errors = [s for s in report.sources if s.error]
    if errors:
        lines += ["", f"### Unreadable sources ({len(errors)})", ""]
        lines += [f"- {code(s.path)}: {prose(s.error)}" for s in errors]
    notes = report.extra.get("waiver_notes") or []
    if notes:
        lines += ["", "### Waivers", ""] + [f"- {prose(n)}" for n in notes]
    changes = report.extra.get("changes")
    if changes:
        lines += ["", f"### Changed since {code(changes['since'])}", ""]
        lines += [f"- {code(f.source)}: {code(f.fact)}: {f.before} → {f.after}" for f in changes["flipped"]]
        if not changes["flipped"]:
            lines.append("- no verdict changed")
    return "\n".join(lines) + "\n"
