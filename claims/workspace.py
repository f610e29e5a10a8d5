"""Where things live in a workspace folder, and the rule that no configured path leaves it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from figcheck.claims.config import Config, load_config
from figcheck.claims.errors import FigcheckError


class PathError(FigcheckError):
    """A configured or registered path that points outside its folder."""


def inside(base: Path, relative: str, what: str) -> Path:
    """`base / relative`, refusing absolute paths and any path that resolves outside `base`."""
    candidate = Path(relative)
    resolved = (base / candidate).resolve()
    if candidate.is_absolute() or not resolved.is_relative_to(base.resolve()):
        raise PathError(f"{what} '{relative}' leaves the folder {base}; use a path inside it")
    return base / candidate


@dataclass(frozen=True)
class Layout:
    """The paths of one workspace, resolved from its figcheck.toml."""

    root: Path
    config: Config

    @classmethod
    def open(cls, root: Path | str) -> "Layout":
        root = Path(root)
        if not root.is_dir():
            raise FigcheckError(f"{root}: no such workspace folder; create one with 'figcheck init {root}'")
        return cls(root=root, config=load_config(root))

    @property
    def registry(self) -> Path:
        return inside(self.root, self.config.registry, "figcheck.toml: workspace.registry")

    @property
    def sources_dir(self) -> Path:
        return inside(self.root, self.config.sources_dir, "figcheck.toml: workspace.sources_dir")

    @property
    def claims_dir(self) -> Path:
        return inside(self.root, self.config.claims_dir, "figcheck.toml: workspace.claims_dir")

    @property
    def reports_dir(self) -> Path:
        return inside(self.root, self.config.reports_dir, "figcheck.toml: workspace.reports_dir")

    @property
    def baseline(self) -> Path:
        return inside(self.root, self.config.baseline, "figcheck.toml: workspace.baseline")

    @property
    def cache_dir(self) -> Path:
        return self.root / ".figcheck"

    def claims_file(self, source_id: str) -> Path:
        return self.claims_dir / f"{source_id}.csv"

    def source_file(self, relative: str) -> Path:
        return inside(self.sources_dir, relative, "sources.csv: file")
