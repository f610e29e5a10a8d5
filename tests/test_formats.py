"""`figcheck check --format text|md|json` rendered from hand-built findings."""

import json

import pytest

from figcheck.reports.baseline import Baseline, load_baseline
from figcheck.reports.formats import json as json_format
from figcheck.reports.formats import md as md_format
from figcheck.reports.formats import text as text_format
from figcheck.reports.result import build_result
from tests.test_report_data import make_reconciliation, make_workspace

ESCAPE_QUOTE = "Red \x1b[31malert\x1b[0m and \u202eevil\u202c text: 40 widgets"


@pytest.fixture
def workspace(tmp_path):
    return make_workspace(tmp_path / "ws")


def known(tmp_path, *ids):
    return Baseline(tmp_path / "b.json", {fid: {"finding_id": fid, "description": ""} for fid in ids})


def test_json_lists_findings_with_their_claims_and_a_summary(workspace, tmp_path):
    result = build_result(make_reconciliation(), workspace, known(tmp_path, "aaaaaaaaaaaa", "dddddddddddd"))
    document = json.loads(json_format.render(result))
    assert set(document) == {"findings", "summary"}
    first = document["findings"][0]
    assert {"finding_id", "rule", "severity", "entity", "metric", "scope", "period", "message", "new",
            "claims"} <= set(first)
    assert first["finding_id"] == "aaaaaaaaaaaa" and first["new"] is False
    assert document["findings"][1]["new"] is True
    claim = next(c for c in first["claims"] if c["source_id"] == "b")
    assert claim == claim | {"claim_id": "b-0000000001", "line": 3, "value": 50, "qualifier": "eq",
                             "quote": "By June 2021 there were 50 widgets.", "role": "stated",
                             "verdict": "most_likely_wrong"}
    summary = document["summary"]
    assert summary["findings"] == {"error": 1, "warning": 1, "info": 0}
    assert (summary["new"], summary["known"], summary["baseline_absent"]) == (1, 1, ["dddddddddddd"])
    assert summary["exit_code"] == 0


def test_exit_code_fails_only_on_new_errors_unless_strict(workspace, tmp_path):
    reconciliation = make_reconciliation()
    assert build_result(reconciliation, workspace, load_baseline(tmp_path / "none.json")).exit_code == 1
    accepted = known(tmp_path, "aaaaaaaaaaaa")
    assert build_result(reconciliation, workspace, accepted).exit_code == 0  # the new finding is a warning
    assert build_result(reconciliation, workspace, accepted, strict=True).exit_code == 1


def test_text_is_plain_off_a_terminal_and_coloured_on_one(workspace, tmp_path):
    result = build_result(make_reconciliation(), workspace, load_baseline(tmp_path / "none.json"))
    plain = text_format.render(result, colour=False)
    assert "\x1b" not in plain
    assert "ERROR NEW agreement: XA widgets cumulative 2019..2020-06  [aaaaaaaaaaaa]" in plain
    assert "b.txt:3  50  (most likely wrong)" in plain
    assert plain.rstrip().endswith("1 failing; 0 baseline entries no longer found")
    assert "\x1b[1;31mERROR\x1b[0m" in text_format.render(result, colour=True)


def test_text_shows_escape_sequences_and_bidi_controls_of_sources_inert(tmp_path):
    workspace = make_workspace(tmp_path / "ws", {"a": ESCAPE_QUOTE, "b": "By June 2021 there were 50 widgets."})
    result = build_result(make_reconciliation(), workspace, load_baseline(tmp_path / "none.json"))
    for colour in (False, True):
        out = text_format.render(result, colour=colour)
        assert "\\u001b[31malert" in out and "\\u202eevil" in out
        assert "\u202e" not in out and "\x1b[31m" not in out


def test_text_colour_follows_the_terminal_and_no_color(monkeypatch):
    class Stream:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert text_format.use_colour(Stream(True)) and not text_format.use_colour(Stream(False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not text_format.use_colour(Stream(True))


def test_md_summary_is_a_table_with_the_findings(workspace, tmp_path):
    result = build_result(make_reconciliation(), workspace, known(tmp_path, "gone00000000"))
    out = md_format.render(result)
    assert "| Gate " in out and "fails: 1 failing error findings" in out
    assert "| error " in out and "`aaaaaaaaaaaa`" in out
    assert "Baseline entries no longer found (run `figcheck baseline` to prune them): gone00000000" in out
