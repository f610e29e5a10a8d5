"""Groups: a group's figure (entity "KG+KZ+TJ+UZ") is at least the sum of its members' figures for
the same time, and about equal to it when every member is stated. For cumulative counts a member's
latest earlier figure counts too, since it can only have grown: a later group lower bound above
older member sums is consistent. Member figures are taken as non-negative."""

import numpy as np
import pandas as pd

from claims.config import Rule
from reconcile import wording
from reconcile.intervals import apart
from reconcile.model import FOUND_COLUMNS, Context, Found, Relations, whole_minus_parts

NAME = "groups"
DEFAULT = Rule(name=NAME, severity="warning", tolerance=0.05,
               description="a group total is at least the sum of its members, about equal when all are stated")
_QUANTITY = {"entity": "first", "metric": "first", "scope": "first", "period_start": "first", "key_end": "first",
             "as_of_last": "first", "var": "first", "value": "first", "lower": "min", "upper": "max",
             "lower_open": "any", "upper_open": "any"}


def _memberships(ctx: Context, rule: Rule) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(groups, members): each group quantity with sum_lower, sum_upper, `complete` (every member
    stated for the same time); each (group qkey, member) with the member quantity compared."""
    named = ctx.in_scope(rule)
    named = named.loc[named["identified"]]
    is_group = named["entity"].str.contains("+", regex=False)
    groups = named.loc[is_group].groupby("qkey").agg(_QUANTITY).reset_index()
    singles = named.loc[~is_group].groupby("qkey").agg(_QUANTITY).reset_index()
    listed = groups.assign(member=groups["entity"].str.split("+")).explode("member")
    size = listed.groupby("qkey")["member"].size()
    paired = listed[["qkey", "member", "metric", "scope", "period_start", "key_end", "as_of_last"]].merge(
        singles, left_on=["member", "metric", "scope", "period_start"], right_on=["entity", "metric", "scope", "period_start"],
        suffixes=("", "_m"))
    paired["same_time"] = paired["key_end"] == paired["key_end_m"]
    earlier = (paired["scope"] == "cumulative") & (paired["as_of_last_m"] <= paired["as_of_last"])
    paired = paired.loc[paired["same_time"] | earlier]
    paired = (paired.sort_values(["qkey", "member", "same_time", "as_of_last_m", "qkey_m"],
                                 ascending=[True, True, False, False, True], kind="stable")
              .drop_duplicates(["qkey", "member"]))
    paired = paired.assign(floor=paired["lower"].clip(lower=0))
    sums = paired.groupby("qkey").agg(sum_lower=("floor", "sum"), sum_upper=("upper", "sum"),
                                      sum_lower_open=("lower_open", "any"), sum_upper_open=("upper_open", "any"),
                                      same_time=("same_time", "sum"))
    groups = groups.merge(sums, left_on="qkey", right_index=True)
    groups["complete"] = groups["same_time"].to_numpy() == groups["qkey"].map(size).to_numpy()
    return groups, paired


def check(ctx: Context, rule: Rule) -> Found:
    groups, paired = ctx.once(NAME, rule, _memberships)
    slack = rule.tolerance * np.abs(groups["value"].to_numpy(float))
    exceed = apart(groups["upper"], groups["upper_open"], groups["sum_lower"], groups["sum_lower_open"], slack)
    short = groups["complete"].to_numpy(bool) & apart(groups["sum_upper"], groups["sum_upper_open"],
                                                     groups["lower"], groups["lower_open"], slack)
    groups = groups.loc[exceed | short].reset_index(drop=True)
    if groups.empty:
        return Found.empty()
    paired = paired.loc[paired["qkey"].isin(groups["qkey"])]
    # Only the claims the messages name are cited.
    claims = ctx.claims.loc[ctx.claims["qkey"].isin(groups["qkey"]) | ctx.claims["qkey"].isin(paired["qkey_m"])]
    claims = claims.assign(cite=wording.cited_column(claims))
    group_cites = claims.loc[claims["qkey"].isin(groups["qkey"])].groupby("qkey")["cite"].agg(list)
    member_cites = (paired[["qkey", "qkey_m"]].merge(claims[["qkey", "cite"]].rename(columns={"qkey": "qkey_m"}))
                    .drop_duplicates(["qkey", "qkey_m"]).groupby("qkey")["cite"].agg(list))
    rows = []
    for local, group in enumerate(groups.itertuples(index=False)):
        label = wording.period(group.period_start, group.key_end)
        figures = " + ".join(member_cites[group.qkey])
        stated_total = wording.listing(group_cites[group.qkey])
        if group.complete and group.sum_upper < group.lower:
            message = f"every member is stated: {figures} = {wording.span(group.sum_lower, group.sum_upper)}, but the group's figure is {stated_total}."
        else:
            message = f"its members' figures {figures} already add up to {wording.span(group.sum_lower, group.sum_upper)}, more than the group's figure {stated_total}."
        rows.append((local, NAME, group.entity, group.metric, group.scope, label, group.qkey,
                     f"{wording.quantity(group.entity, group.metric, label)}: {message}"))
    local = pd.Series(range(len(groups)), index=groups["qkey"])
    group_claims = claims.loc[claims["qkey"].isin(groups["qkey"]), ["qkey", "claim_id"]]
    member_claims = paired[["qkey", "qkey_m"]].merge(claims[["qkey", "claim_id"]].rename(columns={"qkey": "qkey_m"}))
    members = pd.concat([
        pd.DataFrame({"local": group_claims["qkey"].map(local).to_numpy(), "claim_id": group_claims["claim_id"].to_numpy(), "role": "group"}),
        pd.DataFrame({"local": member_claims["qkey"].map(local).to_numpy(), "claim_id": member_claims["claim_id"].to_numpy(), "role": "member"}),
    ], ignore_index=True)
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members)


def relations(ctx: Context, rule: Rule) -> Relations:
    """x[group] - sum(x[member]) >= -tolerance, and <= tolerance when every member is stated."""
    groups, paired = ctx.once(NAME, rule, _memberships)
    return whole_minus_parts(groups, "qkey", paired, "qkey", rule.tolerance)
