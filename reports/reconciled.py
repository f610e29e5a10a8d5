"""The Reconciled table (`figcheck reconciled`) as CSV, JSON or Markdown: one citable value per
quantity, with its status, the preferred claim and why, the claims for and against, and a citation."""

from __future__ import annotations

import json
import math

from tabulate import tabulate

from figcheck.claims.csvio import json_cell, to_csv_text
from figcheck.reconcile.values import RECONCILED_COLUMNS
from figcheck.reconcile.wording import number, period, span
from figcheck.reports.escape import md

# Columns that carry text from the sources or the configuration: escaped in Markdown.
_MD_COLUMNS = ["quantity", "entity", "metric", "period", "value", "status", "preferred_claim", "reason",
               "claims_for", "claims_against", "citation"]


def render(values, form: str) -> str:
    """The Reconciled table as CSV, JSON ({"reconciled": [...]}, unbounded ends as null) or Markdown."""
    if form == "csv":
        return to_csv_text(values, RECONCILED_COLUMNS)
    if form == "json":
        records = [{c: json_cell(v) for c, v in row.items()} for row in values[RECONCILED_COLUMNS].to_dict("records")]
        return json.dumps({"reconciled": records}, ensure_ascii=False, indent=1) + "\n"
    rows = [[md(row["quantity"]), md(row["entity"]), md(row["metric"]), md(period(row["period_start"], row["period_end"])),
             _figure(row), md(row["status"]),
             md(row["preferred_claim"]), md(row["reason"]), md(row["claims_for"]), md(row["claims_against"]),
             md(row["citation"])] for row in values.to_dict("records")]
    return tabulate(rows, headers=_MD_COLUMNS, tablefmt="github", disable_numparse=True) + "\n"


def _figure(row) -> str:
    """The value, or the interval when the claims only bound it."""
    return number(row["value"]) if not math.isnan(row["value"]) else span(row["lower"], row["upper"])
