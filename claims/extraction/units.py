"""Unit and currency codes: pint names units; Babel names currencies (ISO 4217), price-parser gives their signs.

pint knows thousands of units by name, plural and symbol ("km", "kilometres", "mph", "GB") and gives one
canonical name for each, so "10 km" and "10 kilometres" share a unit_code. Its registry takes about a
second to build, so it is built on the first unit that needs it, never for a text without one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import load_language, word_set

PERCENT = "percent"


@lru_cache(maxsize=1)
def _registry():
    import pint  # lazily: only extraction of a text with a unit pays for the registry

    return pint.UnitRegistry()


@lru_cache(maxsize=8)
def _unit_data(code: str) -> tuple[dict, frozenset[str], frozenset[str]]:
    measures = load_language(code)["measures"]
    aliases = {k.casefold(): v for k, v in measures["aliases"].items()}
    return aliases, word_set(measures["not_units"]), word_set(measures["units"])


@lru_cache(maxsize=4096)
def unit_code(written: str, code: str = "en") -> str:
    """pint's canonical name of a unit as written ("kilometres" -> "kilometer", "mph" -> "mile_per_hour"),
    or "" when the words are no unit pint knows or name something else in text (4G, 3D, the 90s)."""
    aliases, not_units, _ = _unit_data(code)
    low = written.casefold()
    if low in not_units or not written or written[0].isdigit():
        return ""
    name = aliases.get(low, written)
    import pint

    try:
        unit = _registry().parse_units(name)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, TypeError,
            AttributeError, AssertionError, KeyError):
        return ""
    return str(unit)


def is_unit(written: str, code: str = "en", glued: bool = False) -> bool:
    """A unit written after or against a figure: one of the language's measures, or a symbol pint knows
    with a capital ("GB", "kWh") or, glued to the digits, of two or three letters ("70mph"). Other words
    pint knows are often plain nouns in text ("men", "points", "cups"), so those count only when the
    language lists them; pint is not asked about them at all."""
    _, not_units, listed = _unit_data(code)
    low = written.casefold()
    if low in listed:
        return True
    symbol = any(c.isupper() for c in written) or (glued and 2 <= len(written) <= 3)
    return symbol and len(written) >= 2 and low not in not_units and bool(unit_code(written, code))


@lru_cache(maxsize=1)
def currency_symbols() -> tuple[tuple[str, str], ...]:
    """(symbol, ISO 4217 code) for every symbol in price-parser's table ("€", "₦", "HK$", "RM").

    Babel has the same symbols only spread over its locales, and gathering them takes about a second;
    price-parser keeps them in one table (its module is private, but it has no public one)."""
    from price_parser._currencies import CURRENCIES

    return tuple((written, iso) for iso, info in CURRENCIES.items()
                 for written in (info["s"], info["sn"], *info.get("sn2", ())) if written != iso)


@lru_cache(maxsize=1)
def current_currencies() -> frozenset[str]:
    """The ISO 4217 codes of every currency that is legal tender somewhere today (Babel's CLDR data)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    return frozenset(iso for territory in get_global("territory_currencies")
                     for iso in get_territory_currencies(territory, tender=True))


@lru_cache(maxsize=8)
def _currency_names(code: str) -> dict[str, frozenset[str]]:
    """Babel's names of current currencies in the language, singular and plural, casefolded, and the
    last word of each ("US dollars", "dollars"; "Mexican pesos", "pesos") -> the ISO codes they name."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_currency_name

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, set[str]] = {}
    for iso in current_currencies():
        for count in (1, 2):
            name = get_currency_name(iso, count, locale).casefold()
            if name != iso.casefold():
                names.setdefault(name, set()).add(iso)
                names.setdefault(name.split()[-1], set()).add(iso)
    return {name: frozenset(codes) for name, codes in names.items()}


# A workspace's own currency forms, from [currencies] of figcheck.toml: (ISO code, its forms) pairs.
Currencies = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class CurrencyForms:
    """How a text names money in one language, with a workspace's own forms added."""
    prefixes: tuple[str, ...]     # written before the amount: signs, ISO codes, the language's and workspace's
    letters: frozenset[str]       # one-letter prefixes ("N"), read only before an amount written as one
    spaced_before: tuple[str, ...]  # prefixes that may stand a space before the figure ("Rs 1.2 trillion")
    words: frozenset[str]         # single words after a figure that name money, casefolded ("pesos", "dollars")
    codes: dict[str, str]         # written form -> ISO code ("" when several currencies share it)


def _written_before(form: str) -> bool:
    """A workspace form written before the amount: a sign or an abbreviation that opens with a capital
    ("₦", "N", "KSh", "Rs."); a word or a name is written after it ("naira", "Swiss francs")."""
    return not form[0].islower() and (len(form) <= 4 or not form.replace(" ", "").isalpha())


@lru_cache(maxsize=32)
def currency_forms(code: str = "en", extra: Currencies = ()) -> CurrencyForms:
    """The language's currency forms (Babel's names, price-parser's signs, every ISO 4217 code and
    the language file's own) with the workspace's `extra` forms, which win over any other reading."""
    money = load_language(code)["money"]
    banned = set(money["codes_not"])
    not_names = word_set(money["names_not"])
    from babel.numbers import list_currencies

    iso_codes = sorted(list_currencies())  # former currencies too: texts about the past name them
    codes: dict[str, str] = {}
    shared: dict[str, set[str]] = {}
    for written, iso in currency_symbols():
        shared.setdefault(written, set()).add(iso)
    names = {name: isos for name, isos in _currency_names(code).items()
             if name.count(" ") or name not in not_names}  # a full name always; its last word unless an English word
    for name, isos in names.items():
        shared.setdefault(name, set()).update(isos)
    for written, isos in shared.items():
        codes[written] = next(iter(isos)) if len(isos) == 1 else ""
    codes.update({iso: iso for iso in iso_codes})
    codes.update(money["codes"])
    words = {name.split()[-1] for name in names} - not_names | word_set(money["after"])
    prefixes = {iso for iso in iso_codes if iso not in banned} | set(money["before"])
    # symbols with a currency sign open an amount ("₦5", "HK$3"); letters alone ("Ft", "kr") are too often words
    prefixes |= {written for written, _ in currency_symbols()
                 if " " not in written and any(unicodedata.category(c) == "Sc" for c in written)}
    spaced = set(money["before"])
    letters = set()
    for iso, forms in extra:
        for form in forms:
            if len(form) == 1 and form.isalpha():
                letters.add(form)
                codes[form] = iso
            elif _written_before(form):
                prefixes.add(form)
                spaced.add(form)
                codes[form] = iso
            else:
                words.add(form.casefold().split()[-1])
                codes[form.casefold()] = iso
    return CurrencyForms(prefixes=tuple(sorted(prefixes | letters)), letters=frozenset(letters),
                         spaced_before=tuple(sorted(spaced)), words=frozenset(words), codes=codes)


def currency_code(written: str, code: str = "en", extra: Currencies = ()) -> str:
    """The ISO 4217 code of a currency as written ("US$" -> "USD", "£" -> "GBP", "euros" -> "EUR",
    "Canadian dollars" -> "CAD"), or "" when unknown or shared by several currencies with no default."""
    table = currency_forms(code, extra).codes
    return table.get(written) or table.get(written.casefold()) or table.get(written.upper(), "")
