"""The period a figure covers: "between May 2019 and August 2021", "since May 2019", "in March 2021",
"on 25 July 2022", "by December 2024", "to date", "a week earlier", "yesterday"; otherwise the
registry's dates."""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from figcheck.claims.extraction.language import SPACE, initials, load_language, phrases, word_set
from figcheck.claims.extraction.numbers import number_patterns

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
    relative: re.Pattern      # "a week earlier", "the previous day", "three days ago", "yesterday"
    counts: dict[str, int]    # "a" -> 1, "two" -> 2: how many units a relative date steps
    units: dict[str, str]     # "weeks" -> "week"
    earlier: frozenset[str]   # direction words that step back ("earlier", "before"); the rest step on
    ago: frozenset[str]       # "ago": counted back from publication, whatever the sentence states
    previous: frozenset[str]  # "the previous" (one unit back); "the following" steps on
    from_publication: dict[str, int]  # "yesterday" -> -1 day
    bases: frozenset[str]     # "of the previous year": after these a relative date is a comparison's base
    comparisons: frozenset[str]  # "compared to November": after these a date is a comparison's base
    year_bases: frozenset[str]   # "up 12% on 2019": a year right after these is a comparison's base
    opened_joins: frozenset[str]  # "and" joins a range only after "between": "in 1992 and 1993" are two dates
    calendar: re.Pattern      # "last year", "this month": a calendar period counted from publication
    calendar_steps: dict[str, int]
    qualified: re.Pattern     # "the 2024 budget", "its 2019 tally": a year qualifying a noun
    opening: re.Pattern       # "the first 13 days of July", "the first seven months of 2023"
    year_part: re.Pattern     # "the first half of 2019", "Q3 2018": months of one year
    year_parts: dict[str, tuple[int, int]]  # "first half" -> (1, 6)
    span: re.Pattern          # "over the past 11 days": counted from publication
    span_steps: dict[str, int]
    anaphor: re.Pattern       # "that year": the year last written before it
    when: frozenset[str]      # "June 15, when there were 224": the clause stands at the date before it
    which: frozenset[str]     # "2019, which saw 3,104": so does one these open, its verb not in the perfect
    year_end: re.Pattern      # "the end of" 2023: the year's last month
    year_so_far: re.Pattern   # "so far this year", "in 2024 to date": a running total since the year's start
    same_point: re.Pattern    # "this time last year", "at this point in 2022"
    same_point_bases: frozenset[str]  # "15% below the same point last year": the point is the base
    joins: frozenset[str]     # "and": a figure joined after a comparison's base is compared too, not the base's


# Calendar steps of a relative date's unit: (years, months, days).
_STEPS = {"day": (0, 0, 1), "week": (0, 0, 7), "fortnight": (0, 0, 14), "month": (0, 1, 0), "year": (1, 0, 0)}
# A sentence ends at a full stop, "!" or "?" before a blank, or at a blank line: a relative date is
# anchored only to a date of its own sentence.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t\r]*\n")
_PARAGRAPH_END = re.compile(r"\n[ \t\r]*\n")


# The dot of an abbreviated month ("Jan. 1", "Nov. 12, 2024"), not a full stop after a month ("... 5 May.").
_ABBREVIATION_DOT = r"(?:\.(?=[ \t]*[\d,]))?"


