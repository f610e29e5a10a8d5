"""One check of a workspace: its findings with their claims, marked new or known against the baseline.

Every output format renders a `CheckResult`; none of them joins tables or decides the exit code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pandas as pd

from figcheck.claims.errors import EXIT_FINDINGS, EXIT_OK
from figcheck.claims.model import SEVERITY_ORDER
from figcheck.reconcile.wording import number, period
from figcheck.reconcile.components import connect
from figcheck.reports.baseline import Baseline

if TYPE_CHECKING:
    from figcheck.checks.workspace import Workspace
    from figcheck.reconcile.engine import Reconciliation

VERDICT_LABELS = {"most_likely_wrong": "most likely wrong", "possibly_wrong": "possibly wrong",
                  "undetermined": "undetermined"}
QUALIFIER_SIGNS = {"eq": "", "approx": "≈", "gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
QUANTITY_KEY = ["entity", "metric", "scope", "period"]


def severity_counts(counts: dict[str, int]) -> str:
    """"1 error, 2 warnings, 0 info" from the summary's findings by severity."""
    return ", ".join(f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}" for severity, n in counts.items())


def claim_value(value: float, qualifier: str) -> str:
    return QUALIFIER_SIGNS.get(qualifier, "") + number(value)


def display_path(path: str | Path) -> str:
    """A path relative to the working directory when it lies below it (as CI annotations need)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class CheckResult:
    """One check of a workspace, as `figcheck.Workspace.check()` returns it.

    `findings` (one row per discrepancy, with `new` against the baseline and `fails` for the gate),
    `verdicts` (the claims most likely wrong), `reconciled` (the value to cite per quantity) are
    DataFrames; `passed` is False when `figcheck check` would exit 1; `render(format)` gives the
    text `figcheck check --format FORMAT` prints.
    """

    workspace: Workspace
    reconciliation: Reconciliation
    baseline: Baseline
    strict: bool
    findings: pd.DataFrame  # Finding columns + new, fails; sorted errors first
    claims: pd.DataFrame    # one row per (finding, claim) with the claim's provenance and verdict

    @property
    def absent(self) -> list[dict]:
        """Baseline entries no finding matches any more: the baseline can be pruned of them."""
        present = set(self.findings["finding_id"])
        return [entry for fid, entry in sorted(self.baseline.entries.items()) if fid not in present]

    @cached_property
    def causes(self) -> pd.DataFrame:
        """One row per cause (findings sharing a disputed claim), in finding order: cause (its first
        finding's id), severity (its most severe), new, fails, findings (how many)."""
        grouped = self.findings.groupby("cause", sort=False)
        return pd.DataFrame({"severity": grouped["severity"].first(), "new": grouped["new"].any(),
                             "fails": grouped["fails"].any(), "findings": grouped.size()}).reset_index()

    @property
    def exit_code(self) -> int:
        """What `figcheck check` exits with: 1 when a finding fails the gate, else 0."""
        return EXIT_FINDINGS if self.findings["fails"].any() else EXIT_OK

    @property
    def passed(self) -> bool:
        """No failing finding: an error not in the baseline (any error when strict)."""
        return self.exit_code == EXIT_OK

    @property
    def verdicts(self) -> pd.DataFrame:
        """checks.schemas.ClaimVerdict: the claims most likely (or possibly) wrong, with a suggested value."""
        return self.reconciliation.verdicts

    @property
    def reconciled(self) -> pd.DataFrame:
        """checks.schemas.Reconciled: one citable value per quantity, with its status and citation."""
        return self.reconciliation.reconciled

    def render(self, format: str = "text") -> str:
        """The output of `figcheck check --format FORMAT` (text, md, json, sarif, junit, github, or a plugin's)."""
        from figcheck.reports.formats import get_format

        return get_format(format).render(self)

    @cached_property
    def _claims_by_finding(self) -> dict[str, list]:
        # One pass over the table: renderers then read plain tuples, not a small frame per finding.
        grouped: dict[str, list] = {}
        for row in self.claims.itertuples(index=False):
            grouped.setdefault(row.finding_id, []).append(row)
        return grouped

    def claims_of(self, finding_id: str) -> list:
        """The finding's claims (named tuples of `claims` columns), in reading order."""
        return self._claims_by_finding.get(finding_id, [])

    def summary(self) -> dict:
        """The counts every format shows: sources, claims by status, findings by severity, new and known."""
        claims = self.workspace.claims
        # The gate and the counts are per cause: one misread figure found by three rules is one problem.
        causes = self.causes
        severities = causes["severity"].value_counts()
        return {
            "sources": int(len(self.workspace.sources)),
            "claims": {
                "total": int(len(claims)),
                **{status: int((claims["status"] == status).sum()) for status in ("confirmed", "candidate", "rejected")},
                "stale": int(claims["stale"].sum()),
            },
            "findings": {severity: int(severities.get(severity, 0)) for severity in SEVERITY_ORDER},
            "rule_findings": int(len(self.findings)),
            "new": int(causes["new"].sum()),
            "known": int((~causes["new"]).sum()),
            "failing": int(causes["fails"].sum()),
            "baseline": display_path(self.baseline.path),
            "baseline_absent": [entry["finding_id"] for entry in self.absent],
            "unsolved": sorted(self.reconciliation.unsolved),
            "strict": self.strict,
            "exit_code": self.exit_code,
        }

    def quantities(self) -> pd.DataFrame:
        """Every quantity checked (entity, metric, scope, period), reconciled or named by a finding."""
        reconciled = self.reconciliation.reconciled
        checked = pd.DataFrame({
            "entity": reconciled["entity"], "metric": reconciled["metric"], "scope": reconciled["scope"],
            "period": [period(s, e) for s, e in zip(reconciled["period_start"], reconciled["period_end"])],
        }, columns=QUANTITY_KEY)
        both = pd.concat([checked, self.findings[QUANTITY_KEY]], ignore_index=True).astype(str)
        return both.drop_duplicates().sort_values(QUANTITY_KEY, ignore_index=True)

    def quantity_cases(self) -> list[tuple[tuple[str, ...], list]]:
        """Each quantity checked, as a test case: its key and its findings (named tuples; none when it holds)."""
        groups: dict[tuple[str, ...], list] = {}
        for finding in self.findings.itertuples(index=False):
            groups.setdefault(tuple(getattr(finding, column) for column in QUANTITY_KEY), []).append(finding)
        return [(key, groups.get(key, [])) for key in self.quantities().itertuples(index=False, name=None)]


def quantity_name(key: tuple[str, ...]) -> str:
    return " ".join(part for part in key if part) or "(no quantity)"


def _claim_rows(reconciliation: Reconciliation, workspace: Workspace) -> pd.DataFrame:
    """finding_claims joined to the claims, their sources and verdicts, in reading order."""
    claims = workspace.claims.reindex(columns=["claim_id", "source_id", "line", "char_start", "value", "qualifier",
                                               "text", "quote", "entity", "metric", "status", "period_start",
                                               "period_end", "page"])
    sources = workspace.sources[["source_id", "file", "path", "published", "title", "publisher"]]
    verdicts = reconciliation.verdicts[["claim_id", "verdict", "suggested"]]
    rows = (reconciliation.finding_claims
            .merge(claims, on="claim_id", how="left")
            .merge(sources, on="source_id", how="left")
            .merge(verdicts, on="claim_id", how="left"))
    text_columns = ["source_id", "qualifier", "text", "quote", "entity", "metric", "status", "period_start",
                    "period_end", "file", "path", "published", "title", "publisher", "verdict"]
    rows[text_columns] = rows[text_columns].astype(object).fillna("").astype(str)
    return rows.sort_values(["finding_id", "published", "source_id", "line", "char_start", "claim_id"], ignore_index=True)


def build_result(reconciliation: Reconciliation, workspace: Workspace, baseline: Baseline,
                 strict: bool = False) -> CheckResult:
    findings = reconciliation.findings.copy()
    findings["new"] = ~findings["finding_id"].isin(list(baseline.entries))
    findings["fails"] = (findings["severity"] == "error") & (findings["new"] | strict)
    order = findings["severity"].map(SEVERITY_ORDER)
    findings = (findings.assign(_order=order)
                .sort_values(["_order", "entity", "metric", "finding_id"], ignore_index=True)
                .drop(columns="_order"))
    findings["cause"] = root_causes(findings, reconciliation)
    return CheckResult(workspace=workspace, reconciliation=reconciliation, baseline=baseline, strict=strict,
                       findings=findings, claims=_claim_rows(reconciliation, workspace))


DISPUTED = ("most_likely_wrong", "possibly_wrong")


def root_causes(findings: pd.DataFrame, reconciliation: Reconciliation) -> pd.Series:
    """For each finding (in order), the id of the first finding of its cause: error and warning
    findings sharing a claim the solver judged most likely or possibly wrong are one cause; every
    other finding is its own."""
    if findings.empty:
        return pd.Series([], index=findings.index, dtype=object)
    serious = findings["severity"].isin(("error", "warning"))
    wrong = reconciliation.verdicts.loc[reconciliation.verdicts["verdict"].isin(DISPUTED), "claim_id"]
    ties = reconciliation.finding_claims
    ties = ties.loc[ties["claim_id"].isin(wrong) & ties["finding_id"].isin(findings.loc[serious, "finding_id"])]
    position = pd.Series(range(len(findings)), index=findings["finding_id"].to_numpy())
    claim_codes, _ = pd.factorize(ties["claim_id"])
    label = connect(len(findings) + int(claim_codes.max(initial=-1)) + 1,
                    ties["finding_id"].map(position).to_numpy(int), len(findings) + claim_codes)[:len(findings)]
    first = pd.Series(findings["finding_id"].to_numpy(), index=label).groupby(level=0).first()
    return pd.Series(first.reindex(label).to_numpy(), index=findings.index, dtype=object)


@lru_cache(maxsize=4096)
def _relative_url(path: str, base: str) -> str:
    return quote(Path(os.path.relpath(Path(path).resolve(), Path(base).resolve())).as_posix())


def source_url(path: str, base: Path) -> str:
    """`../sources/FILE`: the document, relative to the folder the link is written in."""
    return _relative_url(str(path), str(base))


def source_link(path: str, line: int, base: Path, page=None) -> str:
    """`../sources/FILE#L10`: a line of the document (GitHub and most viewers scroll to it); for a
    page of a PDF, `../sources/FILE.pdf#page=3` (what PDF viewers open at)."""
    if page is not None and not pd.isna(page):
        return f"{source_url(path, base)}#page={int(page)}"
    return f"{source_url(path, base)}#L{int(line)}"
