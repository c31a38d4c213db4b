"""`checker explain FACT SOURCE`: the sentences, the values read, the binding, the verdict."""
from __future__ import annotations

from .engine import findings_for, results_for
from .errors import InputError, Problem, did_you_mean
from .factbase import FactBase
from .sources import SourceError, read_source, resolve
from .validators import registry
from .validators.binding import describe as describe_number
from .validators.date import describe as describe_date


def explain(fb: FactBase, fact_id: str, source: str, cli_date=None) -> str:
    fact = fb.fact(fact_id)
    if fact is None:
        raise InputError([Problem(fb.path, None, None,
                                  f"no fact '{fact_id}'{did_you_mean(fact_id, [f.id for f in fb.facts])}")])
    ref = resolve(fb, [source])[0]
    try:
        doc = read_source(ref, cli_date, fb.reference_date)
    except SourceError as e:
        raise InputError([Problem(source, None, None, str(e))]) from None
    return explain_document(fb, fact, doc)


def explain_document(fb: FactBase, fact, doc) -> str:
    kind = registry()[fact.kind]
    lines = [f"fact {fact.id} ({fact.kind}): {fact.claim}",
             f"  expected: {kind.expected(fact)}{_expected_interval(fact)}",
             f"source {doc.path}" + (f" (dated {doc.date})" if doc.date else " (no date: relative dates are not resolved)")]
    trace: list = []
    every = findings_for(fb, doc, trace=trace)
    findings = [f for f in every if f.fact == fact.id]
    others = [f for f in every if f.fact != fact.id]
    triggers = {t for t in kind.triggers(fact)}
    hits = fb.lexicon.scan(doc.low, doc.body_start)
    sentences = sorted({doc.sentence_at(h.start) for h in hits if (h.category, h.key) in triggers})
    if not sentences:
        lines.append("")
        lines.append("No sentence contains the phrases this fact is found by: "
                     + ", ".join(f"{c} '{k}'" for c, k in sorted(triggers)))
    for idx in sentences:
        s = doc.sentences[idx]
        line, col = doc.position(s.start)
        lines += ["", f"sentence at {line}:{col}: {doc.sentence_text(s)}"]
        found = [h for h in hits if s.start <= h.start < s.end]
        lines.append("  phrases: " + (", ".join(f"{h.category} '{doc.raw[h.start:h.end]}'" for h in found) or "none"))
        if fact.kind in ("quantity", "date"):
            lines.extend(_values(doc, s, fact.kind))
        for f in findings + others:
            if s.start <= f.evidence.start < s.end:
                who = "this fact" if f.fact == fact.id else f"fact '{f.fact}'"
                lines.append(f"  -> \"{f.stated}\" bound to {who}: {f.status} ({f.reason})")
        for fact_id, start, end, why in sorted(set(trace)):
            if fact_id == fact.id and s.start <= start < s.end:
                lines.append(f"  -- \"{doc.raw[start:end]}\" not reported for this fact: {why}")
    result = next(r for r in results_for(fb, doc, findings) if r.fact == fact.id)
    lines += ["", f"status: {result.status} ({result.reason})"]
    return "\n".join(lines) + "\n"


def _expected_interval(fact) -> str:
    spec = fact.spec
    if hasattr(spec, "interval"):
        return f"  [{describe_number(spec.interval)}]"
    if hasattr(spec, "value"):
        return f"  [{describe_date(spec.value)}]"
    return ""


def _values(doc, s, kind: str) -> list[str]:
    from .values.dates import find_dates
    from .values.numbers import find_numbers

    if kind == "quantity":
        found = [f"\"{doc.raw[m.start:m.end]}\" = {describe_number(m.interval)}"
                 + ("" if m.is_count else " (not a count)") for m in find_numbers(doc.norm, s.start, s.end)]
    else:
        found = [f"\"{doc.raw[m.start:m.end]}\" = {describe_date(m.value)}"
                 + (f" ({m.marker})" if m.marker else "") + (" (no year)" if m.yearless else "")
                 for m in find_dates(doc.norm, s.start, s.end, ref=doc.date)]
    return ["  values: " + ("; ".join(found) if found else "none")]
