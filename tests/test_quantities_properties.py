"""Property tests: find_quantities never crashes and every span it returns is its text."""

import math

from hypothesis import given, settings, strategies as st

from figcheck.claims.model import KINDS
from figcheck.claims.quantities import find_quantities

# Text made of the pieces figures and their distractors are made of, so the search goes where bugs hide.
PIECES = st.sampled_from([
    " ", "\n", "\n\n", ",", ".", "-", "–", "(", ")", "+", "%", ":", "/", "|", "$", "€", "1", "12", "2,100", "1 500",
    "2019", "0.5", "five", "one", "hundred", "and", "twenty-one", "more than", "about", "up to", "aged", "days",
    "May", "June 12", "people", "women", "of whom", "No.", "Article", "COVID-19", "+998", "per cent", "million",
])
MIXED = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_spans_match_their_text_and_intervals_hold(text):
    for q in find_quantities(text):
        assert text[q["char_start"]:q["char_end"]] == q["text"]
        assert q["line"] == text.count("\n", 0, q["char_start"]) + 1
        assert q["lower"] <= q["value"] <= q["upper"]
        assert not math.isnan(q["value"])
        assert q["kind"] in KINDS
        assert q["qualifier"] in ("eq", "approx", "gt", "ge", "lt", "le")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=5))
def test_every_separated_integer_is_read_back(numbers):
    text = "; ".join(f"{n:,} people" for n in numbers)
    assert [q["value"] for q in find_quantities(text)] == numbers


SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.sampled_from(sorted(SCALES)), st.integers(min_value=1900, max_value=2099))
def test_a_scaled_decimal_is_the_value_as_written_and_a_year_after_it_is_not_part_of_it(whole, decimals, scale, year):
    from decimal import Decimal
    written = f"{whole}.{decimals:03d}".rstrip("0").rstrip(".")
    found = find_quantities(f"The ${written} {scale} {year} budget was passed.")
    expected = float(Decimal(written) * SCALES[scale])
    assert found[0]["text"] == f"{written} {scale}"
    assert found[0]["value"] == expected  # exactly: 8.7 trillion is 8,700,000,000,000


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=99),
       st.sampled_from(["per cent", "percent", "per-cent"]), st.sampled_from(["rise", "turnout", "share of the vote"]))
def test_a_percent_joined_to_its_figure_by_a_hyphen_reads_as_the_spaced_one(whole, hundredths, word, noun):
    written = f"{whole}.{hundredths:02d}" if hundredths else str(whole)
    spaced = find_quantities(f"They reported a {written} {word} {noun} on Monday.")
    hyphened = find_quantities(f"They reported a {written}-{word} {noun} on Monday.")
    assert len(hyphened) == 1
    assert (hyphened[0]["value"], hyphened[0]["kind"], hyphened[0]["unit"]) == \
        (spaced[0]["value"], spaced[0]["kind"], spaced[0]["unit"]) == (float(written), "percent", word)
    assert hyphened[0]["text"] == f"{written}-{word}"


SHARES = st.integers(min_value=0, max_value=9999).map(lambda n: f"{n // 100}.{n % 100:02d}")


@settings(max_examples=150, deadline=None)
@given(st.lists(SHARES, min_size=2, max_size=5), st.sampled_from(["per cent", "%", "percent"]),
       st.sampled_from(["; ", ", "]))
def test_a_bare_figure_listed_after_a_percentage_is_a_percentage_too(shares, sign, separator):
    names = ["Northshire", "Eastvale", "Southmoor", "Westbrook", "Midfield"]
    items = [f"{names[0]} recorded {shares[0]}{'' if sign == '%' else ' '}{sign}"]
    items += [f"{name} {share}" for name, share in zip(names[1:], shares[1:])]
    found = find_quantities(separator.join(items[:-1]) + f"{separator}and {items[-1]} on Friday.")
    assert [q["value"] for q in found] == [float(s) for s in shares]
    assert {q["kind"] for q in found} == {"percent"}


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99),
       st.sampled_from(["seats", "districts", "schools"]))
def test_a_count_after_a_percentage_keeps_its_own_kind(share, count, noun):
    found = find_quantities(f"It lost {share}% of its {noun}, {count} of its 230 {noun} in all.")
    assert [q["kind"] for q in found] == ["percent", "count", "count"]
    found = find_quantities(f"Turnout was {share}% in the north and {count} {noun} reported.")
    assert [q["kind"] for q in found] == ["percent", "count"]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=10**6),
       st.sampled_from([("passed", "gt"), ("crossed", "gt"), ("topped", "gt"), ("below", "lt"), ("under", "lt"),
                        ("nears", "approx"), ("approaching", "approx"), ("reached", "eq")]),
       st.sampled_from(["", "crucial ", "psychological "]), st.sampled_from(["mark", "threshold", "milestone"]))
def test_a_bound_reaches_a_mark_across_its_article(value, bound, adjective, mark):
    """"passed the 100,000 mark": the bound is the figure's though the article stands between them."""
    word, qualifier = bound
    found = find_quantities(f"Arrivals {word} the {adjective}{value:,} {mark} on Friday.")
    assert [(q["value"], q["qualifier"]) for q in found] == [(value, qualifier)]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["past", "just past"]))
def test_past_a_figure_is_above_it_and_the_past_hours_are_a_window(value, word):
    assert [(q["value"], q["qualifier"]) for q in find_quantities(f"The toll rose {word} {value:,} on Monday.")] \
        == [(value, "gt")]
    found = find_quantities(f"In the past 24 hours {value:,} people were admitted.")
    assert [(q["value"], q["qualifier"]) for q in found] == [(value, "eq")]


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1990, max_value=2030))
def test_a_year_past_which_a_total_surges_stays_a_year(year):
    assert find_quantities(f"The total for {year + 1} surges past {year} figure.") == []
