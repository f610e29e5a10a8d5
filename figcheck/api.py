"""figcheck from Python: what every command does, as methods returning DataFrames.

    import figcheck

    ws = figcheck.Workspace("examples/central-asia")
    ws.extract()               # the claims of new or changed sources into the claim store
    ws.claims                  # one row per claim, with its provenance
    result = ws.check()        # result.findings, .verdicts, .reconciled; result.passed
    ws.report()                # reports/audit.md
    ws.verify("draft.md")      # each figure of a draft: supported, contradicted, disputed, unverifiable
    figcheck.find_quantities("More than 2,100 people returned.")

The commands in `figcheck.commands` only parse their options and print what these return. Stages
are imported when a method needs them, so `import figcheck` stays cheap and checking never loads
the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from figcheck.claims.errors import EXIT_FINDINGS, EXIT_OK, FigcheckError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import pandas as pd

    from figcheck.checks.workspace import Workspace as LoadedWorkspace
    from figcheck.drafts import Draft
    from figcheck.reconcile.engine import Reconciliation
    from figcheck.reconcile.verify import Verification
    from figcheck.reports.result import CheckResult

__all__ = ["Workspace", "DraftCheck", "find_quantities", "init_workspace"]

PathLike = str | Path


def find_quantities(text: str, language: str = "en", tolerance: float | None = None,
                    currencies: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Every figure of a plain text, no workspace needed: one row per figure, in text order.

    Columns: line, char_start, char_end (offsets into `text`), text (as written), value, qualifier
    (eq, approx, gt, ge, lt, le), lower and upper (the interval it implies; inf when unbounded), unit
    and kind (count, percent, money, age, duration, other). `tolerance` is the relative width of an
    "about N" interval (default 5 %). `currencies` adds currency forms as figcheck.toml's
    [currencies] does: {"NGN": ["N", "naira"]}.
    """
    import pandas as pd

    from figcheck.claims.config import parse_currencies
    from figcheck.claims.quantities import DEFAULT_TOLERANCE, QUANTITY_KEYS
    from figcheck.claims.quantities import find_quantities as scan

    extra = parse_currencies(currencies or {})
    found = scan(text, language, DEFAULT_TOLERANCE if tolerance is None else tolerance, extra)
    return pd.DataFrame(found, columns=list(QUANTITY_KEYS))


