"""Each exclusion filter: what is not a figure stays out of find_quantities."""

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.claims.quantities import find_quantities


def texts(text: str) -> list[str]:
    return [q["text"] for q in find_quantities(text)]


@pytest.mark.parametrize("text", [
    "On 30 April 2025 they met.", "On April 30, they met.", "5-6 December, 2022, Astana",
    "On November 2-3, 2022, the", "between May 2019 and August 2021", "in March 2021",
    "dated 2024-05-16 and", "on 12/05/2024 the", "between 3 and\n21 June 2024", "on 23 and 24 May",
])
def test_dates(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["In 2019 the republics", "since 2018.", "by 2027 all", "Act LXXIV of 1995"])
def test_years(text):
    assert texts(text) == []


def test_a_four_digit_count_before_its_noun_is_not_a_year():
    assert texts("Officials counted 2000 people") == ["2000"]


@pytest.mark.parametrize("text", ["Lok Sabha elections 2024 was a record", "The planning assumption is that 2023 has been low",
                                  "the N47.9 trillion 2025 budget proposals", "“2023 asylum figures show a rise",
                                  "to allocate $4.2 billion throughout 2024 to support"])
def test_a_bare_modern_year_is_no_figure_whatever_follows_it(text):
    assert all(not t.isdigit() or len(t) != 4 for t in texts(text))


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2099), st.sampled_from(["people", "schools", "children", "cases"]))
def test_a_bare_four_digit_count_of_a_plural_noun_is_a_figure(n, noun):
    assert texts(f"Officials counted {n} {noun} on Monday.") == [str(n)]
    assert [q["value"] for q in find_quantities(f"They raised ${n} on Monday.")] == [n]


@pytest.mark.parametrize("verb", ["ended", "closed", "began", "entered"])
def test_a_year_a_verb_ends_or_opens_is_no_figure_but_a_count_of_nouns_is(verb):
    assert texts(f"The country {verb} 2023 with inflation at 211%.") == ["211%"]
    assert texts(f"The army {verb} 2000 schools.") == ["2000"]


@pytest.mark.parametrize("text", ["the Kyrgyz 2025-2030 Plan", "the 2021–2027 Programme", "in 2019/20"])
def test_year_ranges(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["at 10:30 a.m.", "from 8:00-20:00", "Situation at 8 a.m. today", "at 10.30 am"])
def test_times(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["+996775987817 WhatsApp", "Mobile: (+998 93) 505-05-58 |",
                                  "call +40 21 555 0123.", "line: 06-80-204-264 (free)", "call 0800 123 4567 now",
                                  "ISBN 978-3-16-148410-0"])
def test_phone_numbers(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["write to press2024@example.org today", "see www.example.org/floods/2024 now",
                                  "https://example.org/report-15 says", "e-mail: vasilina.brazhko [at]unodc"])
def test_addresses(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["resolution 2396 of", "Article 5 of the law", "on page 12 of", "Recorded video. Day 1.",
                                  "Law No. 45 says", "see Annex 2 for", "Item 1. Opening", "Room 204", "Note 1: shelters"])
def test_identifiers(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["Decree 112/2024 was", "Brief 7/2024", "open 24/7 now"])
def test_slash_codes(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["COVID-19 cases", "the Mehr-2 operation", "the G7 summit", "a 4G network"])
def test_names_with_numerals(text):
    assert texts(text) == []


@pytest.mark.parametrize("text", ["the 2nd district", "on the 16th.", "the twenty-first century", "the 3rd session"])
def test_ordinals(text):
    assert texts(text) == []


def test_list_numbering():
    assert texts("1. Extend insurance.\n2) Pay compensation.\n(3) Report.\n3.2 Results") == []
    assert texts("1. Evacuate 300 people.") == ["300"]


@pytest.mark.parametrize("text", ["leave no one behind", "one of the largest", "Not one family was", "they help one another"])
def test_one_as_a_pronoun(text):
    assert texts(text) == []


@given(st.integers(1, 999), st.integers(1000, 99999), st.sampled_from(["{} patients were admitted.", "State: {}"]))
def test_a_comma_group_of_four_digits_or_more_is_a_slip_and_no_figure(head, group, form):
    assert texts(form.format(f"{head},{group:04d}")) == []


def test_comma_groups_that_make_a_grouping_or_a_list_stay_figures():
    assert texts("1,234,567 people and 1,23,456 others") == ["1,234,567", "1,23,456"]
    assert texts("exercises 22,24,26,31") == ["22", "24", "26", "31"]


def test_one_before_a_noun_is_a_count():
    assert texts("one operation") == ["one"]


@pytest.mark.parametrize("text", ["crossed in one day", "in just one month", "one year after the war began",
                                  "during one week"])
def test_one_before_a_unit_of_time_is_an_article(text):
    assert texts(text) == []
    assert texts(text.replace("one", "two", 1).replace("day", "days").replace("month", "months")
                 .replace("year", "years").replace("week", "weeks")) == ["two"]


@pytest.mark.parametrize("text", ["thousands of people", "hundreds were there", "for the thousandth time"])
def test_lone_scale_words_are_no_figures(text):
    assert texts(text) == []
