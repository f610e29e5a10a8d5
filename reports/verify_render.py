"""`figcheck verify` output: text for a terminal, the draft annotated in Markdown, or JSON.

Every piece of source or draft text is made inert where it lands: `figcheck.reports.escape.md` in Markdown,
`figcheck.reports.formats.text.terminal` in a terminal; JSON escapes by itself.
"""

from __future__ import annotations

import json
import re

import pandas as pd
from tabulate import tabulate

from figcheck.claims.csvio import json_cell
from figcheck.reconcile.verify import VERDICTS, Verification
from figcheck.reports.escape import md
from figcheck.reports.formats.text import excerpt, terminal

MARKS = {"supported": "✓", "contradicted": "✗", "disputed": "⚠", "unverifiable": "?"}
# How a cited claim stands to the reconciled value, after its citation in a footnote.
ROLE_NOTES = {"for": "", "against": " (against the reconciled value)", "finding": " (in a finding that disputes it)"}


def render(result: Verification, draft_text: str, draft_name: str, date: str, fmt: str,
           notes: list[str] | tuple[str, ...] = ()) -> str:
    renderers = {"text": _text, "md": _markdown, "json": _json}
    return renderers[fmt](result, draft_text, draft_name, date, list(notes))


def summary_line(result: Verification) -> str:
    counts = result.counts
    figures = f"{len(result.figures)} figure{'s' if len(result.figures) != 1 else ''}"
    parts = [f"{counts[v]} {v}" for v in VERDICTS if counts[v]]
    if result.stated_unclassified:
        parts[-1] += f" ({result.stated_unclassified} stated in a source, not classified)"
    own = len(result.draft_findings)
    if own:
        parts.append(f"{own} error{'s' if own != 1 else ''} within the draft")
    return f"{figures}: {', '.join(parts)}" if parts else figures


def _lines_of(result: Verification, finding_id: str) -> list[int]:
    claim_ids = result.draft_finding_claims.loc[result.draft_finding_claims["finding_id"] == finding_id, "claim_id"]
    return sorted(result.figures.loc[result.figures["claim_id"].isin(claim_ids), "line"].astype(int).unique())


def _finding_messages(findings: pd.DataFrame, ids: str) -> list[tuple[str, str]]:
    """(finding_id, message) of each ";"-joined id, in that order."""
    messages = dict(zip(findings["finding_id"], findings["message"]))
    return [(i, messages[i]) for i in ids.split(";") if i in messages]


def _figure_label(figure) -> str:
    return f"{figure.text} {figure.unit}".strip() if figure.unit and figure.unit not in figure.text else figure.text


def _subject(figure) -> str:
    return " ".join(part for part in (figure.entity, figure.metric) if part)


# ---- text ---------------------------------------------------------------------------------------

def _text(result: Verification, draft_text: str, draft_name: str, date: str, notes: list[str]) -> str:
    dated = f"dated {date}" if date else "undated"
    out = [terminal(f"{draft_name} ({dated}): {summary_line(result)}"), ""]
    if not result.figures.empty:
        rows = [[f.figure, f.line, terminal(_figure_label(f)), terminal(_subject(f)), f"{MARKS[f.status]} {f.status}",
                 terminal(f.reference)] for f in result.figures.itertuples(index=False)]
        out.append(tabulate(rows, headers=["#", "line", "figure", "about", "verdict", "sources say"], tablefmt="simple", disable_numparse=True))
        out.append("")
        for f in result.figures.itertuples(index=False):
            if f.status != "supported":
                out.append(terminal(f"#{f.figure} line {f.line}: {f.message}"))
                out.append(terminal(f"    draft: {excerpt(f.quote, f.text)}"))
                out += [terminal(f"    finding {i}: {message}") for i, message in _finding_messages(result.findings, f.findings)]
    if not result.draft_findings.empty:
        out += ["", "Within the draft:"]
        for finding in result.draft_findings.itertuples(index=False):
            lines = ", ".join(str(n) for n in _lines_of(result, finding.finding_id))
            out.append(terminal(f"  line {lines}: {finding.rule}: {finding.message}"))
    return "\n".join(out).rstrip("\n") + "\n"


# ---- markdown: the draft, each figure followed by a marker and a footnote -------------------------

def _footnote_prefix(draft_text: str) -> str:
    """A footnote label prefix the draft does not use already."""
    prefix = "fc"
    while f"[^{prefix}" in draft_text:
        prefix += "x"
    return prefix


def _marker_end(draft_text: str, figure) -> int:
    """After the figure and the counted noun that directly follows it ("531 people"), if any."""
    end = int(figure.char_end)
    if figure.unit:
        follows = re.match(r"[ \t]*" + re.escape(figure.unit) + r"\b", draft_text[end:])
        if follows:
            end += follows.end()
    return end


