"""`pytest --figcheck WS`: a workspace's checks as test items, so a repository that gates on pytest
needs nothing else. One item per quantity checked; it fails when a new error finding concerns it
(every error finding with --figcheck-strict). A workspace that cannot be read is one failing item.

Loaded by pytest in every run through the pytest11 entry point: nothing happens, and nothing heavy
is imported, unless --figcheck is given.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("figcheck", "figcheck: numeric claims across documents")
    group.addoption("--figcheck", action="append", default=[], metavar="WS",
                    help="check this figcheck workspace: one test per quantity, failing on new "
                         "contradictions (repeatable)")
    group.addoption("--figcheck-strict", action="store_true",
                    help="fail on every error finding, even those in the baseline")


class FigcheckFailure(Exception):
    """What a failing item reports: the findings, worded as `figcheck check` prints them."""


class QuantityItem(pytest.Item):
    def __init__(self, *, problems: list[str], location: tuple[str, int], **kwargs):
        super().__init__(**kwargs)
        self.problems = problems
        self.source_location = location

    def runtest(self):
        if self.problems:
            raise FigcheckFailure("\n".join(self.problems))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, FigcheckFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        path, line = self.source_location
        return path, line - 1 if line else None, f"figcheck: {self.name}"


class WorkspaceCollector(pytest.Collector):
    def __init__(self, *, strict: bool, **kwargs):
        super().__init__(**kwargs)
        self.strict = strict

    def collect(self):
        from figcheck.api import Workspace
        from figcheck.claims.errors import FigcheckError

        try:
            result, problems = Workspace(self.path).check(strict=self.strict), []
        except FigcheckError as exc:
            result, problems = None, [str(exc)]
        # Always one item for the workspace itself, so an unreadable or empty one is never "no tests ran".
        yield QuantityItem.from_parent(self, name="workspace", problems=problems, location=(str(self.path), 0))
        if result is not None:
            yield from _quantity_items(self, result)


def _quantity_items(parent: WorkspaceCollector, result):
    from figcheck.reports.formats.text import finding_lines
    from figcheck.reports.result import quantity_name

    for key, findings in result.quantity_cases():
        failing = [finding for finding in findings if finding.fails]
        problems = [line for finding in failing for line in finding_lines(result, finding)]
        claims = result.claims_of(failing[0].finding_id) if failing else []
        location = (claims[0].path, int(claims[0].line)) if claims else (str(parent.path), 0)
        yield QuantityItem.from_parent(parent, name=quantity_name(key), problems=problems, location=location)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session, config, items):
    """Added before other plugins filter (-k, -m), so the workspace's items are filtered like any test."""
    for workspace in config.getoption("figcheck"):
        path = Path(workspace)
        collector = WorkspaceCollector.from_parent(session, name=path.as_posix(), path=path.resolve(),
                                                   strict=config.getoption("figcheck_strict"))
        items.extend(collector.collect())
