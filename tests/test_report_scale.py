"""The audit grows with what is wrong, not with the dossier: findings first, one entry per cause of
at most ENTRY_LINES lines, at most 60 lines besides; a dossier without findings fits on one screen."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.api import Workspace
from figcheck.reports.audit import APPENDIX_NAME, ENTRY_LINES, write_report
from figcheck.reports.chart import by_day_ticks
from tests.findings_excerpts import claim, write_workspace

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "central-asia"
SCREEN = 30  # lines


def audit(root: Path, baseline: Path | None = None):
    result = Workspace(root).check(baseline)
    report = write_report(result, root / "reports")
    return result, report.read_text(encoding="utf-8")


def entries(text: str) -> list[list[str]]:
    """The lines of each finding entry: from its anchors to the next entry's."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith('<a id="finding-')]
    return [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]


def assert_scales(result, text: str) -> None:
    found = entries(text)
    assert len(found) == len(result.causes)
    assert len(text.splitlines()) <= 60 + 25 * len(found)
    # each entry, with its row in the summary's index, within its budget
    assert all(len(entry) + 1 <= ENTRY_LINES for entry in found), [len(e) for e in found]
    assert ("## Findings" in text) == bool(found) and "## Sources" not in text


def test_the_bundled_dossier_reads_one_cause_in_a_short_report(tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLE, root)
    result, text = audit(root)
    assert_scales(result, text)
    # five rules' findings on source 001's misread breakdown are one cause, each keeping its own id
    assert len(result.findings) == 5 and result.findings["finding_id"].is_unique
    assert result.causes["findings"].tolist() == [5] and result.summary()["findings"]["error"] == 1
    assert "| Findings             | 1 error, 0 warnings, 0 info" in text
    assert "## Sources" in (root / "reports" / APPENDIX_NAME).read_text(encoding="utf-8")


def test_a_dossier_without_findings_fits_on_one_screen(tmp_path):
    root = write_workspace(tmp_path / "ws", [claim("reuters", "57", "injured"), claim("reuters", "59", "killed")])
    result, text = audit(root)
    assert result.findings.empty and len(text.splitlines()) <= SCREEN
    assert "No finding: the claims agree with every rule." in text


def test_a_reprint_is_shown_as_also_published_by(tmp_path):
    root = write_workspace(tmp_path / "ws", [claim("reuters", "57", "injured"), claim("chinadaily", "57", "injured"),
                                             claim("efe", "143", "injured")])
    _, text = audit(root)
    assert "updated during the day" in text
    rows = [line for line in text.splitlines() if line.startswith("| IN injured ") and "| 57 " in line]
    assert len(rows) == 2 and any(row.rstrip(" |").endswith("China Daily") for row in rows)


FIGURES = [("reuters", "57", "injured"), ("reuters", "59", "killed"), ("efe", "143", "injured"), ("efe", "59", "killed"),
           ("fe", "72", "injured"), ("scroll", "57", "injured"), ("scroll", "61", "killed"), ("chinadaily", "57", "injured"),
           ("chinadaily", "37", "killed"), ("chinadaily", "700", "injured"), ("scroll", "300", "killed"), ("fe", "36", "killed")]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(FIGURES), st.sampled_from(["", "2018-10", "2018-10-19", "2018-10-21"]),
                          st.sampled_from(["", "09:00"])), min_size=1, max_size=12))
def test_any_dossier_keeps_the_audit_within_its_line_budget(tmp_path_factory, picks):
    rows, seen = [], set()
    for (source_id, figure, metric), period_end, time in picks:
        if (source_id, figure) in seen:
            continue
        seen.add((source_id, figure))
        rows.append(claim(source_id, figure, metric, period_end=period_end, time=time))
    root = write_workspace(tmp_path_factory.mktemp("ws") / "ws", rows)
    result, text = audit(root)
    assert_scales(result, text)
    assert not re.search(r"^## (Sources|Reconciled values)", text, re.MULTILINE)


def test_chart_ticks_name_days_when_the_dossier_spans_days():
    assert by_day_ticks(pd.Series(pd.to_datetime(["2018-10-19 22:00", "2018-10-20 00:00", "2018-10-21 00:00"])))
    assert not by_day_ticks(pd.Series(pd.to_datetime(["2021-08-01", "2022-11-03"])))