def _date(prefix: str, month: str, year_after: tuple[str, str, str]) -> str:
    """A written date. A day or month without its year may take one a few words on (`year_after`: the
    joining words of `[dates]`, the calendar steps and the words of a year of `[time]`): "August 22 in
    2022", "May of 2021", "22 June last year"."""
    p, s = prefix, SPACE
    joins, steps, years = year_after

    def year_later(i: str) -> str:
        return (rf"(?:{s}(?i:{joins}){s}(?P<{p}j{i}>{_YEAR})(?![\w-])"
                rf"|{s}(?P<{p}k{i}>(?i:{steps})){s}(?i:{years})(?![\w-]))?")
    return (rf"(?:(?P<{p}d1>\d{{1,2}})(?:st|nd|rd|th)?{s}(?:of{s})?(?P<{p}m1>{month}){_ABBREVIATION_DOT},?"
            rf"(?:{s}(?P<{p}y1>{_YEAR})|{year_later('1')})"
            rf"|(?P<{p}m2>{month}){_ABBREVIATION_DOT}{s}(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
            rf"(?:,?{s}(?P<{p}y2>{_YEAR})|{year_later('2')})"
            rf"|(?P<{p}m3>{month}){_ABBREVIATION_DOT},?{s}(?P<{p}y3>{_YEAR})"
            rf"|(?P<{p}y6>{_YEAR})[-–/](?P<{p}c6>\d{{2}})(?![\w-])"
            rf"|(?P<{p}y4>{_YEAR})(?![\w-])"
            rf"|(?P<{p}m5>{month}){_ABBREVIATION_DOT}(?![\w-]){year_later('5')})")


def _day_range(month: str) -> str:
    """"10 and 14 May 2024", "8-20 May": two days of one month."""
    s = SPACE
    return (rf"(?P<first>\d{{1,2}})(?:st|nd|rd|th)?{s}?(?:and|to|-|–){s}?(?P<zd1>\d{{1,2}})(?:st|nd|rd|th)?{s}"
            rf"(?P<zm1>{month}){_ABBREVIATION_DOT}(?:,?{s}(?P<zy1>{_YEAR}))?")


