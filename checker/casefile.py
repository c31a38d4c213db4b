"""Behaviour cases as data: a text, the fact it is read against, the status a reader expects.

A case file is YAML::

    defaults: {date: 2024-06-17, aliases: {...}}
    cases:
      - name: ...
        text: ...
        fact: {kind: quantity, about: [...], unit: [...], value: ...}
        others: [...]            # optional competing facts, ids other1, other2...
        expect: match | contradiction | gap
        stated: ...              # optional: the text the evidence must cover
        reason_has: ...          # optional: words the finding's reason must contain
        expect_others: {other1: match}

The test suite (tests/cases/) and the accuracy benchmark (bench/accuracy/) both
keep their cases in this form, so a case is read one way everywhere.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.engine import findings_for, results_for
from checker.factbase import parse_factbase
from checker.sources import make_document

DEFAULT_DATE = dt.date(2024, 6, 17)


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    data: dict
    defaults: dict

    @property
    def kind(self) -> str:
        return self.data["fact"]["kind"]

    @property
    def expect(self) -> str:
        return self.data["expect"]

    @property
    def text(self) -> str:
        return self.data["text"]


def load_cases(path: str | Path) -> list[Case]:
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    defaults = data.get("defaults", {}) or {}
    return [Case(str(path), c["name"], c, defaults) for c in data.get("cases", []) or []]


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


def case_facts(case: dict) -> list[dict]:
    facts = []
    main = dict(case["fact"])
    main.setdefault("id", "f")
    facts.append(main)
    for i, other in enumerate(case.get("others", []) or [], 1):
        other = dict(other)
        other.setdefault("id", f"other{i}")
        facts.append(other)
    for f in facts:
        f.setdefault("claim", f["id"])
    return facts


def case_setting(case: dict, defaults: dict):
    aliases = dict(defaults.get("aliases", {}) or {})
    aliases.update(case.get("aliases", {}) or {})
    date = case.get("date", defaults.get("date", DEFAULT_DATE))
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return aliases, date


def run_case(case: dict, defaults: dict):
    aliases, date = case_setting(case, defaults)
    return check_text(case["text"], case_facts(case), aliases, date)


def explain_case(case: dict, defaults: dict, fact_id: str = "f") -> str:
    """`checker explain` for a case: what was read in its text and why."""
    from checker.explain import explain_document

    aliases, date = case_setting(case, defaults)
    fb = fact_base(case_facts(case), aliases)
    doc = make_document("case.txt", case["text"], cli_date=date)
    return explain_document(fb, fb.fact(fact_id), doc)
