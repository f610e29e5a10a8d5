"""`figcheck claims WS`: every stored claim, with its provenance, as CSV or JSON."""

from figcheck import options
from figcheck.claims.model import STATUSES

HELP = ("print every stored claim (CSV or JSON), with a 'stale' column for claims of changed sources and "
        "the page (PDFs) and heading each sits under")
EXAMPLE = "figcheck claims examples/central-asia --source 001 --format json"


def add_arguments(parser):
    options.workspace(parser)
    options.output_format(parser, ("csv", "json"), "csv", "csv or json")
    parser.add_argument("--source", action="append", metavar="ID", help="only claims of this source (repeatable)")
    parser.add_argument("--status", action="append", choices=STATUSES,
                        help="only claims with this review status (repeatable)")


def run(args) -> int:
    import json

    from figcheck.api import Workspace
    from figcheck.claims.csvio import json_cell, to_csv_text
    from figcheck.claims.model import CLAIM_COLUMNS

    claims = Workspace(args.workspace).claims
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
