"""A draft's figures against a workspace: each figure is matched to the reconciled quantity it speaks
of (entity, metric, scope, period) and given one verdict.

- supported: the reconciled value or interval meets the figure's interval (within tolerance);
- contradicted: it does not, and the sources agree (or only one source speaks);
- disputed: the sources themselves disagree on that quantity, so the draft cannot be settled;
- unverifiable: nothing in the workspace covers the figure; where a source states the same figure
  but figcheck could not classify one of them (no metric, no entity), the message says which source
  and line, so the reader knows where to look.

The draft is also checked against itself: its error findings (parts that do not add up, cumulative
figures that shrink) are tied to the figures they involve.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from figcheck.checks.schemas import RECONCILED_STATUSES, SCOPES, Finding, FindingClaim, Reconciled
from figcheck.claims.config import Config
from figcheck.reconcile import wording
from figcheck.reconcile.dates import day_range
from figcheck.reconcile.intervals import apart, claim_intervals
from figcheck.reconcile.rules import resolve

VERDICTS = ("supported", "contradicted", "disputed", "unverifiable")
# The reconciled statuses against which a figure can be contradicted; the rest can only be disputed.
SETTLED = tuple(s for s in RECONCILED_STATUSES if s != "disputed")


class VerifiedFigure(pa.DataFrameModel):
    """One figure of the draft with its verdict; `reference` is what the sources say, in short."""

    figure: Series[pd.Int64Dtype] = pa.Field(ge=1)  # 1-based, in reading order
    claim_id: Series[str]
    line: Series[pd.Int64Dtype] = pa.Field(ge=1)
    char_start: Series[pd.Int64Dtype] = pa.Field(ge=0)
    char_end: Series[pd.Int64Dtype] = pa.Field(ge=1)
    text: Series[str]
    quote: Series[str]
    value: Series[float]
    qualifier: Series[str]
    lower: Series[float]
    upper: Series[float]
    unit: Series[str]
    kind: Series[str]
    entity: Series[str]
    metric: Series[str]
    scope: Series[str] = pa.Field(isin=("",) + SCOPES)
    period_start: Series[str]
    period_end: Series[str]
    status: Series[str] = pa.Field(isin=VERDICTS)
    quantity: Series[str]          # the reconciled quantity it was matched to, or ""
    reference: Series[str]         # "595", "more than 2,100", "531 vs 599", or ""
    message: Series[str] = pa.Field(str_length={"min_value": 1})
    findings: Series[str]          # ids of the workspace's error findings that dispute it, ";"-joined
    draft_findings: Series[str]    # ids of the draft's own error findings involving it, ";"-joined
    stated_in: Series[str]         # for an unverifiable figure, where sources state the same number

    class Config:
        coerce = True
        strict = True
        ordered = True


class Evidence(pa.DataFrameModel):
    """The workspace claims behind each matched figure: `for` the reconciled value, `against` it, or in
    a `finding` that disputes it."""

    figure: Series[pd.Int64Dtype] = pa.Field(ge=1)
    role: Series[str] = pa.Field(isin=("for", "against", "finding"))
    claim_id: Series[str]
    source_id: Series[str]
    line: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    text: Series[str]
    quote: Series[str]
    value: Series[float] = pa.Field(nullable=True)
    qualifier: Series[str]
    title: Series[str]
    publisher: Series[str]
    published: Series[str]

    class Config:
        coerce = True
        strict = True
        ordered = True


@dataclass
class Verification:
    figures: pd.DataFrame         # VerifiedFigure
    evidence: pd.DataFrame        # Evidence
    findings: pd.DataFrame        # Finding rows of the workspace that dispute a figure
    draft_findings: pd.DataFrame  # Finding rows of the draft's self-check, errors only
    draft_finding_claims: pd.DataFrame  # FindingClaim rows of those findings

    @property
    def counts(self) -> dict[str, int]:
        found = self.figures["status"].value_counts()
        return {verdict: int(found.get(verdict, 0)) for verdict in VERDICTS}

    @property
    def stated_unclassified(self) -> int:
        """Unverifiable figures a source states all the same, which figcheck could not classify."""
        return int(((self.figures["status"] == "unverifiable") & (self.figures["stated_in"] != "")).sum())

    @property
    def has_contradictions(self) -> bool:
        """A figure contradicted by the sources, or a draft whose own figures contradict each other."""
        return bool(self.counts["contradicted"]) or not self.draft_findings.empty


def verify(draft_claims: pd.DataFrame, workspace, self_check, claims: pd.DataFrame,
           sources: pd.DataFrame, config: Config) -> Verification:
    """Give every non-rejected claim of the draft a verdict.

    `workspace` and `self_check` are the `Reconciliation`s of the workspace's claims and of the
    draft's claims alone (anything with `reconciled`, `findings` and `finding_claims` frames);
    `claims` and `sources` are the workspace's, for what the sources say and who says it.
    """
    findings = Finding.validate(workspace.findings)
    finding_claims = FindingClaim.validate(workspace.finding_claims)
    figures = _figures(draft_claims, config)
    reconciled = _with_bound_openness(Reconciled.validate(workspace.reconciled), claims, config)
    reconciled = _with_disputes(reconciled, findings, finding_claims)
    matched, elsewhere = match_quantities(figures, reconciled)
    figures = figures.merge(matched, on="figure", how="left")
    figures["quantity"] = figures["quantity"].fillna("")
    figures["findings"] = figures["r_disputed_by"].astype(object).fillna("")
    figures["elsewhere"] = figures["figure"].map(elsewhere).astype(object).fillna("")
    tolerance = resolve(config)["agreement"].tolerance
    figures["status"] = _verdicts(figures, tolerance)
    figures["may_have_grown"] = _may_have_grown(figures)
    evidence = _evidence(figures, claims, sources, finding_claims)
    draft_findings, draft_links = _draft_errors(self_check)
    figures["draft_findings"] = _finding_ids_per_figure(figures, draft_links)
    figures["stated_in"] = _stated_in(figures, claims)
    figures["reference"] = [_reference(row, evidence) for row in figures.itertuples(index=False)]
    said = dict(zip(findings["finding_id"], findings["message"]))
    figures["message"] = [_message(row, evidence, said) for row in figures.itertuples(index=False)]
    columns = list(VerifiedFigure.to_schema().columns)
    cited_findings = _split_ids(figures["findings"]).explode().dropna()
    return Verification(
        figures=VerifiedFigure.validate(figures[columns].reset_index(drop=True)),
        evidence=Evidence.validate(evidence[list(Evidence.to_schema().columns)].reset_index(drop=True)),
        findings=findings[findings["finding_id"].isin(cited_findings)].reset_index(drop=True),
        draft_findings=draft_findings,
        draft_finding_claims=draft_links,
    )


# ---- the draft's figures -------------------------------------------------------------------------

def _figures(draft_claims: pd.DataFrame, config: Config) -> pd.DataFrame:
    figures = draft_claims[draft_claims["status"] != "rejected"]
    figures = figures.sort_values(["char_start", "char_end"], kind="stable").reset_index(drop=True)
    bounds = claim_intervals(figures, config)
    return figures.assign(figure=np.arange(1, len(figures) + 1), entity_key=_entity_key(figures["entity"]),
                          **{f"f_{c}": bounds[c] for c in bounds})


def _entity_key(entities: pd.Series) -> pd.Series:
    """A group entity's members sorted, so `KZ+KG` and `KG+KZ` name the same group."""
    return entities.astype(str).map(lambda e: "+".join(sorted(e.split("+"))) if "+" in e else e)


