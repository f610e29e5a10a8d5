"""Which claims are most likely wrong: Fellegi-Holt error localisation as a small MILP per component.

For a component, x[q] is the true value of each quantity and d[i] in {0, 1} says claim i is changed.
A kept claim holds its quantity inside its interval (big-M: lower_i - M*d_i <= x[q] <= upper_i + M*d_i),
every rule relation holds on x, and the weights (reliability x review) of the changed claims are
minimised with `scipy.optimize.milp`. Each optimal change set found is cut off and the program solved
again until the optimum rises (at most `solver.max_ties` sets): claims in every optimal set are most
likely wrong, claims in some are possibly wrong.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from claims.config import Config
from reconcile import wording
from reconcile.components import relation_components
from reconcile.model import Relations

VERDICT_COLUMNS = ["claim_id", "verdict", "component", "suggested", "note"]
_COST_EPSILON = 1e-6


@dataclass
class Solution:
    """The optimal change sets of one component (claim positions), and for each the corrected x."""

    sets: list[frozenset[int]]
    values: list[np.ndarray]
    capped: bool
    finished: bool


def localise(claims: pd.DataFrame, relations: Relations, suspects: pd.Index, config: Config) -> tuple[pd.DataFrame, list[str]]:
    """Verdicts (VERDICT_COLUMNS) for the claims of every component holding a suspect claim, and a
    description of each component the solver could not finish."""
    variable_count = int(claims["var"].max()) + 1 if len(claims) else 0
    relations = at_risk(claims, relations)
    component = relation_components(variable_count, relations.terms)
    claims = claims.assign(component=component[claims["var"].to_numpy(int)])
    wanted = np.unique(claims.loc[claims["claim_id"].isin(suspects), "component"])
    claims = claims.loc[claims["component"].isin(wanted)]
    terms = relations.terms.assign(component=component[relations.terms["var"].to_numpy(int)])
    terms = terms.loc[terms["component"].isin(wanted)]
    bounds = relations.bounds.set_index("rel")
    verdicts, unsolved = [], []
    term_groups = dict(tuple(terms.groupby("component")))
    for number, members in claims.groupby("component"):
        subject = wording.listing(sorted({f"{e} {m}".strip() for e, m in zip(members["entity"], members["metric"])})[:3])
        if len(members) > config.solver_max_component:
            unsolved.append(f"component {number} ({len(members)} claims: {subject}): more claims than "
                            f"solver.max_component = {config.solver_max_component}")
            verdicts.append(_undetermined(members, suspects, number, "too many connected claims to decide"))
            continue
        own_terms = term_groups.get(number, pd.DataFrame(columns=["rel", "var", "coef"]))
        solution = solve(members, own_terms, bounds.loc[own_terms["rel"].unique()], config)
        if not solution.finished:
            unsolved.append(f"component {number} ({len(members)} claims: {subject}): no answer within "
                            f"solver.time_limit = {config.solver_time_limit:g} s")
            verdicts.append(_undetermined(members, suspects, number, "the solver ran out of time"))
            continue
        verdicts.append(_verdicts(members, number, solution))
    frames = [v for v in verdicts if not v.empty]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=VERDICT_COLUMNS)
    return table.sort_values("claim_id").reset_index(drop=True), unsolved


def at_risk(claims: pd.DataFrame, relations: Relations) -> Relations:
    """The relations some values the claims allow would break (or that hold only with equality).

    A relation that holds whatever value in its claims' intervals each quantity takes (a cumulative
    series that grew, a subset well below its set) cannot be why a claim is wrong; leaving it out
    keeps components to the claims that actually compete, so a long series does not become one
    program. Interval arithmetic over each quantity's hull of claims decides, in one group-by.
    """
    if relations.terms.empty:
        return relations
    hull = claims.groupby("var").agg(low=("lower", "min"), high=("upper", "max"))
    terms = relations.terms.join(hull, on="var")
    coef = terms["coef"].to_numpy(float)
    with np.errstate(invalid="ignore"):
        least = np.where(coef > 0, coef * terms["low"].to_numpy(float), coef * terms["high"].to_numpy(float))
        most = np.where(coef > 0, coef * terms["high"].to_numpy(float), coef * terms["low"].to_numpy(float))
    sums = pd.DataFrame({"rel": terms["rel"], "least": least, "most": most}).groupby("rel").sum(min_count=1)
    bounds = relations.bounds.set_index("rel").join(sums)
    risky = ~((bounds["least"] > bounds["lo"]) & (bounds["most"] < bounds["hi"]))
    keep = bounds.index[risky.to_numpy()]
    return Relations(relations.terms.loc[relations.terms["rel"].isin(keep)],
                     relations.bounds.loc[relations.bounds["rel"].isin(keep)])


def solve(members: pd.DataFrame, terms: pd.DataFrame, bounds: pd.DataFrame, config: Config) -> Solution:
    """Enumerate the minimum-weight change sets of one component."""
    from scipy.optimize import Bounds, LinearConstraint, milp  # loaded only when there is something to solve

    started = time.monotonic()
    variables = np.unique(np.concatenate([members["var"].to_numpy(int), terms["var"].to_numpy(int)]))
    nx, nd = len(variables), len(members)
    column = pd.Series(np.arange(nx), index=variables)
    x_of_claim = column[members["var"].to_numpy(int)].to_numpy()
    finite = np.concatenate([members[c].to_numpy(float) for c in ("lower", "upper", "value")])
    finite = finite[np.isfinite(finite)]
    widest = int(terms.groupby("rel").size().max()) if len(terms) else 1
    big = 10.0 * (np.abs(finite).max(initial=0.0) + 1.0) * max(widest, 1)
    floor = 0.0 if (members["value"] >= 0).all() else -big
    whole = (members["kind"] == "count").groupby(x_of_claim).all().reindex(range(nx), fill_value=False).to_numpy()
    rows, cols, data, lo, hi = _claim_rows(members, x_of_claim, whole, nx, floor, big)
    if len(terms):
        rel_codes, rel_ids = pd.factorize(terms["rel"])
        rows = np.concatenate([rows, len(lo) + rel_codes])
        cols = np.concatenate([cols, column[terms["var"].to_numpy(int)].to_numpy()])
        data = np.concatenate([data, terms["coef"].to_numpy(float)])
        lo = np.concatenate([lo, bounds.loc[rel_ids, "lo"].to_numpy(float)])
        hi = np.concatenate([hi, bounds.loc[rel_ids, "hi"].to_numpy(float)])
    rows, cols, data, lo, hi = list(rows), list(cols), list(data), list(lo), list(hi)

    def add(row_cols, row_data, low, high):
        r = len(lo)
        rows.extend([r] * len(row_cols)), cols.extend(row_cols), data.extend(row_data)
        lo.append(low), hi.append(high)

    cost = np.concatenate([np.zeros(nx), members["weight"].to_numpy(float)])
    integrality = np.concatenate([whole.astype(int), np.ones(nd, dtype=int)])
    box = Bounds(np.concatenate([np.full(nx, floor), np.zeros(nd)]), np.concatenate([np.full(nx, big), np.ones(nd)]))
    sets, values, best = [], [], None
    while len(sets) < config.solver_max_ties:
        remaining = config.solver_time_limit - (time.monotonic() - started)
        if remaining <= 0:
            return Solution(sets, values, capped=False, finished=False)
        matrix = csr_matrix((data, (rows, cols)), shape=(len(lo), nx + nd))
        with _quiet_stdout():
            result = milp(cost, integrality=integrality, bounds=box,
                          constraints=LinearConstraint(matrix, lo, hi) if lo else None,
                          options={"time_limit": remaining, "presolve": False})
        if result.status == 1 or (result.x is None and result.status != 2):
            # Out of time: sets found so far are optimal, but there may be more of them.
            return Solution(sets, values, capped=True, finished=bool(sets))
        if result.x is None or (best is not None and result.fun > best + _COST_EPSILON):
            return Solution(sets, values, capped=False, finished=True)
        best = result.fun if best is None else best
        changed = frozenset(np.flatnonzero(result.x[nx:] > 0.5).tolist())
        sets.append(changed), values.append(result.x[:nx][x_of_claim])
        if not changed:
            return Solution(sets, values, capped=False, finished=True)
        # Forbid this set (and any superset) and look for another one as small.
        add([nx + i for i in changed], [1.0] * len(changed), -np.inf, len(changed) - 1)
    return Solution(sets, values, capped=True, finished=True)


def _claim_rows(members: pd.DataFrame, x_of_claim: np.ndarray, whole: np.ndarray, nx: int, floor: float, big: float):
    """Rows tying each kept claim's quantity to its interval (big-M on its change indicator):
    x + (l - floor) * d >= l for a finite lower end l, x - (big - u) * d <= u for a finite upper end u.
    An open end moves one unit inward for whole counts, a hair otherwise."""
    value = members["value"].to_numpy(float)
    step = np.where(whole[x_of_claim], 1.0, 1e-6 * np.maximum(1.0, np.abs(value)))
    lower = members["lower"].to_numpy(float) + np.where(members["lower_open"].to_numpy(bool), step, 0.0)
    upper = members["upper"].to_numpy(float) - np.where(members["upper_open"].to_numpy(bool), step, 0.0)
    below, above = np.flatnonzero(np.isfinite(lower)), np.flatnonzero(np.isfinite(upper))
    count = len(below) + len(above)
    row = np.repeat(np.arange(count), 2)
    claim = np.concatenate([below, above])
    col = np.column_stack([x_of_claim[claim], nx + claim]).ravel()
    coef = np.column_stack([np.ones(count), np.concatenate([lower[below] - floor, -(big - upper[above])])]).ravel()
    lo = np.concatenate([lower[below], np.full(len(above), -np.inf)])
    hi = np.concatenate([np.full(len(below), np.inf), upper[above]])
    return row, col, coef, lo, hi


def _verdicts(members: pd.DataFrame, number: int, solution: Solution) -> pd.DataFrame:
    if not solution.sets or not solution.sets[0]:
        return pd.DataFrame(columns=VERDICT_COLUMNS)
    every = frozenset.intersection(*solution.sets)
    some = frozenset.union(*solution.sets)
    count = len(solution.sets)
    positions = sorted(some)
    suggested = [next(v[i] for s, v in zip(solution.sets, solution.values) if i in s) for i in positions]
    if solution.capped:
        verdict = ["undetermined"] * len(positions)
        note = [f"at least {count} equally small sets of corrections make every rule hold; the claims cannot tell which"] * len(positions)
    else:
        verdict = ["most_likely_wrong" if i in every else "possibly_wrong" for i in positions]
        sets = "the one smallest set" if count == 1 else f"all {count} equally small sets"
        note = [f"changed in {sets} of corrections that make every rule hold" if i in every else
                f"changed in {sum(i in s for s in solution.sets)} of the {count} equally small sets of corrections "
                "that make every rule hold: the claims cannot tell which is wrong" for i in positions]
    return pd.DataFrame({"claim_id": members["claim_id"].to_numpy()[positions], "verdict": verdict,
                         "component": number, "suggested": np.round(np.asarray(suggested, float), 6), "note": note})


def _undetermined(members: pd.DataFrame, suspects: pd.Index, number: int, why: str) -> pd.DataFrame:
    members = members.loc[members["claim_id"].isin(suspects)]
    return pd.DataFrame({"claim_id": members["claim_id"].to_numpy(), "verdict": "undetermined", "component": number,
                         "suggested": np.nan, "note": why})


@contextmanager
def _quiet_stdout():
    """HiGHS prints some diagnostics to file descriptor 1 even when told to be silent
    (jump-dev/HiGHS.jl#312); they must not corrupt a command's JSON or CSV output."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
