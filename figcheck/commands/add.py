"""`figcheck add WS FILE…`: copy documents into the workspace and register each one.

The new `sources.csv` row is filled from what the document says of itself (a page's meta tags, a
PDF's info dictionary, a Word file's core properties); the person adding it corrects the row
afterwards. Existing rows are never rewritten: new rows are appended, and a document already
registered (the same bytes, or the same file name) is skipped with a message.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from figcheck.checks.validate import InputError
from figcheck.claims.atomic import write_atomic
from figcheck.claims.csvio import read_csv_records
from figcheck.claims.documents import CONVERTED_SUFFIXES, registry_metadata
from figcheck.claims.errors import FigcheckError
from figcheck.claims.model import SOURCE_COLUMNS
from figcheck.claims.sources import sha256_hex
from figcheck.claims.workspace import Layout

HELP = "copy documents (.txt, .md, .html, .pdf, .docx) into sources/ and register them in sources.csv"
SUPPORTED = (".txt", ".md", ".markdown") + CONVERTED_SUFFIXES


def add_arguments(parser):
    parser.add_argument("workspace", type=Path, help="the workspace folder")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="documents to add")


def run(args) -> int:
    layout = Layout.open(args.workspace)
    registry = layout.registry
    if not registry.is_file():
        raise FigcheckError(f"{registry}: no source registry; create the workspace with 'figcheck init'")
    frame, problems = read_csv_records(registry)
    if problems:
        raise InputError(problems, "Nothing was added. Fix the registry, then run the command again.")
    header = list(frame.columns)
    missing = [column for column in SOURCE_COLUMNS if column not in header]
    if missing:
        raise InputError([f"{registry}:1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"],
                         "Nothing was added.")
    known = _registered_hashes(layout, frame)
    next_number = _next_number(frame["source_id"].tolist())
    width = max([3] + [len(sid) for sid in frame["source_id"] if sid.isdigit()])
    rows, copies, problems = [], [], []
    for path in args.files:
        suffix = path.suffix.lower()
        if not path.is_file():
            problems.append(f"{path}: no such file")
            continue
        if suffix not in SUPPORTED:
            problems.append(f"{path}: '{suffix or 'no extension'}' is not a supported format ({', '.join(SUPPORTED)})")
            continue
        data = path.read_bytes()
        digest = sha256_hex(data)
        target = layout.source_file(path.name)
        if digest in known:
            print(f"{path}: already registered as source {known[digest]}; skipped")
            continue
        if path.name in set(frame["file"]) or (target.exists() and target.read_bytes() != data):
            problems.append(f"{path}: another document named {path.name} is already in the workspace; rename the file")
            continue
        source_id = str(next_number).zfill(width)
        next_number += 1
        meta = registry_metadata(data, path.name)
        rows.append({**dict.fromkeys(header, ""), **meta, "source_id": source_id, "file": path.name,
                     "language": layout.config.language})
        copies.append((target, data))
        known[digest] = source_id
    if problems:
        raise InputError(problems, "Nothing was added. Fix the lines above, then run the command again.")
    for target, data in copies:
        write_atomic(target, data)
    if rows:
        existing = registry.read_bytes()
        write_atomic(registry, existing + _csv_lines(rows, header, existing))
    for row in rows:
        print(f"added source {row['source_id']}: {row['file']} ({row['title']!r}, {row['publisher'] or 'publisher unknown'}, "
              f"published {row['published'] or 'date unknown'})")
    if rows:
        print(f"Check the new rows of {registry}, then run 'figcheck extract {layout.root}'.")
    return 0


def _registered_hashes(layout: Layout, frame) -> dict[str, str]:
    """SHA-256 of each registered document that exists -> its source_id."""
    found = {}
    for source_id, relative in zip(frame["source_id"], frame["file"]):
        try:
            path = layout.source_file(relative)
        except FigcheckError:
            continue
        if path.is_file():
            found[sha256_hex(path.read_bytes())] = source_id
    return found


def _next_number(ids: list[str]) -> int:
    numbers = [int(sid) for sid in ids if sid.isdigit()]
    return max(numbers) + 1 if numbers else 1


def _csv_lines(rows: list[dict[str, str]], header: list[str], existing: bytes) -> bytes:
    """The rows as CSV lines in the registry's column order, after a newline if the file lacks one."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows([[row[column] for column in header] for row in rows])
    lead = b"" if not existing or existing.endswith(b"\n") else b"\n"
    return lead + buffer.getvalue().encode("utf-8")
