"""`--format json`: {"findings": [...], "summary": {...}} for scripts."""

import json

from figcheck.claims.csvio import json_cell
from figcheck.reports.result import CheckResult


def finding_records(result: CheckResult) -> list[dict]:
    records = []
    for finding in result.findings.itertuples(index=False):
        claims = result.claims_of(finding.finding_id)
        records.append({
            "finding_id": finding.finding_id,
            "rule": finding.rule,
            "severity": finding.severity,
            "entity": finding.entity,
            "metric": finding.metric,
            "scope": finding.scope,
            "period": finding.period,
            "message": finding.message,
            "new": bool(finding.new),
            "fails": bool(finding.fails),
            "cause": finding.cause,
            "claims": [{
                "claim_id": claim.claim_id,
                "source_id": claim.source_id,
                "file": claim.file,
                "line": json_cell(claim.line),
                "value": json_cell(claim.value),
                "qualifier": claim.qualifier,
                "text": claim.text,
                "quote": claim.quote,
                "role": claim.role,
                "verdict": claim.verdict or None,
                "suggested": json_cell(claim.suggested),
            } for claim in claims],
        })
    return records


def render(result: CheckResult) -> str:
    document = {"findings": finding_records(result), "summary": result.summary()}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
