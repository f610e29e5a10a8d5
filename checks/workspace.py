"""Reading a whole workspace, validated: the registry, its documents and the claim store.

Every problem found is collected and raised together as one `InputError`, so a person fixes them
in one pass; nothing here writes to disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figcheck.checks.provenance import provenance_problems
from figcheck.checks.schemas import CLAIM_CHECK_COLUMNS, CLAIM_NUMERIC, Claim, Source
from figcheck.checks.validate import InputError, validate
from figcheck.claims.atomic import os_failure
from figcheck.claims.config import Config
from figcheck.claims.csvio import parse_csv_records, read_csv_records
from figcheck.claims.documents import Document, convert_pending, load_document, locate
from figcheck.claims.errors import FigcheckError
from figcheck.claims.lock import journal, workspace_lock
from figcheck.claims.model import CLAIM_COLUMNS, SOURCE_COLUMNS
from figcheck.claims.sources import SourceTextError, sha256_hex
from figcheck.claims.store import with_optional_columns
from figcheck.claims.workspace import Layout

FIX_ADVICE = "Nothing was changed. Fix the lines above, then run the command again."


@dataclass
class Workspace:
    layout: Layout
    sources: pd.DataFrame      # validated Source rows plus `sha256` and `path` (the document's path)
    texts: dict[str, str]      # source_id -> document text
    claims: pd.DataFrame       # validated Claim rows of the whole store plus `stale`, `page` and `heading`
    # source_id -> text with its page map
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.layout.root

    @property
    def config(self) -> Config:
        return self.layout.config


def load_sources(layout: Layout) -> tuple[pd.DataFrame, dict[str, str]]:
    """The registry validated, each document read (converted where it is HTML, PDF or Word) and
    hashed; the hash is the original file's."""
    sources, documents = load_documents(layout)
    return sources, {sid: document.text for sid, document in documents.items()}


def load_documents(layout: Layout, unreadable: dict[str, str] | None = None, jobs: int = 1,
                   progress: bool = False) -> tuple[pd.DataFrame, dict[str, Document]]:
    """`load_sources` with each document's page map. Documents to convert are converted first, over
    `jobs` processes. Given an `unreadable` dict, a document that cannot be read is reported there
    (source_id -> message) and its source left out instead of stopping the whole workspace."""
    registry = layout.registry
    if not registry.is_file():
        raise FigcheckError(f"{registry}: no source registry; create it with the columns {', '.join(SOURCE_COLUMNS)}")
    frame, problems = read_csv_records(registry)
    if problems:
        raise InputError(problems, FIX_ADVICE)
    sources, problems = validate(Source, frame, str(registry))
    if problems:
        raise InputError(problems, FIX_ADVICE)
    located = {}
    for row in sources.itertuples(index=False):
        try:
            located[row.source_id] = layout.source_file(row.file)
        except FigcheckError:
            continue  # reported below, with its registry line
    convert_pending([path for path in located.values() if path.is_file()], layout.cache_dir, jobs, progress)
    documents, hashes, paths = {}, [], []
    for csv_line, row in zip(sources.index, sources.itertuples(index=False)):
        where = f"{registry}:{csv_line}"
        try:
            path = layout.source_file(row.file)
        except FigcheckError as exc:
            problems.append(f"{where}: column 'file': {exc}")
            hashes.append(""), paths.append("")
            continue
        if not path.is_file():
            problems.append(f"{where}: column 'file': no document at {path}")
            hashes.append(""), paths.append("")
            continue
        try:
            documents[row.source_id], digest = load_document(path, layout.cache_dir)
        except OSError as exc:
            problems.append(f"{where}: column 'file': {os_failure(path, exc, 'read')}")
            digest = ""
        except SourceTextError as exc:
            message = f"{where}: column 'file': {exc}"
            if unreadable is None:
                problems.append(message)
            else:
                unreadable[row.source_id] = message
            digest = ""
        hashes.append(digest)
        paths.append(str(path))
    if problems:
        raise InputError(problems, FIX_ADVICE)
    sources = sources.assign(sha256=hashes, path=paths)
    return sources[sources["source_id"].isin(documents.keys())], documents


