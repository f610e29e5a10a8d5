"""`figcheck quantities FILE|-`: every figure of a plain text, one JSON object per line."""

import argparse
import math
import sys
from pathlib import Path

HELP = "print every figure in a text file (or '-' for standard input), one JSON object per line"
EXAMPLE = "echo 'More than 2,100 people returned.' | figcheck quantities -"


def add_arguments(parser):
    parser.add_argument("file", help="a UTF-8 text or Markdown file, or '-' to read standard input")
    parser.add_argument("--language", default="en", help="language of the text (default en)")
    parser.add_argument("--tolerance", type=tolerance, metavar="R",
                        help="relative width of 'about N' intervals, from 0 to 1 (default 0.05)")


def tolerance(text: str) -> float:
    """A relative width from 0 to 1: 'about 100' at 0.05 stands for 95 to 105; a negative width
    would turn the interval inside out."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; give a fraction such as 0.05") from None
    if not (math.isfinite(value) and 0 <= value <= 1):
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1; give a fraction such as 0.05")
    return value


def run(args) -> int:
    import json

    from figcheck.api import find_quantities
    from figcheck.claims.csvio import json_cell
    from figcheck.claims.errors import FigcheckError
    from figcheck.claims.sources import decode_source, read_source_text

    if args.file == "-":
        text = decode_source(sys.stdin.buffer.read(), "<standard input>")
    else:
        path = Path(args.file)
        if not path.is_file():
            raise FigcheckError(f"{path}: no such file; give a text file or '-' for standard input")
        text = read_source_text(path)
    for quantity in find_quantities(text, args.language, args.tolerance).to_dict("records"):
        record = {k: json_cell(v) for k, v in quantity.items()}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")  # null bound: unbounded
    return 0
