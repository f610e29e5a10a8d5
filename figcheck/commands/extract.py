"""`figcheck extract WS`: find the claims of every source and merge them into the claim store.

Sources whose text, configuration and extractor are unchanged since the last run are skipped. The
rest go in chunks, over several processes with --jobs: each chunk's sources are extracted, merged so
that rows a person touched are kept exactly, checked, and their new claims files written beside the
old ones as temporary files, read back and flushed to disk. Only when every chunk has passed are those
renamed into place, so bad output leaves the store as it was; a claims file whose content is unchanged
is not rewritten. The run holds the workspace's lock throughout, and a claims file a person saved
after the run read it is left as saved.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tabulate import tabulate

from figcheck.checks.provenance import provenance_problems
from figcheck.checks.schemas import CLAIM_CHECK_COLUMNS, Claim
from figcheck.checks.validate import InputError, validate
from figcheck.checks.workspace import load_claims, load_documents
from figcheck.claims.atomic import digest, discard, os_failure, publish, stage
from figcheck.claims.config import CONFIG_NAME
from figcheck.claims.csvio import reads_back
from figcheck.claims.lock import ChangedDuringRun, journal, workspace_lock
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.claims.store import merge_store, store_texts
from figcheck.claims.workspace import Layout

HELP = "extract the numeric claims of every source into the claim store (keeps reviewed rows)"
CACHE_FILE = "extract-state.json"
SUMMARY_COLUMNS = ["source_id", "state", "found", "kept", "added", "removed", "stale"]
CHUNKS_PER_JOB = 4  # enough for the processes to finish close together; each chunk is one validation pass
MAX_CHUNK = 256     # sources per chunk at most, so a large workspace still shows progress


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="extract sources in N processes (default 1)")
    parser.add_argument("--force", action="store_true",
                        help="extract every source, even those unchanged since the last run")
    parser.add_argument("--quiet", "-q", action="store_true", help="print no progress or summary")
    parser.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                        help="when another run is writing to the workspace, give up after SECONDS "
                             "(default: wait until it finishes)")


def run(args) -> int:
    if args.jobs < 1:
        raise InputError([f"--jobs must be at least 1, not {args.jobs}"])
    if args.wait is not None and not args.wait >= 0:
        raise InputError([f"--wait must be a number of seconds, at least 0, not {args.wait}"])
    summary = extract_workspace(args.workspace, jobs=args.jobs, progress=not args.quiet, force=args.force,
                                wait=args.wait)
    unreadable = summary.attrs.get("unreadable", [])
    if not args.quiet:
        print(tabulate(summary, headers="keys", tablefmt="simple", showindex=False))
        totals = summary[["found", "kept", "added", "removed", "stale"]].sum()
        skipped = int((summary["state"] == "unchanged").sum())
        print(f"\n{len(summary)} sources ({skipped} unchanged, skipped): {totals['added']} claims added, "
              f"{totals['removed']} removed, {totals['kept']} reviewed rows kept, {totals['stale']} stale.")
        if totals["stale"]:
            print("Stale rows were reviewed against an older version of their source: "
                  "check them in the claims files (column source_sha256).")
        for sid, line, why in summary.attrs.get("skipped", []):
            print(f"source {sid}, line {line}: skipped, {why}")
    if unreadable:
        raise InputError(unreadable, "These documents were left out; the other sources were extracted.")
    return 0


def _extractor_fingerprint() -> str:
    """Changes whenever the extractor's code or language data does, so its output is redone."""
    from figcheck import claims

    digest = hashlib.sha256()
    package = Path(claims.__file__).parent
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".toml")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class _Job:
    """What every chunk needs; worker processes receive it once, not with each chunk."""
    layout: Layout
    texts: dict[str, str]        # source_id -> document text
    hashes: dict[str, str]       # source_id -> content hash, for the sources re-extracted
    stored: pd.DataFrame         # their validated store rows


@dataclass
class _Chunk:
    """What one chunk hands back to the parent process."""
    counts: pd.DataFrame                # per source: found, kept, added, removed, stale
    staged: list[tuple[Path, Path]]     # (temporary file, claims file) for each file that changes
    problems: list[str]
    claim_ids: list[str]
    skipped: list[tuple[str, int, str]]  # (source_id, line, why) of lines whose figures are no claims


_job: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _job
    _job = job


