"""`figcheck init DIR`: a new workspace with a commented figcheck.toml and an empty registry."""

from pathlib import Path

HELP = "create a new workspace: figcheck.toml, sources.csv, sources/, claims/, reports/"
EXAMPLE = "figcheck init dossier"


def add_arguments(parser):
    parser.add_argument("directory", type=Path, help="the workspace folder (created if missing)")


def run(args) -> int:
    from figcheck.api import init_workspace

    root = init_workspace(args.directory).root
    print(f"Created the workspace {root}.\n"
          f"Next: put documents in {root / 'sources'}, list them in {root / 'sources.csv'}, "
          f"add your vocabulary to {root / 'figcheck.toml'}, then run 'figcheck extract {root}'.")
    return 0
