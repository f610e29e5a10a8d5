"""Findings scored against gold findings (benchmarks/score_findings.py): the matching rules of
ANNOTATION.md on small hand-built frames, the split copy of a workspace, and the gold claims turned
into a claim table that reconciles as a faultless extraction would."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.score_extraction import score
from benchmarks.score_findings import (copy_split, extraction_faults, gold_claim_table, gold_in_split, reconcile_domain,
                                       score_findings)
from figcheck.claims.config import parse_config
from figcheck.reconcile.engine import reconcile

GOLD_COLUMNS = ["id", "expect", "entity", "metric", "must", "unless", "sources", "why"]


def frames(findings: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """findings, finding_claims and claims from (finding_id, severity, entity, metric, values)."""
    rows, links, claims = [], [], []
    for fid, severity, entity, metric, values in findings:
        rows.append({"finding_id": fid, "severity": severity, "entity": entity, "metric": metric})
        for k, value in enumerate(values):
            cid = f"{fid}-c{k}"
            links.append({"finding_id": fid, "claim_id": cid})
            claims.append({"claim_id": cid, "value": float(value)})
    return (pd.DataFrame(rows, columns=["finding_id", "severity", "entity", "metric"]),
            pd.DataFrame(links, columns=["finding_id", "claim_id"]), pd.DataFrame(claims, columns=["claim_id", "value"]))


def gold(*rows: tuple) -> pd.DataFrame:
    """Gold rows from (id, expect, entity, metric, must[, unless])."""
    return pd.DataFrame([dict(zip(GOLD_COLUMNS, (*row, *[""] * (len(GOLD_COLUMNS) - len(row))))) for row in rows],
                        columns=GOLD_COLUMNS)


def scored(findings: list[tuple], *rows: tuple) -> dict:
    return score_findings(*frames(findings), gold(*rows))


def test_a_flag_is_found_by_one_finding_holding_every_must_value():
    result = scored([("f1", "error", "KE", "cases", [531, 599, 12])], ("S1", "flag", "KE", "cases", "531;599"))
    assert result["found"] == ["S1"] and result["missed"] == []
    assert result["recall"] == 1.0 and result["precision"] == 1.0 and result["false_alarms"] == []


def test_a_flag_whose_values_are_spread_over_two_findings_is_missed():
    result = scored([("f1", "error", "KE", "cases", [531]), ("f2", "warning", "KE", "cases", [599])],
                    ("S1", "flag", "KE", "cases", "531;599"))
    assert result["missed"] == ["S1"] and result["recall"] == 0.0
    assert sorted(result["false_alarms"]) == ["f1", "f2"] and result["precision"] == 0.0


@pytest.mark.parametrize("finding", [
    ("f1", "info", "KE", "cases", [531, 599]),       # an info finding is not shown as a discrepancy
    ("f1", "error", "UG", "cases", [531, 599]),      # another entity
    ("f1", "error", "KE", "deaths", [531, 599]),     # another metric
])
def test_a_flag_needs_an_error_or_warning_with_its_entity_and_metric(finding):
    assert scored([finding], ("S1", "flag", "KE", "cases", "531;599"))["missed"] == ["S1"]


def test_entity_sets_match_whatever_their_order_and_values_whatever_their_spelling():
    result = scored([("f1", "error", "SO+ET+KE", "cases", [2.5e6, 1e4])],
                    ("S1", "flag", "ET+KE+SO", "cases", "2500000;10000.0"))
    assert result["found"] == ["S1"]


def test_a_no_flag_row_is_violated_only_by_a_finding_holding_all_its_values():
    rows = [("N1", "no-flag", "KE", "cases", "100;120")]
    assert scored([("f1", "error", "KE", "cases", [100, 120])], *rows)["violated"] == {"N1": ["f1"]}
    assert scored([("f1", "error", "KE", "cases", [100, 90])], *rows)["violated"] == {}
    assert scored([("f1", "info", "KE", "cases", [100, 120])], *rows)["violated"] == {}


def test_a_finding_carrying_an_unless_value_does_not_violate_a_no_flag_row():
    rows = [("N1", "no-flag", "KE", "cases", "100;120", "95")]
    assert scored([("f1", "error", "KE", "cases", [100, 120, 95])], *rows)["violated"] == {}
    assert scored([("f1", "error", "KE", "cases", [100, 120, 96])], *rows)["violated"] == {"N1": ["f1"]}


def test_false_alarms_are_findings_no_flag_or_stretch_row_explains():
    findings = [("f1", "error", "KE", "cases", [1, 2]), ("f2", "warning", "KE", "cases", [3, 4]),
                ("f3", "error", "KE", "cases", [5, 6]), ("f4", "info", "KE", "cases", [7, 8])]
    result = scored(findings, ("S1", "flag", "KE", "cases", "1;2"), ("S2", "stretch", "KE", "cases", "3"),
                    ("N1", "no-flag", "KE", "cases", "5;6"))
    assert result["serious"] == 3
    assert result["false_alarms"] == ["f3"] and result["violated"] == {"N1": ["f3"]}
    assert result["explained"] == {"f1": ["S1"], "f2": ["S2"]}
    # a finding explained by a stretch row alone is neither right nor wrong: 1 right, 1 false alarm
    assert result["precision"] == 0.5


def test_nothing_to_find_and_nothing_found_scores_perfectly():
    result = scored([], ("N1", "no-flag", "KE", "cases", "1;2"))
    assert (result["precision"], result["recall"], result["flags"], result["no_flags"]) == (1.0, 1.0, 0, 1)


def test_an_unknown_expectation_is_refused():
    with pytest.raises(ValueError, match="maybe"):
        scored([], ("X1", "maybe", "KE", "cases", "1"))


values = st.lists(st.sampled_from([1, 2, 3, 5, 8]), min_size=1, max_size=3)
finding = st.tuples(st.sampled_from(["error", "warning", "info"]), st.sampled_from(["KE", "UG"]),
                    st.sampled_from(["cases", "deaths"]), values)
gold_row = st.tuples(st.sampled_from(["flag", "no-flag", "stretch"]), st.sampled_from(["KE", "UG"]),
                     st.sampled_from(["cases", "deaths"]), values)


def _numbered(findings):
    return [(f"f{i}", *f) for i, f in enumerate(findings)]


def _rows(rows):
    return [(f"g{i}", expect, entity, metric, ";".join(map(str, must))) for i, (expect, entity, metric, must) in enumerate(rows)]


@settings(max_examples=60, deadline=None)
@given(st.lists(finding, max_size=5), finding, st.lists(gold_row, min_size=1, max_size=5))
def test_adding_a_finding_never_loses_a_flag_nor_clears_a_violation(findings, extra, rows):
    before = scored(_numbered(findings), *_rows(rows))
    after = scored(_numbered(findings + [extra]), *_rows(rows))
    assert set(before["found"]) <= set(after["found"])
    assert set(before["violated"]) <= set(after["violated"])
    assert after["serious"] - before["serious"] == (extra[0] != "info")


@settings(max_examples=60, deadline=None)
@given(st.lists(finding, max_size=6), st.lists(gold_row, min_size=1, max_size=5))
def test_every_serious_finding_is_right_false_or_explained_by_stretch_rows_alone(findings, rows):
    result = scored(_numbered(findings), *_rows(rows))
    stretch_only = set(result["explained"]) - set(result["true_alarms"])
    assert len(result["true_alarms"]) + len(result["false_alarms"]) + len(stretch_only) == result["serious"]
    assert 0.0 <= result["precision"] <= 1.0 and 0.0 <= result["recall"] <= 1.0
    assert len(result["found"]) + len(result["missed"]) == result["flags"]


# ---- workspaces ----

CONFIG = """
[tolerance]
approx = 0.1

