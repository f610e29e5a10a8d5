"""Same cohort: cumulative claims with equal values of the configured key are one quantity.

`rules.cohort.key` lists claim columns (entity, period_start, ...) and metric names; a metric name
stands for the value of that metric's claim stated in the same source for the same entity and
period (e.g. "five operations since May 2019"). Two reports of the same operations then count the
same people even when their dates differ, so their totals and breakdowns must agree.
"""

import pandas as pd

from claims.config import Config, ConfigError, Rule
from reconcile import wording
from reconcile.disagreement import conflicts
from reconcile.model import FOUND_COLUMNS, Context, Found, Relations

NAME = "cohort"
DEFAULT = Rule(name=NAME, severity="error", description="cumulative claims about the same cohort must agree")
_CONTEXT = ["source_id", "entity", "period_start", "period_end"]


def cohorts(claims: pd.DataFrame, config: Config, rule: Rule) -> pd.DataFrame:
    """Columns cohort (the key, "" when the claim has none) and cohort_label (the key in words)."""
    empty = pd.DataFrame({"cohort": "", "cohort_label": ""}, index=claims.index)
    if not rule.enabled or not rule.key or claims.empty:
        return empty
    labels = []
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
        labels.append(entry + " " + part)
    label = labels[0].str.cat(labels[1:], sep=", ") if len(labels) > 1 else labels[0]
    key = claims["metric"] + "|" + claims["scope"] + "|" + label
    return pd.DataFrame({"cohort": key.where(complete, ""), "cohort_label": label.where(complete, "")})


def _stated_with(claims: pd.DataFrame, metric: str) -> pd.Series:
    """For each claim, the value of `metric` stated in its source for its entity and period ("" if
    none or ambiguous)."""
    stated = claims.loc[claims["metric"] == metric]
    values = stated.groupby(_CONTEXT)["value"].agg(["nunique", "first"])
    values = values.loc[values["nunique"] == 1, "first"].map(wording.number).rename("stated")
    merged = claims[_CONTEXT].merge(values, left_on=_CONTEXT, right_index=True, how="left")
    return merged["stated"].astype(object).fillna("").set_axis(claims.index)


def check(ctx: Context, rule: Rule) -> Found:
    claims = ctx.in_scope(rule)
    claims = claims.loc[claims["identified"] & (claims["cohort"] != "")]
    spread = claims.groupby("cohort")["qkey"].nunique()
    claims = claims.loc[claims["cohort"].isin(spread.index[spread > 1])]
    clashes = conflicts(claims, "cohort", rule.tolerance)
    if clashes.empty:
        return Found.empty()
    by_id = claims.set_index("claim_id").assign(cite=lambda f: wording.cited_column(f))
    clashes = clashes.loc[by_id.loc[clashes["low"], "qkey"].to_numpy() != by_id.loc[clashes["high"], "qkey"].to_numpy()]
    clashes = clashes.reset_index(drop=True)
    rows = []
    for local, clash in enumerate(clashes.itertuples(index=False)):
        low, high = by_id.loc[clash.low], by_id.loc[clash.high]
        message = (f"{low['entity']} {low['metric']}: {low['cite']}, dated "
                   f"{wording.period(low['period_start'], low['key_end'])}, and {high['cite']}, dated "
                   f"{wording.period(high['period_start'], high['key_end'])}, count the same cohort "
                   f"({low['cohort_label']}), so they must agree{wording.gap(clash.gap)}: "
                   "the dates differ, the cohort does not." + _shrinking(low, high))
        rows.append((local, NAME, low["entity"], low["metric"], low["scope"], low["period_start"] + "..", clash.cohort, message))
    members = clashes[["cohort"]].reset_index(names="local").merge(claims[["cohort", "claim_id"]], on="cohort")
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members[["local", "claim_id"]].assign(role="stated"))


def _shrinking(low, high) -> str:
    """A note when the later-dated figure is the lower one, which no cumulative count can be."""
    if low["as_of_first"] > high["as_of_last"]:
        return (f" The later figure ({low['as_of']}) is also lower than the earlier one ({high['as_of']}), "
                "which a cumulative count cannot be.")
    return ""


def relations(ctx: Context, rule: Rule) -> Relations:
    """None: claims of one cohort share one solver variable."""
    return Relations.empty()
