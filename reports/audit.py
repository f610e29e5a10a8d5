"""`reports/audit.md`: what an editor reads, top to bottom, with a chart per entity beside it.

Every piece of source text (quotes, figures, titles, entity and metric names) goes through
`figcheck.reports.escape.md`; the same workspace always gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote as url_quote

import pandas as pd
from tabulate import tabulate

from figcheck.claims.atomic import write_atomic
from figcheck.reports.chart import Chart, entity_charts
from figcheck.reports.escape import md
from figcheck.reports.formats.md import summary_table
from figcheck.reports.result import (VERDICT_LABELS, CheckResult, claim_value, format_number, period_label, source_link,
                            source_url)

REPORT_NAME = "audit.md"
CHART_PATTERN = "chart-*.png"
CONTRADICTING = ("error", "warning")  # findings whose claims a chart marks
SOURCE_CLAIMS_LIMIT = 500  # claims listed per source; the claims file holds the rest


def _table(rows: list, headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def entity_label(entity: str, config) -> str:
    """The configured name with the code, or the group whose members the code lists."""
    if entity in config.entities:
        return f"{config.entities[entity]['name']} ({entity})"
    for name, group in sorted(config.groups.items()):
        if "+".join(group["members"]) == entity:
            return f"{name} ({entity})"
    return entity


def figure_span(source_text: str, quote: str, char_start: int, figure: str) -> tuple[int, int] | None:
    """Where the figure sits in its quote: by the claim's offset into the source, else (a stale claim
    whose source changed) its first occurrence not inside a longer number."""
    start = source_text.rfind(quote, 0, char_start + len(quote)) if source_text else -1
    at = char_start - start
    if start >= 0 and quote[at:at + len(figure)] == figure:
        return at, at + len(figure)
    found = re.search(r"(?<![0-9])" + re.escape(figure) + r"(?![0-9])", quote) if figure else None
    return found.span() if found else None


def _piece(text: str) -> str:
    """Escaped, keeping one space where the original piece began or ended with whitespace."""
    return (" " if text[:1].isspace() else "") + md(text) + (" " if text[-1:].isspace() and text.strip() else "")


def highlight(quote: str, spans: list[tuple[int, int]]) -> str:
    """The quote escaped, each figure's span in bold."""
    pieces, position = [], 0
    for start, end in sorted(set(spans)):
        if start < position:
            continue
        pieces += [_piece(quote[position:start]), f"**{md(quote[start:end])}**"]
        position = end
    pieces.append(_piece(quote[position:]))
    return re.sub(" {2,}", " ", "".join(pieces)).strip()


def _quotes(claims: list, texts: dict[str, str]) -> list[str]:
    """Each quote once, in the claims' order, with every figure of the finding it holds in bold."""
    spans: dict[tuple[str, int, str], list[tuple[int, int]]] = {}
    for c in claims:
        span = figure_span(texts.get(c.source_id, ""), c.quote, int(c.char_start), c.text)
        spans.setdefault((c.source_id, c.line, c.quote), []).extend([span] if span else [])
    lines = [f"> {md(source_id)}, line {line}: {highlight(quote, found)}  " for (source_id, line, quote), found in spans.items()]
    return lines[:-1] + [lines[-1].rstrip()] if lines else []


def _finding_anchor(finding_id: str) -> str:
    return f"finding-{finding_id}"


def _heading_where(finding, config) -> str:
    return " · ".join(md(part) for part in (entity_label(finding.entity, config) if finding.entity else "",
                                            finding.metric, finding.scope, finding.period) if part)


def _summary(result: CheckResult) -> list[str]:
    lines = ["## Summary", "", summary_table(result), ""]
    if result.findings.empty:
        return lines + ["No finding: the claims agree with every rule.", ""]
    rows = [(f"[{n}](#{_finding_anchor(f.finding_id)})", f.severity, "new" if f.new else "known", md(f.rule),
             _heading_where(f, result.workspace.config))
            for n, f in enumerate(result.findings.itertuples(index=False), start=1)]
    return lines + [_table(rows, ["#", "Severity", "Baseline", "Rule", "Quantity"]), ""]


