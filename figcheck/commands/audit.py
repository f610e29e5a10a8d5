"""`figcheck audit WS`: extract, check and report in one go; exits as `figcheck check` does."""

import sys

from figcheck import options

HELP = "extract the claims, check them and write the audit report; exit 1 on a new contradiction"
EXAMPLE = "figcheck audit examples/central-asia"


def add_arguments(parser):
    options.workspace(parser)
    options.jobs(parser)
    options.strict(parser)
    options.baseline(parser)


def run(args) -> int:
    from figcheck.api import Workspace
    from figcheck.reports.result import display_path

    workspace = Workspace(args.workspace)
    workspace.extract(jobs=args.jobs, progress=True)
    result = workspace.check(args.baseline, args.strict)
    sys.stdout.write(result.render("text"))
    print(f"Audit report: {display_path(workspace.report(result=result))}")
    return result.exit_code
