#!/usr/bin/env python3
"""Check case files are well formed without checking any text: every case has a
name, text, fact and expected status, and its facts load as a fact base.

Usage: python bench/accuracy/lint.py bench/accuracy/cases/*.yaml
"""
import sys

from checker.casefile import case_facts, case_setting, fact_base, load_cases
from checker.errors import InputError

STATUSES = {"match", "contradiction", "gap"}


def main(paths: list[str]) -> int:
    bad = 0
    for path in paths:
        names = set()
        for case in load_cases(path):
            where = f"{path}: case {case.name!r}"
            for key in ("text", "fact", "expect"):
                if key not in case.data:
                    print(f"{where}: missing {key}")
                    bad += 1
            if case.data.get("expect") not in STATUSES:
                print(f"{where}: expect must be one of {sorted(STATUSES)}")
                bad += 1
            if case.name in names:
                print(f"{where}: duplicate name")
                bad += 1
            names.add(case.name)
            try:
                aliases, _ = case_setting(case.data, case.defaults)
                fact_base(case_facts(case.data), aliases)
            except InputError as exc:
                print(f"{where}: {exc}")
                bad += 1
            except Exception as exc:  # a malformed case should be reported, not crash the lint
                print(f"{where}: {type(exc).__name__}: {exc}")
                bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
