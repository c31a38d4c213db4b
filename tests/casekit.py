"""Run one behaviour case: a sentence, the fact(s) it is read against, the expected status.

Cases live as data in tests/cases/*.yaml; this builds a fact base from a case,
checks the text, and returns the results by fact id.
"""
from __future__ import annotations

import datetime as dt

import yaml

from checker.engine import findings_for, results_for
from checker.factbase import parse_factbase
from checker.sources import make_document

DEFAULT_DATE = dt.date(2024, 6, 17)


def fact_base(facts: list[dict], aliases: dict | None = None):
    doc = {"version": 1, "facts": facts}
    if aliases:
        doc["aliases"] = aliases
    return parse_factbase(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "case.yaml")


def check_text(text: str, facts: list[dict], aliases: dict | None = None, date=DEFAULT_DATE):
    fb = fact_base(facts, aliases)
    doc = make_document("case.txt", text, cli_date=date)
    results = results_for(fb, doc, findings_for(fb, doc))
    return {r.fact: r for r in results}


def run_case(case: dict, defaults: dict):
    facts = []
    main = dict(case["fact"])
    main.setdefault("id", "f")
    facts.append(main)
    for i, other in enumerate(case.get("others", []), 1):
        other = dict(other)
        other.setdefault("id", f"other{i}")
        facts.append(other)
    for f in facts:
        f.setdefault("claim", f["id"])
    aliases = dict(defaults.get("aliases", {}))
    aliases.update(case.get("aliases", {}))
    date = case.get("date", defaults.get("date", DEFAULT_DATE))
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return check_text(case["text"], facts, aliases, date)