def page_label(page) -> str:
    """` (p. 3)` after a line number for a claim on a PDF page; nothing otherwise."""
    return "" if page is None or pd.isna(page) else f" (p. {int(page)})"


def _claims_table(claims: list, report_dir: Path) -> str:
    rows = []
    for c in claims:
        link = (f"[{md(c.file)}:{c.line}{page_label(c.page)}]({source_link(c.path, c.line, report_dir, c.page)})"
                if c.path else md(c.source_id))
        rows.append((md(claim_value(c.value, c.qualifier)), md(c.text), md(c.role), md(c.source_id), md(c.published),
                     md(period_label(c.period_start, c.period_end)), link, VERDICT_LABELS.get(c.verdict, "")))
    return _table(rows, ["Value", "As written", "Role", "Source", "Published", "Period", "Line", "Verdict"])


def _verdict_lines(claims: list) -> list[str]:
    wrong = [c for c in claims if c.verdict == "most_likely_wrong"]
    possibly = [c for c in claims if c.verdict == "possibly_wrong"]
    if not wrong and not possibly:
        if any(c.verdict == "undetermined" for c in claims):
            return ["The claims cannot tell which of them is wrong; check the sources.", ""]
        return []

    def describe(c) -> str:
        suggested = "" if pd.isna(c.suggested) else f", consistent value {format_number(c.suggested)}"
        return f"{md(c.source_id)} line {c.line}: {md(claim_value(c.value, c.qualifier))}{suggested}"

    lines = []
    if wrong:
        lines.append("**Most likely wrong:** " + "; ".join(describe(c) for c in wrong) + ".")
    if possibly:
        lines.append("Possibly wrong: " + "; ".join(describe(c) for c in possibly) + ".")
    return ["  \n".join(lines), ""]


def _findings(result: CheckResult, report_dir: Path) -> list[str]:
    if result.findings.empty:
        return []
    lines = ["## Findings", ""]
    config = result.workspace.config
    for n, f in enumerate(result.findings.itertuples(index=False), start=1):
        claims = result.claims_of(f.finding_id)
        known = result.baseline.entries.get(f.finding_id)
        state = ("**New**: not in the baseline." if known is None
                 else f"In the baseline: {md(known.get('description', ''))}")
        lines += [f'<a id="{_finding_anchor(f.finding_id)}"></a>', "",
                  f"### {n}. {f.severity.capitalize()}: {md(f.rule)} · {_heading_where(f, config)}", "",
                  f"{state} Finding `{f.finding_id}`.", "", md(f.message), ""]
        if claims:
            lines += [_claims_table(claims, report_dir), ""] + _quotes(claims, result.workspace.texts) + [""]
        lines += _verdict_lines(claims)
    return lines


def _reconciled(result: CheckResult) -> list[str]:
    reconciled = result.reconciliation.reconciled
    lines = ["## Reconciled values: what to cite", ""]
    if reconciled.empty:
        return lines + ["No quantity was reconciled.", ""]
    config = result.workspace.config
    rows = []
    for r in reconciled.sort_values(["entity", "metric", "scope", "period_start", "period_end", "quantity"]).itertuples(index=False):
        value = (format_number(r.value) if not pd.isna(r.value)
                 else f"{format_number(r.lower)} to {format_number(r.upper)}")
        rows.append((md(entity_label(r.entity, config)), md(r.metric), md(r.scope), md(period_label(r.period_start, r.period_end)),
                     md(value), md(r.status), md(r.preferred_claim), md(r.reason), md(r.citation)))
    return lines + [_table(rows, ["Entity", "Metric", "Scope", "Period", "Value", "Status", "Preferred claim",
                                  "Why", "Cite"]), ""]


