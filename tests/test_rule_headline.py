"""The headline rule: a document's first line agrees with its body's latest figure for the same
quantity and with the sum of the body's parts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reconcile_strategies import reconciled, stated_together

# Counts written in full are exact below ten thousand; a rounder, larger figure allows its rounding.
COUNTS_IN_FULL = 9_999

SAME = {"entity": "AA", "source_id": "s1", "period_end": "2021-08"}


def headline_findings(rows):
    findings = reconciled(rows).findings
    return findings.loc[findings["rule"] == "headline"]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, COUNTS_IN_FULL), st.integers(0, COUNTS_IN_FULL))
def test_a_headline_is_flagged_exactly_when_the_body_states_another_figure(head, body):
    rows = [{**SAME, "metric": "total", "value": float(head), "line": 1},
            {**SAME, "metric": "total", "value": float(body), "line": 5}]
    found = headline_findings(rows)
    # A figure several times below another of its document names a part the reading missed.
    assert len(found) == (head != body and stated_together(head, body))
    if len(found):
        assert f"the headline says {head:,}" in found["message"].iloc[0]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 5_000), st.integers(0, 5_000), st.integers(0, COUNTS_IN_FULL))
def test_a_headline_is_flagged_exactly_when_all_the_bodys_parts_miss_it(a, b, head):
    rows = [{**SAME, "metric": "total", "value": float(head), "line": 1},
            {**SAME, "metric": "total.a", "value": float(a), "line": 4},
            {**SAME, "metric": "total.b", "value": float(b), "line": 6}]
    assert len(headline_findings(rows)) == (a + b != head)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 5_000), st.integers(0, COUNTS_IN_FULL))
def test_some_of_the_parts_only_ever_exceed_the_headline(a, head):
    rows = [{**SAME, "metric": "total", "value": float(head), "line": 1},
            {**SAME, "metric": "total.a", "value": float(a), "line": 4}]
    assert len(headline_findings(rows)) == (a > head)


def test_a_figure_of_another_document_is_no_body_of_this_headline():
    rows = [{**SAME, "metric": "total", "value": 10.0, "line": 1},
            {**SAME, "source_id": "s2", "metric": "total", "value": 12.0, "line": 5}]
    assert headline_findings(rows).empty
