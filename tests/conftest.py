"""Shared fixtures: copies of the bundled dossier, so no test writes into the project."""

import shutil
from pathlib import Path

import pytest

from figcheck.cli import main

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "central-asia"
GOLD = PROJECT / "tests" / "data" / "gold"


# What a fresh dossier does not have yet: a reviewed store, reports, the extraction cache.
NOT_FRESH = shutil.ignore_patterns("claims", "reports", ".figcheck", "figcheck-baseline.json")


@pytest.fixture
def example_workspace(tmp_path) -> Path:
    """A private copy of examples/central-asia before any extraction: documents, registry, configuration."""
    target = tmp_path / "central-asia"
    shutil.copytree(EXAMPLE, target, ignore=NOT_FRESH)
    return target


@pytest.fixture
def reviewed_workspace(tmp_path) -> Path:
    """A private copy of examples/central-asia with its reviewed claim store."""
    target = tmp_path / "central-asia"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("reports", ".figcheck"))
    return target


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The bundled dossier with its claims extracted, once per test module; tests copy it."""
    root = tmp_path_factory.mktemp("dossier") / "ws"
    shutil.copytree(EXAMPLE, root, ignore=NOT_FRESH)
    assert main(["extract", str(root), "--quiet"]) == 0
    return root


@pytest.fixture
def ws(extracted, tmp_path) -> Path:
    """A private copy of the extracted dossier."""
    target = tmp_path / "ws"
    shutil.copytree(extracted, target)
    return target
