"""Parts and totals: a declared breakdown adds up when every part is stated, and the stated parts
never exceed the total when some are missing (562 of 595 is fine)."""

import numpy as np
import pandas as pd

from claims.config import Rule
from reconcile import wording
from reconcile.intervals import apart
from reconcile.links import declared
from reconcile.model import FOUND_COLUMNS, Context, Found, Relations, whole_minus_parts

NAME = "parts"
DEFAULT = Rule(name=NAME, severity="error", description="parts add up to their total")


def _breakdowns(ctx: Context, rule: Rule) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(parts, totals): each part with its total (one row per total and part metric, the interval
    spanning repeated statements of that part), and each total with the sum of its parts
    (sum_lower, sum_upper, their open ends) and `complete` (every declared part is stated)."""
    claims = ctx.claims.set_index("claim_id")
    tied = ctx.links.loc[ctx.links["relation"] == "part"]
    totals = ctx.in_scope(rule, claims.loc[claims.index.isin(tied["total_id"])].reset_index())
    tied = tied.loc[tied["total_id"].isin(totals["claim_id"])]
    parts = claims.loc[tied["part_id"]].reset_index().assign(total_id=tied["total_id"].to_numpy())
    parts["part_key"] = parts["metric"].where(parts["metric"] != "", parts["claim_id"])
    parts = parts.sort_values(["total_id", "line", "char_start", "claim_id"], kind="stable")
    per_part = parts.groupby(["total_id", "part_key"], sort=False).agg(
        lower=("lower", "min"), upper=("upper", "max"), lower_open=("lower_open", "any"),
        upper_open=("upper_open", "any"), var=("var", "first"), metric=("metric", "first")).reset_index()
    sums = per_part.groupby("total_id").agg(
        sum_lower=("lower", "sum"), sum_upper=("upper", "sum"), sum_lower_open=("lower_open", "any"),
        sum_upper_open=("upper_open", "any"))
    parent = pd.Series(declared(ctx.config, "part"), dtype=object)
    # A breakdown is complete only with two or more declared parts: a lone declared part
    # ("of whom 400 children") is one piece of its total, never the whole of it.
    needed = parent.value_counts()
    needed = needed[needed >= 2]
    totals = totals.merge(sums, left_on="claim_id", right_index=True)
    is_declared = per_part["metric"].map(parent).to_numpy() == per_part["total_id"].map(totals.set_index("claim_id")["metric"]).to_numpy()
    covered = per_part.loc[is_declared].groupby("total_id")["part_key"].nunique()
    totals["complete"] = (totals["claim_id"].map(covered).fillna(0).to_numpy()
                          == totals["metric"].map(needed).fillna(-1).to_numpy())
    return per_part.merge(parts[["total_id", "part_key", "claim_id", "value", "qualifier"]].drop_duplicates(["total_id", "part_key"]),
                          on=["total_id", "part_key"]), totals


def violations(totals: pd.DataFrame, rule: Rule) -> np.ndarray:
    """Whether each total contradicts its parts (with the rule's relative tolerance)."""
    slack = rule.tolerance * np.abs(totals["value"].to_numpy(float))
    exceed = apart(totals["upper"], totals["upper_open"], totals["sum_lower"], totals["sum_lower_open"], slack)
    short = apart(totals["sum_upper"], totals["sum_upper_open"], totals["lower"], totals["lower_open"], slack)
    return exceed | (totals["complete"].to_numpy(bool) & short)


def check(ctx: Context, rule: Rule) -> Found:
    parts, totals = ctx.once(NAME, rule, _breakdowns)
    totals = totals.loc[violations(totals, rule)].reset_index(drop=True)
    if totals.empty:
        return Found.empty()
    stated_parts = ctx.claims.merge(ctx.links.loc[ctx.links["relation"] == "part"], left_on="claim_id", right_on="part_id")
    stated_parts = stated_parts.loc[stated_parts["total_id"].isin(totals["claim_id"])]
    shown = parts.loc[parts["total_id"].isin(totals["claim_id"])]
    shown = shown.assign(figure=[wording.stated(v, q) for v, q in zip(shown["value"], shown["qualifier"])])
    figures = wording.joined(shown["figure"], shown["total_id"], " + ", sort=False)
    rows = []
    for local, total in enumerate(totals.itertuples(index=False)):
        addition = f"{figures[total.claim_id]} = {wording.span(total.sum_lower, total.sum_upper)}"
        total_text = wording.cited(total.value, total.qualifier, total.source_id, total.line)
        if total.complete:
            difference = total.value - (total.sum_lower if total.sum_lower > total.value else total.sum_upper)
            side = "short of it" if difference > 0 else "over it"
            message = (f"{addition}, but the total is {total_text}: the parts are "
                       f"{wording.number(abs(difference))} {side}.")
        else:
            message = (f"Only some parts are stated, yet {addition} already exceeds the total, {total_text}.")
        label = wording.period(total.period_start, total.key_end)
        message = f"{wording.quantity(total.entity, total.metric, label)}: {message}"
        key = "|".join([total.entity, total.metric, total.scope, total.period_start, total.key_end])
        rows.append((local, NAME, total.entity, total.metric, total.scope, label, key, message))
    local = pd.Series(range(len(totals)), index=totals["claim_id"])
    members = pd.concat([
        pd.DataFrame({"local": local.to_numpy(), "claim_id": totals["claim_id"].to_numpy(), "role": "total"}),
        pd.DataFrame({"local": stated_parts["total_id"].map(local).to_numpy(), "claim_id": stated_parts["claim_id"].to_numpy(),
                      "role": "part"}),
    ], ignore_index=True)
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members)


def relations(ctx: Context, rule: Rule) -> Relations:
    """x[total] - sum(x[part]) within the tolerance (complete) or >= 0 (some parts missing)."""
    parts, totals = ctx.once(NAME, rule, _breakdowns)
    return whole_minus_parts(totals, "claim_id", parts, "total_id", rule.tolerance)
