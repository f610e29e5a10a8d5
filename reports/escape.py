"""Markdown escaping for source text: a quote can never break a table or inject markup."""

import re
import unicodedata

# Characters with inline meaning in GitHub Markdown: code, emphasis, links, tables, strikethrough,
# math, headings. A backslash disarms each of them; `<`, `>` and `&` become entities so that no tag
# and no character reference survives.
_INLINE = re.compile(r"([\\`*_\[\]|~$#])")
# What would open a block (list item, setext underline, ordered list) at the start of a line.
_BULLET = re.compile(r"^([-+](?=\s|$)|=)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _blank_controls(text: str) -> str:
    """Line breaks and other control or format characters become spaces: a cell stays one line."""
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)


def md(text: object) -> str:
    """Source text as inert Markdown, safe in a table cell, heading, list item, link text or paragraph."""
    flat = re.sub(r"\s{2,}", " ", _blank_controls(str(text))).strip()
    escaped = _INLINE.sub(r"\\\1", flat).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _BULLET.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)
