"""Ordering in time within groups without pairs: for each row, the best row strictly before it."""

import numpy as np
import pandas as pd

_SHIFT = 10**6        # days; keeps dates after the year 700 non-negative
_STRIDE = 10**7       # room for every shifted day count within one group


def best_earlier(group: np.ndarray, first: np.ndarray, last: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Index (into the inputs) of the highest-`score` row of the same group whose `last` day falls
    before this row's `first` day; -1 when there is none. Ties go to the later row in time.

    Sort by (group, last), take a group-wise running maximum of the score with its position, and
    find each row's cut-off with one binary search: O(n log n), no pairs.
    """
    n = len(group)
    if n == 0:
        return np.zeros(0, dtype=int)
    group = np.asarray(group, dtype=np.int64)
    last_days = (np.asarray(last, float) + _SHIFT).astype(np.int64)
    first_days = (np.asarray(first, float) + _SHIFT).astype(np.int64)
    order = np.lexsort((last_days, group))
    sorted_group = group[order]
    sorted_key = sorted_group * _STRIDE + last_days[order]
    sorted_score = np.asarray(score, float)[order]
    running = pd.Series(sorted_score).groupby(sorted_group).cummax().to_numpy()
    position = np.where(sorted_score == running, np.arange(n), -1)
    holder = pd.Series(position).groupby(sorted_group).cummax().to_numpy()
    cut = np.searchsorted(sorted_key, group * _STRIDE + first_days, side="left") - 1
    valid = (cut >= 0) & (sorted_group[np.maximum(cut, 0)] == group) & (holder[np.maximum(cut, 0)] >= 0)
    return np.where(valid, order[holder[np.maximum(cut, 0)]], -1)
