"""Documents as they come: plain text and Markdown are read as they are; web pages, PDF reports and
Word files are converted by maintained libraries into one Markdown-like text (headings as `#` lines,
tables as pipe tables) with a map of where each PDF page starts.

Every later stage works on that text: claims keep their line and character span in it, provenance
is checked against it, and the page and heading of a claim are read back from it. A conversion is
cached under the workspace's `.figcheck/converted/`, keyed by the original's SHA-256, so a document
is converted once however many commands read it.
"""

from __future__ import annotations

import io
import json
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from figcheck.claims.atomic import problems_of, write_atomic
from figcheck.claims.sources import SourceTextError, decode_source, sha256_hex

# Bumped whenever a converter's output changes, so cached conversions are redone.
CONVERTER_VERSION = 1
CONVERTED_SUFFIXES = (".html", ".htm", ".pdf", ".docx")
# A line of a PDF set this much larger than the page's body text is a heading.
HEADING_SIZE_RATIO = 1.15
# Beyond this many pages a report is refused rather than converted for minutes.
MAX_PDF_PAGES = 2000

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


class DocumentError(SourceTextError):
    """A document that cannot be turned into text (broken, encrypted, image-only, empty)."""


@dataclass(frozen=True)
class Document:
    """A source's text and the offsets at which its pages start (empty when it has no pages)."""

    text: str
    page_starts: tuple[int, ...] = ()


def locate(claims: pd.DataFrame, documents: dict[str, Document]) -> pd.DataFrame:
    """Each claim's `page` (nullable; PDFs only) and `heading` (the section it sits under), read from
    its source's Document by its `char_start`: one sorted search per source, not per claim."""
    page = pd.Series(pd.NA, index=claims.index, dtype="Int64")
    heading = pd.Series("", index=claims.index, dtype=object)
    for source_id, starts in claims.groupby("source_id", sort=False)["char_start"]:
        document = documents.get(source_id)
        if document is None:
            continue
        offsets = starts.to_numpy(dtype=np.int64)
        if document.page_starts:
            page[starts.index] = np.searchsorted(np.asarray(document.page_starts), offsets, side="right")
        found = [(match.start(), match.group(1)) for match in _HEADING.finditer(document.text)]
        if found:
            at = np.searchsorted(np.asarray([start for start, _ in found]), offsets, side="right") - 1
            titles = np.asarray([""] + [title for _, title in found], dtype=object)
            heading[starts.index] = titles[at + 1]
    return pd.DataFrame({"page": page, "heading": heading})


def is_converted(name: str) -> bool:
    """Whether a file of this name is converted rather than read as text."""
    return Path(name).suffix.lower() in CONVERTED_SUFFIXES


def convert(data: bytes, origin: str) -> Document:
    """The document's text; raises DocumentError naming `origin` when it cannot be read."""
    suffix = Path(origin).suffix.lower()
    if suffix in (".html", ".htm"):
        return Document(_html_text(data, origin))
    if suffix == ".pdf":
        return _pdf_document(data, origin)
    if suffix == ".docx":
        return Document(_docx_text(data, origin))
    return Document(decode_source(data, origin))


def load_document(path: Path, cache_dir: Path | None = None) -> tuple[Document, str]:
    """A source file as a Document, with the SHA-256 of the original bytes (what staleness follows).

    Converted formats are cached in `cache_dir` by that hash; text files are never cached.
    """
    data = Path(path).read_bytes()
    digest = sha256_hex(data)
    if not is_converted(path.name) or cache_dir is None:
        return convert(data, str(path)), digest
    cached = cache_dir / "converted" / f"{digest}.json"
    try:
        stored = json.loads(cached.read_text(encoding="utf-8"))
        if stored.get("version") == CONVERTER_VERSION:
            return Document(stored["text"], tuple(stored["page_starts"])), digest
    except (OSError, ValueError, KeyError, TypeError):
        pass  # absent or unreadable: convert again
    document = convert(data, str(path))
    payload = {"version": CONVERTER_VERSION, "text": document.text, "page_starts": list(document.page_starts)}
    try:
        write_atomic(cached, json.dumps(payload, ensure_ascii=False) + "\n", problems_of(_read_json))
    except OSError:
        pass  # a cache that cannot be written only costs a conversion next time
    return document, digest


def convert_pending(paths: list[Path], cache_dir: Path, jobs: int = 1, show: bool = False) -> None:
    """Convert into the cache, over `jobs` processes, the documents among `paths` that need it, with a
    progress bar when `show`. Failures are left for `load_document` to report, one per file."""
    pending = [path for path in paths if is_converted(path.name)
               and not (cache_dir / "converted" / f"{sha256_hex(path.read_bytes())}.json").is_file()]
    if not pending:
        return
    if jobs > 1 and len(pending) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(pending)), mp_context=context) as pool:
            _show_progress(pool.map(_convert_quietly, pending, [cache_dir] * len(pending)), len(pending), show)
    else:
        _show_progress(map(_convert_quietly, pending, [cache_dir] * len(pending)), len(pending), show)


def _convert_quietly(path: Path, cache_dir: Path) -> None:
    try:
        load_document(path, cache_dir)
    except SourceTextError:
        pass  # reported, with the file's name, when the workspace loads it