def _extract_chunk(items: list[tuple[str, dict]]) -> pd.DataFrame:
    """The claims of several sources as one frame."""
    from figcheck.claims.extract import extract_source

    found = [extract_source(text, source, _job.layout.config) for text, source in items]
    frame = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=CLAIM_COLUMNS)
    frame.attrs["skipped"] = [(source["source_id"], line, why) for (_, source), claims in zip(items, found)
                              for line, why in claims.attrs.get("skipped", [])]
    return frame


def _process_chunk(rows: list[dict[str, str]]) -> _Chunk:
    """Extract, merge and check the sources of one chunk, and stage their claims files that change."""
    job = _job
    ids = [row["source_id"] for row in rows]
    hashes = {sid: job.hashes[sid] for sid in ids}
    found = _extract_chunk([(job.texts[sid], row) for sid, row in zip(ids, rows)])
    merged, counts = merge_store(job.stored[job.stored["source_id"].isin(ids)], found, job.texts, hashes)
    checked, problems = _checked(merged, hashes, job.texts)
    if problems:
        return _Chunk(counts, [], problems, [], [])
    staged: list[tuple[Path, Path]] = []
    try:
        for sid, content in store_texts(checked, ids).items():
            path, payload = job.layout.claims_file(sid), content.encode("utf-8")
            if not _holds(path, payload):
                staged.append((stage(path, payload, reads_back), path))
    except BaseException:
        discard([tmp for tmp, _ in staged])
        raise
    return _Chunk(counts, staged, [], checked["claim_id"].tolist(), found.attrs.get("skipped", []))


def _holds(path: Path, payload: bytes) -> bool:
    """Whether the file already holds exactly `payload`."""
    try:
        return path.read_bytes() == payload
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise os_failure(path, exc, "read") from None


def _checked(merged: pd.DataFrame, hashes: dict[str, str], texts: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """The merged rows once the schema and provenance checks pass, else the problems found."""
    row = merged.groupby("source_id").cumcount() + 1
    where = "extractor output for source " + merged["source_id"].astype(str) + ", row " + row.astype(str)
    checked, problems = validate(Claim, merged, where, check_columns=CLAIM_CHECK_COLUMNS)
    if checked is not None:
        current = checked["source_sha256"] == checked["source_id"].map(hashes)
        problems += provenance_problems(checked[current], texts, where[current])
    return checked, problems


def _repeated_ids(results: list[_Chunk]) -> list[str]:
    """Each chunk's check finds a claim id used twice within it; this finds one used in two chunks."""
    ids = pd.Series([i for result in results for i in result.claim_ids], dtype=object)
    return [f"extractor output: column 'claim_id': {i!r} appears more than once; ids must be unique"
            for i in sorted(set(ids[ids.duplicated()]))]


def extract_workspace(root: Path | str, jobs: int = 1, progress: bool = True, force: bool = False,
                      wait: float | None = None) -> pd.DataFrame:
    """Extract and merge every source of the workspace; returns one summary row per source.

    Holds the workspace's lock, waiting at most `wait` seconds for another writer (None: as long as
    it takes). Raises ChangedDuringRun, after writing the rest, when a claims file was saved by
    someone else while the run worked on it.
    """
    layout = Layout.open(root)
    with workspace_lock(layout, wait):
        return _extract_locked(layout, jobs, progress, force)


def _extract_locked(layout: Layout, jobs: int, progress: bool, force: bool) -> pd.DataFrame:
    unreadable: dict[str, str] = {}  # documents that cannot be read are reported; the others go on
    sources, documents = load_documents(layout, unreadable, jobs, progress and sys.stderr.isatty())
    texts = {sid: document.text for sid, document in documents.items()}
    read: dict[Path, str] = {}
    # An invalid store stops here, before any write.
    stored = load_claims(layout, sources, texts, frozenset(unreadable), read)

    cache_path = layout.cache_dir / CACHE_FILE
    read[cache_path] = digest(cache_path)
    cache = _read_cache(cache_path) if read[cache_path] else {}
    base = hashlib.sha256((layout.root / CONFIG_NAME).read_bytes() + _extractor_fingerprint().encode()).hexdigest()
    keys = {sid: hashlib.sha256((base + sha).encode()).hexdigest() for sid, sha in zip(sources["source_id"], sources["sha256"])}
    todo = [row for row in sources.to_dict("records")
            if force or cache.get(row["source_id"]) != keys[row["source_id"]]
            or not layout.claims_file(row["source_id"]).is_file()]

    hashes = {s["source_id"]: s["sha256"] for s in todo}
    job = _Job(layout, texts, hashes, stored[stored["source_id"].isin(hashes)].drop(columns="stale"))
    jobs = min(jobs, _cpu_count())
    chunks = _chunks([{k: str(v) for k, v in s.items()} for s in todo], jobs)
    results = _run_chunks(chunks, job, jobs, progress and sys.stderr.isatty())
    staged = [pair for result in results for pair in result.staged]
    problems = [p for result in results for p in result.problems] + _repeated_ids(results)
    if problems:
        discard([tmp for tmp, _ in staged])
        raise InputError(problems, "The extractor produced rows that do not match their source; nothing was written. "
                                   "Please report this with the source.")
    expected = {path: read.get(path) for _, path in staged}
    expected[cache_path] = read[cache_path]
    # A claims file saved since it was read keeps the person's version, and its source stays to do.
    changed = [path for path in expected if path != cache_path and digest(path) != expected[path]]
    done = {sid for sid in hashes if layout.claims_file(sid) not in changed}
    cache_text = json.dumps(dict(sorted({**cache, **{sid: keys[sid] for sid in done}}.items())), indent=1) + "\n"
    if not _holds(cache_path, cache_text.encode("utf-8")):
        try:
            staged.append((stage(cache_path, cache_text, _reads_back_json), cache_path))
        except BaseException:
            discard([tmp for tmp, _ in staged])
            raise
    changed += publish(staged, journal(layout), expected)
    if changed:
        raise ChangedDuringRun(sorted(set(changed)))

    rows = [[sid, "extracted", *values] for result in results
            for sid, values in zip(result.counts.index, result.counts.to_numpy().tolist())]
    sizes = stored.groupby("source_id").size()
    stale = stored.groupby("source_id")["stale"].sum()
    rows += [[sid, "unchanged", int(sizes.get(sid, 0)), 0, 0, 0, int(stale.get(sid, 0))]
             for sid in sources["source_id"] if sid not in hashes]
    rows += [[sid, "unreadable", 0, 0, 0, 0, 0] for sid in unreadable]
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS).sort_values("source_id", kind="stable").reset_index(drop=True)
    summary.attrs["unreadable"] = [unreadable[sid] for sid in sorted(unreadable)]
    summary.attrs["skipped"] = sorted(line for result in results for line in result.skipped)
    return summary


