"""Groups: at least the sum of the members for the same time, about equal when all are stated."""

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims.config import parse_config
from figcheck.claims.gazetteer import parts
from tests.reconcile_strategies import CONFIG_TEXT, reconciled, with_claims


def claim_entities(result):
    return result.reconciled.assign(claim_id=result.reconciled["claims_for"].str.split(";")).explode("claim_id")[["claim_id", "entity"]]


def figure(entity, value, end="2022", qualifier="eq", source="s1"):
    return {"source_id": source, "entity": entity, "metric": "total", "period_end": end, "value": float(value),
            "qualifier": qualifier}


def test_a_later_group_lower_bound_above_older_member_figures_is_consistent():
    result = reconciled([figure("AA", 595, "2022"), figure("BB+AA", 2100, "2025", "gt", "s3")])
    assert with_claims(result).empty


def test_a_group_below_the_sum_of_its_members_is_a_warning():
    result = reconciled([figure("AA", 600), figure("BB", 700), figure("AA+BB", 1000, source="s2")])
    assert list(result.findings["rule"]) == ["groups"]
    assert list(result.findings["severity"]) == ["warning"]
    assert set(result.finding_claims["role"]) == {"group", "member"}


def test_a_group_far_above_its_fully_stated_members_is_a_warning():
    result = reconciled([figure("AA", 100), figure("BB", 100), figure("AA+BB", 300, source="s2")])
    assert "every member is stated" in result.findings.at[0, "message"]


def test_group_written_in_any_member_order_is_one_quantity():
    result = reconciled([figure("BB+AA", 300), figure("AA+BB", 310, source="s2")])
    assert list(result.findings["rule"]) == ["agreement"]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 1200))
def test_a_lower_bound_group_is_flagged_exactly_when_members_exceed_it(a, b, group):
    result = reconciled([figure("AA", a), figure("BB", b), figure("AA+BB", group, qualifier="le", source="s2")])
    assert ("groups" in set(result.findings["rule"])) == (a + b > group)  # the test config sets tolerance 0


def test_a_cumulative_group_is_compared_with_each_members_latest_earlier_figure():
    # AA's 2020 figure is superseded by its 2021 one; of BB's two figures ending on the same day the
    # one of the smaller quantity key ("2021" before "2021-12") is compared.
    result = reconciled([figure("AA", 900, "2020"), figure("AA", 100, "2021"), figure("BB", 500, "2021"),
                         figure("BB", 50, "2021-12", source="s1"), figure("AA+BB", 550, "2022", "le", "s2")])
    groups = result.findings.loc[result.findings["rule"] == "groups"]
    assert len(groups) == 1
    assert "100 (source s1" in groups["message"].iloc[0] and "500 (source s1" in groups["message"].iloc[0]


# A country declared the sum of its provinces (figcheck.toml `[entities.X] parts`).
PARTS_CONFIG = parse_config(CONFIG_TEXT + """
[entities.KE]
parts = ["KE-30", "KE-47"]
""")


def test_provinces_adding_up_to_more_than_their_country_are_flagged():
    result = reconciled([figure("KE-30", 600), figure("KE-47", 700), figure("KE", 1000, source="s2")], PARTS_CONFIG)
    assert list(result.findings["rule"]) == ["groups"]
    roles = result.finding_claims.merge(claim_entities(result), on="claim_id")
    assert set(zip(roles["role"], roles["entity"])) == {("group", "KE"), ("member", "KE-30"), ("member", "KE-47")}


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 1200))
def test_a_country_is_flagged_exactly_when_its_stated_provinces_do_not_add_up_to_it(a, b, country):
    result = reconciled([figure("KE-30", a), figure("KE-47", b), figure("KE", country, source="s2")], PARTS_CONFIG)
    assert ("groups" in set(result.findings["rule"])) == (a + b != country)  # every part stated, tolerance 0


def test_a_group_of_provinces_is_a_group_like_any_other():
    result = reconciled([figure("KE-30", 600), figure("KE-47", 700), figure("KE-30+KE-47", 1000, source="s2")])
    assert list(result.findings["rule"]) == ["groups"]


def test_without_declared_parts_a_country_and_its_provinces_are_not_compared():
    result = reconciled([figure("KE-30", 600), figure("KE-47", 700), figure("KE", 1000, source="s2")])
    assert result.findings.empty


def test_all_subdivisions_of_a_country_are_its_parts():
    config = parse_config(CONFIG_TEXT + '[entities.KE]\nparts = ["KE-*"]\n')
    declared = parts(config)["KE"]
    assert len(declared) == 47 and "KE-30" in declared and all(code.startswith("KE-") for code in declared)
