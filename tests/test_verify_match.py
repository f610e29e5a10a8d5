"""Verdicts of `figcheck.reconcile.verify` on hand-built, schema-validated claim and reconciliation frames."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.checks.schemas import Claim, Finding, FindingClaim, Reconciled, Source
from figcheck.claims.config import parse_config
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.reconcile.verify import format_interval, verify

INF = math.inf
CONFIG = parse_config("")

SOURCES = Source.validate(pd.DataFrame([
    {"source_id": "wire", "file": "wire.txt", "title": "Ministry update", "publisher": "Wire Service",
     "published": "2023-02-01", "period_start": "", "period_end": "2023-02-01", "language": "en", "url": ""},
    {"source_id": "brief", "file": "brief.txt", "title": "Research brief", "publisher": "Institute",
     "published": "2023-05-10", "period_start": "", "period_end": "2023-05-10", "language": "en", "url": ""},
]))

_INTERVALS = {"eq": lambda v: (v, v), "gt": lambda v: (v, INF), "ge": lambda v: (v, INF),
              "lt": lambda v: (-INF, v), "le": lambda v: (-INF, v), "approx": lambda v: (v * 0.95, v * 1.05)}


def claim(claim_id, value, qualifier="eq", *, source="wire", line=1, entity="AA", metric="arrivals",
          scope="cumulative", start="", end="2023-01", part_of="", status="candidate", text=None, start_at=0):
    lower, upper = _INTERVALS[qualifier](value)
    text = text or f"{value:g}"
    return {"claim_id": claim_id, "source_id": source, "line": line, "char_start": start_at,
            "char_end": start_at + len(text), "text": text, "quote": f"It said {text}.", "value": value,
            "qualifier": qualifier, "lower": lower, "upper": upper, "unit": "people", "kind": "count",
            "entity": entity, "metric": metric, "scope": scope, "period_start": start, "period_end": end,
            "part_of": part_of, "method": "auto", "status": status, "note": "", "source_sha256": "",
            "auto_digest": ""}


def claims_frame(*rows) -> pd.DataFrame:
    return Claim.validate(pd.DataFrame(list(rows), columns=CLAIM_COLUMNS))


def quantity(name, value=None, lower=None, upper=None, *, status="single source", entity="AA", metric="arrivals",
             scope="cumulative", start="", end="2023-01", claims_for="", claims_against=""):
    lower = value if lower is None else lower
    upper = value if upper is None else upper
    return {"quantity": name, "entity": entity, "metric": metric, "scope": scope, "period_start": start,
            "period_end": end, "value": value, "lower": lower, "upper": upper, "status": status,
            "preferred_claim": claims_for.split(";")[0], "reason": "", "claims_for": claims_for,
            "claims_against": claims_against, "citation": ""}


def reconciliation(reconciled=(), findings=(), links=()):
    return SimpleNamespace(
        reconciled=Reconciled.validate(pd.DataFrame(list(reconciled), columns=list(Reconciled.to_schema().columns))),
        findings=Finding.validate(pd.DataFrame(list(findings), columns=list(Finding.to_schema().columns))),
        finding_claims=FindingClaim.validate(pd.DataFrame(list(links), columns=["finding_id", "claim_id", "role"])),
    )


def finding(finding_id, message, *, severity="error", rule="agreement"):
    return {"finding_id": finding_id, "rule": rule, "severity": severity, "entity": "AA", "metric": "arrivals",
            "scope": "cumulative", "period": "", "message": message}


NO_SELF_FINDINGS = reconciliation()


def run(draft_rows, workspace_claims, workspace, self_check=NO_SELF_FINDINGS):
    draft = claims_frame(*draft_rows)
    return verify(draft, workspace, self_check, workspace_claims, SOURCES, CONFIG)


def one(draft_row, workspace_claims, workspace):
    return run([draft_row], workspace_claims, workspace).figures.iloc[0]


# One source says 595 arrivals as of January 2023.
WS_CLAIMS = claims_frame(claim("wire-1", 595, line=4))
WS = reconciliation([quantity("AA arrivals ..2023-01", 595, claims_for="wire-1")])


def draft_claim(value, qualifier="eq", **kw):
    kw.setdefault("end", "2024-03-01")
    return claim(kw.pop("claim_id", "draft-1"), value, qualifier, source="draft", **kw)


def test_equal_figure_is_supported_and_cites_its_source():
    fig = one(draft_claim(595), WS_CLAIMS, WS)
    assert fig["status"] == "supported"
    assert fig["reference"] == "595"
    assert "595 (source wire, line 4)" in fig["message"]


def test_different_figure_is_contradicted_and_says_what_the_source_says():
    fig = one(draft_claim(650), WS_CLAIMS, WS)
    assert fig["status"] == "contradicted"
    assert fig["reference"] == "595"
    assert "650" in fig["message"] and "595" in fig["message"]


@pytest.mark.parametrize("value, qualifier, expected", [
    (2000, "gt", "supported"),      # more than 2,000 holds for 2,199
    (2199, "ge", "supported"),      # at least 2,199
    (2200, "gt", "contradicted"),   # more than 2,200 does not
    (2100, "approx", "supported"),  # about 2,100 stands for 1,995..2,205
    (2000, "approx", "contradicted"),
    (2500, "lt", "supported"),
    (2199, "lt", "contradicted"),   # less than 2,199 excludes 2,199 itself
])
def test_qualifiers_are_intervals(value, qualifier, expected):
    ws_claims = claims_frame(claim("wire-1", 2199))
    ws = reconciliation([quantity("q", 2199, claims_for="wire-1")])
    assert one(draft_claim(value, qualifier), ws_claims, ws)["status"] == expected


def test_a_strict_bound_in_the_sources_is_not_met_by_the_bound_itself():
    ws_claims = claims_frame(claim("wire-1", 2100, "gt"))
    ws = reconciliation([quantity("q", 2100, 2100, INF, claims_for="wire-1")])
    assert one(draft_claim(2100), ws_claims, ws)["status"] == "contradicted"
    supported = one(draft_claim(2150), ws_claims, ws)
    assert supported["status"] == "supported"
    assert supported["reference"] == "more than 2,100"


def test_rule_tolerance_widens_agreement():
    config = parse_config("[rules.agreement]\ntolerance = 0.1\n")
    draft = claims_frame(draft_claim(640))
    figures = verify(draft, WS, NO_SELF_FINDINGS, WS_CLAIMS, SOURCES, config).figures
    assert figures.iloc[0]["status"] == "supported"


def test_disputed_quantity_names_the_figures_the_sources_give():
    ws_claims = claims_frame(claim("wire-1", 531, line=13), claim("brief-1", 599, source="brief", line=10))
    ws = reconciliation([quantity("q", None, 531, 599, status="disputed", claims_for="brief-1",
                                  claims_against="wire-1")])
    for value in (531, 599, 800):
        fig = one(draft_claim(value), ws_claims, ws)
        assert fig["status"] == "disputed"
        assert fig["reference"] == "531 vs 599"
        assert "531 (source wire, line 13) vs 599 (source brief, line 10)" in fig["message"]


def test_an_error_finding_on_a_claim_of_the_quantity_makes_it_disputed():
    ws = reconciliation([quantity("q", 595, claims_for="wire-1")],
                        [finding("ab" * 8, "150 + 400 = 550, but the total is 595")],
                        [{"finding_id": "ab" * 8, "claim_id": "wire-1", "role": "total"}])
    fig = one(draft_claim(595), WS_CLAIMS, ws)
    assert fig["status"] == "disputed"
    assert fig["findings"] == "ab" * 8
    assert "150 + 400 = 550, but the total is 595" in fig["message"]


def test_warnings_do_not_dispute_a_quantity():
    ws = reconciliation([quantity("q", 595, claims_for="wire-1")],
                        [finding("cd" * 8, "the group total looks low", severity="warning")],
                        [{"finding_id": "cd" * 8, "claim_id": "wire-1", "role": "member"}])
    assert one(draft_claim(595), WS_CLAIMS, ws)["status"] == "supported"


@pytest.mark.parametrize("change, reason", [
    ({"entity": "BB"}, "BB arrivals"),
    ({"metric": "departures"}, "AA departures"),
    ({"end": "2022-06-30"}, "only for ..2023-01"),  # the only figure is later than the draft's
    ({"metric": ""}, "vocabulary"),
])
def test_nothing_covering_the_figure_is_unverifiable(change, reason):
    fig = one(draft_claim(595, **change), WS_CLAIMS, WS)
    assert fig["status"] == "unverifiable"
    assert fig["reference"] == ""
    assert reason in fig["message"]


def test_cumulative_figure_is_matched_to_the_latest_period_not_after_its_own():
    ws_claims = claims_frame(claim("wire-1", 500, end="2021-08"), claim("brief-1", 700, source="brief", end="2023-01"))
    ws = reconciliation([quantity("early", 500, end="2021-08", claims_for="wire-1"),
                         quantity("late", 700, end="2023-01", claims_for="brief-1")])
    assert one(draft_claim(500, end="2022-06-15"), ws_claims, ws)["status"] == "supported"
    later = one(draft_claim(500, end="2024-01-01"), ws_claims, ws)
    assert (later["status"], later["quantity"], later["reference"]) == ("contradicted", "late", "700")
    # a year-precision period end reaches to the end of that year
    assert one(draft_claim(700, end="2023"), ws_claims, ws)["quantity"] == "late"
    # no date at all: the latest there is
    assert one(draft_claim(700, end=""), ws_claims, ws)["status"] == "supported"


def test_a_stated_start_must_be_compatible():
    ws_claims = claims_frame(claim("wire-1", 500, start="2019-05"))
    ws = reconciliation([quantity("q", 500, start="2019-05", claims_for="wire-1")])
    assert one(draft_claim(500, start="2019"), ws_claims, ws)["status"] == "supported"
    assert one(draft_claim(500, start="2021"), ws_claims, ws)["status"] == "unverifiable"


def test_group_entities_match_whatever_the_order_of_members():
    ws_claims = claims_frame(claim("wire-1", 2100, "gt", entity="CC+AA+BB"))
    ws = reconciliation([quantity("q", 2100, 2100, INF, entity="CC+AA+BB", claims_for="wire-1")])
    assert one(draft_claim(2000, "gt", entity="AA+BB+CC"), ws_claims, ws)["status"] == "supported"


def test_events_are_matched_by_their_dates_only():
    ws_claims = claims_frame(claim("wire-1", 110, "gt", metric="attendees", scope="event", start="2022-12-05",
                                   end="2022-12-06", entity=""))
    ws = reconciliation([quantity("q", 110, 110, INF, metric="attendees", scope="event", start="2022-12-05",
                                  end="2022-12-06", entity="", claims_for="wire-1")])
    same_day = draft_claim(100, "gt", metric="attendees", scope="event", start="2022-12-05", end="2022-12-05", entity="")
    assert one(same_day, ws_claims, ws)["status"] == "supported"
    # an event on another date is another event, however close the figures
    other_day = draft_claim(110, "gt", metric="attendees", scope="event", start="2023-04-30", end="2023-04-30",
                            entity="")
    assert one(other_day, ws_claims, ws)["status"] == "unverifiable"
    undated = draft_claim(110, "gt", metric="attendees", scope="event", end="", entity="")
    assert "no date" in one(undated, ws_claims, ws)["message"]


def test_scope_must_agree_when_both_state_it():
    event = draft_claim(595, scope="event", start="2023-01", end="2023-01")
    assert one(event, WS_CLAIMS, WS)["status"] == "unverifiable"


def test_the_drafts_own_errors_are_tied_to_its_figures():
    total = draft_claim(531, claim_id="draft-t", start_at=0, line=3)
    part = draft_claim(331, claim_id="draft-p", part_of="draft-t", metric="arrivals.children", start_at=10, line=3)
    self_check = reconciliation(
        findings=[finding("ef" * 8, "331 = 331, but the total is 531", rule="parts"),
                  finding("12" * 8, "just so", severity="info")],
        links=[{"finding_id": "ef" * 8, "claim_id": "draft-t", "role": "total"},
               {"finding_id": "ef" * 8, "claim_id": "draft-p", "role": "part"},
               {"finding_id": "12" * 8, "claim_id": "draft-p", "role": "part"}])
    result = run([part, total], WS_CLAIMS, WS, self_check)
    assert list(result.draft_findings["finding_id"]) == ["ef" * 8]
    assert list(result.figures["draft_findings"]) == ["ef" * 8, "ef" * 8]
    assert list(result.figures["figure"]) == [1, 2] and list(result.figures["value"]) == [531, 331]
    assert result.has_contradictions


def test_rejected_draft_claims_are_not_figures_and_summary_counts():
    rows = [draft_claim(595, claim_id="d1", start_at=0), draft_claim(650, claim_id="d2", start_at=10),
            draft_claim(1, claim_id="d3", start_at=20, status="rejected")]
    result = run(rows, WS_CLAIMS, WS)
    assert result.counts == {"supported": 1, "contradicted": 1, "disputed": 0, "unverifiable": 0}
    assert result.has_contradictions
    assert not run(rows[:1], WS_CLAIMS, WS).has_contradictions


def test_evidence_lists_the_cited_claims_with_their_source():
    result = run([draft_claim(650)], WS_CLAIMS, WS)
    row = result.evidence.iloc[0]
    assert (row["claim_id"], row["role"], row["publisher"], row["line"]) == ("wire-1", "for", "Wire Service", 4)


def test_verdicts_do_not_depend_on_row_order():
    ws_claims = claims_frame(claim("wire-1", 500, end="2021-08"), claim("brief-1", 700, source="brief", end="2023-01"),
                             claim("wire-2", 40, metric="arrivals.men", end="2023-01"))
    rows = [quantity("early", 500, end="2021-08", claims_for="wire-1"),
            quantity("late", 700, end="2023-01", claims_for="brief-1"),
            quantity("men", 40, metric="arrivals.men", end="2023-01", claims_for="wire-2")]
    drafts = [draft_claim(700, claim_id="d1", start_at=0), draft_claim(41, claim_id="d2", metric="arrivals.men",
                                                                       start_at=10)]
    forward = run(drafts, ws_claims, reconciliation(rows)).figures
    backward = run(drafts[::-1], ws_claims.iloc[::-1], reconciliation(rows[::-1])).figures
    pd.testing.assert_frame_equal(forward, backward)


def test_empty_draft_gives_empty_result():
    result = run([], WS_CLAIMS, WS)
    assert result.figures.empty and not result.has_contradictions


@pytest.mark.parametrize("lower, upper, lower_open, upper_open, words", [
    (595, 595, False, False, "595"),
    (2100, INF, True, False, "more than 2,100"),
    (2100, INF, False, False, "at least 2,100"),
    (-INF, 40, True, True, "less than 40"),
    (95, 105, False, False, "between 95 and 105"),
    (1.5, 1.5, False, False, "1.5"),
])
def test_intervals_read_as_an_editor_writes_them(lower, upper, lower_open, upper_open, words):
    assert format_interval(lower, upper, lower_open, upper_open) == words


# Counts written in full below ten thousand are exact; a larger round figure allows its rounding.
@settings(max_examples=25, deadline=None)
@given(source=st.integers(0, 9_999),
       drafts=st.lists(st.tuples(st.integers(0, 9_999), st.sampled_from(["eq", "gt", "ge", "lt", "le"])),
                       min_size=1, max_size=8))
def test_a_settled_exact_value_supports_exactly_the_intervals_holding_it(source, drafts):
    ws_claims = claims_frame(claim("wire-1", source))
    ws = reconciliation([quantity("q", source, claims_for="wire-1")])
    rows = [draft_claim(value, qualifier, claim_id=f"d{i}", start_at=10 * i) for i, (value, qualifier) in enumerate(drafts)]
    holds = {"eq": source.__eq__, "gt": source.__gt__, "ge": source.__ge__, "lt": source.__lt__, "le": source.__le__}
    expected = ["supported" if holds[qualifier](value) else "contradicted" for value, qualifier in drafts]
    assert list(run(rows, ws_claims, ws).figures["status"]) == expected


def test_a_count_dated_to_one_span_is_compared_with_the_event_of_that_span():
    ws_claims = claims_frame(claim("wire-1", 79, scope="event", start="2021-03", end="2021-03"))
    ws = reconciliation([quantity("q", 79, scope="event", start="2021-03", end="2021-03", claims_for="wire-1")])
    in_march = draft_claim(79, start="2021-03", end="2021-03")  # "in March 2021, 79 came back"
    assert one(in_march, ws_claims, ws)["status"] == "supported"
    so_far = draft_claim(79, end="2021-03")  # a running total as of March 2021 is another quantity
    assert one(so_far, ws_claims, ws)["status"] == "unverifiable"


def test_a_later_higher_running_total_is_contradicted_with_a_hint_about_growth():
    grown = one(draft_claim(650, end="2024-03-01"), WS_CLAIMS, WS)
    assert grown["status"] == "contradicted" and "grown since 2023-01" in grown["message"]
    lower = one(draft_claim(500, end="2024-03-01"), WS_CLAIMS, WS)  # a running total cannot shrink
    assert lower["status"] == "contradicted" and "grown" not in lower["message"]
