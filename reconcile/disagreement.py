"""Claims that must share one value: the groups whose intervals have no point in common.

One pass of group-bys, no pairs: a group disagrees exactly when its highest lower bound lies above
its lowest upper bound; the two claims holding those bounds are the witnesses a message names.
"""

import numpy as np
import pandas as pd

from reconcile.intervals import apart


def conflicts(claims: pd.DataFrame, by: str, tolerance: float) -> pd.DataFrame:
    """One row per disagreeing group of `by`: the group key, `low` and `high` (claim_ids of the claim
    with the lowest upper bound and of the claim with the highest lower bound) and `gap`.

    `tolerance` is relative to the low witness's value.
    """
    if claims.empty:
        return pd.DataFrame(columns=[by, "low", "high", "gap"])
    high = (claims.sort_values(["lower", "lower_open", "claim_id"], ascending=[False, False, True], kind="stable")
            .drop_duplicates(by).set_index(by))
    low = (claims.sort_values(["upper", "upper_open", "claim_id"], ascending=[True, False, True], kind="stable")
           .drop_duplicates(by).set_index(by).reindex(high.index))
    slack = tolerance * np.abs(low["value"].to_numpy(float))
    clash = apart(low["upper"], low["upper_open"], high["lower"], high["lower_open"], slack)
    return pd.DataFrame({
        by: high.index[clash],
        "low": low["claim_id"].to_numpy()[clash],
        "high": high["claim_id"].to_numpy()[clash],
        "gap": (high["lower"] - low["upper"]).to_numpy(float)[clash],
    })


def witnesses(clashes: pd.DataFrame, claims: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The low and high witness claims of each clash (rows aligned with `clashes`), with `columns`."""
    table = claims.set_index("claim_id")[columns]
    return (table.reindex(clashes["low"].to_numpy()).reset_index(drop=True),
            table.reindex(clashes["high"].to_numpy()).reset_index(drop=True))