def _charts(charts: list[Chart], config) -> list[str]:
    if not charts:
        return []
    lines = ["## Figures over time", "",
             "Each chart shows an entity's figures by date; contradicted claims are circled in red.", ""]
    for chart in charts:
        lines += [f"### {md(entity_label(chart.entity, config))}", "", f"![{md(chart.alt)}]({url_quote(chart.filename)})", ""]
    return lines


def _sources(result: CheckResult, report_dir: Path) -> list[str]:
    lines = ["## Sources", ""]
    by_source: dict[str, list] = {}
    for claim in result.workspace.claims.sort_values(["source_id", "line", "char_start", "claim_id"]).itertuples(index=False):
        by_source.setdefault(claim.source_id, []).append(claim)
    for s in result.workspace.sources.sort_values("source_id").itertuples(index=False):
        mine = by_source.get(s.source_id, [])
        reviewed = sum(c.status != "candidate" for c in mine)
        stale = sum(bool(c.stale) for c in mine)
        lines += [f"### {md(s.source_id)}: {md(s.title)}", "",
                  f"{md(s.publisher)}, published {md(s.published)}; [{md(s.file)}]({source_url(s.path, report_dir)}). "
                  f"{len(mine)} claims, {reviewed} reviewed (confirmed or rejected), {stale} stale.", ""]
        if mine:
            rows = [(f"[{c.line}{page_label(getattr(c, 'page', None))}]"
                     f"({source_link(s.path, c.line, report_dir, getattr(c, 'page', None))})", md(c.text),
                     md(claim_value(c.value, c.qualifier)), md(c.entity), md(c.metric), md(c.scope),
                     md(period_label(c.period_start, c.period_end)), md(c.status) + (" (stale)" if c.stale else ""))
                    for c in mine[:SOURCE_CLAIMS_LIMIT]]
            lines += [_table(rows, ["Line", "As written", "Value", "Entity", "Metric", "Scope", "Period", "Status"]), ""]
        if len(mine) > SOURCE_CLAIMS_LIMIT:
            lines += [f"{len(mine) - SOURCE_CLAIMS_LIMIT} more claims: see the claims file of source {md(s.source_id)}.", ""]
    return lines


def contradicted_claims(result: CheckResult) -> set[str]:
    serious = result.findings.loc[result.findings["severity"].isin(CONTRADICTING), "finding_id"]
    return set(result.claims.loc[result.claims["finding_id"].isin(serious), "claim_id"])


def render_audit(result: CheckResult, report_dir: Path, charts: list[Chart]) -> str:
    workspace = result.workspace
    lines = [f"# Audit: {md(workspace.root.resolve().name)}", "",
             "Written by `figcheck report`; run it again rather than editing this file.", ""]
    if result.reconciliation.unsolved:
        lines += ["The solver did not finish every group of claims; their verdicts are missing: "
                  + md(", ".join(sorted(result.reconciliation.unsolved))) + ".", ""]
    lines += _summary(result) + _findings(result, report_dir) + _reconciled(result)
    lines += _charts(charts, workspace.config) + _sources(result, report_dir)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_report(result: CheckResult, report_dir: Path) -> Path:
    """audit.md and its charts, each written atomically; charts of an earlier run that no longer apply go."""
    workspace = result.workspace
    names = {code: entity_label(code, workspace.config) for code in workspace.claims["entity"].unique()}
    charts = entity_charts(workspace.claims, workspace.sources, contradicted_claims(result), names)
    report_dir.mkdir(parents=True, exist_ok=True)
    for chart in charts:
        write_atomic(report_dir / chart.filename, chart.png)
    current = {chart.filename for chart in charts}
    for old in report_dir.glob(CHART_PATTERN):
        if old.name not in current:
            old.unlink()
    report = report_dir / REPORT_NAME
    write_atomic(report, render_audit(result, report_dir, charts))
    return report
