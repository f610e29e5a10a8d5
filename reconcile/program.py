"""One group's error-localisation program, its minimum-weight change sets enumerated with
`scipy.optimize.milp`.

x[q] is the true value of quantity q. The claims on q cut its line into ranges (`figcheck.reconcile.ranges`):
binary y[r] puts x[q] in range r, keeping the claims that hold it, and f[q] puts it in no range
(every claim on q changed). Every rule relation holds on x, and the weight of the changed claims is
minimised. Choosing a range rather than switching each claim off with a big-M bound keeps the linear
relaxation tight, so most programs are solved at the root. Each optimal change set found is cut off
and the program solved again until the optimum rises (at most `max_ties` sets).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

_COST_EPSILON = 1e-6


@dataclass
class Group:
    """A program's data, every index local to the group.

    Per variable: whole (x is a whole count), weight (of all its claims), floor and big (x's box).
    Per range: range_var, low, high, kept (weight of the claims holding it). Per claim: claim_var,
    first and last (the run of ranges it holds; first > last: none). Per relation term: term_rel,
    term_var, coef; per relation: lo <= sum(coef * x) <= hi.
    """

    whole: np.ndarray
    weight: np.ndarray
    floor: float
    big: float
    range_var: np.ndarray
    low: np.ndarray
    high: np.ndarray
    kept: np.ndarray
    claim_var: np.ndarray
    first: np.ndarray
    last: np.ndarray
    term_rel: np.ndarray
    term_var: np.ndarray
    coef: np.ndarray
    lo: np.ndarray
    hi: np.ndarray


@dataclass
class Solution:
    """The optimal change sets (claim positions) and, for each, the corrected x per variable."""

    sets: list[frozenset[int]]
    values: list[np.ndarray]
    capped: bool
    finished: bool


# Below this many programs, starting processes costs more than it saves (a fork takes tens of
# milliseconds; a program a few, and the few left after the first round are the largest).
_PARALLEL_FROM = 8


def solve_all(groups: list[Group | None], time_limit: float, max_ties: int, jobs: int) -> list[Solution | None]:
    """`optimal_sets` of every group (None stays None), spread over `jobs` processes (0: one per
    core) when there are many; the answers come back in the order of `groups`."""
    answers = [None if group is None else _lone_quantity(group, max_ties) for group in groups]
    programs = [i for i, (group, answer) in enumerate(zip(groups, answers)) if group is not None and answer is None]
    jobs = min(jobs or os.cpu_count() or 1, len(programs))
    tasks = [(groups[i], time_limit, max_ties) for i in programs]
    if jobs > 1 and len(programs) >= _PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
        importlib.import_module("scipy.optimize")  # loaded once here, so that forked workers do not each import it
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            solved = pool.starmap(optimal_sets, tasks, chunksize=max(1, len(tasks) // (8 * jobs)))
    else:
        solved = [optimal_sets(*task) for task in tasks]
    for i, solution in zip(programs, solved):
        answers[i] = solution
    return answers


def optimal_sets(group: Group, time_limit: float, max_ties: int) -> Solution:
    """Every minimum-weight change set of the group, up to `max_ties` of them, within `time_limit`."""
    from scipy.optimize import Bounds, LinearConstraint, milp  # loaded only when there is something to solve

    started = time.monotonic()
    nv, nr = len(group.whole), len(group.range_var)
    own, at = np.arange(nv), group.range_var
    y, f = nv + np.arange(nr), nv + nr + own    # columns: x[0:nv], then y, then f
    # Rows: one range or none per variable; x above the chosen range's low end; x below its high end;
    # then the relations.
    rows = [at, own, nv + own, nv + at, nv + own, 2 * nv + own, 2 * nv + at, 2 * nv + own, 3 * nv + group.term_rel]
    cols = [y, f, own, y, f, own, y, f, group.term_var]
    data = [np.ones(nr), np.ones(nv), np.ones(nv), -group.low, np.full(nv, -group.floor),
            np.ones(nv), -group.high, np.full(nv, -group.big), group.coef]
    lo = [np.ones(nv), np.zeros(nv), np.full(nv, -np.inf), group.lo]
    hi = [np.ones(nv), np.full(nv, np.inf), np.zeros(nv), group.hi]
    cost = np.concatenate([np.zeros(nv), group.weight[at] - group.kept, group.weight])
    integrality = np.concatenate([group.whole.astype(int), np.ones(nr + nv, dtype=int)])
    box = Bounds(np.concatenate([np.full(nv, group.floor), np.zeros(nr + nv)]),
                 np.concatenate([np.full(nv, group.big), np.ones(nr + nv)]))
    var, first, last = group.claim_var, group.first, group.last
    sets, values, best = [], [], None
    while len(sets) < max_ties:
        remaining = time_limit - (time.monotonic() - started)
        if remaining <= 0:
            return Solution(sets, values, capped=False, finished=False)
        bounds_lo, bounds_hi = np.concatenate(lo), np.concatenate(hi)
        matrix = csr_matrix((np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
                            shape=(len(bounds_lo), nv + nr + nv))
        constraints = LinearConstraint(matrix, bounds_lo, bounds_hi)
        with _quiet_stdout():
            # The relaxation first: it is far cheaper, its optimum bounds the program's, and when its
            # answer is already whole it is the program's answer too.
            result = milp(cost, bounds=box, constraints=constraints, options={"time_limit": remaining})
            settled = result.x is None or (best is not None and result.fun > best + _COST_EPSILON) or _whole(result.x, integrality)
            if not settled:
                # Without presolve: HiGHS's MIP presolve has been seen to call a worse answer optimal
                # on these small programs (the brute-force property test found one).
                result = milp(cost, integrality=integrality, bounds=box, constraints=constraints,
                              options={"time_limit": remaining, "presolve": False})
        if result.status == 1 or (result.x is None and result.status != 2):
            # Out of time: sets found so far are optimal, but there may be more of them.
            return Solution(sets, values, capped=True, finished=bool(sets))
        if result.x is None or (best is not None and result.fun > best + _COST_EPSILON):
            return Solution(sets, values, capped=False, finished=True)
        best = result.fun if best is None else best
        chosen = np.full(nv, -1)
        picked = np.flatnonzero(result.x[nv:nv + nr] > 0.5)
        chosen[at[picked]] = picked
        held = chosen[var]
        changed = np.flatnonzero((held < 0) | (held < first) | (held > last))
        sets.append(frozenset(changed.tolist())), values.append(result.x[:nv])
        if not len(changed):
            return Solution(sets, values, capped=False, finished=True)
        # Forbid this set and its supersets: some variable it touches must sit in a range keeping
        # one of the set's claims on it.
        touched = np.unique(var[changed])
        holding = changed[first[changed] <= last[changed]]
        hit = np.zeros(nr + 1)
        np.add.at(hit, first[holding], 1.0)
        np.add.at(hit, last[holding] + 1, -1.0)
        missing = np.flatnonzero((np.cumsum(hit)[:nr] == 0) & np.isin(at, touched))
        rows.append(np.full(len(missing) + len(touched), len(bounds_lo)))
        cols.append(np.concatenate([y[missing], f[touched]]))
        data.append(np.ones(len(missing) + len(touched)))
        lo.append(np.array([-np.inf])), hi.append(np.array([len(touched) - 1.0]))
    return Solution(sets, values, capped=True, finished=True)


def _whole(x: np.ndarray, integrality: np.ndarray) -> bool:
    return bool(np.all(np.abs(x - np.round(x))[integrality == 1] <= 1e-9))


def _lone_quantity(group: Group, max_ties: int) -> Solution | None:
    """The answer without a program for one quantity under no relation (most disputes): keep the
    claims of its heaviest ranges. None when the answer needs the program."""
    if len(group.whole) != 1 or len(group.coef) or not len(group.kept):
        return None
    whole = bool(group.whole[0])
    fits = ~whole | (np.ceil(group.low - 1e-9) <= np.floor(group.high + 1e-9))
    score = np.where(fits, group.kept, -np.inf)
    if score.max() <= _COST_EPSILON:
        return None
    ties = np.flatnonzero(score >= score.max() - _COST_EPSILON)
    sets = [frozenset(np.flatnonzero((group.first > r) | (group.last < r)).tolist()) for r in ties[:max_ties]]
    values = [np.array([_inside(group.low[r], group.high[r], whole, group.floor, group.big)]) for r in ties[:max_ties]]
    return Solution(sets, values, capped=len(ties) >= max_ties, finished=True)


def _inside(low: float, high: float, whole: bool, floor: float, big: float) -> float:
    """A value to suggest from a range: its middle, or its one stated end when the other is open."""
    if low > floor and high < big:
        value = (low + high) / 2
    elif high < big:
        value = high
    else:
        value = low if low > floor else max(floor, 0.0)
    return float(min(max(round(value), np.ceil(low - 1e-9)), np.floor(high + 1e-9))) if whole else value


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