def validate_claims(frame: pd.DataFrame, origin: str | pd.Series) -> tuple[pd.DataFrame | None, list[str]]:
    """The Claim schema over raw CSV cells (empty numeric cells read as missing)."""
    return validate(Claim, frame, origin, numeric=CLAIM_NUMERIC, check_columns=CLAIM_CHECK_COLUMNS)


def load_claims(layout: Layout, sources: pd.DataFrame, texts: dict[str, str],
                skipped: frozenset[str] = frozenset(), read: dict[Path, str] | None = None) -> pd.DataFrame:
    """The whole store, one frame; raises InputError listing every problem of every file.

    Files with the standard header are validated together in one pass (one schema run for the
    whole store, however many files); a file with another header is validated alone so that its
    column problems name it. The files of `skipped` sources (unreadable documents) are left alone.
    `read`, when given, receives the content hash of each file as read, so a writer can tell whether
    someone changed it since.
    """
    directory = layout.claims_dir
    hashes = dict(zip(sources["source_id"], sources["sha256"]))
    problems, batch = [], []
    for path in sorted(directory.glob("*.csv")) if directory.is_dir() else []:
        if path.stem in skipped:
            continue
        if path.is_symlink():
            problems.append(f"{path}: is a symbolic link; a claims file must be a file of its own in "
                            f"{directory}: replace the link with a copy of the file")
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(str(os_failure(path, exc, "read")))
            continue
        if read is not None:
            read[path] = sha256_hex(data)
        frame, found = parse_csv_records(data, path)
        frame = with_optional_columns(frame)
        if path.stem not in texts:
            found.append(f"{path}: there is no source '{path.stem}' in the registry; "
                         "register the source again, or move this file out of the claims folder")
        if found:
            problems += found
        elif list(frame.columns) != CLAIM_COLUMNS:
            problems += validate_claims(frame, str(path))[1]
        elif not frame.empty:
            batch.append(frame.assign(_file=str(path), _line=frame.index, _expected=path.stem))
    if not batch:
        if problems:
            raise InputError(problems, FIX_ADVICE)
        return Claim.validate(pd.DataFrame(columns=CLAIM_COLUMNS)).assign(stale=pd.Series(dtype=bool))
    raw = pd.concat(batch, ignore_index=True)
    where = raw["_file"] + ":" + raw["_line"].astype(str)
    store, found = validate_claims(raw[CLAIM_COLUMNS], where)
    problems += found
    if store is not None:
        wrong = store["source_id"] != raw["_expected"]
        problems += [f"{where[i]}: column 'source_id': {store.at[i, 'source_id']!r} in the file of source "
                     f"{raw.at[i, '_expected']!r}" for i in store.index[wrong]]
        current = raw["_expected"].map(hashes)
        store["stale"] = (store["source_sha256"] != "") & (store["source_sha256"] != current)
        current_rows = ~store["stale"] & ~wrong
        problems += provenance_problems(store[current_rows], texts, where[current_rows])
    if problems:
        raise InputError(problems, FIX_ADVICE)
    return store


def load_workspace(path: Path | str) -> Workspace:
    """Open and validate a workspace; raises FigcheckError (exit 2) naming every problem."""
    layout = Layout.open(path)
    if journal(layout).exists():
        with workspace_lock(layout):  # a killed extract's renames are finished, so the store is all new
            pass
    sources, documents = load_documents(layout)
    texts = {sid: document.text for sid, document in documents.items()}
    claims = load_claims(layout, sources, texts)
    claims = pd.concat([claims, locate(claims, documents)], axis=1)
    return Workspace(layout=layout, sources=sources.reset_index(drop=True), texts=texts, claims=claims,
                     documents=documents)
