"""`figcheck vocab WS`: what the sources count, and `[metrics.*]` blocks proposed from it."""

from pathlib import Path

from figcheck import options

HELP = "list what the sources count and propose [metrics.*] blocks in a file to edit into figcheck.toml"
EXAMPLE = "figcheck vocab examples/central-asia"
SHOWN = 40  # counted nouns listed on the terminal; the proposal file has them all


def add_arguments(parser):
    options.workspace(parser)
    parser.add_argument("--output", type=Path, metavar="PATH",
                        help="the proposal file (default: figcheck.vocab.toml in the workspace)")
    parser.add_argument("--force", action="store_true", help="replace an existing proposal file")
    parser.add_argument("--min-count", type=int, default=2, metavar="N",
                        help="propose metrics only for nouns counted at least N times (default 2)")


def run(args) -> int:
    from tabulate import tabulate

    from figcheck.claims.config import CONFIG_NAME
    from figcheck.reports.formats.text import terminal
    from figcheck.vocabulary import propose_vocabulary

    table, proposals, output = propose_vocabulary(args.workspace, args.output, args.force, args.min_count)
    # Nouns and predicates are read from the sources: shown inert (no escape sequences) and cut short.
    shown = table.head(SHOWN).astype(str).map(terminal)
    shown["predicates"] = shown["predicates"].str.slice(0, 60)
    print(tabulate(shown, headers=["counted noun", "figures", "planned", "sources", "predicates (lemma, figures)"],
                   tablefmt="simple", showindex=False, disable_numparse=True))
    if len(table) > SHOWN:
        print(f"... and {len(table) - SHOWN} more nouns")
    print(f"\n{len(proposals)} metrics proposed in {terminal(output)}; edit it, then copy what you keep into "
          f"{terminal(args.workspace / CONFIG_NAME)}.")
    return 0
