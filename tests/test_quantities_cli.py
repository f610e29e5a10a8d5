"""`figcheck quantities FILE|-` through the command-line entry point."""

import io
import json
import sys

from figcheck.cli import main


def test_prints_one_json_object_per_figure(tmp_path, capsys):
    path = tmp_path / "note.txt"
    path.write_text("On 5 May 2022 more than 2,100 people returned.\nAbout 60 per cent were women.\n", encoding="utf-8")
    assert main(["quantities", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [(r["text"], r["value"], r["qualifier"], r["kind"], r["line"]) for r in records] == [
        ("2,100", 2100.0, "gt", "count", 1), ("60 per cent", 60.0, "approx", "percent", 2)]
    assert records[0]["upper"] is None  # unbounded above, as plain JSON
    assert records[0]["unit"] == "people"


def test_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("women (156)".encode("utf-8"))))
    assert main(["quantities", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["value"], record["unit"], record["char_start"], record["char_end"]) == (156.0, "women", 7, 10)


def test_bad_input_exits_2_with_a_message(tmp_path, capsys):
    assert main(["quantities", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9 12 people".encode("latin-1"))
    assert main(["quantities", str(bad)]) == 2
    assert "not UTF-8" in capsys.readouterr().err
