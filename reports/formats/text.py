"""`--format text`: the findings for a terminal; colour only on a TTY, source text made inert."""

from __future__ import annotations

import os
import sys
import unicodedata

from figcheck.reports.result import VERDICT_LABELS, CheckResult, claim_value, severity_counts

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[36m", "new": "\x1b[1m",
            "dim": "\x1b[2m"}
_RESET = "\x1b[0m"
QUOTE_WIDTH = 120


def terminal(text: object) -> str:
    """Control, format and separator characters (escape sequences, bidi overrides) shown as \\uXXXX."""
    text = str(text)
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
                   for ch in text)


def excerpt(quote: str, figure: str, width: int = QUOTE_WIDTH) -> str:
    """The part of the quote around the figure, at most `width` characters."""
    quote = " ".join(quote.split())
    if len(quote) <= width:
        return quote
    at = max(quote.find(figure), 0)
    start = max(0, min(at - width // 2, len(quote) - width))
    piece = quote[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(quote) else "")


def use_colour(stream=None) -> bool:
    stream = stream or sys.stdout
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _paint(style: str, text: str, colour: bool) -> str:
    return f"{_COLOURS[style]}{text}{_RESET}" if colour else text


def finding_lines(result: CheckResult, finding, colour: bool = False) -> list[str]:
    """A finding's heading, message and one line per claim (file:line, value, verdict, quote)."""
    state = _paint("new", "NEW", colour) if finding.new else "known"
    where = " ".join(terminal(part) for part in (finding.entity, finding.metric, finding.scope, finding.period) if part)
    lines = [f"{_paint(finding.severity, finding.severity.upper(), colour)} {state} {terminal(finding.rule)}: "
             f"{where}  [{finding.finding_id}]",
             f"  {terminal(finding.message)}"]
    for claim in result.claims_of(finding.finding_id):
        verdict = f"  ({VERDICT_LABELS[claim.verdict]})" if claim.verdict else ""
        lines.append(f"    {terminal(claim.file)}:{claim.line}  {terminal(claim_value(claim.value, claim.qualifier))}"
                     f"{verdict}  {_paint('dim', terminal(excerpt(claim.quote, claim.text)), colour)}")
    return lines


def render(result: CheckResult, colour: bool | None = None) -> str:
    colour = use_colour() if colour is None else colour
    lines = [line for finding in result.findings.itertuples(index=False)
             for line in finding_lines(result, finding, colour)]
    lines.append(summary_line(result))
    lines += [f"  no longer found, remove from the baseline: {terminal(entry['finding_id'])}  "
              f"{terminal(entry.get('description', ''))}" for entry in result.absent]
    return "\n".join(lines) + "\n"


def summary_line(result: CheckResult) -> str:
    s = result.summary()
    counts = severity_counts(s["findings"])
    verdict = "FAIL" if s["exit_code"] else "ok"
    return (f"{verdict}: {counts}; {s['new']} new, {s['known']} in the baseline; "
            f"{s['failing']} failing{' (strict)' if result.strict else ''}; "
            f"{len(s['baseline_absent'])} baseline entries no longer found")


COVERAGE_SOURCES_SHOWN = 20  # per-source coverage lines in the terminal; the report lists them all


def coverage_lines(result) -> list[str]:
    """"Coverage: 73 of 117 claims checked; 44 have no metric, 9 no entity", then the sources with
    claims not checked."""
    covered = result.reconciliation.coverage
    lines = [f"Coverage: {covered.line()}"]
    per_source = covered.source_lines()
    lines += [f"  source {terminal(source)}: {line}" for source, line in per_source[:COVERAGE_SOURCES_SHOWN]]
    if len(per_source) > COVERAGE_SOURCES_SHOWN:
        lines.append(f"  and {len(per_source) - COVERAGE_SOURCES_SHOWN} more sources; "
                     "'figcheck report' lists every unchecked figure")
    return lines
