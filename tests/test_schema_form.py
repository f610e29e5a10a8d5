"""The `form` check of the schemas judges every row as a per-row regular expression would."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from figcheck.checks.schemas import PARTIAL_DATE, form

_CELLS = st.lists(st.sampled_from(["2021", "2021-08", "2021-13", "August 2021", "", "2021-08-31", "21"]) | st.text(max_size=6),
                  max_size=40)


@given(_CELLS)
def test_form_accepts_exactly_the_rows_the_pattern_matches(cells):
    column = pd.Series(cells, dtype=str)
    expected = column.str.match(PARTIAL_DATE, na=False)
    assert form(column, pattern=PARTIAL_DATE).tolist() == expected.tolist()
