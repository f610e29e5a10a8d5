"""Score extraction on the real-world corpus, per domain and split, with the scorer of
`score_extraction.py`.

    python benchmarks/score_realworld.py [--split dev|holdout] [--ablation BASE_CLAIMS_DIR] [DOMAIN ...]

Each domain is a workspace under tests/data/realworld/<domain>/ with sources.csv (a `split` column),
figcheck.toml and gold/claims.csv (../shared/ANNOTATION.md). Only the documents of the chosen split are
read and scored (default dev: the holdout third stays untouched until the end). A gold metric the
workspace does not configure is matched by any prediction outside the configuration.

`--ablation DIR` scores, beside the current extractor, claims another extractor wrote for the same
documents (DIR/<domain>.csv, e.g. the window rules of an earlier commit run with `--dump DIR`), and
writes both tables to the `realworld` section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from score_extraction import read_gold, score  # noqa: E402  (a script folder, not a package)

from benchmarks import update_results  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "tests" / "data" / "realworld"
COLUMNS = ("precision", "recall", "attributes", "entity", "metric", "scope", "period_end")


def domain_claims(workspace: Path, split: str) -> tuple[pd.DataFrame, list[dict], int, float]:
    """Extracted claims and gold rows of the split's documents, characters read, seconds taken."""
    from figcheck.claims.config import load_config
    from figcheck.claims.extract import extract_source
    from figcheck.claims.sources import read_source_text

    config = load_config(workspace)
    registry = pd.read_csv(workspace / config.registry, dtype=str, keep_default_na=False)
    chosen = registry[registry["split"] == split]
    texts = [(row, read_source_text(workspace / config.sources_dir / row["file"])) for row in chosen.to_dict("records")]
    started = time.perf_counter()
    frames = [extract_source(text, row, config) for row, text in texts]
    seconds = time.perf_counter() - started
    ids = set(chosen["source_id"])
    gold = [g for g in read_gold(workspace / "gold" / "claims.csv") if g["source_id"] in ids]
    claims = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return claims, gold, sum(len(t) for _, t in texts), seconds


def summary(result: dict) -> dict:
    accuracy = result["accuracy"]
    compared = [a for a in accuracy if a != "qualifier"]
    return {"precision": result["precision"], "recall": result["recall"],
            "attributes": sum(accuracy.values()) / len(accuracy),
            **{a: accuracy[a] for a in compared}}


def table(rows: dict[str, dict]) -> str:
    lines = ["| domain | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for name, row in rows.items():
        lines.append(f"| {name} | " + " | ".join(f"{row[c]:.2f}" for c in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domains", nargs="*")
    parser.add_argument("--split", default="dev", choices=("dev", "holdout"))
    parser.add_argument("--ablation", type=Path, help="folder of <domain>.csv claims from another extractor")
    parser.add_argument("--dump", type=Path, help="write each domain's claims to DIR/<domain>.csv")
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    from figcheck.claims.config import load_config

    domains = args.domains or sorted(p.name for p in CORPUS.iterdir() if (p / "gold" / "claims.csv").is_file())
    current, other = {}, {}
    all_gold, all_claims, all_other, configured_all = [], [], [], set()
    chars = seconds = 0.0
    for name in domains:
        workspace = CORPUS / name
        configured = set(load_config(workspace).metrics)
        claims, gold, n, s = domain_claims(workspace, args.split)
        chars, seconds = chars + n, seconds + s
        result = score(gold, claims, configured)
        current[name] = summary(result)
        if args.verbose:
            for mismatch in result["mismatches"]:
                print(name, " | ".join(str(x) for x in mismatch))
            for key, surface in result["missed"]:
                print(name, "missed", key, surface)
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            claims.to_csv(args.dump / f"{name}.csv", index=False)
        # Source ids repeat across domains: prefix them for the pooled score.
        all_gold += [{**g, "source_id": f"{name}/{g['source_id']}"} for g in gold]
        all_claims += [{**c, "source_id": f"{name}/{c['source_id']}"} for c in claims.to_dict("records")]
        configured_all |= configured
        if args.ablation:
            base = pd.read_csv(args.ablation / f"{name}.csv", dtype={"source_id": str}, keep_default_na=False)
            other[name] = summary(score(gold, base, configured))
            all_other += [{**c, "source_id": f"{name}/{c['source_id']}"} for c in base.to_dict("records")]
    current["all"] = summary(score(all_gold, all_claims, configured_all))
    print(f"split {args.split}: the parse")
    print(table(current))
    speed = f"{chars:,.0f} characters in {seconds:.2f} s: {chars / seconds:,.0f} characters/second"
    if args.ablation:
        other["all"] = summary(score(all_gold, all_other, configured_all))
        print(f"\nsplit {args.split}: {args.ablation}")
        print(table(other))
        update_results("realworld", "\n".join([
            "## Attribution on the real-world corpus: the parse against the window rules", "",
            f"`python benchmarks/score_realworld.py --split {args.split} --ablation DIR`: the `{args.split}` documents "
            "of tests/data/realworld/ (attributes: mean of qualifier, entity, metric, scope, period_end accuracy).", "",
            "### Dependency parse (spaCy en_core_web_sm)", "", table(current), "",
            f"### Window rules ({args.ablation.name})", "", table(other), "", f"Extraction with the parse: {speed}."]))
    print("\n" + speed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
