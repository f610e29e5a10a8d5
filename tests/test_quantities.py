"""find_quantities: number forms, qualifiers, kinds and units, with no workspace vocabulary."""

import math

import pytest

from figcheck.claims.quantities import QUANTITY_KEYS, find_quantities


def only(text: str) -> dict:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def values(text: str) -> list[float]:
    return [q["value"] for q in find_quantities(text)]


def test_every_quantity_has_the_agreed_keys_and_its_span():
    text = "Line one.\nOver 110 participants came."
    q = only(text)
    assert tuple(q) == QUANTITY_KEYS
    assert text[q["char_start"]:q["char_end"]] == q["text"] == "110"
    assert q["line"] == 2


@pytest.mark.parametrize("text, value", [
    ("1,500 people", 1500), ("1 500 people", 1500), ("1\u00a0500 people", 1500), ("1500 people", 1500),
    ("2.5 tonnes", 2.5), ("1.2 billion people", 1.2e9), ("5m residents", 5e6), ("10k runners", 1e4),
    ("five operations", 5), ("Thirty-one women", 31), ("twenty-five shelters", 25),
    ("one hundred and forty-six families", 146), ("twelve thousand people", 12000),
])
def test_number_forms(text, value):
    assert only(text)["value"] == value


def test_percentages_in_symbols_and_words():
    assert (only("79% of answers")["kind"], only("79% of answers")["unit"]) == ("percent", "%")
    q = only("60 per cent of homes")
    assert (q["value"], q["kind"], q["text"]) == (60, "percent", "60 per cent")
    assert only("sixty percent of homes")["value"] == 60
    assert only("a 150% rise")["kind"] == "other"  # a ratio above 100 is not a share


def test_parenthesised_value_takes_the_noun_before_it():
    q = only("the majority were women (156) and")
    assert (q["value"], q["unit"]) == (156, "women")


@pytest.mark.parametrize("phrase, qualifier", [
    ("over", "gt"), ("more than", "gt"), ("above", "gt"),
    ("at least", "ge"), ("no fewer than", "ge"),
    ("fewer than", "lt"), ("less than", "lt"), ("under", "lt"), ("below", "lt"),
    ("up to", "le"), ("at most", "le"),
    ("nearly", "approx"), ("almost", "approx"), ("about", "approx"), ("around", "approx"),
    ("approximately", "approx"), ("some", "approx"), ("an estimated", "approx"), ("roughly", "approx"),
    # as ANNOTATION.md reads them: "just over" is over, "as high as" at most
    ("just over", "gt"), ("just under", "lt"), ("as high as", "le"), ("beyond", "gt"),
])
def test_qualifier_before_the_figure(phrase, qualifier):
    assert only(f"{phrase} 400 people left")["qualifier"] == qualifier


@pytest.mark.parametrize("text, qualifier", [("(1500 +)", "ge"), ("1500+ people", "ge"), ("50 or more people", "ge"),
                                             ("50 or fewer people", "le")])
def test_qualifier_after_the_figure(text, qualifier):
    assert only(text)["qualifier"] == qualifier


def test_intervals_follow_the_qualifier():
    gt = only("more than 2,100 nationals")
    assert (gt["lower"], gt["upper"]) == (2100, math.inf)
    lt = only("fewer than 50 people")
    assert (lt["lower"], lt["upper"]) == (0, 50)
    approx = only("about 200 people")
    assert (approx["lower"], approx["upper"]) == pytest.approx((190, 210))
    assert find_quantities("about 200 people", tolerance=0.1)[0]["upper"] == pytest.approx(220)
    eq = only("27 men")
    assert (eq["lower"], eq["upper"]) == (27, 27)


def test_ages_and_durations_are_their_own_kinds():
    both = find_quantities("79 children aged 2-18 from")
    assert [(q["kind"], q["value"], q["lower"], q["upper"]) for q in both] == [
        ("count", 79, 79, 79), ("age", 2, 2, 18)]
    assert only("a 12-year-old boy")["kind"] == "age"
    assert only("she is 57 years old")["kind"] == "age"
    day = only("a 3-day study mission")
    assert (day["kind"], day["unit"]) == ("duration", "day")
    assert only("over the three days")["kind"] == "duration"
    assert only("within 48 hours")["kind"] == "duration"


def test_money_before_and_after():
    assert (only("$5 million in aid")["kind"], only("$5 million in aid")["unit"]) == ("money", "$")
    q = only("EUR 1.2 million for")
    assert (q["value"], q["kind"], q["unit"]) == (1.2e6, "money", "EUR")
    assert only("25 million tenge was")["unit"] == "tenge"


def test_measurements_and_fractions_of_a_count_are_not_counts():
    assert only("a 300 km stretch")["kind"] == "other"
    assert only("peaked at 6.85 metres")["kind"] == "other"


def test_counted_noun_stops_at_verbs_and_prepositions():
    assert only("595 citizens of Kazakhstan have returned")["unit"] == "citizens"
    assert only("over 50 participants representing agencies")["unit"] == "participants"
    assert only("126 UN Member States.")["unit"] == "States"
    assert only("32 are orphans")["unit"] == "orphans"


def test_ranges_are_one_figure_with_both_ends():
    q = only("between 8,000 and 10,000 residents")
    assert (q["text"], q["value"], q["qualifier"], q["lower"], q["upper"]) == ("8,000 and 10,000", 8000, "ge", 8000, 10000)
    assert only("500-600 people")["upper"] == 600


def test_a_range_keeps_both_ends_when_reconciled():
    import pandas as pd
    from figcheck.claims.config import parse_config
    from figcheck.reconcile.intervals import claim_intervals

    q = only("between 10,000 and 15,000 people")
    row = pd.DataFrame([{k: q[k] for k in ("value", "qualifier", "lower", "upper", "kind", "text")}])
    bounds = claim_intervals(row, parse_config("")).iloc[0]
    assert bounds["lower"] <= 10000 and bounds["upper"] == 15000  # the lower end may widen for rounding


def test_degrees_are_measurements():
    q = only("Temperatures reached 38°C today")
    assert (q["kind"], q["unit"]) == ("other", "°C")


def test_bracketed_values_inside_a_bracketed_list_keep_their_nouns():
    found = find_quantities("36 sites were built (schools (8), wells (10) and clinics (18)).")
    assert [q["unit"] for q in found] == ["sites", "schools", "wells", "clinics"]
