"""The machine outputs for CI: SARIF 2.1.0, JUnit XML and GitHub workflow commands."""

import json
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from figcheck.checks.schemas import Finding, FindingClaim
from figcheck.reports.baseline import load_baseline, render_baseline
from figcheck.reports.formats import format_names, get_format, github, junit, sarif
from figcheck.reports.result import build_result
from tests.test_report_data import make_reconciliation, make_workspace


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path / "ws")


def result_with(workspace, tmp_path, accepted=(), reconciliation=None):
    entries = [{"finding_id": fid, "rule": "agreement", "severity": "error", "description": "accepted"} for fid in accepted]
    path = tmp_path / "baseline.json"
    path.write_text(render_baseline(entries), encoding="utf-8")
    return build_result(reconciliation or make_reconciliation(), workspace, load_baseline(path))


def test_sarif_has_version_runs_rules_and_results_at_source_lines(workspace, tmp_path, monkeypatch):
    monkeypatch.chdir(workspace.root)
    log = json.loads(sarif.render(result_with(workspace, tmp_path, ["aaaaaaaaaaaa", "eeeeeeeeeeee"])))
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    run, = log["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == ["agreement", "cumulative"]
    by_id = {r["partialFingerprints"]["figcheckFindingId/v1"]: r for r in run["results"]}
    error = by_id["aaaaaaaaaaaa"]
    assert rules[error["ruleIndex"]] == error["ruleId"] == "agreement"
    assert error["level"] == "error" and error["baselineState"] == "unchanged"
    location = error["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "sources/a.txt"}, "region": {"startLine": 3}}
    assert error["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sources/b.txt"
    assert by_id["bbbbbbbbbbbb"]["baselineState"] == "new" and by_id["bbbbbbbbbbbb"]["level"] == "warning"
    absent = by_id["eeeeeeeeeeee"]
    assert absent["baselineState"] == "absent" and absent["kind"] == "pass"
    assert absent["locations"][0]["physicalLocation"]["region"]["startLine"] == 5  # its line in the baseline


def test_sarif_uri_outside_the_working_directory_is_a_file_uri(workspace, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    log = json.loads(sarif.render(result_with(workspace, tmp_path)))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (workspace.root / "sources" / "a.txt").resolve().as_uri()


def test_junit_parses_with_a_case_per_quantity_and_a_failure_per_new_error(workspace, tmp_path):
    out = junit.render(result_with(workspace, tmp_path))
    suite = ET.fromstring(out).find("testsuite")
    cases = suite.findall("testcase")
    names = sorted(case.get("name") for case in cases)
    assert names == ["widgets cumulative 2019..2020-06", "widgets.red cumulative 2019..2020-06",
                     "widgets.red cumulative 2019..2021-06"]
    failures = [f for case in cases for f in case.findall("failure")]
    assert len(failures) == 1 and suite.get("failures") == "1" and suite.get("tests") == "3"
    assert failures[0].get("type") == "agreement" and "b.txt:3: 50" in failures[0].text
    warning_case = next(c for c in cases if c.get("name") == "widgets.red cumulative 2019..2021-06")
    assert "warning (new)" in warning_case.find("system-out").text


def test_junit_passes_once_the_error_is_in_the_baseline_and_survives_control_characters(tmp_path):
    workspace = make_workspace(tmp_path / "ws", {"a": "Bell \x07 and \x1b escape: 40 widgets", "b": "50 widgets"})
    root = ET.fromstring(junit.render(result_with(workspace, tmp_path, ["aaaaaaaaaaaa"])))
    assert root.find("testsuite").get("failures") == "0"
    assert not list(root.iter("failure"))
    assert "Bell \ufffd and \ufffd escape" in next(root.iter("system-out")).text


def test_github_annotations_sit_on_source_lines_with_escaped_data(workspace, tmp_path, monkeypatch):
    monkeypatch.chdir(workspace.root)
    reconciliation = make_reconciliation()
    reconciliation.findings.loc[reconciliation.findings["finding_id"] == "aaaaaaaaaaaa", "message"] = "50% off,\r\nline: two"
    lines = github.render(result_with(workspace, tmp_path, reconciliation=reconciliation)).splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    assert error.startswith("::error file=sources/a.txt,line=3,title=figcheck agreement%3A XA widgets::50%25 off,%0D%0Aline: two")
    assert any(line.startswith("::warning file=sources/a.txt,line=3,") for line in lines)


def test_github_escapes_properties():
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert github.escape_data("a:b,c%d\r\n") == "a:b,c%25d%0D%0A"


def many_findings(count: int):
    reconciliation = make_reconciliation()
    ids = [f"{n:012x}" for n in range(1, count + 1)]
    reconciliation.findings = Finding.validate(pd.DataFrame({
        "finding_id": ids, "rule": "agreement", "severity": "error", "entity": "XA", "metric": "widgets",
        "scope": "cumulative", "period": "", "message": "disagree"}))
    reconciliation.finding_claims = FindingClaim.validate(pd.DataFrame({
        "finding_id": ids, "claim_id": "a-0000000001", "role": "stated"}))
    return reconciliation


def test_github_prints_at_most_ten_annotations_per_kind_and_counts_the_rest(workspace, tmp_path):
    out = github.render(result_with(workspace, tmp_path, reconciliation=many_findings(13))).splitlines()
    assert sum(line.startswith("::error ") for line in out) == 10
    assert "3 more error annotations not shown; see the step summary" in out


def test_github_step_summary_is_appended_when_set(workspace, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github.publish(result_with(workspace, tmp_path))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## figcheck") and "| Gate " in text


def test_every_format_is_the_same_whatever_the_row_order(workspace, tmp_path, monkeypatch):
    monkeypatch.chdir(workspace.root)
    monkeypatch.delenv("NO_COLOR", raising=False)
    forward = result_with(workspace, tmp_path, ["aaaaaaaaaaaa", "eeeeeeeeeeee", "cccccccccccc"])
    shuffled_reconciliation = make_reconciliation()
    for name in ("findings", "finding_claims", "verdicts", "reconciled"):
        frame = getattr(shuffled_reconciliation, name)
        setattr(shuffled_reconciliation, name, frame.iloc[::-1].reset_index(drop=True))
    workspace.claims = workspace.claims.iloc[::-1].reset_index(drop=True)
    backward = result_with(workspace, tmp_path, ["cccccccccccc", "eeeeeeeeeeee", "aaaaaaaaaaaa"],
                           reconciliation=shuffled_reconciliation)
    for name in format_names():
        assert get_format(name).render(forward) == get_format(name).render(backward), name
