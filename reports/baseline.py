"""The baseline: findings a team has looked at and accepted, so CI fails only on new ones.

One JSON file, entries sorted by fingerprint and one per line, so accepting a contradiction shows in
review as a one-line diff. A description a person edits is kept as long as its finding exists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figcheck.claims.atomic import problems_of, write_atomic
from figcheck.claims.errors import FigcheckError

FORMAT_KEY = "figcheck_baseline"
FORMAT_VERSION = 1
DESCRIPTION_LIMIT = 160
# `figcheck baseline` reads the old file too (to keep edited descriptions), so it cannot repair it.
REPAIR = "fix it (or restore it from version control), or delete it and run 'figcheck baseline' to write a new one"


@dataclass(frozen=True)
class Baseline:
    path: Path
    entries: dict[str, dict] = field(default_factory=dict)  # finding_id -> its entry


def load_baseline(path: Path) -> Baseline:
    """The baseline at `path`; a missing file is an empty baseline (every finding is new)."""
    path = Path(path)
    if not path.is_file():
        return Baseline(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise FigcheckError(f"{path}: not UTF-8 text; {REPAIR}") from None
    except json.JSONDecodeError as exc:
        raise FigcheckError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); {REPAIR}") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(data.get("findings"), list):
        raise FigcheckError(f"{path}: not a figcheck baseline (expected {{\"{FORMAT_KEY}\": {FORMAT_VERSION}, "
                            f"\"findings\": [...]}}); {REPAIR}")
    entries = {}
    for number, entry in enumerate(data["findings"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("finding_id"), str):
            raise FigcheckError(f"{path}: entry {number} of 'findings' has no string 'finding_id'; {REPAIR}")
        wrong = [key for key in ("rule", "severity", "description") if not isinstance(entry.get(key, ""), str)]
        if wrong:
            raise FigcheckError(f"{path}: entry {number} of 'findings': '{wrong[0]}' must be a string; {REPAIR}")
        entries[entry["finding_id"]] = entry
    return Baseline(path, entries)


def describe(finding: pd.Series) -> str:
    """A short line a reviewer reads in the diff: severity, rule and the start of the message."""
    text = " ".join(f"{finding['severity']} {finding['rule']}: {finding['message']}".split())
    return text if len(text) <= DESCRIPTION_LIMIT else text[:DESCRIPTION_LIMIT - 1] + "…"


def baseline_entries(findings: pd.DataFrame, previous: Baseline) -> list[dict]:
    """One entry per finding, sorted by id; descriptions already in the baseline are kept."""
    entries = []
    for _, finding in findings.sort_values("finding_id").iterrows():
        kept = previous.entries.get(finding["finding_id"], {}).get("description")
        entries.append({
            "finding_id": finding["finding_id"],
            "rule": finding["rule"],
            "severity": finding["severity"],
            "description": kept if isinstance(kept, str) else describe(finding),
        })
    return entries


def render_baseline(entries: list[dict]) -> str:
    lines = [json.dumps(entry, ensure_ascii=False) for entry in entries]
    body = ",\n".join(f"    {line}" for line in lines)
    return (f'{{\n  "{FORMAT_KEY}": {FORMAT_VERSION},\n  "findings": [\n'
            + (body + "\n" if body else "") + "  ]\n}\n")


def write_baseline(path: Path, findings: pd.DataFrame, previous: Baseline) -> list[dict]:
    entries = baseline_entries(findings, previous)
    write_atomic(Path(path), render_baseline(entries), problems_of(load_baseline))
    return entries


def entry_line(baseline: Baseline, finding_id: str) -> int:
    """The file line holding an entry (1 when the file is not in the one-entry-per-line layout)."""
    if not baseline.path.is_file():
        return 1
    needle = json.dumps(finding_id)
    for number, line in enumerate(baseline.path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return 1
