"""Property tests: extract_source never crashes, its spans match, and its rows satisfy the Claim schema."""

from hypothesis import given, settings, strategies as st

from figcheck.checks.schemas import Claim
from figcheck.claims.extract import extract_source
from figcheck.claims.model import CLAIM_COLUMNS
from tests.test_extract import CONFIG, SOURCE

PIECES = st.sampled_from([
    " ", "\n", "\n\n", "| ", " |", "|---|---|\n", "# ", ",", ".", "(", ")", ":", "1", "12", "2,100", "five", "one",
    "Total", "Kazakhstan", "Uzbek", "Central Asian states", " and ", "people", "women", "returned", "remain", "of whom",
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
