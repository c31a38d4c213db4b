#!/usr/bin/env python3
"""Score the checker against a held-out story folder.

A story folder holds facts.yaml, expected.yaml ({expected: {file: {fact: status}}})
and the articles. This runs

    checker check --facts STORY/facts.yaml --format json

(or reads a saved report with --report), compares every (fact, file) pair with
expected.yaml and prints the confusion matrix (expected x got), contradiction
precision and recall, match recall, and every disagreement with its sentence and
the checker's reason.

Usage:
    python bench/heldout/score.py bench/heldout/putin [bench/heldout/uk-election ...]
    python bench/heldout/score.py STORY --report saved.json
    python bench/heldout/score.py STORY --json          # machine-readable output
    python bench/heldout/score.py STORY ... --without cues   # the same fact bases, no cues

Stdlib + PyYAML only.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import sys

import yaml

STATUSES = ("match", "contradiction", "gap")


def run_checker(story: str, checker: str) -> dict:
    facts = os.path.join(story, "facts.yaml")
    proc = subprocess.run(
        [checker, "check", "--facts", facts, "--format", "json"],
        capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"checker failed on {facts} (exit {proc.returncode})")
    return json.loads(proc.stdout)


def strip(facts: str, what: str) -> None:
    """Rewrite a fact base without its facts' cues, its aliases or its officials' `of`."""
    with open(facts, encoding="utf-8") as fh:
        base = yaml.safe_load(fh)
    if what in ("cues", "of"):
        for fact in base.get("facts") or []:
            fact.pop(what, None)
    else:
        base.pop("aliases", None)
    with open(facts, "w", encoding="utf-8") as fh:
        yaml.safe_dump(base, fh, sort_keys=False, allow_unicode=True)


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score(story: str, report: dict) -> dict:
    with open(os.path.join(story, "expected.yaml"), encoding="utf-8") as fh:
        expected = yaml.safe_load(fh)["expected"]

    got: dict[tuple[str, str], dict] = {}
    for r in report["results"]:
        got[(os.path.basename(r["source"]), r["fact"])] = r
    errors = {os.path.basename(s["path"]): s["error"]
              for s in report.get("sources", []) if s.get("error")}

    matrix = {e: {g: 0 for g in STATUSES + ("missing",)} for e in STATUSES}
    disagreements = []
    unexpected = sorted(k for k in got if k[0] not in expected or k[1] not in expected[k[0]])
    for fname, facts in expected.items():
        for fact, exp in facts.items():
            r = got.get((fname, fact))
            g = r["status"] if r else "missing"
            matrix[exp][g] += 1
            if g != exp:
                ev = (r or {}).get("evidence") or {}
                mentions = [
                    {"status": m.get("status"), "stated": m.get("stated"),
                     "sentence": (m.get("evidence") or {}).get("sentence"),
                     "reason": m.get("reason")}
                    for m in (r or {}).get("mentions") or []
                ]
                disagreements.append({
                    "fact": fact, "file": fname, "expected": exp, "got": g,
                    "stated": (r or {}).get("stated"),
                    "line": ev.get("line"),
                    "sentence": ev.get("sentence"),
                    "reason": (r or {}).get("reason"),
                    "mentions": mentions,
                })

    planted = None
    pe = os.path.join(story, "planted-errors.yaml")
    if os.path.exists(pe):
        with open(pe, encoding="utf-8") as fh:
            rows = (yaml.safe_load(fh) or {}).get("planted_errors") or []
        caught = [r for r in rows
                  if (got.get((r["file"], r["fact"])) or {}).get("status") == "contradiction"]
        planted = {"planted": len(rows), "caught": len(caught)}

    def col(g):
        return sum(matrix[e][g] for e in STATUSES)

    tp_c = matrix["contradiction"]["contradiction"]
    return {
        "story": os.path.basename(os.path.normpath(story)),
        "pairs": sum(sum(v.values()) for v in matrix.values()),
        "matrix": matrix,
        "contradiction_precision": ratio(tp_c, col("contradiction")),
        "contradiction_recall": ratio(tp_c, sum(matrix["contradiction"].values())),
        "match_precision": ratio(matrix["match"]["match"], col("match")),
        "match_recall": ratio(matrix["match"]["match"], sum(matrix["match"].values())),
        "gap_recall": ratio(matrix["gap"]["gap"], sum(matrix["gap"].values())),
        "accuracy": ratio(sum(matrix[s][s] for s in STATUSES),
                          sum(sum(v.values()) for v in matrix.values())),
        "false_contradictions": col("contradiction") - tp_c,
        "planted_errors": planted,
        "disagreements": disagreements,
        "unexpected_pairs": [list(k) for k in unexpected],
        "source_errors": errors,
    }


def render(s: dict) -> str:
    out = [f"== {s['story']}: {s['pairs']} pairs, accuracy {s['accuracy']}"]
    head = ["expected \\ got"] + list(STATUSES) + ["missing"]
    out.append("  " + "".join(f"{h:>16}" for h in head))
    for e in STATUSES:
        row = [e] + [str(s["matrix"][e][g]) for g in STATUSES + ("missing",)]
        out.append("  " + "".join(f"{c:>16}" for c in row))
    out.append(f"  contradiction precision {s['contradiction_precision']}  "
               f"recall {s['contradiction_recall']}  "
               f"(false contradictions: {s['false_contradictions']})")
    out.append(f"  match recall {s['match_recall']}  match precision {s['match_precision']}  "
               f"gap recall {s['gap_recall']}")
    if s["planted_errors"]:
        out.append(f"  planted errors caught: {s['planted_errors']['caught']}"
                   f"/{s['planted_errors']['planted']}")
    if s["source_errors"]:
        out.append(f"  source errors: {s['source_errors']}")
    if s["unexpected_pairs"]:
        out.append(f"  pairs not in expected.yaml: {s['unexpected_pairs']}")
    out.append(f"  disagreements ({len(s['disagreements'])}):")
    for d in s["disagreements"]:
        out.append(f"  - {d['fact']} | {d['file']} | expected {d['expected']} | got {d['got']}")
        if d["sentence"]:
            out.append(f"      line {d['line']}: stated {d['stated']!r}")
            out.append(f"      sentence: {d['sentence']}")
        if d["reason"]:
            out.append(f"      reason: {d['reason']}")
        for m in d["mentions"]:
            if m["sentence"] and m["sentence"] != d["sentence"] or m["status"] != d["got"]:
                out.append(f"      mention [{m['status']}] {m['stated']!r}: {m['reason']}")
                out.append(f"        in: {m['sentence']}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="+", help="story folders (facts.yaml, expected.yaml, articles)")
    ap.add_argument("--report", help="use this saved JSON report instead of running the checker "
                                     "(only with one story)")
    ap.add_argument("--checker", default="checker", help="checker executable (default: checker)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--without", choices=("cues", "aliases", "of"),
                    help="check against a copy of each fact base with every fact's cues, the alias list, "
                         "or the officials' `of` taken out: how the checker does on a sparser fact base")
    args = ap.parse_args(argv)
    if args.report and len(args.stories) != 1:
        ap.error("--report takes exactly one story")

    scores = []
    for story in args.stories:
        if args.report:
            with open(args.report, encoding="utf-8") as fh:
                report = json.load(fh)
        elif args.without:
            with tempfile.TemporaryDirectory() as tmp:
                copy = os.path.join(tmp, os.path.basename(os.path.normpath(story)))
                shutil.copytree(story, copy)
                strip(os.path.join(copy, "facts.yaml"), args.without)
                report = run_checker(copy, args.checker)
        else:
            report = run_checker(story, args.checker)
        scores.append(score(story, report))

    if args.json:
        json.dump(scores, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print("\n\n".join(render(s) for s in scores))
        if len(scores) > 1:
            print("\n" + totals(scores))
    return 0


def totals(scores: list[dict]) -> str:
    """One line per story and the pooled figures over every pair of every story."""
    lines = ["== all stories", f"  {'story':24}{'contradiction precision':>26}{'contradiction recall':>23}"
                                f"{'match recall':>16}"]
    pooled = {e: {g: 0 for g in STATUSES + ("missing",)} for e in STATUSES}
    for s in scores:
        m = s["matrix"]
        for e in STATUSES:
            for g in pooled[e]:
                pooled[e][g] += m[e][g]
        lines.append(f"  {s['story']:24}{_frac(m['contradiction']['contradiction'], sum(m[e]['contradiction'] for e in STATUSES)):>26}"
                     f"{_frac(m['contradiction']['contradiction'], sum(m['contradiction'].values())):>23}"
                     f"{_frac(m['match']['match'], sum(m['match'].values())):>16}")
    m = pooled
    lines.append(f"  {'pooled':24}{_frac(m['contradiction']['contradiction'], sum(m[e]['contradiction'] for e in STATUSES)):>26}"
                 f"{_frac(m['contradiction']['contradiction'], sum(m['contradiction'].values())):>23}"
                 f"{_frac(m['match']['match'], sum(m['match'].values())):>16}")
    return "\n".join(lines)


def _frac(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "-"


if __name__ == "__main__":
    sys.exit(main())
