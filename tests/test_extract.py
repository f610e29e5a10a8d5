"""extract_source: one test per rule of the extractor, on a small vocabulary of its own."""

import pytest

from figcheck.checks.schemas import Claim
from figcheck.claims.config import parse_config
from figcheck.claims.extract import extract_source
from figcheck.claims.ids import claim_id
from figcheck.claims.model import CLAIM_COLUMNS

CONFIG_TEXT = """
[workspace]
subject = "region"
[tolerance]
approx = 0.1
[scope]
event = ["an operation"]
[entities.KZ]
name = "Kazakhstan"
forms = ["Kazakh", "Kazakhs"]
[entities.KG]
name = "Kyrgyzstan"
forms = ["Kyrgyz"]
[entities.UZ]
name = "Uzbekistan"
forms = ["Uzbek"]
[groups.central]
members = ["KG", "KZ", "UZ"]
forms = ["Central Asian states"]
[metrics.returnees]
words = ["people", "citizens", "individuals"]
predicates = ["returned", "brought back", "repatriated"]
excluded_predicates = ["travelled", "remain", "charged"]
scope = "cumulative"
[metrics."returnees.women"]
words = ["women"]
part_of = "returnees"
[metrics."returnees.children"]
words = ["children"]
part_of = "returnees"
[metrics."returnees.orphans"]
words = ["orphans"]
subset_of = "returnees.children"
[metrics.travellers]
words = ["citizens", "people"]
predicates = ["travelled"]
scope = "cumulative"
[metrics.operations]
words = ["operations", "flights"]
scope = "cumulative"
[metrics.participants]
words = ["participants"]
scope = "event"
[metrics.share]
kind = "percent"
words = ["returnees"]
"""
CONFIG = parse_config(CONFIG_TEXT)
SOURCE = {"source_id": "t1", "published": "2022-11-03", "period_start": "2022-11-02", "period_end": "2022-11-03"}


def extract(text: str, config=CONFIG, source=SOURCE):
    frame = extract_source(text, source, config)
    Claim.validate(frame)
    return frame


def row(frame, text: str, n: int = 0):
    rows = frame[frame["text"] == text]
    assert len(rows) > n, f"{text!r} not among {list(frame['text'])}"
    return rows.iloc[n]


def test_rows_follow_the_contract():
    text = "Uzbekistan has brought back 531 individuals."
    frame = extract(text)
    assert list(frame.columns) == CLAIM_COLUMNS
    r = row(frame, "531")
    assert r["claim_id"] == claim_id("t1", text, "531", 0)
    assert (r["method"], r["status"], r["note"], r["source_sha256"], r["auto_digest"]) == (
        "auto", "candidate", "", "", "")
    assert text[r["char_start"]:r["char_end"]] == "531" and r["quote"] == text and r["line"] == 1


def test_a_repeated_sentence_keeps_distinct_ids():
    frame = extract("Some 50 people returned.\n\nSome 50 people returned.")
    assert frame["claim_id"].nunique() == 2


def test_metric_from_the_counted_noun_and_scope_from_the_metric():
    r = row(extract("Kazakhstan carried out 5 operations."), "5")
    assert (r["metric"], r["scope"], r["entity"]) == ("operations", "cumulative", "KZ")


def test_predicate_decides_between_metrics_sharing_a_noun():
    frame = extract("About 1,500 Uzbek citizens travelled to Syria. Uzbekistan repatriated 531 citizens.")
    assert row(frame, "1,500")["metric"] == "travellers"
    assert row(frame, "531")["metric"] == "returnees"


def test_an_excluded_predicate_rules_a_metric_out():
    # No configured metric is left: the figure gets an automatic one of its own, never returnees.
    assert row(extract("Some 700 people remain in the camps of Kazakhstan."), "700")["metric"] == "auto:remain"


def test_a_noun_outside_the_vocabulary_has_no_metric():
    assert row(extract("Kazakhstan trained 30 journalists."), "30")["metric"] == "auto:journalist"


def test_bracketed_figure_without_a_noun_takes_the_nearest_noun_before():
    r = row(extract("The number of Uzbek citizens who travelled is high (1500 +)."), "1500 +")
    assert (r["metric"], r["qualifier"], r["lower"]) == ("travellers", "ge", 1500)


def test_share_without_a_noun_takes_the_sentence_percentage_metric():
    frame = extract("Among returnees, 40% were in Kazakhstan and 35% in Uzbekistan.")
    assert list(frame["metric"]) == ["share", "share"]
    assert list(frame["entity"]) == ["KZ", "UZ"]


def test_breakdown_of_whom_links_parts_to_their_total():
    frame = extract("Uzbekistan has brought back 531 individuals, of whom 331 children and 125 women.")
    total = row(frame, "531")
    for part, metric in (("331", "returnees.children"), ("125", "returnees.women")):
        assert row(frame, part)["part_of"] == total["claim_id"]
        assert row(frame, part)["metric"] == metric
    assert total["part_of"] == ""


