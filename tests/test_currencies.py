"""Currencies: English names from Babel for every current currency, a workspace's own forms from
figcheck.toml's [currencies], and no region known to the code."""

import re

import pytest
from babel.numbers import get_currency_name
from hypothesis import given, settings, strategies as st

import figcheck
from figcheck.claims.config import ConfigError, parse_config
from figcheck.claims.extraction.units import current_currencies
from figcheck.claims.quantities import find_quantities
from figcheck.cli import main

NAIRA = (("NGN", ("N", "naira")),)


def money(text: str, currencies=()) -> list[tuple[float, str]]:
    return [(q["value"], q["currency"]) for q in find_quantities(text, currencies=currencies) if q["kind"] == "money"]


@pytest.mark.parametrize("text, expected", [
    ("5 million euros for schools", [(5e6, "EUR")]),
    ("paid 300 US dollars for it", [(300, "USD")]),
    ("paid 300 dollars for it", [(300, "USD")]),  # the language's default for a shared name
    ("a loan of 2 billion Canadian dollars", [(2e9, "CAD")]),  # the full name wins over the default
    ("25 million tenge was spent", [(25e6, "KZT")]),  # a name only one currency has
    ("2 billion Brazilian reals", [(2e9, "BRL")]),  # "reals" alone is too often an English word
    ("3,000 Kenyan shillings each", [(3000, "KES")]),
    ("XDR 1.2 billion in reserves", [(1.2e9, "XDR")]),  # any ISO 4217 code, current or not
    ("RMB 5 billion in loans", [(5e9, "CNY")]),  # an English abbreviation the language file gives
])
def test_currency_names_and_codes(text, expected):
    assert money(text) == expected


def test_a_name_several_currencies_share_is_money_of_no_known_currency():
    assert money("a fine of 300 dinars") == [(300, "")]


@pytest.mark.parametrize("text", ["won 3 gold medals", "5 real reasons to stay", "the 300 won seats"])
def test_last_words_that_are_english_words_are_no_currency(text):
    assert money(text) == []


_PLAIN_NAMES = sorted((iso, get_currency_name(iso, 2, "en")) for iso in current_currencies()
                      if re.fullmatch(r"[A-Za-z][A-Za-z -]*[a-z]", get_currency_name(iso, 2, "en"))
                      and " " in get_currency_name(iso, 2, "en"))


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(_PLAIN_NAMES), st.integers(1, 10**9))
def test_every_current_currency_reads_back_by_its_full_english_name(currency, amount):
    iso, name = currency
    assert money(f"paid {amount:,} {name} for it") == [(amount, iso)]


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 999), st.integers(0, 999), st.sampled_from(["", " million", " billion", " trillion"]))
def test_a_one_letter_currency_is_read_only_before_a_written_amount(whole, thousands, scale):
    written = f"{whole},{thousands:03d}{scale}"
    factor = {"": 1, " million": 1e6, " billion": 1e9, " trillion": 1e12}[scale]
    assert money(f"a budget of N{written} for it", NAIRA) == [(pytest.approx((whole * 1000 + thousands) * factor), "NGN")]
    assert money(f"a budget of N{written} for it") == []  # the language knows no "N"
    assert money(f"N{whole} masks", NAIRA) == []  # a bare integer after a letter is a code


def test_workspace_forms_win_over_the_language_and_babel():
    assert money("5 million som") == [(5e6, "")]  # Kyrgyz and Uzbekistani som
    assert money("5 million som", (("KGS", ("som",)),)) == [(5e6, "KGS")]
    assert money("a fee of 400 sum", (("UZS", ("sum",)),)) == [(400, "UZS")]
    assert money("₦5 billion and KSh 3,000", (("KES", ("KSh",)),)) == [(5e9, "NGN"), (3000, "KES")]


def test_the_api_takes_currency_forms_and_checks_them():
    found = figcheck.find_quantities("a budget of N27.5 trillion", currencies={"NGN": ["N"]})
    assert list(found["currency"]) == ["NGN"]
    with pytest.raises(ConfigError, match="not an ISO 4217"):
        figcheck.find_quantities("N5", currencies={"NAIRA": ["N"]})


def test_the_configuration_gives_its_currencies_to_extraction():
    config = parse_config('[currencies]\nNGN = ["N", "naira"]\nKZT = ["tenge"]\n')
    assert config.currencies == (("KZT", ("tenge",)), ("NGN", ("N", "naira")))


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(current_currencies())),
                       st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), max_size=3, unique=True),
                       max_size=4))
def test_any_valid_currency_table_reads_back(table):
    forms = [f for fs in table.values() for f in fs]
    text = "[currencies]\n" + "".join(f"{iso} = {fs!r}\n".replace("'", '"') for iso, fs in table.items())
    if len(forms) != len(set(forms)):  # a form given to two currencies is refused
        with pytest.raises(ConfigError, match="is already a form of"):
            parse_config(text)
    else:
        assert parse_config(text).currencies == tuple(sorted((iso, tuple(fs)) for iso, fs in table.items()))


@pytest.mark.parametrize("body, expected", [
    ('XYZ = ["x"]', "figcheck.toml:2: 'currencies.XYZ': not an ISO 4217 currency code"),
    ('NGN = "naira"', "figcheck.toml:2: 'currencies.NGN' must be an array"),
    ('NGN = ["N5"]', "figcheck.toml:2: 'currencies.NGN': 'N5' is no currency form"),
    ('NGN = [" N"]', "figcheck.toml:2: 'currencies.NGN': ' N' is no currency form"),
    ('NGN = ["N"]\nZAR = ["n"]', "figcheck.toml:3: 'currencies.ZAR': 'n' is already a form of NGN"),
])
def test_bad_currency_entries_are_named_with_their_line(body, expected):
    with pytest.raises(ConfigError) as caught:
        parse_config(f"[currencies]\n{body}\n")
    assert expected in str(caught.value)


def test_a_bad_currency_stops_the_command(example_workspace, capsys):
    config = example_workspace / "figcheck.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('TJS = ["somoni"]', 'TJ = ["somoni"]'),
                      encoding="utf-8")
    assert main(["check", str(example_workspace)]) == 2
    err = capsys.readouterr().err
    assert "'currencies.TJ': not an ISO 4217 currency code" in err and "Traceback" not in err
