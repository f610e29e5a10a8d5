"""`--format md`: a short Markdown summary (also what goes to $GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

from tabulate import tabulate

from figcheck.reports.escape import md
from figcheck.reports.result import CheckResult, severity_counts

SUMMARY_LIMIT = 50


def summary_table(result: CheckResult) -> str:
    s = result.summary()
    claims, findings = s["claims"], s["findings"]
    rows = [
        ("Sources", s["sources"]),
        ("Claims", f"{claims['total']} ({claims['confirmed']} confirmed, {claims['candidate']} candidate, "
                   f"{claims['rejected']} rejected; {claims['stale']} stale)"),
        ("Findings", severity_counts(findings)),
        ("Against the baseline", f"{s['new']} new, {s['known']} known, {len(s['baseline_absent'])} no longer found"),
        ("Gate", f"{'fails' if s['exit_code'] else 'passes'}: {s['failing']} failing error findings"
                 f"{' (strict: every error fails)' if result.strict else ''}"),
    ]
    if s["unsolved"]:
        rows.append(("Not solved", md(", ".join(s["unsolved"]))))
    return tabulate(rows, headers=["", ""], tablefmt="github", disable_numparse=True)


def findings_table(result: CheckResult, limit: int | None = None) -> str:
    shown = result.findings if limit is None else result.findings.head(limit)
    rows = [(f.severity, "new" if f.new else "known", md(f.rule),
             md(" ".join(p for p in (f.entity, f.metric, f.period) if p)), md(f.message), f"`{f.finding_id}`")
            for f in shown.itertuples(index=False)]
    return tabulate(rows, headers=["Severity", "Baseline", "Rule", "Quantity", "Finding", "Id"],
                    tablefmt="github", disable_numparse=True)


def render(result: CheckResult) -> str:
    parts = ["## figcheck", "", summary_table(result), ""]
    if not result.findings.empty:
        parts += [findings_table(result, SUMMARY_LIMIT), ""]
        hidden = len(result.findings) - SUMMARY_LIMIT
        if hidden > 0:
            parts += [f"{hidden} more findings: run `figcheck report` for the full audit.", ""]
    if result.absent:
        parts += ["Baseline entries no longer found (run `figcheck baseline` to prune them): "
                  + ", ".join(md(entry["finding_id"]) for entry in result.absent), ""]
    return "\n".join(parts)
