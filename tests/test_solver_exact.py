"""The solver's answers against brute force: the ranges it chooses among, and the change sets it
finds (built lazily, group by group) against every point of a grid on small random systems."""

import functools

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from figcheck.reconcile.model import Relations
from figcheck.reconcile.ranges import ranges
from figcheck.reconcile.solver import localise
from tests.reconcile_strategies import CONFIG

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GRID = np.arange(0, 41)   # every value a system below can need: claims stay within 0..12


@st.composite
def intervals(draw):
    size = draw(st.integers(1, 12))
    var = np.sort(np.array(draw(st.lists(st.integers(0, 3), min_size=size, max_size=size))))
    lower = np.array(draw(st.lists(st.integers(0, 10), min_size=size, max_size=size)), float)
    width = np.array(draw(st.lists(st.integers(-1, 4), min_size=size, max_size=size)), float)
    weight = np.array(draw(st.lists(st.sampled_from([0.5, 1.0, 2.0]), min_size=size, max_size=size)))
    return var, lower, lower + width, weight


@SETTINGS
@given(intervals(), st.floats(-1, 15, allow_nan=False))
def test_a_value_keeps_exactly_the_claims_of_the_range_it_falls_in(claims, x):
    var, lower, upper, weight = claims
    found = ranges(var, lower, upper, weight)
    for v in np.unique(var):
        holding = set(np.flatnonzero((var == v) & (lower <= x) & (x <= upper)))
        # A stretch between two ends is stored closed, so at an end it meets the end's own range,
        # which keeps more: a range holding x never keeps a claim x breaks.
        inside = np.flatnonzero((found.var == v) & (found.low <= x) & (x <= found.high))
        kept = [set(np.flatnonzero((var == v) & (found.first <= r) & (r <= found.last))) for r in inside]
        assert all(k <= holding for k in kept)
        assert holding == (max(kept, key=len) if kept else set())
        if holding:
            r = inside[[len(k) for k in kept].index(len(holding))]
            assert found.kept[r] == weight[list(holding)].sum() and found.count[r] == len(holding)


RELATIONS = {
    "parts": ([(0, 1.0), (1, -1.0), (2, -1.0)], 0.0, 0.0),     # x0 = x1 + x2
    "grows": ([(3, 1.0), (0, -1.0)], 0.0, np.inf),             # x3 >= x0
    "subset": ([(1, 1.0), (2, -1.0)], -np.inf, 0.0),           # x1 <= x2
}


@st.composite
def systems(draw):
    """Claims on four quantities (exact, at least or at most a figure) and some of the relations."""
    rows = []
    for var in range(4):
        for _ in range(draw(st.integers(0, 3))):
            value = float(draw(st.integers(0, 12)))
            kind = draw(st.sampled_from(["eq", "eq", "ge", "le"]))
            rows.append({"var": var, "value": value, "lower": -np.inf if kind == "le" else value,
                         "upper": np.inf if kind == "ge" else value, "weight": draw(st.sampled_from([1.0, 2.0, 3.0]))})
    assume(rows)
    stated = {row["var"] for row in rows}
    possible = [name for name, (terms, _, _) in sorted(RELATIONS.items()) if {var for var, _ in terms} <= stated]
    chosen = draw(st.lists(st.sampled_from(possible), unique=True)) if possible else []
    return pd.DataFrame(rows), [RELATIONS[name] for name in chosen]


@functools.lru_cache(maxsize=1)
def _grid_points() -> np.ndarray:
    """Every point of GRID^4, built once: making 2.8 million tuples per example is most of the test's time."""
    axes = np.meshgrid(*[GRID.astype(float)] * 4, indexing="ij")
    return np.stack([axis.ravel() for axis in axes], axis=1)


def brute_force(claims: pd.DataFrame, relations) -> set[frozenset[int]]:
    """The minimum-weight change sets over every point of GRID^4."""
    points = _grid_points()
    feasible = np.ones(len(points), dtype=bool)
    for terms, lo, hi in relations:
        total = sum(coef * points[:, var] for var, coef in terms)
        feasible &= (total >= lo) & (total <= hi)
    points = points[feasible]
    x = points[:, claims["var"].to_numpy()]
    changed = (x < claims["lower"].to_numpy()) | (x > claims["upper"].to_numpy())
    cost = changed @ claims["weight"].to_numpy()
    best = cost.min()
    # Millions of grid points share a few change patterns: collapse them before building the sets.
    patterns = np.unique(changed[np.isclose(cost, best)], axis=0)
    return {frozenset(np.flatnonzero(row).tolist()) for row in patterns}


@SETTINGS
@given(systems())
def test_the_change_sets_are_the_smallest_ones_brute_force_finds(system):
    rows, relations = system
    optimal = brute_force(rows, relations)
    assume(len(optimal) < CONFIG.solver_max_ties)
    assert_verdicts_follow(optimal, rows, relations)


def assert_verdicts_follow(optimal: set[frozenset[int]], rows: pd.DataFrame, relations) -> None:
    """Claims in every optimal set are most likely wrong, those in some possibly wrong."""
    claims = rows.assign(claim_id=[f"c{i:02d}" for i in range(len(rows))], entity="AA", metric="m", kind="count",
                         lower_open=False, upper_open=False)
    terms = pd.DataFrame([(rel, var, coef) for rel, (pairs, _, _) in enumerate(relations) for var, coef in pairs],
                         columns=["rel", "var", "coef"])
    bounds = pd.DataFrame([(rel, lo, hi) for rel, (_, lo, hi) in enumerate(relations)], columns=["rel", "lo", "hi"])
    verdicts, unsolved = localise(claims, Relations(terms, bounds), pd.Index(claims["claim_id"]), CONFIG)
    assert not unsolved
    every, some = frozenset.intersection(*optimal), frozenset.union(*optimal)
    expected = {claims.at[i, "claim_id"]: "most_likely_wrong" if i in every else "possibly_wrong" for i in some}
    assert verdicts.set_index("claim_id")["verdict"].to_dict() == expected


def test_two_equally_small_sets_are_both_found_where_the_mip_presolve_missed_one():
    # 4, 0 and "at least 4" for x0 and "at most 3" for x3 >= x0: keeping 4 and "at least 4" costs
    # the 0 and the "at most 3" (3), keeping 0 costs the two 4s (3). Both sets are possibly wrong.
    rows = pd.DataFrame({"var": [0, 0, 0, 3], "value": [4.0, 0.0, 4.0, 3.0], "lower": [4.0, 0.0, 4.0, -np.inf],
                         "upper": [4.0, 0.0, np.inf, 3.0], "weight": [1.0, 1.0, 2.0, 2.0]})
    relations = [RELATIONS["grows"]]
    optimal = brute_force(rows, relations)
    assert optimal == {frozenset({0, 2}), frozenset({1, 3})}
    assert_verdicts_follow(optimal, rows, relations)


def test_a_correction_that_breaks_a_relation_left_out_brings_that_relation_in():
    # The parts (6 + 7) outweigh the total 10, which must become 13; "grows" (12 >= 10) held
    # before the correction but not after it, so the later 12 must change too.
    rows = pd.DataFrame({"var": [0, 1, 2, 3], "value": [10.0, 6.0, 7.0, 12.0], "weight": [1.0, 3.0, 3.0, 1.0]})
    rows = rows.assign(lower=rows["value"], upper=rows["value"])
    relations = [RELATIONS["parts"], RELATIONS["grows"]]
    assert brute_force(rows, relations) == {frozenset({0, 3})}
    assert_verdicts_follow({frozenset({0, 3})}, rows, relations)
