"""The CI gate end to end, through `figcheck.cli.main`, on private copies of the bundled dossier."""

import csv
import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from figcheck.checks.workspace import load_workspace
from figcheck.claims.ids import claim_id
from figcheck.claims.store import store_text
from figcheck.cli import main

NEW_SOURCE = "contradicts"


def check_json(ws: Path, capsys, *options: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["check", str(ws), "--format", "json", *options])
    return code, json.loads(capsys.readouterr().out)


def add_contradicting_source(ws: Path) -> str:
    """Register a new source restating a stored figure with another value, its claim entered by hand."""
    workspace = load_workspace(ws)
    claims = workspace.claims
    is_total = claims["claim_id"].isin(claims["part_of"])
    simple = claims[(claims["qualifier"] == "eq") & (claims["scope"] == "cumulative") & (claims["entity"] != "")
                    & (claims["metric"] != "") & (claims["status"] != "rejected") & (claims["part_of"] == "")
                    & ~is_total & (claims["kind"] == "count")
                    # a month or a year: two sources giving a running count for one day, no hour
                    # stated, are an update during the day, not a contradiction
                    & claims["period_end"].str.len().isin([4, 7])].sort_values("claim_id")
    original = simple.iloc[0].drop("stale").to_dict()
    new_value = int(original["value"]) * 2 + 7
    figure = str(new_value)
    document = f"Restated: {figure} as of the same date.\n"
    start = document.index(figure)
    source_row = workspace.sources.loc[workspace.sources["source_id"] == original["source_id"]].iloc[0]
    (ws / "sources" / f"{NEW_SOURCE}.txt").write_text(document, encoding="utf-8")
    with (ws / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            [NEW_SOURCE, f"{NEW_SOURCE}.txt", "A later restatement", "Another office"]
            + [source_row[c] for c in ("published", "period_start", "period_end", "language")] + [""])
    quote = document.strip()
    claim = original | {
        "claim_id": claim_id(NEW_SOURCE, quote, figure), "source_id": NEW_SOURCE, "line": 1,
        "char_start": start, "char_end": start + len(figure), "text": figure, "quote": quote,
        "value": float(new_value), "lower": float(new_value), "upper": float(new_value),
        "method": "manual", "status": "candidate", "note": "entered by hand",
        "source_sha256": hashlib.sha256(document.encode()).hexdigest(), "auto_digest": "",
    }
    (ws / "claims" / f"{NEW_SOURCE}.csv").write_text(store_text(pd.DataFrame([claim])), encoding="utf-8")
    return claim["claim_id"]


def remove_source(ws: Path) -> None:
    (ws / "sources" / f"{NEW_SOURCE}.txt").unlink()
    (ws / "claims" / f"{NEW_SOURCE}.csv").unlink()
    lines = (ws / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (ws / "sources.csv").write_text("".join(l for l in lines if not l.startswith(f"{NEW_SOURCE},")), encoding="utf-8")


def test_accepted_findings_pass_a_new_contradiction_fails_and_removing_it_passes_again(ws, capsys):
    assert main(["baseline", str(ws)]) == 0
    code, accepted = check_json(ws, capsys)
    assert code == 0
    assert accepted["findings"] and not [f for f in accepted["findings"] if f["new"]]

    new_claim = add_contradicting_source(ws)
    code, contradicted = check_json(ws, capsys)
    assert code == 1
    new = [f for f in contradicted["findings"] if f["new"]]
    assert new and all(f["severity"] == "error" or not f["fails"] for f in new)
    assert any(new_claim in {c["claim_id"] for c in f["claims"]} and f["severity"] == "error" for f in new)
    assert not [f for f in new if NEW_SOURCE not in {c["source_id"] for c in f["claims"]}]

    remove_source(ws)
    code, again = check_json(ws, capsys)
    assert code == 0
    assert [f["finding_id"] for f in again["findings"]] == [f["finding_id"] for f in accepted["findings"]]


def test_strict_fails_on_every_error_even_accepted_ones(ws, capsys):
    main(["baseline", str(ws)])
    _, result = check_json(ws, capsys)
    errors = [f for f in result["findings"] if f["severity"] == "error"]
    code, strict = check_json(ws, capsys, "--strict")
    assert code == (1 if errors else 0)
    # the gate counts causes: findings sharing a claim judged wrong are one problem
    assert strict["summary"]["failing"] == len({f["cause"] for f in errors})
    assert strict["summary"]["rule_findings"] == len(result["findings"])


def test_shifted_lines_and_reordered_rows_change_no_fingerprint(ws, capsys):
    _, before = check_json(ws, capsys)
    ids = sorted(f["finding_id"] for f in before["findings"])
    assert ids
    for document in sorted((ws / "sources").glob("*.txt")):
        document.write_text("\n\n" + document.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["extract", str(ws), "--quiet"]) == 0
    _, shifted = check_json(ws, capsys)
    lines_before = {c["claim_id"]: c["line"] for f in before["findings"] for c in f["claims"]}
    lines_after = {c["claim_id"]: c["line"] for f in shifted["findings"] for c in f["claims"]}
    assert all(lines_after[cid] == line + 2 for cid, line in lines_before.items())
    assert sorted(f["finding_id"] for f in shifted["findings"]) == ids

    for path in sorted((ws / "claims").glob("*.csv")):
        header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text(header + "".join(reversed(rows)), encoding="utf-8")
    _, reordered = check_json(ws, capsys)
    assert sorted(f["finding_id"] for f in reordered["findings"]) == ids


def test_baseline_lists_entries_no_longer_found_and_rewriting_prunes_them(ws, capsys):
    main(["baseline", str(ws)])
    path = ws / "figcheck-baseline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"].append({"finding_id": "0123456789ab", "rule": "agreement", "description": "fixed at the source"})
    path.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    main(["check", str(ws)])
    assert "no longer found, remove from the baseline: 0123456789ab  fixed at the source" in capsys.readouterr().out
    main(["baseline", str(ws)])
    assert "0123456789ab" not in path.read_text(encoding="utf-8")


