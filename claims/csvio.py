"""CSV in and out as strings, with the line each record starts on, so errors can name it."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd

from claims.errors import FigcheckError


def read_csv_records(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """All cells as str; the frame's index is the CSV line each record starts on.

    Returns the frame and a list of structural problems (ragged rows, bad encoding, empty file).
    """
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FigcheckError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[str] = []
    try:
        header = next(reader)
    except StopIteration:
        return pd.DataFrame(), [f"{path}: the file is empty; it needs at least a header row"]
    except csv.Error as exc:
        return pd.DataFrame(), [f"{path}:1: not readable as CSV: {exc}"]
    rows, lines = [], []
    start = reader.line_num + 1
    try:
        for record in reader:
            if record and len(record) != len(header):
                problems.append(f"{path}:{start}: {len(record)} fields, but the header has {len(header)}")
            elif record:
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.append(f"{path}:{start}: not readable as CSV: {exc}")
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="csv_line"), dtype=object)
    return frame, problems


def format_cell(value) -> str:
    """One spelling per value, so re-writing an unchanged table changes no byte."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def to_csv_text(frame: pd.DataFrame, columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in frame[columns].itertuples(index=False, name=None):
        writer.writerow([format_cell(v) for v in row])
    return out.getvalue()