# ---- matching: which reconciled quantity a figure speaks of --------------------------------------

def _first_day(dates: pd.Series) -> np.ndarray:
    return day_range(dates.reset_index(drop=True))[0]


def _last_day(dates: pd.Series) -> np.ndarray:
    return day_range(dates.reset_index(drop=True))[1]


def _compatible_start(a: pd.Series, b: pd.Series) -> pd.Series:
    """Two period starts agree when either is unstated or their days overlap ("2019" and "2019-05")."""
    overlap = (_first_day(a) <= _last_day(b)) & (_first_day(b) <= _last_day(a))
    return (a == "") | (b == "") | pd.Series(overlap, index=a.index)


def match_quantities(figures: pd.DataFrame, reconciled: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """For each figure, the one reconciled quantity it speaks of, if any.

    Same entity, metric and scope (an unstated scope matches either). An event is matched to a
    reconciled event whose dates overlap its own; a cumulative or snapshot figure to the latest
    reconciled period that does not end after the figure's own period end (the draft's date when
    the figure states none), with a compatible start; an undated quantity is the last resort.
    Returns the reconciled columns (prefixed `r_`, but `quantity`) per matched `figure`, and for
    figures left unmatched the periods the workspace does give that quantity for, by `figure`.
    """
    keep = ["quantity", "entity_key", "metric", "scope", "period_start", "period_end", "value", "lower",
            "upper", "lower_open", "upper_open", "status", "reason", "claims_for", "claims_against", "disputed_by"]
    rec = reconciled.assign(entity_key=_entity_key(reconciled["entity"]))[keep].add_prefix("r_")
    left = figures.loc[figures["metric"] != "", ["figure", "entity_key", "metric", "scope", "period_start", "period_end"]]
    pairs = left.merge(rec, left_on=["entity_key", "metric"], right_on=["r_entity_key", "r_metric"])
    # A count dated to one stated span ("in March 2021") is an event count whatever its metric's scope.
    f_point = (pairs["period_start"] != "") & (pairs["period_start"] == pairs["period_end"])
    r_point = (pairs["r_period_start"] != "") & (pairs["r_period_start"] == pairs["r_period_end"])
    f_event, r_event = pairs["scope"] == "event", pairs["r_scope"] == "event"
    scope_ok = ((pairs["scope"] == "") | (pairs["r_scope"] == "") | (pairs["scope"] == pairs["r_scope"])
                | (f_event & r_point) | (r_event & f_point))
    is_event = f_event | r_event

    # An event stands for the dates it states; one stated bound stands for both.
    f_start = pairs["period_start"].where(pairs["period_start"] != "", pairs["period_end"])
    f_end = pairs["period_end"].where(pairs["period_end"] != "", pairs["period_start"])
    r_start = pairs["r_period_start"].where(pairs["r_period_start"] != "", pairs["r_period_end"])
    r_end = pairs["r_period_end"].where(pairs["r_period_end"] != "", pairs["r_period_start"])
    dated = (f_end != "") & (r_end != "")
    overlap = dated & (_first_day(f_start) <= _last_day(r_end)) & (_first_day(r_start) <= _last_day(f_end))

    # A running total stands as of its end; the draft's figure is compared with the latest one before it.
    not_after = ((pairs["period_end"] == "") | (pairs["r_period_end"] == "")
                 | (_first_day(pairs["r_period_end"]) <= _last_day(pairs["period_end"])))
    running = not_after & _compatible_start(pairs["period_start"], pairs["r_period_start"])

    same_key = pairs[scope_ok]
    pairs = pairs[scope_ok & np.where(is_event, overlap, running)]
    missed = same_key[~same_key["figure"].isin(pairs["figure"])]
    missed = missed.assign(period=[wording.period(a, b) or "undated" for a, b in
                                   zip(missed["r_period_start"], missed["r_period_end"])])
    elsewhere = missed.drop_duplicates(["figure", "period"]).sort_values(["figure", "period"])
    elsewhere = elsewhere.groupby("figure")["period"].agg(", ".join)
    pairs = pairs.assign(
        _end=np.nan_to_num(_last_day(pairs["r_period_end"]), nan=-np.inf),
        _same_start=pairs["period_start"] == pairs["r_period_start"],
    )
    best = pairs.sort_values(["figure", "_end", "_same_start", "r_quantity"],
                             ascending=[True, False, False, True], kind="stable")
    best = best.drop_duplicates("figure")
    best = best.drop(columns=["entity_key", "metric", "scope", "period_start", "period_end", "_end", "_same_start",
                              "r_entity_key", "r_metric"])
    return best.rename(columns={"r_quantity": "quantity"}).reset_index(drop=True), elsewhere


# ---- what the workspace says about each quantity ------------------------------------------------

def _split_ids(column: pd.Series) -> pd.Series:
    return column.fillna("").astype(str).map(lambda ids: [i for i in ids.split(";") if i])


def _claims_of(reconciled: pd.DataFrame, column: str) -> pd.DataFrame:
    """Long table (quantity, claim_id) of a ";"-joined claim-id column."""
    long = reconciled[["quantity"]].assign(claim_id=_split_ids(reconciled[column])).explode("claim_id")
    return long.dropna(subset=["claim_id"])


def _with_bound_openness(reconciled: pd.DataFrame, claims: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Whether each reconciled bound is strict: it is when a supporting claim's own bound there is."""
    supporting = claims.loc[claims["claim_id"].isin(_claims_of(reconciled, "claims_for")["claim_id"])]
    bounds = claim_intervals(supporting, config).assign(claim_id=supporting["claim_id"])
    long = _claims_of(reconciled, "claims_for").merge(bounds, on="claim_id")
    long = long.merge(reconciled[["quantity", "lower", "upper"]], on="quantity", suffixes=("", "_r"))
    long = long.assign(lower_open=long["lower_open"] & (long["lower"] == long["lower_r"]),
                       upper_open=long["upper_open"] & (long["upper"] == long["upper_r"]))
    open_ = long.groupby("quantity")[["lower_open", "upper_open"]].any()
    out = reconciled.merge(open_, left_on="quantity", right_index=True, how="left")
    return out.fillna({"lower_open": False, "upper_open": False}).astype({"lower_open": bool, "upper_open": bool})


def _with_disputes(reconciled: pd.DataFrame, findings: pd.DataFrame, finding_claims: pd.DataFrame) -> pd.DataFrame:
    """`disputed_by`: the workspace's error findings that involve a claim of the quantity, ";"-joined."""
    errors = findings.loc[findings["severity"] == "error", ["finding_id"]]
    links = finding_claims.merge(errors, on="finding_id")[["finding_id", "claim_id"]]
    involved = pd.concat([_claims_of(reconciled, "claims_for"), _claims_of(reconciled, "claims_against")])
    hits = involved.merge(links, on="claim_id").drop_duplicates(["quantity", "finding_id"])
    joined = hits.sort_values("finding_id").groupby("quantity")["finding_id"].agg(";".join)
    return reconciled.assign(disputed_by=reconciled["quantity"].map(joined).astype(object).fillna(""))


def _meets(figures: pd.DataFrame, tolerance: float) -> pd.Series:
    """Whether the figure's interval meets the reconciled one, with the relative tolerance as slack."""
    slack = tolerance * figures["value"].abs().to_numpy(float)
    r_lower_open = figures["r_lower_open"].fillna(False).astype(bool)
    r_upper_open = figures["r_upper_open"].fillna(False).astype(bool)
    below = apart(figures["f_upper"], figures["f_upper_open"], figures["r_lower"], r_lower_open, slack)
    above = apart(figures["r_upper"], r_upper_open, figures["f_lower"], figures["f_lower_open"], slack)
    known = figures["r_lower"].notna() & figures["r_upper"].notna()
    return known & ~below & ~above


def _verdicts(figures: pd.DataFrame, tolerance: float) -> pd.Series:
    matched = figures["quantity"] != ""
    disputed = matched & ((figures["r_status"] == "disputed") | (figures["r_disputed_by"].fillna("") != ""))
    settled = matched & ~disputed & figures["r_status"].isin(SETTLED)
    meets = _meets(figures, tolerance)
    verdict = np.select([disputed, settled & meets, settled], ["disputed", "supported", "contradicted"],
                        default="unverifiable")
    return pd.Series(verdict, index=figures.index)


def _may_have_grown(figures: pd.DataFrame) -> pd.Series:
    """A running total above the sources' figure, dated after it: growth the workspace cannot see."""
    r_end = figures["r_period_end"].fillna("").astype(str)
    later = _last_day(r_end) < _first_day(figures["period_end"])
    return (figures["scope"] == "cumulative") & (figures["f_lower"] > figures["r_upper"]) & pd.Series(
        later, index=figures.index)


def _evidence(figures: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame,
              finding_claims: pd.DataFrame) -> pd.DataFrame:
    """The claims behind each matched figure: for and against its quantity, and the claims on the
    same entity and metric of the findings that dispute it (the figures the sources disagree between)."""
    matched = figures[figures["quantity"] != ""]
    parts = []
    for role, column in (("for", "r_claims_for"), ("against", "r_claims_against")):
        long = matched.assign(claim_id=_split_ids(matched[column]), role=role).explode("claim_id")
        parts.append(long.dropna(subset=["claim_id"])[["figure", "role", "claim_id"]])
    disputing = matched.assign(finding_id=_split_ids(matched["findings"])).explode("finding_id")
    disputing = disputing[["figure", "entity_key", "metric", "finding_id"]].dropna(subset=["finding_id"])
    disputing = disputing.merge(finding_claims[["finding_id", "claim_id"]], on="finding_id")
    disputing = disputing.merge(claims[["claim_id", "entity", "metric"]], on="claim_id", suffixes=("", "_claim"))
    same = (_entity_key(disputing["entity"]) == disputing["entity_key"]) & (disputing["metric_claim"] == disputing["metric"])
    parts.append(disputing.loc[same, ["figure", "claim_id"]].assign(role="finding"))
    long = pd.concat(parts, ignore_index=True).drop_duplicates(["figure", "claim_id"])
    cited = claims[["claim_id", "source_id", "line", "text", "quote", "value", "qualifier"]]
    long = long.merge(cited, on="claim_id", how="left")
    long = long.merge(sources[["source_id", "title", "publisher", "published"]], on="source_id", how="left")
    text_columns = ["source_id", "text", "quote", "qualifier", "title", "publisher", "published"]
    long[text_columns] = long[text_columns].fillna("")
    return long.sort_values(["figure", "value", "source_id", "line", "role"], kind="stable")


def _statements(evidence: pd.DataFrame) -> pd.DataFrame:
    """Each distinct figure the cited claims state, lowest first, with who states it."""
    evidence = evidence.dropna(subset=["value"])
    said = [wording.stated(v, q) for v, q in zip(evidence["value"], evidence["qualifier"])]
    where = [wording.where(s, "?" if pd.isna(n) else int(n)) for s, n in zip(evidence["source_id"], evidence["line"])]
    stated = pd.DataFrame({"said": said, "value": evidence["value"].to_numpy(), "where": where}).drop_duplicates()
    stated = stated.groupby("said", sort=False).agg(value=("value", "first"), where=("where", "; ".join))
    return stated.sort_values("value", kind="stable")


# ---- the draft against itself --------------------------------------------------------------------

def _draft_errors(self_check) -> tuple[pd.DataFrame, pd.DataFrame]:
    findings = Finding.validate(self_check.findings)
    findings = findings[findings["severity"] == "error"].sort_values("finding_id").reset_index(drop=True)
    links = FindingClaim.validate(self_check.finding_claims)
    links = links[links["finding_id"].isin(findings["finding_id"])].reset_index(drop=True)
    return findings, links


def _finding_ids_per_figure(figures: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    joined = links.sort_values("finding_id").groupby("claim_id")["finding_id"].agg(";".join)
    return figures["claim_id"].map(joined).astype(object).fillna("")


# ---- words -------------------------------------------------------------------------------------

def format_interval(lower: float, upper: float, lower_open: bool = False, upper_open: bool = False) -> str:
    """An interval as an editor would write it: 595, more than 2,100, at most 40, between 95 and 105."""
    if np.isinf(upper) and not np.isinf(lower):
        return wording.stated(lower, "gt" if lower_open else "ge")
    if np.isinf(lower) and not np.isinf(upper):
        return wording.stated(upper, "lt" if upper_open else "le")
    return wording.span(lower, upper)


STATED_IN_SHOWN = 3  # places a number is stated that an unverifiable figure's message names


def _stated_in(figures: pd.DataFrame, claims: pd.DataFrame) -> pd.Series:
    """For each unverifiable figure, "source 007, line 9; …": the workspace claims of the same kind
    and value, which figcheck could not tie to the figure's quantity."""
    unverifiable = figures.loc[figures["status"] == "unverifiable", ["figure", "kind", "value"]]
    stated = claims.loc[claims["status"] != "rejected", ["kind", "value", "source_id", "line"]]
    pairs = unverifiable.merge(stated, on=["kind", "value"]).drop_duplicates(["figure", "source_id", "line"])
    pairs = pairs.sort_values(["figure", "source_id", "line"]).groupby("figure").head(STATED_IN_SHOWN)
    where = ("source " + pairs["source_id"].astype(str) + ", line " + pairs["line"].astype(str)).groupby(pairs["figure"]).agg("; ".join)
    return figures["figure"].map(where).astype(object).fillna("").astype(str)


def _reference(row, evidence: pd.DataFrame) -> str:
    if row.status == "unverifiable":
        return ""
    if row.status == "disputed":
        stated = _statements(evidence[evidence["figure"] == row.figure])
        if len(stated) > 1:
            return " vs ".join(stated.index)
    return format_interval(row.r_lower, row.r_upper, bool(row.r_lower_open), bool(row.r_upper_open))


def _quantity_words(entity: str, metric: str, start: str, end: str) -> str:
    return wording.quantity(entity or "(no entity)", metric, wording.period(start, end))


def _cited(evidence: pd.DataFrame) -> str:
    """`531 (source 001, line 13) vs 599 (source 004, line 10)`."""
    stated = _statements(evidence)
    return " vs ".join(f"{said} ({where})" for said, where in zip(stated.index, stated["where"]))


def _unmatched(row) -> str:
    """Why an unverifiable figure met no reconciled quantity."""
    if not row.metric:
        return "what it counts is not in the workspace's vocabulary"
    subject = _quantity_words(row.entity, row.metric, row.period_start, row.period_end)
    if row.scope == "event" and not (row.period_start or row.period_end):
        return f"it is for one event but gives no date to find it by ({subject})"
    text = f"no source gives {subject}"
    if row.elsewhere:
        text += f"; the sources give it only for {row.elsewhere}"
    return text


def _message(row, evidence: pd.DataFrame, findings: dict[str, str]) -> str:
    said = f"the draft says {row.text if row.qualifier == 'eq' else wording.stated(row.value, row.qualifier)}"
    if row.status == "unverifiable" and row.stated_in:
        return f"{said}; a source states this figure ({row.stated_in}), but figcheck could not classify it: {_unmatched(row)}"
    if row.status == "unverifiable":
        return f"{said}; nothing in the dossier covers it: {_unmatched(row)}"

    cited = evidence[evidence["figure"] == row.figure]
    subject = _quantity_words(row.entity, row.metric, row.r_period_start, row.r_period_end)
    if row.status == "disputed":
        stated = _cited(cited)
        if " vs " not in stated:  # one figure, disputed by a rule: the finding says why
            stated = " ".join(findings.get(i, i) for i in row.findings.split(";") if i).rstrip(".") or stated
        text = f"the sources disagree on {subject}: {stated}"
        preferred = format_interval(row.r_lower, row.r_upper, bool(row.r_lower_open), bool(row.r_upper_open))
        if row.r_reason:
            text += f"; the reconciliation prefers {preferred}: {row.r_reason}"
        return text
    supporting = cited[cited["role"] == "for"]
    count = supporting["source_id"].nunique()
    says = f"the sources say {row.reference} for {subject}"
    if count:
        says += f"; {'one source' if count == 1 else f'{count} sources agree'}: {_cited(supporting)}"
    if row.status == "supported":
        return says
    if row.may_have_grown:
        says += f"; if the total has grown since {row.r_period_end}, cite a source that says so"
    return f"{said}, but {says}"
