"""The gold discrepancies of the bundled dossier (tests/data/gold/seeds.findings.csv): each `flag`
row is an error or warning finding holding the listed values, no `no-flag` row is. Checked on the
gold claims, on the reviewed store (examples/central-asia/claims) and on a fresh extraction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from figcheck.checks.schemas import Claim
from figcheck.checks.workspace import load_workspace
from figcheck.claims.config import Rule, load_config
from figcheck.claims.extract import extract_source
from figcheck.claims.ids import claim_id
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.claims.sources import read_source_text
from figcheck.reconcile.engine import reconcile
from figcheck.reconcile.quantities import normalise_entity
from figcheck.reconcile.rules import rule_modules
from tests.reconcile_strategies import interval, with_claims

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "central-asia"
GOLD = PROJECT / "tests" / "data" / "gold"


def gold_claims(config) -> pd.DataFrame:
    """The gold claims as Claim rows, linked as the extractor links them: a figure whose metric is
    declared part or subset of another is `part_of` that metric's claim on the same source line."""
    gold = pd.read_csv(GOLD / "seeds.claims.csv", dtype=str, keep_default_na=False)
    registry = pd.read_csv(EXAMPLE / "sources.csv", dtype=str, keep_default_na=False).set_index("source_id")
    rows, seen = [], {}
    for g in gold.itertuples(index=False):
        text = read_source_text(EXAMPLE / "sources" / registry.at[g.source_id, "file"])
        line_start = sum(len(line) for line in text.splitlines(keepends=True)[: int(g.line) - 1])
        quote = text.splitlines()[int(g.line) - 1]
        occurrence = seen.get((g.source_id, quote, g.surface), 0)
        seen[(g.source_id, quote, g.surface)] = occurrence + 1
        start = quote.find(g.surface)
        for _ in range(occurrence):
            start = quote.find(g.surface, start + 1)
        metric = config.metrics.get(g.metric)
        lower, upper = interval(float(g.value), g.qualifier)
        rows.append({
            "claim_id": claim_id(g.source_id, quote, g.surface, occurrence), "source_id": g.source_id, "line": int(g.line),
            "char_start": line_start + start, "char_end": line_start + start + len(g.surface), "text": g.surface,
            "quote": quote, "value": float(g.value), "qualifier": g.qualifier, "lower": lower, "upper": upper, "unit": "",
            "kind": metric.kind if metric else "count", "entity": g.entity, "metric": g.metric, "scope": g.scope,
            "period_start": g.period_start, "period_end": g.period_end, "part_of": "", "method": "manual",
            "status": "confirmed", "note": g.note, "source_sha256": "", "auto_digest": "",
        })
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    parent = {name: m.part_of or m.subset_of for name, m in config.metrics.items()}
    totals = claims.set_index(["source_id", "line", "metric"])["claim_id"]
    totals = totals[~totals.index.duplicated()]
    keys = list(zip(claims["source_id"], claims["line"], claims["metric"].map(parent).fillna("")))
    claims["part_of"] = [totals.get(key, "") if key[2] else "" for key in keys]
    return Claim.validate(claims)


def gold_expectations() -> pd.DataFrame:
    return pd.read_csv(GOLD / "seeds.findings.csv", dtype=str, keep_default_na=False)


def findings_with(result, claims, entity, metric, values, config) -> list[str]:
    """Ids of error/warning findings for the entity and metric whose claims hold every value."""
    table = with_claims(result).merge(claims[["claim_id", "value"]], on="claim_id")
    table = table.loc[(table["entity"] == normalise_entity(entity, config)) & (table["metric"] == metric)]
    held = table.groupby("finding_id")["value"].agg(set)
    return [fid for fid, got in held.items() if set(values) <= got]


def check_gold(claims: pd.DataFrame, sources: pd.DataFrame, config) -> list[str]:
    """Every gold expectation the reconciliation of `claims` misses, in words."""
    result = reconcile(claims, sources, config)
    misses = []
    for row in gold_expectations().itertuples(index=False):
        values = [float(v) for v in row.must.split(";")]
        hits = findings_with(result, claims, row.entity, row.metric, values, config)
        if row.expect == "flag" and not hits:
            misses.append(f"{row.id}: no error/warning finding for {row.entity} {row.metric} with {row.must}")
        if row.expect == "no-flag" and hits:
            misses.append(f"{row.id}: unexpected finding(s) {hits} for {row.entity} {row.metric} with {row.must}")
    return misses


@pytest.fixture(scope="module")
def config():
    return load_config(EXAMPLE)


@pytest.fixture(scope="module")
def sources():
    return pd.read_csv(EXAMPLE / "sources.csv", dtype=str, keep_default_na=False)


def test_gold_claims_meet_every_gold_expectation(config, sources):
    assert check_gold(gold_claims(config), sources, config) == []


def test_the_reviewed_store_meets_every_gold_expectation():
    workspace = load_workspace(EXAMPLE)
    assert len(workspace.claims) > 0
    assert check_gold(workspace.claims, workspace.sources, workspace.config) == []


def test_claims_extracted_from_scratch_meet_every_gold_expectation(config, sources):
    extracted = [extract_source(read_source_text(EXAMPLE / "sources" / source["file"]), source, config)
                 for source in sources.to_dict("records")]
    claims = Claim.validate(pd.concat(extracted, ignore_index=True))
    assert check_gold(claims, sources, config) == []


def test_the_gold_check_reports_what_a_reconciliation_misses(config, sources):
    silent = replace(config, rules={name: Rule(name=name, enabled=False) for name in rule_modules()})
    misses = check_gold(gold_claims(config), sources, silent)
    flagged = gold_expectations().query("expect == 'flag'")["id"]
    assert [miss.split(":")[0] for miss in misses] == list(flagged)
