"""One module per output of `figcheck check --format`; each has `render(result) -> str`."""

import importlib

FORMATS = ("text", "md", "json", "sarif", "junit", "github")


def renderer(name: str):
    return importlib.import_module(f"figcheck.reports.formats.{name}").render
