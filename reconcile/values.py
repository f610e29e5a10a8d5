"""Citable values: one row per quantity with the value the surviving claims allow, its status, the
preferred claim and why, the claims for and against, and a citation line.

The preferred claim of a quantity (claims of one cohort count as one quantity) is chosen by, in
order: not judged wrong by the solver, part of a breakdown that adds up, source reliability and
review weight, recency of the source, exactness of the qualifier, claim_id.
"""

import numpy as np
import pandas as pd

from figcheck.reconcile import wording
from figcheck.reconcile.intervals import apart
from figcheck.reconcile.quantities import quantity_key

RECONCILED_COLUMNS = ["quantity", "entity", "metric", "scope", "period_start", "period_end", "value", "lower", "upper",
                      "status", "preferred_claim", "reason", "claims_for", "claims_against", "citation"]
# What the table and its reasons read of each claim: a narrow copy, since a million claims are wide.
_READ = ["claim_id", "var", "qkey", "statement", "source_id", "line", "quote", "value", "qualifier", "lower", "upper", "lower_open",
         "upper_open", "weight", "published", "publisher", "title", "entity", "metric", "scope", "period_start", "key_end"]
_DOUBT = {"most_likely_wrong": 2, "possibly_wrong": 1, "undetermined": 1}
_PRECISION = {"eq": 0, "approx": 1}


def reconciled_values(claims: pd.DataFrame, links: pd.DataFrame, findings: pd.DataFrame, finding_claims: pd.DataFrame,
                      verdicts: pd.DataFrame) -> pd.DataFrame:
    """The Reconciled table (RECONCILED_COLUMNS), sorted by quantity."""
    claims = claims.loc[claims["metric"] != "", _READ]
    if claims.empty:
        return pd.DataFrame(columns=RECONCILED_COLUMNS)
    serious = findings.loc[findings["severity"] != "info", ["finding_id", "rule"]].merge(finding_claims, on="finding_id")
    verdict = claims["claim_id"].map(verdicts.set_index("claim_id")["verdict"]).astype(object).fillna("")
    claims["doubt"] = verdict.map(_DOUBT).fillna(0).astype(int)
    claims["wrong"] = verdict == "most_likely_wrong"
    claims["disputed"] = claims["claim_id"].isin(serious["claim_id"])
    tied = links.loc[links["relation"] == "part"]
    in_breakdown = claims["claim_id"].isin(tied["part_id"]) | claims["claim_id"].isin(tied["total_id"])
    broken = claims["claim_id"].isin(serious.loc[serious["rule"] == "parts", "claim_id"])
    claims["adds_up"] = in_breakdown & ~broken
    claims["precision"] = claims["qualifier"].map(_PRECISION).fillna(2)
    # Publication dates compared as ranks: integer group maxima instead of string ones.
    claims["recency"] = pd.factorize(claims["published"], sort=True)[0]
    preferred = claims.iloc[_first_per_variable(claims)].set_index("var")
    best = preferred[["lower", "lower_open", "upper", "upper_open"]].reindex(claims["var"].to_numpy())
    claims["for"] = ~claims["wrong"].to_numpy() & ~(
        apart(claims["upper"], claims["upper_open"], best["lower"], best["lower_open"])
        | apart(best["upper"], best["upper_open"], claims["lower"], claims["lower_open"]))
    per_var = _summaries(claims, preferred)
    rows = claims.drop_duplicates("qkey")[["qkey", "var", "claim_id", "entity", "metric", "scope", "period_start", "key_end"]]
    rows = rows.join(per_var, on="var")
    rows = rows.sort_values("qkey").reset_index(drop=True)
    quantity = rows["qkey"].where(~rows["qkey"].str.startswith("claim|"), quantity_key(
        rows["entity"], rows["metric"], rows["scope"], rows["period_start"], rows["key_end"]) + "|" + rows["claim_id"])
    return pd.DataFrame({
        "quantity": quantity, "entity": rows["entity"], "metric": rows["metric"], "scope": rows["scope"],
        "period_start": rows["period_start"], "period_end": rows["key_end"], "value": rows["best_value"],
        "lower": rows["best_lower"], "upper": rows["best_upper"], "status": rows["status"],
        "preferred_claim": rows["preferred"], "reason": rows["reason"], "claims_for": rows["claims_for"],
        "claims_against": rows["claims_against"], "citation": rows["citation"],
    })


