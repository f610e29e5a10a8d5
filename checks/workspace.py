"""Reading a whole workspace, validated: the registry, its documents and the claim store.

Every problem found is collected and raised together as one `InputError`, so a person fixes them
in one pass; nothing here writes to disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.provenance import provenance_problems
from checks.schemas import CLAIM_CHECK_COLUMNS, CLAIM_NUMERIC, Claim, Source
from checks.validate import InputError, validate
from claims.config import Config
from claims.csvio import read_csv_records
from claims.errors import FigcheckError
from claims.model import CLAIM_COLUMNS, SOURCE_COLUMNS
from claims.sources import decode_source, sha256_hex
from claims.workspace import Layout

FIX_ADVICE = "Nothing was changed. Fix the lines above, then run the command again."


@dataclass
class Workspace:
    layout: Layout
    sources: pd.DataFrame      # validated Source rows plus `sha256` and `path` (the document's path)
    texts: dict[str, str]      # source_id -> document text
    claims: pd.DataFrame       # validated Claim rows of the whole store plus a boolean `stale`

    @property
    def root(self) -> Path:
        return self.layout.root

    @property
    def config(self) -> Config:
        return self.layout.config


def load_sources(layout: Layout) -> tuple[pd.DataFrame, dict[str, str]]:
    """The registry validated, each document read as UTF-8 and hashed."""
    registry = layout.registry
    if not registry.is_file():
        raise FigcheckError(f"{registry}: no source registry; create it with the columns {', '.join(SOURCE_COLUMNS)}")
    frame, problems = read_csv_records(registry)
    if problems:
        raise InputError(problems, FIX_ADVICE)
    sources, problems = validate(Source, frame, str(registry))
    if problems:
        raise InputError(problems, FIX_ADVICE)
    texts, hashes, paths = {}, [], []
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
        data = path.read_bytes()
        try:
            texts[row.source_id] = decode_source(data, str(path))
        except FigcheckError as exc:
            problems.append(f"{where}: column 'file': {exc}")
        hashes.append(sha256_hex(data))
        paths.append(str(path))
    if problems:
        raise InputError(problems, FIX_ADVICE)
    sources = sources.assign(sha256=hashes, path=paths)
    return sources, texts


def read_claims_file(path: Path, source_id: str, text: str | None, sha256: str) -> tuple[pd.DataFrame, list[str]]:
    """One claims file validated against the schema and, for current rows, against its source."""
    frame, problems = read_csv_records(path)
    if problems:
        return pd.DataFrame(columns=CLAIM_COLUMNS), problems
    if text is None:
        return frame, [f"{path}: there is no source '{source_id}' in the registry; "
                       "register the source again, or move this file out of the claims folder"]
    claims, problems = validate(Claim, frame, str(path), numeric=CLAIM_NUMERIC, check_columns=CLAIM_CHECK_COLUMNS)
    if problems:
        return pd.DataFrame(columns=CLAIM_COLUMNS), problems
    wrong_source = claims["source_id"] != source_id
    problems += [f"{path}:{line}: column 'source_id': {sid!r} in the file of source {source_id!r}"
                 for line, sid in claims.loc[wrong_source, "source_id"].items()]
    claims["stale"] = (claims["source_sha256"] != "") & (claims["source_sha256"] != sha256)
    problems += provenance_problems(claims[~claims["stale"]], text, str(path))
    return claims, problems


def load_claims(layout: Layout, sources: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """The whole store, one frame; raises InputError listing every problem of every file."""
    directory = layout.claims_dir
    hashes = dict(zip(sources["source_id"], sources["sha256"]))
    frames, problems = [], []
    for path in sorted(directory.glob("*.csv")) if directory.is_dir() else []:
        source_id = path.stem
        claims, found = read_claims_file(path, source_id, texts.get(source_id), hashes.get(source_id, ""))
        problems += found
        if not found and not claims.empty:
            frames.append(claims.reset_index(drop=True))
    if problems:
        raise InputError(problems, FIX_ADVICE)
    if not frames:
        empty = pd.DataFrame(columns=CLAIM_COLUMNS)
        return Claim.validate(empty).assign(stale=pd.Series(dtype=bool))
    store = pd.concat(frames, ignore_index=True)
    dupes = store.loc[store["claim_id"].duplicated(keep=False), ["claim_id", "source_id"]]
    if not dupes.empty:
        raise InputError([f"{directory}: claim_id {cid!r} is used in more than one file ({', '.join(sorted(set(g['source_id'])))})"
                          for cid, g in dupes.groupby("claim_id")], FIX_ADVICE)
    return store


def load_workspace(path: Path | str) -> Workspace:
    """Open and validate a workspace; raises FigcheckError (exit 2) naming every problem."""
    layout = Layout.open(path)
    sources, texts = load_sources(layout)
    claims = load_claims(layout, sources, texts)
    return Workspace(layout=layout, sources=sources.reset_index(drop=True), texts=texts, claims=claims)
