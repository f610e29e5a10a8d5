"""`figcheck claims WS`: every stored claim, with its provenance, as CSV or JSON."""

import json
from pathlib import Path

from figcheck.checks.workspace import load_workspace
from figcheck.claims.csvio import json_cell, to_csv_text
from figcheck.claims.model import CLAIM_COLUMNS

HELP = ("print every stored claim (CSV or JSON), with a 'stale' column for claims of changed sources and "
        "the page (PDFs) and heading each sits under")


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--format", choices=("csv", "json"), default="csv", help="output format (default csv)")
    parser.add_argument("--source", action="append", metavar="ID", help="only claims of this source (repeatable)")
    parser.add_argument("--status", action="append", choices=("candidate", "confirmed", "rejected"),
                        help="only claims with this review status (repeatable)")


def run(args) -> int:
    claims = load_workspace(args.workspace).claims
    if args.source:
        claims = claims[claims["source_id"].isin(args.source)]
    if args.status:
        claims = claims[claims["status"].isin(args.status)]
    columns = CLAIM_COLUMNS + ["stale", "page", "heading"]
    if args.format == "csv":
        print(to_csv_text(claims, columns), end="")
    else:
        records = [{c: json_cell(row[c]) for c in columns} for row in claims[columns].to_dict("records")]
        print(json.dumps({"claims": records}, ensure_ascii=False, indent=1))
    return 0
