"""The claim store: `claims/<source_id>.csv`, merged so that a person's work is never lost.

A row is *touched* when a person has had a hand in it: confirmed or rejected it, added it by hand,
wrote a note, or edited any field the extractor fills (its `auto_digest` no longer matches).
Touched rows are kept exactly; untouched candidates are replaced by what the extractor finds now.
Everything here works on the whole store at once, so the cost does not grow with the number of files.
"""

from __future__ import annotations

import csv
import hashlib
import io

import pandas as pd

from figcheck.claims.csvio import format_column
from figcheck.claims.model import CLAIM_COLUMNS, EXTRACTED_FIELDS, OPTIONAL_COLUMNS
from figcheck.claims.sources import provenance_faults

_SEP = "\x1f"
STATS_COLUMNS = ["found", "kept", "added", "removed", "stale"]


def row_digests(frame: pd.DataFrame) -> pd.Series:
    """A digest of the extractor-filled fields of each row, as they are spelled in the CSV.

    An optional column joins the digest only where it holds something, so rows written before it
    existed keep their digest (and are not mistaken for rows a person edited)."""
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    cells = [format_column(frame[c]) for c in EXTRACTED_FIELDS if c not in OPTIONAL_COLUMNS]
    joined = cells[0].str.cat(cells[1:], sep=_SEP)
    for column in OPTIONAL_COLUMNS:
        extra = format_column(frame[column]) if column in frame else pd.Series("", index=frame.index, dtype=object)
        joined = joined.where(extra == "", joined + _SEP + column + "=" + extra)
    return pd.Series([hashlib.sha256(s.encode("utf-8")).hexdigest()[:16] for s in joined.tolist()],
                     index=frame.index, dtype=object)


def with_optional_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A claims frame read from a file written before the optional columns existed, given them
    empty, in `CLAIM_COLUMNS` order; any other frame unchanged."""
    missing = [c for c in OPTIONAL_COLUMNS if c not in frame.columns]
    if not missing or [c for c in CLAIM_COLUMNS if c not in missing] != list(frame.columns):
        return frame
    return frame.assign(**{c: "" for c in missing})[CLAIM_COLUMNS]


def touched(frame: pd.DataFrame) -> pd.Series:
    """Rows a person has had a hand in."""
    if frame.empty:
        return pd.Series(False, index=frame.index, dtype=bool)
    return (
        (frame["method"] != "auto")
        | (frame["status"] != "candidate")
        # The digest covers the note: the extractor writes some ("part: in camps"), a person's changes it.
        | (row_digests(frame) != frame["auto_digest"])
    )


def provenance_holds(frame: pd.DataFrame, texts: dict[str, str]) -> pd.Series:
    """The source still reads each row's figure at its span and line, inside its quote."""
    holds = [not provenance_faults(texts[r.source_id], int(r.char_start), int(r.char_end), r.text, r.quote, int(r.line))
             for r in frame.itertuples()]
    return pd.Series(holds, index=frame.index, dtype=bool)


def merge_store(stored: pd.DataFrame, extracted: pd.DataFrame, texts: dict[str, str],
                hashes: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The new store rows of the re-extracted sources, and per-source counts.

    `stored` holds the validated store rows of those sources (may be empty), `extracted` the
    extractor's rows for their current texts, `hashes` each source's current content hash. Returns
    the merged rows (sorted) and a frame indexed by source_id with found, kept, added, removed, stale.
    """
    stored = stored.reindex(columns=CLAIM_COLUMNS)
    extracted = extracted.reindex(columns=CLAIM_COLUMNS).reset_index(drop=True)
    keep = stored[touched(stored)].copy()

    # A touched row whose span still reads the same is current again; otherwise it stays stale.
    verified = provenance_holds(keep, texts)
    current = keep["source_id"].map(hashes)
    keep.loc[verified, "source_sha256"] = current[verified]
    keep_stale = keep["source_sha256"] != keep["source_id"].map(hashes)

    # The person's version of a figure wins over the extractor's: same id, or an overlapping span.
    # Touched rows are few (a person reviewed each), so joining them by source is cheap.
    spans = ["source_id", "claim_id", "char_start", "char_end"]
    pairs = extracted[spans].merge(keep.loc[verified, spans], on="source_id", suffixes=("", "_kept"))
    pairs = pairs[(pairs["char_start"] < pairs["char_end_kept"]) & (pairs["char_start_kept"] < pairs["char_end"])]
    replaced = dict(zip(pairs["claim_id"], pairs["claim_id_kept"]))
    fresh = extracted[~(extracted["claim_id"].isin(keep["claim_id"]) | extracted["claim_id"].isin(replaced))].copy()
    fresh["part_of"] = fresh["part_of"].replace(replaced)
    fresh["source_sha256"] = fresh["source_id"].map(hashes)
    fresh["auto_digest"] = row_digests(fresh)

    merged = sort_claims(pd.concat([keep, fresh], ignore_index=True))
    previous = stored["claim_id"]
    counts = pd.DataFrame({
        "found": extracted.groupby("source_id").size(),
        "kept": keep.groupby("source_id").size(),
        "added": fresh[~fresh["claim_id"].isin(previous)].groupby("source_id").size(),
        "removed": stored[~stored["claim_id"].isin(merged["claim_id"])].groupby("source_id").size(),
        "stale": keep[keep_stale].groupby("source_id").size(),
    }, columns=STATS_COLUMNS)
    counts = counts.reindex(sorted(hashes)).fillna(0).astype(int)
    return merged, counts


def sort_claims(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in reading order, ties by id: a diff of the file shows only what changed."""
    return frame.sort_values(["source_id", "char_start", "char_end", "claim_id"], kind="stable").reset_index(drop=True)


def store_texts(frame: pd.DataFrame, source_ids: list[str]) -> dict[str, str]:
    """The file content of each listed source's claims, columns in `CLAIM_COLUMNS` order.

    Cells are formatted once for the whole frame; each source gets its rows in reading order
    (a source with no claims gets the header alone).
    """
    frame = sort_claims(frame.reindex(columns=CLAIM_COLUMNS))
    cells = list(zip(*(format_column(frame[c]).tolist() for c in CLAIM_COLUMNS)))
    buffers = {}
    for sid in source_ids:
        buffers[sid] = io.StringIO()
        csv.writer(buffers[sid], lineterminator="\n").writerow(CLAIM_COLUMNS)
    writers = {sid: csv.writer(buf, lineterminator="\n") for sid, buf in buffers.items()}
    for sid, row in zip(frame["source_id"].tolist(), cells):
        writers[sid].writerow(row)
    return {sid: buf.getvalue() for sid, buf in buffers.items()}


def store_text(frame: pd.DataFrame) -> str:
    """The file content for the claims of one source."""
    ids = sorted(set(frame["source_id"])) if not frame.empty else []
    if len(ids) > 1:
        raise ValueError(f"store_text takes the claims of one source, not of {len(ids)}")
    return store_texts(frame, ids)[ids[0]] if ids else ",".join(CLAIM_COLUMNS) + "\n"
