"""The number grammar of find_quantities, group by group: each with examples and a property test
(a number rendered in a supported form reads back to its value and interval)."""

import math
from datetime import date

import pytest
from hypothesis import assume, given, settings, strategies as st

from figcheck.claims.extraction.language import load_language
from figcheck.claims.quantities import find_quantities

LANG = load_language("en")


def only(text: str) -> dict:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


# ---- units written against the number ----------------------------------------------------------

@pytest.mark.parametrize("text, value, unit, code", [
    ("a 512GB phone", 512, "GB", "gigabyte"), ("at 70mph on", 70, "mph", "mile_per_hour"),
    ("a 300 km stretch", 300, "km", "kilometer"), ("150 hp engines", 150, "hp", "horsepower"),
    ("a wall 12m (39ft) high", 12, "m", "meter"),
])
def test_units_against_the_number(text, value, unit, code):
    q = find_quantities(text)[0]
    assert (q["value"], q["unit"], q["unit_code"], q["kind"]) == (value, unit, code, "other")


def test_the_same_unit_written_two_ways_shares_its_code():
    assert only("10 km away")["unit_code"] == only("10 kilometres away")["unit_code"] == "kilometer"


@pytest.mark.parametrize("text", ["5G networks", "a 3D printer", "4WD cars", "the 90s"])
def test_glued_letters_that_name_things_are_no_units(text):
    assert find_quantities(text) == []


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10_000), st.sampled_from(["km", "kg", "GB", "mph", "kW", "MW", "ha"]), st.booleans())
def test_a_unit_glued_or_spaced_reads_back(n, unit, spaced):
    q = only(f"a {n}{' ' if spaced else ''}{unit} figure")
    assert (q["value"], q["unit"], q["kind"]) == (n, unit, "other") and q["unit_code"]


# ---- currency prefixes and suffixes -------------------------------------------------------------

@pytest.mark.parametrize("text, value, currency", [
    ("US$2.7b in loans", 2.7e9, "USD"), ("USD25m for schools", 25e6, "USD"), ("£8m grant", 8e6, "GBP"),
    ("RM17.90 each", 17.9, "MYR"), ("$A41.3m deal", 41.3e6, "AUD"), ("Rs 1.2 trillion budget", 1.2e12, "INR"),
    ("€3bn package", 3e9, "EUR"), ("a $-12.4bn loss", -12.4e9, "USD"), ("25 million tenge was", 25e6, "KZT"),
    ("2mil SEK for it", 2e6, "SEK"), ("EUR 1.2 million for", 1.2e6, "EUR"),
])
def test_currencies(text, value, currency):
    q = only(text)
    assert (q["kind"], q["currency"]) == ("money", currency)
    assert close(q["value"], value)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 999), st.sampled_from([("$", "USD"), ("US$", "USD"), ("£", "GBP"), ("€", "EUR"), ("₹", "INR"),
                                              ("USD", "USD"), ("CHF", "CHF"), ("RM", "MYR")]),
       st.sampled_from([("", 1), ("m", 1e6), ("bn", 1e9), (" million", 1e6), (" billion", 1e9)]), st.booleans())
def test_a_currency_amount_reads_back(n, currency, scale, spaced):
    symbol, iso = currency
    q = only(f"paid {symbol}{' ' if spaced else ''}{n}{scale[0]} for it")
    assert (q["kind"], q["currency"]) == ("money", iso)
    assert close(q["value"], n * scale[1])


# ---- signs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("rose +0.4% today", 0.4), ("fell -2.1% today", -2.1), ("minus 5 degrees", -5), ("shares were down 3%", 3),
    ("The answer is negative one", -1),
])
def test_signs(text, value):
    assert close(only(text)["value"], value)


def test_a_negative_percentage_is_a_change_not_a_share():
    assert only("fell -2.1% today")["kind"] == "other"


def test_down_before_a_counted_noun_is_no_sign():
    assert only("brought down 3 drones")["value"] == 3


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=-10_000, max_value=10_000, places=2), st.sampled_from(["", "%"]))
def test_a_signed_number_reads_back(number, suffix):
    written = f"{number:+}" if number else "0.00"
    q = only(f"a change of {written}{suffix} was")
    assert close(q["value"], float(number))


# ---- fractions, ratios, multipliers --------------------------------------------------------------

@pytest.mark.parametrize("text, value, kind", [
    ("a third of homes", 1 / 3, "ratio"), ("two-thirds of homes", 2 / 3, "ratio"), ("3/4 of homes", 0.75, "ratio"),
    ("one and a half hours", 1.5, "duration"), ("half a million people", 5e5, "count"),
    ("one in three children", 1 / 3, "ratio"), ("one out of five adults", 0.2, "ratio"),
    ("one in every six households", 1 / 6, "ratio"), ("1 out of every 4 pupils", 0.25, "ratio"),
    ("a sixfold rise", 6, "multiplier"), ("an eight-fold increase", 8, "multiplier"), ("a 3-fold rise", 3, "multiplier"),
    ("2 1/4 miles", 2.25, "other"), ("more than half the people", 0.5, "ratio"), ("¾ of it", 0.75, "ratio"),
])
def test_fractions_ratios_multipliers(text, value, kind):
    q = only(text)
    assert close(q["value"], value) and q["kind"] == kind


