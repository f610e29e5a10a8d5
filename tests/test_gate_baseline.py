"""The baseline file: sorted, one entry per line, edits to descriptions kept, bad files refused clearly."""

import json

import pytest

from figcheck.claims.errors import FigcheckError
from figcheck.reports.baseline import load_baseline, write_baseline
from tests.test_report_data import make_reconciliation


def test_baseline_is_sorted_one_entry_per_line_and_valid_json(tmp_path):
    path = tmp_path / "figcheck-baseline.json"
    findings = make_reconciliation(("ffffffffffff", "111111111111")).findings
    write_baseline(path, findings, load_baseline(path))
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert [e["finding_id"] for e in data["findings"]] == ["111111111111", "ffffffffffff"]
    entry_lines = [line for line in text.splitlines() if '"finding_id"' in line]
    assert len(entry_lines) == 2 and '"111111111111"' in entry_lines[0]
    assert data["findings"][1]["description"] == "error agreement: 40 and 50 describe the same quantity"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_rewriting_keeps_edited_descriptions_drops_gone_entries_adds_new_ones(tmp_path):
    path = tmp_path / "figcheck-baseline.json"
    write_baseline(path, make_reconciliation(("aaaaaaaaaaaa", "bbbbbbbbbbbb")).findings, load_baseline(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"][0]["description"] = "Checked with the publisher: 40 is a typo in their release."
    path.write_text(json.dumps(data), encoding="utf-8")
    write_baseline(path, make_reconciliation(("aaaaaaaaaaaa", "cccccccccccc")).findings, load_baseline(path))
    entries = {e["finding_id"]: e["description"] for e in json.loads(path.read_text(encoding="utf-8"))["findings"]}
    assert set(entries) == {"aaaaaaaaaaaa", "cccccccccccc"}
    assert entries["aaaaaaaaaaaa"] == "Checked with the publisher: 40 is a typo in their release."
    assert entries["cccccccccccc"].startswith("warning cumulative:")


def test_missing_baseline_means_every_finding_is_new(tmp_path):
    assert load_baseline(tmp_path / "absent.json").entries == {}


@pytest.mark.parametrize("content, expected", [
    ('{"figcheck_baseline": 1,\n "findings": [,]}', "bad.json:2:15: not valid JSON"),
    ('["not", "a", "baseline"]', "bad.json: not a figcheck baseline"),
    ('{"figcheck_baseline": 1, "findings": [{"id": "x"}]}', "bad.json: entry 1 of 'findings' has no string 'finding_id'"),
    ('{"figcheck_baseline": 1, "findings": [{"finding_id": "x", "description": ["a"]}]}',
     "bad.json: entry 1 of 'findings': 'description' must be a string"),
])
def test_broken_baseline_is_refused_naming_file_and_place(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FigcheckError, match="figcheck baseline") as error:
        load_baseline(path)
    assert expected in str(error.value)
