"""Validation messages in the user's words: the cell as written, no library internals, no numpy
reprs, and one message for one bad cell (no cascade of table-wide rules it makes fail)."""

import pytest
from hypothesis import given, settings, strategies as st

from figcheck.checks.workspace import validate_claims
from figcheck.claims.csvio import read_csv_records
from figcheck.cli import main
from tests.test_bad_input import edit_claims, fake_extracted, set_field  # noqa: F401 (fixture)

LEAKS = ("np.", "numpy", "TypeError", "table:", "Traceback", "dtype", "float64", "int64")


@pytest.mark.parametrize("column, value, expected", [
    ("line", "-2", "column 'line': -2 must be at least 1"),
    ("char_start", "-5", "column 'char_start': -5 must be at least 0"),
    ("value", "nan", "column 'value': 'nan' is not a number"),
    ("lower", "NaN", "column 'lower': 'NaN' is not a number"),
    ("value", "abc", "column 'value': 'abc' is not a number"),
])
def test_one_bad_cell_is_one_message_in_the_users_words(fake_extracted, capsys, column, value, expected):
    edit_claims(fake_extracted / "claims" / "004.csv", set_field(0, column, value))
    capsys.readouterr()
    assert main(["claims", str(fake_extracted)]) == 2
    err = capsys.readouterr().err
    assert "1 problem in the input:" in err
    assert f"004.csv:2: {expected}" in err
    assert not any(leak in err for leak in LEAKS)


@pytest.fixture(scope="module")
def claims_rows(tmp_path_factory):
    """One claims file's raw cells, extracted once."""
    from tests.conftest import EXAMPLE, NOT_FRESH
    from tests.fake_extractor import use_fake_extractor
    import shutil

    root = tmp_path_factory.mktemp("words") / "ws"
    shutil.copytree(EXAMPLE, root, ignore=NOT_FRESH)
    with pytest.MonkeyPatch.context() as patch:
        use_fake_extractor(patch)
        assert main(["extract", str(root), "--quiet"]) == 0
    frame, problems = read_csv_records(root / "claims" / "004.csv")
    assert not problems
    return frame


NUMERIC = ["line", "char_start", "char_end", "value", "lower", "upper"]


@settings(max_examples=60, deadline=None)
@given(column=st.sampled_from(NUMERIC), row=st.integers(min_value=0, max_value=5),
       cell=st.one_of(st.sampled_from(["nan", "NaN", "-1", "-2", "1.5", "abc", "1e999", "", " "]),
                      st.text(alphabet="-.e0123456789abn", min_size=1, max_size=6)))
def test_a_bad_numeric_cell_never_leaks_internals_or_cascades(claims_rows, column, row, cell):
    frame = claims_rows.copy()
    frame.iloc[row, frame.columns.get_loc(column)] = cell
    _, problems = validate_claims(frame, "004.csv")
    assert not any(leak in p for p in problems for leak in LEAKS)
    assert all(p.startswith("004.csv:") for p in problems)
    if cell in ("nan", "NaN", "abc"):
        kind = "a whole number" if column in ("line", "char_start", "char_end") else "a number"
        assert problems == [f"004.csv:{frame.index[row]}: column '{column}': {cell!r} is not {kind}"]
