"""The Python API: `figcheck.Workspace` and friends give what the commands print, as DataFrames, and
importing figcheck loads nothing heavy."""

import inspect
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pandas as pd
import pytest

import figcheck
from figcheck.cli import main
from figcheck.claims.errors import FigcheckError
from figcheck.claims.model import CLAIM_COLUMNS

DRAFTS = Path(__file__).resolve().parent / "data" / "drafts"


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_import_figcheck_loads_no_data_library_and_knows_its_version():
    loaded = run_python("import sys, figcheck; v = figcheck.__version__; "
                        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'pandera', 'scipy', 'numpy', "
                        "'spacy', 'matplotlib'})); print(v)").splitlines()
    assert loaded == ["[]", version("figcheck")]


def test_figcheck_check_never_loads_the_extractor(ws):
    modules = run_python("import sys, contextlib, io; from figcheck.cli import main\n"
                         f"with contextlib.redirect_stdout(io.StringIO()): main(['check', {str(ws)!r}])\n"
                         "print(' '.join(sorted(sys.modules)))").split()
    assert "figcheck.reconcile.engine" in modules
    assert "spacy" not in modules and "figcheck.claims.extract" not in modules


def test_every_public_name_is_documented():
    assert set(figcheck.__all__) <= set(dir(figcheck))
    for name in figcheck.__all__:
        if name == "__version__":
            continue
        thing = getattr(figcheck, name)
        assert inspect.getdoc(thing), name
        for member, value in vars(thing).items() if inspect.isclass(thing) else ():
            if not member.startswith("_") and (callable(value) or isinstance(value, property)):
                assert inspect.getdoc(value), f"{name}.{member}"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Workspaces'"):
        figcheck.Workspaces  # noqa: B018


def test_extract_check_report_and_verify_from_python_as_the_commands_do(example_workspace, capsys):
    ws = figcheck.Workspace(example_workspace)
    summary = ws.extract()
    assert set(summary["state"]) == {"extracted"} and summary["added"].sum() == len(ws.claims) > 0
    assert list(ws.claims.columns) == CLAIM_COLUMNS + ["stale", "page", "heading"]
    assert set(ws.extract()["state"]) == {"unchanged"}

    result = ws.check()
    assert not result.passed and result.exit_code == 1
    assert main(["check", str(example_workspace), "--format", "json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert list(result.findings["finding_id"]) == [f["finding_id"] for f in printed["findings"]]
    assert json.loads(result.render("json")) == printed
    assert set(result.verdicts["claim_id"]) <= set(ws.claims["claim_id"])
    assert "most_likely_wrong" in set(result.verdicts["verdict"])
    assert set(result.reconciled["status"]) >= {"disputed", "single source"}

    report = ws.report()
    assert report == example_workspace / "reports" / "audit.md" and report.is_file()
    baseline, counts = ws.accept()
    assert counts["accepted"] == counts["added"] == len(result.findings) and baseline.is_file()
    assert ws.check().passed and not ws.check(strict=True).passed

    checked = ws.verify(DRAFTS / "explainer.md")
    assert isinstance(checked.figures, pd.DataFrame) and "contradicted" in set(checked.figures["status"])
    assert not checked.passed and checked.exit_code == 1
    assert checked.render("md").startswith("---\n")


def test_a_workspace_that_is_not_one_raises_the_commands_message(tmp_path):
    with pytest.raises(FigcheckError, match="figcheck init"):
        figcheck.Workspace(tmp_path / "nowhere").check()
    with pytest.raises(FigcheckError, match="jobs must be at least 1"):
        figcheck.Workspace(tmp_path).extract(jobs=0)


def test_init_workspace_makes_one_that_checks_clean(tmp_path):
    ws = figcheck.init_workspace(tmp_path / "dossier")
    assert ws.claims.empty and ws.check().passed and ws.check().findings.empty


def test_find_quantities_is_a_frame_of_the_figures_with_their_spans():
    text = "More than 2,100 people returned; about 40% were children."
    found = figcheck.find_quantities(text)
    assert list(found.columns)[:4] == ["line", "char_start", "char_end", "text"]
    assert [text[s:e] for s, e in zip(found["char_start"], found["char_end"])] == list(found["text"])
    first = found.iloc[0]
    assert (first["value"], first["qualifier"], first["upper"]) == (2100, "gt", float("inf"))
    assert figcheck.find_quantities("no figures here").empty
