"""`figcheck check WS`: reconcile the claims, mark each finding new or known, gate on new errors."""

from __future__ import annotations

import sys
from pathlib import Path

from figcheck.checks.workspace import load_workspace
from figcheck.reconcile.engine import reconcile
from figcheck.reports.baseline import load_baseline
from figcheck.reports.formats import FORMATS, renderer
from figcheck.reports.formats.text import terminal
from figcheck.reports.formats.github import append_step_summary
from figcheck.reports.result import CheckResult, build_result

HELP = "reconcile the claims and report contradictions; exit 1 when an error finding is not in the baseline"


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (terminal), md, json, sarif (code scanning), junit (CI test reports) or "
                             "github (workflow annotations and step summary); default text")
    parser.add_argument("--strict", action="store_true", help="fail on every error finding, even those in the baseline")
    parser.add_argument("--baseline", type=Path, metavar="PATH",
                        help="the baseline file (default: workspace.baseline of figcheck.toml)")


def check_workspace(root: Path | str, baseline: Path | None = None, strict: bool = False) -> CheckResult:
    """Load and validate the workspace, reconcile its claims and compare the findings with the baseline."""
    workspace = load_workspace(root)
    reconciliation = reconcile(workspace.claims, workspace.sources, workspace.config)
    return build_result(reconciliation, workspace, load_baseline(baseline or workspace.layout.baseline), strict)


COVERAGE_SOURCES_SHOWN = 20  # per-source coverage lines in the terminal; the report lists them all


def coverage_lines(result: CheckResult) -> list[str]:
    """"Coverage: 73 of 117 claims checked; 44 have no metric, 9 no entity", then the sources with
    claims not checked."""
    covered = result.reconciliation.coverage
    lines = [f"Coverage: {covered.line()}"]
    per_source = covered.source_lines()
    lines += [f"  source {terminal(source)}: {line}" for source, line in per_source[:COVERAGE_SOURCES_SHOWN]]
    if len(per_source) > COVERAGE_SOURCES_SHOWN:
        lines.append(f"  and {len(per_source) - COVERAGE_SOURCES_SHOWN} more sources; 'figcheck report' lists every unchecked figure")
    return lines


def run(args) -> int:
    result = check_workspace(args.workspace, args.baseline, args.strict)
    sys.stdout.write(renderer(args.format)(result))
    # Machine formats keep their documents whole: coverage goes to the log beside them.
    print("\n".join(coverage_lines(result)), file=sys.stdout if args.format == "text" else sys.stderr)
    if args.format == "github":
        append_step_summary(result)
    return result.exit_code