@pytest.mark.parametrize("text, values", [
    ("24/7 service", []), ("the 9/11 attacks", []), ("the first half of 2024", []), ("8 in 5 boxes", [8, 5]),
    ("two millionth", [2]),
])
def test_what_is_no_fraction(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


NUMERATORS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}
DENOMINATORS = {"third": 3, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10, "hundredth": 100}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(NUMERATORS)), st.sampled_from(sorted(DENOMINATORS)), st.sampled_from([" ", "-"]))
def test_a_fraction_in_words_reads_back(top, below, joiner):
    plural = below + "s" if NUMERATORS[top] > 1 else below
    q = only(f"{top}{joiner}{plural} of the homes")
    assert close(q["value"], NUMERATORS[top] / DENOMINATORS[below])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.sampled_from(["in", "out of"]))
def test_a_share_reads_back(top, more, join):
    below = top + more
    assume(join == "in" or top == 1 or below <= 10)
    q = only(f"{top} {join} {below} children")
    assert (q["kind"], q["unit"]) == ("ratio", "children") and close(q["value"], top / below)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5000), st.integers(1, 5000), st.sampled_from(["provinces", "voting districts", "schools"]))
def test_a_part_out_of_its_whole_is_two_counts(part, more, noun):
    whole = part + more
    assume(whole > 10 and str(whole).rstrip("0") != "1")  # "nine out of 10", "3 out of 100" stay shares
    found = find_quantities(f"Results came from {part:,} out of {whole:,} {noun}.")
    assert [(q["value"], q["kind"]) for q in found] == [(part, "count"), (whole, "count")]


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 99), st.sampled_from(["fold", "-fold"]))
def test_a_multiplier_reads_back(n, suffix):
    q = only(f"a {n}{suffix} rise")
    assert (q["value"], q["kind"]) == (n, "multiplier")


# ---- scale words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("4 hundred people", 400), ("1.2b users", 1.2e9), ("10 bln dollars", 1e10), ("2.33 k runs", 2330),
    ("1MM revenue", 1e6), ("a dozen eggs", 12), ("3 dozen eggs", 36), ("13 lakh people", 1.3e6),
    ("2 crore voters", 2e7), ("12,34,567 voters", 1234567), ("three lakh crore", 3e12),
    ("Fewer than a thousand pandas", 1000), ("hundred thousand dollars", 1e5), ("a 27.5tr budget", 2.75e13),
])
def test_scale_words(text, value):
    assert close(only(text)["value"], value)


SCALES = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("k", 1e3), ("m", 1e6), ("bn", 1e9),
          (" lakh", 1e5), (" crore", 1e7), (" dozen", 12), (" mln", 1e6), (" bln", 1e9), ("tr", 1e12)]


@settings(max_examples=80, deadline=None)
@given(st.decimals(min_value=1, max_value=999, places=1), st.sampled_from(SCALES))
def test_a_scaled_number_reads_back(number, scale):
    word, factor = scale
    spaced = word if word.startswith(" ") or len(word) <= 2 else " " + word
    assert close(only(f"about {number}{spaced} people")["value"], float(number) * factor)


UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """An English rendering of 1 <= n < 10**9, written here so the parser is checked against another hand."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return UNITS[n // 100] + " hundred" + (" and " + in_words(rest) if rest else "")
    for size, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= size:
            rest = n % size
            head = in_words(n // size) + " " + name
            return head + ((" and " if rest < 100 else " ") + in_words(rest) if rest else "")
    raise ValueError(n)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 10**9 - 1))
def test_a_number_in_words_reads_back(n):
    assert only(f"they counted {in_words(n)} ballots")["value"] == n


def in_words_with_commas(n: int) -> str:
    """1 <= n < 10**15 as a legal text writes an amount: each scale's group, then a comma."""
    groups = [(n // 10**12 % 1000, " trillion"), (n // 10**9 % 1000, " billion"), (n // 10**6 % 1000, " million"),
              (n // 1000 % 1000, " thousand"), (n % 1000, "")]
    return ", ".join(in_words(g) + name for g, name in groups if g)


@settings(max_examples=100, deadline=None)
@given(st.integers(10**12, 10**15 - 1))
def test_an_amount_in_words_with_a_comma_after_each_scale_reads_back_to_the_unit(n):
    assert only(f"the total sum of {in_words_with_commas(n)} naira only")["value"] == n


# ---- ranges, and a scale word shared by a range ---------------------------------------------------

@pytest.mark.parametrize("text, lower, upper", [
    ("$10 to $15 billion", 10e9, 15e9), ("four to five thousand people", 4000, 5000), ("5-10W bulbs", 5, 10),
    ("5k-20k salaries", 5000, 20000), ("20 through 100 pages", 20, 100),
    ("from one thousand to two thousand people", 1000, 2000), ("between 20 and 30 people", 20, 30),
    ("20~100 items", 20, 100), ("He scores between negative ten and fifteen.", -10, 15),
])
def test_ranges(text, lower, upper):
    q = only(text)
    assert (q["lower"], q["upper"]) == (lower, upper) and not q["lower_open"] and not q["upper_open"]


@pytest.mark.parametrize("text", ["children between the ages of 6 and 16", "between ages 6 and 16"])
def test_a_phrase_may_open_a_range_as_between_does(text):
    assert [(q["lower"], q["upper"]) for q in find_quantities(text)] == [(6, 16)]


@pytest.mark.parametrize("verb", ["rose", "rising", "raising the total", "increasing it", "revised the plan",
                                  "cutting the count"])
def test_a_change_is_two_figures_not_a_range(verb):
    assert [q["value"] for q in find_quantities(f"{verb} from 20 to 30 people")] == [20, 30]


def test_from_and_to_without_a_change_word_is_a_range():
    assert [(q["lower"], q["upper"]) for q in find_quantities("the shelters hold from 20 to 30 people")] \
        == [(20, 30)]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999), st.sampled_from(["{a}-{b}", "{a} to {b}", "between {a} and {b}",
                                                                   "{a} through {b}", "{a}~{b}", "{a} – {b}"]),
       st.sampled_from([("", 1), (" million", 1e6), ("k", 1e3)]))
def test_a_range_reads_back_with_a_shared_scale(a, b, form, scale):
    lo, hi = min(a, b), max(a, b) + 1
    q = only(form.format(a=lo, b=f"{hi}{scale[0]}") + " people")
    assert (q["lower"], q["upper"]) == (lo * scale[1], hi * scale[1])


# ---- comparatives and their closedness ------------------------------------------------------------

@pytest.mark.parametrize("text, qualifier, lower, upper, lower_open, upper_open", [
    ("larger than twenty", "gt", 20, math.inf, True, True),
    ("no more than 12 units", "le", 0, 12, False, False),
    ("200 or greater", "ge", 200, math.inf, False, True),
    ("less than or equal to 30", "le", 0, 30, False, False),
    ("equal to or less than 30", "le", 0, 30, False, False),
    ("above 1000 and below 1500", "gt", 1000, 1500, True, True),
    ("at most 100 and at least 20 apples", "ge", 20, 100, False, False),
    ("x>30", "gt", 30, math.inf, True, True), (">= 30 cases", "ge", 30, math.inf, False, True),
    ("≤ 5 cases", "le", 0, 5, False, False), ("sales exceed 3000 units", "gt", 3000, math.inf, True, True),
    ("surpass 3000", "gt", 3000, math.inf, True, True), ("prices top 3000 dollars", "gt", 3000, math.inf, True, True),
    ("near 40 per cent", "approx", 38, 42, False, False), ("more than 5000 or equal to", "ge", 5000, math.inf, False, True),
    ("<=  -30", "le", -math.inf, -30, True, False), ("sub-5 runners", "lt", 0, 5, False, True),
])
def test_comparatives(text, qualifier, lower, upper, lower_open, upper_open):
    q = only(text)
    assert (q["qualifier"], q["lower_open"], q["upper_open"]) == (qualifier, lower_open, upper_open)
    assert q["lower"] == pytest.approx(lower) and q["upper"] == pytest.approx(upper)


def test_the_top_ten_is_a_rank_not_a_bound():
    assert only("the top 10 countries")["qualifier"] == "eq"


def test_a_qualifier_belongs_to_its_own_figure():
    assert [q["qualifier"] for q in find_quantities("under 150 hp (112 kW)")] == ["lt", "lt"]
    assert [q["qualifier"] for q in find_quantities("no more than 12 and more than 194 people")] == ["le", "gt"]
    assert [q["qualifier"] for q in find_quantities("His score is 200 or greater than 190")] == ["eq", "gt"]
    assert [q["qualifier"] for q in find_quantities("More than 40 and less than 10 are said")] == ["gt", "lt"]


QUALIFIERS = LANG["qualifiers"]
PHRASES = [(p, name) for name in ("gt", "ge", "lt", "le") for p in QUALIFIERS[name] if p[0].isalpha()]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PHRASES), st.integers(1, 10**6))
def test_every_comparative_phrase_bounds_its_figure(phrase, n):
    q = only(f"the total was {phrase[0]} {n:,} units")
    assert q["qualifier"] == phrase[1] and q["value"] == n
    if phrase[1] in ("gt", "ge"):
        assert (q["lower"], q["upper"], q["lower_open"]) == (n, math.inf, phrase[1] == "gt")
    else:
        assert (q["lower"], q["upper"], q["upper_open"]) == (0, n, phrase[1] == "lt")


