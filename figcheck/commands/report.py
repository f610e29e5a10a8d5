"""`figcheck report WS`: write reports/audit.md and its charts."""

from __future__ import annotations

from pathlib import Path

from figcheck.commands.check import check_workspace
from figcheck.reports.audit import write_report
from figcheck.reports.result import display_path

HELP = "write the audit report (reports/audit.md with a chart per entity) an editor reads"


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--baseline", type=Path, metavar="PATH",
                        help="the baseline that decides new vs known (default: workspace.baseline of figcheck.toml)")


def run(args) -> int:
    result = check_workspace(args.workspace, args.baseline)
    report = write_report(result, result.workspace.layout.reports_dir)
    print(f"Audit report: {display_path(report)}")
    return 0
