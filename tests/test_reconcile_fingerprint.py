"""Finding ids survive unrelated edits and change when the figures do."""

from tests.reconcile_strategies import reconciled

PAIR = [{"entity": "AA", "metric": "total", "period_end": "2021-08", "source_id": "s1", "value": 531.0, "quote": "531 back."},
        {"entity": "AA", "metric": "total", "period_end": "2021-08", "source_id": "s2", "value": 599.0, "quote": "599 back."}]


def ids(rows):
    return list(reconciled(rows).findings["finding_id"])


def test_ids_are_hex_and_ignore_lines_offsets_and_whitespace_of_quotes():
    moved = [{**PAIR[0], "line": 40, "char_start": 900, "char_end": 903, "quote": "531   back."}, PAIR[1]]
    assert len(ids(PAIR)[0]) >= 12 and int(ids(PAIR)[0], 16) >= 0
    assert ids(PAIR) == ids(moved)


def test_ids_ignore_unrelated_claims():
    other = {"entity": "BB", "metric": "total", "period_end": "2021-08", "source_id": "s3", "value": 1.0}
    assert ids(PAIR) == ids(PAIR + [other])


def test_ids_change_when_a_value_changes():
    assert ids(PAIR) != ids([PAIR[0], {**PAIR[1], "value": 600.0}])


def test_a_sentence_repeated_word_for_word_still_gets_distinct_ids():
    repeated = {"entity": "AA", "period_end": "2022-04", "source_id": "s1", "metric": "total.a", "value": 30.0, "quote": "30 a."}
    subset = {"entity": "AA", "period_end": "2022-04", "source_id": "s2", "metric": "total.a.special", "value": 32.0}
    found = reconciled([repeated, repeated, subset]).findings
    assert list(found["rule"]) == ["subset"]  # the repeated figure is one quantity: one finding holds both
    other = [{**row, "entity": "BB"} for row in (repeated, repeated, subset)]  # word for word, another place
    found = reconciled([repeated, repeated, subset, *other]).findings
    assert list(found["rule"]) == ["subset", "subset"] and found["finding_id"].is_unique
