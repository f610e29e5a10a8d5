"""The Recognizers-Text English number specs: figcheck's in-scope pass rates hold (benchmarks/score_recognizers.py)."""

import csv

import pytest

from benchmarks.score_recognizers import DATA, SPECS, cases, out_of_scope, parse_interval, score

THRESHOLDS = {"NumberModel": 0.96, "NumberRangeModel": 0.95, "PercentModel": 1.0}
REASONS = ("compound fraction arithmetic", "maths notation", "spoken form", "decimal comma")


@pytest.mark.parametrize("spec", SPECS)
def test_in_scope_pass_rate(spec):
    result = score(spec)
    failures = "\n".join(f"{text!r}: expected {expected}, found {found}" for text, expected, found in result.failures)
    assert result.rate >= THRESHOLDS[spec], failures


def test_every_out_of_scope_case_is_a_spec_case_with_a_listed_reason():
    with open(DATA / "out_of_scope.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    inputs = {spec: {c["Input"] for c in cases(spec)} for spec in SPECS}
    for row in rows:
        assert row["input"] in inputs[row["spec"]], row
        assert row["reason"].startswith(REASONS), row
    assert len(out_of_scope()) == len(rows)  # no case listed twice


def test_intervals_are_read_with_their_closedness():
    assert parse_interval("(20,35]") == (20, True, 35, False)
    lower, lower_open, upper, upper_open = parse_interval("[30,)")
    assert (lower, lower_open, upper_open) == (30, False, True) and upper == float("inf")
