"""`figcheck check WS`: reconcile the claims, mark each finding new or known, gate on new errors."""

import sys

from figcheck import options

HELP = "reconcile the claims and report contradictions; exit 1 when an error finding is not in the baseline"
EXAMPLE = "figcheck check examples/central-asia --format github"


def add_arguments(parser):
    from figcheck.reports.formats import format_names

    options.workspace(parser)
    options.output_format(parser, format_names(), "text",
                          "text (terminal), md, json, sarif (code scanning), junit (CI test reports), github "
                          "(workflow annotations and step summary), or a plugin's")
    options.strict(parser)
    options.baseline(parser)


def run(args) -> int:
    from figcheck.api import Workspace
    from figcheck.reports.formats import get_format
    from figcheck.reports.formats.text import coverage_lines

    output = get_format(args.format)
    result = Workspace(args.workspace).check(args.baseline, args.strict)
    sys.stdout.write(output.render(result))
    # Machine formats keep their documents whole: coverage goes to the log beside them.
    print("\n".join(coverage_lines(result)), file=sys.stdout if args.format == "text" else sys.stderr)
    if hasattr(output, "publish"):
        output.publish(result)
    return result.exit_code
