"""What the rules could check: a claim is checked when it names a quantity other claims can state
(an entity, a metric and, for a one-off event, a date of its own); the rest are listed with why not.

"73 of 117 claims checked; 44 have no metric, 9 no entity" is said by `check`, `report` and `verify`,
for the whole workspace and per source, so that silence about a figure never reads as agreement.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Why a claim was not checked, in the order a reader fixes them (a metric first: without one nothing
# else matters).
REASONS = {"no_metric": "no metric", "no_entity": "no entity", "no_date": "no date of their own"}
REASON_OF_ONE = {"no_metric": "no metric", "no_entity": "no entity", "no_date": "no date of its own"}
UNCHECKED_COLUMNS = ["claim_id", "source_id", "line", "text", "quote", "entity", "metric", "reason"]


@dataclass(frozen=True)
class Coverage:
    by_source: pd.DataFrame  # source_id, claims, checked, no_metric, no_entity, no_date; sorted by source_id
    unchecked: pd.DataFrame  # UNCHECKED_COLUMNS, the first reason of each claim not checked; reading order

    @property
    def totals(self) -> dict[str, int]:
        return {column: int(self.by_source[column].sum()) for column in ("claims", "checked", *REASONS)}

    def line(self) -> str:
        """"73 of 117 claims checked; 44 have no metric, 9 no entity"."""
        return describe(self.totals)

    def source_lines(self) -> list[tuple[str, str]]:
        """(source_id, its coverage line) for each source with a claim not checked."""
        return [(row["source_id"], describe(row)) for row in self.by_source.to_dict("records")
                if row["checked"] < row["claims"]]

    @classmethod
    def empty(cls) -> "Coverage":
        columns = ["source_id", "claims", "checked", *REASONS]
        return cls(pd.DataFrame(columns=columns), pd.DataFrame(columns=UNCHECKED_COLUMNS))


def describe(counts) -> str:
    text = f"{counts['checked']} of {counts['claims']} claims checked"
    reasons = [f"{counts[key]} {(REASON_OF_ONE if counts[key] == 1 else REASONS)[key]}" for key in REASONS if counts[key]]
    if reasons:
        verb = " has no " if reasons[0].startswith("1 ") else " have no "
        text += "; " + ", ".join([reasons[0].replace(" no ", verb, 1), *reasons[1:]])
    return text


def coverage(frame: pd.DataFrame) -> Coverage:
    """Coverage of the prepared claims (`reconcile.quantities.prepare`, rejected claims left out)."""
    if frame.empty:
        return Coverage.empty()
    flags = pd.DataFrame({
        "no_metric": frame["metric"] == "",
        "no_entity": frame["entity"] == "",
    })
    flags["no_date"] = ~frame["identified"] & ~flags["no_metric"] & ~flags["no_entity"]
    counts = flags.groupby(frame["source_id"]).sum()
    counts.insert(0, "checked", frame["identified"].groupby(frame["source_id"]).sum())
    counts.insert(0, "claims", frame.groupby("source_id").size())
    by_source = counts.astype(int).reset_index().sort_values("source_id", kind="stable").reset_index(drop=True)
    left = ~frame["identified"].to_numpy(bool)
    first_reason = np.select([flags[key].to_numpy(bool) for key in REASONS], list(REASON_OF_ONE.values()), "")
    unchecked = frame.loc[left, UNCHECKED_COLUMNS[:-1]].assign(reason=first_reason[left])
    unchecked = unchecked.sort_values(["source_id", "line", "claim_id"], kind="stable").reset_index(drop=True)
    return Coverage(by_source, unchecked)