def _citation(claim) -> str:
    title = f"“{md(claim.title)}”" if claim.title else ""
    who = ", ".join(part for part in (md(claim.publisher), title, md(claim.published)) if part)
    line = f"line {int(claim.line)}" if pd.notna(claim.line) else ""
    head = ", ".join(part for part in (f"source {md(claim.source_id)}", who, line) if part)
    return f"{head}: “{md(' '.join(claim.quote.split()))}”" if claim.quote else head


def _footnote(result: Verification, figure) -> str:
    text = f"**{MARKS[figure.status]} {figure.status}** (line {figure.line}): {md(figure.message)}."
    cited = result.evidence[result.evidence["figure"] == figure.figure]
    if not cited.empty:
        text += " Sources: " + "; ".join(f"{_citation(c)}{ROLE_NOTES[c.role]}" for c in cited.itertuples(index=False)) + "."
    for _, message in _finding_messages(result.findings, figure.findings):
        text += f" **Finding:** {md(message)}"
    for _, message in _finding_messages(result.draft_findings, figure.draft_findings):
        text += f" **Within the draft:** {md(message)}"
    return text


def _markdown(result: Verification, draft_text: str, draft_name: str, date: str, notes: list[str]) -> str:
    prefix = _footnote_prefix(draft_text)
    inserts = sorted(((_marker_end(draft_text, f), f.figure, f" ⟦{MARKS[f.status]} {f.status}⟧[^{prefix}{f.figure}]")
                      for f in result.figures.itertuples(index=False)), reverse=True)
    annotated = draft_text
    for at, _, marker in inserts:
        annotated = annotated[:at] + marker + annotated[at:]
    dated = f"dated {date}" if date else "undated"
    tail = ["", "---", "", f"**figcheck verify** of {md(draft_name)} ({dated}): {summary_line(result)}."]
    tail += [f"Note: {md(note)}." for note in notes]
    if not result.draft_findings.empty:
        tail += ["", "Within the draft:", ""]
        for finding in result.draft_findings.itertuples(index=False):
            lines = ", ".join(str(n) for n in _lines_of(result, finding.finding_id))
            tail.append(f"- line {lines}: {md(finding.message)}")
    tail.append("")
    tail += [f"[^{prefix}{f.figure}]: {_footnote(result, f)}" for f in result.figures.itertuples(index=False)]
    newline = "\r\n" if "\r\n" in draft_text else "\n"  # the draft's own line endings
    return annotated.rstrip("\r\n") + newline + newline.join(tail) + newline


# ---- json ---------------------------------------------------------------------------------------

def _sources(result: Verification, figure: int) -> list[dict]:
    cited = result.evidence[result.evidence["figure"] == figure]
    return [{"source_id": c.source_id, "role": c.role, "claim_id": c.claim_id, "line": json_cell(c.line),
             "value": json_cell(c.value), "qualifier": c.qualifier, "text": c.text, "quote": c.quote,
             "title": c.title, "publisher": c.publisher, "published": c.published}
            for c in cited.itertuples(index=False)]


def _json(result: Verification, draft_text: str, draft_name: str, date: str, notes: list[str]) -> str:
    figures = [{
        "figure": int(f.figure), "line": int(f.line), "char_start": int(f.char_start), "char_end": int(f.char_end),
        "value": json_cell(f.value), "qualifier": f.qualifier, "text": f.text, "unit": f.unit, "quote": f.quote,
        "entity": f.entity, "metric": f.metric, "scope": f.scope, "period_start": f.period_start,
        "period_end": f.period_end, "status": f.status, "reference": f.reference, "message": f.message,
        "quantity": f.quantity, "stated_in": f.stated_in, "sources": _sources(result, f.figure),
        "findings": [{"finding_id": i, "message": m} for i, m in _finding_messages(result.findings, f.findings)],
        "draft_findings": [i for i in f.draft_findings.split(";") if i],
    } for f in result.figures.itertuples(index=False)]
    own = [{"finding_id": d.finding_id, "rule": d.rule, "severity": d.severity, "entity": d.entity,
            "metric": d.metric, "message": d.message, "lines": [int(n) for n in _lines_of(result, d.finding_id)]}
           for d in result.draft_findings.itertuples(index=False)]
    summary = {"figures": len(result.figures), **result.counts, "draft_errors": len(own)}
    document = {"draft": {"file": draft_name, "date": date or None}, "figures": figures, "draft_findings": own,
                "summary": summary, "notes": notes}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
