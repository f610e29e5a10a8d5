"""Wording helpers that messages and citable values are built from."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from figcheck.reconcile import wording

_ROWS = st.lists(st.tuples(st.sampled_from(["b", "a", "c", None]), st.text(alphabet="xy;", max_size=3)), max_size=30)


@given(_ROWS, st.booleans())
def test_joined_gives_what_a_pandas_group_by_join_gives(rows, sort):
    keys = pd.Series([k for k, _ in rows], dtype=object, name="key")
    texts = pd.Series([t for _, t in rows], dtype=object)
    expected = texts.groupby(keys, sort=sort).agg(";".join)
    got = wording.joined(texts, keys, ";", sort=sort)
    assert got.to_dict() == expected.to_dict()
    assert list(got.index) == list(expected.index)


def test_figures_are_cited_with_qualifier_source_and_line():
    claims = pd.DataFrame({"value": [2100.0, 0.5, 2100.0], "qualifier": ["gt", "eq", "approx"],
                           "source_id": ["001", "002", "001"], "line": [13, 4, 9]}, index=[7, 3, 5])
    cited = wording.cited_column(claims)
    assert cited.tolist() == ["more than 2,100 (source 001, line 13)", "0.5 (source 002, line 4)",
                              "about 2,100 (source 001, line 9)"]
    assert cited.index.tolist() == [7, 3, 5]
