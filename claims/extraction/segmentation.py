"""Headings, paragraphs, sentences and table blocks, as offsets into the untouched text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from figcheck.claims.extraction.language import Language, title_cased, word_set
from figcheck.claims.extraction.tables import SEPARATOR, table_lines

_LINE = re.compile(r"[^\n]*\n?")
LIST_MARKER = r"(?:[-*•]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])"  # "- ", "2. ", "(3) ", "b) "
_LIST_ITEM = re.compile(rf"^[ \t]*{LIST_MARKER}[ \t]+")
_MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]")
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]*\w)[.!?]*[\"”’)\]]*$")
_CELL = re.compile(r"[^|]+")
HEADING_MAX = 100  # longer unpunctuated lines are paragraphs of their own, not headings, unless in title case
TITLE_MAX = 200
LABEL_MAX = 50  # an unpunctuated line this short above text is a label, not a wrapped line of it


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Row:
    start: int
    end: int
    cells: list[Cell]


@dataclass(slots=True)
class Block:
    kind: str                 # heading, paragraph, table
    start: int
    end: int
    sentences: list[tuple[int, int]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def list_item(text: str, block: Block) -> bool:
    """Whether a paragraph is an item of a list ("2. Up to 2,200 residents ...", "- 300 cases")."""
    return block.kind == "paragraph" and _LIST_ITEM.match(text[block.start:block.end]) is not None


def _lines(text: str):
    """(start, end without newline, stripped text) for every line."""
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        end = m.end() - 1 if m.group().endswith("\n") else m.end()
        if end > m.start() and text[end - 1] == "\r":
            end -= 1
        yield m.start(), end, text[m.start():end].strip()


def _row(text: str, start: int, end: int) -> Row:
    cells = []
    for m in _CELL.finditer(text, start, end):
        raw = m.group()
        if not raw.strip():
            cells.append(Cell(m.start(), m.start(), ""))
            continue
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(m.start() + lead, m.start() + len(raw.rstrip()), raw.strip()))
    return Row(start, end, cells)


def sentences(text: str, start: int, end: int, abbreviations: frozenset[str],
              dateline: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Split [start, end) at sentence ends, except after abbreviations and initials (Dr., U.N., E.); a
    dateline opening it ("CAIRO (AP) — ") is left out."""
    found = []
    opening = dateline.match(text, start, end) if dateline else None
    begin = opening.end() if opening else start
    for m in _BOUNDARY.finditer(text, begin, end):
        word = _WORD_BEFORE.search(text, max(begin, m.start() - 30), m.end())
        token = word.group(1) if word else ""
        if m.group().startswith(".") and (token.casefold() in abbreviations
                                          or (len(token) == 1 and token.isupper())):
            continue
        found.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and text[begin:end].strip():
        found.append((begin, end))
    return found


def _title_over_text(lines, i: int, first: bool) -> bool:
    """An unpunctuated line set right above text is a title, not the start of a wrapped sentence, when
    it is the text's first line or a short label without figures ("OVERVIEW", "By Jane Doe"), and the
    next line opens with a capital or a digit."""
    stripped = lines[i][2]
    following = lines[i + 1][2] if i + 1 < len(lines) else ""
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    return first or (len(stripped) <= LABEL_MAX and not any(c.isdigit() for c in stripped))


def _heading_length(line: str) -> bool:
    """Short enough for a heading: up to HEADING_MAX characters, or TITLE_MAX where nearly every word of
    four letters or more is capitalised."""
    return len(line) <= HEADING_MAX or (len(line) <= TITLE_MAX and title_cased(line, 0.9, 4))


def segment(text: str, lang: Language) -> list[Block]:
    """The text's blocks in order: a heading, a paragraph (its sentences) or a table (its rows)."""
    abbreviations = word_set(lang["text"]["abbreviations"])
    dateline = re.compile(lang["text"]["dateline"])
    lines = list(_lines(text))
    tables = table_lines([stripped for _, _, stripped in lines])
    blocks: list[Block] = []
    para: list[tuple[int, int]] = []

    def close_paragraph():
        if para:
            s, e = para[0][0], para[-1][1]
            blocks.append(Block("paragraph", s, e, sentences(text, s, e, abbreviations, dateline)))
            para.clear()

    for i, (start, end, stripped) in enumerate(lines):
        if not stripped:
            close_paragraph()
            continue
        if i in tables:
            close_paragraph()
            if blocks and blocks[-1].kind == "table" and blocks[-1].end >= lines[i - 1][1]:
                table = blocks[-1]
            else:
                table = Block("table", start, end)
                blocks.append(table)
            table.end = end
            if not SEPARATOR.match(stripped):
                table.rows.append(_row(text, start, end))
            continue
        blank_after = i + 1 >= len(lines) or not lines[i + 1][2]
        blank_before = i == 0 or not lines[i - 1][2]
        if _MARKDOWN_HEADING.match(stripped) or (stripped[-1] not in ".!?:;," and _heading_length(stripped) and (
                (blank_after and blank_before) or _title_over_text(lines, i, not blocks and not para))):
            close_paragraph()
            blocks.append(Block("heading", start, end, [(start, end)]))
            continue
        if _LIST_ITEM.match(stripped):
            close_paragraph()  # an item opens a paragraph of its own; wrapped lines continue it
        para.append((start, end))
    close_paragraph()
    return blocks
