"""A draft checked against a workspace (`Workspace.verify`, `figcheck verify`): its date, its figures, their verdicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figcheck.checks.schemas import PARTIAL_DATE, Source
from figcheck.checks.workspace import Workspace
from figcheck.claims.errors import FigcheckError
from figcheck.claims.extract import extract_source
from figcheck.claims.model import CLAIM_COLUMNS
from figcheck.claims.sources import decode_source
from figcheck.reconcile.verify import Verification, verify

DRAFT_ID = "draft"  # the source_id the draft's claims carry; never written to the workspace

_FENCE = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n")
_FENCE_END = re.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M)
_DATE_KEY = re.compile(r"^date[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.M)
_LEADING_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class Draft:
    path: Path
    text: str            # as written: the offsets of its figures index this
    date: str            # ISO date, "" when neither the front matter nor --date gives one
    body_start: int = 0  # where the text after the front matter begins
    notes: list[str] = field(default_factory=list)

    @property
    def masked(self) -> str:
        """The text with its front matter blanked (newlines kept), so offsets and lines stay true."""
        head = re.sub(r"[^\r\n]", " ", self.text[:self.body_start])
        return head + self.text[self.body_start:]

    def source_row(self, language: str) -> dict[str, str]:
        """The registry row the draft's claims are extracted under: its date is their default period end."""
        return {"source_id": DRAFT_ID, "file": self.path.name, "title": self.path.name, "publisher": "",
                "published": self.date, "period_start": "", "period_end": self.date, "language": language,
                "url": ""}


def _check_date(value: str, where: str) -> str:
    match = _LEADING_DATE.match(value)
    date = match.group(0) if match else ""
    if not date or not re.fullmatch(PARTIAL_DATE, date):
        raise FigcheckError(f"{where}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01")
    return date


def front_matter_date(text: str, origin: str) -> tuple[str, int]:
    """The `date:` of a YAML-style front matter block and where the body begins; ("", 0) without one.

    Only `date:` is read, by pattern, never by a YAML loader: the draft is untrusted text.
    """
    opening = _FENCE.match(text)
    if not opening:
        return "", 0
    closing = _FENCE_END.search(text, opening.end())
    if not closing:
        return "", 0
    body_start = closing.end() + (text[closing.end():closing.end() + 1] == "\n")
    found = _DATE_KEY.search(text, opening.end(), closing.start())
    if not found:
        return "", body_start
    raw = found.group(1).strip("'\"")
    line = text.count("\n", 0, found.start()) + 1
    column = found.start(1) - found.start() + 1
    return _check_date(raw, f"{origin}:{line}:{column}: front matter 'date'"), body_start


def read_draft(path: Path, date: str | None) -> Draft:
    if not path.is_file():
        raise FigcheckError(f"{path}: no such draft; give the path of a Markdown or text file")
    text = decode_source(path.read_bytes(), str(path))
    stated, body_start = front_matter_date(text, str(path))
    draft = Draft(path=path, text=text, date=stated, body_start=body_start)
    if date is not None:
        draft.date = _check_date(date, "--date")
    if not draft.date:
        draft.notes.append("the draft has no date (no 'date:' in its front matter, no --date): figures that state "
                           "no period are compared with the latest the sources give")
    return draft


def dossier_claims(workspace: Workspace) -> tuple[pd.DataFrame, list[str]]:
    """The stored claims, plus claims extracted in memory for sources never extracted (no claims file).

    Nothing is written: verifying a draft never changes the workspace.
    """
    stored, notes = workspace.claims, []
    never_extracted = [not workspace.layout.claims_file(sid).is_file() for sid in workspace.sources["source_id"]]
    missing = workspace.sources[never_extracted]
    extracted = [extract_source(workspace.texts[row["source_id"]], row, workspace.config)
                 for row in missing.to_dict("records")]
    if len(missing):
        notes.append(f"{len(missing)} of {len(workspace.sources)} sources have no claims file yet; their figures "
                     f"were found for this check only (run 'figcheck extract {workspace.root}' to store and review them)")
    stale = int(stored["stale"].sum()) if "stale" in stored else 0
    if stale:
        notes.append(f"{stale} stored claims belong to sources changed since extraction; "
                     f"run 'figcheck extract {workspace.root}'")
    claims = pd.concat([stored[CLAIM_COLUMNS], *extracted], ignore_index=True) if extracted else stored[CLAIM_COLUMNS]
    return claims, notes


def verify_draft(draft: Draft, workspace: Workspace) -> Verification:
    """Extract the draft's figures, reconcile the dossier and the draft alone, and judge each figure."""
    from figcheck.reconcile.engine import reconcile

    config = workspace.config
    claims, notes = dossier_claims(workspace)
    draft.notes.extend(notes)
    row = draft.source_row(config.language)
    draft_claims = extract_source(draft.masked, row, config)
    draft_sources = Source.validate(pd.DataFrame([row])).assign(sha256="", path=str(draft.path))
    dossier = reconcile(claims, workspace.sources, config)
    self_check = reconcile(draft_claims, draft_sources, config)
    draft.notes.append(f"the dossier's coverage: {dossier.coverage.line()}")
    return verify(draft_claims, dossier, self_check, claims, workspace.sources, config)
