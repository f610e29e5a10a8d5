"""Figures in Markdown and plain pipe tables: the column header names the metric, the first cell
names the row (entity, date), and a row or column labelled as a total sums the others.

Lines with a pipe are a table only when they look like one: a separator row (`|---|---|`), or two
consecutive rows with the same number of cells. A lone `|` in prose ("A | B said 40 people") is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from figcheck.claims.extraction.language import load_language, word_set
from figcheck.claims.quantities import Quantity

if TYPE_CHECKING:
    from figcheck.claims.extraction.segmentation import Block

SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
HEADER_LABELS = "table header: its figures are column labels"
ROW_LABELS = "first column: its figures are row labels"


def cell_count(line: str) -> int:
    """Cells of a pipe row; pipes opening or closing the row delimit, they add no cell."""
    stripped = line.strip()
    return len(stripped.removeprefix("|").removesuffix("|").split("|"))


def table_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines (stripped text each) that are rows of a pipe table.

    A run of consecutive lines holding a pipe is a table when it has a separator row with a pipe,
    or two consecutive rows with the same number of cells; otherwise its lines are prose."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if "|" not in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and "|" in lines[j]:
            j += 1
        rows = [lines[k] for k in range(i, j) if not SEPARATOR.match(lines[k])]
        counts = [cell_count(row) for row in rows]
        if len(rows) < j - i or any(a == b > 1 for a, b in zip(counts, counts[1:])):
            found.update(range(i, j))
        i = j
    return found


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
    skipped: dict[int, tuple[int, str]] = field(default_factory=dict)  # row -> (line, why no figure is a claim)


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
    figures, labelled = [], {}
    r = 0
    for i in range(first, last):
        q = quantities[i]
        while r < len(rows) and rows[r].end < q.start:
            r += 1
        if r >= len(rows):
            continue
        if r == 0:
            labelled[0] = (q.line, HEADER_LABELS)
            continue
        for c, cell in enumerate(rows[r].cells):
            if cell.start <= q.start and q.end <= cell.end:
                if c > 0:
                    figures.append(CellFigure(i, r, c))
                else:
                    labelled.setdefault(r, (q.line, ROW_LABELS))
                break
    return Table(
        header=header,
        labels=labels,
        total_rows={i for i, label in enumerate(labels) if i > 0 and _is_total(label, totals)},
        total_columns={i for i, text in enumerate(header) if i > 0 and _is_total(text, totals)},
        figures=figures,
        lines=[(row.start, row.end) for row in rows],
        # Only rows none of whose figures became a claim were skipped.
        skipped={row: why for row, why in labelled.items() if all(f.row != row for f in figures)},
    )
