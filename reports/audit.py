"""`reports/audit.md`: what an editor reads, findings first, one entry per cause; and
`reports/audit-appendix.md`: the reconciled values, a chart per metric and every source's claims.

The audit grows with what is wrong, not with the dossier: a header and summary, then per cause an
entry of at most `ENTRY_LINES` lines (the rules that found it, the claim most likely wrong, and a
timeline of every source's figure for the disputed quantity). Every piece of source text (quotes,
figures, titles, entity and metric names) goes through `figcheck.reports.escape.md`; the same
workspace always gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote as url_quote

import pandas as pd
from tabulate import tabulate

from figcheck.claims.atomic import write_atomic
from figcheck.reconcile.wording import number, period, span
from figcheck.reports.chart import Chart, metric_charts
from figcheck.reports.escape import md
from figcheck.reports.formats.md import summary_table
from figcheck.reports.formats.text import excerpt
from figcheck.reports.result import (VERDICT_LABELS, CheckResult, claim_value, source_link,
                            source_url)

REPORT_NAME = "audit.md"
APPENDIX_NAME = "audit-appendix.md"
ENTRY_LINES = 25       # the most lines one cause's entry takes, its summary row included
RULE_LINES = 4         # findings listed in full per entry; the others by rule and id
TIMELINE_ROWS = 7      # figures per timeline; the appendix lists them all
_VERDICT_RANK = {"most_likely_wrong": 0, "possibly_wrong": 1, "undetermined": 2}
CHART_PATTERN = "chart-*.png"
CONTRADICTING = ("error", "warning")  # findings whose claims a chart marks
SOURCE_CLAIMS_LIMIT = 500  # claims listed per source; the claims file holds the rest


def _table(rows: list, headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def entity_label(entity: str, config) -> str:
    """The configured name with the code, or the group whose members the code lists."""
    if entity in config.entities:
        return f"{config.entities[entity]['name'] or entity} ({entity})"
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


def _finding_anchor(finding_id: str) -> str:
    return f"finding-{finding_id}"


def _heading_where(finding, config) -> str:
    return " · ".join(md(part) for part in (entity_label(finding.entity, config) if finding.entity else "",
                                            finding.metric, finding.scope, finding.period) if part)


def _summary(result: CheckResult) -> list[str]:
    lines = ["## Summary", "", summary_table(result), "",
             f"Coverage: {md(result.reconciliation.coverage.line())}; the appendix lists the "
             "figures not checked and why.", ""]
    if result.findings.empty:
        return lines + ["No finding: the claims agree with every rule.", ""]
    rows = []
    for n, (cause, findings) in enumerate(_causes(result), start=1):
        first = findings[0]
        rules = ", ".join(dict.fromkeys(md(f.rule) for f in findings))
        rows.append((f"[{n}](#{_finding_anchor(cause)})", first.severity, "new" if any(f.new for f in findings) else "known",
                     rules, _heading_where(first, result.workspace.config)))
    return lines + [_table(rows, ["#", "Severity", "Baseline", "Rules", "Quantity"]), ""]


def page_label(page) -> str:
    """` (p. 3)` after a line number for a claim on a PDF page; nothing otherwise."""
    return "" if page is None or pd.isna(page) else f" (p. {int(page)})"


def _causes(result: CheckResult) -> list[tuple[str, list]]:
    """(cause id, its findings in finding order) for each cause, in the order of its first finding."""
    grouped: dict[str, list] = {}
    for finding in result.findings.itertuples(index=False):
        grouped.setdefault(finding.cause, []).append(finding)
    return list(grouped.items())


def _suggestion(c) -> str:
    if pd.isna(c.suggested):
        return ", no single figure satisfies every relation" if c.verdict in ("most_likely_wrong", "possibly_wrong") else ""
    return f", consistent value {number(c.suggested)}"


def _verdict_line(claims: list) -> list[str]:
    """The claims most likely (else possibly) wrong, the most likely first."""
    wrong = [c for c in claims if c.verdict == "most_likely_wrong"]
    possibly = [c for c in claims if c.verdict == "possibly_wrong"]
    if not wrong and not possibly:
        if any(c.verdict == "undetermined" for c in claims):
            return ["The claims cannot tell which of them is wrong; check the sources.", ""]
        return []

    def describe(c) -> str:
        return f"{md(c.source_id)} line {c.line}: {md(claim_value(c.value, c.qualifier))}{_suggestion(c)}"

    parts = []
    if wrong:
        parts.append("**Most likely wrong:** " + "; ".join(describe(c) for c in wrong) + ".")
    if possibly:
        parts.append("Possibly wrong: " + "; ".join(describe(c) for c in possibly) + ".")
    return [" ".join(parts), ""]


def _rule_lines(findings: list) -> list[str]:
    lines = [f"- **{md(f.rule)}** (`{f.finding_id}`): {md(f.message)}" for f in findings[:RULE_LINES]]
    rest = findings[RULE_LINES:]
    if rest:
        lines.append(f"- and {len(rest)} more: " + ", ".join(f"{md(f.rule)} `{f.finding_id}`" for f in rest))
    return lines + [""]


def _figures(result: CheckResult) -> pd.DataFrame:
    """Every claim (rejected ones left out) with its date, time, source file, verdict and the other
    sources publishing the same statement (`also`)."""
    claims = result.workspace.claims
    claims = claims.loc[claims["status"] != "rejected"]
    sources = result.workspace.sources.set_index("source_id")
    published = claims["source_id"].map(sources["published"]).astype(object).fillna("")
    frame = claims.assign(
        date=claims["period_end"].where(claims["period_end"] != "", published),
        clock=claims["time"].astype(object).fillna("") if "time" in claims else "",
        file=claims["source_id"].map(sources["file"]).astype(object).fillna(""),
        path=claims["source_id"].map(sources["path"]).astype(object).fillna(""),
        publisher=claims["source_id"].map(sources["publisher"]).astype(object).fillna(""),
        verdict=claims["claim_id"].map(result.reconciliation.verdicts.set_index("claim_id")["verdict"]).astype(object).fillna(""),
    )
    copies = result.reconciliation.copies.merge(frame[["claim_id", "source_id", "publisher"]], on="claim_id")
    named = copies["publisher"].where(copies["publisher"] != "", copies["source_id"])
    statement = copies.assign(named=named).groupby("statement")["named"].agg(lambda n: sorted(set(n)))
    mine = copies.set_index("claim_id")["statement"].map(statement)
    own = frame.set_index("claim_id")["publisher"].where(frame.set_index("claim_id")["publisher"] != "",
                                                           frame.set_index("claim_id")["source_id"])
    also = {cid: ", ".join(p for p in names if p != own.get(cid)) for cid, names in mine.items()}
    return frame.assign(also=frame["claim_id"].map(also).astype(object).fillna(""))


def _timeline(findings: list, result: CheckResult, figures: pd.DataFrame, report_dir: Path) -> list[str]:
    """Every source's figure for the quantities the cause disputes, by date and time; the cause's own
    claims come first when there are more than `TIMELINE_ROWS`."""
    members = [c for f in findings for c in result.claims_of(f.finding_id)]
    own = {c.claim_id for c in members}
    roles: dict[str, str] = {}
    for c in members:
        roles.setdefault(c.claim_id, c.role)
    keys = {(c.entity, c.metric) for c in members}
    mask = pd.Series([(e, m) in keys for e, m in zip(figures["entity"], figures["metric"])], index=figures.index, dtype=bool)
    shown = figures.loc[mask | figures["claim_id"].isin(own)]
    # Kept first when the table is full: the claims judged wrong, then the cause's other claims.
    rank = shown["verdict"].map(_VERDICT_RANK).fillna(len(_VERDICT_RANK)) * 2 + ~shown["claim_id"].isin(own)
    shown = shown.assign(rank=rank).sort_values(["rank", "date", "clock", "source_id", "line", "claim_id"])
    hidden = max(len(shown) - TIMELINE_ROWS, 0)
    shown = shown.head(TIMELINE_ROWS).sort_values(["metric", "entity", "date", "clock", "source_id", "line", "claim_id"])
    texts = result.workspace.texts
    rows = []
    for c in shown.itertuples(index=False):
        span = figure_span(texts.get(c.source_id, ""), c.quote, int(c.char_start), c.text)
        page = getattr(c, "page", None)
        link = (f"[{md(c.file)}:{c.line}{page_label(page)}]({source_link(c.path, c.line, report_dir, page)})"
                if c.path else md(c.source_id))
        rows.append((md(" ".join(p for p in (c.entity, c.metric) if p)), md(c.date), md(c.clock), link, md(claim_value(c.value, c.qualifier)), md(roles.get(c.claim_id, "")),
                     VERDICT_LABELS.get(c.verdict, ""), highlight(c.quote, [span] if span else []), md(c.also)))
    lines = [_table(rows, ["Quantity", "Date", "Time", "Source", "Figure", "Role", "Verdict", "Quote", "Also published by"])]
    if hidden:
        lines.append(f"{hidden} more figures for this quantity: see [{APPENDIX_NAME}]({APPENDIX_NAME}).")
    return lines + [""]


def _findings(result: CheckResult, report_dir: Path) -> list[str]:
    if result.findings.empty:
        return []
    lines = ["## Findings", ""]
    config = result.workspace.config
    figures = _figures(result)
    for n, (cause, findings) in enumerate(_causes(result), start=1):
        first = findings[0]
        claims = [c for f in findings for c in result.claims_of(f.finding_id)]
        claims = list({c.claim_id: c for c in claims}.values())
        known = [result.baseline.entries.get(f.finding_id) for f in findings]
        state = ("**New**: not in the baseline." if any(k is None for k in known)
                 else "In the baseline: " + md("; ".join(dict.fromkeys(k.get("description", "") for k in known))))
        rules = ", ".join(dict.fromkeys(md(f.rule) for f in findings))
        anchors = "".join(f'<a id="{_finding_anchor(f.finding_id)}"></a>' for f in findings)
        lines += [anchors, "", f"### {n}. {first.severity.capitalize()}: {_heading_where(first, config)} · {rules}", "",
                  f"{state} {len(findings)} finding{'s' if len(findings) != 1 else ''} of one cause.", ""]
        lines += _verdict_line(claims) + _rule_lines(findings) + _timeline(findings, result, figures, report_dir)
    return lines


def _reconciled(result: CheckResult) -> list[str]:
    reconciled = result.reconciliation.reconciled
    lines = ["## Reconciled values: what to cite", ""]
    if reconciled.empty:
        return lines + ["No quantity was reconciled.", ""]
    config = result.workspace.config
    rows = []
    for r in reconciled.sort_values(["entity", "metric", "scope", "period_start", "period_end", "quantity"]).itertuples(index=False):
        value = number(r.value) if not pd.isna(r.value) else span(r.lower, r.upper)
        rows.append((md(entity_label(r.entity, config)), md(r.metric), md(r.scope), md(period(r.period_start, r.period_end)),
                     md(value), md(r.status), md(r.preferred_claim), md(r.reason), md(r.citation)))
    return lines + [_table(rows, ["Entity", "Metric", "Scope", "Period", "Value", "Status", "Preferred claim",
                                  "Why", "Cite"]), ""]


def _charts(charts: list[Chart]) -> list[str]:
    if not charts:
        return []
    lines = ["## Figures over time", "",
             "One chart per metric: each entity's figures by date; contradicted claims are circled in red.", ""]
    for chart in charts:
        lines += [f"### {md(chart.metric)}", "", f"![{md(chart.alt)}]({url_quote(chart.filename)})", ""]
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
                     md(period(c.period_start, c.period_end)), md(c.status) + (" (stale)" if c.stale else ""))
                    for c in mine[:SOURCE_CLAIMS_LIMIT]]
            lines += [_table(rows, ["Line", "As written", "Value", "Entity", "Metric", "Scope", "Period", "Status"]), ""]
        if len(mine) > SOURCE_CLAIMS_LIMIT:
            lines += [f"{len(mine) - SOURCE_CLAIMS_LIMIT} more claims: see the claims file of source {md(s.source_id)}.", ""]
    return lines


def _unchecked(result: CheckResult, report_dir: Path) -> list[str]:
    """The appendix: every figure no rule could check, with why (no metric, no entity, no date)."""
    covered = result.reconciliation.coverage
    lines = ["## Appendix: figures not checked", "", f"{md(covered.line())}.", ""]
    if covered.unchecked.empty:
        return lines
    per_source = [(md(source), md(line)) for source, line in covered.source_lines()]
    lines += [_table(per_source, ["Source", "Coverage"]), ""]
    paths = dict(zip(result.workspace.sources["source_id"], result.workspace.sources["path"]))
    shown = covered.unchecked.head(SOURCE_CLAIMS_LIMIT)
    rows = [(md(c.source_id), f"[{c.line}]({source_link(paths.get(c.source_id, ''), c.line, report_dir)})",
             md(c.text), md(c.reason), md(c.entity), md(c.metric), md(excerpt(c.quote, c.text)))
            for c in shown.itertuples(index=False)]
    lines += [_table(rows, ["Source", "Line", "As written", "Not checked", "Entity", "Metric", "Quote"]), ""]
    if len(covered.unchecked) > len(shown):
        lines += [f"{len(covered.unchecked) - len(shown)} more figures not checked: see the claims files.", ""]
    return lines


def contradicted_claims(result: CheckResult) -> set[str]:
    serious = result.findings.loc[result.findings["severity"].isin(CONTRADICTING), "finding_id"]
    return set(result.claims.loc[result.claims["finding_id"].isin(serious), "claim_id"])


def render_audit(result: CheckResult, report_dir: Path) -> str:
    workspace = result.workspace
    lines = [f"# Audit: {md(workspace.root.resolve().name)}", "",
             "Written by `figcheck report`; run it again rather than editing this file. "
             f"Reconciled values, charts and every source's claims: [{APPENDIX_NAME}]({APPENDIX_NAME}).", ""]
    if result.reconciliation.unsolved:
        lines += ["The solver did not finish every group of claims; their verdicts are missing: "
                  + md(", ".join(sorted(result.reconciliation.unsolved))) + ".", ""]
    lines += _summary(result) + _findings(result, report_dir)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_appendix(result: CheckResult, report_dir: Path, charts: list[Chart]) -> str:
    lines = [f"# Audit appendix: {md(result.workspace.root.resolve().name)}", "",
             f"What [{REPORT_NAME}]({REPORT_NAME}) builds on. Written by `figcheck report`.", ""]
    lines += _reconciled(result) + _charts(charts) + _sources(result, report_dir) + _unchecked(result, report_dir)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_report(result: CheckResult, report_dir: Path) -> Path:
    """audit.md, its appendix and charts, each written atomically; charts of an earlier run that no longer apply go."""
    workspace = result.workspace
    names = {code: entity_label(code, workspace.config) for code in workspace.claims["entity"].unique()}
    charts = metric_charts(workspace.claims, workspace.sources, contradicted_claims(result), names)
    report_dir.mkdir(parents=True, exist_ok=True)
    for chart in charts:
        write_atomic(report_dir / chart.filename, chart.png)
    current = {chart.filename for chart in charts}
    for old in report_dir.glob(CHART_PATTERN):
        if old.name not in current:
            old.unlink()
    write_atomic(report_dir / APPENDIX_NAME, render_appendix(result, report_dir, charts))
    report = report_dir / REPORT_NAME
    write_atomic(report, render_audit(result, report_dir))
    return report
