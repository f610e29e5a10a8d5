"""Property tests: extract_source never crashes, its spans match, and its rows satisfy the Claim schema."""

from hypothesis import given, settings, strategies as st

from checks.schemas import Claim
from claims.config import parse_config
from claims.extract import extract_source
from claims.model import CLAIM_COLUMNS

CONFIG = parse_config("""
[workspace]
subject = "region"
[entities.KZ]
name = "Kazakhstan"
forms = ["Kazakh"]
[entities.UZ]
name = "Uzbekistan"
forms = ["Uzbek"]
[groups.both]
members = ["KZ", "UZ"]
forms = ["both countries"]
[metrics.returnees]
words = ["people", "citizens"]
predicates = ["returned"]
excluded_predicates = ["remain"]
scope = "cumulative"
[metrics."returnees.women"]
words = ["women"]
part_of = "returnees"
[metrics.share]
kind = "percent"
words = ["returnees"]
""")
SOURCE = {"source_id": "s1", "published": "2024-05-01", "period_start": "2024-01", "period_end": "2024-05-01"}
PIECES = st.sampled_from([
    " ", "\n", "\n\n", "| ", " |", "|---|---|\n", "# ", ",", ".", "(", ")", ":", "1", "12", "2,100", "five", "one",
    "Total", "Kazakhstan", "Uzbek", "both countries", " and ", "people", "women", "returned", "remain", "of whom",
    "including", "since May 2019", "between 3 and 5 June", "to date", "in 2021", "more than", "%", "an operation",
])
MIXED = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=80).map("".join))


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_extraction_never_crashes_and_rows_are_valid_claims(text):
    frame = extract_source(text, SOURCE, CONFIG)
    assert list(frame.columns) == CLAIM_COLUMNS
    for row in frame.itertuples(index=False):
        assert text[row.char_start:row.char_end] == row.text
        assert row.text in row.quote
        assert row.quote in text
    if len(frame):
        Claim.validate(frame)
