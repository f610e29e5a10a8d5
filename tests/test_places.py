"""Places without configuration: the built-in gazetteer, what figcheck.toml adds and overrides, and
entity codes the claim schema accepts whatever the configuration produces."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.checks.schemas import Claim
from figcheck.claims.config import ConfigError, parse_config
from figcheck.claims.extract import extract_source
from figcheck.claims.gazetteer import countries, regions

SOURCE = {"source_id": "t1", "published": "2023-05-02"}
EMPTY = parse_config("")


def entities(text: str, config=EMPTY) -> list[str]:
    frame = extract_source(text, SOURCE, config)
    Claim.validate(frame)
    return list(frame["entity"])


@pytest.mark.parametrize("sentence, code", [
    ("Kenya recorded 40 cases.", "KE"),
    ("Kenyan officials recorded 40 cases.", "KE"),
    ("The French authorities recorded 40 cases.", "FR"),
    ("Dutch hospitals recorded 40 cases.", "NL"),
    ("In the UK, 40 cases were recorded.", "GB"),
    ("Uzbek authorities brought back 40 people.", "UZ"),
    ("Afghans made up 40 of the arrivals.", "AF"),
    ("Côte d'Ivoire recorded 40 cases.", "CI"),
    ("Cote d'Ivoire recorded 40 cases.", "CI"),
    ("The Democratic Republic of the Congo recorded 40 cases.", "CD"),
])
def test_countries_are_known_without_configuration(sentence, code):
    assert entities(sentence) == [code]


def test_a_neighbours_adjective_is_not_taken_for_a_country():
    # "Nigerian" is Nigeria's, not Niger's, although it begins with "Niger".
    assert entities("Nigerian officials recorded 40 cases.") == ["NG"]
    assert entities("Nigerien officials recorded 40 cases.") == ["NE"]


def test_every_country_has_its_name_among_its_forms():
    known = countries()
    assert len(known) >= 249
    assert all(place.name in place.forms or place.forms for place in known.values())
    owners: dict[str, str] = {}
    for code, place in known.items():
        for form in place.forms:
            assert owners.setdefault(form, code) == code, f"{form!r} is both {owners[form]}'s and {code}'s"


def test_a_region_is_a_group_of_its_countries():
    assert entities("Central Asia recorded 40 cases.") == ["KG+KZ+TJ+TM+UZ"]
    assert set(regions()["eastern-africa"].members) >= {"KE", "TZ", "UG", "ET"}


def test_a_workspace_group_of_the_regions_name_overrides_its_members():
    config = parse_config('[groups.central-asia]\nmembers = ["KZ", "UZ"]\nforms = ["the Stan Belt"]\n')
    assert entities("Central Asia recorded 40 cases.", config) == ["KZ+UZ"]
    assert entities("In the Stan Belt 40 cases were recorded.", config) == ["KZ+UZ"]


def test_subdivisions_only_where_the_workspace_turns_them_on():
    text = "Kisumu recorded 40 cases."
    assert entities(text) == [""]
    on = parse_config('[places]\nsubdivisions = ["KE"]\n')
    assert entities(text, on) == ["KE-17"]
    assert entities("Nairobi recorded 40 cases.", on) == ["KE-30"]  # the county before the capital
    assert entities("Nairobi and West Pokot recorded 40 cases.", on) == ["KE-30+KE-47"]
    assert entities("Murang'a County recorded 40 cases.", on) == ["KE-29"]


@pytest.mark.parametrize("sentence, code", [
    ("Officials in Lima recorded 40 cases.", "PE"),
    ("In Nairobi, 40 cases were recorded.", "KE"),
    ("Victoria recorded 40 cases.", ""),  # the capital of a small country, and a common name
])
def test_a_capital_stands_for_its_country(sentence, code):
    assert entities(sentence) == [code]


def test_a_sentence_without_figures_hands_on_the_place_its_adjective_does_not_qualify():
    text = ("Kenya said on Monday that Kenya would respond to attacks on Kenya.\n\n"
            "Kenyan troops shelled a village in Uganda overnight. The attack wounded 45 people.")
    assert entities(text) == ["UG"]


_TWO_COUNTIES = parse_config('[entities.KE-47]\nname = "West Pokot"\n[entities.KE-29]\nname = "Murang\'a"\n')


def test_a_workspace_counting_at_a_countrys_level_knows_that_levels_other_places():
    """Two counties declared: another county names its own figure, not a declared neighbour's."""
    text = "West Pokot recorded 12 cases. Kisumu recorded 40 cases."
    assert entities(text, _TWO_COUNTIES) == ["KE-47", "KE-17"]
    one = parse_config('[entities.KE-47]\nname = "West Pokot"\n')
    assert entities(text, one) == ["KE-47", "KE-47"]  # one declared county is a region of interest


def test_the_capitals_region_is_not_taken_for_the_capital():
    assert entities("West Pokot recorded 12 cases. In Nairobi, 40 cases were recorded.", _TWO_COUNTIES) == [
        "KE-47", "KE"]


