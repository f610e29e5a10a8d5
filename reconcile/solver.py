"""Which claims are most likely wrong: Fellegi-Holt error localisation, built lazily.

Relations join quantities into components, and only components holding a suspect claim are
solved. Inside one, most quantities are clean (all their claims agree) and most relations already
hold among the clean values, so the program (`figcheck.reconcile.program`) starts from the quantities whose claims disagree and
the relations their favoured values leave in doubt. Each solution is then checked against the
relations left out; any that might break joins the program and its group is solved again. A left
out relation holds for every solution kept, so the optimum found is that of the whole component and
so are its change sets: the answer of one program over everything, from programs a fraction of its
size.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from figcheck.claims.config import Config
from figcheck.reconcile import wording
from figcheck.reconcile.components import connect, relation_components
from figcheck.reconcile.model import Relations
from figcheck.reconcile.program import Group, Solution, solve_all
from figcheck.reconcile.ranges import ranges

VERDICT_COLUMNS = ["claim_id", "verdict", "component", "suggested", "note"]
# What the solver reads of each claim.
_READ = ["claim_id", "var", "value", "lower", "upper", "lower_open", "upper_open", "kind", "weight", "entity", "metric"]


def localise(claims: pd.DataFrame, relations: Relations, suspects: pd.Index, config: Config) -> tuple[pd.DataFrame, list[str]]:
    """Verdicts (VERDICT_COLUMNS) for the claims of every component holding a suspect claim, and a
    description of each group the solver could not finish. `claims` are prepared claims, in
    claim_id order (`figcheck.reconcile.quantities.prepare`)."""
    variable_count = int(claims["var"].max()) + 1 if len(claims) else 0
    component = relation_components(variable_count, relations.terms)
    claim_component = component[claims["var"].to_numpy(int)]
    wanted = np.unique(claim_component[claims["claim_id"].isin(suspects).to_numpy()])
    if not len(wanted):
        return pd.DataFrame(columns=VERDICT_COLUMNS), []
    # Sorted by variable, then claim_id: the claims arrive in claim_id order, so a stable sort on
    # the variable alone gives it.
    kept = np.flatnonzero(np.isin(claim_component, wanted))
    kept = kept[np.argsort(claims["var"].to_numpy(int)[kept], kind="stable")]
    claims = claims.iloc[kept][_READ].assign(component=claim_component[kept]).reset_index(drop=True)
    terms = relations.terms.assign(component=component[relations.terms["var"].to_numpy(int)])
    terms = terms.loc[terms["component"].isin(wanted)].join(relations.bounds.set_index("rel"), on="rel")
    space = Space(claims, terms.sort_values("rel", kind="stable"))
    suspect = claims["claim_id"].isin(suspects).to_numpy()
    rows, unsolved = [], []
    for number, (positions, var, solution, variables) in enumerate(space.settle(config)):
        if solution is not None and solution.finished:
            rows += _verdicts(positions, var, number, solution, space.plausible(positions, variables))
            continue
        members = claims.iloc[positions]
        subject = wording.listing(sorted({f"{e} {m}".strip() for e, m in zip(members["entity"], members["metric"])})[:3])
        if solution is None:
            why = "too many connected claims to decide"
            unsolved.append(f"component {number} ({len(members)} claims: {subject}): more claims than "
                            f"solver.max_component = {config.solver_max_component}")
        else:
            why = "the solver ran out of time"
            unsolved.append(f"component {number} ({len(members)} claims: {subject}): no answer within "
                            f"solver.time_limit = {config.solver_time_limit:g} s")
        rows += [(p, "undetermined", number, np.nan, why) for p in positions[suspect[positions]]]
    table = pd.DataFrame(rows, columns=["position"] + VERDICT_COLUMNS[1:])
    table.insert(0, "claim_id", claims["claim_id"].to_numpy()[table["position"].to_numpy(int)])
    table["suggested"] = table["suggested"].astype(float)
    return table.drop(columns="position").sort_values("claim_id").reset_index(drop=True), unsolved


class Space:
    """The wanted components as arrays: variables numbered 0..V-1, claims sorted by variable, the
    ranges of each variable (`figcheck.reconcile.ranges`), relation terms sorted by relation."""

    def __init__(self, claims: pd.DataFrame, terms: pd.DataFrame):
        labels = np.unique(np.concatenate([claims["var"].to_numpy(int), terms["var"].to_numpy(int)]))
        count = len(labels)
        self.claim_var = np.searchsorted(labels, claims["var"].to_numpy(int))
        self.claim_start = np.searchsorted(self.claim_var, np.arange(count + 1))
        self.term_var = np.searchsorted(labels, terms["var"].to_numpy(int))
        self.term_rel = np.unique(terms["rel"].to_numpy(), return_inverse=True)[1]
        self.term_start = np.searchsorted(self.term_rel, np.arange(self.term_rel.max(initial=-1) + 2))
        self.coef = terms["coef"].to_numpy(float)
        self.rel_lo = terms["lo"].to_numpy(float)[self.term_start[:-1]]
        self.rel_hi = terms["hi"].to_numpy(float)[self.term_start[:-1]]

        # x's box, per component: far beyond any stated figure, scaled by the widest relation.
        component = np.zeros(count, dtype=np.int64)
        component[self.term_var] = terms["component"].to_numpy()
        component[self.claim_var] = claims["component"].to_numpy()
        value = claims["value"].to_numpy(float)
        stated = np.column_stack([value, claims["lower"].to_numpy(float), claims["upper"].to_numpy(float)])
        largest = pd.Series(np.abs(np.where(np.isfinite(stated), stated, 0.0)).max(axis=1)).groupby(claims["component"].to_numpy()).max()
        widest = terms.groupby(["component", "rel"]).size().groupby(level="component").max()
        signed = pd.Series(~(value >= 0)).groupby(claims["component"].to_numpy()).any()
        big = (10.0 * (largest.reindex(component, fill_value=0.0).to_numpy() + 1.0)
               * np.maximum(widest.reindex(component, fill_value=1).to_numpy(), 1))
        self.big = big
        self.floor = np.where(signed.reindex(component, fill_value=False).to_numpy(bool), -big, 0.0)

        stated_count = np.bincount(self.claim_var, minlength=count)
        counted = np.bincount(self.claim_var, (claims["kind"] == "count").to_numpy(float), count)
        self.whole = (stated_count > 0) & (counted == stated_count)
        weight = claims["weight"].to_numpy(float)
        self.weight = np.bincount(self.claim_var, weight, count)
        # An open end moves one unit inward for whole counts, a hair otherwise.
        step = np.where(self.whole[self.claim_var], 1.0, 1e-6 * np.maximum(1.0, np.abs(value)))
        lower = claims["lower"].to_numpy(float) + np.where(claims["lower_open"].to_numpy(bool), step, 0.0)
        upper = claims["upper"].to_numpy(float) - np.where(claims["upper_open"].to_numpy(bool), step, 0.0)
        self.ranges = ranges(self.claim_var, np.maximum(lower, self.floor[self.claim_var]),
                             np.minimum(upper, self.big[self.claim_var]), weight)
        self.range_start = np.searchsorted(self.ranges.var, np.arange(count + 1))
        # Each variable's favoured range: the one keeping all its claims (it is then clean), else the
        # one keeping the most weight. A variable without claims may lie anywhere in its box.
        everything = self.ranges.count == stated_count[self.ranges.var]
        favoured = pd.Series(np.where(everything, np.inf, self.ranges.kept)).groupby(self.ranges.var).idxmax()
        self.clean = np.zeros(count, dtype=bool)
        self.clean[favoured.index] = everything[favoured.to_numpy()]
        self.favoured_low, self.favoured_high = self.floor.copy(), self.big.copy()
        self.favoured_low[favoured.index] = self.ranges.low[favoured.to_numpy()]
        self.favoured_high[favoured.index] = self.ranges.high[favoured.to_numpy()]
        self.disputed = (stated_count > 0) & ~self.clean

        # What a suggestion may be: within the figures stated for the quantity and for every quantity
        # a relation ties it to (`plausible`); the claims' own intervals bound the value kept.
        self.claim_lower, self.claim_upper = lower, upper
        own_low = np.full(count, np.inf)
        own_high = np.full(count, -np.inf)
        np.minimum.at(own_low, self.claim_var, value)
        np.maximum.at(own_high, self.claim_var, value)
        rel_count = len(self.rel_lo)
        rel_low, rel_high = np.full(rel_count, np.inf), np.full(rel_count, -np.inf)
        np.minimum.at(rel_low, self.term_rel, own_low[self.term_var])
        np.maximum.at(rel_high, self.term_rel, own_high[self.term_var])
        self.span_low, self.span_high = own_low.copy(), own_high.copy()
        np.minimum.at(self.span_low, self.term_var, rel_low[self.term_rel])
        np.maximum.at(self.span_high, self.term_var, rel_high[self.term_rel])
        self.term_order = np.argsort(self.term_var, kind="stable")
        self.term_var_start = np.searchsorted(self.term_var[self.term_order], np.arange(count + 1))

    def settle(self, config: Config) -> list[tuple[np.ndarray, np.ndarray, Solution | None, np.ndarray]]:
        """Per group: its claims (positions), their variables (local to the group), its solution
        (None when it has more claims than solver.max_component) and its variables. Groups grow until
        every relation left out holds for every solution."""
        active = ~self.holds(self.favoured_low, self.favoured_high)
        solved: dict[bytes, tuple] = {}
        while True:
            groups = self.groups(active)
            keys = [variables.tobytes() + b"|" + rels.tobytes() for variables, rels in groups]
            pending = {key: group for key, group in zip(keys, groups) if key not in solved}
            programs = [self.program(variables, rels, config) for variables, rels in pending.values()]
            answers = solve_all([group for _, _, group in programs], config.solver_time_limit,
                                config.solver_max_ties, config.solver_jobs)
            solved.update((key, (claims, var, answer)) for key, (claims, var, _), answer in zip(pending, programs, answers))
            low, high = self.favoured_low.copy(), self.favoured_high.copy()
            for (variables, _), key in zip(groups, keys):
                solution = solved[key][2]
                if solution is not None and solution.finished and solution.sets:
                    corrected = np.array(solution.values)
                    low[variables], high[variables] = corrected.min(axis=0), corrected.max(axis=0)
            doubtful = ~active & ~self.holds(low, high)
            if not doubtful.any():
                return [solved[key] + (variables,) for key, (variables, _) in zip(keys, groups)]
            active |= doubtful

    def plausible(self, positions: np.ndarray, variables: np.ndarray):
        """For one group: a function (claim, its variable, the corrected values, the change set) -> the
        value to suggest for that claim, or NaN when no value within the span of the stated figures
        (`span_low`, `span_high`) keeps every relation and the claims kept on that quantity."""
        def suggest(claim: int, local: int, values: np.ndarray, changed: frozenset[int]) -> float:
            target, value = variables[local], float(values[local])
            low, high = self.span_low[target], self.span_high[target]
            if not low <= high or low - 1e-9 <= value <= high + 1e-9:
                return value
            candidate = min(max(value, low), high)
            kept = [p for i, p in enumerate(positions) if self.claim_var[p] == target and i not in changed]
            inside = all(self.claim_lower[p] - 1e-9 <= candidate <= self.claim_upper[p] + 1e-9 for p in kept)
            return candidate if inside and self._holds_with(variables, values, target, candidate) else np.nan
        return suggest

    def _holds_with(self, variables: np.ndarray, values: np.ndarray, target: int, candidate: float) -> bool:
        """Whether every relation on `target` holds with it at `candidate`, the group's other variables at
        their corrected values and every other variable anywhere in its favoured range."""
        low, high = self.favoured_low.copy(), self.favoured_high.copy()
        low[variables], high[variables] = values, values
        low[target] = high[target] = candidate
        terms = self.term_order[self.term_var_start[target]:self.term_var_start[target + 1]]
        rels = np.unique(self.term_rel[terms])
        if not len(rels):
            return True
        members = _spans(self.term_start[rels], self.term_start[rels + 1])
        coef, var = self.coef[members], self.term_var[members]
        least = np.where(coef > 0, coef * low[var], coef * high[var])
        most = np.where(coef > 0, coef * high[var], coef * low[var])
        local = np.searchsorted(rels, self.term_rel[members])
        least, most = np.bincount(local, least, len(rels)), np.bincount(local, most, len(rels))
        slack = 1e-9 * (1.0 + np.abs(least) + np.abs(most))
        return bool(np.all((least >= self.rel_lo[rels] - slack) & (most <= self.rel_hi[rels] + slack)))

    def holds(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """Per relation: whether it holds for every x with low <= x <= high (interval arithmetic)."""
        coef = self.coef
        least = np.where(coef > 0, coef * low[self.term_var], coef * high[self.term_var])
        most = np.where(coef > 0, coef * high[self.term_var], coef * low[self.term_var])
        size = len(self.rel_lo)
        least, most = np.bincount(self.term_rel, least, size), np.bincount(self.term_rel, most, size)
        # Solver round-off must not count as a break.
        slack = 1e-9 * (1.0 + np.abs(least) + np.abs(most))
        return (least >= self.rel_lo - slack) & (most <= self.rel_hi + slack)

    def groups(self, active: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(variables, relations) of each program: disputed variables and active relations, joined
        where a relation shares a variable; ordered by their first variable."""
        rels = np.flatnonzero(active)
        terms = _spans(self.term_start[rels], self.term_start[rels + 1])
        head = self.term_var[self.term_start[self.term_rel[terms]]]
        label = connect(len(self.clean), head, self.term_var[terms])
        member = self.disputed.copy()
        member[self.term_var[terms]] = True
        variables = np.flatnonzero(member)
        if not len(variables):
            return []
        order = np.lexsort((variables, label[variables]))
        variables = variables[order]
        cuts = np.flatnonzero(np.diff(label[variables])) + 1
        rel_label = label[self.term_var[self.term_start[rels]]]
        rels = rels[np.argsort(rel_label, kind="stable")]
        rel_cuts = np.searchsorted(np.sort(rel_label), label[variables[np.append(0, cuts)]])
        rel_cuts = np.append(rel_cuts, len(rels))
        groups = [(v, rels[rel_cuts[i]:rel_cuts[i + 1]]) for i, v in enumerate(np.split(variables, cuts))]
        return sorted(groups, key=lambda group: group[0][0])

    def program(self, variables: np.ndarray, rels: np.ndarray, config: Config) -> tuple[np.ndarray, np.ndarray, Group | None]:
        """Positions of the group's claims, their local variables and the group's program (None when
        it has more claims than solver.max_component)."""
        claims = _spans(self.claim_start[variables], self.claim_start[variables + 1])
        var = np.searchsorted(variables, self.claim_var[claims])
        if len(claims) > config.solver_max_component:
            return claims, var, None
        starts, ends = self.range_start[variables], self.range_start[variables + 1]
        own = _spans(starts, ends)
        shift = (np.cumsum(ends - starts) - (ends - starts) - starts)[var]
        terms = _spans(self.term_start[rels], self.term_start[rels + 1])
        group = Group(whole=self.whole[variables], weight=self.weight[variables],
                      floor=self.floor[variables[0]], big=self.big[variables[0]],
                      range_var=np.searchsorted(variables, self.ranges.var[own]), low=self.ranges.low[own],
                      high=self.ranges.high[own], kept=self.ranges.kept[own], claim_var=var,
                      first=self.ranges.first[claims] + shift, last=self.ranges.last[claims] + shift,
                      term_rel=np.searchsorted(rels, self.term_rel[terms]), term_var=np.searchsorted(variables, self.term_var[terms]),
                      coef=self.coef[terms], lo=self.rel_lo[rels], hi=self.rel_hi[rels])
        return claims, var, group


