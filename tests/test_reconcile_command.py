"""`figcheck reconciled WS`: through the command line on a private copy of the bundled dossier."""

import csv
import io
import json

import numpy as np
import pandas as pd

from figcheck.cli import main
from figcheck.reports.reconciled import render
from figcheck.reconcile.values import RECONCILED_COLUMNS


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_csv_json_and_md_list_the_same_quantities(example_workspace, capsys):
    assert main(["extract", str(example_workspace)]) == 0
    capsys.readouterr()
    code, text = run(capsys, "reconciled", str(example_workspace))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == RECONCILED_COLUMNS and len(rows) > 1
    assert {r["status"] for r in rows} >= {"disputed", "single source"}
    code, text = run(capsys, "reconciled", str(example_workspace), "--format", "json")
    records = json.loads(text)["reconciled"]
    assert [r["quantity"] for r in records] == [r["quantity"] for r in rows]
    code, text = run(capsys, "reconciled", str(example_workspace), "--format", "md")
    assert text.count("\n") == len(rows) + 2 and text.startswith("| quantity")


def test_output_is_byte_identical_across_runs(example_workspace, capsys):
    main(["extract", str(example_workspace)])
    capsys.readouterr()
    assert run(capsys, "reconciled", str(example_workspace))[1] == run(capsys, "reconciled", str(example_workspace))[1]


def test_a_missing_workspace_exits_2_with_a_message(tmp_path, capsys):
    assert main(["reconciled", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_markdown_disarms_source_text():
    row = {c: "" for c in RECONCILED_COLUMNS}
    row.update(quantity="AA|total", value=5.0, lower=5.0, upper=5.0, status="agreed",
               citation='P, "T", 2021, line 3: "a | b *bold* <script>"')
    text = render(pd.DataFrame([row]), "md")
    header, _, body = text.splitlines()
    assert body.count(" | ") == header.count(" | ")  # the quote added no column
    assert "\\|" in body and "\\*bold\\*" in body and "&lt;script&gt;" in body


def test_json_writes_unbounded_ends_as_null():
    row = {c: "" for c in RECONCILED_COLUMNS}
    row.update(value=np.nan, lower=2100.0, upper=np.inf, status="single source")
    record = json.loads(render(pd.DataFrame([row]), "json"))["reconciled"][0]
    assert record["upper"] is None and record["value"] is None and record["lower"] == 2100.0
