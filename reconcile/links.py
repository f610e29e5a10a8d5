"""Which stated figure is a part or a subset of which total, within one source.

A claim's `part_of` names its total directly. Otherwise a claim whose metric the configuration
declares `part_of` (or `subset_of`) another metric is tied to the claim of that metric sharing its
source, entity, scope and period, preferring one on the same line; a part with several equally
close candidates is left untied rather than guessed.
"""

import pandas as pd

from claims.config import Config

LINK_COLUMNS = ["part_id", "total_id", "relation"]
_SHARED = ["source_id", "entity", "scope", "period_start", "period_end"]


def declared(config: Config, relation: str) -> dict[str, str]:
    """metric -> the metric it is declared part of ("part") or a subset of ("subset")."""
    attribute = "part_of" if relation == "part" else "subset_of"
    return {name: getattr(m, attribute) for name, m in config.metrics.items() if getattr(m, attribute)}


def links(claims: pd.DataFrame, config: Config) -> pd.DataFrame:
    """part_id, total_id, relation ("part" or "subset") for every tie, explicit or implied."""
    subset_of = declared(config, "subset")
    explicit = claims.loc[claims["part_of"].isin(claims["claim_id"]), ["claim_id", "part_of", "metric"]]
    total_metric = claims.set_index("claim_id")["metric"]
    is_subset = explicit["metric"].map(subset_of).astype(object).fillna("").to_numpy() == explicit["part_of"].map(total_metric).to_numpy()
    found = [pd.DataFrame({"part_id": explicit["claim_id"].to_numpy(), "total_id": explicit["part_of"].to_numpy(),
                           "relation": pd.Series(is_subset).map({True: "subset", False: "part"}).to_numpy()})]
    untied = claims.loc[claims["part_of"] == ""]
    for relation in ("part", "subset"):
        parents = untied["metric"].map(declared(config, relation))
        children = untied.loc[parents.notna()].assign(parent=parents.dropna())
        found.append(_implied(children, claims, relation))
    return pd.concat(found, ignore_index=True).drop_duplicates("part_id").sort_values("part_id").reset_index(drop=True)


def _implied(children: pd.DataFrame, claims: pd.DataFrame, relation: str) -> pd.DataFrame:
    pairs = children[_SHARED + ["claim_id", "parent", "line"]].merge(
        claims[_SHARED + ["claim_id", "metric", "line"]], left_on=_SHARED + ["parent"],
        right_on=_SHARED + ["metric"], suffixes=("", "_total"))
    same_line = pairs["line"] == pairs["line_total"]
    pairs = pairs.loc[same_line | ~same_line.groupby(pairs["claim_id"]).transform("any")]
    pairs = pairs.loc[pairs.groupby("claim_id")["claim_id"].transform("size") == 1]
    return pd.DataFrame({"part_id": pairs["claim_id"].to_numpy(), "total_id": pairs["claim_id_total"].to_numpy(),
                         "relation": relation})
