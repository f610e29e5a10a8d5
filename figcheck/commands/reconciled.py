"""`figcheck reconciled WS`: one citable value per quantity, with its status, the preferred claim and
why, the claims for and against, and a citation line."""

from figcheck import options

HELP = "print one reconciled value per quantity (entity, metric, scope, period) with the claim to cite"
EXAMPLE = "figcheck reconciled examples/central-asia --format md"


def add_arguments(parser):
    options.workspace(parser)
    options.output_format(parser, ("csv", "json", "md"), "csv", "csv, json, or md (a Markdown table)")


def run(args) -> int:
    from figcheck.api import Workspace
    from figcheck.reports.reconciled import render

    print(render(Workspace(args.workspace).reconcile().reconciled, args.format), end="")
    return 0
