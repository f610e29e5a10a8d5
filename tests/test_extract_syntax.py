"""Attribution from the dependency parse: each mechanism on sentences of several domains."""

import re
from datetime import date

import pytest
from hypothesis import given, strategies as st

from figcheck.claims.config import parse_config
from figcheck.claims.extract import counted_words, extract_source
from figcheck.claims.extraction import metric as metrics, scope as scopes, syntax
from figcheck.claims.extraction.language import fold, phrases
from figcheck.claims.extraction.time import Period, TimeIndex, time_patterns
from figcheck.claims.quantities import scan

CONFIG = parse_config("""
[entities.TD]
name = "Chad"
[entities.NE]
name = "Niger"
[entities.ML]
name = "Mali"
[metrics.cases]
words = ["cases"]
scope = "cumulative"
[metrics.voters]
words = ["voters", "registered voters"]
scope = "snapshot"
""")
SOURCE = {"source_id": "s1", "published": "2024-05-10"}  # a Friday


def claims(text, config=CONFIG, source=SOURCE):
    return extract_source(text, source, config).set_index("text")


def reading(sentence):
    words = syntax.syntax_words()
    doc = syntax.parse_sentences([sentence])[0]
    return {q.text: r for q, r in zip(scan(sentence), syntax.read_sentence(
        doc, [(q.start, q.end) for q in scan(sentence)], 0, words))}


@pytest.mark.parametrize("sentence, figure, noun", [
    ("Officials recorded 812 cases last week.", "812", "case"),
    ("The tally of confirmed cases climbed to 4,210.", "4,210", "case"),
    ("The number of registered voters reached 2.1 million.", "2.1 million", "voter"),
    ("Turnout stood at 61.3 %.", "61.3 %", "turnout"),
    ("3,100 of the 12,000 residents were evacuated.", "3,100", "resident"),
    ("The storm left 412 dead.", "412", "dead"),
    ("Rains took the tally of flooded homes to 3,300.", "3,300", "home"),
    ("This takes the number of cases to 20,878, and the death toll to 106.", "106", "death"),
    ("The death toll has reached 606.", "606", "death"),
    ("The agency launched an appeal for $4.1 billion.", "4.1 billion", "appeal"),
    ("The agency put the number of registered voters at 2.1 million.", "2.1 million", "voter"),
    ("Critics say the ministry brought down the number of registered voters from the often quoted 2.4 million.",
     "2.4 million", "voter"),
    ("Nine more people died, taking the total fatalities from the infection to 176.", "176", "fatality"),
    # the second "to" parsed as hung on "date"
    ("This takes the provisional total for 2023 to date to 14,552, the agency's analysis of official data shows.",
     "14,552", "total"),
    # the verb's object is what a figure after "at" values ([syntax] value_prepositions)
    ("Officials recorded the highest turnout at 71.4 per cent.", "71.4 per cent", "turnout"),
    ("The bureau estimated inflation at 8.2% last month.", "8.2%", "inflation"),
    # a superlative standing for the noun an earlier phrase gave
    ("The northern district posted the highest turnout at 71.4 per cent and the southern one posted the lowest "
     "at 52.3 per cent.", "52.3 per cent", "turnout"),
    # a figure beside the subject is the value of the measure its clause ranks the subject by
    ("Of the five regions, Westshire (48.2 per cent) had the lowest turnout.", "48.2 per cent", "turnout"),
])
def test_counted_noun_before_after_and_through_the_verb(sentence, figure, noun):
    assert reading(sentence)[figure].noun == noun


def test_a_bare_container_counts_what_the_sentence_before_named():
    found = claims("The number of registered voters rose sharply this year. Officials said the number has "
                   "reached 2.1 million.")
    assert found.loc["2.1 million", "metric"] == "voters"
    # a container labelling its own figure looks back on nothing
    assert reading("The sum of $1.7 billion is for transfers.")["1.7 billion"].refers is False
    assert reading("Officials said the number has reached 2.1 million.")["2.1 million"].refers is True
    assert reading("The death toll has reached 606.")["606"].refers is False


def test_a_figure_counted_per_something_is_a_rate_not_a_count():
    config = parse_config("""
[metrics.arrivals]
words = ["people", "migrants"]
[metrics.people_per_boat]
words = ["people per boat"]
""")
    found = claims("In all, 872 people crossed in 15 boats, about 58 people in each one, and around 54 people "
                   "per boat last week.", config)
    assert found.loc["872", "metric"] == "arrivals"
    assert found.loc["54", "metric"] == "people_per_boat"
    assert found.loc["58", "metric"] == "people_per_boat"  # the one configured rate of people, per "one"


def test_a_count_no_metric_names_takes_the_scope_of_its_total_or_of_the_measure_its_sentence_names():
    config = parse_config("""
[metrics.killed]
words = ["people", "casualties"]
predicates = ["killed"]
scope = "cumulative"
[metrics.patients]
words = ["patients"]
scope = "snapshot"
""")
    found = claims("The strikes have killed 605 people, including 38 children. Among the casualties were 34 "
                   "students. Officials counted 12 ambulances.", config)
    assert found.loc["38", "scope"] == "cumulative"
    assert found.loc["34", "scope"] == "cumulative"
    assert found.loc["12", "scope"] == ""  # its sentence names no measure
    # measures of different scopes named in one sentence decide nothing
    assert claims("Among the casualties and patients were 34 students.", config).loc["34", "scope"] == ""


BUDGETS = parse_config("""
[metrics.budget_proposed]
kind = "money"
words = ["budget"]
predicates = ["presented", "proposed"]
[metrics."budget_proposed.capital"]
kind = "money"
words = ["capital expenditure"]
part_of = "budget_proposed"
[metrics.budget_approved]
kind = "money"
words = ["budget"]
predicates = ["passed", "approved"]
[metrics."budget_approved.capital"]
kind = "money"
words = ["capital expenditure"]
part_of = "budget_approved"
""")


@pytest.mark.parametrize("verb, expected", [
    ("presented", "budget_proposed.capital"), ("passed", "budget_approved.capital"), ("discussed", ""),
])
def test_a_part_of_several_measures_belongs_to_the_one_its_paragraphs_verb_names(verb, expected):
    found = claims(f"The minister {verb} the budget on Monday. It includes $8.7 billion for capital expenditure.",
                   BUDGETS)
    assert found.loc["8.7 billion", "metric"] == expected


RESTATED = parse_config("""
[metrics.appeal_usd]
kind = "money"
predicates = ["appealed for"]
""")


def test_a_larger_figure_stated_again_where_its_measure_is_named_takes_that_measure():
    found = extract_source("Agency Unveils $2.5bn Plan For Relief\nThe agency appealed for $2.5 billion on Monday. "
                           "A separate $1.2 billion plan was discussed.", SOURCE, RESTATED)
    assert list(found["metric"]) == ["appeal_usd", "appeal_usd", ""]
    # a count named only by its verb, its noun left out
    found = extract_source("The new report includes 2,500.\nThe agency counted 2,500 cases on Monday.", SOURCE, CONFIG)
    assert list(found["metric"]) == ["cases", "cases"]


@pytest.mark.parametrize("amount, expected", [("$500", ""), ("$5,000", "appeal_usd")])
def test_a_small_figure_stated_twice_may_be_two_things(amount, expected):
    found = extract_source(f"The charity appealed for {amount}.\n\nA local shop gave {amount} in March.", SOURCE,
                           RESTATED)
    assert list(found["metric"]) == ["appeal_usd", expected]


@pytest.mark.parametrize("verb, expected", [("passed", "budget_approved.capital"), ("discussed", "")])
def test_a_part_of_several_measures_belongs_to_the_one_the_documents_verbs_name(verb, expected):
    found = claims(f"The parliament {verb} the budget on Monday.\n\nOfficials spoke on Tuesday.\n\n"
                   "It includes $8.7 billion for capital expenditure.", BUDGETS)
    assert found.loc["8.7 billion", "metric"] == expected


SPENDING = parse_config("""
[metrics.spending]
kind = "money"
words = ["spending"]
[metrics."spending.capital"]
kind = "money"
words = ["capital expenditure"]
part_of = "spending"
[metrics."spending.staff"]
kind = "money"
words = ["staff costs"]
part_of = "spending"
""")


def test_a_list_items_label_names_its_value():
    found = claims("The main estimates are capital expenditure, $8.7 billion; and staff costs: $2.1 billion.",
                   SPENDING)
    assert [found.loc[v, "metric"] for v in ("8.7 billion", "2.1 billion")] == ["spending.capital", "spending.staff"]


@pytest.mark.parametrize("anaphor, scope", [("During the same period", "event"), ("During the period", "event"),
                                            ("Over the period", "event"), ("On the same ward", "cumulative")])
def test_words_standing_for_a_time_named_before_take_its_scope(anaphor, scope):
    found = claims(f"Officials reported 90 deaths in the past 24 hours.\n\n{anaphor}, 3,000 cases were recorded.")
    assert found.loc["3,000", "scope"] == scope


def test_a_change_of_a_level_is_not_the_level():
    found = claims("The Blue Party loses 79 seats while the Green League gains 3; the Blue Party won 120 seats.",
                   PARTIES)
    assert found.loc["120", "metric"] == "seats.blue"
    for figure in ("79", "3"):
        assert found.loc[figure, "metric"].startswith("auto:") and found.loc[figure, "metric"].endswith(":change")
    config = parse_config("""
[metrics.cases]
words = ["cases"]
scope = "cumulative"
[metrics.new_cases]
words = ["cases", "new cases"]
scope = "event"
[metrics.budget]
kind = "money"
words = ["budget"]
[metrics.budget_increase]
kind = "money"
words = ["budget increase"]
predicates = ["cut by"]
""")
    found = claims("Cases rose by 399 to 4,210. The budget increased by $1.2 billion to $28.7 billion.", config)
    assert (found.loc["399", "metric"], found.loc["4,210", "metric"]) == ("new_cases", "cases")
    tally = claims("The tally of cases rose by five to 93 on Friday.", config)  # parsed as one number phrase
    assert (tally.loc["five", "metric"], tally.loc["93", "metric"]) == ("new_cases", "cases")
    assert found.loc["28.7 billion", "metric"] == "budget"
    assert found.loc["1.2 billion", "metric"] not in ("budget", "budget_increase")
    # "by" hung on the object: still a change, and the object's noun is the level's, not the change's
    assert claims("The Senate cut the budget by $1.2 billion.", config).loc["1.2 billion", "metric"] not in (
        "budget", "budget_increase")
    # a change word that is a metric's own predicate names that metric
    assert claims("The council cut by $1.2 billion its budget.", config).loc["1.2 billion", "metric"] == \
        "budget_increase"


def test_the_clauses_verb_picks_a_metric_whose_predicate_opens_with_it_where_none_is_written_as_configured():
    config = parse_config("""
[metrics.killed]
words = ["people"]
predicates = ["killed"]
[metrics.refugees]
words = ["people"]
predicates = ["fled the country"]
[metrics.crossings]
words = ["people"]
predicates = ["made the crossing"]
""")
    assert claims("Over 100,000 people have fled into Chad.", config).loc["100,000", "metric"] == "refugees"
    # a verb that says nothing alone picks nothing
    assert claims("Around 329,000 people made an initial application.", config).loc["329,000", "metric"] != \
        "crossings"


def test_a_figure_without_a_noun_takes_the_metric_whose_predicate_its_verb_opens_even_with_words_between():
    config = parse_config("""
[metrics.appeal]
kind = "money"
predicates = ["called for"]
[metrics."appeal.refugees"]
kind = "money"
part_of = "appeal"
""")
    text = "The agency warned of cuts, calling on Monday for $4.2 billion in 2024."
    assert claims(text, config).loc["4.2 billion", "metric"] == "appeal"  # the whole, not the part sharing its verb
    # a verb no predicate opens with names nothing
    assert claims("The agency warned of cuts, spending on Monday $4.2 billion.", config).loc["4.2 billion", "metric"] == ""


def test_a_figure_without_a_noun_takes_the_metric_of_the_participle_describing_it():
    config = parse_config("""
[metrics.proposed]
kind = "money"
predicates = ["presented"]
[metrics.passed]
kind = "money"
predicates = ["approved"]
""")
    text = "The approved sum is $1.2 billion higher than the $27.5 billion presented by the mayor."
    assert claims(text, config).loc["27.5 billion", "metric"] == "proposed"


def test_a_figure_whose_noun_fits_several_measures_takes_the_one_its_document_is_about():
    config = parse_config("""
[metrics.applications]
words = ["people"]
predicates = ["applied for asylum"]
[metrics.crossings]
words = ["people"]
predicates = ["crossed the sea"]
""")
    tie = "The previous high was 686 people on 7 July."
    crossings = claims(f"Officials said 300 people crossed the sea on Monday.\n\n{tie}", config)
    assert crossings.loc["686", "metric"] == "crossings"
    applications = claims(f"Officials said 300 people applied for asylum on Monday.\n\n{tie}", config)
    assert applications.loc["686", "metric"] == "applications"


def test_a_general_noun_as_subject_names_nobody_whose_part_the_figure_is():
    config = parse_config("""
[metrics.deaths]
words = ["deaths"]
[metrics."deaths.civilian"]
words = ["people", "civilians"]
part_of = "deaths"
""")
    text = "About 1,200 people die each month, with nearly 19,000 such deaths recorded since April."
    assert claims(text, config).loc["19,000", "metric"] == "deaths"
    assert claims("The ANC won 40 seats.", parse_config("""
[metrics.seats]
words = ["seats"]
[metrics."seats.anc"]
words = ["ANC"]
part_of = "seats"
""")).loc["40", "metric"] == "seats.anc"  # a named holder still owns its part


def test_a_places_people_are_counted_by_the_verb_like_people():
    config = parse_config("""
[entities.TD]
name = "Chad"
forms = ["Chad", "Chadians"]
[metrics.in_need]
words = ["people"]
predicates = ["require assistance"]
[metrics.displaced]
words = ["people"]
predicates = ["fled"]
""")
    text = "More than 2.1 million Chadians require assistance, and 40,000 Chadians fled."
    found = claims(text, config)
    assert (found.loc["2.1 million", "metric"], found.loc["40,000", "metric"]) == ("in_need", "displaced")


def test_a_nounless_figure_counts_what_its_clause_named_before_it():
    config = parse_config("""
[metrics.out_of_school]
words = ["children"]
predicates = ["not attending school"]
[metrics.enrolment]
words = ["children", "school"]
predicates = ["enrolled"]
""")
    found = claims("A survey shows a marked rise of children who are not attending school: from 10.5 million to "
                   "13.2 million.", config)
    assert (found.loc["10.5 million", "metric"], found.loc["13.2 million", "metric"]) == ("out_of_school",) * 2


def test_a_figure_whose_noun_is_implied_has_none():
    assert reading("Officials recorded 812 cases in Chad, while 97 were confirmed in Niger.")["97"].noun == ""


@pytest.mark.parametrize("sentence, figure, projected", [
    ("The ministry expects cases to exceed 5,000 by June.", "5,000", True),
    ("The government aims to vaccinate 40,000 children.", "40,000", True),
    ("The fund will disburse 300 grants.", "300", True),
    ("The fund disbursed 300 grants.", "300", False),
])
def test_projections_are_read_from_the_governing_verbs(sentence, figure, projected):
    assert reading(sentence)[figure].projected is projected


def test_each_figure_takes_the_place_of_its_own_clause():
    found = claims("Officials recorded 812 cases in Chad, while 97 were confirmed in Niger.")
    assert found.loc["812", "entity"] == "TD"
    assert found.loc["97", "entity"] == "NE"
    assert found.loc["97", "metric"] == "cases"  # the noun the earlier clause gave


def test_a_place_in_the_counted_nouns_own_phrase_is_the_figures():
    assert claims("Niger: 300 children in Mali are out of school.").loc["300", "entity"] == "ML"
    # a clause describing the noun is not its phrase: "84% followed by Niger at 81%"
    assert claims("Chad recorded the highest turnout at 84% followed by Niger at 81%.").loc["84%", "entity"] == "TD"


def test_who_acts_or_is_opposed_is_not_where_a_figure_stands():
    found = claims("In Niger, 1,062 people were killed during the attacks by Chad, including 102 women.")
    assert found.loc["102", "entity"] == "NE"
    found = claims("In Niger, 935 people died in the war against Chad, of which 38 were children.")
    assert found.loc["38", "entity"] == "NE"
    # "followed by" ranks a list's places; it names no actor
    assert claims("Chad reported 50 cases, followed by Niger (30 cases).").loc["30", "entity"] == "NE"
    # where a clause names only a place qualifying a noun and an actor, the qualifying place comes first
    found = claims("Niger's government revised the toll of its war with Chad, saying at least 1,060 people were killed.")
    assert found.loc["1,060", "entity"] == "NE"


def test_a_clause_without_a_place_takes_the_governing_clauses():
    found = claims("Officials recorded 812 cases in Chad, while 97 were confirmed later.")
    assert found.loc["97", "entity"] == "TD"


def test_the_period_is_decided_per_figure():
    found = claims("In Mali the count rose to 1,234 cases by 3 May 2024, after 900 cases were logged in April 2024.")
    assert found.loc["1,234", "period_end"] == "2024-05-03"
    assert found.loc["900", "period_end"] == "2024-04"


def test_the_count_stands_at_its_own_date_and_starts_at_the_events():
    found = claims("Cases linked to the outbreak declared on 3 March 2024 rose to 2,040 by Friday.")
    assert found.loc["2,040", "period_end"] == "2024-05-10"
    assert found.loc["2,040", "period_start"] == "2024-03-03"


