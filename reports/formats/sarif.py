"""`--format sarif`: SARIF 2.1.0 for code scanning; results sit at the source lines of their claims."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from figcheck.claims.config import Rule
from figcheck.reconcile.rules import resolve
from figcheck.reports.baseline import entry_line
from figcheck.reports.result import CheckResult, display_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "figcheckFindingId/v1"


def artifact_uri(path: str) -> str:
    """Relative to the working directory (the repository root in CI), else an absolute file URI."""
    shown = PurePosixPath(display_path(path))
    return shown.as_uri() if shown.is_absolute() else quote(str(shown))


def _location(path: str, line: int, message: str) -> dict:
    location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)},
                                     "region": {"startLine": int(line)}}}
    if message:
        location["message"] = {"text": message}
    return location


def _rules(result: CheckResult) -> list[dict]:
    names = sorted(set(result.findings["rule"]) | {entry.get("rule", "") for entry in result.absent} - {""})
    settings = resolve(result.workspace.config)
    rules = []
    for name in names:
        rule = settings.get(name, Rule(name=name))
        rules.append({
            "id": name,
            "name": name,
            "shortDescription": {"text": rule.description or f"figcheck reconciliation rule '{name}'"},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        })
    return rules


def _result(finding, claims, rule_index: dict[str, int]) -> dict:
    locations = [_location(c.path, c.line, f"{c.source_id}: {c.text} ({c.role})")
                 for c in claims if c.path]
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": locations[:1],
        "relatedLocations": [dict(location, id=n) for n, location in enumerate(locations[1:], start=1)],
        "partialFingerprints": {FINGERPRINT: finding.finding_id},
        "baselineState": "new" if finding.new else "unchanged",
        "properties": {"entity": finding.entity, "metric": finding.metric, "scope": finding.scope,
                       "period": finding.period, "severity": finding.severity},
    }


def _absent_result(entry: dict, result: CheckResult, rule_index: dict[str, int]) -> dict:
    """A baseline entry no finding matches: located at its line in the baseline file."""
    located = {"ruleId": entry["rule"], "ruleIndex": rule_index[entry["rule"]]} if entry.get("rule") in rule_index else {}
    return {
        **located,
        "kind": "pass",
        "level": "none",
        "message": {"text": f"no longer found: {entry.get('description', entry['finding_id'])}"},
        "locations": [_location(str(result.baseline.path), entry_line(result.baseline, entry["finding_id"]), "")],
        "partialFingerprints": {FINGERPRINT: entry["finding_id"]},
        "baselineState": "absent",
    }


def render(result: CheckResult) -> str:
    rules = _rules(result)
    rule_index = {rule["id"]: n for n, rule in enumerate(rules)}
    results = [_result(finding, result.claims_of(finding.finding_id), rule_index)
               for finding in result.findings.itertuples(index=False)]
    results += [_absent_result(entry, result, rule_index) for entry in result.absent]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "figcheck",
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
