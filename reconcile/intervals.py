"""Every claim as an interval with open or closed ends, and the one test that says two do not meet.

`more than 2,100` is (2100, inf), `about 2,200` is 2,200 +- the configured approx tolerance, an exact
count is a point (widened by the exact tolerance, 0 by default) as wide as its written precision:
"26.2 million" allows half its last decimal (+- 50,000), "89,000" half its last written digit's place
(+- 500), "84%" +- 0.5. A count written in full below ten thousand stays what it says: 125 is not 126,
and 1,000 is not 1,020.
"""

import numpy as np
import pandas as pd

from figcheck.claims.config import Config


def claim_intervals(claims: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Columns lower, upper, lower_open, upper_open for each claim, tolerances applied."""
    value = claims["value"].to_numpy(float)
    qualifier = claims["qualifier"].to_numpy(str)
    tolerance = np.where(qualifier == "approx", config.approx_tolerance, config.exact_tolerance)
    percent = claims["kind"].to_numpy(str) == "percent" if "kind" in claims else np.zeros(len(claims), bool)
    # Rounding is at most what "about" allows: "10,000" is not 5,000 to 15,000.
    rounding = np.minimum(written_precision(claims["text"], value, percent), config.approx_tolerance * np.abs(value))
    spread = np.maximum(tolerance * np.abs(value), np.where(np.isin(qualifier, ("eq", "approx")), rounding, 0.0))
    lower = pd.to_numeric(claims["lower"], errors="coerce").fillna(-np.inf).to_numpy(float)
    upper = pd.to_numeric(claims["upper"], errors="coerce").fillna(np.inf).to_numpy(float)
    from_below = np.isin(qualifier, ("eq", "approx", "gt", "ge"))
    from_above = np.isin(qualifier, ("eq", "approx", "lt", "le"))
    # The qualifier decides which ends are bounded; a stored bound may only widen the interval.
    lower = np.where(from_below, np.minimum(np.where(np.isfinite(lower), lower, value), value - spread), -np.inf)
    # A lower bound with a stored upper end is a range ("between 10,000 and 15,000" is `ge` 10,000): it keeps it.
    upper = np.where(from_above, np.maximum(np.where(np.isfinite(upper), upper, value), value + spread),
                     np.where(np.isfinite(upper) & (upper >= value), upper, np.inf))
    return pd.DataFrame(
        {
            "lower": lower,
            "upper": upper,
            "lower_open": (qualifier == "gt") & (spread == 0),
            "upper_open": (qualifier == "lt") & (spread == 0),
        },
        index=claims.index,
    )


ROUNDED_FROM = 10_000
# The first number as written in digits: its whole part (with thousands separators) and its decimals.
_WRITTEN = r"(?P<whole>\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+)(?:\.(?P<decimals>\d+))?"


def written_precision(text: pd.Series, value: np.ndarray, percent: np.ndarray) -> np.ndarray:
    """Half the place of the last digit each figure is written to, in the figure's own units ("10m":
    500,000; "26.2 million": 50,000; "89,000": 500; "58.61%": 0.005; a whole percentage 0.5); 0 for a
    count written in full ("125") and for figures in words."""
    parts = text.astype(str).str.extract(_WRITTEN)
    whole = parts["whole"].fillna("").str.replace(r"\D", "", regex=True)
    decimals = parts["decimals"].fillna("")
    written = pd.to_numeric(whole + ("." + decimals).where(decimals != "", ""), errors="coerce").to_numpy(float)
    trailing = (whole.str.len() - whole.str.rstrip("0").str.len()).to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.abs(value) / written  # "10m": 10 written, 10,000,000 meant
    powers = np.log10(np.where(np.isfinite(scale) & (scale >= 1), scale, 1.0))
    sane = np.isfinite(scale) & (written > 0) & (scale >= 1) & np.isclose(powers, np.round(powers))
    # A scale word is the unit the figure is written in ("10m" to the million); trailing zeros written
    # out are the rounding ("89,000" to the thousand).
    has_decimals = (decimals != "").to_numpy()
    places = np.where(has_decimals, -decimals.str.len().to_numpy(float), np.where(sane & (scale > 1), 0.0, trailing))
    # Trailing zeros are rounding in a large count ("89,000", "25,000"); "600" or "1,000" may be exact.
    rounded = has_decimals | (scale > 1) | ((trailing > 0) & (written >= ROUNDED_FROM)) | np.asarray(percent, bool)
    return np.where(sane & rounded, 0.5 * 10.0 ** places * np.where(sane, scale, 0.0), 0.0)


def apart(upper, upper_open, lower, lower_open, slack=0.0):
    """True where an interval ending at `upper` lies wholly below one starting at `lower`.

    `slack` (absolute, >= 0) is the tolerance a rule grants before it calls the gap real.
    """
    upper = np.asarray(upper, float) + slack
    lower = np.asarray(lower, float)
    touching = (upper == lower) & (np.asarray(upper_open, bool) | np.asarray(lower_open, bool))
    return (upper < lower) | (touching & (np.asarray(slack) == 0))
