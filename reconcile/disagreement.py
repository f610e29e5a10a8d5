"""Claims that must share one value: the groups whose intervals have no point in common.

One pass of sorts over integer group codes, no pairs: a group disagrees exactly when its highest
lower bound lies above its lowest upper bound; the two claims holding those bounds are the witnesses
a message names.
"""

import numpy as np
import pandas as pd

from figcheck.reconcile import wording
from figcheck.reconcile.intervals import apart


def conflicts(claims: pd.DataFrame, by: str, tolerance: float) -> pd.DataFrame:
    """One row per disagreeing group of `by`: the group key, `low` and `high` (claim_ids of the claim
    with the lowest upper bound and of the claim with the highest lower bound, ties going to the
    smallest claim_id) and `gap`, ordered by the high witnesses' lower bounds, highest first.

    `tolerance` is relative to the low witness's value.
    """
    if claims.empty:
        return pd.DataFrame(columns=[by, "low", "high", "gap"])
    group, keys = pd.factorize(claims[by], use_na_sentinel=False)
    ids = claims["claim_id"]
    # Prepared claims come sorted by claim_id, so their positions already break ties.
    rank = np.arange(len(ids)) if ids.is_monotonic_increasing else ids.rank(method="first").to_numpy()
    lower, upper = claims["lower"].to_numpy(float), claims["upper"].to_numpy(float)
    lower_open, upper_open = claims["lower_open"].to_numpy(bool), claims["upper_open"].to_numpy(bool)
    # lexsort sorts on its last key first; among equal bounds an open end (the tighter one) comes first.
    high, seen_at = _first_per_group(group, np.lexsort((rank, ~lower_open, -lower)))
    low, _ = _first_per_group(group, np.lexsort((rank, ~upper_open, upper)))
    ordered = np.argsort(seen_at)
    high, low = high[ordered], low[ordered]
    slack = tolerance * np.abs(claims["value"].to_numpy(float)[low])
    clash = apart(upper[low], upper_open[low], lower[high], lower_open[high], slack)
    return pd.DataFrame({
        by: keys[ordered[clash]],
        "low": ids.to_numpy(object)[low[clash]],
        "high": ids.to_numpy(object)[high[clash]],
        "gap": (lower[high] - upper[low])[clash],
    })


def _first_per_group(group: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each group code: its row that comes first in `order`, and that row's place in `order`."""
    _, place = np.unique(group[order], return_index=True)
    return order[place], place


def witnesses(clashes: pd.DataFrame, claims: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The low and high witness claims of each clash (rows aligned with `clashes`), with `columns`
    and `cite` (the claim as `wording.cited` names it)."""
    named = claims.loc[claims["claim_id"].isin(clashes["low"]) | claims["claim_id"].isin(clashes["high"])]
    table = named.assign(cite=wording.cited_column(named)).set_index("claim_id")[columns + ["cite"]]
    return (table.reindex(clashes["low"].to_numpy()).reset_index(drop=True),
            table.reindex(clashes["high"].to_numpy()).reset_index(drop=True))