def test_breakdown_in_brackets_nested_of_which():
    frame = extract("In Kazakhstan 595 citizens have returned, among whom women (156) and children (406, of which "
                    "32 are orphans).")
    total, children = row(frame, "595"), row(frame, "406")
    assert row(frame, "156")["part_of"] == total["claim_id"]
    assert children["part_of"] == total["claim_id"]
    assert row(frame, "32")["part_of"] == children["claim_id"]
    assert row(frame, "32")["metric"] == "returnees.orphans"


def test_breakdown_in_brackets_after_a_total():
    frame = extract("The meetings gathered 121 participants in total (43 women, 78 children).")
    assert row(frame, "43")["part_of"] == row(frame, "121")["claim_id"]
    assert row(frame, "78")["part_of"] == row(frame, "121")["claim_id"]


def test_breakdown_after_a_colon_and_a_list_break():
    frame = extract("Kazakhstan repatriated 600 people: 150 women and 450 children.")
    assert set(frame["part_of"]) == {"", row(frame, "600")["claim_id"]}
    frame = extract("Kazakhstan repatriated 600 people, of whom 150 women, and that 90 people remain abroad.")
    assert row(frame, "150")["part_of"] == row(frame, "600")["claim_id"]
    assert row(frame, "90")["part_of"] == ""


def test_a_part_of_another_family_gets_no_metric():
    frame = extract("The event had 40 participants, including 25 women.")
    assert row(frame, "25")["part_of"] == row(frame, "40")["claim_id"]
    assert row(frame, "25")["metric"] == ""  # women of participants: not configured


def test_declared_parts_link_across_sentences_of_a_paragraph():
    frame = extract("In Uzbekistan 599 people returned. These operations returned 126 women and 471 children.")
    assert row(frame, "126")["part_of"] == row(frame, "599")["claim_id"]
    assert row(frame, "471")["part_of"] == row(frame, "599")["claim_id"]


def test_entity_listed_set_is_a_group():
    r = row(extract("To date, Kazakhstan, Kyrgyzstan, and Uzbekistan have repatriated more than 2,100 nationals."), "2,100")
    assert r["entity"] == "KG+KZ+UZ"


def test_entity_from_a_configured_group_form():
    assert row(extract("The Central Asian states repatriated 2,000 people."), "2,000")["entity"] == "KG+KZ+UZ"


def test_entity_nearest_mention_in_the_sentence():
    frame = extract("Kazakhstan returned 595 people while Kyrgyz officials returned 79 people.")
    assert (row(frame, "595")["entity"], row(frame, "79")["entity"]) == ("KZ", "KG")


def test_entity_carried_over_from_paragraph_section_heading_and_subject():
    text = ("# Report on Kyrgyzstan\n\nIn Kazakhstan, officials met. They counted 5 operations.\n\n"
            "Later 3 operations followed.\n\n## Annex\n\n7 operations were planned.")
    frame = extract(text)
    assert row(frame, "5")["entity"] == "KZ"   # paragraph
    # a place an earlier paragraph named in passing: the paragraph stands where the document does
    assert row(frame, "3")["entity"] == "KG"
    assert row(frame, "7")["entity"] == "KG"   # the heading that named one country
    # ... but the place the document names most carries on, and so does any place into a list's items
    most = extract("# Report\n\nIn Kazakhstan, officials met. They counted 5 operations.\n\nLater 3 operations "
                   "followed.\n\nKazakhstan and Kyrgyzstan signed a deal. Kazakhstan paid.")
    assert row(most, "3")["entity"] == "KZ"
    items = extract("# Report on Kyrgyzstan\n\nIn Kazakhstan, officials met:\n\n1. 5 operations were held.\n\n"
                    "2. 3 operations followed.")
    assert (row(items, "5")["entity"], row(items, "3")["entity"]) == ("KZ", "KZ")
    assert row(extract("Officials counted 9 operations."), "9")["entity"] == "region"  # the subject


def test_a_place_qualifying_an_act_of_force_acted_and_the_governing_clause_places_the_figure():
    frame = extract("Kazakh officials said 40 people were treated after the Kyrgyz missile attack.")
    assert row(frame, "40")["entity"] == "KZ"
    # a place qualifying another noun still places a figure its clauses name no other place for
    assert row(extract("Officials said 40 people were treated at the Kyrgyz hospital."), "40")["entity"] == "KG"


@pytest.mark.parametrize("went", ["have fled into Kyrgyzstan", "have moved towards Kyrgyzstan"])
def test_a_place_the_counted_went_into_is_not_where_they_are_counted(went):
    frame = extract(f"In Kazakhstan, fighting resumed. Since May, 300 people {went}.")
    assert row(frame, "300")["entity"] == "KZ"


