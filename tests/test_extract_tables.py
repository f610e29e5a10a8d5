"""Tables: header names the metric, first cell names the row, total rows and columns sum the others."""

from figcheck.checks.schemas import Claim
from figcheck.claims.extract import extract_source

from tests.test_extract import CONFIG, SOURCE

MARKDOWN = """Figures up to 19 May 2022.

| Country | Returned | Women | Children |
|---|---|---|---|
| Kazakhstan | 600 | 150 | 450 |
| Uzbekistan | 500 | 120 | 380 |
| **Total** | **1,100** | **270** | **830** |
"""

PLAIN = """Operations in Kazakhstan

Year | Flights | People repatriated | Total
2020 | 2 | 40 | 42
2021 | 3 | 90 | 93
"""


def cells(text: str):
    frame = extract_source(text, SOURCE, CONFIG)
    Claim.validate(frame)
    return frame.set_index("text")


def test_markdown_table_cells_take_metric_from_header_and_entity_from_row():
    frame = cells(MARKDOWN)
    assert (frame.loc["600", "metric"], frame.loc["600", "entity"]) == ("returnees", "KZ")
    assert (frame.loc["380", "metric"], frame.loc["380", "entity"]) == ("returnees.children", "UZ")
    assert frame.loc["150", "quote"] == "| Kazakhstan | 600 | 150 | 450 |"


def test_total_row_is_the_total_of_the_rows_above_for_a_group_entity():
    frame = cells(MARKDOWN)
    total = frame.loc["1,100"]
    assert total["entity"] == "KZ+UZ"
    assert frame.loc["600", "part_of"] == frame.loc["500", "part_of"] == total["claim_id"]
    assert frame.loc["150", "part_of"] == frame.loc["270", "claim_id"]
    # One breakdown per total: 1,100 sums the rows, so the women's total is not one more part of it.
    assert frame.loc["270", "part_of"] == ""


def test_table_period_from_the_caption():
    frame = cells(MARKDOWN)
    assert frame.loc["600", "period_end"] == "2022-05-19"


def test_plain_pipe_table_with_total_column_and_dated_rows():
    frame = cells(PLAIN)
    assert "2020" not in frame.index  # a row label, not a claim
    assert frame.loc["40", "metric"] == "returnees"
    assert frame.loc["2", "metric"] == "operations"
    assert frame.loc["40", "part_of"] == frame.loc["42", "claim_id"]
    assert (frame.loc["90", "period_start"], frame.loc["90", "period_end"]) == ("2021", "2021")
    assert frame.loc["90", "entity"] == "KZ"  # from the heading above the table


def test_breakdown_column_is_part_of_the_column_before_it():
    text = "Country | People returned | of which children\nKazakhstan | 300 | 120\nUzbekistan | 200 | 80\n"
    frame = cells(text)
    assert frame.loc["120", "part_of"] == frame.loc["300", "claim_id"]
    assert frame.loc["120", "metric"] == "returnees.children"


def test_breakdown_column_with_a_total_row_sums_down_its_own_column():
    text = ("Country | People returned | of which children\nKazakhstan | 300 | 120\nUzbekistan | 210 | 80\n"
            "Total | 510 | 200\n")
    frame = cells(text)
    assert frame.loc["120", "part_of"] == frame.loc["80", "part_of"] == frame.loc["200", "claim_id"]
    assert frame.loc["200", "part_of"] == ""  # a subset of 510, not one more part beside the rows


def test_rows_for_units_the_vocabulary_does_not_name_get_no_metric():
    text = "Shelters in Kazakhstan\n\nDistrict | People returned\nNorth | 300\nSouth | 200\nTotal | 500\n"
    frame = cells(text)
    assert (frame.loc["300", "metric"], frame.loc["300", "entity"]) == ("", "KZ")
    assert frame.loc["300", "part_of"] == frame.loc["500", "claim_id"]
    assert frame.loc["500", "metric"] == "returnees"
