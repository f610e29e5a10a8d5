"""pandera models for every table figcheck reads or writes.

Tables travel between stages as DataFrames validated by these models; `figcheck.checks.validate` turns
their failures into one readable message per problem.
"""

import pandas as pd
import pandera.pandas as pa
from pandera import extensions
from pandera.typing import Series

from figcheck.claims.config import ENTITY_CODE
from figcheck.claims.model import KINDS, METHODS, QUALIFIERS, SCOPES, SEVERITIES, STATUSES

VERDICTS = ("most_likely_wrong", "possibly_wrong", "undetermined")
RECONCILED_STATUSES = ("agreed", "single source", "disputed")

# ISO dates with year, month or day precision: 2021, 2021-08, 2021-08-31.
PARTIAL_DATE = r"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$"
SOURCE_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
TIME_OF_DAY = r"^(([01]\d|2[0-3]):[0-5]\d)?$"
# Every code figcheck.toml can produce ("KZ", "KE-30", a subject of one's own), alone or a group's
# members joined by "+" ("KE-30+KE-47").
ENTITY = rf"^({ENTITY_CODE}(\+{ENTITY_CODE})*)?$"


@extensions.register_check_method(statistics=["pattern"], check_type="vectorized")
def form(column: pd.Series, *, pattern: str) -> pd.Series:
    """`str_matches`, with the pattern tried once per distinct value: dates, ids and entities repeat
    across a million claims, and a regular expression per row costs several times more."""
    distinct = column.drop_duplicates()
    return column.isin(distinct[distinct.str.match(pattern, na=False)])


class Source(pa.DataFrameModel):
    """One row of `sources.csv`; `sha256` is added by the registry after reading the document."""

    source_id: Series[str] = pa.Field(unique=True, form=SOURCE_ID)
    file: Series[str] = pa.Field(str_length={"min_value": 1})
    title: Series[str]
    publisher: Series[str]
    published: Series[str] = pa.Field(form=PARTIAL_DATE)
    period_start: Series[str] = pa.Field(form=PARTIAL_DATE)
    period_end: Series[str] = pa.Field(form=PARTIAL_DATE)
    language: Series[str] = pa.Field(form=r"^[a-z]{2,3}$")
    url: Series[str]

    class Config:
        coerce = True
        strict = False  # a registry may carry extra columns of the user's own


class Claim(pa.DataFrameModel):
    """One numeric claim with its provenance (columns in `figcheck.claims.model.CLAIM_COLUMNS` order)."""

    claim_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    source_id: Series[str] = pa.Field(form=SOURCE_ID)
    line: Series[pd.Int64Dtype] = pa.Field(ge=1)
    char_start: Series[pd.Int64Dtype] = pa.Field(ge=0)
    char_end: Series[pd.Int64Dtype] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    value: Series[float] = pa.Field(nullable=False)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    lower: Series[float]
    upper: Series[float]
    unit: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    entity: Series[str] = pa.Field(form=ENTITY)
    metric: Series[str]
    scope: Series[str] = pa.Field(isin=("",) + SCOPES)
    period_start: Series[str] = pa.Field(form=PARTIAL_DATE)
    period_end: Series[str] = pa.Field(form=PARTIAL_DATE)
    time: Series[str] = pa.Field(form=TIME_OF_DAY, nullable=True)  # missing: no time stated
    part_of: Series[str]
    method: Series[str] = pa.Field(isin=METHODS)
    status: Series[str] = pa.Field(isin=STATUSES)
    note: Series[str]
    source_sha256: Series[str] = pa.Field(form=r"^([0-9a-f]{64})?$")
    auto_digest: Series[str]

    class Config:
        coerce = True
        strict = True
        ordered = True

    # ignore_na=False: pandera would otherwise look for wholly empty rows in the whole table once per
    # check (about 0.6 s a million claims each); an empty row fails the column checks anyway.
    @pa.dataframe_check(name="char_end > char_start", ignore_na=False)
    def span_not_empty(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_end"] > df["char_start"]

    @pa.dataframe_check(name="lower <= value <= upper", ignore_na=False)
    def value_inside_interval(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["lower"] <= df["value"]) & (df["value"] <= df["upper"])

    @pa.dataframe_check(name="percentages lie within 0-100", ignore_na=False)
    def percent_range(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["kind"] != "percent") | df["value"].between(0, 100)

    @pa.dataframe_check(name="counts are whole and non-negative", ignore_na=False)
    def whole_counts(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["kind"] != "count") | ((df["value"] >= 0) & (df["value"] % 1 == 0))

    @pa.dataframe_check(name="part_of names a claim of the same source", ignore_na=False)
    def part_of_known(cls, df: pd.DataFrame) -> Series[bool]:
        same_source = df["source_id"] + "\x1f"
        return (df["part_of"] == "") | (same_source + df["part_of"]).isin(same_source + df["claim_id"])


class Finding(pa.DataFrameModel):
    """A discrepancy found by a reconciliation rule; its claims are in `FindingClaim`."""

    finding_id: Series[str] = pa.Field(unique=True, form=r"^[0-9a-f]{12,64}$")
    rule: Series[str]
    severity: Series[str] = pa.Field(isin=SEVERITIES)
    entity: Series[str]
    metric: Series[str]
    scope: Series[str]
    period: Series[str]  # "2019-05..2022-11", "..2021-08" or "" for the quantity compared
    message: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        coerce = True
        strict = True
        ordered = True


class FindingClaim(pa.DataFrameModel):
    """The long table tying findings to their claims; `role` says what the claim is in the rule."""

    finding_id: Series[str]
    claim_id: Series[str]
    role: Series[str]  # e.g. total, part, set, subset, earlier, later, group, member, stated

    class Config:
        coerce = True
        strict = True
        ordered = True
        unique = ["finding_id", "claim_id"]


class ClaimVerdict(pa.DataFrameModel):
    """The error-localisation result for each claim the solver looked at."""

    claim_id: Series[str] = pa.Field(unique=True)
    verdict: Series[str] = pa.Field(isin=VERDICTS)
    component: Series[pd.Int64Dtype] = pa.Field(ge=0)
    suggested: Series[float] = pa.Field(nullable=True)  # a value that makes every rule hold
    note: Series[str]

    class Config:
        coerce = True
        strict = True
        ordered = True


class Reconciled(pa.DataFrameModel):
    """One citable value per quantity (entity, metric, scope, period)."""

    quantity: Series[str] = pa.Field(unique=True)
    entity: Series[str]
    metric: Series[str]
    scope: Series[str]
    period_start: Series[str] = pa.Field(form=PARTIAL_DATE)
    period_end: Series[str] = pa.Field(form=PARTIAL_DATE)
    value: Series[float] = pa.Field(nullable=True)
    lower: Series[float]
    upper: Series[float]
    status: Series[str] = pa.Field(isin=RECONCILED_STATUSES)
    preferred_claim: Series[str]
    reason: Series[str]
    claims_for: Series[str]      # claim ids joined by ";"
    claims_against: Series[str]  # claim ids joined by ";"
    citation: Series[str]

    class Config:
        coerce = True
        strict = True
        ordered = True


# The column each dataframe-level check of `Claim` is about, for error messages.
CLAIM_CHECK_COLUMNS = {
    "char_end > char_start": "char_end",
    "lower <= value <= upper": "value",
    "percentages lie within 0-100": "value",
    "counts are whole and non-negative": "value",
    "part_of names a claim of the same source": "part_of",
}
CLAIM_NUMERIC = ("line", "char_start", "char_end", "value", "lower", "upper")
