"""Extraction from scratch scored against hand-annotated gold claims (benchmarks/score_extraction.py).

The bundled dossier's seeds are held to the issue's targets; the flood set under
tests/data/extraction (another domain, other styles, written for these tests) is held to the
figures measured on it, so a change that makes extraction worse there fails too.
"""

import sys
from pathlib import Path

import pandas as pd
import pytest

from figcheck.checks.schemas import Claim
from figcheck.claims.config import load_config
from figcheck.claims.extract import extract_source
from figcheck.claims.sources import read_source_text

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "benchmarks"))
from score_extraction import read_gold, score  # noqa: E402  (a script folder, not a package)

SETS = {
    "seeds": (PROJECT / "examples" / "central-asia", PROJECT / "tests" / "data" / "gold" / "seeds.claims.csv"),
    "floods": (PROJECT / "tests" / "data" / "extraction", PROJECT / "tests" / "data" / "extraction" / "gold.claims.csv"),
}
# (precision, recall, attribute accuracy) each set must reach.
TARGETS = {
    # The bundled dossier is read perfectly: every figure, every attribute.
    "seeds": (1.0, 1.0, {"qualifier": 1.0, "entity": 1.0, "metric": 1.0, "scope": 1.0, "period_end": 1.0}),
    "floods": (0.90, 0.95, {"qualifier": 0.95, "entity": 0.95, "metric": 0.90, "scope": 0.90, "period_end": 0.95}),
}


def extracted(workspace: Path) -> pd.DataFrame:
    config = load_config(workspace)
    registry = pd.read_csv(workspace / config.registry, dtype=str, keep_default_na=False)
    frames = []
    for source in registry.to_dict("records"):
        text = read_source_text(workspace / config.sources_dir / source["file"])
        frame = extract_source(text, source, config)
        Claim.validate(frame)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("name", SETS)
def test_extraction_meets_its_targets(name):
    workspace, gold = SETS[name]
    result = score(read_gold(gold), extracted(workspace))
    precision, recall, accuracy = TARGETS[name]
    assert result["precision"] >= precision, result["mismatches"]
    assert result["recall"] >= recall, result["missed"]
    for attribute, target in accuracy.items():
        assert result["accuracy"][attribute] >= target, (attribute, result["mismatches"])


def test_the_flood_set_has_the_documents_and_distractors_it_claims():
    workspace, gold = SETS["floods"]
    registry = pd.read_csv(workspace / "sources.csv", dtype=str)
    assert len(registry) >= 8
    rows = read_gold(gold)
    assert {r["source_id"] for r in rows} == set(registry["source_id"])
    assert any(r["required"] == "0" for r in rows)


def test_score_counts_optional_matches_as_neither_hits_nor_false_positives():
    gold = [
        {"source_id": "a", "line": "1", "value": "5", "qualifier": "eq", "entity": "KZ+UZ", "metric": "m",
         "scope": "", "period_end": "2021-08", "required": "1"},
        {"source_id": "a", "line": "2", "value": "3", "qualifier": "", "entity": "", "metric": "", "scope": "",
         "period_end": "", "required": "0"},
        {"source_id": "a", "line": "3", "value": "7", "qualifier": "", "entity": "", "metric": "", "scope": "",
         "period_end": "", "required": "1"},
    ]
    predicted = [
        {"source_id": "a", "line": 1, "value": 5.0, "qualifier": "eq", "entity": "UZ+KZ", "metric": "x",
         "scope": "event", "period_end": "2021-08-31"},
        {"source_id": "a", "line": 2, "value": 3.0},
        {"source_id": "a", "line": 9, "value": 1.0},
    ]
    result = score(gold, predicted)
    assert (result["hits"], result["false_positives"]) == (1, 1)
    assert result["precision"] == 0.5 and result["recall"] == 0.5
    assert result["accuracy"]["entity"] == 1.0       # members compared as sets
    assert result["accuracy"]["period_end"] == 1.0   # at the gold's precision
    assert result["accuracy"]["metric"] == 0.0


def test_scoring_does_not_import_figcheck():
    import subprocess

    code = ("import sys; sys.path.insert(0, 'benchmarks'); import score_extraction; "
            "assert not any(m.split('.')[0] in ('claims', 'checks', 'figcheck') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT, check=True)
