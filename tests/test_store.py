"""The claim store keeps a person's work: merge, digests, stale rows, the extract command around it."""

import csv
import io

import pandas as pd
from hypothesis import given, settings, strategies as st

from figcheck.checks.workspace import load_workspace
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.claims.store import merge_store, row_digests, store_text, touched
from figcheck.cli import main
from figcheck.store_update import SUMMARY_COLUMNS
from tests.fake_extractor import fake_extract, use_fake_extractor

TEXT = "In 2020, 12 people came.\nThen 7 more arrived, and 3 left.\n"
SOURCE = {"source_id": "s1"}


def merge_claims(stored, extracted, text, sha):
    """One source's merge: its new rows and its counts."""
    merged, counts = merge_store(stored, extracted, {"s1": text}, {"s1": sha})
    return merged, counts.loc["s1"]


def stored_rows(text=TEXT, sha="a" * 64):
    rows, _ = merge_claims(pd.DataFrame(columns=CLAIM_COLUMNS), fake_extract(text, SOURCE, None), text, sha)
    return rows


def read_rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_fresh_rows_are_untouched_candidates():
    rows = stored_rows()
    assert len(rows) == 4
    assert not touched(rows).any()
    assert (rows["auto_digest"] == row_digests(rows)).all()


def test_a_note_the_extractor_wrote_is_not_a_review_but_a_changed_note_is():
    rows = stored_rows()
    rows["note"] = "part: in two camps"  # as the extractor writes a partial figure's note
    rows["auto_digest"] = row_digests(rows)
    assert not touched(rows).any()
    rows.loc[rows.index[0], "note"] = "checked against the ministry's table"
    assert touched(rows).tolist() == [True] + [False] * (len(rows) - 1)


def test_a_confirmed_row_and_an_edited_value_survive_a_merge():
    rows = stored_rows()
    rows.loc[rows["text"] == "12", "status"] = "confirmed"
    rows.loc[rows["text"] == "7", "value"] = 8.0
    rows.loc[rows["text"] == "7", "upper"] = 8.0
    rows.loc[rows["text"] == "3", "note"] = "people who left, not arrivals"
    merged, stats = merge_claims(rows, fake_extract(TEXT, SOURCE, None), TEXT, "a" * 64)
    by_text = merged.set_index("text")
    assert by_text.loc["12", "status"] == "confirmed"
    assert by_text.loc["7", "value"] == 8.0
    assert by_text.loc["3", "note"] == "people who left, not arrivals"
    assert stats["kept"] == 3 and stats["added"] == 0 and stats["removed"] == 0
    assert len(merged) == 4


def test_an_untouched_candidate_no_longer_found_is_removed_and_a_new_one_added():
    rows = stored_rows()
    changed = TEXT.replace("3 left", "three left").replace("came.", "came, 5 by bus.")
    merged, stats = merge_claims(rows, fake_extract(changed, SOURCE, None), changed, "b" * 64)
    assert "3" not in set(merged["text"]) and "5" in set(merged["text"])
    assert stats["removed"] >= 1 and stats["added"] >= 1


def test_a_reviewed_row_whose_source_changed_under_it_is_kept_and_counted_stale():
    rows = stored_rows()
    rows.loc[rows["text"] == "7", "status"] = "confirmed"
    changed = "A new first line.\n" + TEXT
    merged, stats = merge_claims(rows, fake_extract(changed, SOURCE, None), changed, "c" * 64)
    kept = merged[merged["status"] == "confirmed"]
    assert len(kept) == 1 and kept.iloc[0]["source_sha256"] == "a" * 64
    assert stats["stale"] == 1


def test_store_text_is_byte_identical_whatever_the_row_order():
    rows = stored_rows()
    assert store_text(rows) == store_text(rows.iloc[::-1])


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=12),
       edits=st.lists(st.sampled_from(["confirm", "reject", "note", "value", "none"]), min_size=12, max_size=12),
       keep_lines=st.integers(min_value=0, max_value=12))
