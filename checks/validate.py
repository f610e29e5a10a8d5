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
_CHECK_WORDS = [
    (r"^isin\((.*)\)$", lambda m, case: f"{case!r} is not one of {_list_words(m.group(1))}"),
    (r"^coerce_dtype\('(Int64|int64)'\)$", lambda m, case: f"{case!r} is not a whole number"),
    (r"^coerce_dtype\('float64'\)$", lambda m, case: f"{case!r} is not a number"),
    (r"^coerce_dtype\((.*)\)$", lambda m, case: f"{case!r} cannot be read as {m.group(1)}"),
    (r"^dtype\(", None),  # repeats the coercion failure
    (r"^form\((.*)\)$", lambda m, case: f"{case!r} does not have the expected form"),
    (r"^str_length\(", lambda m, case: "must not be empty"),
    (r"^field_uniqueness$", lambda m, case: f"{case!r} appears more than once; ids must be unique"),
    (r"^multiple_fields_uniqueness$", lambda m, case: "this combination appears more than once"),
    (r"^not_nullable$", lambda m, case: "must not be empty"),
    (r"^greater_than_or_equal_to\((.*)\)$", lambda m, case: f"{case!r} must be at least {m.group(1)}"),
    (r"^less_than_or_equal_to\((.*)\)$", lambda m, case: f"{case!r} must be at most {m.group(1)}"),
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
        return None, _messages(exc.failure_cases, origin, check_columns or {})


def _messages(cases: pd.DataFrame, origin: str | pd.Series, check_columns: dict[str, str]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
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
        else:
            words = _describe(check, case.failure_case)
        if words is None:
            continue
        if check.startswith("form(") and column in FORM_HINTS:
            words += f" (expected {FORM_HINTS[column]})"
        message = f"{where}: column '{column}': {words}"
        if message not in seen:
            seen.add(message)
            problems.append(message)
    return sorted(problems, key=_line_order)


def _line_order(message: str):
    match = re.match(r"^(.*?):(\d+): ", message)
    return (match.group(1), int(match.group(2)), message) if match else (message, 0, message)