def init_workspace(path: PathLike) -> Workspace:
    """Create a workspace: a commented figcheck.toml, an empty sources.csv, sources/, claims/, reports/.

    Refuses (FigcheckError) when `path` already holds a figcheck.toml; an existing registry is kept.
    """
    from importlib import resources

    from figcheck.claims.atomic import problems_of, write_atomic
    from figcheck.claims.config import CONFIG_NAME, load_config_file
    from figcheck.claims.csvio import reads_back
    from figcheck.claims.model import SOURCE_COLUMNS

    root = Path(path)
    config = root / CONFIG_NAME
    if config.exists():
        raise FigcheckError(f"{config} already exists; nothing was changed (edit it, or init another folder)")
    template = resources.files("figcheck").joinpath("templates", CONFIG_NAME).read_text(encoding="utf-8")
    for folder in ("sources", "claims", "reports"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    write_atomic(config, template, problems_of(load_config_file))
    registry = root / "sources.csv"
    if not registry.exists():
        write_atomic(registry, ",".join(SOURCE_COLUMNS) + "\n", reads_back)
    return Workspace(root)


class Workspace:
    """A figcheck workspace: a folder with figcheck.toml, sources.csv, sources/ and claims/.

    Nothing is read when it is created; every property and method reads the folder as it is then
    (validated: bad input raises FigcheckError naming the file, line and column), so edits made
    between calls, by hand or by `extract`, are seen.
    """

    def __init__(self, path: PathLike):
        self.root = Path(path)

    def __repr__(self) -> str:
        return f"figcheck.Workspace({str(self.root)!r})"

    def load(self) -> LoadedWorkspace:
        """The whole workspace read and validated: `.config`, `.sources`, `.texts`, `.claims`, `.layout`."""
        from figcheck.checks.workspace import load_workspace

        return load_workspace(self.root)

    @property
    def claims(self) -> pd.DataFrame:
        """Every stored claim (columns of figcheck.claims.model.CLAIM_COLUMNS) plus `stale` (its source
        changed since the row was reviewed), `page` (PDF sources) and `heading` (the section it sits under)."""
        return self.load().claims

    @property
    def sources(self) -> pd.DataFrame:
        """The source registry, validated, with each document's `sha256` and `path`."""
        return self.load().sources

    def extract(self, jobs: int = 1, force: bool = False, progress: bool = False,
                wait: float | None = None) -> pd.DataFrame:
        """Extract the claims of new or changed sources into the claim store, keeping reviewed rows.

        Returns one row per source: source_id, state (extracted, unchanged or unreadable), found,
        kept, added, changed, removed, stale; `.attrs["unreadable"]` lists the documents that could
        not be read (left out, the others extracted) and `.attrs["skipped"]` the lines passed over.
        `jobs` processes share the work (capped at the processors); `force` re-extracts unchanged
        sources too; `progress` shows a bar on a terminal. Another run writing to the workspace is
        waited for, at most `wait` seconds (None: until it finishes).
        """
        from figcheck.checks.validate import InputError
        from figcheck.store_update import extract_workspace

        if jobs < 1:
            raise InputError([f"jobs must be at least 1, not {jobs}"])
        if wait is not None and not wait >= 0:
            raise InputError([f"--wait must be a number of seconds, at least 0, not {wait}"])
        return extract_workspace(self.root, jobs=jobs, progress=progress, force=force, wait=wait)

    def reconcile(self) -> Reconciliation:
        """The stored claims reconciled, without a baseline: `.findings`, `.finding_claims`,
        `.verdicts`, `.reconciled` DataFrames and `.unsolved`."""
        from figcheck.reconcile.engine import reconcile

        loaded = self.load()
        return reconcile(loaded.claims, loaded.sources, loaded.config)

    def check(self, baseline: PathLike | None = None, strict: bool = False) -> CheckResult:
        """Reconcile the claims and compare the findings with the baseline, as `figcheck check` does.

        `baseline` defaults to workspace.baseline of figcheck.toml; with `strict` every error finding
        fails, accepted or not. The result has `.findings` (with `new` and `fails`), `.verdicts`,
        `.reconciled`, `.passed` and `.render(format)`.
        """
        from figcheck.reconcile.engine import reconcile
        from figcheck.reports.baseline import load_baseline
        from figcheck.reports.result import build_result

        loaded = self.load()
        reconciliation = reconcile(loaded.claims, loaded.sources, loaded.config)
        accepted = load_baseline(Path(baseline) if baseline else loaded.layout.baseline)
        return build_result(reconciliation, loaded, accepted, strict)

    def accept(self, baseline: PathLike | None = None) -> tuple[Path, dict[str, int]]:
        """Write the baseline: the current findings, accepted (`figcheck baseline`).

        Returns its path and the counts: accepted (entries written), added, removed (no longer found).
        """
        from figcheck.reports.baseline import write_baseline

        result = self.check(baseline)
        entries = write_baseline(result.baseline.path, result.findings, result.baseline)
        counts = {"accepted": len(entries), "added": int(result.findings["new"].sum()), "removed": len(result.absent)}
        return result.baseline.path, counts

    def report(self, baseline: PathLike | None = None, result: CheckResult | None = None) -> Path:
        """Write reports/audit.md and its charts (from `result` if given, else a fresh check); returns its path."""
        from figcheck.reports.audit import write_report

        result = result or self.check(baseline)
        return write_report(result, result.workspace.layout.reports_dir)

    def verify(self, draft: PathLike, date: str | None = None) -> DraftCheck:
        """Check every figure of a draft (Markdown or text) against this workspace; nothing is written.

        `date` (YYYY-MM-DD) overrides the `date:` of the draft's front matter: running totals the
        draft states without a period stand as of that day.
        """
        from figcheck.drafts import read_draft, verify_draft

        read = read_draft(Path(draft), date)
        return DraftCheck(draft=read, verification=verify_draft(read, self.load()))


@dataclass(frozen=True)
class DraftCheck:
    """A draft verified: `.figures` (one row per figure with its `status`: supported, contradicted,
    disputed or unverifiable), `.notes`, `.passed` and `.render(format)` (text, md, json)."""

    draft: Draft
    verification: Verification

    @property
    def figures(self) -> pd.DataFrame:
        """One row per figure of the draft: line, span, value, entity, metric, period, status, message."""
        return self.verification.figures

    @property
    def notes(self) -> list[str]:
        """What the reader should know about how the draft was checked (no date, sources never extracted)."""
        return list(self.draft.notes)

    @property
    def passed(self) -> bool:
        """No figure contradicted and no contradiction within the draft itself."""
        return self.exit_code == EXIT_OK

    @property
    def exit_code(self) -> int:
        """What `figcheck verify` exits with: 1 when something is contradicted, else 0."""
        return EXIT_FINDINGS if self.verification.has_contradictions else EXIT_OK

    def render(self, format: str = "text") -> str:
        """The output of `figcheck verify --format FORMAT`."""
        from figcheck.reports.verify_render import render

        draft = self.draft
        return render(self.verification, draft.text, str(draft.path), draft.date, format, notes=draft.notes)
