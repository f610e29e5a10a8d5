"""Named extensions: the modules of one package plus those installed distributions declare under an
entry point group. Rules (`figcheck.rules`) and output formats (`figcheck.formats`) are found this
way, so adding one is adding a module; nothing is imported until it is asked for."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from types import ModuleType

from figcheck.claims.errors import FigcheckError


class Registry:
    """`package`'s public modules (by module name) and the entry points of `group` (by entry point name)."""

    def __init__(self, package: str, group: str, kind: str):
        self.package, self.group, self.kind = package, group, kind
        self._loaded: dict[str, ModuleType] = {}
        self._names: list[str] | None = None  # scanning installed distributions takes milliseconds

    def _built_in(self) -> list[str]:
        path = sys.modules[self.package].__path__
        return sorted(m.name for m in pkgutil.iter_modules(path) if not m.name.startswith("_"))

    def _entry_points(self) -> dict:
        from importlib.metadata import entry_points

        return {point.name: point for point in entry_points(group=self.group)}

    def names(self) -> list[str]:
        """Every name, built-in ones first, each group in name order. A plugin may not reuse a built-in name."""
        if self._names is None:
            self._names = self._scan()
        return self._names

    def _scan(self) -> list[str]:
        built_in, plugins = self._built_in(), self._entry_points()
        taken = sorted(set(built_in) & set(plugins))
        if taken:
            raise FigcheckError(f"the {self.kind} {', '.join(taken)} of entry point group '{self.group}' "
                                f"({', '.join(plugins[n].value for n in taken)}) reuses a built-in name; rename it")
        return built_in + sorted(plugins)

    def load(self, name: str) -> ModuleType:
        """The extension called `name`; FigcheckError listing the known ones when there is none."""
        if name not in self._loaded:
            if name not in self.names():
                raise FigcheckError(f"unknown {self.kind} '{name}'; known: {', '.join(self.names())}")
            if name in self._built_in():
                self._loaded[name] = importlib.import_module(f"{self.package}.{name}")
            else:
                self._loaded[name] = self._entry_points()[name].load()
        return self._loaded[name]

    def clear(self) -> None:
        """Forget what was found and loaded, so modules added since (by a test or a plugin install) are found."""
        self._loaded.clear()
        self._names = None
