"""The time of day of a figure, and claims files written before the `time` column existed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from figcheck.checks.workspace import load_workspace
from figcheck.claims.extraction.clock import time_of_day
from figcheck.claims.store import row_digests

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "central-asia"


def read(sentence: str, figure: str) -> str:
    """The time read for the first occurrence of `figure` standing as a word of its own."""
    start = re.search(r"(?<![\w:.])" + re.escape(figure) + r"(?![\w:])", sentence).start()
    return time_of_day(sentence, 0, len(sentence), start, start + len(figure))


def test_stated_hours_read_as_24_hour_times():
    assert read("The toll was 19,509 by 4:00 PM on Thursday.", "19,509") == "16:00"
    assert read("By 6 pm, 59 people had died.", "59") == "18:00"
    assert read("At 14:00 GMT, 12 were dead.", "12") == "14:00"
    assert read("The count stood at 72 on Friday night.", "72") == "22:00"
    assert read("At noon officials said 31 were injured.", "31") == "12:00"


def test_a_sentence_without_an_hour_gives_no_time_and_a_figure_is_never_its_own_time():
    assert read("Uzbekistan has brought back 531 individuals since May 2019.", "531") == ""
    assert read("Night shelters took in 40 people.", "40") == ""
    assert read("The train left at 9:30 pm.", "9:30") == ""


@given(st.integers(0, 23), st.integers(0, 59), st.integers(1, 99999), st.booleans())
def test_any_clock_time_reads_back_wherever_it_stands(hour, minute, figure, before):
    # metamorphic: the time reads the same before or after the figure, in 24-hour or 12-hour form
    clock = f"{hour:02d}:{minute:02d}"
    twelve = f"{hour % 12 or 12}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
    for said in (clock, twelve):
        sentence = (f"At {said} officials counted {figure} cases." if before
                    else f"Officials counted {figure} cases at {said}.")
        assert read(sentence, str(figure)) == clock


def test_claims_files_written_before_the_time_column_load_and_keep_their_digests(tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    current = load_workspace(root).claims
    for path in (root / "claims").glob("*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.drop(columns="time").to_csv(path, index=False)
    legacy = load_workspace(root).claims
    assert legacy["claim_id"].tolist() == current["claim_id"].tolist()
    assert legacy["time"].fillna("").eq("").all()
    assert row_digests(legacy.drop(columns="time")).equals(row_digests(legacy))
    assert (row_digests(legacy.assign(time="18:00")) != row_digests(legacy)).all()