# ---- names with numerals, times, scores, years ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "the S&P 500 rose", "the FTSE 100 fell", "the new iPhone 15 sold", "a Boeing 737 crashed", "in Game 7 of the finals",
    "the Pac-12 conference", "5G networks", "in Row 14 seats", "Flight 370 vanished", "New York, NY 10001 is",
    "at 12 W 45th St today", "at 1730 GMT today", "won 3-1 at home", "lost 102-99 in overtime", "in A.D. 800 the",
    "500 BC", "the 2021 review said", "between 1500 and 1800 the", "from 2019 to 2021 it",
    "posted 21 03 2019 by", "Image 2019 03 21 at",
    # a year after a capitalised word belongs to a title, whatever follows
    "the Amendment Bill 2019 seeks to", "Census 2021 results continue",
])
def test_names_times_scores_and_years_are_no_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, values", [
    ("the two generals met", []), ("these three states", []), ("talks between the two countries", []),
    ("The five new fatalities", [5]), ("two of the four sites", [2]), ("the 12 states", [12]),
    ("the twenty delegates", [20]), ("all three parties", [3]), ("Some 2000 people", [2000]),
    # a rank word picks by rank: "the top three countries" counts nothing
    ("the top three countries are", []), ("the top two candidates", []),
])
def test_a_small_number_word_after_a_definite_determiner_refers_back(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, values", [
    ("Posted 21 hours ago", []), ("1 day ago", []), ("Two weeks later, 50 died", [50]),
    ("a month ago there were only three", [3]), ("open for 3 days", [3]),
])
def test_a_duration_counted_back_from_another_time_is_a_date(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, values", [
    ("Cholera Outbreak Kills 22 in Sudan, Health Officials Say", [22]),
    ("Iran Says 610 Killed in War with Israel", [610]),
    ("Officials said the Game 7 result stood.", []), ("A Boeing 737 crashed on Monday", []),
])
def test_in_a_title_cased_line_a_capital_before_a_number_names_nothing(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, values", [
    ("which will target 2.3 million refugees", [2.3e6]), ("the case 1,204 patients", [1204]),
    ("Target 3 of the goals", []), ("resolution 2396 says", []),
    ('"Form 12C is filed by every office', []), ("a temperature of 17C today", [17]),
])
def test_an_identifier_is_a_bare_number(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, values", [("80,000people were displaced", [80000]), ("4G networks", []),
                                          ("1,200km of road", [1200])])
def test_a_noun_glued_to_a_separated_figure_lost_its_space(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, value", [
    ("returned to Uzbekistan 126 women", 126), ("more than 2000.", 2000),
    ("between 1500 and 1800 people", 1500),
])
def test_a_figure_after_a_name_or_like_a_year_still_counts(text, value):
    assert find_quantities(text)[0]["value"] == value


@pytest.mark.parametrize("text, values", [
    ("North: ANC 28, DA 22, EFF 11, MK 8, ActionSA 3.", [28, 22, 11, 8, 3]),
    ("West: DA 24; ANC 8; VF+ 1 and PA 3", [24, 8, 1, 3]),
    ("Final seats: BJP 240, Congress 99, JD(U) 12.", [240, 99, 12]),
])
def test_a_list_of_names_each_with_a_number_gives_each_name_its_figure(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text", ["- ANC 18%", "MK 44 per cent of the vote", "the IFP 18% share"])
def test_a_percent_after_a_name_and_number_is_a_share(text):
    assert [q["kind"] for q in find_quantities(text)] == ["percent"]


@given(st.lists(st.tuples(st.sampled_from(["ANC", "DA", "EFF", "IFP", "ActionSA", "BJP", "TMC"]),
                          st.integers(1, 999)), min_size=2, max_size=6),  # four digits may be a year
       st.sampled_from([", ", "; "]))
def test_any_list_of_named_figures_keeps_every_figure(items, separator):
    text = "Results: " + separator.join(f"{name} {n}" for name, n in items) + "."
    assert [q["value"] for q in find_quantities(text)] == [n for _, n in items]


@pytest.mark.parametrize("text, value", [("9.9 Trillion Naira", 9.9e12), ("3.88 Percent", 3.88), ("1.2 Million people", 1.2e6)])
def test_an_amount_opening_a_line_is_no_heading_number(text, value):
    assert [q["value"] for q in find_quantities(text)] == [value]
    assert find_quantities("3.2 Results of the survey") == []  # a heading's number


@given(st.sampled_from(["about", "around", "nearly", "some"]), st.integers(1, 99), st.integers(1, 99),
       st.sampled_from(["%", " per cent", " percent"]))
def test_about_reaches_a_figure_joined_right_after_it(word, first, second, unit):
    found = find_quantities(f"They received {word} {first}{unit} and {second}{unit} of the vote.")
    assert [q["qualifier"] for q in found] == ["approx", "approx"]
    assert find_quantities(f"{word.capitalize()} {first} died and {second} were injured.")[1]["qualifier"] == "eq"


@pytest.mark.parametrize("text, values", [
    ("The Blue Party won 240 seats and the Greens 99.", [240, 99]),
    ("The Blue Party won 240 seats and GL 99, a record.", [240, 99]),
    ("He sold 40 shares and the FTSE 100 fell.", [40]),  # a name the clause goes on after
])
def test_a_name_and_figure_closing_a_clause_repeat_the_earlier_figures_noun(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


def test_one_name_with_a_number_is_still_a_name():
    assert find_quantities("The FTSE 100, a share index, fell.") == []


# ---- leading dots ---------------------------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.integers(1, 999))
def test_a_leading_dot_decimal_reads_back(n):
    written = f".{n:03d}"
    assert close(only(f"hit {written} this season")["value"], float("0" + written))


# ---- metamorphic: a distractor added beside a figure changes nothing ------------------------------

DISTRACTORS = ["the S&P 500 fell", "at 1730 GMT", "in A.D. 800", "the FTSE 100 rose", "they won 3-1",
               "a Boeing 737 landed", "at 12 W 45th St", "5G networks", "iPhone 15 sales"]


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10**6), st.sampled_from(["more than", "about", "at most", ""]), st.sampled_from(DISTRACTORS),
       st.booleans())