def test_a_measure_s_configured_place_stands_before_the_places_earlier_sentences_named():
    config = parse_config(CONFIG_TEXT + '[metrics.crossings]\nwords = ["crossings"]\nentity = "KG"\n'
                                        '[metrics.visits]\nwords = ["visits"]\nentity = "KG+KZ+UZ"\n')
    frame = extract("In Kazakhstan, officials met. They counted 5 operations and 40 crossings. Uzbek guards "
                    "counted 12 crossings. They also counted 9 visits.", config)
    assert row(frame, "5")["entity"] == "KZ"    # the paragraph's place, for a measure of no place
    assert row(frame, "40")["entity"] == "KG"   # the measure's place, not the paragraph's
    assert row(frame, "12")["entity"] == "UZ"   # the sentence names a place: it stands
    assert row(frame, "9")["entity"] == "UZ"    # a part of the measure's place stays


@pytest.mark.parametrize("sentence, start, end", [
    ("Since May 2019, Kazakhstan has repatriated 600 people.", "2019-05", "2022-11-03"),
    ("Kazakhstan has repatriated 600 people since 2019, officials said, with the most for 2021 in May.",
     "2019", "2022-11-03"),
    ("Between May 2019 and August 2021, Kazakhstan repatriated 600 people.", "2019-05", "2021-08"),
    ("In March 2021, Kazakhstan repatriated 600 people.", "2021-03", "2021-03"),
    ("On 25 July 2022, Kazakhstan repatriated 600 people.", "2022-07-25", "2022-07-25"),
    ("By December 2024, Kazakhstan had repatriated 600 people.", "", "2024-12"),
    ("To date, Kazakhstan has repatriated 600 people.", "", "2022-11-03"),
    ("Kazakhstan repatriated 600 people between 10 and 14 May 2022.", "2022-05-10", "2022-05-14"),
    ("600 people have returned since the flights resumed on 10 May.", "2022-05-10", "2022-11-03"),
    ("Kazakhstan has repatriated 600 people.", "", "2022-11-03"),  # a running total stands at publication
])
def test_period_phrases(sentence, start, end):
    r = row(extract(sentence), "600")
    assert (r["period_start"], r["period_end"]) == (start, end)


def test_period_carried_over_within_a_paragraph_and_registry_dates_otherwise():
    frame = extract("In March 2021, Kazakhstan repatriated 600 people. Of them 20 women.\n\nThe event had 40 participants.")
    assert (row(frame, "20")["period_start"], row(frame, "20")["period_end"]) == ("2021-03", "2021-03")
    assert (row(frame, "40")["period_start"], row(frame, "40")["period_end"]) == ("2022-11-02", "2022-11-03")


def test_scope_event_for_one_operation_and_cues_without_a_metric_scope():
    assert row(extract("In March 2021, an operation brought back 79 children."), "79")["scope"] == "event"
    assert row(extract("Since 2019, 40 journalists have been trained in total."), "40")["scope"] == "cumulative"
    assert row(extract("Currently 40 journalists work there."), "40")["scope"] == "snapshot"
    assert row(extract("The event had 40 participants in total."), "40")["scope"] == "event"


def test_qualifier_interval_uses_the_configured_tolerance():
    r = row(extract("About 200 people returned."), "200")
    assert (r["qualifier"], r["lower"], r["upper"]) == ("approx", pytest.approx(180), pytest.approx(220))


def test_breakdown_opening_a_sentence_links_to_the_total_before_it():
    frame = extract("Kazakhstan had repatriated 645 people by January 2016. Of these, 284 women and 361 children.")
    assert row(frame, "284")["part_of"] == row(frame, "645")["claim_id"]
    assert row(frame, "361")["metric"] == "returnees.children"


def test_a_capitalised_marker_inside_a_sentence_opens_a_new_one_and_lists_no_parts():
    frame = extract("Kazakhstan: 645 people returned\nIncluding the final figures, 284 women came back in May.")
    assert row(frame, "284")["part_of"] == ""


def test_windows_line_endings_give_the_same_claims():
    text = ("In Kazakhstan, 5 operations\nwere carried out since May 2019.\n\nAs a result, more than\n"
            "595 citizens have returned, among whom women (156) and children (406).\n")
    columns = ["text", "value", "qualifier", "entity", "metric", "scope", "period_start", "period_end"]
    unix, windows = extract(text), extract(text.replace("\n", "\r\n"))
    assert unix[columns].equals(windows[columns])
    assert (windows["part_of"] != "").sum() == 2


def test_the_figures_own_clause_decides_its_metric_before_the_sentence():
    frame = extract("In Kazakhstan 600 people returned, and 38 people have since been charged.")
    assert row(frame, "600")["metric"] == "returnees"
    # "charged" rules returnees out in its clause, though "returned" is nearer: a metric of its own
    assert row(frame, "38")["metric"] == "auto:charge"
