"""Same cohort: cumulative claims with equal values of the configured key are one quantity.

`rules.cohort.key` lists claim columns (entity, period_start, ...) and metric names; a metric name
stands for the value of that metric's claim stated in the same source for the same entity and
period (e.g. "five operations since May 2019"). Two reports of the same operations then count the
same people even when their dates differ, so their totals and breakdowns must agree.
"""

import pandas as pd

from figcheck.claims.config import Config, ConfigError, Rule
from figcheck.reconcile import wording
from figcheck.reconcile.disagreement import conflicts, witnesses
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations

NAME = "cohort"
DEFAULT = Rule(name=NAME, severity="error", description="cumulative claims about the same cohort must agree")
OPTIONS = ("key",)
_CONTEXT = ["source_id", "entity", "period_start", "period_end"]


def prepare(claims: pd.DataFrame, config: Config, rule: Rule) -> pd.DataFrame:
    """Columns cohort (the key, "" when the claim has none) and cohort_label (the key in words): claims
    of one cohort share one solver variable, and other rules read them."""
    empty = pd.DataFrame({"cohort": "", "cohort_label": ""}, index=claims.index)
    if not rule.enabled or not rule.key or claims.empty:
        return empty
    parts = []
    complete = (claims["scope"] == "cumulative") & (claims["metric"] != "")
    for entry in rule.key:
        if entry in config.metrics:
            part = _stated_with(claims, entry)
        elif entry in claims.columns:
            part = claims[entry].astype(str)
        else:
            raise ConfigError(f"'rules.{rule.name}.key' names '{entry}', which is neither a claim column "
                              "nor a metric of [metrics]")
        complete &= part != ""
        parts.append(part)
    # Words only for the claims with a whole key: usually few of them.
    labels = [entry + " " + part.loc[complete] for entry, part in zip(rule.key, parts)]
    label = labels[0].str.cat(labels[1:], sep=", ") if len(labels) > 1 else labels[0]
    key = claims["metric"].loc[complete] + "|" + claims["scope"].loc[complete] + "|" + label
    return pd.DataFrame({"cohort": key, "cohort_label": label}).reindex(claims.index, fill_value="")


def _stated_with(claims: pd.DataFrame, metric: str) -> pd.Series:
    """For each claim, the value of `metric` stated in its source for its entity and period ("" if
    none or ambiguous)."""
    stated = claims.loc[claims["metric"] == metric]
    values = stated.groupby(_CONTEXT)["value"].agg(["nunique", "first"])
    values = values.loc[values["nunique"] == 1, "first"].map(wording.number).rename("stated")
    # Only claims of sources stating the metric are looked up.
    near = claims.loc[claims["source_id"].isin(stated["source_id"]), _CONTEXT]
    merged = near.merge(values, left_on=_CONTEXT, right_index=True, how="left")
    return merged["stated"].set_axis(near.index).reindex(claims.index).astype(object).fillna("")


def check(ctx: Context, rule: Rule) -> Found:
    claims = ctx.in_scope(rule)
    claims = claims.loc[claims["identified"] & (claims["cohort"] != "")]
    spread = claims.groupby("cohort")["qkey"].nunique()
    claims = claims.loc[claims["cohort"].isin(spread.index[spread > 1])]
    clashes = conflicts(claims, "cohort", rule.tolerance)
    if clashes.empty:
        return Found.empty()
    columns = ["entity", "metric", "scope", "period_start", "key_end", "qkey", "cohort_label", "as_of",
               "as_of_first", "as_of_last"]
    low, high = witnesses(clashes, claims, columns)
    distinct = (low["qkey"] != high["qkey"]).to_numpy()
    clashes, low, high = (frame.loc[distinct].reset_index(drop=True) for frame in (clashes, low, high))
    rows = []
    for local, (clash, lo, hi) in enumerate(zip(clashes.itertuples(index=False), low.itertuples(index=False),
                                                high.itertuples(index=False))):
        message = (f"{lo.entity} {lo.metric}: {lo.cite}, dated {wording.period(lo.period_start, lo.key_end)}, and "
                   f"{hi.cite}, dated {wording.period(hi.period_start, hi.key_end)}, count the same cohort "
                   f"({lo.cohort_label}), so they must agree{wording.gap(clash.gap)}: "
                   "the dates differ, the cohort does not." + _shrinking(lo, hi))
        rows.append((local, NAME, lo.entity, lo.metric, lo.scope, lo.period_start + "..", clash.cohort, message))
    members = clashes[["cohort"]].reset_index(names="local").merge(claims[["cohort", "claim_id"]], on="cohort")
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members[["local", "claim_id"]].assign(role="stated"))


def _shrinking(low, high) -> str:
    """A note when the later-dated figure is the lower one, which no cumulative count can be."""
    if low.as_of_first > high.as_of_last:
        return (f" The later figure ({low.as_of}) is also lower than the earlier one ({high.as_of}), "
                "which a cumulative count cannot be.")
    return ""


def relations(ctx: Context, rule: Rule) -> Relations:
    """None: claims of one cohort share one solver variable."""
    return Relations.empty()
