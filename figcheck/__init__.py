"""figcheck: check the numeric claims of a folder of documents.

    import figcheck

    ws = figcheck.Workspace("examples/central-asia")
    ws.extract()
    result = ws.check()
    result.findings        # pandas DataFrames: findings, verdicts, reconciled
    result.passed

The names below load on first use (see `figcheck.api`), so importing figcheck, or running a command
that does not extract, stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.api import DraftCheck, Workspace, find_quantities, init_workspace
    from figcheck.reports.result import CheckResult

__all__ = ["CheckResult", "DraftCheck", "Workspace", "__version__", "find_quantities", "init_workspace"]

_FROM_API = {"Workspace", "DraftCheck", "find_quantities", "init_workspace"}


def __getattr__(name: str):
    if name == "__version__":
        from importlib.metadata import version

        return version("figcheck")
    if name in _FROM_API:
        from figcheck import api

        return getattr(api, name)
    if name == "CheckResult":
        from figcheck.reports.result import CheckResult

        return CheckResult
    raise AttributeError(f"module 'figcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
