"""`figcheck show WS CLAIM_ID`: one stored claim with its provenance and the text around it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from figcheck.checks.workspace import load_workspace
from figcheck.claims.errors import FigcheckError
from figcheck.reports.formats.text import terminal

HELP = "print one claim with its source, page, heading and the lines around it"
CONTEXT_LINES = 2
FIELDS = ("value", "qualifier", "unit", "kind", "entity", "metric", "scope", "period_start", "period_end",
          "part_of", "status", "note")


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("claim_id", help="the claim's id (column claim_id of the claims files)")


def run(args) -> int:
    workspace = load_workspace(args.workspace)
    claims = workspace.claims
    match = claims[claims["claim_id"] == args.claim_id]
    if match.empty:
        raise FigcheckError(f"no claim {args.claim_id!r} in {workspace.root}; list them with "
                            f"'figcheck claims {workspace.root}'")
    claim = match.iloc[0]
    source = workspace.sources.set_index("source_id").loc[claim["source_id"]]
    where = f"{source['file']}, line {claim['line']}"
    if not pd.isna(claim["page"]):
        where += f", page {int(claim['page'])}"
    print(terminal(f"claim {claim['claim_id']}: {claim['text']}"))
    print(terminal(f"source {claim['source_id']}: {source['title']} ({source['publisher']}, "
                   f"published {source['published']})"))
    print(terminal(f"at {where}" + (f", under '{claim['heading']}'" if claim["heading"] else "")
                   + (" (stale: the source changed since this row was reviewed)" if claim["stale"] else "")))
    print()
    for field in FIELDS:
        if str(claim[field]) not in ("", "nan", "<NA>"):
            print(terminal(f"  {field}: {claim[field]}"))
    print()
    lines = workspace.texts[claim["source_id"]].splitlines()
    line = int(claim["line"])
    for number in range(max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES) + 1):
        print(terminal(f"{'>' if number == line else ' '} {number:>5} | {lines[number - 1]}"))
    return 0
