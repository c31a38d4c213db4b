"""The registry of report formats: one module per format, each with `render(report, **options) -> str`.

This is the one list of formats; the CLI's `--format` choices come from it.
Renderers only read the report: the CLI decides the exit code.
"""
from __future__ import annotations

from . import csv_report, github, json_report, junit, markdown, sarif, table

FORMATS = {
    "table": table.render,
    "json": json_report.render,
    "markdown": markdown.render,
    "junit": junit.render,
    "github": github.render,
    "csv": csv_report.render,
    "sarif": sarif.render,
}


def render(fmt: str, report, **options) -> str:
    return FORMATS[fmt](report, **options)
