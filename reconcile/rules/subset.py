"""Subsets: a subset never exceeds its set (orphans <= children), within a source or across sources
for the same entity, scope and period. A declared part is a subset of its total too, across
sources; within a source the parts rule judges it with its siblings."""

import numpy as np
import pandas as pd

from figcheck.claims.config import Rule
from figcheck.reconcile import wording
from figcheck.reconcile.intervals import apart
from figcheck.reconcile.links import declared
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations
from figcheck.reconcile.quantities import quantity_key

NAME = "subset"
DEFAULT = Rule(name=NAME, severity="error", description="a subset never exceeds its set")
_PAIR = ["claim_id", "var", "value", "qualifier", "lower", "upper", "lower_open", "upper_open", "source_id", "line",
         "entity", "metric", "scope", "period_start", "key_end"]


def _pairs(ctx: Context, rule: Rule) -> pd.DataFrame:
    """Row positions in the claims of each (subset claim, set claim): columns sub and set, sorted by
    the two claim ids (the claims are in claim_id order)."""
    claims = ctx.claims
    subset_of, part_of = declared(ctx.config, "subset"), declared(ctx.config, "part")
    tied = ctx.links.loc[ctx.links["relation"] == "subset"]
    direct = pd.DataFrame({"sub": tied["part_at"].to_numpy(), "set": tied["total_at"].to_numpy()})
    identified = claims["identified"].to_numpy(bool)
    parent = claims["metric"].map({**part_of, **subset_of})
    subsets = np.flatnonzero(identified & parent.notna().to_numpy())
    small = claims.iloc[subsets]
    wanted = quantity_key(small["entity"], parent.iloc[subsets], small["scope"], small["period_start"], small["key_end"])
    sets = np.flatnonzero(identified)
    across = (pd.DataFrame({"key": wanted.to_numpy(), "sub": subsets})
              .merge(pd.DataFrame({"key": claims["qkey"].to_numpy()[sets], "set": sets}), on="key"))
    source, metric = claims["source_id"].to_numpy(), claims["metric"]
    siblings = (source[across["sub"]] == source[across["set"]]) & metric.isin(list(part_of)).to_numpy()[across["sub"]]
    found = (pd.concat([direct, across.loc[~siblings, ["sub", "set"]]], ignore_index=True)
             .drop_duplicates().sort_values(["sub", "set"], ignore_index=True))
    seen = pd.DataFrame({"metric": metric.to_numpy()[found["sub"]], "entity": claims["entity"].to_numpy()[found["sub"]]})
    return found.loc[ctx.in_scope(rule, seen).index].reset_index(drop=True)


def _set_slack(claims: pd.DataFrame, found: pd.DataFrame, rule: Rule) -> np.ndarray:
    """The tolerance of each pair: a share of the set's figure."""
    return rule.tolerance * np.abs(claims["value"].to_numpy(float)[found["set"]])


def check(ctx: Context, rule: Rule) -> Found:
    claims, found = ctx.claims, ctx.once(NAME, rule, _pairs)
    sub, sup = found["sub"].to_numpy(), found["set"].to_numpy()
    exceeds = apart(claims["upper"].to_numpy()[sup], claims["upper_open"].to_numpy()[sup],
                    claims["lower"].to_numpy()[sub], claims["lower_open"].to_numpy()[sub], _set_slack(claims, found, rule))
    if not exceeds.any():
        return Found.empty()
    # Only the pairs in findings are given their columns.
    found = pd.concat([claims[_PAIR].take(sub[exceeds]).add_suffix("_sub").reset_index(drop=True),
                       claims[_PAIR].take(sup[exceeds]).add_suffix("_set").reset_index(drop=True)], axis=1)
    rows = []
    for local, pair in enumerate(found.itertuples(index=False)):
        label = wording.period(pair.period_start_set, pair.key_end_set)
        message = (f"{wording.quantity(pair.entity_set, pair.metric_sub, label)}: {pair.metric_sub} is a subset of "
                   f"{pair.metric_set}, yet {wording.cited(pair.value_sub, pair.qualifier_sub, pair.source_id_sub, pair.line_sub)} "
                   f"exceeds {wording.cited(pair.value_set, pair.qualifier_set, pair.source_id_set, pair.line_set)}.")
        key = "|".join([pair.entity_set, pair.metric_sub, pair.scope_set, pair.period_start_set, pair.key_end_set])
        rows.append((local, NAME, pair.entity_set, pair.metric_sub, pair.scope_set, label, key, message))
    local = np.arange(len(found))
    members = pd.concat([pd.DataFrame({"local": local, "claim_id": found["claim_id_sub"].to_numpy(), "role": "subset"}),
                         pd.DataFrame({"local": local, "claim_id": found["claim_id_set"].to_numpy(), "role": "set"})],
                        ignore_index=True)
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members)


def relations(ctx: Context, rule: Rule) -> Relations:
    """x[subset] - x[set] <= tolerance, once per pair of quantities."""
    claims, found = ctx.claims, ctx.once(NAME, rule, _pairs)
    var = claims["var"].to_numpy()
    found = found.assign(var_sub=var[found["sub"]], var_set=var[found["set"]])
    found = found.loc[found["var_sub"] != found["var_set"]].drop_duplicates(["var_sub", "var_set"])
    rel = np.arange(len(found))
    terms = pd.DataFrame({"rel": np.concatenate([rel, rel]),
                          "var": np.concatenate([found["var_sub"].to_numpy(), found["var_set"].to_numpy()]),
                          "coef": np.concatenate([np.ones(len(rel)), -np.ones(len(rel))])})
    bounds = pd.DataFrame({"rel": rel, "lo": -np.inf, "hi": _set_slack(claims, found, rule)})
    return Relations(terms, bounds)
