"""Same cohort: the configured key makes differently dated cumulative claims one quantity."""

from dataclasses import replace

import pytest

from figcheck.claims.config import ConfigError, Rule
from tests.reconcile_strategies import CONFIG, reconciled, with_claims


def report(source, end, total, rounds=5, start="2019-05"):
    base = {"source_id": source, "entity": "AA", "period_start": start, "period_end": end, "line": 10}
    return [{**base, "metric": "rounds", "value": float(rounds), "text": f"{rounds} rounds"},
            {**base, "metric": "total", "value": float(total), "text": f"{total} people"}]


def test_same_rounds_since_the_same_start_must_agree_whatever_the_dates():
    result = reconciled(report("s1", "2022-11", 531) + report("s2", "2021-08", 599))
    cohort = result.findings.loc[result.findings["rule"] == "cohort"]
    assert len(cohort) == 1
    message = cohort["message"].iloc[0]
    assert "same cohort (entity AA, period_start 2019-05, rounds 5)" in message
    assert "later figure (2022-11) is also lower" in message
    # the cohort rule reports the pair, so the cumulative rule does not repeat it
    assert "cumulative" not in set(result.findings["rule"])


def test_a_different_number_of_rounds_is_a_different_cohort():
    result = reconciled(report("s1", "2022-11", 700, rounds=6) + report("s2", "2021-08", 599))
    assert with_claims(result).empty


def test_without_the_key_the_claims_are_a_growing_series():
    config = replace(CONFIG, rules={**CONFIG.rules, "cohort": Rule(name="cohort", enabled=False)})
    result = reconciled(report("s1", "2022-11", 700) + report("s2", "2021-08", 599), config)
    assert with_claims(result).empty


def test_a_key_entry_that_is_neither_column_nor_metric_is_a_configuration_error():
    config = replace(CONFIG, rules={**CONFIG.rules, "cohort": Rule(name="cohort", key=("entity", "flights"))})
    with pytest.raises(ConfigError, match="flights"):
        reconciled(report("s1", "2022-11", 531), config)
