"""Headline against body: within one document, the headline's figure agrees with what the body says
for the same quantity (its latest-dated figures) and with the sum of the body's parts of it.

The headline is the document's first line, or any line reading as the registry's `title`. The
body's parts are its figures whose metrics figcheck.toml declares `part_of` the headline's metric,
for the same entity, scope and start: when every declared part is stated (two or more) they add up
to the headline, otherwise they never exceed it.
"""

import numpy as np
import pandas as pd

from figcheck.claims.config import Rule
from figcheck.reconcile import wording
from figcheck.reconcile.copies import normalised
from figcheck.reconcile.intervals import apart
from figcheck.reconcile.links import declared
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations

NAME = "headline"
DEFAULT = Rule(name=NAME, severity="error", description="a headline's figure agrees with its document's body")
_SAME = ["source_id", "entity", "metric", "scope", "period_start"]
_READ = _SAME + ["claim_id", "line", "quote", "title", "as_of", "as_of_last", "key_end", "value", "qualifier", "var",
                 "lower", "upper", "lower_open", "upper_open", "identified"]


def _split(ctx: Context, rule: Rule) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(pairs, sums, parts): each headline claim with each latest body claim of its quantity; each
    headline claim with the sum of its body parts (`complete` when every declared part is stated);
    the parts summed, with the headline they sum for (`headline_id`)."""
    claims = ctx.claims.loc[(ctx.claims["entity"] != "") & (ctx.claims["metric"] != ""), _READ]
    titles = claims["title"].drop_duplicates()
    title_text = pd.Series([normalised(t) for t in titles], index=titles.to_numpy())
    quotes = claims["quote"].drop_duplicates()
    quote_text = pd.Series([normalised(q) for q in quotes], index=quotes.to_numpy())
    first_line = claims["line"] == 1
    as_title = (claims["title"] != "") & (claims["quote"].map(quote_text) == claims["title"].map(title_text))
    is_headline = first_line | as_title
    heads = ctx.in_scope(rule, claims.loc[is_headline & claims["identified"]])
    # "revised to 14, from 13": the headline's figure is its latest; the earlier one is context.
    heads = heads.loc[heads["as_of_last"] == heads.groupby(_SAME)["as_of_last"].transform("max")]
    body = claims.loc[~is_headline & claims["identified"]]
    # The body's latest statement of each quantity: what the headline should say.
    latest = body.loc[body["as_of_last"] == body.groupby(_SAME)["as_of_last"].transform("max")]
    pairs = heads.merge(latest, on=_SAME, suffixes=("", "_body"))

    parent = declared(ctx.config, "part")
    needed = pd.Series(parent, dtype=object).value_counts()
    parts = body.assign(whole=body["metric"].map(parent)).dropna(subset=["whole"])
    parts = parts.loc[parts["as_of_last"] == parts.groupby(_SAME)["as_of_last"].transform("max")]
    parts = parts.drop_duplicates(_SAME)  # a part stated twice counts once
    keyed = heads.merge(parts.drop(columns="metric").rename(columns={"whole": "metric"}),
                        on=_SAME, suffixes=("", "_part"))
    sums = keyed.groupby("claim_id").agg(sum_lower=("lower_part", "sum"), sum_upper=("upper_part", "sum"),
                                         stated=("claim_id_part", "size"))
    sums = heads.set_index("claim_id").join(sums, how="inner").reset_index()
    sums["complete"] = (sums["stated"] >= 2) & (sums["stated"] == sums["metric"].map(needed).fillna(-1))
    summed = keyed[["claim_id", "claim_id_part", "var_part"]].rename(columns={"claim_id": "headline_id"})
    return pairs, sums, summed


def check(ctx: Context, rule: Rule) -> Found:
    pairs, sums, summed = ctx.once(NAME, rule, _split)
    slack = rule.tolerance * np.abs(pairs["value"].to_numpy(float))
    differ = (apart(pairs["upper"], pairs["upper_open"], pairs["lower_body"], pairs["lower_open_body"], slack)
              | apart(pairs["upper_body"], pairs["upper_open_body"], pairs["lower"], pairs["lower_open"], slack))
    pairs = pairs.loc[np.asarray(differ, bool)]
    sum_slack = rule.tolerance * np.abs(sums["value"].to_numpy(float))
    exceed = sums["sum_lower"].to_numpy(float) > sums["upper"].to_numpy(float) + sum_slack
    short = sums["complete"].to_numpy(bool) & (sums["sum_upper"].to_numpy(float) < sums["lower"].to_numpy(float) - sum_slack)
    sums = sums.loc[exceed | short]
    if pairs.empty and sums.empty:
        return Found.empty()
    rows, members = [], []
    for head_id, group in pairs.groupby("claim_id", sort=True):
        head = group.iloc[0]
        said = wording.listing([wording.cited(b.value_body, b.qualifier_body, b.source_id, b.line_body)
                                for b in group.itertuples(index=False)])
        message = (f"{wording.quantity(head.entity, head.metric, '')}: the headline says "
                   f"{wording.cited(head.value, head.qualifier, head.source_id, head.line)} but the body says {said}.")
        local = len(rows)
        rows.append(_row(local, head, message, "body"))
        members += [(local, head_id, "headline")] + [(local, b, "body") for b in group["claim_id_body"]]
    for total in sums.itertuples(index=False):
        parts = summed.loc[summed["headline_id"] == total.claim_id, "claim_id_part"].tolist()
        relation = "add up to" if total.sum_lower > total.upper else "add up to only"
        message = (f"{wording.quantity(total.entity, total.metric, '')}: the headline says "
                   f"{wording.cited(total.value, total.qualifier, total.source_id, total.line)} but the body's parts "
                   f"{relation} {wording.span(total.sum_lower, total.sum_upper)}.")
        local = len(rows)
        rows.append(_row(local, total, message, "parts"))
        members += [(local, total.claim_id, "headline")] + [(local, p, "part") for p in parts]
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), pd.DataFrame(members, columns=["local", "claim_id", "role"]))


def _row(local: int, head, message: str, against: str) -> tuple:
    key = "|".join([head.source_id, head.entity, head.metric, head.scope, head.period_start, against])
    return (local, NAME, head.entity, head.metric, head.scope, wording.period(head.period_start, head.key_end), key, message)


def relations(ctx: Context, rule: Rule) -> Relations:
    """x[headline] = x[body's latest figure] where they are different quantities; x[headline] minus the
    sum of its body parts within ± tolerance when the parts are complete, at least zero otherwise."""
    pairs, sums, summed = ctx.once(NAME, rule, _split)
    pairs = pairs.loc[pairs["var"] != pairs["var_body"]].drop_duplicates(["var", "var_body"])
    same = np.arange(len(pairs))
    slack = rule.tolerance * np.abs(pairs["value"].to_numpy(float))
    terms = [pd.DataFrame({"rel": np.concatenate([same, same]),
                           "var": np.concatenate([pairs["var"].to_numpy(), pairs["var_body"].to_numpy()]),
                           "coef": np.concatenate([np.ones(len(same)), -np.ones(len(same))])})]
    bounds = [pd.DataFrame({"rel": same, "lo": -slack, "hi": slack})]
    rel = pd.Series(len(same) + np.arange(len(sums)), index=sums["claim_id"].to_numpy())
    terms += [pd.DataFrame({"rel": rel.to_numpy(), "var": sums["var"].to_numpy(), "coef": 1.0}),
              pd.DataFrame({"rel": summed["headline_id"].map(rel).to_numpy(), "var": summed["var_part"].to_numpy(), "coef": -1.0})]
    sum_slack = rule.tolerance * np.abs(sums["value"].to_numpy(float))
    bounds.append(pd.DataFrame({"rel": rel.to_numpy(), "lo": -sum_slack,
                                "hi": np.where(sums["complete"].to_numpy(bool), sum_slack, np.inf)}))
    terms = pd.concat(terms, ignore_index=True).dropna(subset=["rel"])
    return Relations(terms.astype({"rel": int, "var": int}), pd.concat(bounds, ignore_index=True))
