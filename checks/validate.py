"""Lazy pandera validation turned into one readable line per problem: file, CSV line, column, what."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from figcheck.claims.errors import FigcheckError


class InputError(FigcheckError):
    """Bad input found while reading a workspace; carries every problem, not just the first."""

    def __init__(self, problems: list[str], advice: str = ""):
        self.problems = problems
        lines = [f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the input:"]
        lines += [f"  {p}" for p in problems]
        if advice:
            lines.append(advice)
        super().__init__("\n".join(lines))


# What a check's name means, in words; patterns are tried in order on pandera's check description.
# `case` is the failing cell as `_shown` spells it.
_CHECK_WORDS = [
    (r"^isin\((.*)\)$", lambda m, case: f"{case} is not one of {_list_words(m.group(1))}"),
    (r"^coerce_dtype\('(Int64|int64)'\)$", lambda m, case: f"{case} is not a whole number"),
    (r"^coerce_dtype\('float64'\)$", lambda m, case: f"{case} is not a number"),
    (r"^coerce_dtype\((.*)\)$", lambda m, case: f"{case} cannot be read as {m.group(1)}"),
    (r"^dtype\(", None),  # repeats the coercion failure
    (r"^form\((.*)\)$", lambda m, case: f"{case} does not have the expected form"),
    (r"^str_length\(", lambda m, case: "must not be empty"),
    (r"^field_uniqueness$", lambda m, case: f"{case} appears more than once; ids must be unique"),
    (r"^multiple_fields_uniqueness$", lambda m, case: "this combination appears more than once"),
    (r"^not_nullable$", lambda m, case: "must not be empty"),
    (r"^greater_than_or_equal_to\((.*)\)$", lambda m, case: f"{case} must be at least {m.group(1)}"),
    (r"^less_than_or_equal_to\((.*)\)$", lambda m, case: f"{case} must be at most {m.group(1)}"),
    (r"^column_in_schema$", lambda m, case: "is not a known column; remove or rename it"),
    (r"^column_in_dataframe$", lambda m, case: "is missing; add it to the header"),
    (r"^column_ordered$", lambda m, case: "is out of order; keep the columns in the documented order"),
]

# Forms a `form` check (checks.schemas) expects, per column name, for the message.
FORM_HINTS = {
    "published": "an ISO date like 2021, 2021-08 or 2021-08-31",
    "period_start": "an ISO date like 2021, 2021-08 or 2021-08-31",
    "period_end": "an ISO date like 2021, 2021-08 or 2021-08-31",
    "source_id": "letters, digits, '.', '_' or '-'",
    "entity": "a country code like UZ, a group like KG+KZ+TJ+UZ, or a configured subject",
    "language": "a language code like en",
    "source_sha256": "64 hexadecimal digits",
}


def _list_words(inner: str) -> str:
    return ", ".join(re.findall(r"'([^']*)'", inner)) or inner


def _describe(check: str, case) -> str | None:
    for pattern, words in _CHECK_WORDS:
        match = re.match(pattern, check)
        if match:
            return words(match, case) if words else None
    return f"fails the check '{check}'"


def validate(model, frame: pd.DataFrame, origin: str | pd.Series, numeric: tuple[str, ...] = (),
             check_columns: dict[str, str] | None = None) -> tuple[pd.DataFrame | None, list[str]]:
    """Validate `frame` lazily; return the coerced frame or the problems.

    `origin` is the file name (the frame's index then holds CSV line numbers) or, for a frame
    gathered from several files, a Series giving each index label's "file:line". `numeric` columns
    have empty cells turned into missing values before coercion; `check_columns` names the column a
    dataframe-level check is about, so its message can name it too.
    """
    frame = frame.copy()
    for column in numeric:
        if column in frame.columns:
            frame[column] = frame[column].map(lambda v: None if v in ("", None) else v)
    try:
        return model.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as exc:
        return None, _messages(exc.failure_cases, origin, check_columns or {}, frame)


def _shown(value) -> str:
    """A failing cell as the user wrote or would read it: no numpy repr, whole floats as integers."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value) if isinstance(value, str) else str(value)


def _messages(cases: pd.DataFrame, origin: str | pd.Series, check_columns: dict[str, str],
              raw: pd.DataFrame) -> list[str]:
    """One message per problem, in the user's words. A row whose cell is wrong is not also reported
    for the table-wide rules that cell makes fail: those follow from it, and are checked again once
    it is fixed."""
    problems: list[str] = []
    seen: set[str] = set()
    cells = cases[(cases["schema_context"] == "Column") & cases["index"].notna()]
    bad_rows, bad_columns = set(cells["index"].tolist()), set(cells["column"].tolist())
    for case in cases.itertuples(index=False):
        check = str(case.check)
        if pd.isna(case.index) and case.schema_context == "Column" and case.column in bad_columns:
            continue  # the column's checks could not run on a cell that is not of its type
        if case.schema_context == "DataFrameSchema" and check in check_columns and (
                case.index in bad_rows or (pd.isna(case.index) and bad_rows)):
            continue
        if case.schema_context == "DataFrameSchema" and check in ("column_in_schema", "column_in_dataframe", "column_ordered"):
            column = case.failure_case
            where = f"{origin}:1" if isinstance(origin, str) else "header"
        else:
            column = check_columns.get(check, case.column)
            if pd.isna(case.index):
                where = origin if isinstance(origin, str) else "table"
            else:
                where = f"{origin}:{int(case.index)}" if isinstance(origin, str) else origin.loc[case.index]
        if case.schema_context == "DataFrameSchema" and check in check_columns:
            words = f"fails the rule '{check}'"
        elif check == "not_nullable" and not pd.isna(case.index) and _written(raw, case.index, column):
            # A cell that reads as "not a number" (nan) is not empty: say what it holds.
            words = f"{_written(raw, case.index, column)!r} is not a number"
        else:
            words = _describe(check, _shown(case.failure_case))
        if words is None:
            continue
        if check.startswith("form(") and column in FORM_HINTS:
            words += f" (expected {FORM_HINTS[column]})"
        message = f"{where}: column '{column}': {words}"
        if message not in seen:
            seen.add(message)
            problems.append(message)
    return sorted(problems, key=_line_order)


def _written(raw: pd.DataFrame, index, column) -> str:
    """The text of a cell as read, "" when there is none."""
    try:
        value = raw.at[index, column]
    except KeyError:
        return ""
    return value if isinstance(value, str) else ""


def _line_order(message: str):
    match = re.match(r"^(.*?):(\d+): ", message)
    return (match.group(1), int(match.group(2)), message) if match else (message, 0, message)
