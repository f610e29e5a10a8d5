"""`figcheck extract WS`: find the claims of every source and merge them into the claim store."""

from figcheck import options

HELP = "extract the numeric claims of every source into the claim store (keeps reviewed rows)"
EXAMPLE = "figcheck extract examples/central-asia --jobs 2"


def add_arguments(parser):
    options.workspace(parser)
    options.jobs(parser)
    parser.add_argument("--force", action="store_true",
                        help="extract every source, even those unchanged since the last run")
    parser.add_argument("--quiet", "-q", action="store_true", help="print no progress or summary")


def run(args) -> int:
    from tabulate import tabulate

    from figcheck.api import Workspace

    summary = Workspace(args.workspace).extract(jobs=args.jobs, force=args.force, progress=not args.quiet)
    if not args.quiet:
        print(tabulate(summary, headers="keys", tablefmt="simple", showindex=False))
        totals = summary[["found", "kept", "added", "removed", "stale"]].sum()
        skipped = int((summary["state"] == "unchanged").sum())
        print(f"\n{len(summary)} sources ({skipped} unchanged, skipped): {totals['added']} claims added, "
              f"{totals['removed']} removed, {totals['kept']} reviewed rows kept, {totals['stale']} stale.")
        if totals["stale"]:
            print("Stale rows were reviewed against an older version of their source: "
                  "check them in the claims files (column source_sha256).")
    return 0
