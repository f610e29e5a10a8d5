"""Provenance is checked, not trusted: each claim's span, text and quote against its source."""

from __future__ import annotations

import pandas as pd

from claims.sources import line_of


def provenance_problems(claims: pd.DataFrame, texts: dict[str, str], where: pd.Series) -> list[str]:
    """One message per claim whose span, text, line or quote does not match its source's text.

    `claims` is a validated Claim frame, `texts` maps source_id to text, `where` gives each row's
    "file:line" for the message. One pass over the rows, whatever the number of sources.
    """
    problems = []
    rows = zip(where.tolist(), claims["source_id"].tolist(), claims["char_start"].tolist(),
               claims["char_end"].tolist(), claims["text"].tolist(), claims["quote"].tolist(),
               claims["line"].tolist())
    for place, source_id, start, end, figure, quote, line in rows:
        text = texts[source_id]
        if end > len(text):
            problems.append(f"{place}: column 'char_end': span {start}:{end} lies outside the source "
                            f"({len(text)} characters); correct the span or re-run 'figcheck extract'")
            continue
        found = text[start:end]
        if found != figure:
            problems.append(f"{place}: column 'text': the source reads {found!r} at {start}:{end}, not {figure!r}")
            continue
        actual_line = line_of(text, start)
        if line != actual_line:
            problems.append(f"{place}: column 'line': the figure is on line {actual_line}, not {line}")
        if figure not in quote:
            problems.append(f"{place}: column 'quote': the quote does not contain the figure {figure!r}")
        elif quote not in text[max(0, start - len(quote)):end + len(quote)]:
            problems.append(f"{place}: column 'quote': the quote is not the source's text around the figure")
    return problems
