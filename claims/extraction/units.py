"""Unit and currency codes: pint names units, price-parser's table names currencies (ISO 4217).

pint knows thousands of units by name, plural and symbol ("km", "kilometres", "mph", "GB") and gives one
canonical name for each, so "10 km" and "10 kilometres" share a unit_code. Its registry takes about a
second to build, so it is built on the first unit that needs it, never for a text without one.
"""

from __future__ import annotations

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
    """(written form, ISO 4217 code) for every code and symbol in the table price-parser maintains."""
    from price_parser._currencies import CURRENCIES

    return tuple((written, iso) for iso, info in CURRENCIES.items()
                 for written in (iso, info["s"], info["sn"], *info.get("sn2", ())))


@lru_cache(maxsize=8)
def _currency_table(code: str) -> dict[str, str]:
    table: dict[str, set[str]] = {}
    for written, iso in currency_symbols():
        table.setdefault(written, set()).add(iso)
    found = {written: next(iter(codes)) for written, codes in table.items() if len(codes) == 1}
    found.update({iso: iso for _, iso in currency_symbols() if iso.isalpha() and iso.isupper() and len(iso) == 3})
    found.update(load_language(code)["money"]["codes"])  # the language's default for a shared symbol
    return found


def currency_code(written: str, code: str = "en") -> str:
    """The ISO 4217 code of a currency as written ("US$" -> "USD", "£" -> "GBP", "tenge" -> "KZT"), or ""."""
    table = _currency_table(code)
    return table.get(written) or table.get(written.casefold()) or table.get(written.upper(), "")
