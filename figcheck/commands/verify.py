"""`figcheck verify WS DRAFT`: every figure of a draft checked against a workspace's sources."""

import argparse
import sys
from pathlib import Path

from figcheck import options

HELP = "check every figure of a draft against a workspace: supported, contradicted, disputed or unverifiable"
EXAMPLE = "figcheck verify examples/central-asia tests/data/drafts/explainer.md --format md"
FORMATS = ("text", "md", "json")


class _OldOrder(argparse.Action):
    """`verify DRAFT --workspace WS`, the old order: refused with the command to run instead."""

    def __call__(self, parser, namespace, value, option_string=None):
        draft = namespace.workspace  # the draft, read where the workspace now goes
        suggestion = f"figcheck verify {value} {draft}" if draft else f"figcheck verify {value} DRAFT"
        parser.error(f"{option_string} is gone: the workspace now comes first, as in every command. Run: {suggestion}")


def add_arguments(parser):
    parser.epilog = ("Exit codes: 0 nothing contradicted, 1 a figure contradicted by the sources or a draft "
                     "that contradicts itself, 2 bad input.")
    options.workspace(parser)
    parser.add_argument("draft", type=Path, help="the draft: a Markdown or plain-text file in UTF-8")
    parser.add_argument("--workspace", "-w", action=_OldOrder, help=argparse.SUPPRESS)
    options.output_format(parser, FORMATS, "text",
                          "text (terminal), md (the draft annotated with a marker and footnote per figure) or json")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the draft's date: running totals it states without a date stand as of this day "
                             "(default: 'date:' in the draft's front matter)")


def run(args) -> int:
    from figcheck.api import Workspace

    checked = Workspace(args.workspace).verify(args.draft, args.date)
    for note in checked.notes:
        print(f"figcheck verify: note: {note}", file=sys.stderr)
    sys.stdout.write(checked.render(args.format))
    return checked.exit_code
