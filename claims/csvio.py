"""CSV in and out as strings, with the line each record starts on, so errors can name it."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api import types

from figcheck.claims.atomic import os_failure
from figcheck.claims.errors import FigcheckError


def read_csv_records(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """All cells as str; the frame's index is the CSV line each record starts on.

    Returns the frame and a list of structural problems (ragged rows, bad encoding, empty file).
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise os_failure(path, exc, "read") from None
    return parse_csv_records(data, path)


def reads_back(path: Path) -> list[str]:
    """The problems `read_csv_records` finds in a file: none for a file figcheck may put in place."""
    return read_csv_records(path)[1]


def parse_csv_records(data: bytes, path: Path | str) -> tuple[pd.DataFrame, list[str]]:
    """`read_csv_records` over bytes already read from `path`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FigcheckError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[str] = []
    try:
        header = next(reader)
    except StopIteration:
        return pd.DataFrame(), [f"{path}: the file is empty; it needs at least a header row"]
    except csv.Error as exc:
        return pd.DataFrame(), [f"{path}:1: not readable as CSV: {_csv_words(exc)}"]
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
        problems.append(f"{path}:{start}: not readable as CSV: {_csv_words(exc)}")
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="csv_line"), dtype=object)
    return frame, problems


def _csv_words(exc: csv.Error) -> str:
    if "field limit" in str(exc):
        return f"a cell is longer than {csv.field_size_limit()} characters"
    return str(exc)


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


def format_column(series: pd.Series) -> pd.Series:
    """`format_cell` over a whole column, vectorised for the common dtypes."""
    if types.is_float_dtype(series.dtype) and not isinstance(series.dtype, pd.ArrowDtype):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        whole = np.isfinite(values) & (np.abs(values) < 1e15)
        whole[whole] = values[whole] == np.floor(values[whole])
        out = np.array([format_cell(v) for v in values.tolist()], dtype=object) if not whole.all() else None
        if out is None:
            out = np.empty(len(values), dtype=object)
        out[whole] = values[whole].astype(np.int64).astype(str)
        return pd.Series(out, index=series.index, dtype=object)
    if types.is_integer_dtype(series.dtype) and not types.is_bool_dtype(series.dtype):
        return series.astype("string").fillna("").astype(object)
    if types.is_string_dtype(series.dtype) and series.dtype != object:
        return series.fillna("").astype(object)
    return series.map(format_cell).astype(object)


def to_csv_text(frame: pd.DataFrame, columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(zip(*(format_column(frame[c]).tolist() for c in columns)))
    return out.getvalue()


def json_cell(value):
    """A cell as plain JSON: numpy scalars as Python numbers, whole numbers as int, missing or
    unbounded numbers as null (JSON has no infinity)."""
    if hasattr(value, "item"):
        value = value.item()
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return int(value) if value.is_integer() else value
    return value
