"""`figcheck baseline WS`: accept the current findings, so CI fails only on contradictions that are new."""

from __future__ import annotations

from pathlib import Path

from figcheck.commands.check import check_workspace
from figcheck.reports.result import display_path
from figcheck.reports.baseline import write_baseline

HELP = "write the baseline: the current findings, accepted, so that 'figcheck check' fails only on new ones"


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--baseline", type=Path, metavar="PATH",
                        help="where to write it (default: workspace.baseline of figcheck.toml)")


def run(args) -> int:
    result = check_workspace(args.workspace, args.baseline)
    path = result.baseline.path
    entries = write_baseline(path, result.findings, result.baseline)
    added = int(result.findings["new"].sum())
    print(f"{display_path(path)}: {len(entries)} findings accepted ({added} added, {len(result.absent)} no longer "
          "found and removed). Review the diff and commit it.")
    return 0
