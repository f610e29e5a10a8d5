"""Check + reconcile + report at 10^4, 10^5 and 10^6 claims, beside a plain pandas floor.

    python benchmarks/bench_check.py [--sizes 10000 100000 1000000] [--budget 480] [--load-sizes 2000]

For each size, in a fresh subprocess (so sizes do not share memory or caches):
- the claims table of a generated workspace (`benchmarks/generate.py`, cached as CSV between runs);
- check: the whole table validated against `figcheck.checks.schemas.Claim` in one call, and every claim's
  provenance (span, text, line, quote) checked against its source text;
- reconcile: `figcheck.reconcile.engine.reconcile(claims, sources, config)`;
- report: `figcheck.reports.result.build_result` and the json and md renderings `figcheck check` prints;
- the floor: one pandas group-by on the quantity key and a merge back onto the table.
Wall time per stage and the peak resident memory of the pipeline (VmHWM, reset after the input is
loaded; the input table stays in memory and is counted). Growth per tenfold step and the ratio to
the floor are printed and written to the `bench_check` section of benchmarks/RESULTS.md.

`--load-sizes` also times `figcheck.checks.workspace.load_workspace` (what `figcheck check` runs before
reconciling: it reads and validates every claims file) on a workspace written to disk.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: make `benchmarks` importable

import pandas as pd  # noqa: E402
from tabulate import tabulate  # noqa: E402

from benchmarks import hotspots, update_results  # noqa: E402

KEY = ["entity", "metric", "scope", "period_start", "period_end"]
STAGES = ("check", "reconcile", "report")
TARGET_SECONDS, TARGET_GB, TARGET_FLOOR, TARGET_STEP = 60.0, 4.0, 20.0, 12.0
GENERATOR = ROOT / "benchmarks" / "generate.py"


# ---- inside the worker subprocess -------------------------------------------------------------

def _peak_rss_mb() -> float:
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> bool:
    """Forget the peak so far (Linux); False when the peak cannot be reset."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _cache_paths(cache: Path, n: int, seed: int) -> tuple[Path, Path, Path, Path]:
    """claims, sources, planted contradictions (CSV) and a folder with figcheck.toml and texts.json."""
    tag = hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:10]
    stem = cache / f"n{n}-s{seed}-{tag}"
    return (stem.with_suffix(".claims.csv"), stem.with_suffix(".sources.csv"), stem.with_suffix(".planted.csv"),
            stem.with_suffix(".workspace"))


def prepare(n: int, seed: int, cache: Path) -> None:
    """Generate the table once (its own subprocess) and cache it as CSV with a workspace folder."""
    from benchmarks.generate import claims_table, config_toml, Generator
    from figcheck.claims.atomic import write_atomic

    claims_csv, sources_csv, planted_csv, folder = _cache_paths(cache, n, seed)
    if all(p.is_file() for p in (claims_csv, sources_csv, planted_csv, folder / "texts.json")):
        return
    claims, sources, _, planted, texts = claims_table(n, seed=seed)
    write_atomic(planted_csv, planted.to_csv(index=False))
    write_atomic(folder / "figcheck.toml", config_toml(Generator(n, seed).world))
    write_atomic(folder / "texts.json", json.dumps(texts))
    write_atomic(sources_csv, sources.to_csv(index=False))
    write_atomic(claims_csv, claims.to_csv(index=False))


def _read_inputs(n: int, seed: int, cache: Path):
    from figcheck.checks.workspace import Workspace
    from figcheck.claims.workspace import Layout

    claims_csv, sources_csv, planted_csv, folder = _cache_paths(cache, n, seed)
    planted = pd.read_csv(planted_csv, dtype=str, keep_default_na=False)
    claims = pd.read_csv(claims_csv, dtype=str, keep_default_na=False)
    for column in ("line", "char_start", "char_end"):
        claims[column] = claims[column].astype("Int64")
    for column in ("value", "lower", "upper"):
        claims[column] = claims[column].astype(float)
    sources = pd.read_csv(sources_csv, dtype=str, keep_default_na=False)
    layout = Layout.open(folder)
    sources["path"] = [str(folder / "sources" / f) for f in sources["file"]]
    texts = json.loads((folder / "texts.json").read_text(encoding="utf-8"))
    return claims, sources, texts, layout, Workspace(layout=layout, sources=sources, texts=texts,
                                                     claims=claims.assign(stale=False)), planted


