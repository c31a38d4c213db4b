"""Run a fact base over sources: phrases -> sentences -> findings -> one result per pair.

One scan per document finds every phrase of every fact; only sentences where
some fact's trigger phrases occur are handed to that fact's validator.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .context import SentenceView
from .factbase import FactBase
from .lexicon import ANCHOR, CUE, Hit
from .model import Fact, Finding, Report, Result, SourceInfo, day
from .sources import SourceError, SourceRef, read_source
from .text import Document
from .values.calendar_words import CALENDAR_NAMES
from .validators import registry


def findings_for(fb: FactBase, doc: Document, only: set[str] | None = None,
                 trace: list | None = None) -> list[Finding]:
    """Every finding in one document (for all facts, or for the ids in `only`).

    With a `trace` list, validators also note there each value they read but
    did not report, as (fact id, start, end, why)."""
    norm = doc.norm
    hits = [h for h in fb.lexicon.scan(doc.low, doc.body_start)
            if h.category != ANCHOR or not norm[h.start].isupper() or not _inside_another_name(fb, doc, h)]
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
    triggering = {i for i, hits_i in by_sentence.items() if _triggering(fb, hits_i)}
    for idx in candidates:
        here, prev = by_sentence.get(idx, []), by_sentence.get(idx - 1, [])
        unanchored = _unanchored(here) and not _names_its_own(doc, doc.sentences[idx], here)
        if idx not in triggering and idx - 1 not in triggering and not unanchored:
            continue  # no phrase here or in the sentence it could refer back to triggers a fact
        view = SentenceView(doc, doc.sentences[idx], here, prev, everywhere=hits)
        subjects: set[tuple[str, str]] = set()
        if not (prev and view.backref) and (view.names_a_person or unanchored):
            # the three sentences before, the headline and lead, and the heading above them
            context = {idx - 3, idx - 2, idx - 1, first, first + 1, first + 2, *[h for h in headings if h < idx][-1:]}
            earlier = [h for k in sorted(context) if 0 <= k < idx for h in by_sentence.get(k, [])]
            if earlier:
                view = SentenceView(doc, doc.sentences[idx], here, earlier, lookback=True, everywhere=hits)
                if unanchored:  # the facts of the subjects meant, for a match
                    subjects = {k for k in _keys(earlier) if k[0] == ANCHOR}
        view.trace = trace
        keys = _keys(here) | subjects
        if prev and view.backref:
            keys |= _keys(prev)
        if not keys:
            continue
        # `checker explain` hands over facts whose anchors are out of reach too, to say so
        handed = fb.index.triggered_by(keys) if trace is not None else fb.index.handed(keys, view.in_reach)
        found: list[Finding] = []
        for kind, facts in handed.items():
            if only is not None:
                facts = [f for f in facts if f.id in only]
            if facts:
                found.extend(kinds[kind].check(view, facts))
        out.extend(_one_value_per_sentence(found))
    return out


_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’.-]*)[ \t]+\Z")
_OPENERS = frozenset("The A An This That These Those Its Their His Her Our Your".split())
# "... to 44.3% for Jalili. Turnout was 49.8%": a full stop after a word, not an abbreviation
_SENTENCE_END = re.compile(r"[a-z]\.\Z")


def _inside_another_name(fb: FactBase, doc: Document, h: Hit) -> bool:
    """A common-noun anchor ("central bank", as the fact base writes it) in capitals inside a
    longer name ("the European Central Bank") is that other name's word, not the fact's
    subject. Headlines in title case are left alone."""
    if not fb.lexicon.lowercase_only(" ".join(doc.low[h.start:h.end].split())):
        return False
    before = _NAME_WORD_BEFORE.search(doc.norm, max(0, h.start - 40), h.start)
    if before is None or before.group(1) in _OPENERS or before.group(1).endswith(("'s", "’s")) \
            or _SENTENCE_END.search(before.group(1)):
        return False
    sentence = doc.sentences[doc.sentence_at(h.start)]
    words = re.findall(r"[^\W\d_][\w'’-]*", doc.norm[sentence.start:sentence.end])
    return sum(w[0].isupper() for w in words) <= 0.6 * len(words)


def _unanchored(hits: list[Hit]) -> bool:
    """A sentence with a fact's words but none of its subjects ("Tonight's closing ceremony
    starts at 9pm"): the story's subject, from the headline or just before, may be meant."""
    return any(h.category == CUE for h in hits) and not any(h.category == ANCHOR for h in hits)


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_CALENDAR = CALENDAR_NAMES | {"I"}


def _names_its_own(doc: Document, sentence, hits: list[Hit]) -> bool:
    """Whether the sentence names something of its own ("The Graipigu Refinery cost ..."):
    a capitalised word past the first that no phrase of the fact base covers."""
    for m in _CAPITALISED.finditer(doc.norm, sentence.start, sentence.end):
        if m.start() == sentence.start or doc.norm[m.start():m.end()].rstrip("'’s") in _CALENDAR:
            continue
        if not any(h.start <= m.start() < h.end for h in hits):
            return True
    return False


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


def _triggering(fb: FactBase, hits: list[Hit]) -> bool:
    return any((h.category, h.key) in fb.index.triggering for h in hits)


