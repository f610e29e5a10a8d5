"""Figures in Markdown and plain pipe tables: the column header names the metric, the first cell
names the row (entity, date), and a row or column labelled as a total sums the others."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import load_language, word_set
from figcheck.claims.extraction.segmentation import Block
from figcheck.claims.quantities import Quantity


@dataclass(slots=True)
class CellFigure:
    index: int          # position of the quantity in the source's list of quantities
    row: int
    column: int


@dataclass(slots=True)
class Table:
    header: list[str]            # header text per column
    labels: list[str]            # first-cell text per row (row 0 is the header)
    total_rows: set[int]
    total_columns: set[int]
    figures: list[CellFigure]
    lines: list[tuple[int, int]]  # each row's span, for its quote


@lru_cache(maxsize=8)
def total_labels(code: str = "en") -> frozenset[str]:
    return word_set(load_language(code)["tables"]["total_labels"])


def _is_total(label: str, totals: frozenset[str]) -> bool:
    return " ".join(label.casefold().strip(" *_:").split()) in totals


def read_table(block: Block, quantities: list[Quantity], first: int, last: int, code: str) -> Table:
    """The table of a block, with each quantity in [first, last) placed in its cell.

    Figures in the header row and in the first column are labels (years, codes), not claims."""
    totals = total_labels(code)
    rows = block.rows
    header = [c.text for c in rows[0].cells] if rows else []
    header += [""] * (max((len(r.cells) for r in rows), default=0) - len(header))  # rows wider than the header
    labels = [r.cells[0].text if r.cells else "" for r in rows]
    figures = []
    r = 0
    for i in range(first, last):
        q = quantities[i]
        while r < len(rows) and rows[r].end < q.start:
            r += 1
        if r == 0 or r >= len(rows):
            continue
        for c, cell in enumerate(rows[r].cells):
            if c > 0 and cell.start <= q.start and q.end <= cell.end:
                figures.append(CellFigure(i, r, c))
                break
    return Table(
        header=header,
        labels=labels,
        total_rows={i for i, label in enumerate(labels) if i > 0 and _is_total(label, totals)},
        total_columns={i for i, text in enumerate(header) if i > 0 and _is_total(text, totals)},
        figures=figures,
        lines=[(row.start, row.end) for row in rows],
    )