def test_merge_never_loses_a_touched_row(words, edits, keep_lines):
    text = "\n".join(f"Line {n} counts {w} things." for n, w in enumerate(words))
    rows = stored_rows(text)
    for i, edit in zip(rows.index, edits):
        if edit == "confirm":
            rows.loc[i, "status"] = "confirmed"
        elif edit == "reject":
            rows.loc[i, "status"] = "rejected"
        elif edit == "note":
            rows.loc[i, "note"] = "checked by hand"
        elif edit == "value":
            rows.loc[i, ["value", "lower", "upper"]] = rows.loc[i, "value"] + 1
    before = rows[touched(rows)]
    shorter = "\n".join(text.split("\n")[:keep_lines])
    merged, _ = merge_claims(rows, fake_extract(shorter, SOURCE, None), shorter, "d" * 64)
    assert merged["claim_id"].is_unique
    after = merged.set_index("claim_id")
    for row in before.itertuples(index=False):
        kept = after.loc[row.claim_id]
        for column in ("status", "note", "value", "text", "char_start"):
            assert kept[column] == getattr(row, column)


def test_a_reviewers_edit_in_the_claims_file_survives_extract(example_workspace, monkeypatch):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    path = example_workspace / "claims" / "004.csv"
    rows = read_rows(path)
    target = next(r for r in rows if r["text"] == "599")
    target["status"], target["note"] = "confirmed", "checked against the ministry's statement"
    other = next(r for r in rows if r["text"] == "126")
    other["value"] = other["lower"] = other["upper"] = "127"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")

    assert main(["extract", str(example_workspace), "--quiet", "--force"]) == 0
    after = {r["claim_id"]: r for r in read_rows(path)}
    assert after[target["claim_id"]] == target
    assert after[other["claim_id"]]["value"] == "127"


def test_extract_skips_unchanged_sources_and_redoes_a_changed_one(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace)]) == 0
    capsys.readouterr()
    source = example_workspace / "sources" / "002_fb4211f2864f7a0c.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA later note: 42 visitors.\n", encoding="utf-8")
    assert main(["extract", str(example_workspace)]) == 0
    out = capsys.readouterr().out
    states = {cells[0]: cells[1] for cells in map(str.split, out.splitlines())
              if len(cells) == len(SUMMARY_COLUMNS) and cells[1] in ("extracted", "unchanged")}
    assert states["002"] == "extracted"
    assert all(state == "unchanged" for sid, state in states.items() if sid != "002")
    assert "42" in set(load_workspace(example_workspace).claims["text"])


def test_a_reviewed_claim_of_a_changed_source_is_marked_stale(example_workspace, monkeypatch, capsys):
    use_fake_extractor(monkeypatch)
    assert main(["extract", str(example_workspace), "--quiet"]) == 0
    path = example_workspace / "claims" / "004.csv"
    rows = read_rows(path)
    rows[3]["status"] = "confirmed"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    source = example_workspace / "sources" / "004_7b2117178b9a2dad.txt"
    source.write_text("Preface added later.\n" + source.read_text(encoding="utf-8"), encoding="utf-8")

    assert main(["extract", str(example_workspace)]) == 0
    assert "1 stale" in capsys.readouterr().out
    claims = load_workspace(example_workspace).claims
    assert claims.loc[claims["claim_id"] == rows[3]["claim_id"], "stale"].item()


def test_re_extracting_the_reviewed_dossier_changes_no_byte(reviewed_workspace):
    before = {p.name: p.read_bytes() for p in (reviewed_workspace / "claims").glob("*.csv")}
    assert main(["extract", str(reviewed_workspace), "--quiet", "--force"]) == 0
    after = {p.name: p.read_bytes() for p in (reviewed_workspace / "claims").glob("*.csv")}
    assert after == before
    claims = load_workspace(reviewed_workspace).claims
    assert (claims["status"] == "confirmed").all() and not claims["stale"].any()