@pytest.mark.parametrize("sentence, figure, scope", [
    ("A single charter flight brought 120 people home.", "120", "event"),
    ("Since 2019 the programme has brought 1,950 people home.", "1,950", "cumulative"),
    ("1,400 people remain in the shelter.", "1,400", "snapshot"),
    ("Chad reported 300 cases.", "300", "cumulative"),          # the metric's scope as default
    ("Chad reported 300 cases on 7 May 2024.", "300", "event"),  # one day
])
def test_scope_comes_from_the_claims_cues_then_the_metric(sentence, figure, scope):
    assert claims(sentence).loc[figure, "scope"] == scope


def test_the_workspaces_own_scope_cues_count():
    config = parse_config('[scope]\nevent = ["a convoy"]\n[metrics.trucks]\nwords = ["trucks"]\nscope = "cumulative"\n')
    assert claims("A convoy brought 40 trucks.", config).loc["40", "scope"] == "event"
    assert claims("The agency sent 40 trucks.", config).loc["40", "scope"] == "cumulative"


@pytest.mark.parametrize("sentence, figure", [
    ("310 cases were reported in camps for displaced people.", "310"),
    ("Chad counted 95 cases in government-held areas.", "95"),
    ("Niger reported 40 cases in seven districts.", "40"),
    # a phase of a process covers part of it: "in the third phase", "in the first two phases"
    ("Turnout of registered voters was 61.2% in the third phase of the election.", "61.2%"),
])
def test_partial_coverage_is_marked_in_the_note(sentence, figure):
    assert claims(sentence).loc[figure, "note"].startswith("part: ")


def test_a_whole_country_figure_has_no_partial_note():
    assert claims("Chad reported 812 cases.").loc["812", "note"] == ""


def test_coordination_is_not_a_breakdown():
    found = claims("The attack left 412 dead and 1,300 injured.")
    assert (found["part_of"] == "").all()
    assert found.loc["412", "metric"] != found.loc["1,300", "metric"]


def test_part_before_its_total():
    found = extract_source("3,100 of the 12,000 residents were evacuated.", SOURCE, CONFIG)
    part, total = found.iloc[0], found.iloc[1]
    assert part["part_of"] == total["claim_id"]


@pytest.mark.parametrize("sentence, figure", [
    ("The floods caused 40 deaths.", "40"),
    ("The storm left 40 dead.", "40"),
    ("Gunmen killed 40 people.", "40"),
])
def test_deaths_dead_and_people_killed_meet_in_one_automatic_metric(sentence, figure):
    assert claims(sentence).loc[figure, "metric"] == "auto:death"


def test_a_projection_is_not_the_count():
    found = claims("Chad reported 300 cases, and officials expect cases to exceed 5,000 by June.")
    assert found.loc["300", "metric"] == "cases"
    assert found.loc["5,000", "metric"] == "auto:case:projected"


def test_automatic_names_from_noun_then_predicate():
    words = metrics.automatic_words()
    assert metrics.automatic("fatality", "", False, words) == "auto:death"
    assert metrics.automatic("people", "evacuate", False, words) == "auto:evacuate"
    assert metrics.automatic("", "", False, words) == ""


def test_counted_words_gives_noun_and_predicate_per_claim():
    text = "Officials recorded 812 cases in Chad. Gunmen killed 40 people."
    words = counted_words(text, SOURCE, CONFIG)
    assert list(words["claim_id"]) == list(extract_source(text, SOURCE, CONFIG)["claim_id"])
    assert list(words["noun"]) == ["case", "people"]
    assert list(words["predicate"]) == ["record", "kill"]


def test_scope_decision_order():
    assert scopes.decide("cumulative", frozenset({"event"})) == "event"
    assert scopes.decide("event", frozenset({"total"})) == "event"
    assert scopes.decide("", frozenset(), frozenset({"total"})) == "cumulative"
    assert scopes.decide("", frozenset()) == ""


def test_the_claim_schema_accepts_automatic_metrics():
    from figcheck.checks.schemas import Claim
    frame = extract_source("Gunmen killed 40 people, and officials expect cases to exceed 5,000 by June.", SOURCE, CONFIG)
    assert {"auto:death", "auto:case:projected"} <= set(frame["metric"])
    Claim.validate(frame)


def test_a_place_qualifying_another_noun_is_not_the_figures():
    config = parse_config('[entities.TD]\nname = "Chad"\nforms = ["Chadian", "Chadians"]\n'
                          '[entities.NE]\nname = "Niger"\nforms = ["Nigerien"]\n')
    assert claims("Nigerien raids killed 40 Chadians.", config).loc["40", "entity"] == "TD"
    # ... unless the noun it qualifies is a place: "the Niger state".
    assert claims("Officials in the Niger state counted 40 cases.", config).loc["40", "entity"] == "NE"


def test_a_headline_naming_an_event_after_a_place_is_about_the_documents_area():
    text = "Niger Valley Floods: 300 Dead\n\nThe floods hit Chad hard. Chad asked for help."
    assert claims(text).loc["300", "entity"] == "TD"


def test_commands_that_do_not_extract_never_import_spacy():
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    code = ("import sys\nfrom figcheck.cli import main\ntry:\n    main(['check', sys.argv[1]])\n"
            "except SystemExit:\n    pass\nprint('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(root / "examples" / "central-asia")],
                         capture_output=True, text=True, check=False)
    assert out.stdout.strip().splitlines()[-1] == "False"


SIBLINGS = parse_config("""
[metrics.cases]
words = ["cases", "infections"]
scope = "cumulative"
[metrics.new_cases]
words = ["new cases", "new infections"]
scope = "event"
[metrics.participants]
words = ["participants"]
scope = "event"
[metrics."participants.women"]
words = ["women"]
scope = "event"
part_of = "participants"
[metrics.returnees]
words = ["returnees"]
scope = "cumulative"
[metrics."returnees.women"]
words = ["women"]
scope = "cumulative"
part_of = "returnees"
""")


@pytest.mark.parametrize("sentence, figure, metric", [
    ("The ministry reported 399 new cases on Tuesday.", "399", "new_cases"),
    ("Another 1,424 cases were recorded in the capital.", "1,424", "new_cases"),
    ("The ministry reported 12 more cases.", "12", "new_cases"),
    ("The ministry has recorded 10,567 cases so far.", "10,567", "cases"),
    ("Since January, 3,100 new infections were counted.", "3,100", "cases"),
    ("The report details the new infections: the north recorded 158 cases, the south 159 cases.", "159", "new_cases"),
    ("The report details the new infections, and the north has 4,000 cases in total.", "4,000", "cases"),
    ("The north recorded 158 cases, and the report details new infections.", "158", "cases"),
])
def test_the_clause_scope_picks_the_metric_of_one_noun_with_that_scope(sentence, figure, metric):
    assert claims(sentence, SIBLINGS).loc[figure, "metric"] == metric


def test_metrics_that_are_parts_of_different_wholes_are_not_siblings():
    from figcheck.claims.extraction.vocabulary import vocabulary
    siblings = vocabulary(SIBLINGS).metrics.siblings
    assert siblings["cases"] == {"event": "new_cases"}
    assert "participants.women" not in siblings and "returnees.women" not in siblings


def test_a_figure_with_no_configured_metric_takes_the_scope_all_metrics_of_its_kind_share():
    config = parse_config("""
[metrics.turnout]
kind = "percent"
words = ["turnout"]
scope = "snapshot"
[metrics.share]
kind = "percent"
words = ["of the vote"]
scope = "snapshot"
[metrics.cases]
words = ["cases"]
scope = "cumulative"
""")
    found = claims("The Greens polled 12.5%, and 40 volunteers counted ballots.", config)
    assert found.loc["12.5%", "metric"] == "" and found.loc["12.5%", "scope"] == "snapshot"
    assert found.loc["40", "scope"] == ""  # one metric of a kind says nothing of the others


PARTIES_TOML = """
[metrics.seats]
words = ["seats"]
[metrics."seats.blue"]
words = ["Blue Party", "BP"]
part_of = "seats"
[metrics."seats.green"]
words = ["Green League", "GL"]
part_of = "seats"
[metrics."vote_pct.blue"]
kind = "percent"
words = ["Blue Party", "BP"]
[metrics."vote_pct.green"]
kind = "percent"
words = ["Green League", "GL"]
"""
PARTIES = parse_config(PARTIES_TOML)


@pytest.mark.parametrize("sentence, figure, metric", [
    ("The Blue Party won 159 of the 400 seats.", "159", "seats.blue"),
    ("The Green League (GL) won 87 seats, its best result.", "87", "seats.green"),
    ("The 400 seats were contested by six parties.", "400", "seats"),
    ("The Blue Party's 41.2% was its lowest result.", "41.2%", "vote_pct.blue"),
    # through a preposition after the verb, and from the clause a subjectless verb joins
    ("The Blue Party, whose leader resigned, won in 159 seats.", "159", "seats.blue"),
    ("The Green League kept its place, securing 87 seats.", "87", "seats.green"),
    ("With 300 of the 400 seats declared, the Blue Party had won most.", "300", "seats"),
    # a relative pronoun stands for its noun, a pronoun for the subject of the main clause before it
    ("The Green League, which won 87 seats, joined the coalition.", "87", "seats.green"),
    ("The Blue Party won 120 seats, far below the 150 seats it had won before.", "150", "seats.blue"),
    ("The Blue Party won 120 seats, far below the 150 seats they had won before.", "150", "seats.blue"),
    ("The Green League overtook its rivals by securing 58 seats.", "58", "seats.green"),
    # a pronoun with no main-clause subject before it stands for nobody
    ("It won 120 seats after the Blue Party split.", "120", "seats"),
])
def test_who_a_figure_belongs_to_names_its_part(sentence, figure, metric):
    assert claims(sentence, PARTIES).loc[figure, "metric"] == metric


def test_a_description_before_a_name_without_a_comma_leaves_the_name_the_owner():
    # the parse reads "The main opposition" and "Democratic Alliance" as two subjects of "won"
    config = parse_config(PARTIES_TOML + '[metrics."seats.alliance"]\nwords = ["Democratic Alliance"]\n'
                                         'part_of = "seats"\n')
    assert claims("The main opposition Democratic Alliance won 87 seats.", config).loc["87", "metric"] == \
        "seats.alliance"


def test_a_bracketed_figure_belongs_to_the_name_before_its_bracket():
    found = claims("The Blue Party, the largest one, won most votes (41.2 percent) before GL (30.5 percent).", PARTIES)
    assert found.loc["41.2 percent", "metric"] == "vote_pct.blue"
    assert found.loc["30.5 percent", "metric"] == "vote_pct.green"


def test_each_list_item_belongs_to_the_name_it_opens_with():
    found = claims("GL was at 31.5%, BP at 22.4%, the Red Union at 4.1% and others at 2%.", PARTIES)
    assert found.loc["31.5%", "metric"] == "vote_pct.green"
    assert found.loc["22.4%", "metric"] == "vote_pct.blue"
    # An item whose name the vocabulary lacks takes no other item's metric.
    assert found.loc["4.1%", "metric"] == "" and found.loc["2%", "metric"] == ""


@pytest.mark.parametrize("text, start, expected", [
    ("There were 12 new cases.", 11, True),
    ("Another 1,424 patients were admitted.", 8, True),
    ("More than 1,000 people were injured.", 10, False),
    ("There were 12 cases more or less.", 11, False),
])
def test_increment_cues_sit_before_the_figure_or_in_its_noun_phrase(text, start, expected):
    q = next(q for q in scan(text) if q.start == start)
    assert scopes.is_increment(text, q.start, q.end, q.noun_end, scopes.increment_cues()) is expected


PROVINCES = parse_config("""
[workspace]
subject = "TD"
[entities.TD]
name = "Chad"
[entities.NE]
name = "Niger"
[entities.TD-LC]
name = "Lac"
forms = ["Lac"]
[entities.TD-KA]
name = "Kanem"
forms = ["Kanem"]
[metrics.cases]
words = ["cases"]
""")


@pytest.mark.parametrize("first, expected", [
    ("Lac reported 40 cases.", "TD-LC"),                                   # one place: handed on
    ("Lac led with 40 cases, followed by Kanem with 12 cases.", "TD"),    # a list of places: none
    ("In Chad, officials in Lac reported 40 cases.", "TD-LC"),            # a place and its part: the part
    ("Chad reported 40 cases, more than Niger.", "TD"),                   # two countries compared: none
])
def test_a_sentence_hands_on_its_place_only_when_it_names_one_place_or_a_part_of_one(first, expected):
    found = claims(f"{first} Officials counted 515 cases by Friday.", PROVINCES)
    assert found.loc["515", "entity"] == expected


def test_a_figure_with_no_cue_of_its_own_follows_an_increment_word_earlier_in_its_sentence():
    cues = scopes.increment_cues()
    text = "Of the new hospitalisations, 741 were in the capital."
    q = scan(text)[0]
    assert scopes.is_increment(text, q.start, q.end, q.noun_end, cues, 0)
    assert not scopes.is_increment(text, q.start, q.end, q.noun_end, cues)  # without the sentence


def test_a_count_in_the_running_year_stands_at_the_date_its_data_runs_to():
    source = {"source_id": "s1", "published": "2023-06-18"}
    found = claims("More than 10,500 cases have been recorded in Chad in 2023.", source=source)
    assert (found.loc["10,500", "period_start"], found.loc["10,500", "period_end"]) == ("2023", "2023-06-18")
    # A year that is over keeps its own end; a forecast keeps the period it names.
    found = claims("Chad recorded 9,800 cases in 2022. The ministry expects 20,000 cases in 2023.", source=source)
    assert found.loc["9,800", "period_end"] == "2022"
    assert found.loc["20,000", "period_end"] == "2023"


def test_a_state_reported_before_the_end_of_the_period_a_source_covers_stands_at_publication():
    source = {"source_id": "s1", "published": "2024-02-07", "period_start": "2024-01", "period_end": "2024-12"}
    found = claims("About 1,400 voters remain registered in Chad.", source=source)
    assert found.loc["1,400", "scope"] == "snapshot"
    assert found.loc["1,400", "period_end"] == "2024-02-07"


APPEALS = parse_config("""
[metrics.requirements]
kind = "money"
words = ["appeal"]
predicates = ["appealed for", "seeks to raise"]
[metrics.deaths]
words = ["deaths", "fatalities"]
[metrics.displaced]
words = ["people"]
predicates = ["displaced"]
[metrics.spending_pct]
kind = "percent"
words = ["of the budget"]
predicates = ["spending"]
""")


@pytest.mark.parametrize("sentence, figure, metric", [
    ("The agency seeks to raise $2.7 billion this year.", "2.7 billion", "requirements"),  # the verb alone
    ("The death toll has reached 606.", "606", "deaths"),                                  # lemma meets a plural word
    ("Its proposed spending is less than seven per cent.", "seven per cent", "spending_pct"),  # a predicate as noun
    ("25 schools are inhabited by displaced people.", "25", "auto:school"),  # a noun of its own is not the verb's
    # a bare container ("a total of") names nothing: the verb it follows does
    ("The agency appealed for a total of $4.2 billion.", "4.2 billion", "requirements"),
    ("The agency launched an appeal for a total of $4.2 billion.", "4.2 billion", "requirements"),
])
def test_the_verb_names_what_a_figure_counts_when_no_noun_of_its_own_does(sentence, figure, metric):
    assert claims(sentence, APPEALS).loc[figure, "metric"] == metric


def test_sentences_end_where_the_parse_ends_them_even_without_a_capital_after_the_stop():
    # Punctuation alone sees one sentence here; the parse sees two, and the first hands its place on.
    found = claims("Kanem reported 12 cases. officials there counted 30 more cases by Friday.", PROVINCES)
    assert found.loc["30", "entity"] == "TD-KA"
    assert found.loc["30", "quote"].startswith("officials")


@pytest.mark.parametrize("dateline", ["CAIRO (AP) — ", "TEHRAN, June 24 — ", "KIGALI, Rwanda (AA) – ",
                                      "PORT SUDAN, Nov. 14 (Xinhua) -- ", "Geneva—", "Port Sudan - "])
def test_a_dateline_is_no_part_of_the_first_sentence(dateline):
    found = claims(f"{dateline}The death toll has reached 606, officials said.", APPEALS)
    assert found.loc["606", "metric"] == "deaths"
    assert found.loc["606", "quote"].startswith("The death toll")


def test_a_count_of_places_is_about_the_country_they_belong_to():
    found = claims("Three provinces had the highest rates: Lac and Kanem. Officials counted 515 cases.", PROVINCES)
    assert found.loc["Three", "entity"] == "TD"
    assert found.loc["515", "entity"] == "TD"  # and the list of provinces hands on the country


def test_a_province_named_in_one_paragraph_does_not_carry_into_the_next():
    found = claims("Kanem reported 12 cases.\n\nAcross the country, officials counted 515 cases.", PROVINCES)
    assert found.loc["12", "entity"] == "TD-KA"
    assert found.loc["515", "entity"] == "TD"


def test_a_country_name_that_names_a_province_of_another_is_no_mention_of_that_country():
    from figcheck.claims.extraction.vocabulary import vocabulary
    gazetteer = vocabulary(parse_config("")).gazetteer
    text = "Cases rose in the province of Niger, in Chad, and on Malian territory."
    assert [m.entity for m in gazetteer.mentions(text, 0, len(text))] == ["TD", "ML"]


def test_provinces_count_towards_their_country_for_what_a_document_is_about():
    config = parse_config("""
[entities.TD-LC]
name = "Lac"
forms = ["Lac"]
[entities.TD-KA]
name = "Kanem"
forms = ["Kanem"]
[metrics.cases]
words = ["cases"]
""")
    text = "Chad's outbreak grows.\n\nLac reported 12 cases. Kanem reported 9 cases.\n\nLac is worst hit.\n\n" \
           "Officials counted 515 cases."
    assert claims(text, config).loc["515", "entity"] == "TD"


