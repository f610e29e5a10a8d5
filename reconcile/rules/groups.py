"""Groups: a group's figure (entity "KG+KZ+TJ+UZ", or an entity figcheck.toml declares the sum of
its `parts`, a country of its provinces) is at least the sum of its members' figures for the same time, and about equal to it when every member is stated. For cumulative counts a member's
latest earlier figure counts too, since it can only have grown: a later group lower bound above
older member sums is consistent. Member figures are taken as non-negative."""

import numpy as np
import pandas as pd

from figcheck.claims.config import Rule
from figcheck.claims.gazetteer import parts
from figcheck.reconcile import wording
from figcheck.reconcile.intervals import apart
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations, whole_minus_parts

NAME = "groups"
DEFAULT = Rule(name=NAME, severity="warning", tolerance=0.05,
               description="a group total is at least the sum of its members, about equal when all are stated")
# Columns of a quantity's first claim: one string or code for all its claims (qkey is built from them).
_NAMED = ["qkey", "entity", "metric", "scope", "period_start", "key_end", "var"]
_SPAN = {"as_of_last": "first", "value": "first", "lower": "min", "upper": "max", "lower_open": "any", "upper_open": "any"}
_SERIES = ["member", "metric", "scope", "period_start"]


def _quantities(claims: pd.DataFrame, codes: np.ndarray) -> pd.DataFrame:
    """One row per quantity code, in code order: its first claim's `_NAMED` columns, the first stated
    value and date, and the interval spanning all its claims."""
    spans = claims[list(_SPAN)].groupby(codes).agg(_SPAN)
    _, first = np.unique(codes, return_index=True)
    return claims[_NAMED].iloc[first].set_axis(spans.index).join(spans)


def _memberships(ctx: Context, rule: Rule) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(groups, members): each group quantity with sum_lower, sum_upper, `complete` (every member
    stated for the same time); each (group qkey, member) with the member quantity compared (qkey_m)."""
    named = ctx.in_scope(rule, ctx.claims.loc[ctx.claims["identified"], _NAMED + list(_SPAN)])
    declared = {code: list(members) for code, members in parts(ctx.config).items()}
    is_group = (named["entity"].str.contains("+", regex=False) | named["entity"].isin(list(declared))).to_numpy()
    groups, singles = named.loc[is_group], named.loc[~is_group]
    # Quantities grouped on integer codes: sorting a million distinct qkey strings is what costs.
    groups = _quantities(groups, pd.factorize(groups["qkey"])[0]).sort_values("qkey").reset_index(drop=True)
    singles = _quantities(singles, pd.factorize(singles["qkey"])[0]).rename(columns={"entity": "member", "qkey": "qkey_m"})
    members = groups["entity"].str.split("+")
    if declared:
        members = members.where(~groups["entity"].isin(list(declared)), groups["entity"].map(declared))
    listed = (groups.assign(member=members)[_SERIES + ["key_end", "as_of_last"]]
              .explode("member").reset_index(names="group"))
    size = np.bincount(listed["group"], minlength=len(groups))
    listed = listed.drop_duplicates(["group", "member"]).reset_index(drop=True)
    # A member's quantity of the group's own end (at most one: a qkey is made of its columns), else
    # for cumulative counts its latest earlier one.
    same_time = listed.drop(columns="as_of_last").reset_index(names="row").merge(
        singles.drop(columns="as_of_last"), on=_SERIES + ["key_end"])
    rest = listed.loc[(listed["scope"] == "cumulative") & ~listed.index.isin(same_time["row"])]
    paired = pd.concat([same_time.assign(same_time=True), _latest_earlier(rest, singles).assign(same_time=False)])
    # Ordered by group qkey and member: the sums add up, and the solver's terms come, in this order.
    paired = paired.iloc[np.lexsort((pd.factorize(paired["member"], sort=True)[0], paired["group"].to_numpy()))]
    paired = paired.assign(floor=paired["lower"].clip(lower=0), qkey=groups["qkey"].to_numpy()[paired["group"].to_numpy()])
    sums = paired.groupby("group").agg(sum_lower=("floor", "sum"), sum_upper=("upper", "sum"),
                                       sum_lower_open=("lower_open", "any"), sum_upper_open=("upper_open", "any"),
                                       same_time=("same_time", "sum"))
    groups = groups.join(sums, how="inner").assign(complete=lambda g: g["same_time"].to_numpy() == size[g.index])
    return groups.reset_index(drop=True), paired[["qkey", "qkey_m", "var"]].reset_index(drop=True)


def _latest_earlier(listed: pd.DataFrame, singles: pd.DataFrame) -> pd.DataFrame:
    """Each listed member's quantity of the latest date no later than its group's, of equally dated
    ones the smallest qkey_m (its end is all that differs): `group` and the quantity's columns."""
    listed = listed.loc[listed["as_of_last"].notna()]
    dated = singles.loc[singles["as_of_last"].notna()].sort_values(["as_of_last", "key_end"], ascending=[True, False])
    if listed.empty or dated.empty:  # an empty frame's columns may be of object dtype, which merge_asof refuses
        return dated.iloc[:0].assign(group=0)
    # merge_asof takes the last of equally dated candidates: the smallest end.
    found = pd.merge_asof(listed.sort_values("as_of_last")[["group", "as_of_last"] + _SERIES],
                          dated[["as_of_last"] + _SERIES].assign(at=np.arange(len(dated))),
                          on="as_of_last", by=_SERIES).dropna(subset="at")
    return dated.iloc[found["at"].to_numpy(int)].assign(group=found["group"].to_numpy())


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
