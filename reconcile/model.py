"""What rules receive and return: the shared context, findings before fingerprinting, solver relations."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from figcheck.claims.config import Config, Rule

FOUND_COLUMNS = ["local", "rule", "entity", "metric", "scope", "period", "key", "message"]
MEMBER_COLUMNS = ["local", "claim_id", "role"]
TERM_COLUMNS = ["rel", "var", "coef"]
BOUND_COLUMNS = ["rel", "lo", "hi"]


@dataclass
class Context:
    """The prepared claims (see `figcheck.reconcile.quantities.prepare`) plus what several rules share.

    `claims` gains `var` (the solver variable: one per quantity, claims of one cohort share it) and
    `cohort` ("" when none); `links` holds each stated part or subset with its total
    (part_id, total_id, relation "part" or "subset"; part_at and total_at, their row positions).
    """

    claims: pd.DataFrame
    config: Config
    links: pd.DataFrame
    rules: dict[str, Rule] = field(default_factory=dict)
    flagged: pd.Index = field(default_factory=lambda: pd.Index([]))  # claims in error or warning findings so far
    cache: dict = field(default_factory=dict)

    def once(self, name: str, rule: Rule, compute):
        """`compute(self, rule)` computed once per rule settings: check and relations share it."""
        key = (name, rule)
        if key not in self.cache:
            self.cache[key] = compute(self, rule)
        return self.cache[key]

    def in_scope(self, rule: Rule, frame: pd.DataFrame | None = None) -> pd.DataFrame:
        """The rows (claims by default) the rule's `metrics` and `entities` settings let it see."""
        frame = self.claims if frame is None else frame
        keep = pd.Series(True, index=frame.index)
        if rule.metrics:
            keep &= frame["metric"].isin(rule.metrics)
        if rule.entities:
            keep &= frame["entity"].isin(rule.entities)
        return frame.loc[keep]


@dataclass
class Found:
    """A rule's findings: `findings` (FOUND_COLUMNS; `local` numbers them within the rule, `key` is the
    quantity key for the fingerprint) and `members` (local, claim_id, role)."""

    findings: pd.DataFrame
    members: pd.DataFrame

    @classmethod
    def empty(cls) -> Found:
        return cls(pd.DataFrame(columns=FOUND_COLUMNS), pd.DataFrame(columns=MEMBER_COLUMNS))

    @classmethod
    def concat(cls, parts: list[Found]) -> Found:
        """Several batches of one rule's findings, renumbered one after the other."""
        parts = [part for part in parts if not part.findings.empty]
        if not parts:
            return cls.empty()
        offsets = np.cumsum([0] + [len(part.findings) for part in parts[:-1]])
        return cls(pd.concat([p.findings.assign(local=p.findings["local"] + o) for p, o in zip(parts, offsets)], ignore_index=True),
                   pd.concat([p.members.assign(local=p.members["local"] + o) for p, o in zip(parts, offsets)], ignore_index=True))


@dataclass
class Relations:
    """Linear relations among quantity variables for the solver: lo <= sum(coef * x[var]) <= hi."""

    terms: pd.DataFrame
    bounds: pd.DataFrame

    @classmethod
    def empty(cls) -> Relations:
        return cls(pd.DataFrame(columns=TERM_COLUMNS), pd.DataFrame(columns=BOUND_COLUMNS))

    @classmethod
    def concat(cls, parts: list[Relations]) -> Relations:
        """Relations of several rules renumbered into one system."""
        terms, bounds, offset = [], [], 0
        for part in parts:
            if part.bounds.empty:
                continue
            codes, uniques = pd.factorize(part.bounds["rel"])
            ids = pd.Series(np.arange(len(uniques)) + offset, index=uniques)
            terms.append(part.terms.assign(rel=part.terms["rel"].map(ids)))
            bounds.append(part.bounds.assign(rel=codes + offset))
            offset += len(uniques)
        if not bounds:
            return cls.empty()
        return cls(pd.concat(terms, ignore_index=True), pd.concat(bounds, ignore_index=True))


def whole_minus_parts(wholes: pd.DataFrame, key: str, parts: pd.DataFrame, part_key: str, tolerance: float) -> Relations:
    """x[whole] - sum(x[part]) for each whole: within ± tolerance·|value| when every part is stated
    (`complete`), at least -tolerance·|value| otherwise. `parts[part_key]` names its whole's `key`."""
    rel = pd.Series(np.arange(len(wholes)), index=wholes[key])
    terms = pd.concat([
        pd.DataFrame({"rel": rel.to_numpy(), "var": wholes["var"].to_numpy(), "coef": 1.0}),
        pd.DataFrame({"rel": parts[part_key].map(rel).to_numpy(), "var": parts["var"].to_numpy(), "coef": -1.0}),
    ], ignore_index=True).dropna(subset=["rel"])
    slack = tolerance * np.abs(wholes["value"].to_numpy(float))
    bounds = pd.DataFrame({"rel": rel.to_numpy(), "lo": -slack,
                           "hi": np.where(wholes["complete"].to_numpy(bool), slack, np.inf)})
    return Relations(terms, bounds)
