"""Configured predicates match every form of their opening verb, and nothing that is not one."""

from hypothesis import given, settings, strategies as st

from figcheck.claims.config import parse_config
from figcheck.claims.extract import extract_source
from figcheck.claims.extraction.inflection import nominalised_verbs, predicate_forms

VERBS = {"called for": ["calls for", "calling for"], "sought": ["seeks", "seeking"],
         "fled their homes": ["flees their homes", "fleeing their homes"], "reached": ["reaches", "reaching"]}


def test_each_form_of_the_opening_verb_is_a_form_of_the_predicate():
    for phrase, forms in VERBS.items():
        found = predicate_forms(phrase)
        assert found[0] == phrase and set(forms) <= set(found), (phrase, found)


def test_the_bare_form_comes_only_from_a_bare_form():
    assert "record" not in predicate_forms("recorded")  # "Record 19 die" is no verb of recording
    assert "records" in predicate_forms("recorded")
    assert "record" in predicate_forms("record")


def test_a_phrase_opening_without_a_verb_is_kept_as_written():
    assert predicate_forms("in need of") == ("in need of",)
    assert predicate_forms("death toll") == ("death toll",)


def test_a_noun_made_from_a_verb_names_that_verb_and_no_other_noun_does():
    made = {"requirements": "require", "arrivals": "arrive", "applications": "apply", "allocation": "allocate",
            "crossings": "cross", "funding": "fund", "displacement": "displace", "evacuations": "evacuate"}
    for noun, verb in made.items():
        assert verb in nominalised_verbs(noun), noun
    for noun in ["billion", "million", "deaths", "votes", "seats", "people"]:  # "bill-ion" is no derivation
        assert nominalised_verbs(noun) == frozenset(), noun


CONFIG = parse_config("""
[metrics.requirements]
kind = "money"
words = ["billion"]
predicates = ["appealed for"]
[metrics.received]
kind = "money"
words = ["billion"]
predicates = ["received"]
""")


@settings(deadline=None)  # the first example loads the parser
@given(st.sampled_from(["appeals for", "appealing for", "appealed for"]), st.integers(1, 99))
def test_any_form_of_a_configured_verb_picks_its_metric(verb, billions):
    text = f"The agency {verb} ${billions} billion on Monday."
    found = extract_source(text, {"source_id": "s1", "published": "2024-05-10"}, CONFIG)
    assert found["metric"].tolist() == ["requirements"]


NEEDS = parse_config("""
[metrics.requirements]
kind = "money"
words = ["requirements"]
[metrics.received]
kind = "money"
words = ["contributions"]
""")


@settings(deadline=None)
@given(st.sampled_from(["requires", "required", "is requiring"]), st.integers(1, 99))
def test_the_verb_a_metric_s_noun_is_made_from_picks_it(verb, billions):
    text = f"The plan {verb} ${billions} billion this year."
    found = extract_source(text, {"source_id": "s1", "published": "2024-05-10"}, NEEDS)
    assert found["metric"].tolist() == ["requirements"]


def test_a_verb_saying_the_same_act_names_the_metric_of_its_synonym():
    """[predicates] synonyms: a figure under "asked for" takes the metric whose predicate is "appealed for";
    a verb of no group shares nothing."""
    from figcheck.claims.extraction.inflection import verb_lemmas
    assert {"appeal", "ask", "seek"} <= verb_lemmas("appealed for")
    assert verb_lemmas("counted") == frozenset({"count"})
    config = parse_config('[metrics.requirements_usd]\nkind = "money"\nwords = ["appeal"]\n'
                          'predicates = ["appealed for"]\n')
    found = extract_source("The agency asked donors for $1.3 billion to rebuild.", {"source_id": "s1"}, config)
    assert found.set_index("text").loc["1.3 billion", "metric"] == "requirements_usd"