@lru_cache(maxsize=8)
def time_patterns(code: str = "en") -> TimePatterns:
    lang = load_language(code)
    dates, time = lang["dates"], lang["time"]
    months = {m.casefold(): i + 1 for i, m in enumerate(dates["months"])}
    months.update({m.casefold(): i + 1 for i, m in enumerate(dates["month_abbreviations"])})
    month_names = [m.capitalize() for m in months]
    month = phrases(month_names)
    joins = phrases(time["range_join"])
    year_after = (phrases(dates["year_joins"]), phrases(time["calendar_steps"]),
                  phrases([w for w, unit in time["relative_units"].items() if unit == "year"]))

    # "by the end of 2024", "on Friday, June 13": words between a time word and its date.
    modifier = (rf"(?:(?i:{phrases(time['date_modifiers'])})[ \t-]*)?"
                rf"(?:(?i:{phrases(dates['weekdays'])}),?{SPACE})?")

    def cue(words) -> str:
        return rf"(?i:(?<![\w])(?:{phrases(words)})){SPACE}{modifier}"
    # tried only where no date follows the word right away: "since 2018, ... for 2023" starts in 2018
    reach = rf"(?:(?:[^.;\n]|\n(?![ \t\r]*\n)){{0,{int(time['start_reach'])}}}?\s(?i:{phrases(time['point'])}){SPACE}{modifier})??"
    counts = {w: 1 for w in word_set(time["relative_counts"])}
    counts.update({w: int(v) for w, v in number_patterns(code).words.items() if v >= 1 and v.is_integer()})
    units = {w.casefold(): u for w, u in time["relative_units"].items()}
    directions = [*time["relative_earlier"], *time["relative_later"], *time["relative_ago"]]
    prepositions = word_set(time["relative_prepositions"])
    # "before"/"after" close a relative date only where no word follows ("a week before the vote" does
    # not), the others where no comparison does ("a week earlier than planned").
    comparison = rf"(?![ \t]+(?:{phrases(time['relative_comparisons'])})\b)"
    direction = "|".join(rf"{phrases([w])}(?![ \t]+\w)" if w.casefold() in prepositions else phrases([w]) + comparison
                         for w in directions)
    unit = phrases(units)
    from_publication = {" ".join(k.casefold().split()): int(v) for k, v in time["days_from_publication"].items()}
    return TimePatterns(
        # "between May 2019 and August 2021", "May 2015 to November 2015" (a caption needs no opening
        # word); the lookahead for what a range can open with skips other positions at once.
        range=re.compile(rf"(?=[\d{initials(month_names)}]|(?i:{phrases(time['range_open'])}))(?<![\w])(?P<open>{cue(time['range_open'])})?(?:{_day_range(month)}|{_date('a', month, year_after)}{SPACE}?(?P<join>(?i:{joins})){SPACE}?{modifier}{_date('b', month, year_after)})"),
        since=re.compile(rf"{cue(time['start'])}{reach}{_date('a', month, year_after)}"),
        until=re.compile(rf"{cue(time['end'])}{_date('a', month, year_after)}"),
        point=re.compile(rf"{cue(time['point'])}{_date('a', month, year_after)}"),
        now=re.compile(rf"(?i:(?<![\w])(?:{phrases(time['until_now'])})(?![\w]))"),
        date=re.compile(_date("a", month, year_after)),
        # "by Friday", "on Sunday": a day of the week before the publication date.
        weekday=re.compile(rf"(?i:(?<![\w])(?:(?P<cue>{phrases([*time['start'], *time['end'], *time['point']])}){SPACE})?"
                           rf"(?P<day>{phrases(dates['weekdays'])})(?![\w]))"),
        months=months,
        weekdays={d.casefold(): i for i, d in enumerate(dates["weekdays"])},
        start_words=frozenset(w.casefold() for w in time["start"]),
        end_words=frozenset(w.casefold() for w in time["end"]),
        relative=re.compile(
            rf"(?=[\d{initials([*counts, *time['relative_previous'], *time['relative_next'], *from_publication])}"
            rf"{initials([*counts, *time['relative_previous'], *time['relative_next'], *from_publication]).upper()}])"
            rf"(?i:(?<![\w])(?:(?P<count>\d{{1,3}}|{phrases(counts)})[ \t-]+(?P<unit>{unit}){SPACE}(?P<dir>{direction})"
            rf"|(?P<step>{phrases([*time['relative_previous'], *time['relative_next']])}){SPACE}(?P<one>{unit})"
            rf"|(?P<pub>{phrases(from_publication)}))(?![\w])(?!['’]s\b))"),  # not "today's meeting"
        counts=counts,
        units=units,
        earlier=word_set([*time["relative_earlier"], *time["relative_ago"]]),
        ago=word_set(time["relative_ago"]),
        previous=word_set(time["relative_previous"]),
        from_publication=from_publication,
        bases=word_set(time["relative_bases"]),
        comparisons=word_set(time["comparisons"]),
        year_bases=word_set(time["year_bases"]),
        opened_joins=word_set(time["range_join_opened"]),
        calendar=re.compile(rf"(?i:(?<![\w])(?<!the )(?P<step>{phrases(time['calendar_steps'])})[ \t]+"
                            rf"(?P<unit>{phrases(time['calendar_units'])})(?![\w]))"),
        calendar_steps={k.casefold(): int(v) for k, v in time["calendar_steps"].items()},
        span=re.compile(rf"(?i:(?<![\w])the[ \t]+(?P<way>{phrases(time['span_steps'])})[ \t]+"
                        rf"(?P<count>\d{{1,3}}|{phrases(counts)})[ \t]+(?P<unit>{unit})(?![\w]))"),
        span_steps={k.casefold(): int(v) for k, v in time["span_steps"].items()},
        opening=re.compile(rf"(?i:(?<![\w]){phrases(time['opening'])}[ \t]+(?P<count>\d{{1,3}}|{phrases(counts)})[ \t]+"
                           rf"(?P<unit>{unit})[ \t]+of[ \t]+){_date('a', month, year_after)}"),
        year_part=re.compile(rf"(?i:(?<![\w])(?P<part>{phrases(time['year_parts'])})(?:[ \t]+of)?[ \t]+)"
                             rf"(?P<year>{_YEAR})(?![\w])"),
        year_parts={" ".join(k.casefold().split()): (int(a), int(b)) for k, (a, b) in time["year_parts"].items()},
        when=word_set(time["when"]),
        which=word_set(time["which"]),
        joins=word_set(lang["entity"]["list_joins"]),
        year_end=re.compile(rf"(?i:(?<![\w]){phrases(time['year_end'])})"),
        year_so_far=re.compile(
            rf"(?i:(?<![\w])(?:{phrases(time['year_so_far'])}"
            rf"|(?P<year>{_YEAR})(?:[ \t]+(?:{phrases(lang['syntax']['containers'])}))?"
            rf"[ \t]+(?:{phrases(time['until_now'])})"
            rf"|(?:{phrases(time['until_now'])})[ \t]+(?:{phrases(time['point'])})[ \t]+(?P<after>{_YEAR}))(?![\w]))"),
        anaphor=re.compile(rf"(?i:(?<![\w]){phrases(time['year_anaphors'])}(?![\w]))"),
        same_point_bases=word_set(time["same_point_bases"]) | word_set(time["comparisons"]),
        same_point=re.compile(rf"(?i:(?<![\w])(?:{phrases(time['same_point'])})(?:[ \t]+(?:of|in))?[ \t]+"
                              rf"(?:(?P<back>{phrases(time['same_point_back'])})|(?P<year>{_YEAR}))(?![\w]))"),
        qualified=re.compile(rf"(?:(?i:(?<![\w])(?:{phrases(time['year_determiners'])}))[ \t]+|['’]s[ \t]+)"
                             rf"(?P<year>{_YEAR})(?![\w-])(?=[ \t]+[^\W\d])"),
    )


