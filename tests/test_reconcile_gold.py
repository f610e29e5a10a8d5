"""The gold discrepancies of the bundled dossier (tests/data/gold/seeds.findings.csv): each `flag`
row is an error or warning finding holding the listed values, no `no-flag` row is. Checked on the
gold claims, on the reviewed store (examples/central-asia/claims) and on a fresh extraction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.score_findings import gold_claim_table
from figcheck.checks.schemas import Claim
from figcheck.checks.workspace import load_workspace
from figcheck.claims.config import Rule, load_config
from figcheck.claims.extract import extract_source
from figcheck.claims.sources import read_source_text
from figcheck.reconcile.engine import reconcile
from figcheck.reconcile.quantities import normalise_entity
from figcheck.reconcile.rules import rule_modules
from tests.reconcile_strategies import with_claims

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "central-asia"
GOLD = PROJECT / "tests" / "data" / "gold"


def gold_claims(config) -> pd.DataFrame:
    """The gold claims as Claim rows, as a faultless extractor would write them
    (benchmarks/score_findings.gold_claim_table)."""
    gold = pd.read_csv(GOLD / "seeds.claims.csv", dtype=str, keep_default_na=False)
    registry = pd.read_csv(EXAMPLE / "sources.csv", dtype=str, keep_default_na=False).set_index("source_id")
    texts = {sid: read_source_text(EXAMPLE / "sources" / registry.at[sid, "file"]) for sid in gold["source_id"].unique()}
    return gold_claim_table(gold, texts, config)


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
