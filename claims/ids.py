"""Stable identifiers: a claim keeps its id when lines shift or a reviewer edits its fields."""

import hashlib
import re

_SPACE = re.compile(r"\s+")


def normalise_quote(quote: str) -> str:
    """Whitespace folded and case ignored, so re-wrapping a paragraph keeps its claims' ids."""
    return _SPACE.sub(" ", quote).strip().casefold()


def claim_id(source_id: str, quote: str, text: str, occurrence: int = 0) -> str:
    """`<source_id>-<10 hex>` from the sentence, the figure as written and which of its repeats it is.

    `occurrence` counts earlier claims of the same source with the same quote and text (0 for the
    first), so a sentence repeated word for word, or a figure twice in one sentence, stays distinct.
    """
    key = "\x1f".join([source_id, normalise_quote(quote), text, str(occurrence)])
    return f"{source_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"