def check_stage(claims: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    from figcheck.checks.provenance import provenance_problems
    from figcheck.checks.schemas import Claim
    from figcheck.checks.validate import validate

    checked, problems = validate(Claim, claims, "generated claims")
    if not problems:
        where = checked["source_id"] + ":" + (checked.index + 1).astype(str)
        problems = provenance_problems(checked, texts, where)
    if problems:
        raise SystemExit(f"generated claims fail the checks: {problems[:3]}")
    return checked


def floor_stage(claims: pd.DataFrame) -> pd.DataFrame:
    """One group-by on the quantity key and a merge back: what any vectorised rule must at least do."""
    bounds = claims.groupby(KEY, sort=False).agg(lower=("lower", "max"), upper=("upper", "min"),
                                                 claims=("claim_id", "size"))
    return claims.merge(bounds.reset_index(), on=KEY, how="left", suffixes=("", "_quantity"))


def worker(n: int, seed: int, cache: Path, profile: Path | None) -> None:
    """Prints the state so far as one JSON line after each stage, so a timed-out size still reports."""
    claims, sources, texts, layout, workspace, planted = _read_inputs(n, seed, cache)
    out = {"n": len(claims), "sources": len(sources), "quantities": int(claims.groupby(KEY).ngroups),
           "input_mb": claims.memory_usage(deep=True).sum() / 2**20, "times": {}}
    start = time.perf_counter()
    floor_stage(claims)
    out["floor"] = time.perf_counter() - start
    gc.collect()
    out["peak_reset"] = _reset_peak()
    out["baseline_mb"] = _peak_rss_mb()

    def done(stage: str, since: float) -> None:
        out["times"][stage] = time.perf_counter() - since
        out["peak_mb"] = _peak_rss_mb()
        print(json.dumps(out), flush=True)

    profiler = None
    if profile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    try:
        start = time.perf_counter()
        checked = check_stage(claims, texts)
        done("check", start)
        try:
            from figcheck.reconcile.engine import reconcile
        except ImportError as exc:
            out["missing"] = f"reconcile.engine: {exc}"
            print(json.dumps(out), flush=True)
            return
        start = time.perf_counter()
        result = reconcile(checked, sources, layout.config)
        out.update(findings=len(result.findings), unsolved=len(result.unsolved))
        out.update(_detection(result, planted))
        done("reconcile", start)
        start = time.perf_counter()
        _report(result, workspace, layout)
        done("report", start)
    finally:
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)


def _detection(result, planted: pd.DataFrame) -> dict:
    """How many planted contradictions are in an error or warning finding, and named most likely wrong."""
    flagged = result.findings.loc[result.findings["severity"].isin(["error", "warning"]), "finding_id"]
    involved = result.finding_claims.loc[result.finding_claims["finding_id"].isin(flagged), "claim_id"]
    wrong = result.verdicts.loc[result.verdicts["verdict"] == "most_likely_wrong", "claim_id"]
    return {"planted": len(planted), "detected": int(planted["claim_id"].isin(involved).sum()),
            "named_wrong": int(planted["claim_id"].isin(wrong).sum())}


def _report(result, workspace, layout) -> None:
    from figcheck.reports.baseline import load_baseline
    from figcheck.reports.formats import get_format
    from figcheck.reports.result import build_result

    checked = build_result(result, workspace, load_baseline(layout.baseline))
    for fmt in ("json", "md"):
        get_format(fmt).render(checked)


def load_worker(n: int, seed: int, cache: Path) -> dict:
    """Time load_workspace on a workspace written to disk with its claim store."""
    from benchmarks.generate import generate_workspace
    from figcheck.checks.workspace import load_workspace

    folder = cache / f"store-n{n}-s{seed}-{hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:10]}"
    if not (folder / "sources.csv").is_file():
        generate_workspace(folder, n, seed=seed, store=True)
    start = time.perf_counter()
    workspace = load_workspace(folder)
    return {"n": len(workspace.claims), "files": len(workspace.sources), "seconds": time.perf_counter() - start}


# ---- the driver ---------------------------------------------------------------------------------

def _run(args: list[str], timeout: float) -> dict | str:
    """The worker's last JSON line; on a timeout, what it reported so far plus a note."""
    try:
        done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout)
        stdout, note = done.stdout, "" if done.returncode == 0 else \
            "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        note = f"stopped after {timeout:.0f} s"
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if not lines:
        return note or "no output"
    result = json.loads(lines[-1])
    if note:
        result["note"] = note
    return result


