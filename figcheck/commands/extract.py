"""`figcheck extract WS`: find the claims of every source and merge them into the claim store.

Sources whose text, configuration and extractor are unchanged since the last run are skipped;
the rest are extracted (over several processes with --jobs) and merged so that rows a person
touched are kept exactly. Nothing is written unless the whole store validates first.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
from tabulate import tabulate

from checks.provenance import provenance_problems
from checks.schemas import CLAIM_CHECK_COLUMNS, Claim
from checks.validate import InputError, validate
from checks.workspace import load_claims, load_sources
from claims.atomic import write_atomic
from claims.config import CONFIG_NAME, Config
from claims.model import CLAIM_COLUMNS
from claims.store import merge_store, store_texts
from claims.workspace import Layout

HELP = "extract the numeric claims of every source into the claim store (keeps reviewed rows)"
CACHE_FILE = "extract-state.json"
SUMMARY_COLUMNS = ["source_id", "state", "found", "kept", "added", "removed", "stale"]


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="extract sources in N processes (default 1)")
    parser.add_argument("--force", action="store_true",
                        help="extract every source, even those unchanged since the last run")
    parser.add_argument("--quiet", "-q", action="store_true", help="print no progress or summary")


def run(args) -> int:
    if args.jobs < 1:
        raise InputError([f"--jobs must be at least 1, not {args.jobs}"])
    summary = extract_workspace(args.workspace, jobs=args.jobs, progress=not args.quiet, force=args.force)
    if not args.quiet:
        print(tabulate(summary, headers="keys", tablefmt="simple", showindex=False))
        totals = summary[["found", "kept", "added", "removed", "stale"]].sum()
        skipped = int((summary["state"] == "unchanged").sum())
        print(f"\n{len(summary)} sources ({skipped} unchanged, skipped): {totals['added']} claims added, "
              f"{totals['removed']} removed, {totals['kept']} reviewed rows kept, {totals['stale']} stale.")
        if totals["stale"]:
            print("Stale rows were reviewed against an older version of their source: "
                  "check them in the claims files (column source_sha256).")
    return 0


def _extractor_fingerprint() -> str:
    """Changes whenever the extractor's code or language data does, so its output is redone."""
    import claims

    digest = hashlib.sha256()
    package = Path(claims.__file__).parent
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".toml")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_worker_config: Config | None = None


def _init_worker(config: Config) -> None:
    """Each worker process receives the configuration once, not with every source."""
    global _worker_config
    _worker_config = config


def _extract_chunk(items: list[tuple[str, dict]]) -> pd.DataFrame:
    """The claims of several sources as one frame: one result to send back per chunk, not per source."""
    from claims.extract import extract_source

    found = [extract_source(text, source, _worker_config) for text, source in items]
    return pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=CLAIM_COLUMNS)


def extract_workspace(root: Path | str, jobs: int = 1, progress: bool = True, force: bool = False) -> pd.DataFrame:
    """Extract and merge every source of the workspace; returns one summary row per source."""
    layout = Layout.open(root)
    sources, texts = load_sources(layout)
    stored = load_claims(layout, sources, texts)  # an invalid store stops here, before any write

    cache_path = layout.cache_dir / CACHE_FILE
    cache = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.is_file() else {}
    base = hashlib.sha256((layout.root / CONFIG_NAME).read_bytes() + _extractor_fingerprint().encode()).hexdigest()
    keys = {sid: hashlib.sha256((base + sha).encode()).hexdigest() for sid, sha in zip(sources["source_id"], sources["sha256"])}
    todo = [row for row in sources.to_dict("records")
            if force or cache.get(row["source_id"]) != keys[row["source_id"]]
            or not layout.claims_file(row["source_id"]).is_file()]

    found = _run_extractor(todo, texts, layout.config, jobs, progress and sys.stderr.isatty())

    todo_ids = [s["source_id"] for s in todo]
    hashes = {s["source_id"]: s["sha256"] for s in todo}
    previous = stored[stored["source_id"].isin(todo_ids)].drop(columns="stale")
    merged, counts = merge_store(previous, found, texts, hashes)
    outputs = _checked_outputs(merged, todo_ids, hashes, texts) if todo else {}
    rows = [[sid, "extracted", *counts.loc[sid].tolist()] for sid in todo_ids]
    for sid, content in outputs.items():
        write_atomic(layout.claims_file(sid), content)
        cache[sid] = keys[sid]
    write_atomic(cache_path, json.dumps(dict(sorted(cache.items())), indent=1) + "\n")

    sizes = stored.groupby("source_id").size()
    stale = stored.groupby("source_id")["stale"].sum()
    rows += [[sid, "unchanged", int(sizes.get(sid, 0)), 0, 0, 0, int(stale.get(sid, 0))]
             for sid in sources["source_id"] if sid not in hashes]
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS).sort_values("source_id", kind="stable").reset_index(drop=True)


def _checked_outputs(merged: pd.DataFrame, todo_ids: list[str], hashes: dict[str, str],
                     texts: dict[str, str]) -> dict[str, str]:
    """Each source's new file content, once the schema and provenance checks pass for all of them."""
    where = "extractor output for source " + merged["source_id"].astype(str) + ", row " + merged.index.astype(str)
    checked, problems = validate(Claim, merged, where, check_columns=CLAIM_CHECK_COLUMNS)
    if checked is not None:
        current = checked["source_sha256"] == checked["source_id"].map(hashes)
        problems += provenance_problems(checked[current], texts, where[current])
    if problems:
        raise InputError(problems, "The extractor produced rows that do not match their source; nothing was written. "
                                   "Please report this with the source.")
    return store_texts(checked, todo_ids)


def _run_extractor(todo: list[dict], texts: dict[str, str], config: Config, jobs: int, show: bool) -> pd.DataFrame:
    """Every claim the extractor finds in the listed sources, in chunks of sources (over `jobs` processes)."""
    items = [(texts[s["source_id"]], {k: str(v) for k, v in s.items()}) for s in todo]
    _init_worker(config)
    size = max(1, min(64, len(items) // (jobs * 8)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    if jobs == 1 or len(chunks) < 2:
        found = list(_progress(map(_extract_chunk, chunks), [len(c) for c in chunks], show))
    else:
        # The parent extracts the first chunk itself: that imports the extractor and compiles the
        # vocabulary once, and forked workers inherit both instead of each redoing them.
        first = _extract_chunk(chunks[0])
        with _worker_pool(jobs, config) as pool:
            found = [first, *_progress(pool.map(_extract_chunk, chunks[1:]), [len(c) for c in chunks[1:]], show)]
    return pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=CLAIM_COLUMNS)


def _worker_pool(jobs: int, config: Config) -> ProcessPoolExecutor:
    """Forked workers where the platform has fork; elsewhere each worker receives the configuration once."""
    if "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config,))


def _progress(results, sizes: list[int], show: bool):
    """A progress bar over sources on the terminal for long runs; plain iteration when not attached to one."""
    if not show or sum(sizes) < 2:
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("sources", total=sum(sizes))
        for size, result in zip(sizes, results):
            bar.advance(task, size)
            yield result
