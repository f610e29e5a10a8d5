"""A suggested correction lies within the figures the sources state: never outside the span of the
stated figures of its quantity and of the quantities a relation ties it to."""

import numpy as np
import pandas as pd
from hypothesis import given

from figcheck.reconcile.model import Relations
from figcheck.reconcile.solver import localise
from tests.reconcile_strategies import CONFIG
from tests.test_solver_exact import SETTINGS, systems


def solve(rows: pd.DataFrame, relations):
    claims = rows.assign(claim_id=[f"c{i:02d}" for i in range(len(rows))], entity="AA", metric="m", kind="count",
                         lower_open=False, upper_open=False)
    terms = pd.DataFrame([(rel, var, coef) for rel, (pairs, _, _) in enumerate(relations) for var, coef in pairs],
                         columns=["rel", "var", "coef"])
    bounds = pd.DataFrame([(rel, lo, hi) for rel, (_, lo, hi) in enumerate(relations)], columns=["rel", "lo", "hi"])
    verdicts, _ = localise(claims, Relations(terms, bounds), pd.Index(claims["claim_id"]), CONFIG)
    return claims, verdicts


def touched(var: int, relations) -> set[int]:
    """The quantity and every quantity sharing a relation with it."""
    return {var} | {v for pairs, _, _ in relations if var in {p for p, _ in pairs} for v, _ in pairs}


@SETTINGS
@given(systems())
def test_no_suggested_value_lies_outside_the_stated_figures_of_the_quantities_it_touches(system):
    rows, relations = system
    claims, verdicts = solve(rows, relations)
    judged = verdicts.merge(claims[["claim_id", "var"]], on="claim_id")
    for row in judged.itertuples(index=False):
        if np.isnan(row.suggested):
            assert "no single figure satisfies every relation" in row.note
            continue
        stated = claims.loc[claims["var"].isin(touched(row.var, relations)), "value"]
        assert stated.min() - 1e-6 <= row.suggested <= stated.max() + 1e-6, (row, stated.tolist())


def test_a_quantity_only_bounded_below_gets_no_far_away_suggestion():
    # x3 >= x0 with x0 = 12 and "x3 is at most 3": x3 must reach 12, a figure the sources state.
    rows = pd.DataFrame({"var": [0, 3], "value": [12.0, 3.0], "lower": [12.0, -np.inf], "upper": [12.0, 3.0],
                         "weight": [3.0, 1.0]})
    _, verdicts = solve(rows, [([(3, 1.0), (0, -1.0)], 0.0, np.inf)])
    assert verdicts.set_index("claim_id")["suggested"].to_dict() == {"c01": 12.0}
