"""Pipe tables only when they are tables; a lone `|` in prose is text, and a skipped line is said."""

from hypothesis import given, settings, strategies as st

from figcheck.claims.extract import extract_source
from figcheck.cli import main
from tests.test_extract import CONFIG, SOURCE
from tests.test_reliability import make_workspace


def figures(text: str) -> list[str]:
    return extract_source(text, SOURCE, CONFIG)["text"].tolist()


def test_a_lone_pipe_in_prose_keeps_the_sentences_figures():
    for text in ("Officials | Reuters | AFP reported that 40 people returned and 12 women were among them.\n",
                 "| Reuters: 40 people returned and 12 women were among them.\n"):
        assert figures(text) == ["40", "12"]


def test_pipe_lines_are_a_table_with_a_separator_or_two_rows_of_equal_width():
    from figcheck.claims.extraction.tables import table_lines

    assert table_lines(["| A | B |", "|---|---|"]) == {0, 1}
    assert table_lines(["Year | Flights", "2020 | 2"]) == {0, 1}
    assert table_lines(["A | B | C", "1 | 2"]) == set()
    assert table_lines(["Said A | B.", "", "Then C | D."]) == set()
    assert table_lines(["One | pipe here", "no pipe here", "| x | y |", "| 1 | 2 |"]) == {2, 3}


WORDS = st.sampled_from(["the", "agency", "said", "Kazakh", "citizens", "returned", "in", "total", "and", "report"])


@settings(max_examples=60, deadline=None)
@given(before=st.lists(WORDS, min_size=1, max_size=6), after=st.lists(WORDS, min_size=1, max_size=6),
       value=st.integers(min_value=2, max_value=99_999),
       cuts=st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=3))
def test_pipes_between_words_of_a_sentence_change_none_of_its_figures(before, after, value, cuts):
    words = before + [f"{value:,}", "people"] + after
    piped = list(words)
    for cut in sorted({1 + c % (len(words) - 1) for c in cuts}, reverse=True):
        piped.insert(cut, "|")
    assert figures(" ".join(piped) + ".\n") == figures(" ".join(words) + ".\n")


def test_extract_says_which_table_lines_it_skipped(tmp_path, capsys):
    text = ("Returns by site.\n\n"
            "| Site | 12 camps | 30 camps |\n"
            "|---|---|---|\n"
            "| North | 40 | 50 |\n")
    root = make_workspace(tmp_path / "ws", {"t": text})
    assert main(["extract", str(root)]) == 0
    out = capsys.readouterr().out
    assert "source t, line 3: skipped, table header: its figures are column labels" in out
    assert "line 5" not in out