def test_baseline_written_twice_is_identical_and_sorted(ws):
    main(["baseline", str(ws)])
    path = ws / "figcheck-baseline.json"
    first = path.read_bytes()
    main(["baseline", str(ws)])
    assert path.read_bytes() == first
    ids = [e["finding_id"] for e in json.loads(first)["findings"]]
    assert ids == sorted(ids)


def test_sarif_of_the_dossier_locates_every_result_at_a_source_line(ws, capsys, monkeypatch):
    monkeypatch.chdir(ws)
    capsys.readouterr()
    code = main(["check", ".", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    results = log["runs"][0]["results"]
    assert results and code == 1
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    for result in results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        lines = (ws / location["artifactLocation"]["uri"]).read_text(encoding="utf-8").splitlines()
        assert 1 <= location["region"]["startLine"] <= len(lines)
        assert result["partialFingerprints"]["figcheckFindingId/v1"]


def test_junit_of_the_dossier_parses_with_a_failure_per_new_error(ws, capsys):
    _, result = check_json(ws, capsys)
    failing = sum(f["fails"] for f in result["findings"])
    capsys.readouterr()
    main(["check", str(ws), "--format", "junit"])
    root = ET.fromstring(capsys.readouterr().out)
    assert len(list(root.iter("failure"))) == failing
    assert int(root.find("testsuite").get("tests")) == len(list(root.iter("testcase"))) > 0


def test_github_format_annotates_and_appends_the_step_summary(ws, capsys, monkeypatch, tmp_path):
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(ws)
    capsys.readouterr()
    code = main(["check", ".", "--format", "github"])
    out = capsys.readouterr().out.splitlines()
    errors = [line for line in out if line.startswith("::error ")]
    assert code == 1 and errors
    assert all(re.match(r"::error file=sources/[^,]+,line=\d+,title=", line) for line in errors)
    assert "| Gate " in summary.read_text(encoding="utf-8")


def test_report_is_byte_identical_and_its_links_resolve(ws, capsys):
    assert main(["report", str(ws)]) == 0
    assert "Audit report:" in capsys.readouterr().out
    reports = ws / "reports"
    first = {p.name: p.read_bytes() for p in sorted(reports.iterdir())}
    assert main(["report", str(ws)]) == 0
    assert {p.name: p.read_bytes() for p in sorted(reports.iterdir())} == first
    text = first["audit.md"].decode("utf-8")
    for target, line in re.findall(r"\]\((\.\./sources/[^)#]+)#L(\d+)\)", text):
        assert int(line) <= len((reports / target).read_text(encoding="utf-8").splitlines())
    appendix = first["audit-appendix.md"].decode("utf-8")
    assert "](audit-appendix.md)" in text
    charts = re.findall(r"!\[[^\n]*\]\((chart-[^)]+\.png)\)", appendix)
    assert charts and all((reports / chart).is_file() for chart in charts)


def test_audit_extracts_checks_and_reports_exiting_as_check(ws, capsys):
    shutil.rmtree(ws / "claims")
    capsys.readouterr()
    code = main(["audit", str(ws)])
    out = capsys.readouterr().out
    assert (ws / "reports" / "audit.md").is_file() and "Audit report: " in out
    assert code == main(["check", str(ws), "--format", "json"])


def test_broken_baseline_exits_2_naming_file_line_and_column(ws, capsys):
    (ws / "figcheck-baseline.json").write_text('{"figcheck_baseline": 1,\n  "findings": [}\n', encoding="utf-8")
    assert main(["check", str(ws)]) == 2
    assert "figcheck-baseline.json:2:16: not valid JSON" in capsys.readouterr().err


def test_missing_workspace_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "no such workspace folder" in capsys.readouterr().err