def _spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The concatenated index runs starts[i]..ends[i]-1."""
    lengths = ends - starts
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())


NO_SINGLE_FIGURE = "no single figure satisfies every relation"


def _verdicts(positions: np.ndarray, var: np.ndarray, number: int, solution: Solution, suggest) -> list[tuple]:
    """(position, verdict, component, suggested, note) of each claim changed in some optimal set;
    `positions` and `var` are the group's claims and their variables in `solution.values`; `suggest`
    is `Space.plausible` of the group."""
    if not solution.sets or not solution.sets[0]:
        return []
    every = frozenset.intersection(*solution.sets)
    count = len(solution.sets)
    rows = []
    for i in sorted(frozenset.union(*solution.sets)):
        changed, values = next((s, v) for s, v in zip(solution.sets, solution.values) if i in s)
        suggested = round(float(suggest(i, var[i], values, changed)), 6)
        if solution.capped:
            verdict = "undetermined"
            note = f"at least {count} equally small sets of corrections make every rule hold; the claims cannot tell which"
        elif i in every:
            verdict = "most_likely_wrong"
            note = f"changed in {'the one smallest set' if count == 1 else f'all {count} equally small sets'} of corrections that make every rule hold"
        else:
            verdict = "possibly_wrong"
            note = (f"changed in {sum(i in s for s in solution.sets)} of the {count} equally small sets of corrections "
                    "that make every rule hold: the claims cannot tell which is wrong")
        if np.isnan(suggested):
            note += f"; {NO_SINGLE_FIGURE} within the figures the sources state"
        rows.append((positions[i], verdict, number, suggested, note))
    return rows
