"""The audit report: what an editor sees, in which order, and the same bytes for the same workspace."""

import io
from pathlib import Path

from PIL import Image

from figcheck.reports.audit import APPENDIX_NAME, write_report
from figcheck.reports.baseline import Baseline, load_baseline
from figcheck.reports.result import build_result
from tests.test_report_data import make_reconciliation, make_workspace


def render(tmp_path: Path, baseline: Baseline | None = None, shuffle: bool = False, root: str = "ws"):
    workspace = make_workspace(tmp_path / root)
    reconciliation = make_reconciliation()
    if shuffle:
        workspace.claims = workspace.claims.iloc[::-1].reset_index(drop=True)
        workspace.sources = workspace.sources.iloc[::-1].reset_index(drop=True)
        for name in ("findings", "finding_claims", "verdicts", "reconciled"):
            frame = getattr(reconciliation, name)
            setattr(reconciliation, name, frame.iloc[::-1].reset_index(drop=True))
    result = build_result(reconciliation, workspace, baseline or load_baseline(tmp_path / "none.json"))
    report = write_report(result, workspace.layout.reports_dir)
    return report, report.read_text(encoding="utf-8")


def appendix(report: Path) -> str:
    return (report.parent / APPENDIX_NAME).read_text(encoding="utf-8")


def test_report_orders_errors_first_with_linkable_headings(tmp_path):
    _, text = render(tmp_path)
    error_at = text.index("### 1. Error: Xanadu (XA) · widgets · cumulative · 2019..2020-06 · agreement")
    warning_at = text.index("### 2. Warning: Xanadu (XA) · widgets.red")
    assert text.index("## Findings") < error_at < warning_at
    assert '<a id="finding-aaaaaaaaaaaa"></a>' in text
    assert "[1](#finding-aaaaaaaaaaaa)" in text


def test_finding_shows_a_timeline_with_links_to_source_lines_quotes_and_most_likely_wrong(tmp_path):
    _, text = render(tmp_path)
    finding = text[text.index("### 1. Error"):text.index("### 2. Warning")]
    assert "- **agreement** (`aaaaaaaaaaaa`): 40 and 50 describe the same quantity" in finding
    rows = [line for line in finding.splitlines() if line.startswith("| XA widgets ")]
    # every source's figure for the quantity, by date: 40 in 2020-06, then 50 in 2021-06
    assert [row.split("|")[2].strip() for row in rows] == ["2020-06", "2021-06"]
    assert "[a.txt:3](../sources/a.txt#L3)" in rows[0] and "By June 2020 there were **40** widgets." in rows[0]
    assert "most likely wrong" in rows[1] and "[b.txt:3](../sources/b.txt#L3)" in rows[1]
    assert "**Most likely wrong:** b line 3: 50, consistent value 40." in finding


def test_summary_counts_claims_by_status_and_findings_new_versus_known(tmp_path):
    known = Baseline(tmp_path / "b.json", {"aaaaaaaaaaaa": {"finding_id": "aaaaaaaaaaaa", "description": "seen it"},
                                           "cccccccccccc": {"finding_id": "cccccccccccc", "description": "gone"}})
    _, text = render(tmp_path, known)
    assert "4 (1 confirmed, 2 candidate, 1 rejected; 0 stale)" in text
    assert "| Findings             | 1 error, 1 warning, 0 info" in text
    assert "1 new, 1 known, 1 no longer found" in text
    assert "In the baseline: seen it" in text


def test_reconciled_values_say_what_to_cite(tmp_path):
    report, _ = render(tmp_path)
    section = appendix(report)[appendix(report).index("## Reconciled values"):]
    row = next(line for line in section.splitlines() if "| widgets " in line)
    assert "| 40 " in row and "disputed" in row and "confirmed by review" in row and "Office, Report a" in row


def test_sources_list_their_claims_and_how_many_are_reviewed(tmp_path):
    report, text = render(tmp_path)
    assert "## Sources" not in text
    section = appendix(report)[appendix(report).index("## Sources"):]
    assert "2 claims, 1 reviewed (confirmed or rejected), 0 stale." in section
    assert "[3](../sources/b.txt#L3)" in section


def test_chart_per_metric_is_embedded_in_the_appendix_with_alt_text(tmp_path):
    report, _ = render(tmp_path)
    assert "![widgets by date. Xanadu (XA): 40 (2020-06, source a, contradicted), " in appendix(report)
    assert sorted(p.name for p in report.parent.glob("chart-*.png")) == ["chart-widgets.png"]
    chart = report.parent / "chart-widgets.png"
    image = Image.open(io.BytesIO(chart.read_bytes()))
    assert image.format == "PNG" and image.size == (800, 450)
    assert not {"Software", "Creation Time", "date:create"} & set(image.info)


def test_same_workspace_gives_identical_bytes_whatever_the_row_order(tmp_path):
    report, first = render(tmp_path, root="one")
    chart = (report.parent / "chart-widgets.png").read_bytes()
    again, second = render(tmp_path, shuffle=True, root="two")
    assert first.replace("# Audit: one", "") == second.replace("# Audit: two", "")
    assert appendix(report).replace("appendix: one", "") == appendix(again).replace("appendix: two", "")
    assert (again.parent / "chart-widgets.png").read_bytes() == chart


def test_chart_left_by_an_earlier_run_that_no_longer_applies_is_removed(tmp_path):
    report, _ = render(tmp_path)
    stale = report.parent / "chart-ZZ.png"
    stale.write_bytes(b"old")
    render(tmp_path)
    assert not stale.exists() and (report.parent / "chart-widgets.png").exists()
