"""Properties of the whole reconciliation on generated claim systems (hypothesis)."""

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from figcheck.reconcile.engine import reconcile
from tests.reconcile_strategies import CONFIG, SOURCES, claim_frame, claims, consistent_systems, with_claims

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(consistent_systems())
def test_a_consistent_system_has_no_error_or_warning(system):
    frame, _ = system
    result = reconcile(frame, SOURCES, CONFIG)
    assert with_claims(result).empty, with_claims(result)["message"].tolist()
    assert result.verdicts.empty


@SETTINGS
@given(consistent_systems(redundancy=True), st.data())
def test_changing_a_redundant_claim_is_found_and_named_most_likely_wrong(system, data):
    frame, redundant = system
    position = data.draw(st.sampled_from(redundant))
    shift = data.draw(st.sampled_from([-7.0, 1.0, 13.0, 250.0]))
    assume(frame.at[position, "value"] + shift >= 0)
    changed = frame.copy()
    changed.loc[position, ["value", "lower", "upper"]] = frame.at[position, "value"] + shift
    target = changed.at[position, "claim_id"]
    result = reconcile(changed, SOURCES, CONFIG)
    assert target in set(with_claims(result)["claim_id"])
    verdict = result.verdicts.set_index("claim_id")["verdict"]
    assert verdict.get(target) == "most_likely_wrong"
    assert (verdict == "most_likely_wrong").sum() == 1


@SETTINGS
@given(claims(), st.randoms(use_true_random=False))
def test_findings_and_ids_do_not_depend_on_row_order(frame, random):
    order = list(frame.index)
    random.shuffle(order)
    first = reconcile(frame, SOURCES, CONFIG)
    second = reconcile(frame.loc[order].reset_index(drop=True), SOURCES, CONFIG)
    pd.testing.assert_frame_equal(first.findings, second.findings)
    pd.testing.assert_frame_equal(first.finding_claims, second.finding_claims)
    pd.testing.assert_frame_equal(first.verdicts, second.verdicts)
    pd.testing.assert_frame_equal(first.reconciled, second.reconciled)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["2020-01", "2020-06", "2021-02", "2022-09", "2023-12"]),
                          st.integers(0, 1000)), min_size=2, max_size=8))
def test_event_figures_never_trigger_the_cumulative_rule(events):
    frame = claim_frame([{"source_id": f"s{i % 5}", "entity": "AA", "metric": "attendees", "scope": "event",
                          "period_start": date, "period_end": date, "value": float(value), "text": f"{value} people"}
                         for i, (date, value) in enumerate(events)])
    result = reconcile(frame, SOURCES, CONFIG)
    assert "cumulative" not in set(result.findings["rule"])


def test_the_same_figures_as_cumulative_counts_do_trigger_it():
    frame = claim_frame([{"source_id": "s1", "entity": "AA", "metric": "total", "period_end": "2021-08", "value": 500.0,
                          "qualifier": "gt"},
                         {"source_id": "s2", "entity": "AA", "metric": "total", "period_end": "2022-03", "value": 480.0}])
    result = reconcile(frame, SOURCES, CONFIG)
    assert list(result.findings["rule"]) == ["cumulative"]
