"""Run a fact base over sources: phrases -> sentences -> findings -> one result per pair.

One scan per document finds every phrase of every fact; only sentences where
some fact's trigger phrases occur are handed to that fact's validator.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .context import SentenceView
from .factbase import FactBase
from .lexicon import Hit
from .model import Fact, Finding, Report, Result, SourceInfo, day
from .sources import SourceError, SourceRef, read_source
from .text import Document
from .validators import registry


def findings_for(fb: FactBase, doc: Document, only: set[str] | None = None,
                 trace: list | None = None) -> list[Finding]:
    """Every finding in one document (for all facts, or for the ids in `only`).

    With a `trace` list, validators also note there each value they read but
    did not report, as (fact id, start, end, why)."""
    hits = fb.lexicon.scan(doc.low, doc.body_start)
    if not hits:
        return []
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for h in hits:
        by_sentence[doc.sentence_at(h.start)].append(h)
    kinds = registry()
    out: list[Finding] = []
    first = next((i for i, st in enumerate(doc.sentences) if st.start >= doc.body_start), 0)
    headings = [i for i in _headings(doc) if i in by_sentence]
    candidates = sorted(set(by_sentence) | {i + k for i in by_sentence for k in (1, 2, 3)
                                            if i + k < len(doc.sentences)})
    if first in by_sentence or headings:
        candidates = list(range(len(doc.sentences)))  # a headline's subject may be taken up anywhere
    for idx in candidates:
        here, prev = by_sentence.get(idx, []), by_sentence.get(idx - 1, [])
        view = SentenceView(doc, doc.sentences[idx], here, prev)
        if not (prev and view.backref) and view.names_a_person:
            # the three sentences before, and the headline or heading above them
            context = {idx - 3, idx - 2, idx - 1, first, *[h for h in headings if h < idx][-1:]}
            earlier = [h for k in sorted(context) if 0 <= k < idx for h in by_sentence.get(k, [])]
            if earlier:
                view = SentenceView(doc, doc.sentences[idx], here, earlier, lookback=True)
        view.trace = trace
        triggered = _triggered(fb, here)
        if prev and view.backref:
            triggered |= _triggered(fb, prev)
        if not triggered:
            continue
        by_kind: dict[str, list[Fact]] = defaultdict(list)
        for i in sorted(triggered):
            f = fb.facts[i]
            if only is None or f.id in only:
                by_kind[f.kind].append(f)
        found: list[Finding] = []
        for kind, facts in by_kind.items():
            found.extend(kinds[kind].check(view, facts))
        out.extend(_one_value_per_sentence(found))
    return out


def _headings(doc: Document) -> list[int]:
    """Sentences that are Markdown headings ("## What was he convicted of?")."""
    if not doc.markdown:
        return []
    return [i for i, st in enumerate(doc.sentences) if doc.raw[st.start:st.start + 1] == "#"]


def _one_value_per_sentence(found: list[Finding]) -> list[Finding]:
    """A sentence that states a fact's value does not also contradict it.

    Where one sentence has a matching and a clashing value for the same fact,
    it speaks of two things ("replaced their 1961 treaty in 2000"): the clash
    is reported as a gap, not a contradiction.
    """
    matched = {f.fact for f in found if f.status == "match"}
    return [Finding(f.fact, "gap", f.stated, f.evidence,
                    f"{f.reason}, but the same sentence also states the fact's value", f.vagueness)
            if f.status == "contradiction" and f.fact in matched else f for f in found]


def _triggered(fb: FactBase, hits: list[Hit]) -> set[int]:
    found: set[int] = set()
    for h in hits:
        found.update(fb.triggers.get((h.category, h.key), ()))
    return found


def results_for(fb: FactBase, doc: Document, findings: list[Finding]) -> list[Result]:
    """One result per fact for this document, in fact-base order."""
    kinds = registry()
    by_fact: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_fact[f.fact].append(f)
    out = []
    for fact in fb.facts:
        expected = kinds[fact.kind].expected(fact)
        if not _in_force(fact, doc.date):
            reason = f"not checked: the fact holds {fact.valid_text}, the source is dated {doc.date}"
            out.append(Result(fact.id, doc.path, "gap", expected, None, None, reason))
            continue
        mentions = _unique(by_fact.get(fact.id, []))
        status = _status(mentions)
        primary = min((m for m in mentions if m.status == status), default=None,
                      key=lambda m: (m.vagueness, m.evidence.start)) if status != "gap" else None
        if primary:
            reason = primary.reason
        elif mentions:
            reason = "; ".join(m.reason for m in mentions)
        else:
            reason = "not stated"
        out.append(Result(fact.id, doc.path, status, expected,
                          primary.stated if primary else None,
                          primary.evidence if primary else None, reason, tuple(mentions)))
    return out


def _in_force(fact: Fact, date) -> bool:
    return fact.valid is None or date is None or fact.valid.contains(day(date))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in sorted(findings, key=lambda m: (m.evidence.start, m.evidence.end, m.status)):
        key = (f.evidence.start, f.evidence.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _status(mentions: list[Finding]) -> str:
    statuses = {m.status for m in mentions}
    for s in ("contradiction", "match"):
        if s in statuses:
            return s
    return "gap"


def check_sources(fb: FactBase, refs: Iterable[SourceRef], cli_date: dt.date | None = None,
                  encoding: str = "utf-8") -> Iterator[tuple[SourceInfo, list[Result]]]:
    """Check each source in order; an unreadable one yields its error and no results."""
    for ref in refs:
        try:
            doc = read_source(ref, cli_date, fb.reference_date, encoding)
        except SourceError as e:
            yield SourceInfo(ref.path, _iso(ref.date or cli_date or fb.reference_date), str(e)), []
            continue
        results = results_for(fb, doc, findings_for(fb, doc))
        yield SourceInfo(doc.path, _iso(doc.date)), results


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def apply_waivers(fb: FactBase, results: list[Result], today: dt.date) -> tuple[list[Result], list[str]]:
    """Mark waived contradictions; say which waivers matched nothing or have lapsed."""
    if not fb.waivers:
        return results, []
    used: set[int] = set()
    out = []
    for r in results:
        w_index = next((i for i, w in enumerate(fb.waivers)
                        if w.fact == r.fact and fnmatch.fnmatch(r.source, _joined(fb, w.source))), None)
        if w_index is not None and r.status == "contradiction":
            w = fb.waivers[w_index]
            if w.until is None or w.until >= today:
                used.add(w_index)
                r = Result(r.fact, r.source, r.status, r.expected, r.stated, r.evidence, r.reason, r.mentions,
                           {"reason": w.reason, "until": _iso(w.until)})
            else:
                used.add(w_index)
        out.append(r)
    notes = []
    for i, w in enumerate(fb.waivers):
        where = f"{fb.path}:{w.line}:{w.column}"
        if w.until is not None and w.until < today:
            notes.append(f"{where}: waiver for '{w.fact}' on '{w.source}' expired on {w.until}")
        elif i not in used:
            notes.append(f"{where}: waiver for '{w.fact}' on '{w.source}' matches no contradiction")
    return out, notes


def _joined(fb: FactBase, pattern: str) -> str:
    base = os.path.dirname(fb.path)
    return pattern if os.path.isabs(pattern) or not base else os.path.join(base, pattern)


_WORKER: dict = {}


def _worker_init(facts_path: str, cli_date, encoding: str) -> None:
    from .factbase import load_factbase
    _WORKER.update(fb=load_factbase(facts_path), cli_date=cli_date, encoding=encoding)


def _worker_check(ref: SourceRef):
    w = _WORKER
    return next(check_sources(w["fb"], [ref], w["cli_date"], w["encoding"]))


def _checked(fb: FactBase, refs: list[SourceRef], cli_date, encoding: str, jobs: int | None):
    """(source, results) in source order, from one process or several."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(refs) < 4 * jobs:
        yield from check_sources(fb, refs, cli_date, encoding)
        return
    from concurrent.futures import ProcessPoolExecutor
    chunk = max(1, min(64, len(refs) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, initializer=_worker_init, initargs=(fb.path, cli_date, encoding)) as pool:
        yield from pool.map(_worker_check, refs, chunksize=chunk)


def run(fb: FactBase, refs: list[SourceRef], cli_date: dt.date | None = None, omit_gaps: bool = False,
        encoding: str = "utf-8", today: dt.date | None = None, jobs: int | None = 1,
        progress=None) -> Report:
    """Check every source; `progress`, if given, is called once per source checked."""
    infos, results = [], []
    for info, rs in _checked(fb, refs, cli_date, encoding, jobs):
        infos.append(info)
        results.extend(rs)
        if progress is not None:
            progress()
    # SPEC 5: fact-base order, then source order.
    fact_order = {f.id: i for i, f in enumerate(fb.facts)}
    source_order = {info.path: i for i, info in enumerate(infos)}
    results.sort(key=lambda r: (fact_order[r.fact], source_order[r.source]))
    results, notes = apply_waivers(fb, results, today or dt.date.today())
    omitted = 0
    if omit_gaps:
        omitted = sum(1 for r in results if r.status == "gap")
        results = [r for r in results if r.status != "gap"]
    return Report(fb.path, fb.facts, tuple(infos), tuple(results), omitted, {"waiver_notes": notes})
