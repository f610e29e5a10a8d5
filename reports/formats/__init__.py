"""The output formats of `figcheck check --format`.

A format is a module of this package, or a module an installed distribution names under the entry
point group `figcheck.formats`; its name is the module's (or the entry point's). It provides

    render(result: CheckResult) -> str   what `figcheck check` prints
    publish(result: CheckResult) -> None optional: what it writes besides (github: the step summary)

Adding a format is adding such a module and its test (docs/contributing.md).
"""

from figcheck.claims.plugins import Registry

FORMATS = Registry(__name__, "figcheck.formats", "output format")


def format_names() -> list[str]:
    """Every format's name: the built-in ones, then those of installed plugins."""
    return FORMATS.names()


def get_format(name: str):
    """The format module called `name`; FigcheckError (exit 2) naming the known ones if there is none."""
    return FORMATS.load(name)
