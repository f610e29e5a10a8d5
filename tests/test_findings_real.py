"""Findings an editor can trust, on real news excerpts (tests/data/findings/SOURCES.md): same-day
updates, wire copies, headline against body, a partial figure against the whole, and a correction
that would be implausible."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from figcheck.claims.config import parse_config
from figcheck.reconcile.engine import reconcile
from tests.findings_excerpts import CONFIG, claim, claims_frame, sources_frame

CFG = parse_config(CONFIG)


def run(rows, published=None, config=CFG):
    claims = claims_frame(rows)
    return reconcile(claims, sources_frame(sorted(set(claims["source_id"])), published), config)


def serious(result):
    return result.findings.loc[result.findings["severity"] != "info"]


def members(result, finding_id):
    return set(result.finding_claims.loc[result.finding_claims["finding_id"] == finding_id, "claim_id"])


# ---- same-day updates -------------------------------------------------------------------------

INJURED_ON_THE_DAY = [("reuters", "57"), ("efe", "143"), ("fe", "72")]


def test_the_clock_reads_friday_evening_as_the_hour_of_the_figure():
    assert claim("fe", "72", "injured")["time"] == "19:00"
    assert claim("reuters", "57", "injured")["time"] == ""


def test_a_count_reported_three_times_on_one_day_is_one_update_not_a_contradiction():
    rows = [claim(s, figure, "injured") for s, figure in INJURED_ON_THE_DAY]
    result = run(rows)
    assert serious(result).empty
    updates = result.findings.loc[result.findings["message"].str.contains("updated during the day")]
    assert len(updates) == 1 and updates["severity"].tolist() == ["info"]
    assert "the highest, 143 (source efe, line 7), is taken as the latest" in updates["message"].iloc[0]
    assert members(result, updates["finding_id"].iloc[0]) == {r["claim_id"] for r in rows}


def test_two_figures_stated_for_the_same_moment_still_disagree():
    rows = [claim("fe", "72", "injured"), claim("efe", "143", "injured", time="19:00")]
    result = run(rows)
    assert serious(result)["rule"].tolist() == ["agreement"]


# ---- wire copies --------------------------------------------------------------------------------

def test_a_reprinted_wire_sentence_is_one_statement():
    rows = [claim("reuters", "57", "injured"), claim("chinadaily", "57", "injured"), claim("scroll", "57", "injured")]
    result = run(rows)
    copies = result.copies.set_index("claim_id")["statement"]
    assert set(copies.index) == {rows[0]["claim_id"], rows[1]["claim_id"]}  # scroll.in wrote its own sentence
    assert copies.nunique() == 1 and copies.iloc[0] in copies.index


def test_the_solver_counts_a_reprinted_figure_once():
    # A registry that records months only: every injured figure of October is one quantity.
    month = {s: "2018-10" for s in ("reuters", "chinadaily", "efe", "scroll")}
    copied = [claim("reuters", "57", "injured"), claim("chinadaily", "57", "injured"), claim("efe", "143", "injured")]
    verdicts = run(copied, month).verdicts.set_index("claim_id")["verdict"]
    assert verdicts.tolist() == ["possibly_wrong"] * 3  # one statement of 57 against one of 143: cannot tell
    independent = copied + [claim("scroll", "57", "injured")]
    verdicts = run(independent, month).verdicts.set_index("claim_id")["verdict"]
    assert verdicts.to_dict() == {copied[2]["claim_id"]: "most_likely_wrong"}


# ---- headline against body ----------------------------------------------------------------------

def sri_lanka():
    return [claim("lk", "253", "killed", "LK"), claim("lk", "359", "killed", "LK", period_end="2019-04-24"),
            claim("lk", "253", "killed", "LK", nth=1), claim("lk", "250", "killed", "LK"),
            claim("lk", "359", "killed", "LK", nth=1, period_end="2019-04-24")]


def test_a_headline_figure_the_body_contradicts_is_found():
    rows = sri_lanka()
    result = run(rows)
    headline = result.findings.loc[result.findings["rule"] == "headline"]
    assert len(headline) == 1 and headline["severity"].iloc[0] == "error"
    assert "the headline says 253 (source lk, line 1) but the body says" in headline["message"].iloc[0]
    assert "250 (source lk, line 3)" in headline["message"].iloc[0]
    assert {rows[0]["claim_id"], rows[3]["claim_id"]} <= members(result, headline["finding_id"].iloc[0])


def austin(stable: str = "12", value: float | None = None):
    return [claim("austin", "14", "injured", "US"), claim("austin", "13", "injured", "US", period_end="2021-06-11"),
            claim("austin", "Two", "injured.critical", "US", value=2), claim("austin", stable, "injured.stable", "US", value=value)]


def test_a_headline_matching_the_sum_of_the_bodys_parts_is_no_finding():
    assert run(austin()).findings.loc[lambda f: f["rule"] == "headline"].empty


def test_a_headline_above_the_sum_of_all_the_bodys_parts_is_found():
    result = run(austin(value=11))  # as if the body read "11 have been in steady situation"
    headline = result.findings.loc[result.findings["rule"] == "headline"]
    assert headline["message"].str.contains("the body's parts add up to only 13").tolist() == [True]


# ---- a partial figure against the whole ---------------------------------------------------------

def hospital(note: str):
    return [claim("scroll", "57", "injured"), claim("scroll", "80", "injured", qualifier="ge", note=note)]


def test_a_figure_for_one_hospital_never_contradicts_the_whole_count():
    assert not serious(run(hospital(""))).empty  # read as the whole, one hospital's 80 contradicts 57
    assert serious(run(hospital("part: at Amritsar Civil Hospital"))).empty


def test_a_partial_figure_never_shrinks_a_running_total():
    rows = [claim("scroll", "80", "injured", qualifier="ge", note="part: at Amritsar Civil Hospital"),
            claim("reuters", "57", "injured", period_end="2018-10-21")]
    assert serious(run(rows)).empty
    rows[0]["note"] = ""
    assert serious(run(rows))["rule"].tolist() == ["cumulative"]


def test_parts_covering_only_some_of_the_dead_stay_below_the_whole():
    rows = [claim("bihar", "18", "killed", qualifier="ge"), claim("bihar", "Eight", "killed.children", value=8),
            claim("bihar", "six", "killed.women", value=6)]
    assert serious(run(rows)).empty


# ---- an implausible suggestion suppressed --------------------------------------------------------

def test_no_figure_is_suggested_where_none_within_the_stated_ones_satisfies_every_relation():
    # Declared as the two parts of the dead, "identified" and "cremated" (40 + 36) cannot make 59: every
    # correction would need a figure beyond any the article states.
    config = parse_config(CONFIG + """
[metrics."killed.identified"]
scope = "cumulative"
part_of = "killed"
[metrics."killed.cremated"]
scope = "cumulative"
part_of = "killed"
""")
    rows = [claim("fe", "59", "killed", nth=1), claim("fe", "Forty", "killed.identified", value=40),
            claim("fe", "36", "killed.cremated")]
    result = run(rows, config=config)
    assert serious(result)["rule"].tolist() == ["parts"]
    verdicts = result.verdicts
    assert len(verdicts) and verdicts["verdict"].isin(["most_likely_wrong", "possibly_wrong"]).all()
    assert verdicts["suggested"].isna().all()
    assert verdicts["note"].str.contains("no single figure satisfies every relation").all()


def test_a_reprint_does_not_make_a_value_agreed():
    month = {s: "2018-10" for s in ("reuters", "chinadaily", "scroll")}
    copied = run([claim("reuters", "57", "injured"), claim("chinadaily", "57", "injured")], month).reconciled
    assert copied["status"].tolist() == ["single source"]
    independent = run([claim("reuters", "57", "injured"), claim("scroll", "57", "injured")], month).reconciled
    assert independent["status"].tolist() == ["agreed"]
