"""Subsets: a subset never exceeds its set (orphans <= children), within a source or across sources
for the same entity, scope and period. A declared part is a subset of its total too, across
sources; within a source the parts rule judges it with its siblings."""

import numpy as np
import pandas as pd

from claims.config import Rule
from reconcile import wording
from reconcile.intervals import apart
from reconcile.links import declared
from reconcile.model import FOUND_COLUMNS, Context, Found, Relations

NAME = "subset"
DEFAULT = Rule(name=NAME, severity="error", description="a subset never exceeds its set")
_SAME_QUANTITY = ["entity", "scope", "period_start", "key_end"]
_PAIR = ["claim_id", "var", "value", "qualifier", "lower", "upper", "lower_open", "upper_open", "source_id", "line",
         "entity", "metric", "scope", "period_start", "key_end"]


def _pairs(ctx: Context, rule: Rule) -> pd.DataFrame:
    """One row per (subset claim, set claim): columns of `_PAIR` suffixed _sub and _set."""
    claims = ctx.claims
    subset_of, part_of = declared(ctx.config, "subset"), declared(ctx.config, "part")
    tied = ctx.links.loc[ctx.links["relation"] == "subset"]
    direct = (tied.merge(claims[_PAIR].add_suffix("_sub"), left_on="part_id", right_on="claim_id_sub")
              .merge(claims[_PAIR].add_suffix("_set"), left_on="total_id", right_on="claim_id_set"))
    named = claims.loc[claims["identified"]]
    parent = named["metric"].map({**part_of, **subset_of})
    small = named.loc[parent.notna(), _PAIR].assign(parent=parent.dropna()).add_suffix("_sub")
    across = small.merge(named[_PAIR].add_suffix("_set"),
                         left_on=[c + "_sub" for c in _SAME_QUANTITY] + ["parent_sub"],
                         right_on=[c + "_set" for c in _SAME_QUANTITY] + ["metric_set"])
    siblings = (across["source_id_sub"] == across["source_id_set"]) & across["metric_sub"].isin(list(part_of))
    found = pd.concat([direct, across.loc[~siblings]], ignore_index=True)
    found = found.drop_duplicates(["claim_id_sub", "claim_id_set"]).sort_values(["claim_id_sub", "claim_id_set"])
    keep = ctx.in_scope(rule, found.rename(columns={"metric_sub": "metric", "entity_sub": "entity"})).index
    return found.loc[keep, [c + "_sub" for c in _PAIR] + [c + "_set" for c in _PAIR]].reset_index(drop=True)


def check(ctx: Context, rule: Rule) -> Found:
    found = ctx.once(NAME, rule, _pairs)
    slack = rule.tolerance * np.abs(found["value_set"].to_numpy(float))
    found = found.loc[apart(found["upper_set"], found["upper_open_set"], found["lower_sub"], found["lower_open_sub"], slack)]
    if found.empty:
        return Found.empty()
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
    found = ctx.once(NAME, rule, _pairs)
    found = found.loc[found["var_sub"] != found["var_set"]].drop_duplicates(["var_sub", "var_set"])
    rel = np.arange(len(found))
    terms = pd.DataFrame({"rel": np.concatenate([rel, rel]),
                          "var": np.concatenate([found["var_sub"].to_numpy(), found["var_set"].to_numpy()]),
                          "coef": np.concatenate([np.ones(len(rel)), -np.ones(len(rel))])})
    bounds = pd.DataFrame({"rel": rel, "lo": -np.inf, "hi": rule.tolerance * np.abs(found["value_set"].to_numpy(float))})
    return Relations(terms, bounds)