def _first_per_variable(claims: pd.DataFrame) -> np.ndarray:
    """Row position of each variable's preferred claim, by the order of the module docstring."""
    # Rows arrive in claim_id order (`figcheck.reconcile.quantities.prepare`), so position breaks the last ties.
    order = np.lexsort((np.arange(len(claims)), claims["precision"].to_numpy(), -claims["recency"].to_numpy(),
                        -claims["weight"].to_numpy(), ~claims["adds_up"].to_numpy(bool), claims["doubt"].to_numpy(),
                        claims["var"].to_numpy()))
    var = claims["var"].to_numpy()[order]
    return order[np.r_[True, var[1:] != var[:-1]]]


def _summaries(claims: pd.DataFrame, preferred: pd.DataFrame) -> pd.DataFrame:
    """Per solver variable: the interval of the claims for it, status, reason, citation."""
    grouped = claims.groupby("var")
    supporters = claims.loc[claims["for"]].groupby("var")
    lower = supporters["lower"].max().reindex(preferred.index)
    upper = supporters["upper"].min().reindex(preferred.index)
    empty = ~(lower <= upper)
    summary = pd.DataFrame({
        "preferred": preferred["claim_id"],
        "best_lower": lower.where(~empty, preferred["lower"]),
        "best_upper": upper.where(~empty, preferred["upper"]),
        "best_value": preferred["value"].where(preferred["qualifier"].isin(["eq", "approx"]), np.nan),
        "claims_for": _ids(claims.loc[claims["for"]], preferred.index),
        "claims_against": _ids(claims.loc[~claims["for"]], preferred.index),
        # Independent statements: a reprint of the same sentence does not make a value agreed.
        "sources_for": supporters["statement"].nunique().reindex(preferred.index).fillna(0),
        "count": grouped.size(),
        "disputed": grouped["disputed"].any(),
    })
    summary["status"] = np.where(summary["disputed"] | (summary["claims_against"] != ""), "disputed",
                                 np.where(summary["sources_for"] >= 2, "agreed", "single source"))
    single = summary["count"] == 1
    unanimous = (summary["claims_against"] == "") & ~summary["disputed"]
    summary["reason"] = np.where(single, np.where(summary["disputed"], "the only claim; a rule disputes it", "the only claim"),
                                 "all " + summary["count"].astype(str) + " claims agree")
    contested = summary.index[~single & ~unanimous]
    summary.loc[contested, "reason"] = _contested_reasons(claims, preferred.loc[contested])
    summary["citation"] = (preferred["publisher"] + ', "' + preferred["title"] + '", ' + preferred["published"]
                           + ", line " + preferred["line"].astype(str) + ': "' + preferred["quote"] + '"')
    return summary


def _ids(claims: pd.DataFrame, variables: pd.Index) -> pd.Series:
    """The claim ids of each variable, in claim order, joined by ";" ("" where it has none)."""
    return wording.joined(claims["claim_id"], claims["var"], ";").reindex(variables).fillna("")


def _contested_reasons(claims: pd.DataFrame, preferred: pd.DataFrame) -> list[str]:
    """Why the preferred claim wins where the claims disagree (one loop over disputed quantities)."""
    claims = claims.loc[claims["var"].isin(preferred.index)]
    others = claims.loc[~claims["claim_id"].isin(preferred["claim_id"])].groupby("var")
    wrong = claims.loc[claims["wrong"]]
    wrong = wording.cited_column(wrong).groupby(wrong["var"].to_numpy()).agg(list).to_dict()
    weight, recency = others["weight"].max().to_dict(), others["recency"].max().to_dict()
    reasons = []
    for var, pick in zip(preferred.index, preferred.itertuples(index=False)):
        why = []
        if var in wrong:
            why.append(f"the figures against it are most likely wrong ({wording.listing(wrong[var])})")
        if pick.adds_up:
            why.append("its breakdown adds up")
        if pick.weight > weight.get(var, -np.inf):
            why.append("its source is the most reliable")
        if pick.recency > recency.get(var, -1):
            why.append("its source is the most recent")
        reasons.append("; ".join(why) if why else "the claims cannot tell which is right; chosen by reliability and recency")
    return reasons
