"""`figcheck quantities FILE|-`: every figure of a plain text, one JSON object per line."""

import sys
from pathlib import Path

HELP = "print every figure in a text file (or '-' for standard input), one JSON object per line"
EXAMPLE = "echo 'More than 2,100 people returned.' | figcheck quantities -"


def add_arguments(parser):
    parser.add_argument("file", help="a UTF-8 text or Markdown file, or '-' to read standard input")
    parser.add_argument("--language", default="en", help="language of the text (default en)")
    parser.add_argument("--tolerance", type=float, metavar="R",
                        help="relative width of 'about N' intervals (default 0.05)")


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
