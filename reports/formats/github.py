"""`--format github`: workflow annotations on the source lines and the Markdown step summary.

GitHub shows at most 10 annotations of each kind per step, so the rest are counted, not printed.
"""

from __future__ import annotations

import os
from pathlib import Path

from figcheck.reports.formats import md
from figcheck.claims.atomic import os_failure
from figcheck.reports.formats.text import excerpt, terminal
from figcheck.reports.result import CheckResult, display_path

PER_KIND = 10


def escape_data(text: str) -> str:
    """The message part of a workflow command: %, CR and LF are encoded, so it stays one command, and
    other control characters (terminal escape sequences, bidi overrides) are shown as \\uXXXX, so
    the CI log shows source text as it is rather than obeying it."""
    return terminal(str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A property value (file, title): additionally ':' and ',' which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_kind(finding) -> str:
    """What makes the check fail is an error; a known or lesser finding is a warning or notice."""
    if finding.fails:
        return "error"
    return "notice" if finding.severity == "info" else "warning"


def render(result: CheckResult) -> str:
    lines, shown = [], {"error": 0, "warning": 0, "notice": 0}
    hidden = dict(shown)
    for finding in result.findings.itertuples(index=False):
        kind = annotation_kind(finding)
        if shown[kind] == PER_KIND:
            hidden[kind] += 1
            continue
        shown[kind] += 1
        claims = result.claims_of(finding.finding_id)
        located = next((c for c in claims if c.path), None)
        properties = [f"title={escape_property(f'figcheck {finding.rule}: {finding.entity} {finding.metric}'.strip())}"]
        if located:
            properties = [f"file={escape_property(display_path(located.path))}", f"line={int(located.line)}"] + properties
        quoted = "; ".join(f"{c.source_id}:{c.line} {c.text}: {excerpt(c.quote, c.text, 80)}" for c in claims)
        state = "new" if finding.new else "in the baseline"
        lines.append(f"::{kind} {','.join(properties)}::"
                     + escape_data(f"{finding.message} ({finding.severity}, {state}) {quoted}"))
    lines += [f"{n} more {kind} annotations not shown; see the step summary" for kind, n in hidden.items() if n]
    lines += [f"baseline entry no longer found: {escape_data(entry['finding_id'])}" for entry in result.absent]
    return "\n".join(lines) + "\n" if lines else ""


def publish(result: CheckResult) -> None:
    """The Markdown summary appended to $GITHUB_STEP_SUMMARY, which GitHub shows on the run's page."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        try:
            with Path(summary_file).open("a", encoding="utf-8") as handle:
                handle.write(md.render(result) + "\n")
        except OSError as exc:
            raise os_failure(Path(summary_file), exc, "append the step summary", unchanged=False) from None
