"""`python -m figcheck.docs_cli > docs/cli.md`: the command line reference, made from `--help`.

tests/test_docs.py checks that docs/cli.md is what this prints, so the reference cannot go stale.
"""

from __future__ import annotations

import contextlib
import io
import os

WIDTH = "100"  # help is wrapped to the terminal's width; a fixed one gives the same file everywhere


def reference() -> str:
    """docs/cli.md: `figcheck --help`, then each command's `--help`, in the order the CLI lists them."""
    from figcheck.cli import COMMANDS

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        sections = [("figcheck", _help([]))] + [(f"figcheck {name}", _help([name])) for name in COMMANDS]
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    lines = ["# Command line reference", "",
             "Generated from `--help` by `python -m figcheck.docs_cli > docs/cli.md`; do not edit by hand.", ""]
    for title, text in sections:
        lines += [f"## `{title}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(lines)


def _help(command: list[str]) -> str:
    """What `figcheck COMMAND --help` prints."""
    from figcheck.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main([*command, "--help"])
    return out.getvalue()


if __name__ == "__main__":
    print(reference(), end="")