def test_a_distractor_beside_a_figure_changes_nothing(n, qualifier, distractor, before):
    sentence = f"Officials counted {qualifier} {n:,} people."
    alone = [(q["value"], q["qualifier"], q["lower"], q["upper"]) for q in find_quantities(sentence)]
    mixed = f"{distractor[0].upper()}{distractor[1:]}. {sentence}" if before else f"{sentence} Then {distractor}."
    assert [(q["value"], q["qualifier"], q["lower"], q["upper"]) for q in find_quantities(mixed)] == alone


@pytest.mark.parametrize("text, expected", [
    ("between 10% and 20% last year", ("10% and 20%", 10, 20, "percent")),
    ("Inflation of 2-3% is expected", ("2-3%", 2, 3, "percent")),
    ("Temperatures of 40C were recorded", ("40C", 40, 40, "other")),
    ("The 100m sprint was won", ("100m", 100, 100, "other")),
])
def test_news_forms(text, expected):
    q = only(text)
    assert (q["text"], q["lower"], q["upper"], q["kind"]) == expected


def test_a_year_after_a_quarter_is_no_figure():
    assert find_quantities("Q3 2024 revenue rose") == []


# One-letter currencies are regional: a workspace declares them ([currencies] of figcheck.toml).
LETTERS = (("NGN", ("N", "naira")), ("ZAR", ("R",)))


@pytest.mark.parametrize("text, expected", [
    ("a budget of N27.5 trillion", [(27.5e12, "NGN")]), ("N95 masks and R2 roads", []),
    ("R1,200 each", [(1200, "ZAR")]), ("a 2.7-billion-dollar plan", [(2.7e9, "USD")]),
    # an exchange rate is an amount even without a separator
    ("a rate of N750 to the dollar", [(750, "NGN")]), ("R18 per U.S. dollar", [(18, "ZAR")]),
    ("N700 to a dollar", [(700, "NGN")]), ("N95 to the left", []), ("N95 a day", []),
    ("an exchange rate of N410 and", [(410, "NGN")]), ("a rate of N95 masks", []),
])
def test_one_letter_currencies_and_hyphenated_scales(text, expected):
    assert [(q["value"], q["currency"]) for q in find_quantities(text, currencies=LETTERS)] == expected


def test_one_letter_currencies_need_the_workspace():
    assert find_quantities("a budget of N27.5 trillion") == []


@pytest.mark.parametrize("text, values", [
    ("a marked rise of children: from 10.5 million to 13.2 million – the highest", [10.5e6, 13.2e6]),
    ("the Senate increased it by N1.2 trillion, moving it from N27.5 trillion to N28.7 trillion.", [1.2e12, 27.5e12, 28.7e12]),
    ("from 472 in 2023 to 25,330 people", [472, 25330]),
    ("1,705 in 2023 died", [1705]),
    ("the hundred per cent increase", [100]),
])
def test_changes_and_years_beside_figures(text, values):
    assert [q["value"] for q in find_quantities(text, currencies=LETTERS)] == values


@pytest.mark.parametrize("text, values", [
    ("ineligible for a third term", []), ("a third consecutive term", []), ("a third of homes", [1 / 3]),
    ("their 2025 budgets to education", []), ("the proposed 2024 budget increased", []),
    ("Officials counted 2000 people", [2000]), ("the elected members.[1][2] The", []),
    ("we hope 2031 does better", []), ("we hope 2031 brings calm", []),
])
def test_ordinals_years_and_citations_are_no_figures(text, values):
    assert [q["value"] for q in find_quantities(text)] == pytest.approx(values)


