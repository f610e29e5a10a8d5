"""Subsets never exceed their sets, within a source and across sources for the same quantity."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reconcile_strategies import reconciled

KZ = {"entity": "AA", "period_end": "2022-04"}


def test_a_subset_below_its_set_is_fine():
    rows = [{**KZ, "source_id": "s1", "metric": "total.a", "value": 406.0},
            {**KZ, "source_id": "s1", "metric": "total.a.special", "value": 32.0}]
    assert reconciled(rows).findings.empty


def test_a_subset_above_its_set_in_another_source_is_an_error_naming_both():
    rows = [{**KZ, "source_id": "s1", "metric": "total.a", "value": 30.0},
            {**KZ, "source_id": "s2", "metric": "total.a.special", "value": 32.0}]
    result = reconciled(rows)
    assert list(result.findings["rule"]) == ["subset"]
    assert "32 (source s2, line 1) exceeds 30 (source s1, line 1)" in result.findings.at[0, "message"]
    assert set(result.finding_claims["role"]) == {"subset", "set"}


def test_a_part_in_another_source_is_a_subset_of_the_total():
    rows = [{**KZ, "source_id": "s1", "metric": "total", "value": 100.0},
            {**KZ, "source_id": "s2", "metric": "total.b", "value": 130.0}]
    assert list(reconciled(rows).findings["rule"]) == ["subset"]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 1000), st.integers(0, 1000))
def test_flagged_exactly_when_the_subset_is_larger(subset, whole):
    rows = [{**KZ, "source_id": "s1", "metric": "total.a", "value": float(whole)},
            {**KZ, "source_id": "s2", "metric": "total.a.special", "value": float(subset)}]
    assert ("subset" in set(reconciled(rows).findings["rule"])) == (subset > whole)