def shift(iso: str, years: int, months: int, days: int) -> str:
    """An ISO date ("2024-05-03", "2024-05" or "2024") moved by a calendar step, kept at its precision;
    "" when the step is finer than the date (days from a month). The day is clamped to its month's end."""
    parts = [int(p) for p in iso.split("-")]
    if days and len(parts) < 3 or months and len(parts) < 2:
        return ""
    year = parts[0] + years
    if len(parts) == 1:
        return f"{year:04d}"
    month_index = year * 12 + parts[1] - 1 + months
    year, month = divmod(month_index, 12)
    if len(parts) == 2:
        return f"{year:04d}-{month + 1:02d}"
    day = min(parts[2], calendar.monthrange(year, month + 1)[1])
    return (date(year, month + 1, day) + timedelta(days=days)).isoformat()


def _iso(m: re.Match, prefix: str, patterns: TimePatterns, published: str) -> str:
    """The ISO date a match states. A date without its year ("in June", "on 3 May") is the last such
    date up to publication: "in December" written in January is the previous year's. A split year
    ("2016-17", a school or fiscal year) is the year it ends in; "22 June last year", the year the
    calendar step names from publication's."""
    g = m.groupdict()
    for i in "123456":
        year = g.get(f"{prefix}y{i}") or g.get(f"{prefix}j{i}")
        step = g.get(f"{prefix}k{i}")
        if step and published[:4]:  # "22 June last year"
            year = str(int(published[:4]) + patterns.calendar_steps[step.casefold()])
        split = g.get(f"{prefix}c{i}")
        if year and split:
            year = str(int(year) - int(year) % 100 + int(split) + (100 if int(split) <= int(year) % 100 else 0))
        month = g.get(f"{prefix}m{i}")
        day = g.get(f"{prefix}d{i}")
        if not (year or month):
            continue
        number = patterns.months[month.rstrip(".").casefold()] if month else 0
        if not year and published[:4]:
            later = published[5:7].isdigit() and number > int(published[5:7])
            year = str(int(published[:4]) - 1) if later else published[:4]
        if not year:
            return ""
        if not month:
            return year
        if day and 1 <= int(day) <= 31:
            return f"{year}-{number:02d}-{int(day):02d}"
        return f"{year}-{number:02d}"
    return ""


