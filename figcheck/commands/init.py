"""`figcheck init DIR`: a new workspace with a commented figcheck.toml and an empty registry."""

from importlib import resources
from pathlib import Path

from figcheck.claims.atomic import problems_of, write_atomic
from figcheck.claims.config import CONFIG_NAME, load_config_file
from figcheck.claims.csvio import reads_back
from figcheck.claims.errors import FigcheckError
from figcheck.claims.model import SOURCE_COLUMNS

HELP = "create a new workspace: figcheck.toml, sources.csv, sources/, claims/, reports/"


def add_arguments(parser):
    parser.add_argument("directory", type=Path, help="the workspace folder (created if missing)")


def run(args) -> int:
    root: Path = args.directory
    config = root / CONFIG_NAME
    if config.exists():
        raise FigcheckError(f"{config} already exists; nothing was changed (edit it, or init another folder)")
    registry = root / "sources.csv"
    template = resources.files("figcheck").joinpath("templates", CONFIG_NAME).read_text(encoding="utf-8")
    for folder in ("sources", "claims", "reports"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    write_atomic(config, template, problems_of(load_config_file))
    if not registry.exists():
        write_atomic(registry, ",".join(SOURCE_COLUMNS) + "\n", reads_back)
    print(f"Created the workspace {root}.\n"
          f"Next: put documents in {root / 'sources'}, list them in {registry}, "
          f"add your vocabulary to {config}, then run 'figcheck extract {root}'.")
    return 0
