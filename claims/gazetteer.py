"""Places known without configuration: every ISO 3166-1 country and territory, ISO 3166-2 subdivisions
where a workspace turns them on, and UN M49 regions as groups of countries.

The data comes from maintained packages, read as data files (importing pycountry costs more than half
a second; reading its JSON costs a millisecond):
- pycountry: ISO 3166-1 names, common and official names; ISO 3166-2 subdivisions and their types;
- country_converter: short names, official names, the name pattern of each country (which tells a
  derived adjective "Kenyan" from a neighbour's "Nigerian"/"Nigerien") and the M49 sub-region;
- countryinfo: the demonym ("French", "Dutch", "Filipino"), other English names ("UK", "Czechia") and
  the capital, which stands for its country.

`[entities.X]` and `[groups.X]` of figcheck.toml add to and override what is built in: their forms
come first, so a form a workspace gives a code is that code's whatever the built-in data says.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from figcheck.claims.config import Config, ConfigError

# ISO 3166-2 codes: the country's alpha-2, a hyphen, one to three letters or digits.
SUBDIVISION_CODE = re.compile(r"^([A-Z]{2})-[A-Z0-9]{1,3}$")
ALL_PARTS = "*"  # `parts = ["KE-*"]`: every top-level subdivision of KE

# Words a subdivision's ISO name may end with that a text often leaves out ("Nairobi City" -> "Nairobi").
_TYPE_WORDS = ("City", "County", "Province", "Region", "State", "District", "Governorate", "Oblast")
# English endings that make a country's adjective from its name: (the name ends with, take off, put
# on). Kenya -> Kenyan, Iraq -> Iraqi, Ukraine -> Ukrainian, Somalia -> Somali, Pakistan -> Pakistani.
# A candidate is kept only where the country's own name pattern (country_converter) accepts it and no
# other country claims it, so Niger gets no "Nigerian"; one that is no word stays unused.
_ENDINGS = (("a", "", "n"), ("a", "a", "ese"), ("e", "e", "ian"), ("y", "y", "ian"), ("stan", "istan", ""),
            ("stan", "stan", ""), ("stan", "", "i"), ("", "", "ian"), ("", "", "i"), ("", "", "ese"))
_CONSONANT_ENDINGS = ("", "stan")  # the rules ending "" apply only to a name ending in a consonant


@dataclass(frozen=True)
class Place:
    code: str                      # ISO code, or a region's name for a group
    name: str                      # display name
    forms: tuple[str, ...]         # how a text names it, as written (matched case-sensitively)
    members: tuple[str, ...] = ()  # a group's member codes
    adjectives: tuple[str, ...] = ()  # the forms that are its adjective or demonym ("Kenyan", "Kenyans")


def _data_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"the package '{package}' is not installed; reinstall figcheck")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _plain_names(name: str) -> list[str]:
    """"Bolivia, Plurinational State of" -> "Bolivia"; "Congo, The Democratic Republic of the" is no
    short name (the part before the comma is another country's), so it is kept whole only."""
    names = [name]
    if ", " in name:
        head, tail = name.split(", ", 1)
        names.append(f"{tail.removesuffix(' of').removesuffix(' of the')} of {head}".replace("The ", "the "))
        if not tail.endswith(("of", "of the")):
            names.append(head)
    return names


@lru_cache(maxsize=1)
def _converter_rows() -> dict[str, dict]:
    with open(_data_file("country_converter", "country_data.tsv"), encoding="utf-8", newline="") as f:
        return {row["ISO2"]: row for row in csv.DictReader(f, delimiter="\t")
                if len(row["ISO2"]) == 2 and not row["obsolete"]}


@lru_cache(maxsize=1)
def _countryinfo() -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in sorted(_data_file("countryinfo", "data").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        code = entry.get("ISO", {}).get("alpha2", "")
        if code:
            found.setdefault(code, {"demonym": "", "names": [], "population": 0, "capital": ""})
            found[code]["capital"] = found[code]["capital"] or entry.get("capital") or ""
            found[code]["demonym"] = found[code]["demonym"] or entry.get("demonym") or ""
            found[code]["population"] = max(found[code]["population"], entry.get("population") or 0)
            found[code]["names"] += [entry.get("name", "")] + list(entry.get("altSpellings", []))
    return found


def _is_name(name: str, iso_codes: set[str]) -> bool:
    """A name in Latin script, not a code ("UK" and "UAE" are names; "GB", "GBR" and "IT" are codes)."""
    return bool(name) and name not in iso_codes and all(
        unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha()) and (
        any(c.islower() for c in name) or (name.isalpha() and len(name) >= 2))


@lru_cache(maxsize=1)
def _iso_countries() -> tuple[dict, ...]:
    return tuple(json.loads(_data_file("pycountry", "databases", "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"])


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Every ISO 3166-1 country and territory by alpha-2 code, with its English forms."""
    iso = _iso_countries()
    converter, info = _converter_rows(), _countryinfo()
    iso_codes = {c["alpha_2"] for c in iso} | {c["alpha_3"] for c in iso}
    patterns = {code: re.compile(row["regex"], re.IGNORECASE) for code, row in converter.items() if row["regex"]}
    names: dict[str, list[str]] = {}
    adjectives: dict[str, list[str]] = {}
    display: dict[str, str] = {}
    for c in iso:
        code = c["alpha_2"]
        row, extra = converter.get(code, {}), info.get(code, {"demonym": "", "names": [], "population": 0})
        listed = [c.get("common_name", ""), c["name"], c.get("official_name", ""),
                  row.get("name_short", ""), row.get("name_official", ""), *extra["names"]]
        # Proper names open with a capital: "the State of Eritrea" is "State of Eritrea", and a
        # transliteration such as "as-Sumal" is no form an English text uses.
        names[code] = [n for name in listed if _is_name(name, iso_codes)
                       for n in (p.strip().removeprefix("the ") for p in _plain_names(name)) if n[:1].isupper()]
        display[code] = row.get("name_short") or c.get("common_name") or c["name"]
        base = display[code]
        own = patterns.get(code)
        derived = [base[: len(base) - len(strip)] + add for end, strip, add in _ENDINGS
                   if base.endswith(end) and (end not in _CONSONANT_ENDINGS or base[-1:] not in "aeiouy")
                   and (" " not in base or end == "a")]  # "Sri Lankan", not "United Statesian"
        adjectives[code] = [extra["demonym"]] + [a for a in derived if a != base and own and own.search(a)]
        adjectives[code] += _plurals(adjectives[code])
    # A form several countries claim ("Dominican", "Congolese", "French") goes to the one whose own
    # pattern accepts it, else to the most populous (France, not Réunion).
    claimants: dict[str, set[str]] = {}
    for code in names:
        for form in {*names[code], *adjectives[code]}:
            claimants.setdefault(form, set()).add(code)
    found = {}
    for c in iso:
        code = c["alpha_2"]
        forms = []
        for form in [*names[code], *adjectives[code]]:
            if form and _owner(form, claimants[form], patterns, info) == code and form not in forms:
                forms.append(form)
                if _ascii(form) != form:
                    forms.append(_ascii(form))
        found[code] = Place(code, display[code], tuple(forms), adjectives=tuple(dict.fromkeys(
            f for a in adjectives[code] if a and a not in names[code] for f in (a, _ascii(a)))))
    return found


# A capital stands for its country ("Lima", "Hanoi"), except one of a country too small to
# be told from the towns, saints and people named the same ("Victoria", "Kingston", "Hamilton").
_CAPITAL_POPULATION = 5_000_000


@lru_cache(maxsize=1)
def capitals() -> dict[str, Place]:
    """The capitals of the countries of 5 million people or more (countryinfo), by country code."""
    found = {}
    for code, entry in sorted(_countryinfo().items()):
        name = entry["capital"]
        if name and entry["population"] >= _CAPITAL_POPULATION and name[:1].isupper():
            found[code] = Place(code, name, tuple(dict.fromkeys((name, _ascii(name)))))
    return found


def _owner(form: str, claimants: set[str], patterns: dict, info: dict) -> str:
    if len(claimants) > 1:
        accepted = {c for c in claimants if c in patterns and patterns[c].search(form)}
        claimants = accepted if len(accepted) == 1 else claimants
    return max(sorted(claimants), key=lambda c: info.get(c, {}).get("population", 0))


def _plurals(adjectives: list[str]) -> list[str]:
    """"Ghanaians", "Kenyans": a demonym used as a noun; "French" and "Swiss" take none."""
    return [a + "s" for a in adjectives if a and a[-1] in "aeinkrz" and not a.endswith(("ese", "ch", "sh"))]


@lru_cache(maxsize=1)
def _subdivision_rows() -> tuple[dict, ...]:
    path = _data_file("pycountry", "databases", "iso3166-2.json")
    return tuple(json.loads(path.read_text(encoding="utf-8"))["3166-2"])


@lru_cache(maxsize=256)
def subdivisions(country: str) -> dict[str, Place]:
    """The ISO 3166-2 subdivisions of one country by code ("KE-30"), with their forms: the ISO name,
    its ASCII spelling, the name without a type word and the name with its type ("Nairobi City",
    "Nairobi", "Nairobi County")."""
    found = {}
    for row in _subdivision_rows():
        if not row["code"].startswith(country + "-"):
            continue
        forms = []
        for name in (row["name"], _ascii(row["name"])):
            bare = name
            for word in _TYPE_WORDS:
                bare = bare.removesuffix(" " + word)
            forms += [name, bare, f"{bare} {row['type']}"]
        found[row["code"]] = Place(row["code"], row["name"], tuple(dict.fromkeys(f for f in forms if f.strip())))
    return found


@lru_cache(maxsize=1)
def _subdivision_types() -> dict[str, str]:
    return {row["code"]: row["type"].casefold() for row in _subdivision_rows()}


def subdivision_type(code: str) -> str:
    """The kind of an ISO 3166-2 subdivision, casefolded ("ZA-NC" -> "province"); "" for other codes."""
    return _subdivision_types().get(code, "")


@lru_cache(maxsize=64)
def top_level_subdivisions(country: str) -> tuple[str, ...]:
    """The codes of a country's subdivisions that belong to no other subdivision."""
    return tuple(sorted(r["code"] for r in _subdivision_rows()
                        if r["code"].startswith(country + "-") and not r.get("parent")))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


@lru_cache(maxsize=1)
def regions() -> dict[str, Place]:
    """UN M49 sub-regions ("Central Asia", "Eastern Africa") and continents as groups of countries,
    keyed by their slug ("central-asia"), which a `[groups.<slug>]` of figcheck.toml overrides."""
    members: dict[str, set[str]] = {}
    for code, row in _converter_rows().items():
        continent = {"America": "Americas", "Antarctica": ""}.get(row["continent"], row["continent"])
        for region in (row["UNregion"], continent):
            if region and region != "Antarctica":
                members.setdefault(region, set()).add(code)
    found = {}
    for name, codes in sorted(members.items()):
        # "Central Asian", "East African": a sub-region's adjective; a continent's ("Asian", "African")
        # names institutions more often than places ("the Asian Development Bank").
        forms = [name] + ([name + "n"] if name.endswith("a") and " " in name and " and " not in name else [])
        found[_slug(name)] = Place(_slug(name), name, tuple(forms), tuple(sorted(codes)))
    return found


@dataclass(frozen=True)
class Places:
    """What a workspace's entities are: each form a text may use and the codes it stands for."""

    forms: dict[str, frozenset[str]]  # form as written (blanks collapsed) -> codes (several for a group)
    declared: frozenset[str]          # the forms figcheck.toml gives (its entities and groups)
    adjectives: frozenset[str] = frozenset()  # the forms that are a country's adjective ("French")


def places(config: Config) -> Places:
    """The places of a workspace. Built once per Config with the rest of the extractor's
    vocabulary (figcheck.claims.extraction.vocabulary caches it); the package data once per process."""
    builtin = countries() if config.builtin_places else {}
    known = dict(builtin)
    for country in config.subdivisions:
        if country not in _country_codes():
            raise ConfigError(f"'places.subdivisions' names '{country}', which is no ISO 3166-1 alpha-2 code")
        known.update(subdivisions(country))
    if config.builtin_places:
        known.update(_undeclared_peers(config.entities))
    forms: dict[str, frozenset[str]] = {}

    def add(form: str, codes) -> None:
        forms.setdefault(" ".join(form.split()), frozenset(codes))

    # The workspace first: its forms win over the built-in ones.
    for code, entity in config.entities.items():
        for form in [entity.get("name", ""), *entity.get("forms", []), _code_form(code)]:
            if form.strip():
                add(form, [code])
    region_table = regions() if config.builtin_places else {}
    for slug, group in config.groups.items():
        for form in [*group["forms"], *(region_table[slug].forms if slug in region_table else ())]:
            add(form, group["members"])
    declared = frozenset(forms)
    for place in known.values():
        for form in [*place.forms, _code_form(place.code)]:
            if form:
                add(form, [place.code])
    for place in (capitals() if config.builtin_places else {}).values():
        for form in place.forms:
            add(form, [place.code])
    for slug, region in region_table.items():
        if slug not in config.groups:
            for form in region.forms:
                add(form, region.members)
    adjectives = frozenset(a for place in builtin.values() for a in place.adjectives)
    return Places(forms=forms, declared=declared, adjectives=adjectives)


def _undeclared_peers(entities) -> dict[str, Place]:
    """The subdivisions of the kinds a workspace declares several of a country's in (two counties of
    KE declared: every county of KE), so a figure beside an undeclared one is not given to a declared
    neighbour. One declared subdivision is a region of interest, not a level the workspace counts at."""
    kinds: dict[str, list[str]] = {}
    for code in entities:
        if subdivision_type(code):
            kinds.setdefault(code.partition("-")[0], []).append(subdivision_type(code))
    return {code: place for country, types in sorted(kinds.items()) if len(types) > 1
            for code, place in subdivisions(country).items()
            if subdivision_type(code) in types and not _names_capital(place, country)}


def _names_capital(place: Place, country: str) -> bool:
    """Whether a subdivision's name is, or is a word of, its country's capital ("Nairobi", "Nairobi City"):
    a text names the capital, as a dateline or for the government, far more often than the region."""
    capital = _countryinfo().get(country, {}).get("capital", "").split()
    return any(form.split() == capital[i:i + len(form.split())] for form in place.forms for i in range(len(capital)))


def _code_form(code: str) -> str:
    """A subdivision's code of three letters or more, as texts abbreviate it ("KZN" for ZA-KZN); "" for
    shorter codes, which read as words ("NC", "LA")."""
    suffix = code.partition("-")[2]
    return suffix if len(suffix) >= 3 and suffix.isalpha() and suffix.isupper() else ""


def unknown_codes(codes, configured) -> list[str]:
    """The codes that are neither configured entities nor ISO 3166-1 or 3166-2 codes."""
    return [c for c in codes if c not in configured and c not in _country_codes() and not _is_subdivision_code(c)]


def _is_subdivision_code(code: str) -> bool:
    match = SUBDIVISION_CODE.match(code)
    return bool(match) and match.group(1) in _country_codes() and code in subdivisions(match.group(1))


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(c["alpha_2"] for c in _iso_countries())


def _expand_parts(code: str, listed: list[str]) -> tuple[str, ...]:
    """`parts = ["KE-30", "KE-47"]` as given; "KE-*" for every top-level subdivision of KE."""
    expanded: list[str] = []
    for part in listed:
        if part.endswith("-" + ALL_PARTS):
            country = part[: -len(ALL_PARTS) - 1]
            if country not in _country_codes():
                raise ConfigError(f"'entities.{code}.parts' names '{part}', but '{country}' is no ISO 3166-1 alpha-2 code")
            expanded += top_level_subdivisions(country)
        else:
            expanded.append(part)
    if code in expanded:
        raise ConfigError(f"'entities.{code}.parts' names the entity itself")
    return tuple(dict.fromkeys(expanded))


def parts(config: Config) -> dict[str, tuple[str, ...]]:
    """code -> the codes the workspace declares it the sum of (`[entities.X] parts`); cheap, for the
    groups rule, which runs in commands that do not build the gazetteer."""
    return {code: _expand_parts(code, entity["parts"]) for code, entity in config.entities.items()
            if entity.get("parts")}