def _keys(hits: list[Hit]) -> set[tuple[str, str]]:
    return {(h.category, h.key) for h in hits}


def results_for(fb: FactBase, doc: Document, findings: list[Finding], keep_gaps: bool = True) -> list[Result]:
    """One result per fact for this document, in fact-base order.

    With keep_gaps=False only the pairs that are not gaps are built: a corpus run
    reports what was found, and the cost then grows with the findings, not with
    facts x sources."""
    by_fact: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_fact[f.fact].append(f)
    if keep_gaps:
        facts: Iterable[Fact] = fb.facts
    else:
        facts = [fb.facts[i] for i in sorted(fb.order[k] for k in by_fact)]
    out = []
    for fact in facts:
        result = _result(fact, doc, by_fact.get(fact.id))
        if keep_gaps or result.status != "gap":
            out.append(result)
    return out


def _result(fact: Fact, doc: Document, findings: list[Finding] | None) -> Result:
    expected = registry()[fact.kind].expected(fact)
    if not _in_force(fact, doc.date):
        reason = f"not checked: the fact holds {fact.valid_text}, the source is dated {doc.date}"
        return Result(fact.id, doc.path, "gap", expected, None, None, reason)
    if not findings:
        return Result(fact.id, doc.path, "gap", expected, None, None, "not stated")
    mentions = _unique(findings)
    status = _status(mentions)
    primary = min((m for m in mentions if m.status == status),
                  key=lambda m: (m.vagueness, m.evidence.start)) if status != "gap" else None
    reason = primary.reason if primary else "; ".join(m.reason for m in mentions)
    return Result(fact.id, doc.path, status, expected, primary.stated if primary else None,
                  primary.evidence if primary else None, reason, tuple(mentions))


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
                  encoding: str = "utf-8", keep_gaps: bool = True) -> Iterator[Checked]:
    """Check each source in order; an unreadable one yields its error and no results."""
    for ref in refs:
        try:
            doc = read_source(ref, cli_date, fb.reference_date, encoding)
        except SourceError as e:
            yield Checked(SourceInfo(ref.path, _iso(ref.date or cli_date or fb.reference_date), str(e)), [], 0)
            continue
        results = results_for(fb, doc, findings_for(fb, doc), keep_gaps)
        yield Checked(SourceInfo(doc.path, _iso(doc.date)), results, len(fb.facts) - len(results))


class Checked(NamedTuple):
    """One source's outcome: its info, its results, and how many gaps were left out of them."""

    info: SourceInfo
    results: list[Result]
    omitted_gaps: int


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


def _worker_init(fb: FactBase | None, facts_path: str, cli_date, encoding: str, keep_gaps: bool) -> None:
    if fb is None:  # a spawned worker: it has to load the fact base itself
        from .factbase import load_factbase
        fb = load_factbase(facts_path)
    _WORKER.update(fb=fb, cli_date=cli_date, encoding=encoding, keep_gaps=keep_gaps)


def _worker_check(ref: SourceRef) -> Checked:
    w = _WORKER
    return next(check_sources(w["fb"], [ref], w["cli_date"], w["encoding"], w["keep_gaps"]))


def _checked(fb: FactBase, refs: list[SourceRef], cli_date, encoding: str, jobs: int | None,
             keep_gaps: bool, meanwhile=None) -> Iterator[Checked]:
    """Each source's outcome in source order, from one process or several.

    With worker processes, `meanwhile` (if given) runs in a thread of this process
    once they have all been started (never before: forking beside a running thread
    is unsafe), while this process mostly waits for them."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(refs) < 4 * jobs:
        yield from check_sources(fb, refs, cli_date, encoding, keep_gaps)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # A forked worker inherits the compiled fact base; only a spawned one reloads it.
    forked = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forked else "spawn")
    inherited = fb if forked else None
    chunk = max(1, min(64, len(refs) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_init,
                             initargs=(inherited, fb.path, cli_date, encoding, keep_gaps)) as pool:
        outcomes = pool.map(_worker_check, refs, chunksize=chunk)  # submits all: every worker is forked
        if meanwhile is not None:
            threading.Thread(target=meanwhile, daemon=True).start()
        yield from outcomes


def run(fb: FactBase, refs: list[SourceRef], cli_date: dt.date | None = None, omit_gaps: bool = False,
        encoding: str = "utf-8", today: dt.date | None = None, jobs: int | None = 1,
        progress=None, meanwhile=None) -> Report:
    """Check every source; `progress`, if given, is called once per source checked, and
    `meanwhile` in a thread while worker processes check (see _checked)."""
    infos, results, omitted = [], [], 0
    for checked in _checked(fb, refs, cli_date, encoding, jobs, not omit_gaps, meanwhile):
        infos.append(checked.info)
        results.extend(checked.results)
        omitted += checked.omitted_gaps if not checked.info.error else 0
        if progress is not None:
            progress()
    # SPEC 5: fact-base order, then source order.
    source_order = {info.path: i for i, info in enumerate(infos)}
    results.sort(key=lambda r: (fb.order[r.fact], source_order[r.source]))
    results, notes = apply_waivers(fb, results, today or dt.date.today())
    return Report(fb.path, fb.facts, tuple(infos), tuple(results), omitted, {"waiver_notes": notes})
