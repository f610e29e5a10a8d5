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
from figcheck.reconcile.quantities import FAR_BELOW, quantity_key

NAME = "subset"
DEFAULT = Rule(name=NAME, severity="error", description="a subset never exceeds its set")


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
    # A subset more than ten times its set is a misread figure ("three states" read as an alliance's
    # seats), not a discrepancy: no finding, no constraint.
    value = np.abs(claims["value"].to_numpy(float))
    found = found.loc[~((value[found["sub"]] > FAR_BELOW * value[found["set"]]) & (value[found["set"]] > 0))
                      ].reset_index(drop=True)
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
    # One finding per pair of quantities: every claim of the subset that exceeds a claim of the set, so
    # that one misread figure stated in several sources is one finding, not one per source.
    sub, sup = sub[exceeds], sup[exceeds]
    var = claims["var"].to_numpy()
    group = pd.DataFrame({"sub": var[sub], "set": var[sup]}).groupby(["sub", "set"], sort=False).ngroup().to_numpy()
    # Each group's pairs from one sort, not a scan of every pair per group.
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(group.max() + 2))
    involved = np.unique(np.concatenate([sub, sup]))
    cite = pd.Series(wording.cited_column(claims.iloc[involved]).to_numpy(), index=involved)
    ids = claims["claim_id"].to_numpy()
    rows, members = [], []
    for local in range(len(bounds) - 1):
        at = order[bounds[local]:bounds[local + 1]]
        subs, sets = pd.unique(sub[at]), pd.unique(sup[at])
        pair, small = claims.iloc[sup[at[0]]], claims.iloc[subs[0]]
        label = wording.period(pair.period_start, pair.key_end)
        verb = "exceeds" if len(subs) == 1 else "exceed"
        message = (f"{wording.quantity(pair.entity, small.metric, label)}: {small.metric} is a subset of "
                   f"{pair.metric}, yet {wording.listing(cite[subs].tolist())} {verb} {wording.listing(cite[sets].tolist())}.")
        key = "|".join([pair.entity, small.metric, pair.scope, pair.period_start, pair.key_end])
        rows.append((local, NAME, pair.entity, small.metric, pair.scope, label, key, message))
        members += [(local, claim, "subset") for claim in ids[subs]]
        members += [(local, claim, "set") for claim in ids[sets]]
    members = pd.DataFrame(members, columns=["local", "claim_id", "role"])
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
