"""Explained differences: info, saying which stated difference explains them, between documents only."""

from tests.reconcile_strategies import reconciled

SERIES = {"entity": "AA", "metric": "total"}


def test_two_documents_with_different_periods_get_an_info_finding_that_says_why():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2020", "value": 400.0},
                         {**SERIES, "source_id": "s2", "period_end": "2022", "value": 599.0}])
    assert list(result.findings["rule"]) == ["explained"] and list(result.findings["severity"]) == ["info"]
    assert "different periods explain" in result.findings.at[0, "message"]
    assert result.verdicts.empty


def test_an_event_and_a_running_total_differ_by_scope():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021-03", "value": 79.0},
                         {**SERIES, "source_id": "s2", "scope": "event", "period_start": "2021-03", "period_end": "2021-03",
                          "value": 30.0}])
    assert "scopes" in result.findings.at[0, "message"]


def test_one_document_s_own_series_is_not_reported():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2020", "value": 400.0},
                         {**SERIES, "source_id": "s1", "period_end": "2022", "value": 599.0}])
    assert result.findings.empty


def test_differences_another_rule_flags_are_not_called_explained():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2020", "value": 700.0},
                         {**SERIES, "source_id": "s2", "period_end": "2022", "value": 599.0}])
    assert list(result.findings["rule"]) == ["cumulative"]
