"""Agreement: claims on one quantity must share a value; intervals with open ends and tolerances."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reconcile_strategies import reconciled, stated_together, with_claims

# Counts written in full are exact below ten thousand; a rounder, larger figure allows its rounding.
COUNTS_IN_FULL = 9_999

UZ = {"entity": "AA", "metric": "total", "period_end": "2021-08"}


def test_two_exact_counts_that_differ_are_an_error_naming_both_and_the_gap():
    result = reconciled([{**UZ, "source_id": "s1", "value": 531.0}, {**UZ, "source_id": "s2", "value": 599.0}])
    found = result.findings
    assert list(found["rule"]) == ["agreement"] and list(found["severity"]) == ["error"]
    assert "531 (source s1, line 1)" in found.at[0, "message"] and "599 (source s2, line 1)" in found.at[0, "message"]
    assert "68 apart" in found.at[0, "message"]
    assert len(result.finding_claims) == 2


def test_more_than_and_an_exact_count_above_it_agree():
    result = reconciled([{**UZ, "source_id": "s1", "value": 2100.0, "qualifier": "gt"},
                         {**UZ, "source_id": "s2", "value": 2150.0}])
    assert with_claims(result).empty


def test_an_open_bound_excludes_its_own_value():
    result = reconciled([{**UZ, "source_id": "s1", "value": 2100.0, "qualifier": "gt"},
                         {**UZ, "source_id": "s2", "value": 2100.0}])
    assert list(result.findings["rule"]) == ["agreement"]


def test_about_allows_the_configured_tolerance_and_no_more():
    near = reconciled([{**UZ, "source_id": "s1", "value": 2200.0, "qualifier": "approx"},
                       {**UZ, "source_id": "s2", "value": 2300.0}])
    far = reconciled([{**UZ, "source_id": "s1", "value": 2200.0, "qualifier": "approx"},
                      {**UZ, "source_id": "s2", "value": 2400.0}])
    assert with_claims(near).empty
    assert list(far.findings["rule"]) == ["agreement"]


def test_different_periods_are_different_quantities_and_the_difference_is_info():
    result = reconciled([{**UZ, "source_id": "s1", "value": 400.0, "period_end": "2020"},
                         {**UZ, "source_id": "s2", "value": 599.0}])
    assert list(result.findings["severity"]) == ["info"]
    assert "periods" in result.findings.at[0, "message"] and "not a contradiction" in result.findings.at[0, "message"]


def test_event_figures_without_a_stated_date_are_never_compared():
    result = reconciled([{"entity": "AA", "metric": "attendees", "scope": "event", "source_id": "s1", "value": 110.0},
                         {"entity": "AA", "metric": "attendees", "scope": "event", "source_id": "s2", "value": 56.0}])
    assert result.findings.empty


@settings(max_examples=30, deadline=None)
@given(st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL))
def test_exact_counts_disagree_exactly_when_they_differ(a, b):
    result = reconciled([{**UZ, "source_id": "s1", "value": float(a)}, {**UZ, "source_id": "s2", "value": float(b)}])
    assert (list(result.findings["rule"]) == ["agreement"]) == (a != b)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL))
def test_figures_one_sentence_states_side_by_side_never_contradict_each_other(a, b, c):
    # "28 dead, including 4 on the last day", "58.59 %, against 66 % in 2019": read as one quantity,
    # two values of one sentence name none; a third source's figure is then compared with nothing.
    sentence = "one sentence stating both"
    result = reconciled([{**UZ, "source_id": "s1", "value": float(a), "quote": sentence},
                         {**UZ, "source_id": "s1", "value": float(b), "quote": sentence},
                         {**UZ, "source_id": "s2", "value": float(c)}])
    clash = list(result.findings["rule"]) == ["agreement"]
    assert clash == (a == b != c)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL))
def test_one_paragraphs_figures_of_one_automatic_metric_are_list_items_not_one_quantity(a, b):
    # "A gained 2,338,381 votes. B, the party obtained 1,524,255 votes": two sentences of one line
    # whose noun-made metric does not keep who each figure is of.
    automatic = {**UZ, "metric": "auto:vote", "source_id": "s1", "line": 5}
    result = reconciled([{**automatic, "value": float(a), "quote": "A gained votes."},
                         {**automatic, "value": float(b), "quote": "B obtained votes."}])
    assert result.findings.empty
    # a configured metric is the user's word that the figures are one quantity
    configured = reconciled([{**automatic, "metric": "total", "value": 30.0, "quote": "A gained votes."},
                             {**automatic, "metric": "total", "value": 32.0, "quote": "B obtained votes."}])
    assert list(configured.findings["rule"]) == ["agreement"]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL))
def test_one_sources_different_values_of_one_automatic_metric_name_no_quantity(a, b, c):
    # "the initial 10.4 million figure" (line 15) and "the 20 million figure" (line 19): the noun-made
    # metric does not keep whose figure each is; another source's figure of that metric still compares.
    automatic = {**UZ, "metric": "auto:figure", "scope": "cumulative"}
    result = reconciled([{**automatic, "source_id": "s1", "line": 15, "value": float(a), "quote": "first"},
                         {**automatic, "source_id": "s1", "line": 19, "value": float(b), "quote": "second"},
                         {**automatic, "source_id": "s2", "line": 3, "value": float(c), "quote": "third"}])
    clash = list(result.findings["rule"]) == ["agreement"]
    assert clash == (a == b != c)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, COUNTS_IN_FULL), st.integers(1, COUNTS_IN_FULL))
def test_one_source_never_states_one_quantity_three_times_apart_except_by_a_slip_of_scale(a, b):
    # "26.2 million children out of school" and, sentences later, "10.77 million children aged 5 to 9"
    # read as the same quantity: the smaller names a part the reading missed; other sources' gaps are
    # reported. "42 billion" above "$4.2 billion" is a slip of scale, and reported.
    rows = [{**UZ, "source_id": "s1", "value": float(a), "quote": "first sentence"},
            {**UZ, "source_id": "s1", "value": float(b), "quote": "second sentence"}]
    clash = list(reconciled(rows).findings["rule"]) == ["agreement"]
    assert clash == (a != b and stated_together(a, b))
    across = [{**row, "source_id": f"s{k}"} for k, row in enumerate(rows)]
    assert (list(reconciled(across).findings["rule"]) == ["agreement"]) == (a != b)


@pytest.mark.parametrize("high, low, reported", [(42e9, 4.2e9, True), (5300.0, 3254.0, True), (1062.0, 265.0, False)])
def test_one_source_s_figures_far_apart_are_one_quantity_only_by_a_slip_of_scale(high, low, reported):
    rows = [{**UZ, "source_id": "s1", "value": high, "quote": "headline"},
            {**UZ, "source_id": "s1", "value": low, "quote": "body"}]
    assert (list(reconciled(rows).findings["rule"]) == ["agreement"]) == reported


@settings(max_examples=40, deadline=None)
@given(st.integers(10, 999), st.integers(-100, 100))
def test_a_figure_agrees_with_any_it_may_be_rounded_from_and_no_other(tenths, thousandths):
    # "26.2 million" stands for 26.15 to 26.25 million, "26.215 million" for 26.2145 to 26.2155.
    rounded, precise = tenths / 10, tenths / 10 + thousandths / 1000
    rows = [{**UZ, "source_id": "s1", "value": round(rounded * 1e6), "text": f"{rounded:.1f} million"},
            {**UZ, "source_id": "s2", "value": round(precise * 1e6), "text": f"{precise:.3f} million"}]
    clash = list(reconciled(rows).findings["rule"]) == ["agreement"]
    assert clash == (abs(thousandths) > 50)


def test_large_round_counts_and_whole_percentages_are_rounded_but_counts_in_full_are_exact():
    def clash(a, a_text, b, b_text, kind="count"):
        rows = [{**UZ, "source_id": "s1", "value": a, "text": a_text, "kind": kind},
                {**UZ, "source_id": "s2", "value": b, "text": b_text, "kind": kind}]
        return list(reconciled(rows).findings["rule"]) == ["agreement"]
    assert not clash(89000, "89,000", 89124, "89,124")      # to the thousand
    assert clash(89000, "89,000", 89600, "89,600")
    assert not clash(84, "84%", 84.16, "84.16%", "percent")
    assert clash(125, "125", 126, "126") and clash(1000, "1,000", 1020, "1,020")


def test_rounding_never_allows_more_than_about_does():
    rows = [{**UZ, "source_id": "s1", "value": 10000.0, "text": "10,000"},
            {**UZ, "source_id": "s2", "value": 6000.0, "text": "6,000"}]
    assert list(reconciled(rows).findings["rule"]) == ["agreement"]  # not 5,000 to 15,000
