"""Which stated figure is a part or a subset of which total, within one source.

A claim's `part_of` names its total directly. Otherwise a claim whose metric the configuration
declares `part_of` (or `subset_of`) another metric is tied to the claim of that metric sharing its
source, entity, scope and period, preferring one on the same line; a part with several equally
close candidates is left untied rather than guessed.
"""

import numpy as np
import pandas as pd

from figcheck.claims.config import Config
from figcheck.reconcile.quantities import FAR_BELOW

LINK_COLUMNS = ["part_id", "total_id", "relation"]
_SHARED = ["source_id", "entity", "scope", "period_start", "period_end"]


def declared(config: Config, relation: str) -> dict[str, str]:
    """metric -> the metric it is declared part of ("part") or a subset of ("subset")."""
    attribute = "part_of" if relation == "part" else "subset_of"
    return {name: getattr(m, attribute) for name, m in config.metrics.items() if getattr(m, attribute)}


def links(claims: pd.DataFrame, config: Config) -> pd.DataFrame:
    """part_id, total_id, relation ("part" or "subset") for every tie, explicit or implied, sorted by
    part_id, with part_at and total_at, the two claims' row positions in `claims`. `claims` are
    prepared claims (`figcheck.reconcile.quantities.prepare`: sorted by claim_id)."""
    # Claims as row positions, which order them as their ids do.
    ids = claims["claim_id"].to_numpy(object)
    named_total = pd.Index(ids).get_indexer(claims["part_of"])
    explicit = np.flatnonzero(named_total >= 0)
    metric = claims["metric"].to_numpy(object)
    superset = claims["metric"].iloc[explicit].map(declared(config, "subset")).astype(object).fillna("").to_numpy()
    found = [pd.DataFrame({"part": explicit, "total": named_total[explicit],
                           "relation": np.where(superset == metric[named_total[explicit]], "subset", "part")})]
    # An implied total shares the part's context and has its declared parent metric: one integer key each.
    codes, names = pd.factorize(claims["metric"])
    key = claims.groupby(_SHARED, sort=False).ngroup().to_numpy() * (len(names) + 1)
    untied = (claims["part_of"] == "").to_numpy()
    for relation in ("part", "subset"):
        parent = pd.Index(names).get_indexer(pd.Series(names, dtype=object).map(declared(config, relation)))
        children = np.flatnonzero(untied & (parent[codes] >= 0))
        found.append(_implied(children, key[children] + parent[codes[children]], key + codes,
                              claims["line"].to_numpy(), relation))
    tied = pd.concat(found, ignore_index=True).drop_duplicates("part").sort_values("part")
    # A part more than ten times its total, in one document, is a tie the reading made in error
    # ("89,000 children aged 6 to 16, including 47,849 boys": the age is no total).
    value = claims["value"].to_numpy(float)
    tied = tied.loc[~(np.abs(value[tied["part"]]) > FAR_BELOW * np.abs(value[tied["total"]]))]
    return pd.DataFrame({"part_id": ids[tied["part"]], "total_id": ids[tied["total"]], "relation": tied["relation"].to_numpy(),
                         "part_at": tied["part"].to_numpy(), "total_at": tied["total"].to_numpy()})


def _implied(children: np.ndarray, wanted: np.ndarray, key: np.ndarray, line: np.ndarray, relation: str) -> pd.DataFrame:
    """Each child (a row position) tied to the one row whose `key` is the child's `wanted` key,
    preferring rows on the child's line."""
    pairs = pd.DataFrame({"part": children, "key": wanted}).merge(
        pd.DataFrame({"total": np.arange(len(key)), "key": key}), on="key")
    same_line = pd.Series(line[pairs["part"]] == line[pairs["total"]], index=pairs.index)
    pairs = pairs.loc[same_line | ~same_line.groupby(pairs["part"]).transform("any")]
    pairs = pairs.loc[pairs.groupby("part")["part"].transform("size") == 1]
    return pairs[["part", "total"]].assign(relation=relation)
