"""Placeholder until the issue that builds `figcheck report` lands."""

from claims.errors import FigcheckError

HELP = "(not built yet)"


def add_arguments(parser):
    parser.add_argument("rest", nargs="*")


def run(args) -> int:
    raise FigcheckError("this command is not built yet")
