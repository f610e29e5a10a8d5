"""The claim store: `claims/<source_id>.csv`, merged so that a person's work is never lost.

A row is *touched* when a person has had a hand in it: confirmed or rejected it, added it by hand,
wrote a note, or edited any field the extractor fills (its `auto_digest` no longer matches).
Touched rows are kept exactly; untouched candidates are replaced by what the extractor finds now.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from claims.csvio import format_cell, to_csv_text
from claims.model import CLAIM_COLUMNS, EXTRACTED_FIELDS

_SEP = "\x1f"


def row_digests(frame: pd.DataFrame) -> pd.Series:
    """A digest of the extractor-filled fields of each row, as they are spelled in the CSV."""
    joined = frame[EXTRACTED_FIELDS].map(format_cell).agg(_SEP.join, axis=1)
    return joined.map(lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest()[:16])


def touched(frame: pd.DataFrame) -> pd.Series:
    """Rows a person has had a hand in."""
    if frame.empty:
        return pd.Series(False, index=frame.index, dtype=bool)
    return (
        (frame["method"] != "auto")
        | (frame["status"] != "candidate")
        | (frame["note"] != "")
        | (row_digests(frame) != frame["auto_digest"])
    )


def provenance_holds(frame: pd.DataFrame, text: str) -> pd.Series:
    """The source still reads `text` at the row's span, inside a quote that appears around it."""
    def holds(row) -> bool:
        start, end = int(row.char_start), int(row.char_end)
        if end > len(text) or text[start:end] != row.text:
            return False
        window = text[max(0, start - len(row.quote)):end + len(row.quote)]
        return row.quote in window

    if frame.empty:
        return pd.Series(True, index=frame.index, dtype=bool)
    return pd.Series([holds(r) for r in frame.itertuples()], index=frame.index, dtype=bool)


@dataclass(frozen=True)
class MergeStats:
    found: int      # claims the extractor found now
    kept: int       # rows a person touched, kept as they were
    added: int      # candidates not in the store before
    removed: int    # untouched candidates the extractor no longer finds
    stale: int      # touched rows whose provenance no longer holds in the changed source


def merge_claims(stored: pd.DataFrame, extracted: pd.DataFrame, text: str, sha256: str) -> tuple[pd.DataFrame, MergeStats]:
    """The new content of one source's claims file.

    `stored` is the validated store of this source (may be empty), `extracted` the extractor's rows
    for its current `text`, whose content hash is `sha256`.
    """
    stored = stored[CLAIM_COLUMNS] if not stored.empty else stored.reindex(columns=CLAIM_COLUMNS)
    extracted = extracted[CLAIM_COLUMNS].copy()
    keep = stored[touched(stored)].copy()

    # A touched row whose span still reads the same is current again; otherwise it stays stale.
    verified = provenance_holds(keep, text)
    keep.loc[verified, "source_sha256"] = sha256
    stale = int((keep["source_sha256"] != sha256).sum())

    # The person's version of a figure wins over the extractor's: same id, or an overlapping span.
    live = keep[verified]
    mapping = dict(zip(extracted["claim_id"], extracted["claim_id"]))
    clash = extracted["claim_id"].isin(keep["claim_id"])
    if not live.empty and not extracted.empty:
        # Touched rows are few (a person reviewed each), so a cross join within one source is cheap.
        pairs = extracted[["claim_id", "char_start", "char_end"]].merge(
            live[["claim_id", "char_start", "char_end"]], how="cross", suffixes=("", "_kept")
        )
        overlap = pairs[(pairs["char_start"] < pairs["char_end_kept"]) & (pairs["char_start_kept"] < pairs["char_end"])]
        mapping.update(zip(overlap["claim_id"], overlap["claim_id_kept"]))
        clash |= extracted["claim_id"].isin(overlap["claim_id"])
    fresh = extracted[~clash].copy()
    fresh["part_of"] = fresh["part_of"].map(lambda p: mapping.get(p, p) if p else p)
    fresh["source_sha256"] = sha256
    fresh["auto_digest"] = row_digests(fresh) if not fresh.empty else pd.Series(dtype=str)

    merged = pd.concat([keep, fresh], ignore_index=True) if not keep.empty else fresh.reset_index(drop=True)
    merged = sort_claims(merged)
    previous = set(stored["claim_id"])
    added = int((~fresh["claim_id"].isin(previous)).sum())
    removed = len(set(stored["claim_id"]) - set(merged["claim_id"]))
    return merged, MergeStats(found=len(extracted), kept=len(keep), added=added, removed=removed, stale=stale)


def sort_claims(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in reading order, ties by id: a diff of the file shows only what changed."""
    return frame.sort_values(["char_start", "char_end", "claim_id"], kind="stable").reset_index(drop=True)


def store_text(frame: pd.DataFrame) -> str:
    """The file content of one source's claims, columns in `CLAIM_COLUMNS` order."""
    return to_csv_text(sort_claims(frame) if not frame.empty else frame.reindex(columns=CLAIM_COLUMNS), CLAIM_COLUMNS)
