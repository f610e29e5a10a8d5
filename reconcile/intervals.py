"""Every claim as an interval with open or closed ends, and the one test that says two do not meet.

`more than 2,100` is (2100, inf), `about 2,200` is 2,200 +- the configured approx tolerance, an exact
count is a point (widened by the exact tolerance, 0 by default).
"""

import numpy as np
import pandas as pd

from figcheck.claims.config import Config


def claim_intervals(claims: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Columns lower, upper, lower_open, upper_open for each claim, tolerances applied."""
    value = claims["value"].to_numpy(float)
    qualifier = claims["qualifier"].to_numpy(str)
    tolerance = np.where(qualifier == "approx", config.approx_tolerance, config.exact_tolerance)
    spread = tolerance * np.abs(value)
    lower = pd.to_numeric(claims["lower"], errors="coerce").fillna(-np.inf).to_numpy(float)
    upper = pd.to_numeric(claims["upper"], errors="coerce").fillna(np.inf).to_numpy(float)
    from_below = np.isin(qualifier, ("eq", "approx", "gt", "ge"))
    from_above = np.isin(qualifier, ("eq", "approx", "lt", "le"))
    # The qualifier decides which ends are bounded; a stored bound may only widen the interval.
    lower = np.where(from_below, np.minimum(np.where(np.isfinite(lower), lower, value), value - spread), -np.inf)
    upper = np.where(from_above, np.maximum(np.where(np.isfinite(upper), upper, value), value + spread), np.inf)
    return pd.DataFrame(
        {
            "lower": lower,
            "upper": upper,
            "lower_open": (qualifier == "gt") & (spread == 0),
            "upper_open": (qualifier == "lt") & (spread == 0),
        },
        index=claims.index,
    )


def apart(upper, upper_open, lower, lower_open, slack=0.0):
    """True where an interval ending at `upper` lies wholly below one starting at `lower`.

    `slack` (absolute, >= 0) is the tolerance a rule grants before it calls the gap real.
    """
    upper = np.asarray(upper, float) + slack
    lower = np.asarray(lower, float)
    touching = (upper == lower) & (np.asarray(upper_open, bool) | np.asarray(lower_open, bool))
    return (upper < lower) | (touching & (np.asarray(slack) == 0))