def _show_progress(done, total: int, show: bool) -> None:
    if not show or total < 2:
        for _ in done:
            pass
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("converting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=True) as bar:
        task = bar.add_task("documents", total=total)
        for _ in done:
            bar.advance(task)


def registry_metadata(data: bytes, name: str) -> dict[str, str]:
    """What the document says of itself, for a new registry row: `title`, `publisher`, `published`
    (ISO date) from a page's meta tags, a PDF's info dictionary or a Word file's core properties.
    Missing fields are empty; the person adding the file corrects the row afterwards."""
    suffix = Path(name).suffix.lower()
    found: dict[str, object] = {}
    try:
        if suffix in (".html", ".htm"):
            import trafilatura

            meta = trafilatura.extract_metadata(data)
            if meta is not None:
                found = {"title": meta.title, "publisher": meta.sitename or meta.author, "published": meta.date}
        elif suffix == ".pdf":
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                info = pdf.metadata
            found = {"title": info.get("Title"), "publisher": info.get("Author"),
                     "published": _pdf_date(str(info.get("CreationDate", "")))}
        elif suffix == ".docx":
            import docx

            core = docx.Document(io.BytesIO(data)).core_properties
            found = {"title": core.title, "publisher": core.author,
                     "published": core.created.date().isoformat() if core.created else ""}
    except Exception:  # metadata is a convenience: an unreadable file is reported when it is extracted
        found = {}
    row = {key: " ".join(str(found.get(key) or "").split()) for key in ("title", "publisher", "published")}
    row["title"] = row["title"] or Path(name).stem
    return row


def _pdf_date(value: str) -> str:
    """`D:20240305120000Z` (the PDF date format) as `2024-03-05`; '' when it is not one."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value)
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise SourceTextError(f"{path}: the cached conversion does not read back as JSON ({exc})") from None


def _unreadable(origin: str, why: str) -> DocumentError:
    return DocumentError(f"{origin}: {why}")


def pipe_table(rows: list[list[str | None]]) -> str:
    """Rows of cells as a Markdown pipe table (first row the header), cells on one line each."""
    cleaned = [[" ".join((cell or "").replace("|", "/").split()) for cell in row] for row in rows if row]
    if not cleaned:
        return ""
    width = max(len(row) for row in cleaned)
    cleaned = [row + [""] * (width - len(row)) for row in cleaned]
    lines = ["| " + " | ".join(cleaned[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cleaned[1:]]
    return "\n".join(lines)


def _html_text(data: bytes, origin: str) -> str:
    import trafilatura

    text = trafilatura.extract(data, output_format="markdown", include_tables=True, include_comments=False,
                               include_images=False, include_links=False, deduplicate=False)
    if not text or not text.strip():
        raise _unreadable(origin, "no main text found in the page (it may be all script or navigation); "
                                  "save the article's text as .txt instead")
    # trafilatura pads table rows with a trailing space; the table reader wants clean rows.
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _pdf_document(data: bytes, origin: str) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:  # pdfplumber wraps whatever pdfminer raised
        if exc.args and isinstance(exc.args[0], PDFPasswordIncorrect):
            raise _unreadable(origin, "the PDF is encrypted; save an unprotected copy") from None
        raise _unreadable(origin, "not a readable PDF (broken or truncated file)") from None
    with pdf:
        if len(pdf.pages) > MAX_PDF_PAGES:
            raise _unreadable(origin, f"{len(pdf.pages)} pages is more than the {MAX_PDF_PAGES} figcheck converts; "
                                      "split the report")
        parts, starts, offset = [], [], 0
        try:
            for page in pdf.pages:
                starts.append(offset)
                text = _pdf_page_text(page)
                parts.append(text)
                offset += len(text) + 2
        except Exception:
            raise _unreadable(origin, f"page {len(starts)} of the PDF cannot be read (broken or truncated file)") from None
    if not any(part.strip() for part in parts):
        raise _unreadable(origin, "no text layer: run OCR first")
    return Document("\n\n".join(parts) + "\n", tuple(starts))


def _pdf_page_text(page) -> str:
    """A page's text in reading order: runs of lines between tables, each table as a pipe table,
    lines set larger than the body as Markdown headings."""
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    blocks, top = [], 0.0
    for table in tables:
        x0, table_top, x1, bottom = table.bbox
        if table_top > top:
            blocks.append(_pdf_lines(page.crop((0, top, page.width, table_top))))
        blocks.append(pipe_table(table.extract()))
        top = max(top, bottom)
    if top < page.height:
        blocks.append(_pdf_lines(page.crop((0, top, page.width, page.height)) if tables else page))
    return "\n\n".join(block for block in blocks if block)


def _pdf_lines(region) -> str:
    lines = region.extract_text_lines(return_chars=True)
    sizes = [char["size"] for line in lines for char in line["chars"] if char["text"].strip()]
    if not sizes:
        return ""
    body = statistics.median(sizes)
    out = []
    for line in lines:
        size = statistics.mean(char["size"] for char in line["chars"]) if line["chars"] else body
        text = line["text"].strip()
        out.append(f"## {text}" if size >= body * HEADING_SIZE_RATIO and text else text)
    return "\n".join(out)


def _docx_text(data: bytes, origin: str) -> str:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises zip, XML and package errors for broken files
        raise _unreadable(origin, "not a readable Word document (broken or truncated .docx)") from None
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.append(pipe_table([[cell.text for cell in row.cells] for row in item.rows]))
            continue
        text = item.text.strip()
        if not text:
            continue
        level = _heading_level(item.style.name if item.style is not None else "")
        blocks.append(f"{'#' * level} {text}" if level else text)
    if not blocks:
        raise _unreadable(origin, "the Word document has no text")
    return "\n\n".join(blocks) + "\n"


def _heading_level(style: str) -> int:
    """Markdown heading level of a Word paragraph style ('Title' 1, 'Heading 2' 2; 0 for body text)."""
    if style == "Title":
        return 1
    match = re.fullmatch(r"Heading (\d)", style)
    return min(6, int(match.group(1))) if match else 0