def _fmt_s(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000],
                        help="claims per measured size (none: only the profile)")
    parser.add_argument("--load-sizes", type=int, nargs="*", default=[2_000],
                        help="sizes at which to also time load_workspace on disk (slow: one file per source)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per size and stage")
    parser.add_argument("--budget", type=float, default=400,
                        help="seconds for all sizes together; a size still running when it is spent is stopped "
                             "and reported with the stages it finished (0: no budget, only --timeout per size)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "figcheck-bench",
                        help="where generated tables are kept between runs")
    parser.add_argument("--profile-size", type=int, default=100_000,
                        help="claims for a separate profiled run that shows where the time goes (0: skip)")
    parser.add_argument("--profile", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-results", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--load", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.cache.mkdir(mode=0o700, parents=True, exist_ok=True)

    if args.prepare:
        prepare(args.prepare, args.seed, args.cache)
        print("{}")
        return 0
    if args.worker:
        worker(args.worker, args.seed, args.cache, args.profile)
        return 0
    if args.load:
        print(json.dumps(load_worker(args.load, args.seed, args.cache)))
        return 0

    results, started = {}, time.perf_counter()
    for n in sorted(args.sizes):
        left = args.budget - (time.perf_counter() - started) if args.budget else args.timeout
        if left < 30:
            results[n] = "skipped: the --budget is spent"
            continue
        print(f"{n:,} claims: generating (cached in {args.cache}) ...", flush=True)
        prepared = _run(["--prepare", str(n), "--seed", str(args.seed), "--cache", str(args.cache)],
                        min(args.timeout, left))
        if isinstance(prepared, str) or prepared.get("note"):
            results[n] = f"generation {prepared if isinstance(prepared, str) else prepared['note']}"
            continue
        left = args.budget - (time.perf_counter() - started) if args.budget else args.timeout
        print(f"{n:,} claims: measuring ...", flush=True)
        results[n] = _run(["--worker", str(n), "--seed", str(args.seed), "--cache", str(args.cache)],
                          min(args.timeout, max(left, 30)))
        print(f"  {results[n]}", flush=True)
    loads = {}
    for n in sorted(args.load_sizes or []):
        print(f"{n:,} claims: load_workspace from disk ...", flush=True)
        loads[n] = _run(["--load", str(n), "--seed", str(args.seed), "--cache", str(args.cache)], args.timeout)
        print(f"  {loads[n]}", flush=True)

    if results:
        body = render(results, loads, args)
        print(body)
        if not args.no_results:
            update_results("bench_check", body)
    if args.profile_size:
        body = profile_section(args.profile_size, args.seed, args.cache, args.timeout)
        print(body)
        if not args.no_results:
            update_results("bench_check_profile", body)
    return 0


def profile_section(n: int, seed: int, cache: Path, timeout: float) -> str:
    """Run the pipeline once more under cProfile (its own process) and list the hot functions."""
    print(f"{n:,} claims: profiling ...", flush=True)
    _run(["--prepare", str(n), "--seed", str(seed), "--cache", str(cache)], timeout)
    dump = cache / f"profile-{n}.pstats"
    result = _run(["--worker", str(n), "--seed", str(seed), "--cache", str(cache), "--profile", str(dump)], timeout)
    if not dump.is_file():
        return f"### Where the time goes\n\nNot profiled: {result}\n"
    stages = ", ".join(f"{s} {t:.1f} s" for s, t in result["times"].items()) if isinstance(result, dict) else ""
    return (f"### Where the time goes\n\nThe pipeline at {n:,} claims under cProfile ({stages}; profiling slows "
            f"it): project functions by share of the time.\n\n{hotspots(pstats.Stats(str(dump)), 20)}\n")


def render(results: dict, loads: dict, args) -> str:
    rows, totals, notes = [], {}, []
    for n, r in results.items():
        if isinstance(r, str):
            rows.append([f"{n:,}", r] + [""] * 10)
            continue
        t = r["times"]
        total = sum(t[s] for s in STAGES) if all(s in t for s in STAGES) else None
        totals[n] = (total, r)
        cells = [_fmt_s(t.get(s)) for s in STAGES]
        if r.get("note"):
            unfinished = next((i for i, s in enumerate(STAGES) if s not in t), None)
            if unfinished is not None:
                cells[unfinished] = f"unfinished ({r['note']})"
            notes.append(f"- {n:,} claims: {r['note']}" + (f" during {STAGES[unfinished]}" if unfinished is not None else ""))
        peak = f"{r['peak_mb'] / 1024:.2f}" if "peak_mb" in r else "-"
        rows.append([f"{r['n']:,}", f"{r['sources']:,}", f"{r['quantities']:,}"] + cells
                    + [_fmt_s(total), peak, _fmt_s(r["floor"]),
                       f"{total / r['floor']:.0f}x" if total else "-", r.get("findings", "-"),
                       f"{r['detected']}/{r['planted']} ({r['named_wrong']})" if "planted" in r else "-"])
    headers = ["claims", "sources", "quantities"] + [f"{s} s" for s in STAGES] + [
        "total s", "peak GB", "pandas floor s", "total / floor", "findings", "planted found (most likely wrong)"]
    lines = ["## Check, reconcile and report at scale", "",
             f"`python benchmarks/bench_check.py --sizes {' '.join(map(str, args.sizes))} --budget {args.budget:g} "
             f"--timeout {args.timeout:g}` "
             "(each size in its own process; peak = resident memory high-water mark during the pipeline, "
             "input table included)", "", tabulate(rows, headers=headers, tablefmt="github"), ""]
    missing = {r.get("missing") for r in results.values() if isinstance(r, dict) and r.get("missing")}
    lines += [f"- not measured: {m}" for m in sorted(missing)] + notes
    sizes = sorted(totals)
    steps = []
    for a, b in zip(sizes, sizes[1:]):
        if totals[a][0] and totals[b][0] and b == 10 * a:
            steps.append((a, b, totals[b][0] / totals[a][0]))
    if steps:
        lines += ["", "Growth per tenfold step (total time): " + "; ".join(
            f"{a:,} -> {b:,}: {g:.1f}x" for a, b, g in steps)]
    if loads:
        lines += ["", "### Reading the workspace from disk (`figcheck.checks.workspace.load_workspace`)", ""]
        for n, r in loads.items():
            if isinstance(r, str):
                lines.append(f"- {n:,} claims: {r}")
            else:
                per_file = r["seconds"] / max(r["files"], 1)
                lines.append(f"- {r['n']:,} claims in {r['files']:,} claims files: {r['seconds']:.1f} s "
                             f"({per_file * 1000:.0f} ms per file); at this rate a million claims "
                             f"(~{r['files'] * 1_000_000 // max(r['n'], 1):,} files) would take "
                             f"~{per_file * r['files'] * 1_000_000 / max(r['n'], 1) / 60:.0f} min.")
    lines += ["", "### Targets", ""] + verdicts(totals, steps)
    return "\n".join(lines) + "\n"


def verdicts(totals: dict, steps: list) -> list[str]:
    out = []
    million = totals.get(1_000_000)
    if million and million[0]:
        total, r = million
        peak = r["peak_mb"] / 1024
        floor = total / r["floor"]
        stages = ", ".join(f"{stage} {r['times'][stage]:.1f} s" for stage in STAGES)
        out.append(f"- A million claims in {total:.1f} s ({stages}; target < {TARGET_SECONDS:.0f} s): "
                   + ("met." if total < TARGET_SECONDS else
                      f"missed by {total - TARGET_SECONDS:.1f} s (why: see where the time goes)."))
        out.append(f"- Peak memory {peak:.2f} GB (target < {TARGET_GB:.0f} GB): "
                   + ("met." if peak < TARGET_GB else f"missed by {peak - TARGET_GB:.2f} GB."))
        out.append(f"- {floor:.1f}x the pandas floor (target <= {TARGET_FLOOR:.0f}x): "
                   + ("met." if floor <= TARGET_FLOOR else
                      f"missed by {floor / TARGET_FLOOR:.1f} times (why: the floor is one group-by and merge; the "
                      "pipeline validates every cell, checks every claim against its source, runs every rule "
                      "and solves the error-localisation programs: see where the time goes)."))
    elif million:
        out.append(f"- A million claims: missed; the pipeline did not finish ({million[1].get('note', 'see the table')}).")
    else:
        out.append("- A million claims: not measured (see the table).")
    for a, b, g in steps:
        out.append(f"- Tenfold step {a:,} -> {b:,}: {g:.1f}x time (target <= {TARGET_STEP:.0f}x): "
                   + ("met." if g <= TARGET_STEP else f"missed by {g - TARGET_STEP:.1f}x."))
    return out


if __name__ == "__main__":
    sys.exit(main())
