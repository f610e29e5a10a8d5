"""Hand-built workspaces and reconciliations for the report and gate tests.

The frames are validated by the pandera models, so renderers are tested on exactly the shape the
reconcile stage hands over, without depending on what its rules find.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from figcheck.checks.schemas import Claim, ClaimVerdict, Finding, FindingClaim, Reconciled, Source
from figcheck.checks.workspace import Workspace
from figcheck.claims.config import parse_config
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.claims.workspace import Layout
from figcheck.reconcile.engine import Reconciliation

CONFIG = """
[workspace]
baseline = "figcheck-baseline.json"

[entities.XA]
name = "Xanadu"
forms = ["Xanadu"]

[metrics.widgets]
words = ["widgets"]
scope = "cumulative"

[metrics."widgets.red"]
words = ["red widgets"]
scope = "cumulative"
part_of = "widgets"
"""

# Quotes that try every way of breaking a Markdown table or injecting markup.
HOSTILE_QUOTES = {
    "pipe": "Alpha | beta | gamma: 40 widgets",
    "backticks": "Use `rm -rf` and ``` fences ``` for 50 widgets",
    "script": "<script>alert('x')</script> counted 45 widgets",
    "brackets": "[click](javascript:alert(1)) ![img](x.png) {#id} 60 widgets",
}


def _claim(source_id: str, n: int, line: int, value: float, quote: str, metric: str = "widgets",
           period_end: str = "2020-06", status: str = "candidate", qualifier: str = "eq") -> dict:
    text = f"{value:g}"
    return {
        "claim_id": f"{source_id}-{n:010d}", "source_id": source_id, "line": line, "char_start": 0,
        "char_end": len(text), "text": text, "quote": quote, "value": value, "qualifier": qualifier,
        "lower": value, "upper": value, "unit": "widgets", "kind": "count", "entity": "XA", "metric": metric,
        "scope": "cumulative", "period_start": "2019", "period_end": period_end, "part_of": "",
        "method": "auto", "status": status, "note": "", "source_sha256": "", "auto_digest": "",
    }


def make_workspace(root: Path, quotes: dict[str, str] | None = None) -> Workspace:
    """Two sources on disk and their claims: "a" says 40, "b" says 50, each with a stated part."""
    quotes = quotes or {"a": "By June 2020 there were 40 widgets.", "b": "By June 2021 there were 50 widgets."}
    config = parse_config(CONFIG)
    layout = Layout(root=root, config=config)
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "figcheck.toml").write_text(CONFIG, encoding="utf-8")
    rows, texts = [], {}
    for source_id, published in (("a", "2020-07-01"), ("b", "2021-07-01")):
        text = "Title\n\n" + quotes[source_id] + "\n"
        (root / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        texts[source_id] = text
        rows.append({"source_id": source_id, "file": f"{source_id}.txt", "title": f"Report {source_id}",
                     "publisher": "Office", "published": published, "period_start": "2019",
                     "period_end": published[:7], "language": "en", "url": "",
                     "sha256": hashlib.sha256(text.encode()).hexdigest(),
                     "path": str(root / "sources" / f"{source_id}.txt")})
    sources = Source.validate(pd.DataFrame(rows))
    claims = pd.DataFrame([
        _claim("a", 1, 3, 40, quotes["a"], period_end="2020-06", status="confirmed"),
        _claim("a", 2, 3, 12, quotes["a"], metric="widgets.red", period_end="2020-06"),
        _claim("b", 1, 3, 50, quotes["b"], period_end="2021-06"),
        _claim("b", 2, 3, 9, quotes["b"], metric="widgets.red", period_end="2021-06", status="rejected"),
    ], columns=CLAIM_COLUMNS)
    claims = Claim.validate(claims).assign(stale=False)
    return Workspace(layout=layout, sources=sources, texts=texts, claims=claims)


def make_reconciliation(finding_ids: tuple[str, str] = ("aaaaaaaaaaaa", "bbbbbbbbbbbb")) -> Reconciliation:
    """An error on the totals (40 vs 50) and a warning on the red parts (12 vs 9)."""
    error_id, warning_id = finding_ids
    findings = Finding.validate(pd.DataFrame([
        {"finding_id": warning_id, "rule": "cumulative", "severity": "warning", "entity": "XA",
         "metric": "widgets.red", "scope": "cumulative", "period": "2019..2021-06",
         "message": "12 red widgets by 2020-06 became 9 by 2021-06; a cumulative count cannot shrink"},
        {"finding_id": error_id, "rule": "agreement", "severity": "error", "entity": "XA", "metric": "widgets",
         "scope": "cumulative", "period": "2019..2020-06", "message": "40 and 50 describe the same quantity"},
    ]))
    finding_claims = FindingClaim.validate(pd.DataFrame([
        {"finding_id": error_id, "claim_id": "b-0000000001", "role": "stated"},
        {"finding_id": error_id, "claim_id": "a-0000000001", "role": "stated"},
        {"finding_id": warning_id, "claim_id": "a-0000000002", "role": "earlier"},
        {"finding_id": warning_id, "claim_id": "b-0000000002", "role": "later"},
    ]))
    verdicts = ClaimVerdict.validate(pd.DataFrame([
        {"claim_id": "b-0000000001", "verdict": "most_likely_wrong", "component": 0, "suggested": 40.0,
         "note": "the confirmed claim costs more to change"},
        {"claim_id": "a-0000000001", "verdict": "undetermined", "component": 0, "suggested": None, "note": ""},
    ]))
    reconciled = Reconciled.validate(pd.DataFrame([
        {"quantity": "XA|widgets|cumulative|2019..2020-06", "entity": "XA", "metric": "widgets",
         "scope": "cumulative", "period_start": "2019", "period_end": "2020-06", "value": 40.0, "lower": 40.0,
         "upper": 40.0, "status": "disputed", "preferred_claim": "a-0000000001", "reason": "confirmed by review",
         "claims_for": "a-0000000001", "claims_against": "b-0000000001",
         "citation": "Office, Report a, 2020-07-01: \"By June 2020 there were 40 widgets.\""},
        {"quantity": "XA|widgets.red|cumulative|2019..2020-06", "entity": "XA", "metric": "widgets.red",
         "scope": "cumulative", "period_start": "2019", "period_end": "2020-06", "value": 12.0, "lower": 12.0,
         "upper": 12.0, "status": "single source", "preferred_claim": "a-0000000002", "reason": "only claim",
         "claims_for": "a-0000000002", "claims_against": "", "citation": "Office, Report a, 2020-07-01"},
    ]))
    return Reconciliation(findings, finding_claims, verdicts, reconciled, unsolved=[])
