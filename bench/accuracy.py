#!/usr/bin/env python3
"""Accuracy on the labelled evaluation set: per kind and overall, precision and
recall of each status, macro-F1, the confusion matrix, and every failing case.

Cases are data (bench/accuracy/cases/*.yaml, the format of checker.casefile);
each case's fact, and each competing fact it labels in `expect_others`, is one
labelled (text, fact, status) pair.

Usage:
    python bench/accuracy.py                    # the labelled set
    python bench/accuracy.py --contrastive      # also the contrastive generator's cases
    python bench/accuracy.py --json             # figures as JSON (for the floor test)
    python bench/accuracy.py --quiet            # figures only, no failing cases
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checker.casefile import case_facts, load_cases, run_case  # noqa: E402

STATUSES = ("match", "contradiction", "gap")
CASES_DIR = HERE / "accuracy" / "cases"


@dataclass(frozen=True)
class Outcome:
    file: str
    name: str
    kind: str
    fact: str
    text: str
    expected: str
    got: str
    reason: str


def outcomes_for(case_data: dict, defaults: dict, file: str, name: str) -> list[Outcome]:
    facts = {f["id"]: f for f in case_facts(case_data)}
    try:
        results = run_case(case_data, defaults)
    except Exception as exc:  # a crash is a failure of every pair in the case, not of the run
        results = None
        crash = f"crashed: {type(exc).__name__}: {exc}"
    labels = {"f": case_data["expect"], **(case_data.get("expect_others") or {})}
    out = []
    for fact_id, expected in labels.items():
        if results is None:
            got, reason = "error", crash
        else:
            got, reason = results[fact_id].status, results[fact_id].reason
        out.append(Outcome(file, name, facts[fact_id]["kind"], fact_id, case_data["text"],
                           expected, got, reason))
    return out


def labelled_outcomes(paths) -> list[Outcome]:
    out = []
    for path in paths:
        for case in load_cases(path):
            out.extend(outcomes_for(case.data, case.defaults, Path(path).name, case.name))
    return out


def contrastive_outcomes(seed: int) -> list[Outcome]:
    from contrastive import generate  # bench/contrastive.py

    out = []
    for case in generate(seed):
        out.extend(outcomes_for(case["data"], case["defaults"], "contrastive", case["data"]["name"]))
    return out


def figures(outcomes: list[Outcome]) -> dict:
    confusion = Counter((o.expected, o.got) for o in outcomes)
    per_status = {}
    for s in STATUSES:
        tp = confusion[(s, s)]
        predicted = sum(n for (e, g), n in confusion.items() if g == s)
        actual = sum(n for (e, g), n in confusion.items() if e == s)
        precision = tp / predicted if predicted else 1.0
        recall = tp / actual if actual else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_status[s] = {"precision": round(precision, 4), "recall": round(recall, 4),
                         "f1": round(f1, 4), "support": actual}
    return {
        "cases": len(outcomes),
        "accuracy": round(sum(o.expected == o.got for o in outcomes) / len(outcomes), 4) if outcomes else 1.0,
        "macro_f1": round(sum(v["f1"] for v in per_status.values()) / len(STATUSES), 4),
        "status": per_status,
        "confusion": {e: {g: confusion[(e, g)] for g in STATUSES + ("error",) if confusion[(e, g)] or g != "error"}
                      for e in STATUSES},
    }


def report(outcomes: list[Outcome]) -> dict:
    by_kind = defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o)
    return {"overall": figures(outcomes), **{k: figures(v) for k, v in sorted(by_kind.items())}}


def print_report(result: dict, outcomes: list[Outcome], quiet: bool) -> None:
    for scope, fig in result.items():
        print(f"\n== {scope}: {fig['cases']} pairs, accuracy {fig['accuracy']:.3f}, macro-F1 {fig['macro_f1']:.3f}")
        rows = [[s, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["support"]]
                for s, v in fig["status"].items()]
        print(tabulate(rows, headers=["status", "precision", "recall", "F1", "expected"], tablefmt="simple"))
        cols = [g for g in STATUSES + ("error",) if any(g in row for row in fig["confusion"].values())]
        matrix = [[f"expected {e}"] + [fig["confusion"][e].get(g, 0) for g in cols] for e in STATUSES]
        print(tabulate(matrix, headers=[""] + [f"got {g}" for g in cols], tablefmt="simple"))
    failing = [o for o in outcomes if o.expected != o.got]
    if quiet:
        return
    print(f"\n== failing ({len(failing)})")
    for o in sorted(failing, key=lambda o: (o.kind, o.expected, o.file, o.name)):
        print(f"- [{o.kind}] {o.file}: {o.name} ({o.fact}): expected {o.expected}, got {o.got}")
        print(f"    {o.text.strip()}")
        print(f"    reason: {o.reason}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="case files (default: bench/accuracy/cases/*.yaml)")
    ap.add_argument("--contrastive", action="store_true", help="add the contrastive generator's cases")
    ap.add_argument("--only-contrastive", action="store_true", help="score the generator's cases alone")
    ap.add_argument("--seed", type=int, default=0, help="seed for the contrastive generator")
    ap.add_argument("--json", action="store_true", help="print figures as JSON")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args(argv)
    outcomes = []
    if not args.only_contrastive:
        outcomes += labelled_outcomes(args.files or sorted(CASES_DIR.glob("*.yaml")))
    if args.contrastive or args.only_contrastive:
        outcomes += contrastive_outcomes(args.seed)
    result = report(outcomes)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        print_report(result, outcomes, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