@pytest.mark.parametrize("text, values", [
    ("ANC-159; DA-87; MK Party-58; AL-Jamah-2; and UAT-1.", [159, 87, 58, 2, 1]),
    ("Alliance Won NDA 292 INDIA 234 Other 17", [292, 234, 17]),
])
def test_a_list_glued_by_hyphens_or_spaces_gives_each_name_its_figure(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text", ["cases of COVID-19 and MERS rose", "the F-16 jets", "a Boeing 737 crashed"])
def test_a_code_or_a_model_number_is_no_figure(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, values", [("- DA- 87 seats", [87]), ("- EFF - 39 seats", [39]),
                                          ("Seats:\n- 87 seats\n- 12 seats", [87, 12]),
                                          ("inflation fell -2.1%", [-2.1]), ("- 10 k", [-10000])])
def test_a_dash_after_a_label_or_a_bullet_of_a_list_is_no_sign(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@pytest.mark.parametrize("text, values", [
    ("two crore, sixty-two lac, six thousand and five hundred and twenty children", [26206520]),
    ("forty-nine lakh, thirty-five thousand, four hundred and eighty-four boys", [4935484]),
    ("in three thousand, four thousand people", [3000, 4000]),  # a scale that does not fit ends the number
    ("two million, 300 people", [2e6, 300]),  # digits after the comma are a figure of their own
])
def test_number_words_grouped_by_commas_read_as_one_number(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 99), st.integers(1, 99), st.integers(1, 999))
def test_any_lakh_crore_number_in_words_with_commas_reads_back(crores, lakhs, rest):
    text = f"{in_words(crores)} crore, {in_words(lakhs)} lakh, {in_words(rest)} children"
    assert [q["value"] for q in find_quantities(text)] == [crores * 1e7 + lakhs * 1e5 + rest]


def test_a_figure_ending_its_line_takes_no_noun_from_the_next_line_of_its_own():
    from figcheck.claims.quantities import scan

    def nouns(text):
        return [(q.value, text[q.noun_start:q.noun_end] if q.noun_start >= 0 else "") for q in scan(text)]
    assert nouns("Gauteng\nANC - 34.34%\nDA - 27.91%\n") == [(34.34, ""), (27.91, "")]
    assert nouns("Officials counted 300\npeople at the border.") == [(300, "people")]  # a wrapped line goes on


# ---- a decimal comma before a percent sign -------------------------------------------------------

@pytest.mark.parametrize("text, value", [("41,96% of the vote", 41.96), ("9,52 % of the vote", 9.52),
                                          ("a total of 1,234 people", 1234.0), ("1,234%", 1234.0),
                                          # typed loosely, a space after the comma
                                          ("12, 57% of the vote", 12.57), ("a fatality rate of 0, 42%", 0.42)])
def test_a_comma_before_one_or_two_digits_and_a_percent_sign_is_a_decimal_comma(text, value):
    assert close(only(text)["value"], value)


@given(st.integers(0, 999), st.integers(0, 99), st.sampled_from(["%", " %"]), st.sampled_from([",", ", "]))
def test_a_decimal_comma_share_reads_back_to_its_value(whole, hundredths, sign, comma):
    text = f"The party won {whole}{comma}{hundredths:02d}{sign} of the vote."
    assert close(only(text)["value"], whole + hundredths / 100)


@pytest.mark.parametrize("text, value", [
    # a grouped number whose later groups follow a comma and a space is one number typed loosely
    ("4,102, 376, 915, 240 is for recurrent expenditure.", 4_102_376_915_240),
    ("a sum of 2,615, 904, 117 naira", 2_615_904_117),
])
def test_a_grouped_number_with_spaced_later_groups_is_one_number(text, value):
    assert only(text)["value"] == value


@pytest.mark.parametrize("text", ["Deaths rose to 1,500, 200 were injured.", "rooms 101, 102, 103 were closed"])
def test_figures_listed_after_commas_stay_apart(text):
    assert len(find_quantities(text)) > 1


@given(st.integers(1, 999), st.lists(st.integers(0, 999), min_size=3, max_size=4))  # within exact floats
def test_spaced_thousands_groups_read_as_one_value(head, groups):
    text = f"{head},{groups[0]:03d}, " + ", ".join(f"{g:03d}" for g in groups[1:]) + " dollars were spent."
    expected = int(str(head) + "".join(f"{g:03d}" for g in groups))
    assert only(text)["value"] == expected


@settings(deadline=None)  # the first call loads the language file
@given(st.integers(1, 999), st.integers(0, 999), st.sampled_from(["people", "more patients", "in October"]))
def test_a_thousands_group_set_off_by_a_comma_and_a_space_before_a_word_is_one_number(head, group, after):
    assert only(f"Officials counted {head}, {group:03d} {after}.")["value"] == head * 1000 + group


