"""The period a figure covers: "between May 2019 and August 2021", "since May 2019", "in March 2021",
"on 25 July 2022", "by December 2024", "to date"; otherwise the registry's dates."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from figcheck.claims.extraction.language import SPACE, initials, load_language, phrases

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
    weekday: re.Pattern
    months: dict[str, int]
    weekdays: dict[str, int]
    start_words: frozenset[str]
    end_words: frozenset[str]


def _date(prefix: str, month: str) -> str:
    p, s = prefix, SPACE
    return (rf"(?:(?P<{p}d1>\d{{1,2}})(?:st|nd|rd|th)?{s}(?:of{s})?(?P<{p}m1>{month})\.?,?(?:{s}(?P<{p}y1>{_YEAR}))?"
            rf"|(?P<{p}m2>{month})\.?{s}(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:,?{s}(?P<{p}y2>{_YEAR}))?"
            rf"|(?P<{p}m3>{month})\.?,?{s}(?P<{p}y3>{_YEAR})"
            rf"|(?P<{p}y4>{_YEAR})(?![\w-]))")


def _day_range(month: str) -> str:
    """"10 and 14 May 2024", "8-20 May": two days of one month."""
    s = SPACE
    return (rf"(?P<first>\d{{1,2}})(?:st|nd|rd|th)?{s}?(?:and|to|-|–){s}?(?P<zd1>\d{{1,2}})(?:st|nd|rd|th)?{s}"
            rf"(?P<zm1>{month})\.?(?:,?{s}(?P<zy1>{_YEAR}))?")


@lru_cache(maxsize=8)
def time_patterns(code: str = "en") -> TimePatterns:
    lang = load_language(code)
    dates, time = lang["dates"], lang["time"]
    months = {m.casefold(): i + 1 for i, m in enumerate(dates["months"])}
    months.update({m.casefold(): i + 1 for i, m in enumerate(dates["month_abbreviations"])})
    month_names = [m.capitalize() for m in months]
    month = phrases(month_names)
    joins = phrases(time["range_join"])

    # "by the end of 2024", "on Friday, June 13": words between a time word and its date.
    modifier = (rf"(?:(?i:{phrases(time['date_modifiers'])})[ \t-]*)?"
                rf"(?:(?i:{phrases(dates['weekdays'])}),?{SPACE})?")

    def cue(words) -> str:
        return rf"(?i:(?<![\w])(?:{phrases(words)})){SPACE}{modifier}"
    reach = rf"(?:(?:[^.;\n]|\n(?![ \t\r]*\n)){{0,{int(time['start_reach'])}}}?\s(?i:{phrases(time['point'])}){SPACE})?"
    return TimePatterns(
        # "between May 2019 and August 2021", "May 2015 to November 2015" (a caption needs no opening
        # word); the lookahead for what a range can open with skips other positions at once.
        range=re.compile(rf"(?=[\d{initials(month_names)}]|(?i:{phrases(time['range_open'])}))(?<![\w])(?:{cue(time['range_open'])})?(?:{_day_range(month)}|{_date('a', month)}{SPACE}?(?i:{joins}){SPACE}?{modifier}{_date('b', month)})"),
        since=re.compile(rf"{cue(time['start'])}{reach}{_date('a', month)}"),
        until=re.compile(rf"{cue(time['end'])}{_date('a', month)}"),
        point=re.compile(rf"{cue(time['point'])}{_date('a', month)}"),
        now=re.compile(rf"(?i:(?<![\w])(?:{phrases(time['until_now'])})(?![\w]))"),
        date=re.compile(_date("a", month)),
        # "by Friday", "on Sunday": a day of the week before the publication date.
        weekday=re.compile(rf"(?i:(?<![\w])(?:(?P<cue>{phrases([*time['start'], *time['end'], *time['point']])}){SPACE})?"
                           rf"(?P<day>{phrases(dates['weekdays'])})(?![\w]))"),
        months=months,
        weekdays={d.casefold(): i for i, d in enumerate(dates["weekdays"])},
        start_words=frozenset(w.casefold() for w in time["start"]),
        end_words=frozenset(w.casefold() for w in time["end"]),
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


class TimeIndex:
    """Every time phrase of a text, found in one pass per kind, looked up per sentence by offset."""

    KINDS = ("range", "since", "until", "point", "now", "weekday")

    def __init__(self, text: str, patterns: TimePatterns):
        self.patterns = patterns
        self.hits = {kind: list(getattr(patterns, kind).finditer(text)) for kind in self.KINDS}
        self.starts = {kind: [m.start() for m in hits] for kind, hits in self.hits.items()}

    def first(self, kind: str, start: int, end: int) -> re.Match | None:
        i = bisect.bisect_left(self.starts[kind], start)
        hits = self.hits[kind]
        return hits[i] if i < len(hits) and hits[i].end() <= end else None

    def period(self, start: int, end: int, published: str, now: str = "") -> Period | None:
        """The period the sentence [start, end) states, or None when it states none. A running total
        "so far" or "since May" stands at `now` (the date the source's data runs to), else at publication."""
        year, months = published[:4], self.patterns.months
        m = self.first("range", start, end)
        if m and m.group("first"):
            end = _iso(m, "z", months, year)
            return Period(f"{end[:8]}{int(m.group('first')):02d}", end)
        if m:
            return Period(_iso(m, "a", months, year), _iso(m, "b", months, year))
        since = self.first("since", start, end)
        until = self.first("until", start, end)
        begin = _iso(since, "a", months, year) if since else ""
        finish = _iso(until, "a", months, year) if until else ""
        if not finish and (since or self.first("now", start, end)):
            finish = now or published
        if begin or finish:
            return Period(begin, finish)
        point = self.first("point", start, end)
        date = _iso(point, "a", months, year) if point else ""
        if date:
            return Period(date, date)
        return self._weekday(start, end, published)

    def _weekday(self, start: int, end: int, published: str) -> Period | None:
        """"by Friday", "since Monday", "on Sunday": the last such day up to the publication date."""
        m = self.first("weekday", start, end)
        if m is None or len(published) < 10:
            return None
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return None
        back = (day.weekday() - self.patterns.weekdays[m.group("day").casefold()]) % 7
        iso = (day - timedelta(days=back)).isoformat()
        cue = " ".join((m.group("cue") or "").casefold().split())
        if cue in self.patterns.start_words:
            return Period(iso, published)
        if cue in self.patterns.end_words:
            return Period("", iso)
        return Period(iso, iso)


def label_date(label: str, published: str, patterns: TimePatterns) -> str:
    """The date a table label or header is, when it is nothing but a date ("2021", "March 2021")."""
    m = patterns.date.fullmatch(label.strip())
    return _iso(m, "a", patterns.months, published[:4]) if m else ""
