"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as day ranges, so mixed precisions compare safely."""

import numpy as np
import pandas as pd

_EPOCH = pd.Timestamp("1970-01-01")
_DAY = pd.Timedelta(days=1)


def day_range(dates: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """First and last day (days since 1970, float; NaN when empty or unreadable) of each partial date.

    "2021" spans 2021-01-01..2021-12-31 and "2021-08" spans the month, so "2021-08" is neither before
    nor after "2021": only ranges that do not overlap are ordered.
    """
    text = dates.astype(str)
    size = text.str.len()
    padded = text.where(size != 4, text + "-01-01").where(size != 7, text + "-01")
    first = pd.to_datetime(padded.where(size.isin([4, 7, 10])), format="%Y-%m-%d", errors="coerce")
    last = first.where(size != 4, first + pd.offsets.YearEnd(0))
    last = last.where(size != 7, first + pd.offsets.MonthEnd(0))
    return ((first - _EPOCH) / _DAY).to_numpy(float), ((last - _EPOCH) / _DAY).to_numpy(float)
