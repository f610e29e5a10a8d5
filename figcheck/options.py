"""Options several commands share, declared once so they read the same everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path


def workspace(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workspace", type=Path, metavar="WS", help="the workspace folder (the one holding figcheck.toml)")


def output_format(parser: argparse.ArgumentParser, choices, default: str, help: str) -> None:
    parser.add_argument("--format", choices=choices, default=default, help=f"{help}; default {default}")


def baseline(parser: argparse.ArgumentParser, what: str = "the baseline file") -> None:
    parser.add_argument("--baseline", type=Path, metavar="PATH",
                        help=f"{what} (default: workspace.baseline of figcheck.toml, figcheck-baseline.json)")


def strict(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="fail on every error finding, even those in the baseline")


def jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="extract sources in N processes (default 1)")