@settings(deadline=None)
@given(st.sampled_from(LANG["dates"]["months"]), st.integers(1, 28), st.integers(100, 999))
def test_a_count_after_a_day_and_its_comma_is_not_glued_to_the_day(month, day, count):
    found = find_quantities(f"On {month.capitalize()} {day}, {count} people crossed.")
    assert [q["value"] for q in found] == [count]


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.booleans())
def test_a_date_of_digits_set_apart_by_spaces_is_no_figure(day, year_first):
    written = f"{day.year} {day.month:02d} {day.day:02d}" if year_first else f"{day.day} {day.month:02d} {day.year}"
    assert find_quantities(f"Posted {written} by the editors.") == []


@settings(deadline=None)  # the first call loads the language file
@given(st.text("0123456789", min_size=2, max_size=9).filter(lambda rest: rest.strip("0")), st.integers(1, 99_999))
def test_a_number_written_with_a_leading_zero_is_a_code(rest, count):
    text = f"Call 0{rest} to report any of the {count:,} cases."
    assert [q["value"] for q in find_quantities(text)] == [count]


def test_zeros_alone_are_zero_not_a_code():
    assert [q["value"] for q in find_quantities("The meter read 0000 after the reset, and 0123 is its code.")] == [0]


@settings(deadline=None)  # the first call loads the language file
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from(["million", "billion", "trillion"]))
def test_a_decimal_point_typed_with_a_space_before_a_scale_word_is_read(whole, tenth, scale):
    factor = {"million": 1e6, "billion": 1e9, "trillion": 1e12}[scale]
    q = only(f"The plan was raised by ${whole}. {tenth} {scale} and approved.")
    assert close(q["value"], (whole + tenth / 10) * factor)


def test_a_sentence_ending_on_a_number_is_no_decimal_point():
    assert [q["value"] for q in find_quantities("He scored 12. 3 goals followed.")] == [12, 3]


@settings(deadline=None)  # the first call loads the language file
@given(st.sampled_from(LANG["dates"]["window_before"]), st.integers(2, 99),
       st.sampled_from(["hours", "days", "weeks", "months", "years"]))
def test_a_window_of_time_is_no_figure_but_a_duration_is(window, length, unit):
    assert [q["value"] for q in find_quantities(f"In the {window} {length} {unit}, 1,234 people died.")] == [1234]
    assert [q["value"] for q in find_quantities(f"The strike lasted {length} {unit}.")] == [length]


# ---- a decimal point read aloud, and nought ------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("two hundred point zero three", [200.03]), ("three point seventy-one", [3.71]), ("minus five point five", [-5.5]),
    ("nine point nought four", [9.04]), ("naught point five", [0.5]), ("zero point eleven", [0.11]),
    ("four point five million people", [4.5e6]), ("a five point plan", [5]), ("nought is 0", [0, 0]),
    ("At one point the road closed.", []), ("Their hopes came to naught.", []),
])
def test_a_decimal_point_read_aloud(text, values):
    assert [q["value"] for q in find_quantities(text)] == pytest.approx(values)


ZEROS = ["zero", "nought", "naught"]


@settings(max_examples=100, deadline=None)  # the first call may load the language file
@given(st.integers(0, 999), st.lists(st.integers(0, 9), min_size=1, max_size=4), st.data())
def test_any_decimal_read_digit_by_digit_reads_back(whole, digits, data):
    spoken = " ".join(data.draw(st.sampled_from(ZEROS)) if d == 0 else UNITS[d] for d in digits)
    written = data.draw(st.sampled_from(ZEROS)) if whole == 0 else in_words(whole)
    q = only(f"The index read {written} point {spoken} on the day.")
    assert close(q["value"], float(f"{whole}.{''.join(map(str, digits))}"))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999), st.integers(10, 99))
def test_a_decimal_read_as_one_number_under_a_hundred_reads_back(whole, hundredths):
    q = only(f"The index read {in_words(whole)} point {in_words(hundredths)} on the day.")
    assert close(q["value"], float(f"{whole}.{hundredths}"))


# ---- scientific and power notation ---------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1e10", 1e10), ("1.3e6", 1.3e6), ("-127.32e13", -1.2732e15), ("12.32e+14", 1.232e15), ("-12e-1", -1.2),
    ("1.3x10^6", 1.3e6), ("6.23x10^-4", 6.23e-4), ("6.23 × 10^-4", 6.23e-4), ("10^6", 1e6),
    ("1.1^23", 1.1 ** 23), ("2.5^-1", 0.4), ("-2500^-1", -0.0004),
])
def test_scientific_and_power_notation(text, value):
    assert close(only(f"The value is {text}.")["value"], value)


@pytest.mark.parametrize("text", ["the #1e1e1e colour", "model 3e5x shipped", "the 0^-1 case"])
def test_what_is_no_power(text):
    assert not any("^" in q["text"] or "e" in q["text"] for q in find_quantities(text))


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=1, max_value=999, places=2), st.integers(-30, 30),
       st.sampled_from(["{m}e{e}", "{m}E{e:+d}", "{m}x10^{e}", "{m} × 10^{e}"]))
