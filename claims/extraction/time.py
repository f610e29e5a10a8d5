"""The period a figure covers: "between May 2019 and August 2021", "since May 2019", "in March 2021",
"on 25 July 2022", "by December 2024", "to date"; otherwise the registry's dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.extraction.language import load_language, phrases

_YEAR = r"(?:1[89]|20|21)\d{2}"


@dataclass(frozen=True)
class Period:
    start: str
    end: str


@dataclass(frozen=True)
class TimePatterns:
    range: re.Pattern
    since: re.Pattern
    until: re.Pattern
    point: re.Pattern
    now: re.Pattern
    date: re.Pattern
    months: dict[str, int]


def _date(prefix: str, month: str) -> str:
    p = prefix
    return (rf"(?:(?P<{p}d1>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<{p}m1>{month})\.?,?(?:[ \t]+(?P<{p}y1>{_YEAR}))?"
            rf"|(?P<{p}m2>{month})\.?[ \t]+(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:,?[ \t]+(?P<{p}y2>{_YEAR}))?"
            rf"|(?P<{p}m3>{month})\.?,?[ \t]+(?P<{p}y3>{_YEAR})"
            rf"|(?P<{p}y4>{_YEAR})(?![\w-]))")


@lru_cache(maxsize=8)
def time_patterns(code: str = "en") -> TimePatterns:
    lang = load_language(code)
    dates, time = lang["dates"], lang["time"]
    months = {m.casefold(): i + 1 for i, m in enumerate(dates["months"])}
    months.update({m.casefold(): i + 1 for i, m in enumerate(dates["month_abbreviations"])})
    month = phrases(m.capitalize() for m in months)
    joins = phrases(time["range_join"])

    def cue(words) -> str:
        return rf"(?i:(?<![\w])(?:{phrases(words)}))[ \t]+(?:(?i:early|mid|late|the end of|the beginning of)[ \t-]+)?"
    return TimePatterns(
        range=re.compile(rf"{cue(time['range_open'])}{_date('a', month)}[ \t]*(?i:{joins})[ \t]*{_date('b', month)}"),
        since=re.compile(rf"{cue(time['start'])}{_date('a', month)}"),
        until=re.compile(rf"{cue(time['end'])}{_date('a', month)}"),
        point=re.compile(rf"{cue(time['point'])}{_date('a', month)}"),
        now=re.compile(rf"(?i:(?<![\w])(?:{phrases(time['until_now'])})(?![\w]))"),
        date=re.compile(_date("a", month)),
        months=months,
    )


def _iso(m: re.Match, prefix: str, months: dict[str, int], default_year: str) -> str:
    g = m.groupdict()
    for i in "1234":
        year = g.get(f"{prefix}y{i}")
        month = g.get(f"{prefix}m{i}")
        day = g.get(f"{prefix}d{i}")
        if not (year or month):
            continue
        year = year or default_year
        if not year:
            return ""
        if not month:
            return year
        number = months[month.rstrip(".").casefold()]
        if day and 1 <= int(day) <= 31:
            return f"{year}-{number:02d}-{int(day):02d}"
        return f"{year}-{number:02d}"
    return ""


def sentence_period(text: str, start: int, end: int, published: str, patterns: TimePatterns) -> Period | None:
    """The period the sentence [start, end) states, or None when it states none."""
    year = published[:4]
    m = patterns.range.search(text, start, end)
    if m:
        return Period(_iso(m, "a", patterns.months, year), _iso(m, "b", patterns.months, year))
    since = patterns.since.search(text, start, end)
    until = patterns.until.search(text, start, end)
    begin = _iso(since, "a", patterns.months, year) if since else ""
    finish = _iso(until, "a", patterns.months, year) if until else ""
    if not finish and (since or patterns.now.search(text, start, end)):
        finish = published
    if begin or finish:
        return Period(begin, finish)
    point = patterns.point.search(text, start, end)
    if point:
        date = _iso(point, "a", patterns.months, year)
        if date:
            return Period(date, date)
    return None


def label_date(label: str, published: str, patterns: TimePatterns) -> str:
    """The date a table label or header is, when it is nothing but a date ("2021", "March 2021")."""
    m = patterns.date.fullmatch(label.strip())
    return _iso(m, "a", patterns.months, published[:4]) if m else ""
