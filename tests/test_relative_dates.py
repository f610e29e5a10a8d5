"""Relative dates: "a week earlier", "the previous day", "three days ago", "yesterday", from the nearest
date stated before them in their sentence, else from publication."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.claims.extraction.time import Period, TimeIndex, shift, time_patterns
from tests.test_extract import extract

PATTERNS = time_patterns("en")
PUBLISHED = "2024-06-10"
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def relative(text: str, published: str = PUBLISHED) -> list[tuple[str, Period | None]]:
    index = TimeIndex(text, PATTERNS)
    return [(m.group(), index.relative_period(m, published)) for m in index.relatives(0, len(text))]


@pytest.mark.parametrize("text, expected", [
    ("1,234 cases by 3 May, against 1,178 a week earlier.", Period("", "2024-04-26")),  # "by": up to that day
    ("On 3 May 2022, 600 people, and 540 the previous day.", Period("2022-05-02", "2022-05-02")),
    ("On 3 May 2024, 5 cases; 3 a fortnight before.", Period("2024-04-19", "2024-04-19")),
    ("In March 2024 and two months later 5 cases.", Period("2024-05", "2024-05")),  # a month's precision kept
    ("In 2023, 5 cases against 3 a year earlier.", Period("2022", "2022")),
    ("On 31 March 2024, 5 cases and a month earlier 4.", Period("2024-02-29", "2024-02-29")),  # day clamped
    ("5 cases the following week.", Period("2024-06-17", "2024-06-17")),  # no date before: publication
    ("Cases reached 40, 10 days ago.", Period("2024-05-31", "2024-05-31")),
    ("40 cases yesterday.", Period("2024-06-09", "2024-06-09")),
    ("40 cases today.", Period("2024-06-10", "2024-06-10")),
    ("40 cases the day before yesterday.", Period("2024-06-08", "2024-06-08")),
])
def test_relative_dates(text, expected):
    assert [period for _, period in relative(text)] == [expected]


@pytest.mark.parametrize("text", [
    "600 returned on 3 May, a week earlier than planned.",  # a comparison
    "A week before the vote, 30 rallies were held.",        # "before" a noun dates nothing stated
    "600 people arrived last week.",
    "Today's meeting heard 300 delegates.",                # a possessive names the day's event
    "Cases rose 5% on the previous week.",                 # the base of a comparison
])
def test_phrases_that_date_nothing(text):
    assert relative(text) == []


def test_ago_counts_from_publication_even_after_a_date():
    assert relative("By 3 May, 600 people, three days ago.") == [("three days ago", Period("2024-06-07", "2024-06-07"))]


def test_a_date_of_another_sentence_is_no_anchor():
    assert relative("600 people by 3 May. 540 a week earlier.") == [("a week earlier", Period("2024-06-03", "2024-06-03"))]


def test_a_step_finer_than_the_anchor_falls_back_to_a_finer_date():
    # "in March" cannot be moved by days; the nearest date precise enough is the sentence's first.
    assert relative("On 20 April 2024, in March, 5 cases; 3 a week earlier.") == [
        ("a week earlier", Period("2024-04-13", "2024-04-13"))]


@settings(max_examples=150, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)), st.integers(1, 10), st.sampled_from(["day", "week"]),
       st.booleans(), st.booleans())
def test_any_anchor_and_any_offset_gives_the_anchor_moved_back(anchor, n, unit, in_words, until):
    count = WORDS[n] if in_words else str(n)
    cue = "By" if until else "On"
    text = f"{cue} {anchor.day} {anchor:%B %Y}, 1,234 cases were counted, against 1,178 {count} {unit}{'s' * (n > 1)} earlier."
    moved = (anchor - timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    assert [period for _, period in relative(text)] == [Period("", moved) if until else Period(moved, moved)]


@settings(max_examples=100, deadline=None)
@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)), st.integers(-120, 120))
def test_shift_by_days_is_date_arithmetic_and_months_keep_the_day_in_range(day, n):
    assert shift(day.isoformat(), 0, 0, n) == (day + timedelta(days=n)).isoformat()
    moved = date.fromisoformat(shift(day.isoformat(), 0, n, 0))
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == n and moved.day <= day.day


def test_the_figure_before_a_relative_date_takes_it():
    frame = extract("Kazakhstan had repatriated 1,234 people by 3 May, against 1,178 a week earlier.")
    dates = {r.text: (r.period_start, r.period_end) for r in frame.itertuples()}
    assert dates["1,234"] == ("", "2022-05-03") and dates["1,178"] == ("", "2022-04-26")


def test_a_figure_with_a_date_of_its_own_is_not_dated_again():
    # "a week earlier" restates 1 May here; it does not move the figure a week before it
    frame = extract("By 3 May 2022, 600 people had returned, and 540 people by 1 May, a week earlier.")
    dates = {r.text: (r.period_start, r.period_end) for r in frame.itertuples()}
    assert dates["540"][1] not in ("2022-04-24", "2022-04-26")


def test_yesterday_is_the_day_before_publication():
    frame = extract("Kazakhstan repatriated 600 people yesterday.")  # published 2022-11-03
    assert tuple(frame.iloc[0][["period_start", "period_end"]]) == ("2022-11-02", "2022-11-02")


def stated_period(text: str, published: str = PUBLISHED) -> Period | None:
    return TimeIndex(text, PATTERNS).period(0, len(text), published)


@pytest.mark.parametrize("text, expected", [
    ("More than 6,100 people have crossed so far this year.", Period("2024", "2024-06-10")),
    ("The year-to-date total is 9,876.", Period("2024", "2024-06-10")),
    ("The 2023 total to date is 3,456.", Period("2023", "2024-06-10")),  # the year written beside it
    ("Some 3,000 have crossed so far in 2022.", Period("2022", "2024-06-10")),
    ("So far, 12,000 have crossed.", Period("", "2024-06-10")),  # no year said: no start
    ("Since 2019, 12,000 have crossed so far this year and before.", Period("2019", "2024-06-10")),
])
def test_a_running_total_so_far_this_year_starts_with_the_year(text, expected):
    assert stated_period(text) == expected


@settings(max_examples=30)
@given(year=st.integers(1990, 2030), month=st.integers(1, 12))
def test_so_far_this_year_starts_in_the_year_of_publication(year, month):
    published = f"{year}-{month:02d}-15"
    assert stated_period("Arrivals so far this year reached 4,321.", published) == Period(str(year), published)