[entities.KE]
name = "Kenya"
forms = ["Kenya"]

[metrics.cases]
words = ["cases"]
scope = "cumulative"

[metrics."cases.children"]
words = ["children"]
scope = "cumulative"
part_of = "cases"

[rules.agreement]
severity = "error"
"""

REGISTRY = """source_id,file,title,publisher,published,period_start,period_end,language,url,split
001,001.txt,First,A,2024-03-01,,,en,,dev
002,002.txt,Second,B,2024-03-01,,,en,,holdout
003,003.txt,Third,C,2024-03-01,,,en,,dev
"""

TEXTS = {
    "001.txt": "Kenya reported 500 cases by 1 March.\nOf these, 200 cases were in Nairobi and 300 elsewhere.\n"
               "The outbreak is 3 weeks old.\n",
    "002.txt": "Kenya reported 640 cases by 1 March.\n",
    "003.txt": "Kenya reported about 520 cases by 1 March, 120 of them children.\n",
}

GOLD_CLAIMS = """source_id,line,surface,value,qualifier,entity,metric,scope,period_start,period_end,required,note
001,1,500 cases,500,eq,KE,cases,cumulative,,2024-03-01,1,
001,2,200 cases,200,eq,KE,cases,cumulative,,2024-03-01,1,part: in Nairobi; part of 500
001,2,300,300,eq,KE,cases,cumulative,,2024-03-01,1,Part: elsewhere
001,3,3 weeks,3,eq,KE,outbreak_weeks,,,,0,a metric of the annotator's own
002,1,640 cases,640,eq,KE,cases,cumulative,,2024-03-01,1,
003,1,about 520 cases,520,approx,KE,cases,cumulative,,2024-03-01,1,
003,1,120,120,eq,KE,cases.children,cumulative,,2024-03-01,1,children among them
"""

GOLD_FINDINGS = """id,expect,entity,metric,must,unless,sources,why
F1,flag,KE,cases,500;640,,001|002,a holdout row
F2,no-flag,KE,cases,500;520,,001|003,about 520 agrees with 500
F3,no-flag,KE,cases,500;200,,001,Nairobi is part of Kenya
"""


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "ws"
    (root / "sources").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "figcheck.toml").write_text(CONFIG, encoding="utf-8")
    (root / "sources.csv").write_text(REGISTRY, encoding="utf-8")
    for name, text in TEXTS.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    (root / "gold" / "claims.csv").write_text(GOLD_CLAIMS, encoding="utf-8")
    (root / "gold" / "findings.csv").write_text(GOLD_FINDINGS, encoding="utf-8")
    return root


def test_a_split_copy_holds_only_that_split_s_documents_and_registry_rows(workspace, tmp_path):
    target = tmp_path / "copy"
    target.mkdir()
    assert copy_split(workspace, target, "dev") == {"001", "003"}
    assert sorted(p.name for p in (target / "sources").iterdir()) == ["001.txt", "003.txt"]
    assert pd.read_csv(target / "sources.csv", dtype=str)["source_id"].tolist() == ["001", "003"]
    assert not (target / "gold").exists()


def test_gold_rows_of_a_split_name_only_its_sources(workspace):
    rows = pd.read_csv(workspace / "gold" / "findings.csv", dtype=str, keep_default_na=False)
    assert gold_in_split(rows, {"001", "003"})["id"].tolist() == ["F2", "F3"]
    assert gold_in_split(rows, {"001", "002", "003"})["id"].tolist() == ["F1", "F2", "F3"]


def _gold_table(workspace):
    from figcheck.checks.workspace import load_workspace

    loaded = load_workspace(workspace)
    rows = pd.read_csv(workspace / "gold" / "claims.csv", dtype=str, keep_default_na=False)
    return gold_claim_table(rows, loaded.texts, loaded.config), loaded


def test_gold_claims_become_claims_with_provenance_intervals_and_noted_parts(workspace):
    claims, loaded = _gold_table(workspace)
    by_text = claims.set_index("text")
    assert by_text.at["200 cases", "quote"] == TEXTS["001.txt"].splitlines()[1]
    start = by_text.at["200 cases", "char_start"]
    assert loaded.texts["001"][start:by_text.at["200 cases", "char_end"]] == "200 cases"
    # both parts of line 2 name the 500 of line 1 as their total, whatever the note's case
    total = by_text.at["500 cases", "claim_id"]
    assert by_text.at["200 cases", "part_of"] == total and by_text.at["300", "part_of"] == total
    # ... and, as the extractor writes such breakdowns, carry no metric of their own
    assert by_text.at["200 cases", "metric"] == "" and by_text.at["500 cases", "metric"] == "cases"
    # a declared part metric is left to the reconciler's own linking
    assert by_text.at["120", "part_of"] == ""
    # a metric figcheck.toml does not configure is no quantity figcheck compares, as the extractor leaves it
    assert by_text.at["3 weeks", "metric"] == "" and by_text.at["3 weeks", "kind"] == "other"
    # "about" takes the workspace's approx tolerance (0.1), as the extractor's intervals do
    low, high = by_text.loc["about 520 cases", ["lower", "upper"]]
    assert math.isclose(low, 468) and math.isclose(high, 572)


def test_reconciling_gold_claims_respects_noted_parts(workspace):
    claims, loaded = _gold_table(workspace)
    result = reconcile(claims, loaded.sources, loaded.config)
    assert score_findings(result.findings, result.finding_claims, claims,
                          gold(("N1", "no-flag", "KE", "cases", "500;200")))["violated"] == {}
    # Neither tied to its total nor marked as covering part of the entity, a part clashes with it
    # (the only part of its sentence: parts side by side with different values name no one quantity).
    unlinked = claims.assign(part_of="", note="", metric=claims["metric"].replace("", "cases"))
    unlinked = unlinked.loc[unlinked["text"] != "300"]
    plain = reconcile(unlinked, loaded.sources, loaded.config)
    assert score_findings(plain.findings, plain.finding_claims, unlinked,
                          gold(("N1", "no-flag", "KE", "cases", "500;200")))["violated"] != {}


def test_scoring_a_domain_never_writes_into_it_and_sees_only_its_split(workspace):
    before = sorted(p.relative_to(workspace) for p in workspace.rglob("*"))
    result = reconcile_domain(workspace, "dev", "gold")
    assert sorted(p.relative_to(workspace) for p in workspace.rglob("*")) == before
    assert set(result["gold"]["id"]) == {"F2", "F3"}
    assert set(result["claims"]["source_id"]) == {"001", "003"}
    assert result["violated"] == {} and result["flags"] == 0


def test_extraction_faults_name_the_misread_attributes_of_each_claim(workspace):
    claims, _ = _gold_table(workspace)
    misread = claims.copy()
    at = misread.index[misread["text"] == "640 cases"][0]
    misread.loc[at, ["entity", "period_end"]] = ["UG", "2024-02-01"]
    faults = extraction_faults(misread, score(claims, misread))
    assert faults[misread.at[at, "claim_id"]] == "entity KE read as UG; period_end 2024-03-01 read as 2024-02-01"
    assert (faults.drop(misread.at[at, "claim_id"]) == "").all()
    extra = pd.concat([claims, claims.iloc[[0]].assign(claim_id="x", line=9)], ignore_index=True)
    assert extraction_faults(extra, score(claims, extra))["x"] == "not a gold claim"


def test_the_command_refuses_a_workspace_without_gold_or_split_in_words(workspace, tmp_path, capsys):
    from benchmarks.score_findings import main

    (workspace / "gold" / "findings.csv").unlink()
    assert main([str(workspace), "--mode", "gold"]) == 2
    assert "findings.csv" in capsys.readouterr().err
    (workspace / "gold" / "findings.csv").write_text(GOLD_FINDINGS, encoding="utf-8")
    registry = pd.read_csv(workspace / "sources.csv", dtype=str, keep_default_na=False).drop(columns="split")
    registry.to_csv(workspace / "sources.csv", index=False)
    assert main([str(workspace), "--mode", "gold"]) == 2
    assert "split" in capsys.readouterr().err


def test_the_command_prints_one_row_per_domain_and_mode(workspace, capsys):
    from benchmarks.score_findings import main

    assert main([str(workspace), "--mode", "gold", "--details"]) == 0
    out = capsys.readouterr().out
    assert "| ws " in out and "0/2" in out and "nothing to report" in out


def test_a_headline_repeated_in_other_case_gives_each_gold_claim_its_own_id(workspace):
    from figcheck.checks.workspace import load_workspace

    loaded = load_workspace(workspace)
    texts = {**loaded.texts, "001": "Over 700 Killed In The North\n\nOver 700 Killed in the North\n"}
    rows = pd.DataFrame([{"source_id": "001", "line": line, "surface": "Over 700 Killed", "value": "700",
                          "qualifier": "gt", "entity": "KE", "metric": "cases", "scope": "cumulative",
                          "period_start": "", "period_end": "", "required": "1", "note": ""} for line in ("1", "3")])
    claims = gold_claim_table(rows, texts, loaded.config)
    assert claims["claim_id"].is_unique and list(claims["line"]) == [1, 3]
