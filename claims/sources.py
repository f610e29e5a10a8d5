"""Reading source documents exactly as stored, so character offsets mean the same to every stage."""

import hashlib
from pathlib import Path

from claims.errors import FigcheckError


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
