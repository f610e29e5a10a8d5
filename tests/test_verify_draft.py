"""Reading a draft: its front matter date, its masked body, and which claims of the workspace it meets."""

from __future__ import annotations

import csv
import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims.errors import FigcheckError
from figcheck.cli import main
from figcheck.drafts import front_matter_date, read_draft

DRAFTS = Path(__file__).resolve().parent / "data" / "drafts"


@pytest.mark.parametrize("text, date", [
    ("---\ndate: 2024-05-20\n---\nbody", "2024-05-20"),
    ("---\r\ntitle: x\r\ndate: '2024-05'\r\n---\r\nbody", "2024-05"),
    ('\ufeff---\ndate: "2024-05-20T09:30:00Z"\n...\nbody', "2024-05-20"),
    ("---\ntitle: no date here\n---\nbody", ""),
    ("no front matter\ndate: 2024-05-20\n", ""),          # a 'date:' line in the body is prose
    ("---\ndate: 2024-05-20\nnever closed\n", ""),        # an opening rule without a close is not front matter
])
def test_front_matter_date(text, date):
    assert front_matter_date(text, "d.md")[0] == date


def test_front_matter_body_start_is_after_the_closing_line():
    text = "---\ndate: 2024-05-20\n---\n# Title\n"
    assert text[front_matter_date(text, "d.md")[1]:] == "# Title\n"


def test_a_malformed_date_names_file_line_and_column():
    with pytest.raises(FigcheckError, match=r"d\.md:3:7: .*'soon'"):
        front_matter_date("---\ntitle: x\ndate: soon\n---\n", "d.md")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("-.:\n\r date0123456789T'\"x\ufeff")), max_size=80))
def test_any_text_gives_a_date_or_a_clear_error(text):
    try:
        date, body_start = front_matter_date(text, "d.md")
    except FigcheckError as exc:
        assert str(exc).startswith("d.md:")
        return
    assert 0 <= body_start <= len(text)
    assert date == "" or date[:4].isdigit()


@settings(max_examples=100, deadline=None)
# A draft is a UTF-8 file, so only characters UTF-8 can encode (no lone surrogates) can be in it.
@given(head=st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=60),
       body=st.text(st.characters(codec="utf-8"), max_size=60))
def test_masking_keeps_every_offset_and_line(head, body, tmp_path_factory):
    path = tmp_path_factory.mktemp("d") / "draft.md"
    text = f"---\ntitle: {head}\n---\n{body}".replace("\r", "")
    path.write_text(text, encoding="utf-8", newline="")
    draft = read_draft(path, "2024-01-01")
    assert len(draft.masked) == len(draft.text)
    assert draft.masked.count("\n") == draft.text.count("\n")
    assert draft.masked[draft.body_start:] == draft.text[draft.body_start:]


def test_date_option_overrides_the_front_matter(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("---\ndate: 2024-05-20\n---\nbody\n", encoding="utf-8")
    assert read_draft(path, None).date == "2024-05-20"
    assert read_draft(path, "2023-01-02").date == "2023-01-02"
    assert not read_draft(path, None).notes
    path.write_text("body\n", encoding="utf-8")
    assert read_draft(path, None).date == "" and read_draft(path, None).notes


def test_a_reviewers_correction_in_the_store_is_what_the_draft_is_checked_against(tmp_path):
    """Stored claims are used as reviewed: confirming a corrected value changes the verdict."""
    workspace = tmp_path / "ws"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "central-asia", workspace)
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2024-01-01\n---\nKazakhstan has brought back 600 citizens.\n", encoding="utf-8")

    def statuses():
        out = io.StringIO()
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            code = main(["verify", str(workspace), str(draft), "--format", "json"])
        return code, [f["status"] for f in json.loads(out.getvalue())["figures"]]

    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        assert main(["extract", str(workspace)]) == 0
    assert statuses() == (1, ["contradicted"])
    store = next(p for p in (workspace / "claims").glob("*.csv") if "595" in p.read_text(encoding="utf-8"))
    rows = list(csv.DictReader(store.open(encoding="utf-8", newline="")))
    for row in rows:
        if row["text"] == "595":
            row.update(value="600", lower="600", upper="600", status="confirmed", note="corrected by the desk")
    with store.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert statuses() == (0, ["supported"])
