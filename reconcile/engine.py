"""`reconcile(claims, sources, config) -> Reconciliation`: every rule, fingerprinted findings, the
most likely wrong claims and the citable values, as validated frames."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from figcheck.checks.schemas import ClaimVerdict, Finding, FindingClaim, Reconciled
from figcheck.claims.config import Config
from figcheck.claims.model import SEVERITY_ORDER
from figcheck.reconcile import wording
from figcheck.reconcile.components import variables
from figcheck.reconcile.coverage import Coverage, coverage
from figcheck.reconcile.fingerprint import fingerprints
from figcheck.reconcile.links import links
from figcheck.reconcile.model import Context, Found, Relations
from figcheck.reconcile.quantities import prepare
from figcheck.reconcile.rules import resolve, rule_modules
from figcheck.reconcile.solver import localise
from figcheck.reconcile.values import reconciled_values

FINDING_COLUMNS = ["finding_id", "rule", "severity", "entity", "metric", "scope", "period", "message"]


@dataclass
class Reconciliation:
    """The result of reconciling a workspace's claims.

    findings        checks.schemas.Finding, sorted by severity, entity, metric, finding_id. `message`
                    states the numbers and the arithmetic and, after the solver, which claims are
                    most likely wrong.
    finding_claims  checks.schemas.FindingClaim: finding_id, claim_id, role (stated, total, part,
                    subset, set, earlier, later, group, member); sorted by finding order, then role,
                    then claim_id. Join it to the claims for source_id, line, value, qualifier, quote.
    verdicts        checks.schemas.ClaimVerdict: for claims of each component holding an error or
                    warning, most_likely_wrong (in every smallest correction), possibly_wrong (in
                    some), undetermined (the solver could not tell or finish); `suggested` is a value
                    that makes every rule hold. Claims absent from it need no correction.
    reconciled      checks.schemas.Reconciled: one row per quantity, sorted by quantity.
    unsolved        one line per component the solver could not finish (size or time limit).
    coverage        reconcile.coverage.Coverage: claims checked and why the others were not, per source.
    copies          claim_id, statement (the claim_id of its first publication) of every claim another
                    source repeats (`figcheck.reconcile.copies`), sorted by statement, claim_id.
    """

    findings: pd.DataFrame
    finding_claims: pd.DataFrame
    verdicts: pd.DataFrame
    reconciled: pd.DataFrame
    unsolved: list[str] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage.empty)  # which claims the rules could check
    copies: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["claim_id", "statement"]))


def reconcile(claims: pd.DataFrame, sources: pd.DataFrame, config: Config) -> Reconciliation:
    """Run every enabled rule over the claims (rejected ones ignored) and localise the errors."""
    modules, rules = rule_modules(), resolve(config)
    frame = prepare(claims, sources, config)
    for name, module in modules.items():
        if hasattr(module, "prepare"):
            added = module.prepare(frame, config, rules[name])
            frame[list(added.columns)] = added
    frame["var"] = variables(frame)
    ctx = Context(claims=frame, config=config, links=links(frame, config), rules=rules)

    enabled = {name: module for name, module in modules.items() if rules[name].enabled}
    found: list[tuple[Found, str]] = []
    for name, module in enabled.items():
        if getattr(module, "LAST", False):
            serious = [f.members["claim_id"] for f, severity in found if severity != "info"]
            ctx.flagged = pd.Index(pd.concat(serious) if serious else [])
        found.append((module.check(ctx, rules[name]), rules[name].severity))
    findings, finding_claims = _assemble(found, frame)

    relations = Relations.concat([module.relations(ctx, rules[name]) for name, module in enabled.items()
                                  if hasattr(module, "relations")])
    suspects = pd.Index(finding_claims.loc[finding_claims["finding_id"].isin(
        findings.loc[findings["severity"] != "info", "finding_id"]), "claim_id"])
    verdicts, unsolved = localise(frame, relations, suspects, config)
    findings["message"] = _with_verdicts(findings, finding_claims, verdicts, frame)
    reconciled = reconciled_values(frame, ctx.links, findings, finding_claims, verdicts)
    return Reconciliation(
        findings=Finding.validate(findings[FINDING_COLUMNS]),
        finding_claims=FindingClaim.validate(finding_claims),
        verdicts=ClaimVerdict.validate(verdicts),
        reconciled=Reconciled.validate(reconciled),
        unsolved=unsolved,
        coverage=coverage(frame),
        copies=_copies(frame),
    )


def _copies(claims: pd.DataFrame) -> pd.DataFrame:
    repeated = claims.loc[claims.groupby("statement")["claim_id"].transform("size") > 1, ["claim_id", "statement"]]
    return repeated.sort_values(["statement", "claim_id"], ignore_index=True)


def _assemble(found: list[tuple[Found, str]], claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All rules' findings numbered, fingerprinted and sorted; their claims in the same order."""
    findings, members, offset = [], [], 0
    for result, severity in found:
        if result.findings.empty:
            continue
        # A rule may set a finding's severity itself (cumulative's "updated during the day" is info).
        own = result.findings["severity"] if "severity" in result.findings else pd.Series(index=result.findings.index, dtype=object)
        findings.append(result.findings.assign(n=result.findings["local"] + offset, severity=own.fillna(severity)))
        members.append(result.members.assign(n=result.members["local"] + offset))
        offset += len(result.findings)
    if not findings:
        return (pd.DataFrame(columns=FINDING_COLUMNS + ["n"]),
                pd.DataFrame(columns=["finding_id", "claim_id", "role"]))
    findings = pd.concat(findings, ignore_index=True)
    members = pd.concat(members, ignore_index=True).drop_duplicates(["n", "claim_id"])
    findings["finding_id"] = fingerprints(findings, members, claims)
    findings = findings.sort_values(["severity", "entity", "metric", "finding_id"],
                                    key=lambda s: s.map(SEVERITY_ORDER) if s.name == "severity" else s, kind="stable")
    findings = findings.reset_index(drop=True)
    order = pd.Series(np.arange(len(findings)), index=findings["n"])
    members = members.assign(finding_id=members["n"].map(findings.set_index("n")["finding_id"]), order=members["n"].map(order))
    members = members.sort_values(["order", "role", "claim_id"], kind="stable")
    return findings, members[["finding_id", "claim_id", "role"]].reset_index(drop=True)


def _with_verdicts(findings: pd.DataFrame, finding_claims: pd.DataFrame, verdicts: pd.DataFrame, claims: pd.DataFrame) -> pd.Series:
    """Each message followed by what the solver concluded about its claims."""
    if findings.empty or verdicts.empty:
        return findings["message"]
    judged = (finding_claims.merge(verdicts[["claim_id", "verdict", "suggested"]], on="claim_id")
              .merge(claims[["claim_id", "value", "qualifier", "source_id", "line", "char_start"]], on="claim_id")
              .sort_values(["finding_id", "source_id", "line", "char_start"], kind="stable"))
    if judged.empty:
        return findings["message"]
    judged["cite"] = wording.cited_column(judged)
    cites = judged.groupby(["finding_id", "verdict"], sort=False)["cite"].agg(wording.listing).unstack()
    cites = cites.reindex(columns=["most_likely_wrong", "possibly_wrong", "undetermined"]).astype(object)
    sentences = ((" Most likely wrong: " + cites["most_likely_wrong"] + ".")
                 .fillna(" Possibly wrong (the claims cannot tell which): " + cites["possibly_wrong"] + ".")
                 .fillna(" Which of " + cites["undetermined"] + " is wrong could not be decided."))
    return findings["message"] + findings["finding_id"].map(sentences).astype(object).fillna("")
