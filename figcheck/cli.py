"""`figcheck <command>`: each command is a module of figcheck.commands with HELP, add_arguments and run."""

from __future__ import annotations

import argparse
import importlib
import sys

from figcheck.claims.errors import FigcheckError

# In the order `figcheck --help` lists them: the pipeline first, then the tools around it.
COMMANDS = (
    "init", "add", "extract", "claims", "show", "check", "reconciled", "baseline", "report", "audit", "verify",
    "quantities",
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; this adds a hint on what to run next."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nRun '{self.prog} --help' for the options.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="figcheck",
        description="Check numeric claims across documents: extract figures with their provenance, "
        "reconcile them with declarative rules, and report contradictions.",
        epilog="Exit codes: 0 fine, 1 new contradictions found, 2 bad input or usage.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"figcheck.commands.{name}")
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except FigcheckError as exc:
        print(f"figcheck {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        # What the operating system refused where no stage worded it: still the user's to fix, not
        # "contradictions found" (exit 1) and not a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"figcheck {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("figcheck: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
