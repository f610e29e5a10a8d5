"""Shared fixtures: copies of the bundled dossier, so no test writes into the project."""

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "examples" / "central-asia"
GOLD = PROJECT / "tests" / "data" / "gold"


@pytest.fixture
def example_workspace(tmp_path) -> Path:
    """A private copy of examples/central-asia (documents, registry, configuration, claims)."""
    target = tmp_path / "central-asia"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("reports", ".figcheck"))
    return target
