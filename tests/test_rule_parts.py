"""Parts and totals: a full breakdown adds up, a partial one never exceeds its total."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.reconcile_strategies import reconciled, with_claims

BASE = {"source_id": "s1", "entity": "AA", "period_start": "2019-05", "period_end": "2022-11", "line": 13}


def breakdown(total, a=None, b=None, qualifier="eq"):
    rows = [{**BASE, "metric": "total", "value": float(total), "qualifier": qualifier, "text": f"{total}"}]
    rows += [{**BASE, "metric": "total.a", "value": float(a), "text": f"{a} a"}] if a is not None else []
    rows += [{**BASE, "metric": "total.b", "value": float(b), "text": f"{b} b"}] if b is not None else []
    return rows


def test_a_full_breakdown_that_does_not_add_up_shows_the_arithmetic():
    result = reconciled(breakdown(531, 331, 152))
    message = result.findings.at[0, "message"]
    assert list(result.findings["rule"]) == ["parts"]
    assert "331 + 152 = 483, but the total is 531 (source s1, line 13)" in message
    assert "48 short" in message
    roles = result.finding_claims["role"].value_counts().to_dict()
    assert roles == {"part": 2, "total": 1}


def test_a_partial_breakdown_below_its_total_is_fine():
    assert reconciled(breakdown(595, 156)).findings.empty


def test_a_partial_breakdown_above_its_total_is_an_error():
    result = reconciled(breakdown(500, 562))
    assert list(result.findings["rule"]) == ["parts"]
    assert "Only some parts are stated" in result.findings.at[0, "message"]


def test_parts_tied_by_part_of_count_even_on_another_line():
    rows = breakdown(100)
    rows += [{**BASE, "line": 14, "metric": "total.a", "value": 70.0, "text": "70 a", "part_of": "TOTAL"},
             {**BASE, "line": 14, "metric": "total.b", "value": 40.0, "text": "40 b", "part_of": "TOTAL"}]
    rows[0]["claim_id"] = "TOTAL"
    assert list(reconciled(rows).findings["rule"]) == ["parts"]


def test_a_total_stated_as_a_lower_bound_accepts_larger_sums():
    assert with_claims(reconciled(breakdown(100, 60, 45, qualifier="gt"))).empty


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.integers(-3, 3))
def test_a_full_breakdown_is_flagged_exactly_when_it_does_not_add_up(a, b, error):
    result = reconciled(breakdown(max(a + b + error, 0), a, b))
    assert ("parts" in set(result.findings["rule"])) == (max(a + b + error, 0) != a + b)


def test_a_total_whose_metric_declares_a_single_part_is_never_a_complete_breakdown():
    from figcheck.claims.config import parse_config
    from tests.reconcile_strategies import CONFIG_TEXT

    config = parse_config(CONFIG_TEXT.replace('[metrics."total.b"]\nscope = "cumulative"\npart_of = "total"\n', ""))
    assert "total.b" not in config.metrics
    assert with_claims(reconciled(breakdown(1200, 400), config)).empty
    assert list(reconciled(breakdown(300, 400), config).findings["rule"]) == ["parts"]  # a part above its total still is


def test_a_part_stated_twice_counts_once_and_parts_without_a_metric_each_count():
    rows = breakdown(100, 30)
    rows += [{**BASE, "line": 14, "metric": "total.a", "value": 35.0, "text": "35 a"},
             {**BASE, "line": 15, "metric": "", "value": 40.0, "text": "40", "part_of": "TOTAL"},
             {**BASE, "line": 16, "metric": "", "value": 45.0, "text": "45", "part_of": "TOTAL"}]
    rows[0]["claim_id"] = "TOTAL"
    message = reconciled(rows).findings.set_index("rule").at["parts", "message"]
    assert "30 + 40 + 45 = between 115 and 120" in message


def test_a_part_ten_times_its_total_in_one_document_is_no_tie():
    # "89,000 children aged 6 to 16, including 47,849 boys" read with the age 16 as the total
    assert with_claims(reconciled(breakdown(16, 47849))).empty
    assert not with_claims(reconciled(breakdown(16, 47))).empty
