"""Cumulative counts never shrink as period_end grows; event figures are never compared."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reconcile_strategies import reconciled, with_claims

SERIES = {"entity": "AA", "metric": "total", "period_start": "2021"}


def test_a_lower_later_figure_is_an_error_with_both_dates():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021-08", "value": 500.0, "qualifier": "gt"},
                         {**SERIES, "source_id": "s2", "period_end": "2022-03", "value": 480.0}])
    message = result.findings.at[0, "message"]
    assert list(result.findings["rule"]) == ["cumulative"]
    assert "more than 500 (source s1, line 1) by 2021-08" in message and "480 (source s2, line 1) by 2022-03" in message
    assert set(result.finding_claims["role"]) == {"earlier", "later"}


def test_growth_is_fine_and_reported_as_explained_by_the_periods():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021-08", "value": 480.0},
                         {**SERIES, "source_id": "s2", "period_end": "2022-03", "value": 500.0}])
    assert list(result.findings["severity"]) == ["info"]


def test_an_unstated_end_is_the_publication_date():
    # s1 is published 2021-06-30, s3 2023-06-30 (tests.reconcile_strategies.SOURCES).
    result = reconciled([{**SERIES, "source_id": "s3", "value": 400.0}, {**SERIES, "source_id": "s1", "value": 450.0}])
    assert list(result.findings["rule"]) == ["cumulative"]


def test_overlapping_dates_of_different_precision_are_not_ordered():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021", "value": 500.0},
                         {**SERIES, "source_id": "s2", "period_end": "2021-08", "value": 480.0}])
    assert with_claims(result).empty


def test_different_starts_are_different_series():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021-08", "value": 500.0},
                         {**SERIES, "source_id": "s2", "period_start": "2022", "period_end": "2023", "value": 80.0}])
    assert with_claims(result).empty


def test_a_start_written_as_a_year_or_its_first_day_is_one_series():
    # "since the start of 2021" and "since 1 January 2021": one running count, which cannot shrink.
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021-08", "value": 500.0},
                         {**SERIES, "source_id": "s2", "period_start": "2021-01-01", "period_end": "2022-03",
                          "value": 480.0}])
    assert list(result.findings["rule"]) == ["cumulative"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 1000), min_size=2, max_size=5))
def test_a_series_is_flagged_exactly_when_some_later_figure_is_lower(values):
    dates = ["2019", "2020", "2021", "2022", "2023"]
    rows = [{**SERIES, "period_start": "", "source_id": f"s{i}", "period_end": dates[i], "value": float(v)}
            for i, v in enumerate(values)]
    # compared with the highest earlier figure; a fall to under a tenth of it is a misread part, not a drop
    shrinks = any(later < max(values[:i]) <= 10 * later for i, later in enumerate(values) if i)
    assert ("cumulative" in set(reconciled(rows).findings["rule"])) == shrinks


def test_a_count_above_several_later_ones_is_one_finding_naming_them_all():
    rows = [{**SERIES, "source_id": "s1", "period_end": "2021-08", "value": 1481.0}] + [
        {**SERIES, "source_id": f"s{i}", "period_end": f"202{i}-03", "value": value}
        for i, value in [(2, 606.0), (3, 610.0), (4, 1062.0)]]
    errors = reconciled(rows).findings.query("rule == 'cumulative' and severity == 'error'")
    assert len(errors) == 1
    for cited in ["1,481 (source s1, line 1) by 2021-08", "606 (source s2, line 1)", "610 (source s3, line 1)",
                  "1,062 (source s4, line 1)"]:
        assert cited in errors["message"].iloc[0]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(100, 1000), min_size=2, max_size=5, unique=True))
def test_one_finding_per_earlier_count_that_later_ones_fall_below(values):
    dates = ["2019", "2020", "2021", "2022", "2023"]
    rows = [{**SERIES, "period_start": "", "source_id": f"s{i}", "period_end": dates[i], "value": float(v)}
            for i, v in enumerate(values)]
    # each later figure is compared with the highest earlier one (all within ten times each other here)
    above = {max(values[:i]) for i, later in enumerate(values) if i and later < max(values[:i])}
    findings = reconciled(rows).findings
    assert len(findings.query("rule == 'cumulative' and severity == 'error'")) == len(above)


def test_a_running_total_falling_to_under_a_tenth_is_a_misread_part_not_a_drop():
    result = reconciled([{**SERIES, "source_id": "s1", "period_end": "2021-08", "value": 9404.0},
                         {**SERIES, "source_id": "s2", "period_end": "2022-03", "value": 33.0}])
    assert "cumulative" not in set(result.findings["rule"])