def _read_cache(path: Path) -> dict[str, str]:
    """What the last run extracted; a damaged cache only means every source is extracted again."""
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}
    return cache if isinstance(cache, dict) else {}


def _reads_back_json(path: Path) -> list[str]:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [str(exc)]
    return []


def _cpu_count() -> int:
    """The processors this process may run on: more workers than that only add memory and overhead."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _chunks(rows: list[dict[str, str]], jobs: int) -> list[list[dict[str, str]]]:
    size = max(1, min(MAX_CHUNK, -(-len(rows) // (jobs * CHUNKS_PER_JOB))))
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def _run_chunks(chunks: list[list[dict[str, str]]], job: _Job, jobs: int, show: bool) -> list[_Chunk]:
    """Every chunk's result in chunk order, over `jobs` processes. If one fails, no file stays staged."""
    _init_worker(job)
    sizes = [len(chunk) for chunk in chunks]
    if jobs == 1 or len(chunks) < 2:
        return _collect(map(_process_chunk, chunks), sizes, show)
    with _worker_pool(min(jobs, len(chunks)), job) as pool:
        futures = [pool.submit(_process_chunk, chunk) for chunk in chunks]
        try:
            return _collect((future.result() for future in futures), sizes, show)
        except BaseException:
            for future in futures:
                future.cancel()
            # Chunks already running finish; what they staged goes too.
            discard([tmp for future in futures if not future.cancelled() and future.exception() is None
                     for tmp, _ in future.result().staged])
            raise


def _collect(results, sizes: list[int], show: bool) -> list[_Chunk]:
    collected: list[_Chunk] = []
    try:
        collected.extend(_progress(results, sizes, show))
    except BaseException:
        discard([tmp for result in collected for tmp, _ in result.staged])
        raise
    return collected


def _worker_pool(jobs: int, job: _Job) -> ProcessPoolExecutor:
    """Forked workers inherit the job where the platform has fork; elsewhere each receives it once."""
    if "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(job,))


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
