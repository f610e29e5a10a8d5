"""`figcheck baseline WS`: accept the current findings, so CI fails only on contradictions that are new."""

from figcheck import options

HELP = "write the baseline: the current findings, accepted, so that 'figcheck check' fails only on new ones"
EXAMPLE = "figcheck baseline examples/central-asia && git diff figcheck-baseline.json"


def add_arguments(parser):
    options.workspace(parser)
    options.baseline(parser, "where to write it")


def run(args) -> int:
    from figcheck.api import Workspace
    from figcheck.reports.result import display_path

    path, counts = Workspace(args.workspace).accept(args.baseline)
    print(f"{display_path(path)}: {counts['accepted']} findings accepted ({counts['added']} added, {counts['removed']} "
          "no longer found and removed). Review the diff and commit it.")
    return 0
