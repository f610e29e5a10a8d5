"""Reading source documents exactly as stored, so character offsets mean the same to every stage."""

import hashlib
from pathlib import Path

from figcheck.claims.errors import FigcheckError


class SourceTextError(FigcheckError):
    """A document that cannot be read as UTF-8 text."""


def read_source_bytes(path: Path) -> bytes:
    return Path(path).read_bytes()


def decode_source(data: bytes, origin: str) -> str:
    """UTF-8 (a leading byte-order mark is kept as a character so offsets stay byte-faithful)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceTextError(
            f"{origin}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "convert it, e.g. 'iconv -f WINDOWS-1252 -t UTF-8'"
        ) from None


def read_source_text(path: Path) -> str:
    """The document as one str, newlines untranslated: offsets index this string."""
    return decode_source(read_source_bytes(path), str(path))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


QUOTE_CONTEXT = 400  # characters of a long sentence kept on each side of its figure
CUT = "…"            # marks where a quote was cut short of its sentence


def quote_window(text: str, start: int, end: int, figure_start: int, figure_end: int) -> str:
    """The sentence text[start:end] as a claim's quote: whole when short, else cut at word breaks to
    QUOTE_CONTEXT characters around the figure, each cut marked with CUT. Bounded, so a store never
    holds a cell too long for the CSV reader."""
    low, high = max(start, figure_start - QUOTE_CONTEXT), min(end, figure_end + QUOTE_CONTEXT)
    if low > start:
        space = text.find(" ", low, figure_start)
        low = space + 1 if space >= 0 else low
    if high < end:
        space = text.rfind(" ", figure_end, high)
        high = space if space >= 0 else high
    return (CUT if low > start else "") + text[low:high] + (CUT if high < end else "")


def _quoted(text: str, start: int, end: int, quote: str) -> bool:
    """The quote, or the quote without its cut marks, is the source's text around the figure."""
    for candidate in (quote, quote.removeprefix(CUT).removesuffix(CUT)):
        if candidate and candidate in text[max(0, start - len(candidate)):end + len(candidate)]:
            return True
    return False


def provenance_faults(text: str, start: int, end: int, figure: str, quote: str, line: int) -> list[str]:
    """What does not match between a claim's span, figure, line and quote and its source text,
    one "column 'name': what" phrase each; empty when its provenance holds."""
    if end > len(text):
        return [f"column 'char_end': span {start}:{end} lies outside the source ({len(text)} characters); "
                "correct the span or re-run 'figcheck extract'"]
    found = text[start:end]
    if found != figure:
        return [f"column 'text': the source reads {found!r} at {start}:{end}, not {figure!r}"]
    faults = []
    actual_line = line_of(text, start)
    if line != actual_line:
        faults.append(f"column 'line': the figure is on line {actual_line}, not {line}")
    if figure not in quote:
        faults.append(f"column 'quote': the quote does not contain the figure {figure!r}")
    elif not _quoted(text, start, end, quote):
        faults.append("column 'quote': the quote is not the source's text around the figure")
    return faults
