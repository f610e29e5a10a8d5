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
    # more than ten times its set, a subset is a misread figure, not a discrepancy
    assert ("subset" in set(reconciled(rows).findings["rule"])) == (subset > whole and not 0 < 10 * whole < subset)


def test_a_subset_more_than_ten_times_its_set_is_a_misread_not_a_finding():
    rows = [{**KZ, "source_id": "s1", "metric": "total.a", "value": 3.0},
            {**KZ, "source_id": "s2", "metric": "total.a.special", "value": 240.0}]
    assert reconciled(rows).findings.empty


def test_one_set_figure_below_a_subset_stated_in_several_sources_is_one_finding_naming_them_all():
    rows = [{**KZ, "source_id": "s1", "metric": "total.a", "value": 30.0},
            *({**KZ, "source_id": source, "metric": "total.a.special", "value": 240.0} for source in ("s2", "s3", "s4"))]
    result = reconciled(rows)
    subset = result.findings.loc[result.findings["rule"] == "subset"]
    assert len(subset) == 1
    message = subset["message"].iloc[0]
    assert all(f"240 (source {s}, line 1)" in message for s in ("s2", "s3", "s4"))
    assert "exceed 30 (source s1, line 1)" in message
    members = result.finding_claims.loc[result.finding_claims["finding_id"] == subset["finding_id"].iloc[0]]
    assert sorted(members["role"]) == ["set", "subset", "subset", "subset"]


def test_a_misread_subset_does_not_hide_a_real_one_beside_it():
    rows = [{**KZ, "source_id": "s1", "metric": "total.a", "value": 3.0},
            {**KZ, "source_id": "s2", "metric": "total.a.special", "value": 240.0},
            {**KZ, "source_id": "s3", "metric": "total.a.special", "value": 5.0},
            {**KZ, "source_id": "s4", "metric": "total.a.special", "value": 4.0}]
    subset = reconciled(rows).findings.query("rule == 'subset'")
    assert len(subset) >= 1 and all("240" not in m for m in subset["message"])
    assert any("5 (source s3, line 1)" in m for m in subset["message"])