def test_any_mantissa_and_exponent_reads_back(mantissa, exponent, form):
    q = only(f"The constant is {form.format(m=mantissa, e=exponent)} in these units.")
    assert close(q["value"], float(mantissa.scaleb(exponent)))


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=1, max_value=99, places=1), st.integers(-5, 5))
def test_any_power_reads_back(base, exponent):
    q = only(f"The ratio is {base}^{exponent} in these units.")
    assert math.isclose(q["value"], float(base) ** exponent, rel_tol=1e-9)


# ---- "over" as a division ------------------------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("one over three", [1 / 3]), ("1 over 3", [1 / 3]), ("2000 over 3", [2000 / 3]),
    ("one over one hundred and twenty five", [0.008]), ("negative one over 20", [-0.05]),
    ("The ratio was 1 over 4, then it rose.", [0.25]),
    ("Deaths rose by 1,000 over 3 years.", [1000, 3]), ("The team won 2 over 3 rivals.", [2, 3]),
    ("Sales rose in 2023 over 2022.", [2022]), ("one over three of them", [1, 3]),
])
def test_over_divides_only_where_the_divisor_ends_its_clause(text, values):
    assert [q["value"] for q in find_quantities(text)] == pytest.approx(values)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999), st.booleans(), st.sampled_from([".", ",", ";", ")"]))
def test_any_division_ending_its_clause_reads_back(top, below, words, after):
    written = f"{in_words(top)} over {in_words(below)}" if words else f"{top} over {below}"
    q = only(f"(The share is {written}{after} as measured")
    assert close(q["value"], top / below)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 10**6), st.integers(2, 99),
       st.sampled_from(["years", "days", "rivals", "people", "districts", "more weeks", "per cent"]))
def test_n_over_m_before_a_word_stays_two_numbers(first, second, after):
    found = find_quantities(f"Deaths rose by {first:,} over {second} {after} in the region.")
    assert [q["value"] for q in found] == [first, second]


# ---- fractions whose numerator or denominator is a compound number -------------------------------

@pytest.mark.parametrize("text, value", [
    ("twenty-three fifths", 4.6), ("one hundred and thirty-two fifths", 26.4), ("a hundred trillionths", 1e-10),
    ("ninety - five hundred fifths", 1900), ("one twenty-fifth", 0.04), ("twenty twenty fifths", 0.8),
    ("one hundred thirty fifths", 100 / 35), ("twenty fifths", 4), ("one hundred and thirty fifths", 26),
    ("one hundred and three quarters", 100.75), ("two and fifty-four hundredths", 2.54),
    ("two million and three fifths", 2.6e6), ("one billion and a half million", 1_000_500_000),
])
def test_compound_fractions(text, value):
    assert close(only(f"They measured {text} in all.")["value"], value)


@pytest.mark.parametrize("text, values", [("a twenty-fifth anniversary", []), ("the last 12 quarters", [12]),
                                          ("his twenty-first birthday", [])])
def test_an_ordinal_or_a_count_of_quarters_is_no_compound_fraction(text, values):
    assert [q["value"] for q in find_quantities(text)] == values


ORDINALS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
            "hundredth": 100}


@settings(max_examples=100, deadline=None)  # the first call may load the language file
@given(st.integers(2, 999), st.sampled_from(sorted(ORDINALS)))
def test_any_numerator_in_words_over_an_ordinal_reads_back(top, ordinal):
    assume(top < 100 or top % 100 >= 10)  # "one hundred and three fifths" is a mixed number
    q = only(f"They measured {in_words(top)} {ordinal}s of the total.")
    assert close(q["value"], top / ORDINALS[ordinal])


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 99), st.sampled_from(TENS[2:]), st.sampled_from(sorted(set(ORDINALS) - {"tenth", "hundredth"})),
       st.sampled_from([" ", "-"]))
def test_a_tens_word_before_a_units_ordinal_makes_one_denominator(top, tens, ordinal, joiner):
    below = TENS.index(tens) * 10 + ORDINALS[ordinal]
    q = only(f"They measured {in_words(top)} {tens}{joiner}{ordinal}{'s' if top > 1 else ''} of the total.")
    assert close(q["value"], top / below)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.sampled_from([("a half", 0.5), ("a quarter", 0.25), ("three quarters", 0.75)]),
       st.sampled_from([("billion", 1e9, "million", 1e6), ("million", 1e6, "thousand", 1e3),
                        ("trillion", 1e12, "billion", 1e9)]))
def test_a_fraction_of_a_smaller_scale_after_and_adds_to_the_whole(whole, part, scales):
    big, big_value, small, small_value = scales
    q = only(f"They measured {UNITS[whole]} {big} and {part[0]} {small} in all.")
    assert close(q["value"], whole * big_value + part[1] * small_value)
