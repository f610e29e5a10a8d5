"""Parts and totals: a declared breakdown adds up when every part is stated, and the stated parts
never exceed the total when some are missing (562 of 595 is fine)."""

import numpy as np
import pandas as pd

from figcheck.claims.config import Rule
from figcheck.reconcile import wording
from figcheck.reconcile.intervals import apart
from figcheck.reconcile.links import declared
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations, whole_minus_parts

NAME = "parts"
DEFAULT = Rule(name=NAME, severity="error", description="parts add up to their total")
_TOTAL = ["claim_id", "entity", "metric", "scope", "period_start", "key_end", "value", "qualifier", "source_id", "line",
          "var", "lower", "upper", "lower_open", "upper_open"]
_PART = ["claim_id", "metric", "var", "value", "qualifier", "lower", "upper", "lower_open", "upper_open"]
_SPAN = {"lower": "min", "upper": "max", "lower_open": "any", "upper_open": "any"}


def _breakdowns(ctx: Context, rule: Rule) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(parts, totals): each part with its total (one row per total and part metric: its first
    statement, with the interval spanning repeated statements of that part), and each total with
    the sum of its parts (sum_lower, sum_upper, their open ends) and `complete` (every declared part
    is stated)."""
    claims = ctx.claims
    tied = ctx.links.loc[ctx.links["relation"] == "part"]
    # Claims as row positions: prepared claims are sorted by claim_id, so positions order them too.
    part_at, total_at = tied["part_at"].to_numpy(), tied["total_at"].to_numpy()
    totals = ctx.in_scope(rule, claims[_TOTAL].iloc[np.unique(total_at)])
    kept = np.isin(total_at, totals.index)
    part_at, total_at = part_at[kept], total_at[kept]
    # Parts in the order their total's message lists them. A part is its metric, or its own claim
    # when it has none.
    line, start = claims["line"].to_numpy()[part_at], claims["char_start"].to_numpy()[part_at]
    order = np.lexsort((part_at, start, line, total_at))
    part_at, total_at = part_at[order], total_at[order]
    metric = claims["metric"].to_numpy(object)[part_at]
    part = np.where(metric != "", pd.factorize(metric)[0], len(claims) + part_at)
    codes = pd.factorize(total_at * (2 * len(claims)) + part)[0]  # (total, part) in the order first listed
    rows = claims[_PART].iloc[part_at].set_axis(codes)
    spans = rows[list(_SPAN)].groupby(level=0).agg(_SPAN)
    _, first = np.unique(codes, return_index=True)
    total_at = total_at[first]
    parts = (rows.drop(columns=list(_SPAN)).iloc[first].join(spans)
             .assign(total_id=claims["claim_id"].to_numpy(object)[total_at]).reset_index(drop=True))
    sums = parts.groupby(total_at).agg(
        sum_lower=("lower", "sum"), sum_upper=("upper", "sum"), sum_lower_open=("lower_open", "any"),
        sum_upper_open=("upper_open", "any"))
    parent = pd.Series(declared(ctx.config, "part"), dtype=object)
    # A breakdown is complete only with two or more declared parts: a lone declared part
    # ("of whom 400 children") is one piece of its total, never the whole of it.
    needed = parent.value_counts()
    needed = needed[needed >= 2]
    totals = totals.join(sums, how="inner")
    is_declared = parts["metric"].map(parent).to_numpy() == claims["metric"].to_numpy(object)[total_at]
    covered = np.bincount(total_at[is_declared], minlength=len(claims))
    totals["complete"] = covered[totals.index] == totals["metric"].map(needed).fillna(-1).to_numpy()
    return parts, totals.reset_index(drop=True)


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
    links = ctx.links
    stated_parts = links.loc[(links["relation"] == "part") & links["total_id"].isin(totals["claim_id"])].sort_values("part_id")
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
        pd.DataFrame({"local": stated_parts["total_id"].map(local).to_numpy(), "claim_id": stated_parts["part_id"].to_numpy(),
                      "role": "part"}),
    ], ignore_index=True)
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members)


def relations(ctx: Context, rule: Rule) -> Relations:
    """x[total] - sum(x[part]) within the tolerance (complete) or >= 0 (some parts missing)."""
    parts, totals = ctx.once(NAME, rule, _breakdowns)
    return whole_minus_parts(totals, "claim_id", parts, "total_id", rule.tolerance)
