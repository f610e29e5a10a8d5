"""Score figcheck's findings against hand-written gold findings (docs: ANNOTATION.md, "Findings").

`score_findings(findings, finding_claims, claims, gold_findings)` is a pure function of four frames:
figcheck's findings (finding_id, severity, entity, metric), their claims (finding_id, claim_id), the
claims (claim_id, value) and the gold rows (id, expect, entity, metric, must, unless). Only error and
warning findings count:

- a `flag` row is found when one finding with its entity and metric holds every `must` value;
- a `no-flag` row is violated when one finding with its entity and metric holds every `must` value
  and no `unless` value;
- a finding is explained by a `flag` or `stretch` row it matches as a `flag` row is found; one
  explained by none is a false alarm. Precision is the share of findings explained by a `flag` row
  among those not explained by `stretch` rows alone; recall is the share of `flag` rows found.

    python benchmarks/score_findings.py [--split dev|holdout|all] [--mode extracted|gold|both]
                                        [--details] [--results] [WORKSPACE ...]

runs figcheck on each workspace (default: every tests/data/realworld/<domain>) and prints the
scores. The workspace is copied to a temporary folder restricted to the split's sources; with
`--mode extracted` figcheck extracts the claims there, with `--mode gold` the gold claims
(gold/claims.csv) stand in for the extraction, so that reconciliation is judged on its own.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):  # run as a script: the project root makes `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.score_extraction import score  # noqa: E402
from figcheck.claims.errors import FigcheckError  # noqa: E402

SERIOUS = ("error", "warning")
EXPECTATIONS = ("flag", "no-flag", "stretch")
SPLITS = ("dev", "holdout", "all")
MODES = ("extracted", "gold")
REALWORLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "realworld"
# ANNOTATION.md: a figure covering part of its entity "says `part` in `note`".
_PART_NOTE = re.compile(r"\bpart\b", re.IGNORECASE)


def _members(entity) -> str:
    """An entity as its '+'-joined members in code order, so that a set matches however written."""
    text = "" if entity is None or entity != entity else str(entity)
    return "+".join(sorted(part.strip() for part in text.split("+") if part.strip()))


def _value_set(cell) -> frozenset:
    text = "" if cell is None or cell != cell else str(cell)
    return frozenset(round(float(v), 6) for v in text.split(";") if v.strip())


def _serious_findings(findings: pd.DataFrame, finding_claims: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """finding_id, key (entity members, metric) and the set of its claims' values, for error and
    warning findings."""
    serious = findings.loc[findings["severity"].isin(SERIOUS), ["finding_id", "entity", "metric"]]
    held = (finding_claims[["finding_id", "claim_id"]].merge(claims[["claim_id", "value"]], on="claim_id")
            .assign(value=lambda f: f["value"].astype(float).round(6))
            .groupby("finding_id")["value"].agg(frozenset))
    return pd.DataFrame({
        "finding_id": serious["finding_id"].to_numpy(),
        "key": list(zip(serious["entity"].map(_members), serious["metric"].fillna("").astype(str))),
        "values": [held.get(fid, frozenset()) for fid in serious["finding_id"]],
    })


def score_findings(findings: pd.DataFrame, finding_claims: pd.DataFrame, claims: pd.DataFrame,
                   gold_findings: pd.DataFrame) -> dict:
    """Flags found, no-flags violated and false alarms of one reconciliation, with the ids behind them."""
    gold = gold_findings.fillna("")
    unknown = sorted(set(gold["expect"]) - set(EXPECTATIONS))
    if unknown:
        raise ValueError(f"gold findings: unknown expect value(s) {unknown}; expected one of {EXPECTATIONS}")
    serious = _serious_findings(findings, finding_claims, claims)
    by_key: dict[tuple, list[tuple[str, frozenset]]] = {}
    for fid, key, values in serious.itertuples(index=False):
        by_key.setdefault(key, []).append((fid, values))

    found, missed, violated = [], [], {}
    explained: dict[str, list[str]] = {fid: [] for fid in serious["finding_id"]}
    for row in gold.itertuples(index=False):
        must, unless = _value_set(row.must), _value_set(row.unless)
        holding = [fid for fid, values in by_key.get((_members(row.entity), str(row.metric)), ()) if must <= values
                   and not (row.expect == "no-flag" and values & unless)]
        if row.expect == "no-flag":
            if holding:
                violated[row.id] = holding
            continue
        if row.expect == "flag":
            (found if holding else missed).append(row.id)
        for fid in holding:
            explained[fid].append(row.id)

    flag_ids = set(gold.loc[gold["expect"] == "flag", "id"])
    true_alarms = [fid for fid, rows in explained.items() if flag_ids.intersection(rows)]
    false_alarms = [fid for fid, rows in explained.items() if not rows]
    judged = len(true_alarms) + len(false_alarms)
    flags = len(found) + len(missed)
    return {
        "flags": flags, "found": found, "missed": missed,
        "no_flags": int((gold["expect"] == "no-flag").sum()), "violated": violated,
        "serious": len(serious), "false_alarms": false_alarms, "true_alarms": true_alarms,
        "explained": {fid: rows for fid, rows in explained.items() if rows},
        "precision": len(true_alarms) / judged if judged else 1.0,
        "recall": len(found) / flags if flags else 1.0,
    }


# ---- workspaces: a split's copy, and the gold claims as a claim table ----

def split_sources(registry: pd.DataFrame, split: str) -> set[str]:
    """The source ids of a split ("all": every source)."""
    if split == "all":
        return set(registry["source_id"])
    if "split" not in registry:
        raise ValueError(f"the registry has no 'split' column, so --split {split} cannot select sources")
    return set(registry.loc[registry["split"] == split, "source_id"])


def gold_in_split(gold_findings: pd.DataFrame, sources: set[str]) -> pd.DataFrame:
    """The gold findings whose `sources` column names only the given sources."""
    named = gold_findings["sources"].fillna("").astype(str).str.split("|")
    inside = named.map(lambda ids: {s.strip() for s in ids if s.strip()} <= sources)
    return gold_findings.loc[inside].reset_index(drop=True)


def copy_split(workspace: Path, target: Path, split: str) -> set[str]:
    """A copy of the workspace's configuration, and of the registry rows and documents of one split,
    in the empty folder `target` (no claims, reports or caches). Returns the split's source ids."""
    from figcheck.claims.config import CONFIG_NAME
    from figcheck.claims.workspace import Layout

    layout = Layout.open(workspace)
    registry = pd.read_csv(layout.registry, dtype=str, keep_default_na=False)
    keep = split_sources(registry, split)
    shutil.copy2(layout.root / CONFIG_NAME, target / CONFIG_NAME)
    copy = Layout.open(target)
    copy.registry.parent.mkdir(parents=True, exist_ok=True)
    kept = registry.loc[registry["source_id"].isin(keep)]
    kept.to_csv(copy.registry, index=False)
    for name in kept["file"]:
        destination = copy.source_file(name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(layout.source_file(name), destination)
    return keep


def gold_claim_table(gold_claims: pd.DataFrame, texts: dict[str, str], config) -> pd.DataFrame:
    """The gold claims (gold/claims.csv rows) as validated Claim rows, as a faultless extractor would
    write them: provenance from the source line, lower/upper from the qualifier and the workspace's
    approx tolerance, kind from the configured metric. A metric of the annotator's own (one
    figcheck.toml does not configure) is left empty, as the extractor leaves it: such figures are no
    quantity figcheck compares. A figure whose note says `part` is `part_of`
    the nearest earlier figure of the same source, entity and period whose metric is its own or the
    one its metric is declared part of (and, like the extractor's breakdown parts, loses its metric
    when the total's is the same); breakdowns of declared part metrics are left to the reconciler's
    own linking."""
    from figcheck.checks.schemas import Claim
    from figcheck.claims.extraction.qualifiers import interval
    from figcheck.claims.ids import claim_id, normalise_quote
    from figcheck.claims.model import CLAIM_COLUMNS

    rows, seen, offsets = [], {}, {}
    for g in gold_claims.fillna("").astype(str).itertuples(index=False):
        if g.source_id not in offsets:
            lines = texts[g.source_id].splitlines(keepends=True)
            offsets[g.source_id] = (np.concatenate([[0], np.cumsum([len(line) for line in lines])]),
                                    [line.rstrip("\r\n") for line in lines])
        starts, lines = offsets[g.source_id]
        line = int(g.line)
        quote = lines[line - 1]
        # counted as claim_id keys them: a line repeated in other case ("In Sudan" / "in Sudan") is a repeat
        repeat = (g.source_id, normalise_quote(quote), g.surface)
        occurrence = seen.get(repeat, 0)
        seen[repeat] = occurrence + 1
        at = -1
        for _ in range(occurrence + 1):
            at = quote.find(g.surface, at + 1)
        at = max(at, 0)  # a surface not written verbatim on its line keeps the line start as its place
        metric = config.metrics.get(g.metric)
        bounds = interval(float(g.value), g.qualifier, config.approx_tolerance)
        lower, upper = bounds.lower, bounds.upper
        rows.append({
            "claim_id": claim_id(g.source_id, quote, g.surface, occurrence), "source_id": g.source_id, "line": line,
            "char_start": int(starts[line - 1]) + at, "char_end": int(starts[line - 1]) + at + len(g.surface),
            "text": g.surface, "quote": quote, "value": float(g.value), "qualifier": g.qualifier,
            "lower": lower, "upper": upper, "kind": metric.kind if metric else "other", "entity": g.entity,
            "metric": g.metric if metric else "", "scope": g.scope, "period_start": g.period_start, "period_end": g.period_end,
            "method": "manual", "status": "confirmed", "note": g.note,
        })
    claims = pd.DataFrame(rows).reindex(columns=CLAIM_COLUMNS, fill_value="")
    # The Claim schema takes percentages within 0-100 and whole counts only (an inflation rate of 211%
    # is neither): such a figure keeps its metric but is stored as kind "other", as the schema allows.
    refused = (((claims["kind"] == "percent") & ~claims["value"].between(0, 100))
               | ((claims["kind"] == "count") & ((claims["value"] < 0) | (claims["value"] % 1 != 0))))
    claims.loc[refused, "kind"] = "other"
    claims["part_of"] = _noted_totals(claims, config)
    # As the extractor writes a breakdown of one metric ("500 cases, 200 of them in Nairobi"): the
    # part keeps its link to the total but no metric, so it is not taken for the total's quantity.
    metric_of = claims.set_index("claim_id")["metric"]
    claims.loc[claims["metric"] == claims["part_of"].map(metric_of), "metric"] = ""
    return Claim.validate(claims)


def _noted_totals(claims: pd.DataFrame, config) -> pd.Series:
    """For each claim whose note says `part`, the claim_id of its total (see gold_claim_table)."""
    parent = {name: m.part_of or m.subset_of for name, m in config.metrics.items()}
    frame = claims.assign(at=np.arange(len(claims)), noted=claims["note"].str.contains(_PART_NOTE))
    frame["wanted"] = frame["metric"].map(parent).fillna("").where(lambda m: m != "", frame["metric"])
    shared = ["source_id", "entity", "period_start", "period_end"]
    pairs = frame.loc[frame["noted"], shared + ["wanted", "at", "line", "char_start"]].merge(
        frame.loc[~frame["noted"], shared + ["metric", "at", "line", "char_start", "claim_id"]],
        left_on=shared + ["wanted"], right_on=shared + ["metric"], suffixes=("", "_total"))
    earlier = (pairs["line_total"] < pairs["line"]) | (
        (pairs["line_total"] == pairs["line"]) & (pairs["char_start_total"] < pairs["char_start"]))
    nearest = pairs.loc[earlier].sort_values(["line_total", "char_start_total"]).groupby("at").tail(1)
    return pd.Series(nearest.set_index("at")["claim_id"], index=frame["at"]).fillna("").set_axis(claims.index)


# ---- the command ----

def reconcile_domain(workspace: Path, split: str, mode: str) -> dict:
    """Reconcile one workspace's split (figcheck's extraction or the gold claims) and score it."""
    from figcheck.checks.workspace import load_workspace
    from figcheck.reconcile.engine import reconcile

    gold_dir = workspace / "gold"
    with tempfile.TemporaryDirectory(prefix="figcheck-score-") as folder:
        copy = Path(folder)
        keep = copy_split(workspace, copy, split)
        gold_claims = pd.read_csv(gold_dir / "claims.csv", dtype=str, keep_default_na=False)
        gold_claims = gold_claims.loc[gold_claims["source_id"].isin(keep)]
        if mode == "extracted":
            from figcheck.store_update import extract_workspace

            extract_workspace(copy, progress=False)
        loaded = load_workspace(copy)
        if mode == "gold":
            claims = gold_claim_table(gold_claims, loaded.texts, loaded.config)
        else:
            claims = loaded.claims.drop(columns="stale")
        result = reconcile(claims, loaded.sources, loaded.config)
    gold = gold_in_split(pd.read_csv(gold_dir / "findings.csv", dtype=str, keep_default_na=False), keep)
    scored = score_findings(result.findings, result.finding_claims, claims, gold)
    scored["extraction"] = score(gold_claims, claims) if mode == "extracted" else None
    faults = extraction_faults(claims, scored["extraction"]) if scored["extraction"] else pd.Series(dtype=object)
    misread = result.finding_claims["claim_id"].isin(faults.index[faults != ""])
    scored["faulty"] = set(result.finding_claims.loc[misread, "finding_id"])
    scored.update(result=result, claims=claims, gold=gold, faults=faults)
    return scored


def extraction_faults(claims: pd.DataFrame, extraction: dict) -> pd.Series:
    """claim_id -> how the extraction got the claim wrong against gold ("" when it did not): a figure
    gold does not hold, or the attributes that differ, from `score_extraction.score`'s mismatches
    (keyed by source, line and value, so repeats of one figure on a line share their faults)."""
    said: dict[tuple, list[str]] = {}
    for attribute, key, want, got, _ in extraction["mismatches"]:
        said.setdefault(key, []).append("not a gold claim" if attribute == "false positive"
                                        else f"{attribute} {want or '-'} read as {got or '-'}")
    keys = zip(claims["source_id"].astype(str), claims["line"].astype(int), claims["value"].astype(float).round(6))
    return pd.Series(["; ".join(said.get(key, [])) for key in keys], index=claims["claim_id"].to_numpy(), dtype=str)


def _summary(domain: str, mode: str, s: dict) -> list:
    line = [domain, mode, f"{len(s['found'])}/{s['flags']}", f"{len(s['violated'])}/{s['no_flags']}",
            f"{len(s['false_alarms'])}/{s['serious']}", f"{s['precision']:.2f}", f"{s['recall']:.2f}"]
    extraction = s["extraction"]
    line.append(f"{extraction['precision']:.2f}/{extraction['recall']:.2f}" if extraction else "-")
    line.append(len(s["faulty"].intersection(s["false_alarms"])) if extraction else "-")
    return line


def _pooled(results: list[dict]) -> dict:
    """The counts of several domains' scores added up, for the summary's last rows."""
    total = {key: [x for s in results for x in s[key]] for key in ("found", "missed", "false_alarms", "true_alarms")}
    total.update(flags=sum(s["flags"] for s in results), no_flags=sum(s["no_flags"] for s in results),
                 serious=sum(s["serious"] for s in results),
                 violated={f"{i}:{k}": v for i, s in enumerate(results) for k, v in s["violated"].items()},
                 faulty={f for s in results for f in s["faulty"]})
    judged = len(total["true_alarms"]) + len(total["false_alarms"])
    total["precision"] = len(total["true_alarms"]) / judged if judged else 1.0
    total["recall"] = len(total["found"]) / total["flags"] if total["flags"] else 1.0
    total["extraction"] = None
    if all(s["extraction"] for s in results):
        hits = sum(s["extraction"]["hits"] for s in results)
        false = sum(s["extraction"]["false_positives"] for s in results)
        required = sum(s["extraction"]["required"] for s in results)
        matched = sum(s["extraction"]["required"] - len(s["extraction"]["missed"]) for s in results)
        total["extraction"] = {"precision": hits / (hits + false) if hits + false else 1.0,
                               "recall": matched / required if required else 1.0}
    return total


def _details(s: dict) -> list[str]:
    """The misses, violations and false alarms in words, each finding with its rule and message."""
    findings = s["result"].findings.set_index("finding_id")
    gold = s["gold"].set_index("id")

    members = s["result"].finding_claims.groupby("finding_id")["claim_id"].agg(list)
    claims = s["claims"].set_index("claim_id")

    def said(fid: str) -> str:
        f = findings.loc[fid]
        faults = [f"{claims.at[c, 'text']} (source {claims.at[c, 'source_id']}, line {claims.at[c, 'line']}): "
                  f"{s['faults'][c]}" for c in members.get(fid, []) if s["faults"].get(c)]
        return f"    [{f['rule']} {f['severity']}] {f['message']}" + "".join(f"\n      extraction: {x}" for x in faults)

    lines = [f"  missed {rid} {gold.at[rid, 'entity']} {gold.at[rid, 'metric']} {gold.at[rid, 'must']}: "
             f"{gold.at[rid, 'why']}" for rid in s["missed"]]
    for rid, fids in s["violated"].items():
        lines.append(f"  violated {rid} {gold.at[rid, 'entity']} {gold.at[rid, 'metric']} {gold.at[rid, 'must']}")
        lines += [said(fid) for fid in fids]
    for fid in s["false_alarms"]:
        lines += ["  false alarm", said(fid)]
    return lines


def main(argv: list[str]) -> int:
    from tabulate import tabulate

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workspaces", nargs="*", type=Path, help="workspaces with gold/claims.csv and gold/findings.csv "
                        "(default: every tests/data/realworld/<domain>)")
    parser.add_argument("--split", choices=SPLITS, default="dev", help="score one split's sources (default dev)")
    parser.add_argument("--mode", choices=MODES + ("both",), default="both",
                        help="reconcile figcheck's extraction, the gold claims, or both (default both)")
    parser.add_argument("--details", action="store_true", help="list every miss, violation and false alarm")
    parser.add_argument("--results", action="store_true",
                        help="also write the table to its section of benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    workspaces = args.workspaces or sorted(p for p in REALWORLD.iterdir() if (p / "gold" / "findings.csv").is_file())
    modes = MODES if args.mode == "both" else (args.mode,)
    table, pooled = [], {mode: [] for mode in modes}
    missing = [str(w / "gold" / name) for w in workspaces for name in ("claims.csv", "findings.csv")
               if not (w / "gold" / name).is_file()]
    if missing:
        print(f"no gold file: {', '.join(missing)}", file=sys.stderr)
        return 2
    for workspace in workspaces:
        for mode in modes:
            try:
                scored = reconcile_domain(workspace, args.split, mode)
            except (FigcheckError, ValueError) as exc:
                print(f"{workspace}: {exc}", file=sys.stderr)
                return 2
            pooled[mode].append(scored)
            table.append(_summary(workspace.name, mode, scored))
            if args.details:
                print(f"{workspace.name} ({mode}, {args.split})")
                print("\n".join(_details(scored)) or "  nothing to report")
    if len(workspaces) > 1:
        table += [_summary("all", mode, _pooled(results)) for mode, results in pooled.items()]
    rendered = tabulate(table, headers=["domain", "claims", "flags found", "no-flags violated", "false alarms",
                                        "precision", "recall", "extraction P/R",
                                        "false alarms with a misread claim"], tablefmt="github")
    print(rendered)
    if args.results:
        from benchmarks import update_results

        update_results(f"score_findings_{args.split}", _section(rendered, args), timed=False)
    return 0


def _section(rendered: str, args) -> str:
    """The RESULTS.md section of one split's table, with the command that wrote it."""
    command = " ".join(["python benchmarks/score_findings.py", f"--split {args.split}", f"--mode {args.mode}",
                        *(str(w) for w in args.workspaces)])
    return (f"## Findings on real dossiers ({args.split} split)\n\n`{command} --results`\n\n"
            "`extracted`: figcheck's extraction reconciled; `gold`: the gold claims reconciled in its place. "
            "Flags found / flag rows, no-flag rows violated / no-flag rows, false alarms / error and warning "
            "findings; precision counts findings a `stretch` row alone explains as neither right nor wrong. "
            "Causes and recommended fixes: benchmarks/FINDINGS_ANALYSIS.md.\n\n" + rendered + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
