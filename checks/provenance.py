"""Provenance is checked, not trusted: each claim's span, text and quote against its source."""

from __future__ import annotations

import pandas as pd

from figcheck.claims.sources import provenance_faults


def provenance_problems(claims: pd.DataFrame, texts: dict[str, str], where: pd.Series) -> list[str]:
    """One message per claim whose span, text, line or quote does not match its source's text.

    `claims` is a validated Claim frame, `texts` maps source_id to text, `where` gives each row's
    "file:line" for the message. One pass over the rows, whatever the number of sources.
    """
    rows = zip(where.tolist(), claims["source_id"].tolist(), claims["char_start"].tolist(),
               claims["char_end"].tolist(), claims["text"].tolist(), claims["quote"].tolist(),
               claims["line"].tolist())
    return [f"{place}: {fault}" for place, source_id, start, end, figure, quote, line in rows
            for fault in provenance_faults(texts[source_id], start, end, figure, quote, line)]
