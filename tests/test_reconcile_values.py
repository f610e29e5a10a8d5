"""Reconciled values: one row per quantity with status, preferred claim, reason and citation."""

from tests.reconcile_strategies import reconciled

SAME = {"entity": "AA", "metric": "total", "period_end": "2021-08"}


def row(result, entity="AA"):
    table = result.reconciled
    return table.loc[table["entity"] == entity].iloc[0]


def test_a_single_claim_is_a_single_source_value_with_its_citation():
    result = reconciled([{**SAME, "source_id": "s1", "value": 595.0, "quote": "595 citizens have returned."}])
    value = row(result)
    assert value["status"] == "single source" and value["value"] == 595.0
    assert value["citation"] == 'Publisher 1, "Report 1", 2021-06-30, line 1: "595 citizens have returned."'


def test_agreeing_sources_make_an_agreed_value_narrowed_to_what_all_allow():
    result = reconciled([{**SAME, "source_id": "s1", "value": 2100.0, "qualifier": "gt"},
                         {**SAME, "source_id": "s2", "value": 2200.0, "qualifier": "approx"}])
    value = row(result)
    assert value["status"] == "agreed" and value["reason"] == "all 2 claims agree"
    assert value["lower"] == 2100.0 and value["upper"] == 2310.0
    assert value["preferred_claim"].startswith("s2")


def test_a_disputed_value_prefers_the_claim_the_others_support():
    rows = [{**SAME, "source_id": s, "value": v} for s, v in (("s1", 5.0), ("s2", 5.0), ("s3", 7.0))]
    value = row(reconciled(rows))
    assert value["status"] == "disputed" and value["value"] == 5.0
    assert value["claims_against"].startswith("s3") and len(value["claims_for"].split(";")) == 2
    assert "most likely wrong (7 (source s3, line 1))" in value["reason"]


def test_rejected_claims_are_ignored():
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0}, {**SAME, "source_id": "s2", "value": 7.0, "status": "rejected"}])
    assert result.findings.empty and row(result)["status"] == "single source"


def test_one_row_per_quantity():
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0}, {**SAME, "source_id": "s2", "value": 5.0},
                         {**SAME, "source_id": "s1", "period_end": "2022", "value": 6.0}])
    assert len(result.reconciled) == 2 and result.reconciled["quantity"].is_unique


def test_no_claims_give_empty_validated_tables():
    result = reconciled([])
    assert result.findings.empty and result.verdicts.empty and result.reconciled.empty and result.unsolved == []
    assert list(result.finding_claims.columns) == ["finding_id", "claim_id", "role"]
