"""Agreement: claims on the same quantity (entity, metric, scope, period) must have a value in common."""

import pandas as pd

from figcheck.claims.config import Rule
from figcheck.reconcile import wording
from figcheck.reconcile.disagreement import conflicts, witnesses
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations

NAME = "agreement"
DEFAULT = Rule(name=NAME, severity="error", description="claims on the same quantity must agree")


def check(ctx: Context, rule: Rule) -> Found:
    claims = ctx.in_scope(rule)
    claims = claims.loc[claims["identified"]]
    clashes = conflicts(claims, "qkey", rule.tolerance)
    if clashes.empty:
        return Found.empty()
    involved = claims.loc[claims["qkey"].isin(clashes["qkey"])].assign(cite=lambda f: wording.cited_column(f))
    low, high = witnesses(clashes, involved, ["entity", "metric", "scope", "period_start", "key_end"])
    cites = involved.groupby("qkey")["cite"].agg(list)
    rows = []
    for local, (clash, lo, hi) in enumerate(zip(clashes.itertuples(index=False), low.itertuples(index=False),
                                                high.itertuples(index=False))):
        label = wording.period(lo.period_start, lo.key_end)
        message = (f"{wording.quantity(lo.entity, lo.metric, label)}: {lo.cite} and {hi.cite} state the same quantity "
                   f"but cannot both be true{wording.gap(clash.gap)}.")
        others = [c for c in cites[clash.qkey] if c not in (lo.cite, hi.cite)]
        if others:
            message += f" Also stated: {wording.listing(others)}."
        rows.append((local, NAME, lo.entity, lo.metric, lo.scope, label, clash.qkey, message))
    members = clashes[["qkey"]].reset_index(names="local").merge(involved[["qkey", "claim_id"]], on="qkey")
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members[["local", "claim_id"]].assign(role="stated"))


def relations(ctx: Context, rule: Rule) -> Relations:
    """None: claims of one quantity already share one solver variable."""
    return Relations.empty()
