#!/usr/bin/env python3
"""Time the value parsers on inputs built to be slow: thousands of values on one
line, number soup, dates on one line, long runs of date-like words.

Speed is measured here, not in tests (timed tests flake on a shared machine).
Each line prints the input, its size, what was found and the best of three
timings; a budget is printed beside it, and the script exits 1 if one is over.

Usage: python bench/pathological.py
"""
from __future__ import annotations

import datetime as dt
import sys
import time

from checker.values.dates import find_dates
from checker.values.numbers import find_numbers

REF = dt.date(2024, 6, 21)
CHUNK = ("Putin visited on June 18, 2024, and again in 2017, first since July 2000, "
         "24 years ago, last September, on Tuesday and Wednesday, from 18 to 19 June; ")
CASES = [
    ("2,000 counts in one sentence", lambda: find_numbers(
        "Officials counted " + ", ".join(f"{i:,} shells" for i in range(2000)) + "."), 0.5),
    ("number soup (10,000 pieces)", lambda: find_numbers(
        " ".join(["about 5 to", "nearly six", "1-2-3", "one and a half", "2023-24"] * 2000)), 1.0),
    ("3,500 dates on one line", lambda: find_dates(CHUNK * 500, ref=REF), 1.0),
    ("date-like words, no date (200 KB)", lambda: find_dates(
        "years and months of talks in the region " * 5000, ref=REF), 1.0),
]


def best_of(fn, reps: int = 3) -> tuple[float, object]:
    times, out = [], None
    for _ in range(reps):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> int:
    over = 0
    for name, fn, budget in CASES:
        took, found = best_of(fn)
        ok = took <= budget
        over += not ok
        print(f"{name:40} {len(found):6} found  {took * 1000:8.1f} ms  (budget {budget * 1000:.0f} ms)"
              f"{'' if ok else '  OVER'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