@pytest.mark.parametrize("sentence, expected", [
    ("The Kisumu Teachers Union counted 40 members.", ["KE"]),  # the country of the declared counties
    ("Kisumu teachers counted 40 pupils.", ["KE-17"]),
    ("Kisumu Counts 40 New Cases As Rains Continue", ["KE-17"]),  # a title: every word capitalised
])
def test_a_place_opening_a_longer_proper_name_places_nothing(sentence, expected):
    assert entities(sentence, _TWO_COUNTIES) == expected
    assert entities("Kenya Airways carried 40 passengers to the coast.") == [""]


@pytest.mark.parametrize("sentence, expected", [
    ("Polling covers 12 seats in West Pokot, seven in Kisumu and three in Murang'a.", ["KE-47", "KE-17", "KE-29"]),
    ("Polling covers all 12 seats of West Pokot, three of Kisumu.", ["KE-47", "KE-17"]),
    ("Voters in West Pokot, 40 of them first-time voters, queued.", ["KE-47"]),
])
def test_a_list_items_place_after_its_figure_is_that_figures(sentence, expected):
    assert entities(sentence, _TWO_COUNTIES) == expected


def test_workspace_entities_add_forms_names_and_subjects_of_their_own():
    config = parse_config("""
[entities.KZ]
forms = ["the steppe republic"]
[entities.unhcr]
name = "UNHCR"
forms = ["the refugee agency"]
""")
    assert entities("In the steppe republic 40 cases were recorded.", config) == ["KZ"]
    assert entities("Staff of the refugee agency counted 40 camps.", config) == ["unhcr"]
    assert entities("Kazakhstan recorded 40 cases.", config) == ["KZ"]  # the built-in forms stay


def test_a_form_the_workspace_gives_another_code_is_that_codes():
    config = parse_config('[entities.GE-US]\nname = "Georgia"\nforms = ["Georgia"]\n')
    assert entities("Georgia recorded 40 cases.", config) == ["GE-US"]


def test_declared_places_are_the_subjects_other_places_the_context():
    config = parse_config('[entities.KZ]\nforms = ["Kazakhstan"]\n')
    assert entities("Kazakhstan brought back 40 people from Syria.", config) == ["KZ"]


def test_the_built_in_gazetteer_can_be_turned_off():
    config = parse_config("[places]\nbuiltin = false\n")
    assert entities("Kenya recorded 40 cases.", config) == [""]
    assert entities("Officials in Lima recorded 40 cases.", config) == [""]  # nor its capitals
    off = parse_config('[places]\nbuiltin = false\n[entities.KE-47]\nname = "West Pokot"\n'
                       '[entities.KE-29]\nname = "Murang\'a"\n')
    assert entities("West Pokot recorded 12 cases. Kisumu recorded 40 cases.", off) == ["KE-47", "KE-47"]


@pytest.mark.parametrize("text, message", [
    ('[entities."KE+TZ"]\nname = "x"\n', "entities.KE+TZ"),
    ('[entities."two words"]\nname = "x"\n', "entities.two words"),
    ('[groups.g]\nmembers = ["KE TZ"]\n', "groups.g.members"),
    ('[groups.g]\nmembers = ["KE", "nowhere"]\n', "groups.g.members.*nowhere"),
    ('[groups.g]\nmembers = ["KE-99"]\n', "groups.g.members.*KE-99"),
])
def test_an_entity_code_that_claims_could_not_carry_is_refused_by_name(text, message):
    with pytest.raises(ConfigError, match=message.replace("+", r"\+")):
        parse_config(text)


def test_where_people_who_moved_are_counted_is_one_of_the_conventions_the_extractor_knows():
    with pytest.raises(ConfigError, match="places.movement.*origin"):
        parse_config('[places]\nmovement = "arrival"\n')


@pytest.mark.parametrize("text, message", [
    ('[places]\nsubdivisions = ["XX"]\n', "places.subdivisions"),
])
def test_unknown_places_are_refused_when_the_gazetteer_is_built(text, message):
    with pytest.raises(ConfigError, match=message):
        entities("Kenya recorded 40 cases.", parse_config(text))


_CODE = st.text(string.ascii_letters + string.digits, min_size=1, max_size=3).flatmap(
    lambda head: st.text(string.ascii_letters + string.digits + "_.-", max_size=6).map(lambda tail: head + tail))
_ISO_SUBDIVISION = st.builds(lambda c, s: f"{c}-{s}", st.sampled_from(["KE", "NG", "FR", "US"]),
                             st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=3))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CODE | _ISO_SUBDIVISION, min_size=2, max_size=4, unique=True))
def test_every_configured_code_alone_or_listed_is_a_valid_claim_entity(codes):
    # Each code gets a made-up place name; a sentence lists them all, so the figure's entity is their group.
    lines = [f'[entities."{code}"]\nforms = ["Placeland{chr(65 + i)}"]\n' for i, code in enumerate(codes)]
    config = parse_config("".join(lines))
    names = " and ".join(f"Placeland{chr(65 + i)}" for i in range(len(codes)))
    assert entities(f"{names} recorded 40 cases. Placelanda", config)[0] == "+".join(sorted(codes))
