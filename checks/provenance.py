"""Provenance is checked, not trusted: each claim's span, text and quote against its source."""

from __future__ import annotations

import pandas as pd

from claims.sources import line_of


def provenance_problems(claims: pd.DataFrame, text: str, origin: str) -> list[str]:
    """One message per claim whose span, text, line or quote does not match the source text.

    `claims` is a validated Claim frame indexed by CSV line; `origin` names the claims file.
    """
    problems = []
    for csv_line, row in zip(claims.index, claims.itertuples(index=False)):
        where = f"{origin}:{csv_line}"
        start, end = int(row.char_start), int(row.char_end)
        if end > len(text):
            problems.append(f"{where}: column 'char_end': span {start}:{end} lies outside the source "
                            f"({len(text)} characters); correct the span or re-run 'figcheck extract'")
            continue
        found = text[start:end]
        if found != row.text:
            problems.append(f"{where}: column 'text': the source reads {found!r} at {start}:{end}, "
                            f"not {row.text!r}")
            continue
        if int(row.line) != line_of(text, start):
            problems.append(f"{where}: column 'line': the figure is on line {line_of(text, start)}, not {row.line}")
        if row.text not in row.quote:
            problems.append(f"{where}: column 'quote': the quote does not contain the figure {row.text!r}")
        elif row.quote not in text[max(0, start - len(row.quote)):end + len(row.quote)]:
            problems.append(f"{where}: column 'quote': the quote is not the source's text around the figure")
    return problems
