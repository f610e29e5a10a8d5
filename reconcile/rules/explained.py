"""Explained differences: figures of two documents for one entity and metric that differ only because
they are stated for different periods or scopes. Reported as info, saying so, once per entity and
metric (the lowest and the highest figure), and only among claims no other rule has flagged, so an
editor sees the difference was looked at and needs no correction."""

import numpy as np
import pandas as pd

from figcheck.claims.config import Rule
from figcheck.reconcile import wording
from figcheck.reconcile.disagreement import conflicts, witnesses
from figcheck.reconcile.model import FOUND_COLUMNS, Context, Found, Relations

NAME = "explained"
DEFAULT = Rule(name=NAME, severity="info", description="differences explained by a stated difference of period or scope")
LAST = True  # it looks only at claims no other rule flagged
_COLUMNS = ["claim_id", "entity", "metric", "scope", "period_start", "key_end", "source_id", "line", "value", "qualifier",
            "lower", "upper", "lower_open", "upper_open"]


def check(ctx: Context, rule: Rule) -> Found:
    claims = ctx.claims
    claims = ctx.in_scope(rule, claims.loc[claims["identified"] & ~claims["claim_id"].isin(ctx.flagged), _COLUMNS])
    # Subjects numbered on integer codes, "entity|metric" written once per distinct pair; equal texts
    # (an entity or metric holding "|") still make one subject.
    entity, entities = pd.factorize(claims["entity"])
    metric, metrics = pd.factorize(claims["metric"])
    pair, pairs = pd.factorize(entity.astype(np.int64) * len(metrics) + metric)
    subject, subjects = pd.factorize(entities[pairs // len(metrics)] + "|" + metrics[pairs % len(metrics)])
    clashes = conflicts(claims.assign(subject=subject[pair]), "subject", rule.tolerance)
    if clashes.empty:
        return Found.empty()
    clashes["subject"] = subjects[clashes["subject"].to_numpy()]
    low, high = witnesses(clashes, claims, ["entity", "metric", "scope", "period_start", "key_end", "source_id"])
    # A document's own series over time is no news to its reader; differences between documents are.
    across = (low["source_id"] != high["source_id"]).to_numpy()
    clashes, low, high = (frame.loc[across].reset_index(drop=True) for frame in (clashes, low, high))
    rows = []
    for local, (clash, lo, hi) in enumerate(zip(clashes.itertuples(index=False), low.itertuples(index=False),
                                                high.itertuples(index=False))):
        differs = [what for what, column in (("periods", "period_start"), ("periods", "key_end"), ("scopes", "scope"))
                   if getattr(lo, column) != getattr(hi, column)]
        message = (f"{lo.entity} {lo.metric}: {lo.cite} ({lo.scope}, {wording.period(lo.period_start, lo.key_end) or 'undated'}) "
                   f"and {hi.cite} ({hi.scope}, {wording.period(hi.period_start, hi.key_end) or 'undated'}) differ, "
                   f"which their different {' and '.join(dict.fromkeys(differs))} explain: not a contradiction.")
        rows.append((local, NAME, lo.entity, lo.metric, "", "", clash.subject, message))
    members = pd.concat([pd.DataFrame({"local": range(len(clashes)), "claim_id": clashes["low"].to_numpy(), "role": "stated"}),
                         pd.DataFrame({"local": range(len(clashes)), "claim_id": clashes["high"].to_numpy(), "role": "stated"})],
                        ignore_index=True)
    return Found(pd.DataFrame(rows, columns=FOUND_COLUMNS), members)


def relations(ctx: Context, rule: Rule) -> Relations:
    """None: differently dated figures are different quantities."""
    return Relations.empty()
