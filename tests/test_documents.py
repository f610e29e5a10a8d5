"""Sources as they come: web pages, PDF reports and Word files, each built here by a maintained
library, read through the whole pipeline with their page and heading kept."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

from figcheck.checks.workspace import load_workspace
from figcheck.claims.documents import convert, pipe_table
from figcheck.claims.model import SOURCE_COLUMNS
from figcheck.cli import main

CONFIG = """[workspace]
language = "en"

[entities.TD]
name = "Chad"
forms = ["Chad", "Chadian"]

[metrics.cases]
words = ["cases"]
scope = "cumulative"

[metrics.schools]
words = ["schools"]
scope = "snapshot"
"""

PAGE = """<html><head><title>Cases rise in Chad</title><meta property="og:site_name" content="Daily Courier">
<meta name="date" content="2024-03-09"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport 24</a></li><li>Top 10 lists</li></ul></nav>
<div id="cookies">We use 3 kinds of cookies on this site.</div>
<article><h1>Cases rise in Chad</h1>
<p>Health officials in Chad recorded 812 cases of cholera by Friday, the ministry said in a statement
issued in the capital on Saturday morning after a meeting with partners.</p>
<h2>Cases by district</h2>
<p>The outbreak is concentrated in two districts that border the river and saw heavy rain this month.</p>
<table><tr><th>District</th><th>Cases</th></tr><tr><td>North</td><td>500</td></tr><tr><td>South</td><td>312</td></tr></table>
<p>Partners say the response in Chad will need more funding in the coming weeks as the rains go on.</p>
</article>
<footer>Copyright Daily Courier. Call 555 0199 or write to PO Box 4411.</footer></body></html>
"""


def _pdf(encrypt: bool = False, blank: bool = False) -> bytes:
    pdf = FPDF()
    pdf.set_title("Weekly bulletin")
    pdf.set_author("Ministry of Health")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_page()
    if not blank:
        pdf.set_font("Helvetica", size=20)
        pdf.cell(text="Weekly bulletin")
        pdf.ln(14)
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text="Chad recorded 812 cases of cholera by Friday.")
        pdf.ln(4)
        with pdf.table() as table:
            for cells in (("District", "Cases"), ("North", "500"), ("South", "312")):
                row = table.row()
                for cell in cells:
                    row.cell(cell)
        pdf.add_page()
        pdf.set_font("Helvetica", size=20)
        pdf.cell(text="Schools")
        pdf.ln(14)
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text="In Chad 41 schools reopened this week.")
    return bytes(pdf.output())


def _docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Partner update"
    document.core_properties.author = "Relief Partners"
    document.add_heading("Partner update", level=1)
    document.add_paragraph("Chad recorded 812 cases of cholera by Friday.")
    document.add_heading("Districts", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, (("District", "Cases"), ("North", "500"), ("South", "312"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _workspace(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "ws"
    (root / "sources").mkdir(parents=True)
    (root / "figcheck.toml").write_text(CONFIG, encoding="utf-8")
    with (root / "sources.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SOURCE_COLUMNS)
        for number, (name, data) in enumerate(files.items(), start=1):
            (root / "sources" / name).write_bytes(data)
            writer.writerow([f"{number:03d}", name, name, "Publisher", "2024-03-09", "", "", "en", ""])
    return root


def _claims(root: Path):
    return load_workspace(root).claims


def test_a_web_page_gives_its_article_figures_and_table_cells_not_its_menus_and_footer(tmp_path):
    root = _workspace(tmp_path, {"page.html": PAGE.encode()})
    assert main(["extract", str(root), "--quiet"]) == 0
    claims = _claims(root)
    values = set(claims["value"])
    assert {812, 500, 312} <= values
    assert not values & {24, 10, 3, 555, 199, 4411}  # menu, cookie banner, footer
    text = load_workspace(root).texts["001"]
    row = claims[claims["value"] == 812].iloc[0]
    assert text.splitlines()[int(row["line"]) - 1].count("812") == 1
    assert claims.loc[claims["value"] == 500, "heading"].iloc[0] == "Cases by district"
    assert claims["page"].isna().all()


def test_a_pdf_keeps_each_figure_on_its_page_with_its_heading_and_table(tmp_path):
    root = _workspace(tmp_path, {"bulletin.pdf": _pdf()})
    assert main(["extract", str(root), "--quiet"]) == 0
    claims = _claims(root).set_index("value")
    assert claims.loc[812, "page"] == 1 and claims.loc[41, "page"] == 2
    assert claims.loc[41, "heading"] == "Schools"
    assert claims.loc[812, "heading"] == "Weekly bulletin"
    assert {500, 312} <= set(claims.index)  # the table's cells


def test_a_word_file_gives_its_paragraphs_headings_and_table(tmp_path):
    root = _workspace(tmp_path, {"update.docx": _docx()})
    assert main(["extract", str(root), "--quiet"]) == 0
    claims = _claims(root).set_index("value")
    assert {812, 500, 312} <= set(claims.index)
    assert claims.loc[500, "heading"] == "Districts"
    assert claims.loc[812, "entity"] == "TD"


def test_a_mixed_workspace_runs_through_audit_and_the_report_links_pdf_pages(tmp_path):
    files = {"note.txt": b"Chad recorded 790 cases of cholera by Friday.\n", "page.html": PAGE.encode(),
             "bulletin.pdf": _pdf(), "update.docx": _docx()}
    root = _workspace(tmp_path, files)
    assert main(["audit", str(root)]) in (0, 1)
    report = (root / "reports" / "audit.md").read_text(encoding="utf-8")
    assert "bulletin.pdf#page=1" in report
    assert "note.txt#L1" in report


def test_changing_a_pdf_marks_its_reviewed_claims_stale(tmp_path):
    root = _workspace(tmp_path, {"bulletin.pdf": _pdf()})
    assert main(["extract", str(root), "--quiet"]) == 0
    store = root / "claims" / "001.csv"
    rows = list(csv.DictReader(store.open(encoding="utf-8")))
    for row in rows:
        row["status"] = "confirmed"
    with store.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert not _claims(root)["stale"].any()
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text="A corrected bulletin: Chad recorded 830 cases of cholera by Friday.")
    (root / "sources" / "bulletin.pdf").write_bytes(bytes(pdf.output()))
    assert _claims(root)["stale"].all()


@pytest.mark.parametrize("name, data, message", [
    ("locked.pdf", _pdf(encrypt=True), "encrypted"),
    ("scanned.pdf", _pdf(blank=True), "no text layer: run OCR first"),
    ("cut.pdf", _pdf()[:400], "broken or truncated"),
    ("script.html", b"<html><body><script>var total = 1200;</script></body></html>", "no main text"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "broken or truncated"),
])
def test_a_bad_document_is_named_without_a_traceback_and_the_others_are_still_extracted(tmp_path, capsys, name,
                                                                                         data, message):
    root = _workspace(tmp_path, {"good.txt": b"Chad recorded 812 cases of cholera by Friday.\n", name: data})
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    assert main(["extract", str(root), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert name in err and message in err and "Traceback" not in err
    assert (root / "claims" / "001.csv").is_file()  # the good source was extracted
    assert not (root / "claims" / "002.csv").exists()
    for path, data in before.items():
        assert path.read_bytes() == data  # nothing that was there changed
    assert main(["check", str(root)]) == 2
    assert name in capsys.readouterr().err


def test_add_fills_the_registry_row_from_the_documents_metadata_and_never_rewrites_a_row(tmp_path, capsys):
    root = _workspace(tmp_path, {"note.txt": b"Chad recorded 790 cases.\n"})
    registry = root / "sources.csv"
    before = registry.read_bytes()
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "page.html").write_text(PAGE, encoding="utf-8")
    (incoming / "bulletin.pdf").write_bytes(_pdf())
    (incoming / "update.docx").write_bytes(_docx())
    files = [str(incoming / name) for name in ("page.html", "bulletin.pdf", "update.docx")]
    assert main(["add", str(root), *files]) == 0
    after = registry.read_bytes()
    assert after.startswith(before)
    rows = {row["file"]: row for row in csv.DictReader(io.StringIO(after.decode()))}
    assert rows["page.html"]["title"] == "Cases rise in Chad"
    assert rows["page.html"]["publisher"] == "Daily Courier"
    assert rows["page.html"]["published"] == "2024-03-09"
    assert rows["bulletin.pdf"]["title"] == "Weekly bulletin"
    assert rows["bulletin.pdf"]["publisher"] == "Ministry of Health"
    assert rows["update.docx"]["publisher"] == "Relief Partners"
    assert [rows[name]["source_id"] for name in ("page.html", "bulletin.pdf", "update.docx")] == ["002", "003", "004"]
    assert (root / "sources" / "bulletin.pdf").read_bytes() == (incoming / "bulletin.pdf").read_bytes()
    capsys.readouterr()
    assert main(["add", str(root), files[0]]) == 0  # the same document again: skipped
    assert "already registered as source 002" in capsys.readouterr().out
    assert registry.read_bytes() == after
    assert main(["extract", str(root), "--quiet"]) == 0


def test_add_refuses_a_different_document_under_a_registered_name(tmp_path, capsys):
    root = _workspace(tmp_path, {"note.txt": b"Chad recorded 790 cases.\n"})
    other = tmp_path / "note.txt"
    other.write_bytes(b"Another text with 12 figures.\n")
    before = (root / "sources.csv").read_bytes()
    assert main(["add", str(root), str(other)]) == 2
    assert "already in the workspace" in capsys.readouterr().err
    assert (root / "sources.csv").read_bytes() == before
    assert (root / "sources" / "note.txt").read_bytes() == b"Chad recorded 790 cases.\n"


def test_show_prints_a_claim_with_its_page_heading_and_context(tmp_path, capsys):
    root = _workspace(tmp_path, {"bulletin.pdf": _pdf()})
    assert main(["extract", str(root), "--quiet"]) == 0
    claim_id = _claims(root).set_index("value").loc[41, "claim_id"]
    capsys.readouterr()
    assert main(["show", str(root), claim_id]) == 0
    out = capsys.readouterr().out
    assert "page 2" in out and "under 'Schools'" in out and "41 schools reopened" in out
    assert main(["show", str(root), "no-such-claim"]) == 2


def test_a_conversion_is_cached_by_the_originals_hash(tmp_path, monkeypatch):
    root = _workspace(tmp_path, {"bulletin.pdf": _pdf()})
    first = load_workspace(root).texts["001"]
    monkeypatch.setattr("figcheck.claims.documents.convert", lambda data, origin: pytest.fail("converted again"))
    assert load_workspace(root).texts["001"] == first
    shutil.rmtree(root / ".figcheck")
    monkeypatch.undo()
    assert load_workspace(root).texts["001"] == first  # a deleted cache is rebuilt, with the same text


def test_plain_text_is_read_unchanged():
    text = "Line one with 12 figures.\r\nLine two.\n"
    assert convert(text.encode(), "note.txt").text == text


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=6))
def test_a_pipe_table_keeps_one_line_per_row_and_every_cell_in_place(rows):
    table = pipe_table(rows).split("\n")
    width = max(len(row) for row in rows)
    assert len(table) == len(rows) + 1  # the header, the separator, the other rows
    for line, row in zip([table[0]] + table[2:], rows):
        found = [cell.strip() for cell in line[1:-1].split("|")]
        assert found == [" ".join(cell.replace("|", "/").split()) for cell in row] + [""] * (width - len(row))
