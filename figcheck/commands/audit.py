"""`figcheck audit WS`: extract, check and report in one go; exits as `figcheck check` does."""

from __future__ import annotations

import sys
from pathlib import Path

from figcheck.commands.check import check_workspace
from figcheck.commands.extract import extract_workspace
from figcheck.reports.audit import write_report
from figcheck.reports.formats import text
from figcheck.reports.result import display_path

HELP = "extract the claims, check them and write the audit report; exit 1 on a new contradiction"


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="extract with N processes")
    parser.add_argument("--strict", action="store_true", help="fail on every error finding, even those in the baseline")
    parser.add_argument("--baseline", type=Path, metavar="PATH",
                        help="the baseline file (default: workspace.baseline of figcheck.toml)")


def run(args) -> int:
    extract_workspace(args.workspace, jobs=args.jobs, progress=True)
    result = check_workspace(args.workspace, args.baseline, args.strict)
    sys.stdout.write(text.render(result))
    report = write_report(result, result.workspace.layout.reports_dir)
    print(f"Audit report: {display_path(report)}")
    return result.exit_code
