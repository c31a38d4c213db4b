"""The registry of report formats: one module per format, each with `render(report) -> str`.

This is the one list of formats; the CLI's `--format` choices come from it.
"""
from __future__ import annotations

from . import json_report, table

FORMATS = {
    "table": table.render,
    "json": json_report.render,
}


def render(fmt: str, report, **options) -> str:
    return FORMATS[fmt](report, **options)
