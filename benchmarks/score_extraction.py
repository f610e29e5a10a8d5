"""Score a claim extractor against hand-annotated gold claims.

`score(gold, predicted)` needs nothing from figcheck: rows are mappings (or DataFrames) with
source_id, line, value and the attributes compared. A prediction matches a gold row with the same
source, line and value (the k-th prediction of a key pairs with the k-th gold row of that key).
Predictions matching an optional gold row (required=0) count neither as hits nor as false positives.
Attributes are compared where the gold field is non-empty: entities as sets of "+"-joined members,
periods at the gold's precision.

    python benchmarks/score_extraction.py [WORKSPACE GOLD_CSV]

runs figcheck's extractor on a workspace and prints the scores (default: the bundled dossier).
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict

ATTRIBUTES = ("qualifier", "entity", "metric", "scope", "period_end")


def _records(rows) -> list[dict]:
    if hasattr(rows, "to_dict"):
        return rows.to_dict("records")
    return [dict(r) for r in rows]


def _key(row) -> tuple[str, int, float]:
    return str(row["source_id"]), int(row["line"]), round(float(row["value"]), 6)


def _text(value) -> str:
    return "" if value is None or value != value else str(value).strip()  # NaN is empty


def _same(attribute: str, gold: str, predicted: str, configured=None) -> bool:
    if attribute == "metric" and configured is not None and gold not in configured:
        # A gold name of the annotator's own says "not one of the configured metrics" (ANNOTATION.md):
        # any prediction outside the configuration agrees, an automatic metric included.
        return predicted not in configured
    if attribute == "entity":
        return sorted(gold.split("+")) == sorted(predicted.split("+"))
    if attribute.startswith("period"):
        return predicted[:len(gold)] == gold
    return gold == predicted


def score(gold, predicted, configured=None) -> dict:
    """precision, recall, per-attribute accuracy, and the counts behind them. `configured`: the
    workspace's metric names, where gold may name metrics of its own (see `_same`)."""
    gold_rows, predictions = _records(gold), _records(predicted)
    gold_by_key: dict[tuple, list[dict]] = defaultdict(list)
    for row in gold_rows:
        gold_by_key[_key(row)].append(row)
    used: dict[tuple, int] = defaultdict(int)
    hits = false_positives = 0
    matched_required: set[int] = set()
    compared = {a: 0 for a in ATTRIBUTES}
    correct = {a: 0 for a in ATTRIBUTES}
    mismatches: list[tuple] = []
    for row in predictions:
        key = _key(row)
        k = used[key]
        used[key] += 1
        if k >= len(gold_by_key.get(key, ())):
            false_positives += 1
            mismatches.append(("false positive", key, "", "", ""))
            continue
        g = gold_by_key[key][k]
        required = str(g.get("required", "1")).strip() not in ("0", "False", "false")
        if required:
            hits += 1
            matched_required.add(id(g))
        for attribute in ATTRIBUTES:
            want = _text(g.get(attribute))
            if not want:
                continue
            got = _text(row.get(attribute))
            compared[attribute] += 1
            if _same(attribute, want, got, configured):
                correct[attribute] += 1
            else:
                mismatches.append((attribute, key, want, got, _text(g.get("surface"))))
    required_rows = [g for g in gold_rows if str(g.get("required", "1")).strip() not in ("0", "False", "false")]
    missed = [(_key(g), _text(g.get("surface"))) for g in required_rows if id(g) not in matched_required]
    return {
        "precision": hits / (hits + false_positives) if hits + false_positives else 1.0,
        "recall": len(matched_required) / len(required_rows) if required_rows else 1.0,
        "accuracy": {a: correct[a] / compared[a] if compared[a] else 1.0 for a in ATTRIBUTES},
        "hits": hits,
        "false_positives": false_positives,
        "required": len(required_rows),
        "missed": missed,
        "mismatches": mismatches,
    }


def read_gold(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _extract_workspace(workspace) -> tuple[list[dict], int, float]:
    """figcheck's claims for every source of a workspace, the characters read and the seconds taken."""
    import time
    from pathlib import Path

    import pandas as pd

    from figcheck.claims.config import load_config
    from figcheck.claims.extract import extract_source
    from figcheck.claims.sources import read_source_text

    root = Path(workspace)
    config = load_config(root)
    registry = pd.read_csv(root / config.registry, dtype=str, keep_default_na=False)
    texts = [(row, read_source_text(root / config.sources_dir / row["file"])) for row in registry.to_dict("records")]
    started = time.perf_counter()
    frames = [extract_source(text, row, config) for row, text in texts]
    elapsed = time.perf_counter() - started
    rows = [r for frame in frames for r in frame.to_dict("records")]
    return rows, sum(len(t) for _, t in texts), elapsed


def main(argv: list[str]) -> int:
    workspace = argv[0] if argv else "examples/central-asia"
    gold_path = argv[1] if len(argv) > 1 else "tests/data/gold/seeds.claims.csv"
    predicted, chars, seconds = _extract_workspace(workspace)
    result = score(read_gold(gold_path), predicted)
    print(f"{workspace} against {gold_path}")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"({result['hits']} hits, {result['false_positives']} false positives, {result['required']} required)")
    for attribute, value in result["accuracy"].items():
        print(f"  {attribute:<11} {value:.3f}")
    for key, surface in result["missed"]:
        print(f"  missed {key} {surface}")
    for mismatch in result["mismatches"]:
        print("  " + " | ".join(str(x) for x in mismatch))
    print(f"{chars} characters in {seconds:.3f} s: {chars / seconds:,.0f} characters/second (first run, cold caches)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
