"""Error localisation: the smallest weighted set of claims whose correction makes every rule hold."""

from dataclasses import replace

import pandas as pd

from tests.reconcile_strategies import CONFIG, reconciled

SAME = {"entity": "AA", "metric": "total", "period_end": "2021-08"}


def verdicts(result) -> dict[str, str]:
    return result.verdicts.set_index("claim_id")["verdict"].to_dict()


def test_two_sources_alone_cannot_tell_which_is_wrong():
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0}, {**SAME, "source_id": "s2", "value": 7.0}])
    assert sorted(verdicts(result).values()) == ["possibly_wrong", "possibly_wrong"]
    assert "cannot tell" in result.verdicts.at[0, "note"]
    assert "Possibly wrong" in result.findings.at[0, "message"]


def test_the_odd_one_out_of_three_is_most_likely_wrong_and_gets_the_others_value():
    rows = [{**SAME, "source_id": s, "value": v} for s, v in (("s1", 5.0), ("s2", 5.0), ("s3", 7.0))]
    result = reconciled(rows)
    odd = result.verdicts.iloc[0]
    assert len(result.verdicts) == 1 and odd["claim_id"].startswith("s3") and odd["verdict"] == "most_likely_wrong"
    assert odd["suggested"] == 5.0
    assert "Most likely wrong: 7 (source s3, line 1)" in result.findings.at[0, "message"]


def test_a_less_reliable_source_is_the_one_to_doubt():
    config = replace(CONFIG, source_reliability={"s2": 0.5})
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0}, {**SAME, "source_id": "s2", "value": 7.0}], config)
    assert verdicts(result) == {result.verdicts.at[0, "claim_id"]: "most_likely_wrong"}
    assert result.verdicts.at[0, "claim_id"].startswith("s2")


def test_a_confirmed_claim_costs_more_to_call_wrong():
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0, "status": "confirmed"},
                         {**SAME, "source_id": "s2", "value": 7.0}])
    assert list(result.verdicts["claim_id"].str[:2]) == ["s2"]
    assert list(result.verdicts["verdict"]) == ["most_likely_wrong"]


def test_a_breakdown_that_adds_up_outvotes_one_that_does_not():
    def report(source, end, total, a, b):
        base = {"source_id": source, "entity": "AA", "period_start": "2019-05", "period_end": end, "line": 10}
        return [{**base, "metric": "rounds", "value": 5.0, "text": "5 rounds"},
                {**base, "metric": "total", "value": float(total), "text": f"{total}"},
                {**base, "metric": "total.a", "value": float(a), "text": f"{a} a"},
                {**base, "metric": "total.b", "value": float(b), "text": f"{b} b"}]
    result = reconciled(report("s1", "2022-11", 531, 331, 152) + report("s2", "2021-08", 599, 471, 128))
    wrong = result.verdicts.loc[result.verdicts["verdict"] == "most_likely_wrong", "claim_id"]
    assert len(wrong) == 3 and set(wrong.str[:2]) == {"s1"}


def test_a_component_larger_than_the_limit_is_reported_unsolved():
    config = replace(CONFIG, solver_max_component=2)
    rows = [{**SAME, "source_id": s, "value": v} for s, v in (("s1", 5.0), ("s2", 5.0), ("s3", 7.0))]
    result = reconciled(rows, config)
    assert len(result.unsolved) == 1 and "solver.max_component" in result.unsolved[0]
    assert set(result.verdicts["verdict"]) == {"undetermined"}


def test_more_ties_than_the_cap_leave_the_verdict_undetermined():
    config = replace(CONFIG, solver_max_ties=1)
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0}, {**SAME, "source_id": "s2", "value": 7.0}], config)
    assert set(result.verdicts["verdict"]) == {"undetermined"}


def test_claims_of_consistent_components_get_no_verdict():
    result = reconciled([{**SAME, "source_id": "s1", "value": 5.0}, {**SAME, "source_id": "s2", "value": 7.0},
                         {**SAME, "entity": "BB", "source_id": "s1", "value": 9.0}])
    assert not result.verdicts["claim_id"].isin(result.reconciled.loc[result.reconciled["entity"] == "BB", "preferred_claim"]).any()


def test_many_groups_solved_in_parallel_give_what_one_process_gives():
    rows = []
    for n in range(70):    # more programs than the parallel threshold
        base = {"entity": f"E{n}", "period_start": "2019-05", "period_end": "2021-08", "line": 10}
        rows += [{**base, "source_id": "s1", "metric": "total", "value": 100.0 + n},
                 {**base, "source_id": "s1", "metric": "total.a", "value": 60.0},
                 {**base, "source_id": "s1", "metric": "total.b", "value": 30.0},
                 {**base, "source_id": "s2", "metric": "total.a", "value": 60.0},
                 {**base, "source_id": "s2", "metric": "total.b", "value": 40.0 + n}]
    serial = reconciled(rows, replace(CONFIG, solver_jobs=1))
    parallel = reconciled(rows, replace(CONFIG, solver_jobs=2))
    assert len(serial.verdicts) >= 70
    pd.testing.assert_frame_equal(serial.verdicts, parallel.verdicts)
    pd.testing.assert_frame_equal(serial.findings, parallel.findings)
