"""Cumulative counts never shrink: for one entity, metric and start, a later period_end cannot bring
a lower figure. Event and snapshot figures are never compared by this rule, however they differ.

A running count reported several times on one date, by sources stating no hour, is no contradiction
(`figcheck.reconcile.quantities` gives each such report its own moment): it is reported once per
day, at `info`, as updated during the day, the highest figure taken as the latest."""

import numpy as np
import pandas as pd

from figcheck.claims.config import Rule
from figcheck.reconcile import wording
from figcheck.reconcile.dates import day_range
from figcheck.reconcile.intervals import apart
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations
from figcheck.reconcile.ordering import best_earlier
from figcheck.reconcile.quantities import DAY_LENGTH as _DAY, FAR_BELOW

NAME = "cumulative"
DEFAULT = Rule(name=NAME, severity="error", description="a cumulative count never shrinks as its period_end grows")
_SERIES = ["entity", "metric", "start_day"]
_COLUMNS = ["claim_id", "entity", "metric", "scope", "period_start", "qkey", "time", "var", "cohort", "as_of", "as_of_first",
            "as_of_last", "value", "qualifier", "source_id", "line", "lower", "upper", "lower_open", "upper_open"]


def _series(ctx: Context, rule: Rule) -> pd.DataFrame:
    """The dated cumulative claims the rule compares, with `series` numbering (entity, metric, start)."""
    claims = ctx.claims
    claims = claims.loc[claims["identified"] & (claims["scope"] == "cumulative") & claims["as_of_first"].notna(), _COLUMNS]
    claims = ctx.in_scope(rule, claims)
    # A series starts on a day, however the start is written: "2022" and "2022-01-01" are one series.
    first_day, _ = day_range(claims["period_start"])
    claims = claims.assign(start_day=np.nan_to_num(first_day, nan=-np.inf))
    return claims.assign(series=claims.groupby(_SERIES, sort=True).ngroup().to_numpy())


def check(ctx: Context, rule: Rule) -> Found:
    claims = ctx.once(NAME, rule, _series)
    earlier = best_earlier(claims["series"].to_numpy(), claims["as_of_first"].to_numpy(),
                           claims["as_of_last"].to_numpy(), claims["lower"].to_numpy())
    # Compared as numpy columns; only the pairs that shrink are given their claims' columns.
    later = np.flatnonzero(earlier >= 0)
    before = earlier[later]
    lower, upper = claims["lower"].to_numpy(float), claims["upper"].to_numpy(float)
    lower_open, upper_open = claims["lower_open"].to_numpy(bool), claims["upper_open"].to_numpy(bool)
    slack = rule.tolerance * np.abs(claims["value"].to_numpy(float)[before])
    shrinks = apart(upper[later], upper_open[later], lower[before], lower_open[before], slack)
    # One cohort is one quantity: its differences are the cohort rule's to report.
    cohort = claims["cohort"].to_numpy(object)
    shrinks &= ~((cohort[later] != "") & (cohort[later] == cohort[before]))
    # A running total that falls to under a tenth is a part or a day's figure read as the total.
    value = np.abs(claims["value"].to_numpy(float))
    shrinks &= ~(value[later] * FAR_BELOW < value[before])
    later, before = claims.iloc[later[shrinks]], claims.iloc[before[shrinks]]
    updates = _updated_during_the_day(claims, rule)
    if later.empty:
        return updates
    # One finding per earlier count that later ones fall below: a count above several later ones is
    # one discrepancy (most likely that count), not one per later report.
    local, _ = pd.factorize(before["claim_id"])
    above = before.iloc[np.unique(local, return_index=True)[1]]  # the one earlier count of each finding
    rows = []
    for n, news in later.groupby(local, sort=True):
        old, new = above.iloc[n], news.iloc[-1]
        since = f"since {new.period_start}" if new.period_start else "to date"
        lower = [f"{wording.cited(r.value, r.qualifier, r.source_id, r.line)} by {r.as_of}" for r in news.itertuples()]
        message = (f"{new.entity} {new.metric} counted {since} is cumulative and cannot shrink: "
                   f"{wording.cited(old.value, old.qualifier, old.source_id, old.line)} by {old.as_of}, then "
                   f"{wording.listing(lower)}{wording.drop(old.lower - news['upper'].min())}.")
        key = "|".join([new.entity, new.metric, new.scope, new.period_start])
        rows.append((n, NAME, new.entity, new.metric, new.scope, wording.period(new.period_start, new.as_of), key, message))
    members = pd.concat([
        pd.DataFrame({"local": local, "claim_id": before["claim_id"].to_numpy(), "role": "earlier"}),
        pd.DataFrame({"local": local, "claim_id": later["claim_id"].to_numpy(), "role": "later"}),
    ], ignore_index=True).drop_duplicates(["local", "claim_id"])
    shrinking = Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members)
    return Found.concat([shrinking, updates])


