"""How long document conversion takes: a generated PDF report of many pages (text, a heading and a
table on every page), converted by `figcheck.claims.documents.convert`, against pdfplumber's plain
text extraction of the same file (the floor: figcheck adds tables, headings and the page map).

    python benchmarks/bench_convert.py [--pages 300]

Target: a 300-page report converts in under a minute on this two-core machine.
"""

from __future__ import annotations

import argparse
import io
import time

from fpdf import FPDF

TARGET_SECONDS = 60.0


def report_pdf(pages: int) -> bytes:
    """A report of `pages` pages, each with a heading, a paragraph of figures and a small table."""
    pdf = FPDF()
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=18)
        pdf.cell(text=f"Section {number}")
        pdf.ln(12)
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text=(f"In district {number}, {number * 37} cases were reported by the end of "
                                   f"the week, {number * 3} of them among children under five. ") * 4)
        pdf.ln(4)
        with pdf.table() as table:
            for cells in (("Area", "Cases", "Deaths"), ("North", str(number * 20), str(number)),
                          ("South", str(number * 17), str(number * 2))):
                row = table.row()
                for cell in cells:
                    row.cell(cell)
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    import pdfplumber

    from figcheck.claims.documents import convert

    data = report_pdf(args.pages)
    start = time.perf_counter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
    floor = time.perf_counter() - start
    start = time.perf_counter()
    document = convert(data, "report.pdf")
    took = time.perf_counter() - start
    verdict = "met" if took < TARGET_SECONDS else f"missed by {took - TARGET_SECONDS:.1f} s"
    print(f"{args.pages}-page PDF ({len(data) / 1e6:.1f} MB): converted in {took:.1f} s "
          f"({args.pages / took:.1f} pages/s, {len(document.text):,} characters, {len(document.page_starts)} pages); "
          f"pdfplumber's plain text alone {floor:.1f} s, ratio {took / floor:.2f}x; "
          f"target under {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