def test_a_money_figure_counts_the_subject_of_its_verb_not_its_currency():
    config = parse_config("""
[currencies]
NGN = ["naira"]
[metrics.revenue]
kind = "money"
words = ["revenue"]
""")
    found = claims("The government's actual revenue was 8.65 trillion naira.", config)
    assert (found.loc["8.65 trillion", "metric"], found.loc["8.65 trillion", "unit"]) == ("revenue", "naira")


def test_metrics_sharing_only_a_general_noun_are_not_siblings():
    from figcheck.claims.extraction.vocabulary import vocabulary
    config = parse_config("""
[metrics.displaced]
words = ["residents"]
scope = "snapshot"
[metrics.evacuated]
words = ["residents"]
scope = "event"
""")
    assert vocabulary(config).metrics.siblings == {}  # "residents" names no one quantity


CASUALTIES = parse_config("""
[metrics.killed]
words = ["people", "deaths"]
predicates = ["killed", "died"]
excluded_predicates = ["injured", "wounded"]
scope = "cumulative"
[metrics.injured]
words = ["people", "injured", "wounded"]
predicates = ["injured", "wounded"]
excluded_predicates = ["killed", "died"]
scope = "cumulative"
""")


@pytest.mark.parametrize("sentence, figure, metric", [
    ("The ministry said 606 people have been killed and 5,332 others injured since the start.", "5,332", "injured"),
    ("More than 13,000 people have been killed and another 26,000 injured since April.", "26,000", "injured"),
    ("The attacks killed 224 people and left more than 1,000 injured.", "1,000", "injured"),
    ("The attacks killed 224 people and left more than 1,000 injured.", "224", "killed"),
])
def test_a_participle_describing_the_figure_names_what_it_counts_before_the_clauses_verb(sentence, figure, metric):
    assert claims(sentence, CASUALTIES).loc[figure, "metric"] == metric


def test_a_part_whose_own_noun_names_another_measure_keeps_that_measure():
    config = parse_config("""
[metrics.cases]
words = ["cases"]
[metrics.deaths]
words = ["deaths"]
[metrics."cases.children"]
words = ["children"]
part_of = "cases"
[metrics.killed]
words = ["people"]
predicates = ["killed"]
""")
    found = claims("A total of 12,569 cases, including 581 deaths and 3,000 children, were recorded.", config)
    assert (found.loc["581", "metric"], found.loc["3,000", "metric"]) == ("deaths", "cases.children")
    # a noun too general to name a measure does not override the total's family
    assert claims("Officials recorded 900 cases, including 40 people in camps.", config).loc[
        "40", "metric"] != "killed"


def test_a_bracket_closed_before_a_figure_lists_no_parts():
    text = "Attacks Claim Over 200 Lives\n(Agency) The ministry said 224 people were killed."
    assert claims(text, CASUALTIES).loc["224", "metric"] == "killed"


PARTY_COUNTS = parse_config(PARTIES_TOML + """
[metrics.votes]
words = ["votes"]
[metrics."votes.blue"]
words = ["Blue Party", "BP"]
part_of = "votes"
""")


def test_a_name_that_is_a_part_of_several_measures_names_none_of_them_alone():
    found = claims("North: BP 28, GL 22, Red Union 3.", PARTY_COUNTS)
    # the Blue Party's votes or its seats? Nothing says: no configured metric, at most an automatic one
    assert found.loc["28", "metric"] not in PARTY_COUNTS.metrics
    assert found.loc["22", "metric"] == "seats.green"  # the Green League is a part of seats only


def test_the_noun_still_says_which_measure_a_name_is_a_part_of():
    found = claims("The Blue Party won 28 seats and 1,200 votes.", PARTY_COUNTS)
    assert (found.loc["28", "metric"], found.loc["1,200", "metric"]) == ("seats.blue", "votes.blue")


@pytest.mark.parametrize("sentence, expected", [
    ("The Blue Party and the Green League won 28 and 12 seats, respectively.",
     {"28": "seats.blue", "12": "seats.green"}),
    ("Rivals Blue Party and GL trailed with about 25 per cent and 17 per cent, respectively.",
     {"25 per cent": "vote_pct.blue", "17 per cent": "vote_pct.green"}),
    ("Allies such as the Blue Party (BP) and the Green League, which won 16 and 12 seats, respectively, "
     "backed the plan.", {"16": "seats.blue", "12": "seats.green"}),
    ("Other parties like the Blue Party and the Green League also gained, securing 87 and 58 seats, "
     "respectively.", {"87": "seats.blue", "58": "seats.green"}),
])
def test_respectively_pairs_each_figure_with_its_name(sentence, expected):
    found = claims(sentence, PARTY_COUNTS)
    assert {text: found.loc[text, "metric"] for text in expected} == expected


def test_the_stated_scope_picks_the_sibling_before_a_ruling_out_verb_can_drop_the_running_total():
    config = parse_config("""
[metrics.cases]
words = ["cases"]
predicates = ["recorded"]
excluded_predicates = ["new"]
scope = "cumulative"
[metrics.new_cases]
words = ["new cases"]
scope = "event"
""")
    found = claims("Of the new hospitalisations, 741 cases were in the capital.", config)
    assert found.loc["741", "metric"] == "new_cases"
    assert claims("The ministry has recorded 10,567 cases so far.", config).loc["10,567", "metric"] == "cases"


def test_a_sentence_opening_with_its_set_names_what_its_bare_figures_count():
    config = parse_config("""
[metrics.deaths]
words = ["deaths"]
[metrics.cases]
words = ["cases"]
""")
    found = claims("The outbreak has caused 300 cases. Of the deaths, 99 have been logged in July.", config)
    assert found.loc["99", "metric"] == "deaths"


@pytest.mark.parametrize("sentence, source", [
    ("The ministry said 107 people were killed in the past 24 hours.", SOURCE),
    ("Officials said 424 people crossed the border yesterday.", {"source_id": "s1", "published": "2024-05"}),
    ("Officials said 707 people crossed the border over the weekend of 4 and 5 May.", SOURCE),
    ("Clinics report 1,239 people crossed the border in a day.", SOURCE),
    ("Officials said 1,357 people were hospitalised in 24hrs.", SOURCE),  # the hours written short
    ("Medics said 92 people were wounded in a fresh wave of strikes.", SOURCE),  # one act of force
])
def test_a_count_over_a_day_or_a_few_is_one_event_whatever_the_metric_says(sentence, source):
    config = parse_config("""
[metrics.crossings]
words = ["people"]
scope = "cumulative"
""")
    found = claims(sentence, config, source)
    assert found.loc[found["kind"] == "count", "scope"].iloc[0] == "event"


def test_a_share_of_a_set_two_sibling_measures_name_is_a_share_of_the_running_total_unless_new():
    config = parse_config("""
[metrics.deaths]
words = ["deaths"]
scope = "cumulative"
[metrics.new_deaths]
words = ["deaths", "new deaths"]
scope = "event"
""")
    assert claims("Of these, 62% of the deaths were reported in July.", config).loc["62%", "scope"] == "cumulative"
    assert claims("Of these, 62% of the new deaths were reported in July.", config).loc["62%", "scope"] == "event"


def test_an_amount_a_share_is_taken_of_is_named_by_its_own_participle():
    config = parse_config("""
[metrics.requirements]
kind = "money"
words = ["appeal"]
predicates = ["sought"]
[metrics.funded_pct]
kind = "percent"
words = ["funded"]
predicates = ["received"]
""")
    # "percent" is the share's noun, not the amount's; "being sought" says what the amount is
    found = claims("The agency said it had received 12 percent of the $2.7 billion being sought.", config)
    assert found.loc["2.7 billion", "metric"] == "requirements"


def test_a_share_of_an_amount_has_the_amount_s_scope():
    config = parse_config("""
[metrics.budget]
kind = "money"
words = ["budget"]
scope = "event"
[metrics.stock]
kind = "money"
words = ["reserves"]
scope = "snapshot"
""")
    assert claims("Health got 7.9% of the 2024 budget.", config).loc["7.9%", "scope"] == "event"
    assert claims("Gold makes up 12% of the reserves.", config).loc["12%", "scope"] == "snapshot"


def test_a_count_over_months_keeps_the_metrics_scope():
    config = parse_config("""
[metrics.crossings]
words = ["people"]
scope = "cumulative"
""")
    found = claims("Officials said 9,707 people crossed the border between 4 January and 5 May.", config)
    assert found.loc["9,707", "scope"] == "cumulative"


def test_a_state_on_a_day_is_a_snapshot_of_that_day():
    config = parse_config("""
[metrics.sheltered]
words = ["people"]
""")
    found = claims("He noted that 3,630 people were still in shelters on 8 May.", config)
    assert (found.loc["3,630", "scope"], found.loc["3,630", "period_end"]) == ("snapshot", "2024-05-08")

