"""`figcheck add WS FILE…`: copy documents into the workspace and register each one, from its metadata."""

from pathlib import Path

from figcheck import options

HELP = "copy documents (.txt, .md, .html, .pdf, .docx) into sources/ and register them in sources.csv"
EXAMPLE = "figcheck add dossier ~/Downloads/report.pdf ~/Downloads/article.html"


def add_arguments(parser):
    options.workspace(parser)
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="documents to add")


def run(args) -> int:
    from figcheck.registry import add_documents

    rows, skipped = add_documents(args.workspace, args.files)
    for message in skipped:
        print(message)
    for row in rows:
        print(f"added source {row['source_id']}: {row['file']} ({row['title']!r}, "
              f"{row['publisher'] or 'publisher unknown'}, published {row['published'] or 'date unknown'})")
    if rows:
        print(f"Check the new rows of {args.workspace / 'sources.csv'}, then run 'figcheck extract {args.workspace}'.")
    return 0
