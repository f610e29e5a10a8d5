"""How numbers, claims, periods and quantities read in messages meant for editors."""

import math

import numpy as np
import pandas as pd

_QUALIFIER_WORDS = {"eq": "", "approx": "about ", "gt": "more than ", "ge": "at least ", "lt": "less than ", "le": "at most "}


def number(value: float) -> str:
    """2100 -> "2,100", 0.5 -> "0.5", inf -> "no limit", NaN (no value) -> "".

    Every number a message, report or output format writes goes through here."""
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "no limit"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def stated(value: float, qualifier: str) -> str:
    """The figure as a reader would say it: "more than 2,100"."""
    return _QUALIFIER_WORDS.get(qualifier, "") + number(value)


def where(source_id: str, line) -> str:
    return f"source {source_id}, line {line}"


def cited(value: float, qualifier: str, source_id: str, line) -> str:
    """"531 (source 001, line 13)"."""
    return f"{stated(value, qualifier)} ({where(source_id, line)})"


def span(lower: float, upper: float) -> str:
    """An interval in words: "483", "at least 562", "between 480 and 520"."""
    if lower == upper:
        return number(lower)
    if math.isinf(lower) and math.isinf(upper):
        return "any value"
    if math.isinf(upper):
        return f"at least {number(lower)}"
    if math.isinf(lower):
        return f"at most {number(upper)}"
    return f"between {number(lower)} and {number(upper)}"


def period(start: str, end: str) -> str:
    """"2019-05..2022-11", "..2021-08" or "" (the form of Finding.period)."""
    return f"{start}..{end}" if start or end else ""


def quantity(entity: str, metric: str, period_text: str) -> str:
    """"UZ returnees (2019-05..2022-11)"."""
    subject = " ".join(part for part in (entity, metric) if part)
    return f"{subject} ({period_text})" if period_text else subject


def listing(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def joined(texts: pd.Series, keys: pd.Series, sep: str, sort: bool = True) -> pd.Series:
    """`texts.groupby(keys, sort=sort).agg(sep.join)`: rows keep their order within a group, rows with
    a missing key are left out. One pass over the rows instead of one pandas call per group."""
    codes, uniques = pd.factorize(keys, sort=sort)
    kept = codes >= 0
    codes = codes[kept]
    order = np.argsort(codes, kind="stable")
    items = np.asarray(texts, dtype=object)[kept][order].tolist()
    ends = np.cumsum(np.bincount(codes, minlength=len(uniques))).tolist()
    return pd.Series([sep.join(items[start:end]) for start, end in zip([0] + ends[:-1], ends)],
                     index=pd.Index(uniques, name=getattr(keys, "name", None)), dtype=object)


def cited_column(claims) -> pd.Series:
    """`cited` for every row of a claims frame, indexed like it."""
    # Figures, qualifiers, sources and lines repeat across claims: each distinct one is worded once.
    bits = np.asarray(claims["value"], float).view(np.int64)  # bits, so that -0.0 stays apart from 0.0
    figures = _each_distinct(bits, lambda b: number(np.int64(b).view(float)))
    words = _each_distinct(claims["qualifier"], lambda q: _QUALIFIER_WORDS.get(q, ""))
    places = _each_distinct(claims["source_id"], str)
    lines = _each_distinct(claims["line"], str)
    return pd.Series(words + figures + " (source " + places + ", line " + lines + ")", index=claims.index, dtype=object)


def _each_distinct(column, word) -> np.ndarray:
    """An object array of `word(x)` for each x of the column, computed once per distinct x."""
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    return np.array([word(x) for x in uniques], dtype=object)[codes]


def gap(distance: float) -> str:
    """" (they are 68 apart)", or nothing when the intervals only touch at an open end."""
    return f" (they are {number(distance)} apart)" if distance > 0 else ""


def drop(distance: float) -> str:
    """", a drop of 68", or nothing when the bounds only touch at an open end."""
    return f", a drop of {number(distance)}" if distance > 0 else ""