class TimeIndex:
    """Every time phrase of a text, found in one pass per kind, looked up per sentence by offset."""

    KINDS = ("range", "opening", "year_part", "span", "since", "until", "point", "now", "year_so_far", "weekday",
             "relative", "calendar", "qualified",
             "anaphor", "same_point")

    def __init__(self, text: str, patterns: TimePatterns):
        self.text = text
        self.patterns = patterns
        found = {kind: list(getattr(patterns, kind).finditer(text)) for kind in self.KINDS}
        self.hits = {kind: [m for m in hits if not self._compared(m)] for kind, hits in found.items()}
        # "compared to 2022", "than in 2019": a comparison's base dates no figure before it
        self.bases = sorted((m for kind in ("point", "until", "since") for m in found[kind] if self._compared(m)),
                            key=lambda m: m.end())
        self.base_ends = [m.end() for m in self.bases]
        # "since the 2016 crisis": a year after a word of start or end bounds a span, it names no period
        self.hits["qualified"] = [m for m in self.hits["qualified"] if _word_before(text, m.start())
                                  not in patterns.start_words | patterns.end_words]
        self.hits["range"] = [m for m in self.hits["range"] if m.group("open") or m.group("join") is None
                              or m.group("join").casefold() not in patterns.opened_joins]
        # every written date, the anchors of relative dates: looked for only in a text that has one
        self.hits["date"] = list(patterns.date.finditer(text)) if self.hits["relative"] or self.hits["anaphor"] else []
        self.starts = {kind: [m.start() for m in hits] for kind, hits in self.hits.items()}

    def base_before(self, pos: int, published: str, near: int) -> tuple[int, str] | None:
        """Where a comparison's base written right before pos ends (at most `near` words between) and its
        date: the date of the base's own figure, "compared to 2019 with 3,104", "than in 2019 (4,100)"."""
        i = bisect.bisect_right(self.base_ends, pos) - 1
        between = self.text[self.bases[i].end():pos] if i >= 0 else ""
        if i < 0 or len(between.split()) > near or _SENTENCE_END.search(between) or \
                self.patterns.joins.intersection(between.casefold().split()):
            return None  # "30% more than in May 2019 and 120 more than ...": compared too
        date = _iso(self.bases[i], "a", self.patterns, published)
        return (self.bases[i].end(), date) if date else None

    def _compared(self, m: re.Match) -> bool:
        """Whether a date is a comparison's base: after "compared to", "than" (`[time] comparisons`), or a
        year after "on" ("up 12% on 2019"; `[time] year_bases`)."""
        if _word_before(self.text, m.start()) in self.patterns.comparisons:
            return True
        words = m.group().split()
        return len(words) == 2 and words[0].casefold() in self.patterns.year_bases \
            and re.fullmatch(_YEAR, words[1]) is not None

    def first(self, kind: str, start: int, end: int, keep=None) -> re.Match | None:
        """The first hit of `kind` within [start, end); with `keep` (a hit -> rank, None to pass it
        over), the first of the lowest rank."""
        i = bisect.bisect_left(self.starts[kind], start)
        hits = self.hits[kind]
        best, best_rank = None, None
        while i < len(hits) and hits[i].end() <= end:
            rank = 0 if keep is None else keep(hits[i])
            if rank is not None and (best_rank is None or rank < best_rank):
                best, best_rank = hits[i], rank
                if rank == 0:
                    break
            i += 1
        return best

    def period(self, start: int, end: int, published: str, now: str = "", keep=None) -> Period | None:
        """The period the sentence [start, end) states, or None when it states none. A running total
        "so far" or "since May" stands at `now` (the date the source's data runs to), else at publication.
        `keep` ranks the dates of one point ("in June", "on Sunday") for the figure asked about (`first`)."""
        same = self.first("same_point", start, end, keep) if keep is not None else None
        if same is not None and (now or published):
            # "at this time last year, when 25,000 had crossed": where the data stands now, a year (or
            # to the year named) back, a running total up to it; only for a figure (`keep`) it may date
            moved = _same_point_date(same, now or published)
            if moved:
                return Period("", moved)
        point = self.first("point", start, end, keep)
        # "USD 1.8 billion for January - December 2025 (up from USD 1.5 billion in 2024)": a date
        # written right after the figure is its own, before any range or running total of the sentence
        if point is None or keep is None or keep(point) != 0:
            stated = self._stretch(start, end, published, now)
            if stated:
                return stated
        date = self._cued(point, published) if point else ""
        if not date:
            named = self.first("calendar", start, end, keep)
            date = self._calendar(named, published) if named else ""
        if not date:
            named = self.first("anaphor", start, end, keep)
            date = self._year_before(named.start()) if named else ""
        split = point.group("ay6") if point is not None and point.group("ac6") else ""  # "in 2016-17"
        # a source dated by its month only, whose data runs to a day of that month, speaks up to that day
        anchor = now if len(published) < 10 and len(now) == 10 and now.startswith(published) else published
        found = Period(split or date, date) if date else self._weekday(start, end, anchor, keep)
        # "passed on Saturday the 2024 budget": a year naming what is counted outweighs the day of an
        # act outside that year; a date within it is only more precise.
        qualified = self.first("qualified", start, end, keep)
        if qualified and (found is None or not found.end.startswith(qualified.group("year"))):
            return Period(qualified.group("year"), qualified.group("year"))
        return found

    def _stretch(self, start: int, end: int, published: str, now: str) -> Period | None:
        """A stretch of time [start, end) states: a range, a span ("the past 11 days"), an opening
        ("the first five days of November"), or a running total's start and end."""
        year = published
        m = self.first("range", start, end)
        if m and m.group("first"):
            end = _iso(m, "z", self.patterns, year)
            return Period(f"{end[:8]}{int(m.group('first')):02d}", end)
        if m:
            first, last = _iso(m, "a", self.patterns, year), _iso(m, "b", self.patterns, year)
            if first and last and not _year_written(m, "a") and _year_written(m, "b"):
                # "between January 1 and July 5 in 2023": the year after the range is its start's too
                first = last[:4] + first[4:]
                if first[5:] > last[5:len(first)]:
                    first = str(int(last[:4]) - 1) + first[4:]
            return Period(first, last)
        span = self.first("span", start, end)
        if span and self._span(span, published):
            return self._span(span, published)
        opening = self.first("opening", start, end)
        if opening and self._opening(opening, published):
            return self._opening(opening, published)
        part = self.first("year_part", start, end)
        if part:
            first, last = self.patterns.year_parts[" ".join(part.group("part").casefold().split())]
            return Period(f"{part.group('year')}-{first:02d}", f"{part.group('year')}-{last:02d}")
        since = self.first("since", start, end)
        until = self.first("until", start, end)
        begin = self._cued(since, published) if since else ""
        finish = self._cued(until, published) if until else ""
        if not finish and (since or self.first("now", start, end)):
            finish = now or published
        so_far = None if begin else self.first("year_so_far", start, end)
        if so_far is not None:
            # "so far this year": since the start of the year, the one written beside it or the current one
            begin = so_far.group("year") or so_far.group("after") or (now or published)[:4]
            finish = finish or now or published
        return Period(begin, finish) if begin or finish else None

    def _span(self, m: re.Match, published: str) -> Period | None:
        """"the past 11 days": so many days up to publication (a step onward, "the next two months",
        runs from it). None where publication is less precise than the unit."""
        p = self.patterns
        count = int(p.counts.get(" ".join(m.group("count").casefold().split()), 0) or m.group("count"))
        years, months, days = (count * n for n in _STEPS[p.units[m.group("unit").casefold()]])
        if p.span_steps[" ".join(m.group("way").casefold().split())] > 0:
            last = shift(published, years, months, days)
            return Period(published, last) if last else None
        first = shift(published, -years, -months, -days)
        return Period(first, published) if first else None

    def _opening(self, m: re.Match, published: str) -> Period | None:
        """"the first 13 days of July" -> 1 to 13 July; "the first seven months of 2023" -> January to
        July 2023: from the period's start, so many units on, at the precision the unit needs."""
        p = self.patterns
        within = _iso(m, "a", p, published)
        count = int(p.counts.get(" ".join(m.group("count").casefold().split()), 0) or m.group("count"))
        years, months, days = _STEPS[p.units[m.group("unit").casefold()]]
        begin = within + "-01" * (2 - within.count("-")) if days else within + "-01" * (1 - within.count("-"))
        if not within or not count or len(begin) < len(within):
            return None
        last = shift(begin, years * count, months * count, days * count - (1 if days else 0))
        if not days:
            last = shift(last, 0, -1, 0) if months else shift(last, -1, 0, 0)
        return Period(begin, last) if last else None

    def _cued(self, m: re.Match, published: str) -> str:
        """The date a cued phrase states; "by the end of 2023" is December of that year."""
        iso = _iso(m, "a", self.patterns, published)
        if len(iso) == 4 and self.patterns.year_end.search(m.group()):
            return f"{iso}-12"
        return iso

    def point_before(self, pos: int, published: str, now: str) -> Period | None:
        """The time written right before pos with nothing but spaces between, as one point: what a
        bracketed figure after it stands at ("7% above this time last year (18,512)", "since January
        2021 (2.9%)", "more than in the whole of 2021 (201,433)")."""
        for pattern in (self.patterns.same_point, self.patterns.date):
            for m in pattern.finditer(self.text, max(0, pos - 60), pos):
                if not self.text[m.end():pos].strip():
                    if pattern is self.patterns.same_point:  # a running total up to that point
                        date = _same_point_date(m, now or published)
                        return Period("", date) if date else None
                    date = _iso(m, "a", self.patterns, published)
                    return Period(date, date) if date else None
        return None

    def date_before(self, pos: int, published: str) -> str:
        """The date written right before pos, with at most a comma between: "since June 15, when ..."."""
        for m in self.patterns.date.finditer(self.text, max(0, pos - 40), pos):
            if not self.text[m.end():pos].strip(" \t,"):
                return _iso(m, "a", self.patterns, published)
        return ""

    def _year_before(self, pos: int) -> str:
        """The year of the last date written before pos in its paragraph: what "that year" refers to."""
        dates = self.hits["date"]
        for i in range(bisect.bisect_left(self.starts["date"], pos) - 1, -1, -1):
            m = dates[i]
            if _PARAGRAPH_END.search(self.text, m.end(), pos):
                break
            year = next((m.group(f"ay{k}") for k in "1234" if m.group(f"ay{k}")), "")
            if year:
                return year
        return ""

    def _calendar(self, m: re.Match, published: str) -> str:
        """"last year" -> the year before publication's, "this month" -> publication's month."""
        step = self.patterns.calendar_steps[m.group("step").casefold()]
        if m.group("unit").casefold() == "year":
            return shift(published[:4], step, 0, 0) if published[:4] else ""
        return shift(published[:7], 0, step, 0) if len(published) >= 7 else ""

    def relatives(self, start: int, end: int) -> list[re.Match]:
        """The relative dates ("a week earlier", "yesterday") within [start, end) that date a figure:
        not the base of a comparison ("the same period of the previous year")."""
        hits, starts = self.hits["relative"], self.starts["relative"]
        return [m for m in hits[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                if m.end() <= end and _word_before(self.text, m.start()) not in self.patterns.bases]

    def from_publication(self, m: re.Match) -> bool:
        """"yesterday", "three days ago": a relative date counted from publication, whatever the
        sentence states, so it dates every figure of its clause."""
        return bool(m.group("pub")) or _phrase(m, "dir") in self.patterns.ago

    def dated_between(self, start: int, end: int) -> bool:
        """A date is written within [start, end)."""
        i = bisect.bisect_left(self.starts["date"], start)
        return i < len(self.hits["date"]) and self.hits["date"][i].end() <= end

    def relative_period(self, m: re.Match, published: str) -> Period | None:
        """The period a relative date names. "1,178 a week earlier", "the previous day", "two months
        later": the nearest date stated before it in its sentence, else publication, moved by the step;
        "three days ago", "yesterday": publication, moved. It has its anchor's shape: up to the day
        ("by 3 May" -> "", day) or on it."""
        p = self.patterns
        if m.group("pub"):
            moved = shift(published, 0, 0, p.from_publication[_phrase(m, "pub")]) if len(published) >= 10 else ""
            return Period(moved, moved) if moved else None
        if m.group("step"):
            count, unit = (-1 if _phrase(m, "step") in p.previous else 1), m.group("one")
        else:
            count, unit = int(p.counts.get(_phrase(m, "count"), 0) or m.group("count")), m.group("unit")
            if _phrase(m, "dir") in p.earlier:
                count = -count
        years, months, days = (count * n for n in _STEPS[p.units[unit.casefold()]])
        anchor, until = ("", False) if self.from_publication(m) else self._anchor(m.start(), published, days, months)
        moved = shift(anchor or published, years, months, days) if anchor or len(published) >= 10 else ""
        if not moved:
            return None
        return Period("", moved) if until else Period(moved, moved)

    def _anchor(self, pos: int, published: str, days: int, months: int) -> tuple[str, bool]:
        """The nearest date written before pos in its sentence, precise enough for the step (a day for
        days and weeks, a month for months), and whether a figure stands up to it ("by 3 May")."""
        dates, year = self.hits["date"], published
        need = 3 if days else 2 if months else 1
        for i in range(bisect.bisect_left(self.starts["date"], pos) - 1, -1, -1):
            m = dates[i]
            if m.end() > pos:
                continue
            if _SENTENCE_END.search(self.text, m.end() - 1, pos):  # "by 3 May. 540 ...": the date took the stop
                break
            iso = _iso(m, "a", self.patterns, year)
            if iso.count("-") + 1 >= need:
                return iso, any(u.end() == m.end() for u in self.hits["until"])
        return "", False

    def _weekday(self, start: int, end: int, published: str, keep=None) -> Period | None:
        """"by Friday", "since Monday", "on Sunday": the last such day up to the publication date."""
        m = self.first("weekday", start, end, keep)
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


def _year_written(m: re.Match, prefix: str) -> bool:
    """Whether the date of the match's part `prefix` has its year written (or a calendar step)."""
    return any(value for name, value in m.groupdict().items()
               if name[:1] == prefix and name[1:2] in "yjk" and name[2:].isdigit())


def _same_point_date(m: re.Match, at: str) -> str:
    """The date "this time last year" or "this point in 2022" (m) names, `at` being now."""
    return shift(at, -1, 0, 0) if m.group("back") else m.group("year") + at[4:]


def _phrase(m: re.Match, group: str) -> str:
    """A matched group casefolded with its spaces made single ("The  previous" -> "the previous")."""
    return " ".join((m.group(group) or "").casefold().split())


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 24):pos].split()
    return words[-1].casefold() if words else ""


def label_date(label: str, published: str, patterns: TimePatterns) -> str:
    """The date a table label or header is, when it is nothing but a date ("2021", "March 2021")."""
    m = patterns.date.fullmatch(label.strip())
    return _iso(m, "a", patterns, published) if m else ""
