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
    parser.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                        help="when another run is writing to the workspace, give up after SECONDS "
                             "(default: wait until it finishes)")


def run(args) -> int:
    from tabulate import tabulate

    from figcheck.api import Workspace
    from figcheck.checks.validate import InputError

    summary = Workspace(args.workspace).extract(jobs=args.jobs, force=args.force, progress=not args.quiet,
                                                wait=args.wait)
    unreadable = summary.attrs.get("unreadable", [])
    if not args.quiet:
        print(tabulate(summary, headers="keys", tablefmt="simple", showindex=False))
        totals = summary[["found", "kept", "added", "changed", "removed", "stale"]].sum()
        skipped = int((summary["state"] == "unchanged").sum())
        print(f"\n{len(summary)} sources ({skipped} unchanged, skipped): {totals['added']} claims added, "
              f"{totals['changed']} changed, {totals['removed']} removed, {totals['kept']} reviewed rows kept, "
              f"{totals['stale']} stale.")
        if totals["stale"]:
            print("Stale rows were reviewed against an older version of their source: "
                  "check them in the claims files (column source_sha256).")
        for sid, line, why in summary.attrs.get("skipped", []):
            print(f"source {sid}, line {line}: skipped, {why}")
    if unreadable:
        raise InputError(unreadable, "These documents were left out; the other sources were extracted.")
    return 0
