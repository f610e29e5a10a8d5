"""Source text in the audit report stays text: tables keep their cells, no markup gets through."""

import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from figcheck.reports.audit import APPENDIX_NAME, write_report
from figcheck.reports.baseline import load_baseline
from figcheck.reports.escape import md
from figcheck.reports.result import build_result
from tests.test_report_data import HOSTILE_QUOTES, make_reconciliation, make_workspace

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKUP = {"link_open", "image", "html_inline", "html_block", "code_inline", "em_open", "strong_open", "s_open"}


def tables(tokens):
    """Each table as a list of rows, each row its list of cell inline tokens."""
    found, rows = [], None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows is not None and rows:
            rows[-1].append(token)
        elif token.type == "table_close":
            found.append(rows)
            rows = None
    return found


def hostile_report(tmp_path: Path) -> str:
    quotes = {"a": HOSTILE_QUOTES["pipe"] + " " + HOSTILE_QUOTES["script"],
              "b": HOSTILE_QUOTES["backticks"] + " " + HOSTILE_QUOTES["brackets"]}
    workspace = make_workspace(tmp_path / "ws", quotes)
    result = build_result(make_reconciliation(), workspace, load_baseline(tmp_path / "none.json"))
    report = write_report(result, workspace.layout.reports_dir)
    # Both files an editor reads, as one text.
    return report.read_text(encoding="utf-8") + "\n" + (report.parent / APPENDIX_NAME).read_text(encoding="utf-8")


def test_hostile_quotes_keep_every_table_row_as_wide_as_its_header(tmp_path):
    report = hostile_report(tmp_path)
    found = tables(MARKDOWN.parse(report))
    assert len(found) >= 4  # summary, index, two claim tables, reconciled, per source
    for rows in found:
        widths = {len(row) for row in rows}
        assert widths == {len(rows[0])}, rows


def test_hostile_quotes_inject_no_link_code_or_html(tmp_path):
    report = hostile_report(tmp_path)
    tokens = MARKDOWN.parse(report)
    children = [child for token in tokens if token.type == "inline" for child in token.children]
    html = [t.content for t in children if t.type == "html_inline"] + [t.content for t in tokens if t.type == "html_block"]
    assert html and all(re.fullmatch(r'<a id="finding-[0-9a-f]+">|</a>', h) for h in html), html
    images = [t.attrs["src"] for t in children if t.type == "image"]
    assert images == ["chart-widgets.png"]
    hrefs = [t.attrs["href"] for t in children if t.type == "link_open"]
    assert hrefs and all(h.startswith(("../sources/", "#finding-", APPENDIX_NAME, "audit.md")) for h in hrefs), hrefs
    # the only code spans are the finding ids and command names the report itself writes
    code = {t.content for t in children if t.type == "code_inline"}
    assert code <= {"figcheck report", "aaaaaaaaaaaa", "bbbbbbbbbbbb"}, code


def test_hostile_quotes_read_back_as_written(tmp_path):
    rendered = MARKDOWN.render(hostile_report(tmp_path))
    assert "Alpha | beta | gamma" in rendered
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in rendered
    assert "<script>" not in rendered
    assert "Use `rm -rf` and ``` fences ```" in rendered
    assert "[click](javascript:alert(1)) ![img](x.png)" in rendered


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_text_escaped_fills_exactly_one_cell_as_plain_text(text):
    row = MARKDOWN.parse(f"| head |\n|---|\n| {md(text)} |\n")
    cells = tables(row)[0]
    assert [len(r) for r in cells] == [1, 1]
    inline = cells[1][0]
    assert not [child for child in inline.children if child.type in MARKUP]
    shown = "".join(child.content for child in inline.children if child.type == "text")
    visible = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    assert shown.split() == visible.split()