def _updated_during_the_day(claims: pd.DataFrame, rule: Rule) -> Found:
    """One info finding per series and date whose figures differ between moments of that day."""
    daily = claims.loc[claims["as_of"].str.len() == _DAY].assign(day=lambda f: f["series"].astype(str) + "|" + f["as_of"])
    moments = daily.groupby("day")["qkey"].transform("nunique")
    spread = daily.groupby("day")["value"].transform("max") - daily.groupby("day")["value"].transform("min")
    daily = daily.loc[(moments > 1) & (spread > rule.tolerance * daily["value"].abs())]
    if daily.empty:
        return Found.empty()
    daily = daily.sort_values(["day", "value", "time", "source_id", "line"], kind="stable")
    daily = daily.assign(cite=wording.cited_column(daily) + np.where(daily["time"] != "", " at " + daily["time"], ""))
    rows = []
    for local, (day, group) in enumerate(daily.groupby("day", sort=True)):
        first, latest = group.iloc[0], group.iloc[-1]
        since = f"since {first.period_start}" if first.period_start else "to date"
        message = (f"{first.entity} {first.metric} counted {since} was updated during the day on {first.as_of}: "
                   f"{wording.listing(group['cite'].tolist())}. Not a contradiction: the sources state no common "
                   f"hour; the highest, {latest.cite}, is taken as the latest.")
        key = "|".join([first.entity, first.metric, first.scope, first.period_start, first.as_of, "updated"])
        rows.append((local, NAME, first.entity, first.metric, first.scope, wording.period(first.period_start, first.as_of),
                     key, message))
    found = pd.DataFrame(rows, columns=FOUND_COLUMNS).assign(severity="info")
    local = daily["day"].map({day: n for n, day in enumerate(sorted(daily["day"].unique()))})
    return Found(found, pd.DataFrame({"local": local.to_numpy(), "claim_id": daily["claim_id"].to_numpy(), "role": "update"}))


def relations(ctx: Context, rule: Rule) -> Relations:
    """x[later quantity] - x[latest earlier quantity] >= 0 for each dated quantity of a series."""
    quantities = ctx.once(NAME, rule, _series)[["qkey", "series", "as_of_first", "as_of_last", "var", "value"]]
    quantities = quantities.drop_duplicates("qkey").reset_index(drop=True)
    earlier = best_earlier(quantities["series"].to_numpy(), quantities["as_of_first"].to_numpy(),
                           quantities["as_of_last"].to_numpy(), quantities["as_of_last"].to_numpy())
    new = quantities.loc[earlier >= 0]
    old = quantities.iloc[earlier[earlier >= 0]].set_axis(new.index)
    keep = new["var"].to_numpy() != old["var"].to_numpy()
    new, old = new.loc[keep], old.loc[keep]
    rel = np.arange(len(new))
    terms = pd.DataFrame({"rel": np.concatenate([rel, rel]),
                          "var": np.concatenate([new["var"].to_numpy(), old["var"].to_numpy()]),
                          "coef": np.concatenate([np.ones(len(rel)), -np.ones(len(rel))])})
    bounds = pd.DataFrame({"rel": rel, "lo": -rule.tolerance * np.abs(old["value"].to_numpy(float)), "hi": np.inf})
    return Relations(terms, bounds)
