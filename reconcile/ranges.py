"""Where a quantity can lie, and which of its claims each place keeps.

The claims on one solver variable cut its line into ranges, each keeping the claims that hold
throughout it (a stretch between two ends is stored closed, so at an end it meets that end's own
range, which keeps more). Choosing the quantity's value is then choosing one range (keeping its
claims) or none (every claim on it changed). One sweep over sorted interval ends builds every variable's ranges at once,
and each claim holds a contiguous run of its variable's ranges.
"""

from dataclasses import dataclass

import numpy as np


@dataclass
class Ranges:
    """Ranges sorted by variable, then position; `first`/`last` per claim (first > last: none)."""

    var: np.ndarray
    low: np.ndarray
    high: np.ndarray
    kept: np.ndarray       # weight of the claims holding the range
    count: np.ndarray      # how many claims hold it
    first: np.ndarray
    last: np.ndarray


def ranges(var: np.ndarray, lower: np.ndarray, upper: np.ndarray, weight: np.ndarray) -> Ranges:
    """The ranges of closed, finite claim intervals [lower, upper] on variables `var`."""
    n = len(var)
    first, last = np.ones(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    held = np.flatnonzero(lower <= upper)
    if len(held) == 0:
        empty = np.zeros(0)
        return Ranges(empty.astype(np.int64), empty, empty, empty, empty.astype(np.int64), first, last)
    values, codes = np.unique(np.concatenate([lower[held], upper[held]]), return_inverse=True)
    keys = np.tile(np.asarray(var, np.int64)[held], 2) * len(values) + codes
    points, at = np.unique(keys, return_inverse=True)
    start, end = at[:len(held)], at[len(held):]
    point_var, point_value = points // len(values), values[points % len(values)]
    # Segment 2j is the point j itself, segment 2j+1 the stretch from point j to point j+1.
    size = 2 * len(points) - 1
    opens = np.bincount(2 * start, minlength=size)
    closes = np.bincount(2 * end, minlength=size)
    holding = np.cumsum(opens - np.concatenate([[0], closes[:-1]]))
    kept = np.cumsum(np.bincount(2 * start, weight[held], size) - np.concatenate([[0.0], np.bincount(2 * end, weight[held], size)[:-1]]))
    segment_var = point_var[np.arange(size) // 2]
    # A new range begins where a claim opens, right after one closes, or at a new variable.
    begins = (opens > 0) | np.concatenate([[True], (closes[:-1] > 0) | (segment_var[1:] != segment_var[:-1])])
    number = np.cumsum(begins) - 1
    left = point_value[np.arange(size) // 2]
    right = point_value[np.minimum((np.arange(size) + 1) // 2, len(points) - 1)]
    beginning = np.flatnonzero(begins)
    ending = np.append(beginning[1:] - 1, size - 1)
    live = holding[beginning] > 0
    renumber = np.cumsum(live) - 1
    first[held] = renumber[number[2 * start]]
    last[held] = renumber[number[2 * end]]
    return Ranges(var=segment_var[beginning][live], low=left[beginning][live], high=right[ending][live],
                  kept=kept[beginning][live], count=holding[beginning][live], first=first, last=last)
