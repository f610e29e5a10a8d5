"""`figcheck report WS`: write reports/audit.md and its charts."""

from figcheck import options

HELP = "write the audit report (reports/audit.md with a chart per entity) an editor reads"
EXAMPLE = "figcheck report examples/central-asia"


def add_arguments(parser):
    options.workspace(parser)
    options.baseline(parser, "the baseline that decides new vs known")


def run(args) -> int:
    from figcheck.api import Workspace
    from figcheck.reports.result import display_path

    print(f"Audit report: {display_path(Workspace(args.workspace).report(args.baseline))}")
    return 0
