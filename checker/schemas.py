"""A pandera guard over the results table: a check on the engine, not part of it.

Every (fact, readable source) pair appears once, statuses are valid, and
evidence is present exactly when the status is not a gap. A failure here is a
bug in the harness, never the user's input.
"""
from __future__ import annotations

from .model import STATUSES, Report


class ResultsInvalid(Exception):
    """The engine produced a results table that breaks the contract."""


def prepare() -> None:
    """Import what the guard needs (0.7 s), e.g. while worker processes check sources."""
    try:
        import pandera.pandas  # noqa: F401
    except Exception:  # in a background thread a failure would print a traceback: guard() will report it
        pass


def guard(report: Report) -> None:
    import pandas as pd  # imported here: pandas and pandera cost half a second to load
    import pandera.pandas as pa

    rows = [{"fact": r.fact, "source": r.source, "status": r.status,
             "has_evidence": r.evidence is not None, "has_stated": r.stated is not None}
            for r in report.results]
    frame = pd.DataFrame(rows, columns=["fact", "source", "status", "has_evidence", "has_stated"])
    frame = frame.astype({"fact": "string", "source": "string", "status": "string",
                          "has_evidence": "bool", "has_stated": "bool"})
    readable = {s.path for s in report.sources if not s.error}
    fact_ids = {f.id for f in report.facts}
    schema = pa.DataFrameSchema(
        {
            "fact": pa.Column("string", pa.Check.isin(sorted(fact_ids))),
            "source": pa.Column("string", pa.Check.isin(sorted(readable))),
            "status": pa.Column("string", pa.Check.isin(list(STATUSES))),
            "has_evidence": pa.Column("bool"),
            "has_stated": pa.Column("bool"),
        },
        checks=[
            pa.Check(lambda df: df["has_evidence"] == (df["status"] != "gap"),
                     error="evidence present exactly when the status is not a gap"),
            pa.Check(lambda df: df["has_stated"] == df["has_evidence"], error="stated goes with evidence"),
        ],
        unique=["fact", "source"],
        strict=True,
    )
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        raise ResultsInvalid(str(e.failure_cases.head(20))) from None
    expected = len(fact_ids) * len(readable) - report.omitted_gaps
    if len(frame) != expected:
        raise ResultsInvalid(f"{len(frame)} results for {len(fact_ids)} facts x {len(readable)} sources")