@pytest.mark.parametrize("sentence, figure, period_end", [
    ("The agency recorded 40 cases in March.", "40", "2024-03"),
    ("The agency recorded 40 cases in March 2024.", "40", "2024-03"),
    # a month after the publication's month, without its year, is the previous year's
    ("The agency recorded 40 cases in December.", "40", "2023-12"),
])
def test_a_month_named_without_its_year_is_the_last_one_up_to_publication(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("On 22 March last year, 1,295 cases were recorded.", "1,295", "2023-03-22"),
    ("The agency recorded 1,295 cases on March 22 last year.", "1,295", "2023-03-22"),
    ("By June 22 in 2022, 806 cases had been recorded.", "806", "2022-06-22"),
    ("On 3 June this year, 50 cases were recorded.", "50", "2024-06-03"),
])
def test_a_day_without_its_year_takes_the_year_named_after_it(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("sentence, figure, base", [
    ("Prices rose by 12% compared to April.", "12%", "2024-04"),
    ("Turnout was 61.3 %, higher than in 2019.", "61.3 %", "2019"),
])
def test_a_date_a_figure_is_compared_with_is_not_its_period(sentence, figure, base):
    assert not claims(sentence).loc[figure, "period_end"].startswith(base)


@pytest.mark.parametrize("sentence, expected", [
    ("The agency recorded 566 cases in January, 166 in February and 111 in March.",
     {"566": "2024-01", "166": "2024-02", "111": "2024-03"}),
    ("Inflation stood at 25 % in April, up from 12 % in March.", {"25 %": "2024-04", "12 %": "2024-03"}),
    ("Turnout stood at 58.5 % on Sunday, lower than the 66 % in 2019.", {"58.5 %": "2024-05-05", "66 %": "2019"}),
    # figures joined by "and" share the date after the last of them
    ("The agency recorded 1,500 cases and 20 deaths in April.", {"1,500": "2024-04", "20": "2024-04"}),
    # in another part of the clause than the sentence's first date
    ("In 2022 there were some 6,700 people rescued compared with 5,100 in 2021 and 4,000 in 2020.",
     {"6,700": "2022", "5,100": "2021", "4,000": "2020"}),
    # in the participle describing the figure, before the sentence's running total
    ("So far this month 540 cases have been counted, compared with 860 recorded in May 2022.", {"860": "2022-05"}),
    ("The total so far is lower than the 1,500 cases recorded this time last year.", {"1,500": "2023-05-10"}),
])
def test_a_date_right_after_a_figure_is_that_figures_own(sentence, expected):
    found = claims(sentence)
    assert {text: found.loc[text, "period_end"] for text in expected} == expected


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("Hospitals reported 600 cases last year.", "600", "2023"),
    ("Last month, hospitals reported 600 cases.", "600", "2024-04"),
    ("The appeal sought $3.9 billion last year and $3.1 billion this year.", "3.9 billion", "2023"),
])
def test_a_calendar_period_named_from_publication_dates_its_figures(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


def test_the_last_year_is_a_span_up_to_now_not_the_previous_calendar_year():
    assert claims("Hospitals reported 600 cases over the last year.").loc["600", "period_end"] != "2023"


@pytest.mark.parametrize("text, figure, not_end", [
    # two dates joined by "and" without "between" are two points, not a range carried to the next sentence
    ("Floods struck the valley in 1998 and 2004. The agency counted 300 cases.", "300", "2004"),
    ("The party won 240 seats, a far cry from the 303 seats it won in 2019 and 2014.", "240", "2014"),
])
def test_and_joins_a_range_only_after_between(text, figure, not_end):
    assert not claims(text).loc[figure, "period_end"].startswith(not_end)


def test_between_opens_a_range_joined_by_and():
    found = claims("The agency counted 300 cases between 2019 and 2021.")
    assert (found.loc["300", "period_start"], found.loc["300", "period_end"]) == ("2019", "2021")


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("The assembly on Saturday passed the 2025 budget of $3.2 billion.", "3.2 billion", "2025"),
    ("Turnout in the 2019 election was 58 %.", "58 %", "2019"),
    # a date within the year is only more precise
    ("The 2024 budget of $3.2 billion was passed on 3 May.", "3.2 billion", "2024-05-03"),
])
def test_a_year_qualifying_a_noun_names_the_figures_period(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


def test_a_year_after_since_bounds_a_span_and_names_no_period():
    assert claims("Applications reached 5,000, the most since the 2016 crisis.").loc["5,000", "period_end"] != "2016"


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("The agency recorded 40 cases in the week ending 4 May.", "40", "2024-05-04"),
    ("The fund spent $2 billion in the year ended 31 March 2024.", "2 billion", "2024-03-31"),
])
def test_a_period_ending_on_a_date_ends_there(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("sentence, figure, period_start", [
    ("Some 3,000 people have been displaced since fighting between the two armed groups of the "
     "northern hills broke out on 2 March.", "3,000", "2024-03-02"),
    ("Some 3,000 people have been displaced since the river burst its banks in mid-March.", "3,000", "2024-03"),
])
def test_a_since_clause_starts_the_period_at_its_date(sentence, figure, period_start):
    found = claims(sentence)
    assert (found.loc[figure, "period_start"], found.loc[figure, "period_end"]) == (period_start, "2024-05-10")


@pytest.mark.parametrize("sentence, figure, period", [
    ("In the first 13 days of April, there were 940 cases.", "940", ("2024-04-01", "2024-04-13")),
    ("Applications rose by 78% in the first seven months of 2023.", "78%", ("2023-01", "2023-07")),
    ("The agency counted 40 cases in the first two weeks of March.", "40", ("2024-03-01", "2024-03-14")),
])
def test_the_first_units_of_a_period_run_from_its_start(sentence, figure, period):
    found = claims(sentence)
    assert (found.loc[figure, "period_start"], found.loc[figure, "period_end"]) == period


@pytest.mark.parametrize("sentence, figure, period", [
    ("In the first half of 2022, the number of applications was 40,310.", "40,310", ("2022-01", "2022-06")),
    ("Some 3,000 people crossed in the third quarter of 2023.", "3,000", ("2023-07", "2023-09")),
    ("Arrivals in Q4 2023 reached 12,000.", "12,000", ("2023-10", "2023-12")),
])
def test_a_part_of_a_year_is_its_months(sentence, figure, period):
    found = claims(sentence)
    assert (found.loc[figure, "period_start"], found.loc[figure, "period_end"]) == period


@given(st.integers(1900, 2099), st.sampled_from([("first half", 1, 6), ("second half", 7, 12), ("first quarter", 1, 3),
                                                ("fourth quarter", 10, 12), ("Q2", 4, 6), ("H2", 7, 12)]))
def test_a_year_part_spans_its_months_in_its_year(year, part):
    name, first, last = part
    text = f"Officials counted cases in the {name} of {year}." if " " in name else f"Cases in {name} {year} rose."
    period = TimeIndex(text, time_patterns("en")).period(0, len(text), "2024-05-10")
    assert (period.start, period.end) == (f"{year}-{first:02d}", f"{year}-{last:02d}")


def test_a_look_back_before_the_sources_own_period_does_not_carry_on():
    source = {**SOURCE, "period_start": "2023-01", "period_end": "2023-06"}
    text = ("There were 61,240 applications from January to June. In the first half of 2022, the number was "
            "40,310. Chad accounted for 9,870 applications.")
    found = claims(text, source=source)
    assert found.loc["9,870", "period_end"] != "2022-06"
    assert found.loc["40,310", "period_end"] == "2022-06"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@given(st.dates(date(1950, 1, 1), date(2099, 12, 31)), st.integers(1, 12))
def test_a_month_without_its_year_is_within_the_year_up_to_publication(published, month):
    text = f"Officials counted cases in {MONTHS[month - 1]}."
    period = TimeIndex(text, time_patterns("en")).period(0, len(text), published.isoformat())
    months_back = (published.year * 12 + published.month) - (int(period.end[:4]) * 12 + int(period.end[5:7]))
    assert int(period.end[5:7]) == month and 0 <= months_back < 12


@given(st.integers(1990, 2060), st.integers(1, 12), st.integers(1, 28), st.integers(1, 12), st.integers(1, 28),
       st.sampled_from(["between {a} and {b} {y}", "between {a} and {b} in {y}", "from {a} to {b} {y}"]))
def test_a_range_whose_year_follows_it_starts_in_that_year_or_the_one_before(year, first_month, first_day,
                                                                          last_month, last_day, form):
    a, b = f"{MONTHS[first_month - 1]} {first_day}", f"{MONTHS[last_month - 1]} {last_day}"
    text = f"Officials counted cases {form.format(a=a, b=b, y=year)}."
    period = TimeIndex(text, time_patterns("en")).period(0, len(text), "2031-05-10")
    before = (first_month, first_day) > (last_month, last_day)
    assert period == Period(f"{year - before}-{first_month:02d}-{first_day:02d}",
                            f"{year}-{last_month:02d}-{last_day:02d}")


@given(st.integers(1990, 2060), st.integers(1, 12), st.integers(1, 28))
def test_the_first_days_of_a_month_run_from_its_first_day(year, month, days):
    text = f"In the first {days} days of {MONTHS[month - 1]} {year}, officials counted cases."
    period = TimeIndex(text, time_patterns("en")).period(0, len(text), "2024-05-10")
    assert period == Period(f"{year}-{month:02d}-01", f"{year}-{month:02d}-{days:02d}")


@pytest.mark.parametrize("text, figure, period_end", [
    ("Hospitals admitted 9,000 patients in 2019. The death toll that year was 179.", "179", "2019"),
    ("The 2021 appeal was well funded. Donors gave $3 billion that year.", "3 billion", "2021"),
])
def test_that_year_is_the_year_last_written_before_it(text, figure, period_end):
    assert claims(text).loc[figure, "period_end"] == period_end


def test_that_year_does_not_reach_into_an_earlier_paragraph():
    found = claims("Hospitals admitted 9,000 patients in 2019.\n\nThe death toll that year was 179.")
    assert found.loc["179", "period_end"] != "2019"


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("The toll is the first update since 2 May, when there were 224 cases.", "224", "2024-05-02"),
    ("Turnout fell sharply after 2019, when 66 % voted.", "66 %", "2019"),
])
def test_a_when_clause_after_a_date_stands_at_that_date(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("In the month of April, 300 cases were reported.", "300", "2024-04"),
    ("Officials recorded 8,000 cases in the whole of March 2023.", "8,000", "2023-03"),
])
def test_a_month_named_as_a_whole_dates_its_figures(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("By the end of 2023, the agency had registered 5,900 refugees.", "5,900", "2023-12"),
    ("By 2023, the agency had registered 5,900 refugees.", "5,900", "2023"),
])
def test_the_end_of_a_year_is_its_last_month(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("registry, period_end", [
    (("2025-01", "2025-12"), "2025"),        # a budget for a coming year: its states are that year's
    (("2024-01", "2024-04"), "2024-04"),     # a report on a past period: they stand when it ends
])
def test_a_state_of_a_source_about_a_coming_period_stands_in_that_period(registry, period_end):
    source = {**SOURCE, "period_start": registry[0], "period_end": registry[1]}
    found = claims("The allocation for schools is 7 percent of the budget.", source=source)
    assert found.loc["7 percent", "scope"] == "snapshot"
    assert found.loc["7 percent", "period_end"].startswith(period_end)


@pytest.mark.parametrize("registry, period_end", [
    (("2025-01", "2025-12"), "2025"),          # next year's budget, passed on a day of this year
    (("2024-01", "2024-12"), "2024-05-07"),    # this year's: the day stands
])
def test_a_day_before_the_coming_period_a_source_covers_dates_an_act_not_the_figure(registry, period_end):
    source = {**SOURCE, "period_start": registry[0], "period_end": registry[1]}
    found = claims("The assembly on Tuesday passed a budget of $3.2 billion.", source=source)
    assert found.loc["3.2 billion", "period_end"].startswith(period_end)


def test_the_past_days_run_up_to_publication():
    found = claims("More than 1,000 people crossed in the past three days.")
    assert (found.loc["1,000", "period_start"], found.loc["1,000", "period_end"]) == ("2024-05-07", "2024-05-10")


def test_a_date_right_after_the_figure_outranks_an_earlier_one_of_its_clause():
    found = claims("On Saturday 537 people crossed, with a further 28 on Sunday.")
    assert (found.loc["537", "period_end"], found.loc["28", "period_end"]) == ("2024-05-04", "2024-05-05")


def test_the_date_of_a_comparisons_base_after_the_figure_is_not_its_period():
    found = claims("Applications rose by 80 percent compared to the same period last year.")
    assert not found.loc["80 percent", "period_end"].startswith("2023")


@pytest.mark.parametrize("sentence, figure, period", [
    ("Enrolment rose from 22.02 million in 2016-17 to 26.21 million in 2021-22.", "22.02 million", ("2016", "2017")),
    ("Enrolment rose from 22.02 million in 2016-17 to 26.21 million in 2021-22.", "26.21 million", ("2021", "2022")),
    ("Enrolment reached 2.1 million in 1999/00.", "2.1 million", ("1999", "2000")),
])
def test_a_split_year_runs_to_the_year_it_ends_in(sentence, figure, period):
    found = claims(sentence)
    assert (found.loc[figure, "period_start"], found.loc[figure, "period_end"]) == period


def test_a_document_that_places_no_figure_falls_back_on_the_declared_place_it_names_most():
    # Mali is declared; Rwanda is only in the built-in gazetteer, named first and as often as Mali.
    text = ("Some 400 people crossed the river on Monday.\n\n"
            "The ministry defended its Rwanda accord.\n\nNew rules in Mali take effect in June.")
    assert claims(text).loc["400", "entity"] == "ML"


@pytest.mark.parametrize("text, entity", [
    ("The assembly approved a budget of 4.5 trillion tenge, of which 900 billion tenge for roads.", "KZ"),
    # the dollar is legal tender in several countries: it places nothing
    ("The board approved a budget of $4.5 billion, of which $900 million for roads.", ""),
])
def test_a_document_that_names_no_place_is_about_the_one_country_of_its_currency(text, entity):
    assert set(claims(text)["entity"]) == {entity}


@pytest.mark.parametrize("text, entity", [
    # a province named once after the lead, and no other place, is named in passing: the report is national
    ("The commission declared all 400 seats. Turnout was 58%.\n\nThe count ran late.\n\n"
     "A former Turkana governor conceded.", "KE"),
    # named in the lead, the province is what the report is about
    ("The Turkana assembly sat on Monday.\n\nThe commission declared all 400 seats. Turnout was 58%.", "KE-43"),
])
def test_a_province_named_once_in_passing_places_the_document_in_its_country(text, entity):
    config = parse_config("""
[places]
subdivisions = ["KE"]
""")
    found = claims(text, config)
    assert (found.loc["400", "entity"], found.loc["58%", "entity"]) == (entity, entity)


def test_a_document_naming_no_place_is_about_the_one_country_its_workspace_declares():
    one_country = parse_config("""
[entities.KE]
name = "Kenya"
forms = ["Kenya"]

[entities.KE-30]
name = "Nairobi"
forms = ["Nairobi"]
""")
    assert claims("The ministry counted 515 cases on Monday.", one_country).loc["515", "entity"] == "KE"
    # two declared countries: the document stays unplaced
    assert claims("The ministry counted 515 cases on Monday.").loc["515", "entity"] == ""


@pytest.mark.parametrize("sentence, expected", [
    ("The two parties won 16 and 12 seats in Chad and Mali, respectively.", {"16": "TD", "12": "ML"}),
    ("Applications from Niger, Mali and Chad rose by 80%, 84% and 12% respectively.",
     {"80%": "NE", "84%": "ML", "12%": "TD"}),
    # without "respectively" the figures are about the listed set as a whole
    ("The two parties won 16 and 12 seats in Chad and Mali.", {"16": "ML+TD", "12": "ML+TD"}),
])
def test_respectively_pairs_each_figure_with_its_place(sentence, expected):
    found = claims(sentence)
    assert {text: found.loc[text, "entity"] for text in expected} == expected


@pytest.mark.parametrize("text, entity", [
    ("Lac reported 9 cases.\nKanem reported 12 cases.\nThe ministry counted 515 cases.", "TD"),
    # within a line the part carries on
    ("Lac reported 9 cases. Kanem reported 12 cases. The ministry counted 515 cases.", "TD-KA"),
    # a document about the part: it carries on across its lines
    ("A survey found 900 children out of school in Kanem.\nThe ministry counted 515 cases.\nKanem has 40 schools.",
     "TD-KA"),
])
def test_a_sentence_opening_a_line_takes_only_the_whole_of_a_part_named_on_the_line_before(text, entity):
    assert claims(text, PROVINCES).loc["515", "entity"] == entity


def test_a_place_in_a_clause_describing_the_figures_noun_places_it_before_an_earlier_sentence_does():
    found = claims("Lac reported 9 cases. The agency shipped 4,000 doses allocated to clinics in Kanem.", PROVINCES)
    assert found.loc["4,000", "entity"] == "TD-KA"


@pytest.mark.parametrize("text, figure, entity", [
    ("Chad's crisis deepened. About 40,000 people fled into neighbouring countries, including Niger and Mali.",
     "40,000", "TD"),
    ("Chad's crisis deepened. About 40,000 people fled to countries such as Niger.", "40,000", "TD"),
    # a figure after the word is the example's own
    ("Officials counted 5,000 cases, including 300 in Mali.", "300", "ML"),
])
def test_places_given_as_examples_of_a_noun_are_not_where_a_figure_before_them_stands(text, figure, entity):
    assert claims(text).loc[figure, "entity"] == entity


def places_named(text, config=CONFIG):
    """The entities of the places the workspace's gazetteer finds in a text, listed sets merged."""
    from figcheck.claims.extraction.vocabulary import vocabulary
    return [m.entity for m in vocabulary(config).gazetteer.mentions(text, 0, len(text))]


def test_a_listed_set_keeps_members_that_open_with_the_or_keep_their_abbreviation():
    text = "Aid reached Chad, the Central African Republic (CAR) and Niger."
    assert places_named(text, parse_config("")) == ["CF+NE+TD"]


def test_a_country_name_inside_the_name_of_a_natural_feature_is_no_mention_of_that_country():
    text = "Funds went to the Niger Delta Commission, to farms near Lake Chad and to Mali."
    assert places_named(text, parse_config("")) == ["ML"]
    assert places_named(text) == ["NE", "TD", "ML"]  # a form the workspace declares stays its own
    assert places_named("Funds went to the Niger-Delta Development Commission.", parse_config("")) == []


def test_a_document_that_places_no_figure_falls_back_on_a_name_before_an_adjective():
    config = parse_config('[entities.FR]\nname = "France"\nforms = ["France", "French"]\n'
                          '[entities.ML]\nname = "Mali"\n')
    text = ("Some 400 people crossed the river on Monday.\n\nFrench patrols watched the crossing.\n\n"
            "New rules in Mali take effect in June.")
    assert claims(text, config).loc["400", "entity"] == "ML"


def test_a_list_item_places_its_figure_with_the_name_it_opens_with():
    found = claims("Most applicants came from Mali with 8,300, followed by Niger with 4,100 and Chad with 2,900.")
    assert [found.loc[f, "entity"] for f in ("8,300", "4,100", "2,900")] == ["ML", "NE", "TD"]


@pytest.mark.parametrize("text, entity", [
    ("Apart from Lac, Kanem also reported 40 cases.", "TD-KA"),
    ("Lac, Kanem and Chad's other provinces reported 40 cases.", "TD+TD-KA+TD-LC"),  # a list ends with "and"
])
def test_two_places_a_bare_comma_joins_are_no_list(text, entity):
    assert claims(text, PROVINCES).loc["40", "entity"] == entity


def test_a_place_joined_to_a_word_such_as_based_or_led_names_an_actor_not_a_place():
    assert places_named("A Chad-based group and Mali-led forces counted 40 cases in Niger.") == ["NE"]


@pytest.mark.parametrize("text, entities", [
    ("Clashes on the Chad-Niger border displaced 400 people.", ["TD", "NE"]),  # a pair names both
    ("Anti-Malian protests drew 400 people.", []),                             # a prefix is no place
])
def test_a_place_after_a_hyphen_counts_only_in_a_pair_of_places(text, entities):
    assert places_named(text) == entities


def test_a_possessive_place_qualifying_another_noun_is_an_actor_like_an_adjective():
    # "Mali's offensive" says who acted, as "Malian offensive" would: the figure stays the paragraph's
    found = claims("Niger reported 40 deaths. Another 532 people injured during Mali's offensive were treated.")
    assert found.loc["532", "entity"] == "NE"


def test_a_place_the_workspace_does_not_declare_hands_nothing_on_to_later_sentences():
    # Chad is declared; Sudan only built in: context for its own sentence, as in nearest
    found = claims("Officials in Chad counted 40 cases. Aid arrived from Sudan. Another 12 cases followed.")
    assert found.loc["12", "entity"] == "TD"


def test_a_place_a_comma_and_a_preposition_set_off_before_a_figure_places_it():
    found = claims("Chad had 20 million after Mali, with 32 million, and Niger, with 28 million.")
    assert [found.loc[f, "entity"] for f in ("20 million", "32 million", "28 million")] == ["TD", "ML", "NE"]


def test_a_list_item_takes_the_place_it_opens_with_not_the_nearest_it_names():
    assert claims("Chad hit back at Niger with 22 waves of raids.").loc["22", "entity"] == "TD"


NATIONALS = parse_config("""
[entities.TD]
name = "Chad"
forms = ["Chad", "Chadian"]
[entities.NE]
name = "Niger"
""")


@pytest.mark.parametrize("sentence, figure, entity", [
    ("The minister said on Sunday that Chad hit back at Niger with 22 waves of raids.", "22", "TD"),
    # a place the counted noun names is the figure's own, whoever acted
    ("The minister said on Sunday that Niger killed 40 Chadian villagers.", "40", "TD"),
])
def test_the_place_that_holds_a_figure_places_it_unless_its_noun_names_one(sentence, figure, entity):
    assert claims(sentence, NATIONALS).loc[figure, "entity"] == entity


def test_a_sentence_whose_places_only_qualify_other_nouns_hands_on_the_place_its_figures_took():
    found = claims("Niger reported 40 deaths. Another 532 people injured during Mali's offensive were treated. "
                   "A further 12 died on Friday.")
    assert found.loc["12", "entity"] == "NE"


def test_at_one_distance_the_longer_predicate_is_the_more_specific_metric():
    config = parse_config("""
[metrics.displaced]
words = ["people"]
predicates = ["displaced"]
[metrics."displaced.internal"]
words = ["people"]
predicates = ["displaced within"]
part_of = "displaced"
""")
    assert claims("About 5.3 million people have been displaced within the country.", config).loc[
        "5.3 million", "metric"] == "displaced.internal"
    assert claims("About 5.3 million people have been displaced.", config).loc["5.3 million", "metric"] == "displaced"


def test_a_figure_without_a_noun_takes_no_word_from_past_the_next_figure():
    found = claims("The ministry said that 224 have been killed and 1,277 others have been wounded.", CASUALTIES)
    assert (found.loc["224", "metric"], found.loc["1,277", "metric"]) == ("killed", "injured")


def test_figures_joined_by_and_share_the_noun_after_the_second():
    found = claims("The two rivals secured 40,971,906 and 27,040,878 valid votes.", parse_config("""
[metrics.votes]
words = ["valid votes"]
"""))
    assert found.loc["40,971,906", "metric"] == found.loc["27,040,878", "metric"] == "votes"


def test_a_word_a_verb_rules_out_leaves_the_verb_of_the_clause_to_name_the_metric():
    config = parse_config("""
[metrics.killed]
words = ["deaths"]
predicates = ["killed"]
excluded_predicates = ["wounded"]
[metrics."killed.identified"]
words = ["killed"]
predicates = ["identified"]
subset_of = "killed"
""")
    found = claims("The ministry said on Monday that 224 have been killed, and 1,277 others wounded.", config)
    assert found.loc["224", "metric"] == "killed"


def test_a_share_of_a_counted_set_has_the_sets_scope():
    config = parse_config("""
[metrics.cases]
words = ["cases"]
scope = "cumulative"
[metrics.beds]
words = ["beds"]
scope = "snapshot"
""")
    found = claims("Children account for 63% of cases, and 40% of beds.", config)
    assert (found.loc["63%", "scope"], found.loc["40%", "scope"]) == ("cumulative", "snapshot")


def test_the_holders_part_of_a_measure_whose_words_end_in_the_figures_noun():
    config = parse_config(PARTIES_TOML + """
[metrics.votes_cast]
words = ["votes", "ballots"]
[metrics.votes]
words = ["valid votes"]
[metrics."votes.blue"]
words = ["Blue Party", "BP"]
part_of = "votes"
""")
    assert claims("The Blue Party has obtained only around 6,444,202 votes.", config).loc[
        "6,444,202", "metric"] == "votes.blue"
    assert claims("Officials said 16,444,202 votes were cast.", config).loc["16,444,202", "metric"] == "votes_cast"


def test_a_part_equally_supported_is_chosen_over_the_metric_it_belongs_to():
    config = parse_config("""
[metrics.targeted]
words = ["people"]
predicates = ["targets"]
[metrics."targeted.plan"]
words = ["people"]
predicates = ["targets"]
part_of = "targeted"
[metrics.reached]
words = ["people"]
predicates = ["reached"]
""")
    found = claims("The plan targets 8.5 million people, and aid reached 2 million people.", config)
    assert (found.loc["8.5 million", "metric"], found.loc["2 million", "metric"]) == ("targeted.plan", "reached")


def test_a_list_item_that_is_a_place_names_where_not_what():
    config = parse_config("""
[entities.TD]
name = "Chad"
[entities.NE]
name = "Niger"
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
[metrics.share_pct]
kind = "percent"
words = ["share"]
""")
    found = claims("Chad had the lowest turnout at 56.19%, followed by Niger at 56.92%.", config)
    assert (found.loc["56.92%", "metric"], found.loc["56.92%", "entity"]) == ("turnout_pct", "NE")


def test_a_value_set_right_under_its_label_counts_what_the_label_names():
    config = parse_config("""
[metrics.statutory]
kind = "money"
words = ["statutory transfers"]
[metrics.debt]
kind = "money"
words = ["debt service"]
""")
    text = "The budget is as follows:\n\nStatutory Transfers\n1.7 Trillion Naira\nDebt Service\n8.2 Trillion Naira\n"
    found = claims(text, config)
    assert (found.loc["1.7 Trillion", "metric"], found.loc["8.2 Trillion", "metric"]) == ("statutory", "debt")


def test_a_place_set_aside_by_apart_from_neither_places_nor_hands_on():
    found = claims("Apart from Lac, Kanem also reported a turnout of 81%. The province has 14 seats.", PROVINCES)
    assert (found.loc["81%", "entity"], found.loc["14", "entity"]) == ("TD-KA", "TD-KA")


def test_a_share_written_only_in_words_is_no_claim_but_one_in_digits_is():
    found = claims("Over half of the population, 25 million people, face hunger; one in three fled. "
                   "Some 30% of them, 2 in 5 families, are children.")
    assert sorted(found.index) == ["2 in 5", "25 million", "30%"]


BUDGET = parse_config("""
[metrics.budget]
kind = "money"
words = ["budget"]
[metrics."budget.capital"]
kind = "money"
words = ["capital expenditure"]
part_of = "budget"
[metrics."budget.debt_service"]
kind = "money"
words = ["debt service"]
part_of = "budget"
[metrics."budget.recurrent"]
kind = "money"
words = ["recurrent expenditure"]
part_of = "budget"
[metrics.health]
kind = "money"
words = ["health"]
""")


def test_the_phrase_after_a_nounless_amount_says_which_part_it_is():
    text = "The budget passed has $1.7 billion as capital expenditure, and $8.7 billion as recurrent expenditure."
    found = claims(text, BUDGET)
    assert (found.loc["1.7 billion", "metric"], found.loc["8.7 billion", "metric"]) == ("budget.capital",
                                                                                         "budget.recurrent")
    # a noun before the figure says what it is, whatever it is for
    before = claims("The council set aside $4.9 billion of the total budget of $21.8 billion for capital expenditure.",
                    BUDGET)
    assert before.loc["21.8 billion", "metric"] == "budget"


PARTY_VOTES = parse_config("""
[metrics.votes_cast]
words = ["votes", "ballots"]
[metrics.votes]
words = ["valid votes"]
[metrics."votes.red"]
words = ["Red Party", "RP"]
part_of = "votes"
[metrics."votes.blue"]
words = ["Blue Union", "BU"]
part_of = "votes"
""")


def test_a_figure_of_an_owner_the_vocabulary_does_not_list_is_its_own_part_not_the_whole():
    text = "Red Party (RP): 41.2% (6,459,683 votes)\n\nGreen League (GL): 3.9% (545,754 votes)\n"
    found = claims(text, PARTY_VOTES)
    assert found.loc["6,459,683", "metric"] == "votes.red"  # a listed label names its part
    assert found.loc["545,754", "metric"] == "auto:votes.green-league-gl"
    dashed = claims("Results\nRed Party - 6,459,683 votes\nBlue Union - 3,506,866 votes\n", PARTY_VOTES)
    assert list(dashed["metric"]) == ["votes.red", "votes.blue"]
    assert claims("The Green League won 545,754 votes.", PARTY_VOTES).loc["545,754", "metric"] == \
        "auto:votes.green-league"
    # no owner's name: the district, the new kid and a plain count keep the configured metric
    for text in ("The district recorded 545,754 votes.", "New kid on the block, it won 545,754 votes.",
                 "Officials counted 545,754 votes."):
        assert claims(text, PARTY_VOTES).loc["545,754", "metric"] == "votes_cast", text


def test_the_level_a_total_is_brought_to_is_a_running_total_even_after_new_figures():
    config = parse_config("""
[metrics.cases]
words = ["cases"]
scope = "cumulative"
[metrics.new_cases]
words = ["new cases"]
scope = "event"
""")
    text = "The ministry reported 138 new cases on Tuesday, bringing the total to 30,880 cases."
    found = claims(text, config)
    assert (found.loc["138", "metric"], found.loc["138", "scope"]) == ("new_cases", "event")
    assert (found.loc["30,880", "metric"], found.loc["30,880", "scope"]) == ("cases", "cumulative")


@pytest.mark.parametrize("text, figure", [
    ("The ministry reported 221 new cases and two deaths, bringing the total to 43,490 cases and 1,187 deaths.",
     "1,187"),
    ("The ministry reported 138 new cases, bringing the total to 30,880 cases, including 887 deaths.", "887"),
])
def test_what_the_total_is_brought_to_with_its_coordinated_figures_and_parts_is_a_running_total(text, figure):
    config = parse_config("""
[metrics.deaths]
words = ["deaths"]
scope = "cumulative"
[metrics.new_deaths]
words = ["deaths", "new deaths"]
scope = "event"
""")
    found = claims(text, config)
    assert (found.loc[figure, "metric"], found.loc[figure, "scope"]) == ("deaths", "cumulative")


def test_a_bare_container_refers_across_a_paragraph_break_to_the_measure_the_document_is_about():
    config = parse_config("""
[metrics.applications]
words = ["people"]
predicates = ["applied for asylum"]
[metrics.crossings]
words = ["people"]
predicates = ["crossed the sea"]
""")
    text = ("Officials said 300 people crossed the sea on Monday.\n\n"
            "Many more people arrived during the summer.\n\nThe figure now stands at 20,973.\n")
    assert claims(text, config).loc["20,973", "metric"] == "crossings"


DISTRICTS = parse_config("""
[metrics.cases]
words = ["cases"]
[metrics.districts_affected]
words = ["districts"]
predicates = ["affected", "reported"]
""")


@pytest.mark.parametrize("sentence", [
    "Cases were reported in 25 of the 30 districts.",
    "Officials reported new cases in 9 of the country's 16 districts this week.",
])
def test_the_places_a_part_is_counted_among_are_not_the_places_the_measure_reached(sentence):
    found = claims(sentence, DISTRICTS).reset_index()
    part, whole = found.iloc[0], found.iloc[1]
    assert part["metric"] == "districts_affected" and part["part_of"] == whole["claim_id"]
    assert whole["metric"] == "auto:district"
    assert whole["scope"] == "snapshot"  # how many districts there are is a state


def test_a_whole_of_another_measure_keeps_its_metric():
    found = claims("Some 3,100 of the 12,000 cases were confirmed.", DISTRICTS)
    assert found.loc["12,000", "metric"] == "cases"


def test_a_change_by_a_total_of_is_a_change_its_word_names():
    config = parse_config("""
[metrics.budget]
kind = "money"
words = ["budget"]
[metrics.budget_increase]
kind = "money"
words = ["increased"]
""")
    for sentence in ("The Senate increased the budget by a total of $1.2 billion.",
                     "The Senate increased the budget by $1.2 billion."):
        assert claims(sentence, config).loc["1.2 billion", "metric"] == "budget_increase"
    assert claims("A total of $1.2 billion was added to the budget.", config).loc["1.2 billion", "metric"] == "budget"


@pytest.mark.parametrize("sentence, figure, dated", [
    ("The total is lower than at this time last year, when 25,000 people had crossed.", "25,000", True),
    ("At this point in 2022, 9,296 people had crossed.", "9,296", True),
    ("At the equivalent point last year, 4,200 people had crossed.", "4,200", True),
    ("This is 12% higher than the 26,501 recorded this time last year.", "26,501", True),
    ("This is 12% higher than the 26,501 recorded this time last year.", "12%", False),
    ("Arrivals are 15 per cent below the same point last year.", "15 per cent", False),
    ("A total of 1,335 people crossed, a 13 per cent increase over the same period last year.", "13 per cent",
     False),
    ("At this point in 2022, 9,296 people had crossed, almost 2,000 more than now.", "2,000", False),
])
def test_the_same_point_of_another_year_dates_its_own_figure_only(sentence, figure, dated):
    point = "2022-05-10" if "2022" in sentence else "2023-05-10"  # the publication day, in that year
    assert (claims(sentence).loc[figure, "period_end"] == point) == dated


@given(st.integers(min_value=2000, max_value=2023), st.integers(min_value=100, max_value=99_999))
def test_the_same_point_in_a_named_year_is_the_data_day_in_that_year(year, count):
    found = claims(f"At this point in {year}, {count:,} people had crossed.")
    assert found.loc[f"{count:,}", "period_end"] == f"{year}-05-10"


def test_a_longer_name_of_another_kinds_metric_still_names_the_shorter_ones():
    config = parse_config("""
[metrics.votes]
words = ["votes"]
[metrics."votes.lee"]
words = ["Lee"]
part_of = "votes"
[metrics."vote_pct.lee"]
kind = "percent"
words = ["Lee", "Lee Min-ho"]
""")
    found = claims("Lee Min-ho received nearly 41 million votes, or 24.9 percent of the total.", config)
    assert found.loc["41 million", "metric"] == "votes.lee"
    assert found.loc["24.9 percent", "metric"] == "vote_pct.lee"


@pytest.mark.parametrize("text, metric", [
    ("The Blue Party gained ground. The party had won 52 seats.", "seats.blue"),
    ("The Green League (GL) was unlucky, the party won 52 seats.", "seats.green"),
    ("The Blue Party came back after losing to the Green League. The party, written off, won 52 seats.",
     "seats.blue"),
    ("The party won 52 seats.", "seats"),
    # so does a pronoun its own sentence does not resolve
    ("The Green League shocked the nation in the elections. It has obtained 52 seats.", "seats.green"),
    ("The Blue Party came first. With 40% of votes, it now has 52 seats.", "seats.blue"),
    ("It won 52 seats.", "seats"),
])
def test_the_party_stands_for_the_owner_its_sentence_or_the_one_before_named_first(text, metric):
    assert claims(text, PARTIES).loc["52", "metric"] == metric


@pytest.mark.parametrize("sentence, figure, metric", [
    ("Reports say the total debt service of $8.3 billion was approved.", "8.3 billion", "budget.debt_service"),
    ("The sum of $8.7 billion is for recurrent expenditure.", "8.7 billion", "budget.recurrent"),
    # a modifier before the metric word names a narrower measure: the health budget is not the budget
    ("The country's health budget has surged to $3.5 billion.", "3.5 billion", "health"),
    ("The country's budget has surged to $3.5 billion.", "3.5 billion", "budget"),
])
def test_a_noun_with_words_before_its_metric_word_or_a_bare_sum_still_names_the_metric(sentence, figure, metric):
    assert claims(sentence, BUDGET).loc[figure, "metric"] == metric


def test_a_list_item_s_label_names_whose_figure_follows_it():
    found = claims("The seats went as follows:\n- Blue Party – 159 seats\n- GL- 87 seats\n", PARTIES)
    assert found.loc["159", "metric"] == "seats.blue"
    assert found.loc["87", "metric"] == "seats.green"


def test_a_labelled_lines_figure_takes_no_metric_from_the_next_lines_label():
    found = claims("Results by party\nBlue Party - 40.1%\nRed Front - 7.9%\nGreen League - 21.3%\n", PARTIES)
    assert found.loc["40.1%", "metric"] == "vote_pct.blue"
    assert found.loc["21.3%", "metric"] == "vote_pct.green"
    assert found.loc["7.9%", "metric"] not in ("vote_pct.blue", "vote_pct.green")


PLANS = parse_config("""
[metrics.requirements]
kind = "money"
words = ["appeal", "requirements"]
predicates = ["seeks", "appealed for"]
[metrics."requirements.plan"]
kind = "money"
words = ["Response Plan"]
part_of = "requirements"
[metrics."requirements.refugees"]
kind = "money"
words = ["Refugee Plan"]
part_of = "requirements"
""")


@pytest.mark.parametrize("sentence, figure, metric", [
    ("The agency's appeal is $2.7 billion for the Response Plan.", "2.7 billion", "requirements.plan"),
    ("The appeal is $2.7 billion this year under the Response Plan.", "2.7 billion", "requirements.plan"),
    # both parts, a part joined or included, or named by another figure, another clause or as a possessive
    ("The agency's appeal is $4.1 billion for the Response Plan and the Refugee Plan.", "4.1 billion", "requirements"),
    ("The agency's appeal is $4.1 billion for the appeal and the Refugee Plan.", "4.1 billion", "requirements"),
    ("The agency's appeal is $4.1 billion, including the Refugee Plan.", "4.1 billion", "requirements"),
    ("The agency's appeal is $4.1 billion, with $1.4 billion for the Refugee Plan.", "4.1 billion", "requirements"),
    ("The agency's appeal is $4.1 billion, while the Refugee Plan is underfunded.", "4.1 billion", "requirements"),
    ("The agency's appeal is $4.1 billion for the Refugee Plan's partners.", "4.1 billion", "requirements"),
])
def test_a_part_its_clause_alone_names_narrows_the_measure(sentence, figure, metric):
    assert claims(sentence, PLANS).loc[figure, "metric"] == metric


def test_a_ruling_out_verb_inside_the_wholes_phrase_does_not_rule_out_a_part_with_predicates_of_its_own():
    config = parse_config("""
[metrics.out_of_school]
words = ["children"]
predicates = ["not enrolled"]
excluded_predicates = ["enrolled in"]
[metrics."out_of_school.young"]
words = ["children aged 5 to 9"]
predicates = ["primary level"]
part_of = "out_of_school"
[metrics."out_of_school.young.boys"]
words = ["boys"]
part_of = "out_of_school.young"
""")
    found = claims("The survey found 10 million children aged 5 to 9 are not enrolled in school, including "
                   "4 million boys.", config)
    assert found.loc["10 million", "metric"] == "out_of_school.young"
    assert found.loc["4 million", "metric"] == "out_of_school.young.boys"


@pytest.mark.parametrize("sentence, figure, start, end", [
    # a date right after the figure is its own, before a range or running total of the sentence
    ("Requirements for January - December 2024 are 1.8 million cases, up from 1.5 million cases in 2023.",
     "1.5 million", "2023", "2023"),
    ("Requirements for January - December 2024 are 1.8 million cases, up from 1.5 million cases in 2023.",
     "1.8 million", "2024-01", "2024-12"),
    # a date further on, in the clause of "since", starts the running total
    ("About 12,190 cases have been confirmed since the outbreak began in April.", "12,190", "2024-04", "2024-05-10"),
])
def test_a_date_right_after_the_figure_dates_it_before_the_sentences_stretch_of_time(sentence, figure, start, end):
    found = claims(sentence)
    assert (found.loc[figure, "period_start"], found.loc[figure, "period_end"]) == (start, end)


def test_a_noun_made_from_a_metrics_verb_counts_what_the_verb_does():
    config = parse_config("""
[metrics.arrivals]
words = ["migrants"]
predicates = ["crossed the Channel"]
[metrics.vaccination_target]
words = ["target population"]
""")
    assert claims("Channel crossings topped 10,000 this year.", config).loc["10,000", "metric"] == "arrivals"
    # a word's own noun is no verb of the metric: "population" is not what "target population" counts
    found = claims("The country has a population of 100 million.", config)
    assert found.loc["100 million", "metric"] != "vaccination_target"


@pytest.mark.parametrize("sentence, figure, scope", [
    ("The survey found 44% of children in the district without a school.", "44%", "snapshot"),
    ("Prices rose by 25% in a year.", "25%", "event"),
])
def test_a_share_nothing_else_scopes_is_a_state_and_a_change_in_percent_an_event(sentence, figure, scope):
    assert claims(sentence).loc[figure, "scope"] == scope


@pytest.mark.parametrize("sentence, figure, scope", [
    ("The busiest day came on 11 April, when 549 cases were confirmed.", "549", "event"),
    # a level on that day is the running total's
    ("It is the first update since 15 April, when there were 224 cases.", "224", "cumulative"),
])
def test_a_when_clause_after_a_day_counts_that_days_acts(sentence, figure, scope):
    assert claims(sentence).loc[figure, "scope"] == scope


@pytest.mark.parametrize("second", ["An audit put it at 2.2 million.", "An audit puts the new figure at 2.2 million."])
def test_a_pronoun_or_container_the_verb_sets_at_a_figure_stands_for_the_quantity_named_before(second):
    found = claims("The number of registered voters fell this year. The commission said it had decreased from "
                   "2.4 million to 2.1 million. " + second)
    assert list(found["metric"]) == ["voters"] * 3


def test_a_level_the_verb_moves_its_object_from_is_no_change():
    read = reading("Parliament passed the appropriation bill, increasing the sum to $28.7 billion from the initial "
                   "$27.5 billion presented by the president.")["27.5 billion"]
    assert (read.noun, read.change) == ("sum", (-1, -1))


def test_a_window_after_the_participle_describing_a_figure_makes_it_one_reports():
    config = parse_config("""
[metrics.cases]
words = ["cases", "hospitalisations"]
predicates = ["hospitalised"]
scope = "cumulative"
[metrics.new_cases]
words = ["new cases", "new hospitalisations"]
scope = "event"
""")
    found = claims("Measles: 2 dead, 615 hospitalised in 24 hours", config)
    assert (found.loc["615", "metric"], found.loc["615", "scope"]) == ("new_cases", "event")


GROUPS_CONFIG = """
[metrics.killed]
words = ["deaths", "dead"]
predicates = ["killed", "died"]
scope = "cumulative"
[metrics.out_of_school]
words = ["out-of-school children", "children out of school"]
scope = "snapshot"
"""


@pytest.mark.parametrize("sentence, figure", [
    ("The union said at least 97 civilians have been killed since Saturday.", "97"),
    ("Monitors recorded 1,545 civilian deaths in the region.", "1,545"),
])
def test_a_group_of_people_the_metric_has_no_word_for_is_an_unlisted_part_of_it(sentence, figure):
    found = claims(sentence, parse_config(GROUPS_CONFIG)).loc[figure]
    assert found["metric"].startswith("auto:killed.") and found["scope"] == "cumulative"


def test_a_group_the_metric_or_a_declared_part_names_keeps_the_configured_metric():
    config = parse_config(GROUPS_CONFIG + """
[metrics."killed.children"]
words = ["children"]
part_of = "killed"
""")
    assert claims("At least 38 children have been killed since Saturday.", config).loc["38", "metric"] == "killed.children"
    found = claims("There are 10.2 million out-of-school children in the country.", config)
    assert found.loc["10.2 million", "metric"] == "out_of_school"


def test_a_document_naming_no_place_is_about_the_country_whose_currency_most_of_its_sums_are_in():
    config = parse_config("""
[currencies]
NGN = ["naira"]
""")
    found = claims("The assembly passed a budget of 28.7 trillion naira, up from 27.5 trillion naira. It assumes an "
                   "oil price of US$77.96 per barrel and growth of 3.88 percent.", config)
    assert set(found["entity"]) == {"NG"}


@pytest.mark.parametrize("text, figure, entity", [
    ("In the Northern Cape, 615 voting districts have declared their results.", "615", "ZA-NC"),
    ("Counting is done in the Northern Cape. All 730 voting districts in the province completed their counting.",
     "730", "ZA-NC"),
    # the places named are of the kind counted: the country's provinces
    ("Two provinces counted fastest: the Northern Cape and Limpopo.", "Two", "ZA"),
])
def test_places_counted_inside_a_named_place_are_its_own_and_places_of_its_kind_the_countrys(text, figure, entity):
    config = parse_config("""
[places]
subdivisions = ["ZA"]
""")
    assert claims(text, config).loc[figure, "entity"] == entity


@pytest.mark.parametrize("sentence, figure, cumulative", [
    ("In the fighting, seven hospitals have been damaged and nine ambulances destroyed.", "seven", True),
    ("The toll of the fighting has risen to 1,062.", "1,062", True),
    ("Seven hospitals were damaged in the fighting on Monday.", "Seven", False),
    ("Seven hospitals are closed.", "Seven", False),
])
def test_a_count_nothing_else_scopes_whose_verb_is_in_the_perfect_is_a_running_total(sentence, figure, cumulative):
    assert (claims(sentence).loc[figure, "scope"] == "cumulative") is cumulative


def test_the_day_and_act_a_coordinated_clause_states_after_a_figure_are_the_figures_too():
    config = parse_config(GROUPS_CONFIG)
    found = claims("The service said five people were killed and 92 wounded on Monday in the latest strikes.", config)
    assert (found.loc["five", "metric"], found.loc["five", "scope"]) == ("killed", "event")
    # a running total stays one where its own clause says so
    found = claims("Since the war began 212 people have been killed, and 40 were wounded on Monday.", config)
    assert found.loc["212", "scope"] == "cumulative"


@pytest.mark.parametrize("sentence, figure, scope", [
    # a participle telling what the act did shares the act's day, place and cues
    ("A rocket hit a market in Eastland on Sunday, killing six people.", "six", "event"),
    ("A rocket hit a market in Eastland on Sunday, wounding 23 people and damaging homes.", "23", "event"),
    # one bringing a running count to a level does not
    ("Three more people died on Sunday, taking the number of deaths to 640.", "640", "cumulative"),
])
def test_a_participle_telling_what_an_act_did_is_dated_and_placed_by_the_act(sentence, figure, scope):
    config = parse_config(GROUPS_CONFIG + """
[metrics.injured]
words = ["injured"]
predicates = ["wounded", "injured"]
scope = "cumulative"
[entities.EL]
forms = ["Eastland"]
""")
    found = claims(sentence, config).loc[figure]
    assert found["scope"] == scope
    if scope == "event":
        assert (found["entity"], found["period_end"]) == ("EL", "2024-05-05")


@pytest.mark.parametrize("sentence, figure, period_end", [
    ("Arrivals are 7% above this time last year (18,512).", "18,512", "2023-05-10"),
    ("Sales are 9% lower than at the same point in 2021 (3,105).", "3,105", "2021-05-10"),
    ("That is more than in the whole of 2021 (201,433).", "201,433", "2021"),
    ("The rise in April is the lowest since January 2021 (2.9%).", "2.9%", "2021-01"),
    # a bracket restating the figure before it stands where that figure does
    ("More than 2,000 have crossed since the vote was called on March 3 (2,377).", "2,377", "2024-05-10"),
])
def test_a_bracketed_figure_right_after_a_time_stands_at_that_time(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


OUT_OF_SCHOOL = """
[metrics.out_of_school]
words = ["out-of-school children", "children out of school"]
scope = "snapshot"
[metrics.teachers]
words = ["teachers"]
"""


@pytest.mark.parametrize("sentence, figure", [
    ("The states with the most include Eastshire (48,210) and Westshire (31,904).", "48,210"),
    ("The total was lower in 2015 (412) and 2016 (1,207).", "412"),
])
def test_a_figure_whose_only_word_names_no_measure_counts_what_its_document_counts(sentence, figure):
    config = parse_config(OUT_OF_SCHOOL)
    text = ("There are 10.2 million out-of-school children, up from 9.8 million out-of-school children, and "
            "1.1 million teachers.\n\n" + sentence)
    assert claims(text, config).loc[figure, "metric"] == "out_of_school"
    # with nothing counted before it, it names no configured measure
    assert claims(sentence, config).loc[figure, "metric"] not in config.metrics


@pytest.mark.parametrize("sentence, figure, scope", [
    ("The barrage hit the port at dawn, and at least five people were killed, officials said.", "five", "event"),
    ("After the attack on the port, officials said at least five people had been killed.", "five", "event"),
    # a running total the sentence states stays one
    ("Since the war began, 224 people have been killed, the ministry said after the attack.", "224", "cumulative"),
    ("Officials said 224 people have been killed in strikes on the city.", "224", "cumulative"),
])
def test_a_running_measure_counted_in_a_sentence_about_one_act_is_that_acts(sentence, figure, scope):
    assert claims(sentence, parse_config(GROUPS_CONFIG)).loc[figure, "scope"] == scope


@pytest.mark.parametrize("sentence", [
    "With 63% of the districts reported, the Blue Party continues to lead the race.",
    "Without 30% of the districts reported, the Blue Party cannot claim the province.",
])
def test_a_clause_opened_by_with_before_the_main_one_keeps_its_figure_apart(sentence):
    figure = "63%" if "63%" in sentence else "30%"
    assert claims(sentence, PARTIES).loc[figure, "metric"] != "vote_pct.blue"
    # the main clause's own figure is still the party's
    found = claims("With 63% of the districts reported, the Blue Party has 41% of the vote.", PARTIES)
    assert found.loc["41%", "metric"] == "vote_pct.blue"


def test_the_name_right_before_a_figures_bracket_holds_it():
    found = claims("The Red Union leads with 3,105,220 votes (40.3%), followed by the Blue Party (1,902,416 "
                   "votes for 24.7%) with the Green League in third (874,150 votes at 11.6%).", PARTIES)
    assert (found.loc["24.7%", "metric"], found.loc["11.6%", "metric"]) == ("vote_pct.blue", "vote_pct.green")
    found = claims("Cases rose most in Chad (12 cases), Niger (9) and Mali (7).")
    assert [found.loc[v, "entity"] for v in ("12", "9", "7")] == ["TD", "NE", "ML"]


@pytest.mark.parametrize("sentence, figure, shares", [
    ("A rocket hit a market in March, killing six people.", "six", True),
    ("Spending rose to $8 billion in March, representing 12% of output.", "12%", False),
    ("Three died in March, bringing the number of deaths to 640.", "640", False),
])
def test_only_a_participle_telling_what_an_act_did_shares_the_acts_clause(sentence, figure, shares):
    own = reading(sentence)[figure].clauses[0]
    assert any(s <= sentence.index("March") < e for s, e in own) is shares


@pytest.mark.parametrize("sentence, scope", [
    ("More than 800 people crossed in small boats on Saturday, the highest number on a single day so far this year.",
     "event"),
    ("More than 20,000 people have crossed in small boats so far this year.", "cumulative"),
])
def test_a_running_totals_words_dating_a_record_do_not_make_the_figure_one(sentence, scope):
    config = parse_config("""
[metrics.arrivals]
words = ["people"]
predicates = ["crossed"]
scope = "cumulative"
""")
    figure = scan(sentence)[0].text
    assert claims(sentence, config).loc[figure, "scope"] == scope


@pytest.mark.parametrize("sentence, figure, rate", [
    ("Some 444 people crossed in eight boats, an average of around 56 people per vessel.", "56", True),
    ("The boats carried 872 people in 15 vessels, about 58 people in each one.", "58", True),
    # a noun the same measure has a word for
    ("Some 444 people crossed in eight boats, an average of around 56 migrants per vessel.", "56", True),
    # a rate in time is another measure
    ("Arrivals averaged 131 people per day last month.", "131", False),
])
def test_a_rate_of_the_noun_of_the_one_configured_rate_is_that_rate_per_whatever_it_is_written(sentence, figure, rate):
    config = parse_config("""
[metrics.arrivals]
words = ["people", "migrants"]
[metrics.people_per_boat]
words = ["people per boat"]
""")
    assert (claims(sentence, config).loc[figure, "metric"] == "people_per_boat") is rate


def test_an_age_or_a_duration_nothing_names_is_the_workspaces_one_metric_of_its_kind():
    config = parse_config("""
[metrics.age_years]
kind = "age"
words = ["years old"]
[metrics.term]
kind = "duration"
words = ["term"]
[metrics.campaign]
kind = "duration"
words = ["campaign"]
""")
    found = claims("The 72-year-old former general won, and rivals have three days to appeal.", config)
    assert found.loc["72-year-old", "metric"] == "age_years"
    assert found.loc["three", "metric"] not in ("term", "campaign")  # two metrics of its kind: neither


@pytest.mark.parametrize("sentence", [
    "About 14.6 million people, about 40 per cent of the country’s population, will need support.",
    "About 14.6 million people, about 40 per cent of the country's population, will need support.",
])
def test_a_metrics_words_match_whatever_apostrophe_the_text_types(sentence):
    config = parse_config("""
[metrics.pin_share_pct]
kind = "percent"
words = ["per cent of the country's population"]
""")
    assert claims(sentence, config).loc["40 per cent", "metric"] == "pin_share_pct"


@given(st.lists(st.sampled_from(["country", "'s", "out", "-", "of", "school", "’", "‑"]), min_size=1, max_size=6))
def test_a_typographic_phrase_matches_every_spelling_of_its_apostrophes_and_hyphens_and_folds_to_one_key(parts):
    word = "".join(parts)
    pattern = re.compile(phrases([word], typographic=True))
    variants = {word, word.replace("'", "’"), word.replace("’", "'"), word.replace("-", "‑"), word.replace("‑", "-")}
    assert all(pattern.fullmatch(v) for v in variants)
    assert len({fold(v) for v in variants}) == 1


def test_a_count_whose_verb_is_in_the_progressive_is_a_state_at_a_time():
    config = parse_config("""
[metrics.cases]
words = ["cases", "patients"]
scope = "cumulative"
[metrics.inpatients]
words = ["hospitalised patients", "patients in hospital"]
scope = "snapshot"
""")
    found = claims("On Thursday morning, the hospitals were treating 4,069 patients, the ministry said.", config)
    assert (found.loc["4,069", "metric"], found.loc["4,069", "scope"]) == ("inpatients", "snapshot")
    assert claims("The hospitals have treated 4,069 patients so far.", config).loc["4,069", "metric"] == "cases"


def test_a_measure_of_a_state_stays_a_snapshot_on_the_day_it_is_stated():
    config = parse_config(GROUPS_CONFIG + """
[metrics.vote_share]
kind = "percent"
words = ["of the vote"]
scope = "snapshot"
""")
    found = claims("The party received 40.18 percent of the vote in Wednesday's election.", config)
    assert found.loc["40.18 percent", "scope"] == "snapshot"
    found = claims("Officials said 40 people were killed on Monday.", config)
    assert found.loc["40", "scope"] == "event"  # an act on a day is one event


def test_a_running_totals_cue_does_not_turn_a_measure_of_a_state_into_one():
    config = parse_config("""
[metrics.displaced]
words = ["people"]
predicates = ["fled their homes"]
scope = "snapshot"
[metrics.returned]
words = ["nationals"]
predicates = ["brought home"]
scope = "event"
""")
    found = claims("Some 843,130 people have fled their homes since April.", config)
    assert (found.loc["843,130", "metric"], found.loc["843,130", "scope"]) == ("displaced", "snapshot")
    found = claims("Since 2019 the programme has brought home 1,950 nationals.", config)
    assert found.loc["1,950", "scope"] == "cumulative"  # a flow counted since a date is a running total


def test_where_the_counted_came_from_gives_way_to_the_place_their_measure_declares():
    config = parse_config("""
[metrics.arrivals]
entity = "GB"
words = ["migrants", "people"]
predicates = ["crossed"]
""")
    found = claims("Some 616 people crossed the Channel from France on Monday.", config)
    assert found.loc["616", "entity"] == "GB"
    found = claims("Some 616 people crossed the Channel on Monday, and 40 were stopped in France.", config)
    assert found.loc["40", "entity"] == "FR"  # a place the figure stands in stays its own


def test_a_shares_own_clause_predicate_names_it_before_the_sentences_other_words():
    config = parse_config("""
[metrics.counted_pct]
kind = "percent"
words = ["of ballots"]
predicates = ["counted"]
[metrics.ruling_party_pct]
kind = "percent"
words = ["ruling party"]
""")
    found = claims("With 97% of the national vote counted, the ruling party remains ahead.", config)
    assert found.loc["97%", "metric"] == "counted_pct"


def test_a_share_metrics_word_opening_with_a_percent_unit_is_met_after_a_figure_carrying_the_unit():
    config = parse_config("""
[metrics.pin_share_pct]
kind = "percent"
words = ["per cent of the country's population"]
[metrics.funding_pct]
kind = "percent"
words = ["per cent funded"]
""")
    found = claims("More than 14.6 million people, about 40% of the country's population, need support.", config)
    assert found.loc["40%", "metric"] == "pin_share_pct"
    # a bare remainder ("funded") is no word of its own
    assert claims("About 12% of schools were closed.", config).loc["12%", "metric"] != "funding_pct"


def test_an_actor_is_never_where_the_figure_stands():
    config = parse_config(GROUPS_CONFIG)
    found = claims("Iran's health ministry gave new figures on Sunday.\n\nThe attacks by Israel since 13 June have "
                   "resulted in 104 deaths.", config)
    assert found.loc["104", "entity"] == "IR"


@pytest.mark.parametrize("second, entity", [
    ("The EFF is not far behind, with 9.4% of the votes nationally.", "ZA"),
    # a name's word is no such word
    ("The National Coloured Congress has 2.4% of the votes.", "ZA-LP"),
])
def test_a_clause_saying_nationally_makes_its_figure_the_whole_countrys(second, entity):
    config = parse_config("""
[places]
subdivisions = ["ZA"]
""")
    found = claims("Counting is slowest in Limpopo, at 11.1%. " + second, config)
    figure = scan(second)[0].text
    assert found.loc[figure, "entity"] == entity


def test_a_subdivisions_code_of_three_letters_is_a_form_of_it():
    config = parse_config("""
[entities."ZA-KZN"]
name = "KwaZulu-Natal"
[entities."ZA-NC"]
name = "Northern Cape"
""")
    found = claims("In KZN the MK party won 37 seats. NC counted 730 districts.", config)
    assert found.loc["37", "entity"] == "ZA-KZN"
    assert found.loc["730", "entity"] != "ZA-NC"  # two letters read as a word, not a code


@pytest.mark.parametrize("sentence, day", [
    ("Around 50 cases were confirmed in Chad this morning.", "2024-05-10"),
    ("Around 50 cases were confirmed in Chad last night.", "2024-05-09"),
])
def test_a_part_of_a_day_named_from_publication_dates_one_event(sentence, day):
    found = claims(sentence).iloc[0]  # the one figure
    assert (found["period_end"], found["scope"]) == (day, "event")


# Two parties' votes as parts of all votes cast, for the holder tests below.
BLUE_AND_GREEN_VOTES = parse_config(PARTIES_TOML + """
[metrics.votes_cast]
words = ["votes", "ballots"]
[metrics."votes.blue"]
words = ["Blue Party", "BP"]
part_of = "votes_cast"
[metrics."votes.green"]
words = ["Green League", "GL"]
part_of = "votes_cast"
""")

def test_a_passive_verbs_agent_holds_the_figure_it_has():
    config = BLUE_AND_GREEN_VOTES
    found = claims("The Green League (GL) remains in the lead with 612,000 votes (40.15%) followed by the Blue Party "
                   "(BP) with 444,202 votes (21.70%).", config)
    assert (found.loc["612,000", "metric"], found.loc["444,202", "metric"]) == ("votes.green", "votes.blue")
    found = claims("This was followed by the Blue Party with 24.8% - or 555,813 votes.", config)
    assert found.loc["555,813", "metric"] == "votes.blue"


def test_a_name_the_counted_noun_went_to_holds_the_figure():
    config = BLUE_AND_GREEN_VOTES
    found = claims("The winner had more than the 40.97 million votes cast for the Blue Party and the 27.04 million "
                   "votes cast for the Green League.", config)
    assert (found.loc["40.97 million", "metric"], found.loc["27.04 million", "metric"]) == ("votes.blue", "votes.green")


@pytest.mark.parametrize("join", [", which translates to", ", equivalent to", " - or"])
def test_a_figure_restating_the_one_before_shares_its_holder(join):
    config = BLUE_AND_GREEN_VOTES
    found = claims(f"Behind it is the Green League. The Blue Party is leading with 40.96% of the vote{join} 5,784,966 "
                   "votes, the Green League a little less.", config)
    assert found.loc["5,784,966", "metric"] == "votes.blue"


def test_a_share_of_what_a_count_metric_names_is_the_share_metric_with_its_word():
    config = parse_config("""
[metrics.out_of_school]
words = ["out-of-school children"]
[metrics.out_of_school_pct]
kind = "percent"
words = ["out-of-school rate"]
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
""")
    found = claims("Despite a decrease in the percentage of out-of-school children from 44% in 2016-17 to 39% in "
                   "2021-22, the number has surged.", config)
    assert (found.loc["44%", "metric"], found.loc["39%", "metric"]) == ("out_of_school_pct", "out_of_school_pct")


def test_a_regions_name_describing_one_country_places_nothing_in_the_region():
    config = parse_config("""
[metrics.inflation_pct]
kind = "percent"
words = ["inflation"]
""")
    found = claims("Argentina's prices keep rising. Monthly inflation in the South American country reached 25.5 "
                   "percent in December. Inflation in South America averaged 12 percent.", config)
    assert found.loc["25.5 percent", "entity"] == "AR"
    assert set(found.loc["12 percent", "entity"].split("+")) > {"AR", "BR", "CL"}  # the region itself


def test_a_condition_of_those_counted_makes_an_unlisted_part():
    config = parse_config("""
[metrics.injured]
words = ["injured", "injuries", "people"]
predicates = ["injured", "wounded"]
[metrics.hungry]
words = ["people"]
predicates = ["facing hunger", "facing severe hunger"]
""")
    found = claims("The MDA said 92 people were injured. Six others were in moderate condition, while 85 sustained "
                   "minor injuries and 41 with serious injuries were taken to hospital.", config)
    assert (found.loc["92", "metric"], found.loc["85", "metric"], found.loc["41", "metric"]) == (
        "injured", "auto:injured.minor", "auto:injured.serious")
    assert claims("Some 24 million people are facing severe hunger.", config).loc["24 million", "metric"] == "hungry"
    found = claims("So far, teams have evacuated 92 injured individuals to hospitals, including a woman in serious "
                   "condition, six in moderate condition, and 85 in mild condition.", config)
    assert (found.loc["92", "metric"], found.loc["six", "metric"], found.loc["85", "metric"]) == (
        "injured", "auto:injured.moderate", "auto:injured.minor")


def test_of_two_subjects_the_parse_gives_a_verb_the_name_holds_the_figure():
    found = claims("New kid on the block, Green League (GL), led by former president John Smith, overtook the Blue "
                   "Party by securing 58 seats, as opposed to the Blue Party's 39.", parse_config(PARTIES_TOML))
    assert found.loc["58", "metric"] == "seats.green"


def test_places_no_metric_names_count_places_not_what_their_owner_has():
    config = parse_config("""
[metrics.seats]
words = ["seats"]
[metrics."seats.blue"]
words = ["Blue Party", "BP"]
part_of = "seats"
[metrics.regions_won]
words = ["regions"]
""")
    assert claims("The Blue Party suffered crushing losses in three states.", config).loc["three", "metric"] == \
        "auto:state"
    assert claims("The Blue Party won in three regions.", config).loc["three", "metric"] == "regions_won"


@pytest.mark.parametrize("sentence, metric", [
    # what befell people named by a role is what is counted
    ("Ten more dengue patients died on Monday.", "deaths"),
    ("At least 493 patients have died this year.", "deaths"),
    # a level verb says how many, not what befell them; a reporting verb is not done by those counted
    ("The number of patients rose to 493.", "cases"),
    ("Hospitals recorded 493 patients.", "cases"),
    # people in no role: the noun's measure stands
    ("At least 493 cases have died this year.", "cases"),
])
def test_the_verb_of_people_named_by_a_role_says_what_is_counted(sentence, metric):
    config = parse_config("""
[metrics.cases]
words = ["cases", "patients"]
predicates = ["recorded", "hospitalised"]
scope = "cumulative"
[metrics.deaths]
words = ["deaths"]
predicates = ["died"]
scope = "cumulative"
""")
    assert claims(sentence, config)["metric"].tolist() == [metric]


@pytest.mark.parametrize("text, period", [
    # of two stretches the sentence dates its figures by, the next sentences speak of the later one
    ("The rate fell from 31% in 2016-17 to 27% in 2021-22. At primary level, 24% are out of school.",
     ("2021", "2022")),
    ("Cases rose from 310 in 2021-22 to 512 in 2016-17. At primary level, 36 were hospitalised.", ("2021", "2022")),
    # one stretch carries on as before
    ("Since January 2023, 1,200 cases were counted. Of them, 36 were hospitalised.", ("2023-01", "2024-05-10")),
])
def test_the_latest_stretch_a_sentence_dates_its_figures_by_carries_on(text, period):
    found = claims(text)
    last = found.iloc[-1]
    assert (last["period_start"], last["period_end"]) == period


@pytest.mark.parametrize("sentence, figure, period", [
    # the base of a comparison dates the base's own figure right after it
    ("This is an increase of 32.4 percent compared to 2019 with 3,104 applications.", "3,104", ("2019", "2019")),
    ("Cases rose to 5,100, higher than in 2019 (4,100).", "4,100", ("2019", "2019")),
])
def test_a_comparisons_base_dates_the_figure_right_after_it(sentence, figure, period):
    found = claims(sentence)
    assert (found.loc[figure, "period_start"], found.loc[figure, "period_end"]) == period


def test_a_figure_joined_after_a_comparisons_base_is_compared_too_not_the_base():
    found = claims("In September 27,889 applied, 49 percent more than in September 2022 and 161 more than in August.")
    assert found.loc["161", "period_end"] != "2022-09"


@given(st.integers(1990, 2023), st.integers(10, 10**6))  # years before publication (2024): a running one stands now
def test_the_base_year_of_a_comparison_dates_the_base_figure(year, count):
    found = claims(f"Applications rose by 20% compared to {year} with {count:,} applications.")
    assert tuple(found.loc[f"{count:,}", ["period_start", "period_end"]]) == (str(year), str(year))


def test_a_name_a_figure_is_joined_to_by_with_holds_it():
    config = parse_config("""
[metrics.seats]
words = ["seats"]
[metrics."seats.red"]
words = ["Red Party"]
part_of = "seats"
[metrics."seats.blue"]
words = ["Blue Party"]
part_of = "seats"
""")
    found = claims("The Red Party won 99 seats while Blue Party with 37 seats came third.", config)
    assert (found.loc["99", "metric"], found.loc["37", "metric"]) == ("seats.red", "seats.blue")



def test_a_figure_in_a_containers_phrase_belongs_to_the_subject_of_the_verb_it_hangs_on():
    # both measures have a part of the party: only the holder says whose votes these are
    config = parse_config("""
[metrics.votes_cast]
words = ["votes"]
[metrics."votes.blue"]
words = ["BP", "BP Party"]
part_of = "votes_cast"
[metrics.seats]
words = ["seats"]
[metrics."seats.blue"]
words = ["BP", "BP Party"]
part_of = "seats"
""")
    found = claims("The BP Party bagged wide support, with a total of 1,506,220 votes.", config)
    assert found.loc["1,506,220", "metric"] == "votes.blue"


@pytest.mark.parametrize("sentence, figure, expected", [
    # a record's time phrase dates the record, not the figure: the day stands
    ("Officials recorded 420 cases on Monday, the second highest daily total for 2023 to date.", "420",
     ("event", "2024-05-06")),
    ("On Monday 515 cases were recorded in 12 districts - a record day so far this year - with 43 in each.", "515",
     ("event", "2024-05-06")),
    # a record phrase takes only its own time words: "ever", not the date after it
    ("The highest number of cases ever was recorded in 2017, with a count of 62,810.", "62,810",
     ("cumulative", "2017")),
])
def test_a_records_time_phrase_is_not_the_figures(sentence, figure, expected):
    found = claims(sentence)
    assert (found.loc[figure, "scope"], found.loc[figure, "period_end"]) == expected


@pytest.mark.parametrize("sentence, figure, period_end", [
    # a clause a relative pronoun opens right after a date stands at that date
    ("The $5.2 billion deficit is lower than the $7.9 billion deficit recorded in 2019 which represents "
     "4.2 per cent of GDP.", "4.2 per cent", "2019"),
    ("The toll of 9,420 is 1,300 higher than the statistic released at the end of March, which stood at 8,120.",
     "8,120", "2024-03"),
])
def test_a_which_clause_right_after_a_date_stands_at_it(sentence, figure, period_end):
    assert claims(sentence).loc[figure, "period_end"] == period_end


@pytest.mark.parametrize("sentence", [
    "Over 2 million Chinese have been displaced since the war began.",
    "Over 10 million Malians have been displaced since the war began.",
])
def test_a_places_people_are_people_whom_the_verb_counts(sentence):
    # a demonym, plural or not, is too general to name a metric: the verb does
    config = parse_config("""
[entities.CN]
name = "China"
forms = ["China", "Chinese"]
[entities.ML]
name = "Mali"
forms = ["Mali", "Malians"]
[metrics.displaced]
words = ["displaced people"]
predicates = ["displaced"]
scope = "snapshot"
""")
    assert claims(sentence, config).iloc[0]["metric"] == "displaced"


def test_a_shares_participle_names_its_metric_before_the_sentences_other_words():
    config = parse_config("""
[metrics.counted_pct]
kind = "percent"
words = ["of the votes counted"]
predicates = ["counted"]
[metrics."vote_pct.blue"]
kind = "percent"
words = ["Blue Party"]
""")
    found = claims("A slower count, with 18% of votes counted, indicated a rout for the Blue Party.", config)
    assert found.loc["18%", "metric"] == "counted_pct"


DIRECTED = parse_config("""
[metrics.arrivals]
words = ["arrivals"]
scope = "cumulative"
[metrics.rise_pct]
kind = "percent"
words = ["%", "percent"]
predicates = ["rose", "increase"]
[metrics.fall_pct]
kind = "percent"
words = ["%", "percent"]
predicates = ["fell", "drop"]
""")


@pytest.mark.parametrize("sentence, figure, metric", [
    ("Arrivals were 17 percent lower than a year earlier.", "17 percent", "fall_pct"),
    ("Arrivals were down 23% on the year before.", "23%", "fall_pct"),
    ("The ministry cut arrivals by 33 percent last year.", "33 percent", "fall_pct"),
    ("Arrivals saw a jump of over 45 percent in May.", "45 percent", "rise_pct"),
    ("Arrivals were up 11% on the year before.", "11%", "rise_pct"),
    ("Most arrivals came from two countries (+70%, +9%).", "+70%", "rise_pct"),
    # no change stated: a share, which the unit alone does not make a rise or a fall
    ("65 percent of the arrivals came from three countries.", "65 percent", ""),
])
def test_a_change_takes_the_metric_going_its_way(sentence, figure, metric):
    assert claims(sentence, DIRECTED).loc[figure, "metric"] == metric


@given(st.integers(1, 99), st.sampled_from(["lower", "less", "down", "fell by", "a drop of"]),
       st.sampled_from(["rose by", "higher", "up", "an increase of", "more"]))
def test_direction_is_read_from_the_word_beside_the_figure(value, falling, rising):
    for word, expected in ((falling, "falling"), (rising, "rising")):
        after = word in ("lower", "less", "higher", "more")
        text = f"Arrivals were {value}% {word} than before." if after else f"Arrivals were {word} {value}% on May."
        figure = scan(text)[0]
        assert metrics.figure_direction(figure, text, "") == expected, text


@pytest.mark.parametrize("text", ["up to 20% of arrivals", "more than 20% of arrivals", "about 20% of arrivals"])
def test_a_qualifier_before_a_figure_states_no_change(text):
    assert metrics.figure_direction(scan(text)[0], text, "") == ""


PLACED_PARTIES = parse_config("""
[entities.KE]
name = "Kenya"
[entities.UG]
name = "Uganda"
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
[metrics."vote_pct.blue"]
kind = "percent"
entity = "KE"
words = ["Blue Party"]
[metrics."vote_pct.red"]
kind = "percent"
entity = "UG"
words = ["Red Party"]
""")


def test_figures_nothing_places_stand_in_the_one_country_the_placed_ones_are_in():
    found = claims("The Blue Party won 38.5%.\n\nTurnout was 61%.\n", PLACED_PARTIES)
    assert found.loc["38.5%", "entity"] == "KE"
    assert found.loc["61%", "entity"] == "KE"


def test_figures_placed_in_two_countries_leave_the_unplaced_ones_unplaced():
    found = claims("The Blue Party won 38.5%. The Red Party won 30.1%.\n\nTurnout was 61%.\n", PLACED_PARTIES)
    assert found.loc["61%", "entity"] == ""


CROSSINGS = parse_config("""
[entities.KE]
name = "Kenya"
[entities.TZ]
name = "Tanzania"
[metrics.arrivals]
words = ["arrivals"]
scope = "cumulative"
""")


def test_a_place_named_only_as_where_the_counted_came_from_does_not_place_the_report():
    text = ("Officials counted 500 arrivals this week.\n\n"
            "On Tuesday 40 people made the crossing from Tanzania in two boats.\n")
    assert claims(text, CROSSINGS).loc["500", "entity"] == ""


def test_where_the_counted_came_from_weighs_less_than_where_they_are():
    text = ("Officials counted 500 arrivals this week.\n\n"
            "On Tuesday 40 people made the crossing from Tanzania in two boats.\n\n"
            "Most stay in camps once the authorities of Kenya register them.\n")
    assert claims(text, CROSSINGS).loc["500", "entity"] == "KE"


@pytest.mark.parametrize("headline, figure", [("Fever: 9 die, 310 more hospitalised", "9"),
                                              ("16 dead, 1,120 hospitalised with fever", "16")])
def test_a_noun_counting_the_same_thing_as_a_metric_word_is_that_metrics(headline, figure):
    config = parse_config("""
[metrics.deaths]
words = ["deaths"]
[metrics.admissions]
words = ["admissions"]
predicates = ["hospitalised"]
""")
    assert claims(headline, config).loc[figure, "metric"] == "deaths"


SETS = parse_config("""
[metrics.deaths]
words = ["deaths"]
[metrics.cases]
words = ["patients", "cases"]
[metrics.districts_affected]
words = ["districts"]
[metrics.died]
words = ["fatalities"]
predicates = ["died"]
""")


def test_the_set_a_sentence_opens_with_names_what_its_bare_figures_count():
    found = claims("Among the new deaths, 13 were recorded in districts near the border.", SETS)
    assert found.loc["13", "metric"] == "deaths"


def test_people_named_by_a_role_in_the_set_are_counted_by_what_befell_them():
    assert claims("Of the patients, 8 died in hospital.", SETS).loc["8", "metric"] == "died"


@pytest.mark.parametrize("sentence, figure, scope", [
    ("The ministry said 140 people were injured after the overnight rocket attack.", "140", "event"),
    ("A single drone strike wounded 26 people, the army said.", "26", "event"),
    ("Since the war began, 1,650 people have been injured.", "1,650", "cumulative"),
    ("Air strikes over the past month have injured 900 people.", "900", "cumulative"),
])
def test_one_act_of_force_named_in_the_singular_is_an_event(sentence, figure, scope):
    config = parse_config("""
[metrics.injured]
words = ["injured", "people"]
predicates = ["injured", "wounded"]
scope = "cumulative"
""")
    assert claims(sentence, config).loc[figure, "scope"] == scope


@pytest.mark.parametrize("sentence, first, second", [
    ("The party won 410 and 365 seats in 2010 and 2005, respectively.", ("410", "2010"), ("365", "2005")),
    ("Cases had been reported at 1,250 and 3,400, respectively, in 2016 and 2017.",
     ("1,250", "2016"), ("3,400", "2017")),
])
def test_respectively_pairs_coordinated_figures_with_a_list_of_years(sentence, first, second):
    found = claims(sentence)
    for figure, year in (first, second):
        assert found.loc[figure, "period_end"] == year


def test_a_figure_read_across_a_sentence_end_keeps_its_provenance():
    from figcheck.claims.sources import provenance_faults

    text = "The plan was raised by $3. 4 billion and approved a week later."
    found = extract_source(text, SOURCE, CONFIG)
    row = found.set_index("text").loc["3. 4 billion"]
    assert provenance_faults(text, row["char_start"], row["char_end"], "3. 4 billion", row["quote"], 1) == []


RUNNING_CROSSINGS = parse_config("""
[metrics.arrivals]
words = ["people", "migrants"]
predicates = ["arrived", "crossed"]
scope = "event"
[metrics.boats]
words = ["boats"]
scope = "event"
""")


@pytest.mark.parametrize("text", [
    "A further 312 people came ashore in seven boats on Monday, taking the year's total to 9,876.",
    "Coastguards counted 312 people arriving in seven boats on Sunday. This takes the total for the year to 9,876.",
])
def test_a_running_total_adds_up_the_lead_count_not_the_last_noun(text):
    """A running total counts what the sentence's first count counts ("people"), not the means of the
    act named after it ("boats"), in its own sentence or the one before."""
    found = claims(text, RUNNING_CROSSINGS)
    assert found.loc["9,876", "metric"] == "arrivals"
    assert found.loc["seven", "metric"] == "boats"


def test_a_relative_pronoun_counts_what_its_noun_names():
    config = parse_config('[metrics.killed]\nwords = ["death toll", "killed"]\nscope = "cumulative"\n')
    found = claims("The new figure doubles the previous death toll, which stood at four.", config)
    assert found.loc["four", "metric"] == "killed"


TURNOUT_PLACES = parse_config("""
[entities.XE]
name = "Eastshire"
[entities.XW]
name = "Westshire"
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
""")


def test_a_list_of_places_values_what_the_document_last_measured():
    """Lines "Place: 64.3%" under a paragraph about turnout are each place's turnout; a labelled line whose
    label names no place keeps its own words."""
    found = claims("Turnout across the country was 61.2 percent, the commission said.\n\nEastshire: 64.3%\n\n"
                   "Westshire: 58.1%\n\nMargin of error: 2.5%\n", TURNOUT_PLACES)
    assert found.loc[["64.3%", "58.1%"], "metric"].tolist() == ["turnout_pct", "turnout_pct"]
    assert found.loc[["64.3%", "58.1%"], "entity"].tolist() == ["XE", "XW"]
    assert found.loc["2.5%", "metric"] != "turnout_pct"


@pytest.mark.parametrize("sentence, figure, scope", [
    ("The ministry counted 1,200 cases, with 10 provinces reporting outbreaks.", "10", "snapshot"),
    ("Officials recorded 812 cases in 14 districts last week.", "14", "snapshot"),
    # a perfect verb or a cue of a running total counts the places up
    ("The disease has spread to 54 districts, the ministry said of its 1,200 cases.", "54", "cumulative"),
    ("The outbreak, with 1,200 cases, touched 19 provinces to date.", "19", "cumulative"),
])
def test_how_many_places_a_count_touches_is_a_state_unless_counted_up(sentence, figure, scope):
    assert claims(sentence).loc[figure, "scope"] == scope


DAILY_AND_RUNNING = parse_config("""
[metrics.cases]
words = ["cases", "patients"]
predicates = ["hospitalised"]
scope = "cumulative"
[metrics.new_cases]
words = ["new cases", "new patients"]
scope = "event"
""")


def test_a_headline_total_the_body_states_as_one_reports_is_that_reports():
    """The headline leaves out "in 24 hours"; the body's new cases say what its 2,956 is. A headline
    figure the body gives as the running total stays one."""
    found = claims("Fever: 2,956 hospitalised\n\nAnother 2,956 new patients were admitted in 24 hours, the "
                   "ministry said, taking the total this year to 41,200 cases.\n", DAILY_AND_RUNNING)
    assert found.loc["2,956", ["metric", "scope"]].values.tolist() == [["new_cases", "event"]] * 2
    found = claims("Fever: 41,200 hospitalised\n\nAnother 2,956 new patients were admitted in 24 hours, the "
                   "ministry said, taking the total this year to 41,200 cases.\n", DAILY_AND_RUNNING)
    assert found.loc["41,200", "metric"].tolist() == ["cases", "cases"]


TURNOUT_AND_COUNT = parse_config("""
[entities.XE]
name = "Eastshire"
[entities.XW]
name = "Westshire"
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
[metrics.counted_pct]
kind = "percent"
words = ["of the votes counted"]
predicates = ["counted", "recorded"]
""")


@pytest.mark.parametrize("text, figure, metric", [
    # a place as the subject of a verb of stating gives its value of what the document last measured
    ("Turnout was 61.2 percent in the first phase. Eastshire recorded 64.3 percent and Westshire 58.1 percent.",
     "64.3 percent", "turnout_pct"),
    ("Turnout was 61.2 percent in the first phase. Westshire recorded 58.1 percent.", "58.1 percent", "turnout_pct"),
    # a participle describing the share still says what it is of
    ("Turnout was 61.2 percent. Eastshire had 97 percent of its votes recorded by noon.", "97 percent",
     "counted_pct"),
    # a subject that is no place is no place's value
    ("Turnout was 61.2 percent. The commission recorded 97 percent by noon.", "97 percent", "counted_pct"),
])
def test_a_verb_of_stating_with_a_place_as_subject_names_no_measure(text, figure, metric):
    assert claims(text, TURNOUT_AND_COUNT).loc[figure, "metric"] == metric


TURNOUT_AND_NORTH = parse_config("""
[entities.XE]
name = "Eastshire"
[entities.XW]
name = "Westshire"
[entities.XN]
name = "Northshire"
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
""")


def test_items_a_place_opens_after_a_gapped_verb_value_what_the_document_last_measured():
    """"A saw 57.8%, B 54.7%, and C 52.6%": the verb is left out of the later items, whose parse is
    unreliable; the place opening each item makes it that place's value of the turnout."""
    found = claims("Turnout reached 61.2 percent in the first phase. Eastshire saw 64.3%, Westshire 58.1%, "
                   "and Northshire 49.0%.", TURNOUT_AND_NORTH)
    assert found.loc[["64.3%", "58.1%", "49.0%"], "metric"].tolist() == ["turnout_pct"] * 3
    assert found.loc[["64.3%", "58.1%", "49.0%"], "entity"].tolist() == ["XE", "XW", "XN"]



@pytest.mark.parametrize("text, figure, entity", [
    ("Children out of school, by province:\n\nKANEM: 1,200\n\nLAC: 900", "1,200", "TD-KA"),
    ("Children out of school, by province:\n\nKANEM: 1,200\n\nLAC: 900", "900", "TD-LC"),
    ("300 NEW CASES REPORTED IN KANEM", "300", "TD-KA"),
    # a line of capitals without a figure is a page's label, not a place the text is about
    ("KANEM\n\nThe ministry counted 515 cases.", "515", "TD"),
    # outside a line of capitals a name is matched as written only
    ("The kanem survey counted 515 cases.", "515", "TD"),
])
def test_a_place_written_in_capitals_is_read_on_a_line_of_capitals_with_a_figure(text, figure, entity):
    assert claims(text, PROVINCES).loc[figure, "entity"] == entity


def test_a_line_labelled_by_a_place_in_capitals_values_what_the_document_last_measured():
    found = claims("The ministry counted 5,000 cases this year.\n\nKANEM: 1,200\n\nLAC: 900", PROVINCES)
    assert found.loc[["1,200", "900"], "metric"].tolist() == ["cases", "cases"]


def test_a_list_item_opened_by_a_place_values_what_the_document_last_measured():
    """"..., followed by Westshire at 58.1%": the item's place says where, the document's last measure of
    the kind says what."""
    found = claims("Turnout across the country was 61.2 percent.\n\nThe count put Eastshire first with 64.3 percent, "
                   "followed by Westshire at 58.1 percent.", TURNOUT_PLACES)
    assert found.loc["58.1 percent", "metric"] == "turnout_pct"


@pytest.mark.parametrize("text, entity", [
    ("Kanem reported 12 cases, the ministry of Chad said.\n\nAll 40 clinics in the province have closed.", "TD-KA"),
    # the noun written after the name says what the text calls the place
    ("Kanem district reported 12 cases, the ministry of Chad said.\n\nAll 40 clinics in the district have closed.",
     "TD-KA"),
    # "the province of" opens a name of its own, not a reference back
    ("Kanem reported 12 cases, the ministry of Chad said.\n\nAll 40 clinics in the province of Lac have closed.",
     "TD-LC"),
])
def test_the_province_refers_to_the_last_province_the_text_named(text, entity):
    assert claims(text, PROVINCES).loc["40", "entity"] == entity


def test_a_document_naming_only_undeclared_places_is_about_the_declared_country_of_its_currency():
    config = parse_config('[entities.KZ]\nname = "Kazakhstan"\n[entities.KG]\nname = "Kyrgyzstan"\n')
    text = ("The assembly approved a budget of 4.5 trillion tenge, of which 900 billion tenge for roads.\n\n"
            "A firm in Georgia won the contract.")
    assert set(claims(text, config)["entity"]) == {"KZ"}


@pytest.mark.parametrize("closing, entity", [
    ("Crossings fell by 20 percent.\n\nTalks with the Dutch resumed.", "GB"),
    # named by its name, the place is what the document is about
    ("Crossings fell by 20 percent.\n\nTalks with the Netherlands resumed.", "NL"),
])
def test_a_place_named_only_by_its_adjective_yields_to_the_place_the_measures_declare(closing, entity):
    config = parse_config('[metrics.arrivals]\nentity = "GB"\nwords = ["people"]\npredicates = ["crossed"]\n')
    found = claims(f"Some 500 people crossed the sea, officials said.\n\n{closing}", config)
    assert found.loc["20 percent", "entity"] == entity


@pytest.mark.parametrize("figure", ["3,000", "40 million"])
def test_a_place_that_acts_in_a_clause_describing_the_counted_places_nothing(figure):
    """"towns held by A": A acted; neither that figure nor the next sentence's stands there."""
    text = ("Mali needs aid, the agency said.\n\nSome 3,000 families shelter in towns held by Niger.\n"
            "The appeal seeks 40 million dollars.")
    assert claims(text).loc[figure, "entity"] == "ML"


MOVED = parse_config('[places]\nmovement = "origin"\n[entities.TD]\nname = "Chad"\n[entities.NE]\nname = "Niger"\n'
                     '[metrics.displaced]\nwords = ["people", "refugees"]\nscope = "snapshot"\n')


MOVED_DEFAULT = parse_config('[entities.TD]\nname = "Chad"\n[entities.NE]\nname = "Niger"\n')


@pytest.mark.parametrize("sentence, figure, by_default", [
    ("Some 4,000 people have fled to Niger since March.", "4,000", "NE"),
    ("More than 900 refugees crossed the border into Niger.", "900", "TD"),  # "into": where they went, always
    ("In Niger, 300 refugees arrive each day.", "300", "NE"),
])
def test_people_who_moved_stand_where_they_came_from_where_the_workspace_counts_them_so(sentence, figure, by_default):
    """Counted at their origin, people who fled stay the origin's; where they went is noted as a part."""
    text = f"Fighting in Chad goes on.\n\n{sentence}"
    found = claims(text, MOVED).loc[figure]
    assert (found["entity"], found["note"]) == ("TD", "part: Niger")
    assert claims(text, MOVED_DEFAULT).loc[figure, "entity"] == by_default


def test_where_people_went_is_not_handed_on_but_where_they_left_is_theirs():
    text = "Fighting in Niger goes on.\n\nSome 2,000 people have fled to Chad.\nAnother 700 people arrived on Monday."
    assert claims(text, MOVED).loc["700", "entity"] == "NE"
    assert claims(text, MOVED_DEFAULT).loc["700", "entity"] == "TD"
    # "fled their homes in A": the place they left
    found = claims("Fighting in Niger goes on.\n\nSome 3,000 people fled their homes in Chad.", MOVED).loc["3,000"]
    assert (found["entity"], found["note"]) == ("TD", "")


@pytest.mark.parametrize("opening, metric", [
    ("The ministry reported 40 new cases on Tuesday.", "new_cases"),  # one report's: its parts are too
    ("The ministry has counted 4,000 cases since March.", "cases"),
])
def test_the_figures_of_a_named_set_are_of_the_kind_of_its_figure_in_the_sentence_before(opening, metric):
    found = claims(f"{opening} Of the cases, 25 were in the north and 15 in the south.", SIBLINGS)
    assert (found.loc["25", "metric"], found.loc["15", "metric"]) == (metric, metric)


def test_a_weekday_in_a_source_dated_by_its_month_is_the_last_such_day_its_data_runs_to():
    source = {"source_id": "s1", "published": "2024-05", "period_start": "2024-01", "period_end": "2024-05-18"}
    found = claims("The ministry recorded 700 cases on Thursday.", CONFIG, source).loc["700"]
    assert (found["scope"], found["period_start"], found["period_end"]) == ("event", "2024-05-16", "2024-05-16")


@pytest.mark.parametrize("sentence, metric", [
    ("Officials confirmed 12 cases, while 40 people were admitted in the past 24 hours.", "new_cases"),
    # a time of its own, or a running total in the sentence, keeps the figure's
    ("Officials confirmed 12 cases this year, while 40 people were admitted in the past 24 hours.", "cases"),
    ("Officials have confirmed 12 cases so far, while 40 people were admitted in the past 24 hours.", "cases"),
])
def test_a_window_a_later_clause_of_the_sentence_states_is_the_timeless_figures_too(sentence, metric):
    assert claims(sentence, SIBLINGS).loc["12", "metric"] == metric


@pytest.mark.parametrize("middle", [
    "Niger's army shelled border towns overnight, and Niger's drones struck a market.",
    "Towns were shelled by Niger overnight, in attacks by Niger.",
])
def test_who_acted_is_not_what_a_report_of_what_befell_others_is_about(middle):
    """A place named as the actor ("attacks by A", "A's drones") counts little towards the document's place."""
    text = f"Chad counts its dead.\n\n{middle}\n\nAt least 12 people were killed."
    assert claims(text).loc["12", "entity"] == "TD"


def test_a_year_after_on_is_the_base_of_a_change_not_its_time():
    source = {"source_id": "s1", "published": "2024-01-10", "period_start": "2023", "period_end": "2023"}
    found = claims("Officials confirmed 800 cases in 2023, up 25% on 2022.", CONFIG, source).loc["25%"]
    assert found["period_end"] == "2023"  # the source's year, not the base's
    # "on" before a day still dates the figure
    assert claims("Officials confirmed 800 cases on 3 May.").loc["800", "period_end"] == "2024-05-03"


CHAD_SUBDIVISIONS = parse_config("""
[places]
subdivisions = ["TD"]
[entities.TD]
name = "Chad"
[metrics.killed]
words = ["people", "civilians"]
predicates = ["killed"]
scope = "cumulative"
""")


@pytest.mark.parametrize("sentence, figure, entity", [
    ("At least 60 civilians were killed in a raid on a village in Chad's Salamat Province.", "60", "TD-SA"),
    ("In Wadi Fira, Chad, 75 people were killed on Monday.", "75", "TD-WF"),
    # a country leading a list of its provinces is not one of them
    ("Officials said 18 people were killed in two provinces of Chad: Salamat and Sila.", "18", "TD"),
    # two places the clause names apart: the nearer stands
    ("In Chad, where troops patrol Sila, 35 people were killed.", "35", "TD"),
])
def test_a_province_named_with_its_country_places_the_figure_in_the_province(sentence, figure, entity):
    assert claims(sentence, CHAD_SUBDIVISIONS).loc[figure, "entity"] == entity


FLIGHT = parse_config("""
[metrics.displaced]
words = ["people"]
predicates = ["fled their homes"]
scope = "snapshot"
[metrics."displaced.abroad"]
words = ["people"]
predicates = ["fled into neighbouring countries"]
scope = "snapshot"
part_of = "displaced"
""")


@pytest.mark.parametrize("sentence, figure, metric", [
    ("Some 410,000 people have fled to neighbouring countries since the spring.", "410,000", "displaced.abroad"),
    ("Officials said 86,000 people were fleeing towards the neighbouring countries.", "86,000", "displaced.abroad"),
    ("About 2.3 million people have fled their homes.", "2.3 million", "displaced"),
    ("About 2.3 million people have fled from their homes in the north.", "2.3 million", "displaced"),
])
def test_of_the_metrics_of_a_clauses_verb_the_one_whose_predicate_shares_its_words_counts(sentence, figure, metric):
    assert claims(sentence, FLIGHT).loc[figure, "metric"] == metric


LISTED = parse_config("""
[entities.TD]
name = "Chad"
[entities.TD-SA]
name = "Salamat"
[entities.TD-KA]
name = "Kanem"
[metrics.turnout_pct]
kind = "percent"
words = ["turnout"]
scope = "snapshot"
[metrics.seats]
words = ["seats"]
scope = "snapshot"
""")  # two provinces declared: the others are known, but not the workspace's own


@pytest.mark.parametrize("sentence, entities", [
    # a list item opening with its place right before its figure
    ("Turnout was highest in Salamat at 81.5 per cent, Wadi Fira 74.2 per cent and Mandoul 56.8 per cent.",
     {"81.5 per cent": "TD-SA", "74.2 per cent": "TD-WF", "56.8 per cent": "TD-MA"}),
    ("Turnout reached 71.3 per cent in Kanem; Sila 66.0; and Batha 59.4.",
     {"71.3 per cent": "TD-KA", "66.0": "TD-SI", "59.4": "TD-BA"}),
    # the later item's place is not the earlier figure's, though the parse joins them
    ("Kanem recorded 64.2 per cent and Wadi Fira 58.9, officials said.", {"64.2 per cent": "TD-KA", "58.9": "TD-WF"}),
    # a nounless figure listed by where it comes from
    ("The round covers 49 seats: 14 from Kanem, seven from Sila, five each from Salamat and three from Mandoul.",
     {"14": "TD-KA", "seven": "TD-SI", "five": "TD-SA", "three": "TD-MA"}),
])
def test_each_list_item_takes_the_place_it_names(sentence, entities):
    found = claims(sentence, LISTED)
    assert {figure: found.loc[figure, "entity"] for figure in entities} == entities


def test_a_counted_noun_from_a_place_is_not_a_list_item_of_that_place():
    # "from" names a list item's place only for a figure without a noun of its own
    assert claims("Officials in Kanem counted 310 seats from Sila.", LISTED).loc["310", "entity"] == "TD-KA"


def test_the_bare_items_of_a_list_of_shares_count_what_its_first_share_counts():
    found = claims("The turnout reached 71.3 per cent in Kanem; Sila 66.0; and Batha 59.4.", LISTED)
    assert list(found["metric"]) == ["turnout_pct"] * 3
    assert list(found["entity"]) == ["TD-KA", "TD-SI", "TD-BA"]


HEALTH_BUDGET = parse_config("""
[metrics.health_budget_usd]
kind = "money"
words = ["health budget", "health"]
scope = "event"
""")


@pytest.mark.parametrize("sentence, figure", [
    ("The cabinet raised the health budget to $3.5 billion on Monday.", "3.5 billion"),
    ("Parliament cut its 2026 health budget to $2.1 billion.", "2.1 billion"),
])
def test_the_object_a_verb_sets_to_a_figure_is_what_the_figure_counts(sentence, figure):
    found = claims(sentence, HEALTH_BUDGET)
    assert (found.loc[figure, "metric"], found.loc[figure, "scope"]) == ("health_budget_usd", "event")


def test_a_verb_of_setting_leaves_an_object_with_a_figure_of_its_own_alone():
    # the 12 lines are counted by their own figure; the sum is not said to be theirs
    found = claims("The cabinet raised 12 health budget lines to $3.5 billion.", HEALTH_BUDGET)
    assert found.loc["3.5 billion", "metric"] == ""


@pytest.mark.parametrize("sentence, figure", [
    ("A kilo of bread cost 1,200 pesos in the capital.", "1,200"),
    ("The fare was set at 45 euros, officials said.", "45"),
])
def test_a_sum_no_metric_names_is_a_state_of_the_sources_period(sentence, figure):
    source = {"source_id": "s1", "published": "2024-05-10", "period_start": "2024-01", "period_end": "2024-04"}
    found = claims(sentence, CONFIG, source)
    assert tuple(found.loc[figure, ["metric", "scope", "period_start", "period_end"]]) == \
        ("", "snapshot", "2024-01", "2024-04")


def test_a_configured_sum_without_a_scope_keeps_none():
    config = parse_config('[metrics.fares_eur]\nkind = "money"\nwords = ["fare"]\n')
    assert claims("The fare was set at 45 euros.", config).loc["45", "scope"] == ""
