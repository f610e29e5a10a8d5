"""Parts and their totals inside one sentence: "700 people, of whom 300 children, 250 women and
150 men"; "women (48) and children (95, of which 12 are orphans)"; "90 delegates in total
(40 male, 50 female)"; "600 people returned: 150 women and 450 children"."""

from __future__ import annotations

import re
from functools import lru_cache

from figcheck.claims.extraction.language import load_language, phrases
from figcheck.claims.quantities import Quantity

PREVIOUS = -1  # the total stands in an earlier sentence
_PAREN_GAP = 48  # characters allowed between a total and the bracket listing its parts


@lru_cache(maxsize=8)
def marker_pattern(code: str = "en") -> re.Pattern:
    markers = load_language(code)["breakdowns"]["markers"]
    return re.compile(rf"(?i:(?<![\w])(?:{phrases(markers)})(?![\w]))|(?<!\d):(?!\d)")


@lru_cache(maxsize=8)
def list_break_pattern(code: str = "en") -> re.Pattern:
    return re.compile(rf"(?i:(?<![\w])(?:{phrases(load_language(code)['breakdowns']['list_breaks'])})(?![\w]))")


@lru_cache(maxsize=8)
def set_opener_pattern(code: str = "en") -> re.Pattern:
    """A sentence opening with the set its figures are drawn from: "Of the new hospitalisations, ..."."""
    openers = load_language(code)["breakdowns"]["set_openers"]
    return re.compile(rf"[\"“]?(?i:{phrases(openers)})\s+(?P<set>[^,;:\d]{{1,60}}?),")


def set_opener(text: str, start: int, end: int, pattern: re.Pattern) -> tuple[int, int] | None:
    """The span of the set a sentence [start, end) opens with, or None."""
    m = pattern.match(text, start, end)
    return m.span("set") if m else None


def _depth(text: str, start: int, pos: int) -> int:
    """How many brackets are open at pos, counting from the sentence start."""
    return max(text.count("(", start, pos) - text.count(")", start, pos), 0)


def link_parts(text: str, start: int, end: int, quantities: list[Quantity], markers: re.Pattern,
               breaks: re.Pattern) -> dict[int, int]:
    """{index of a part: index of its total} for the counts of the sentence [start, end); a total of
    PREVIOUS is the last count of the sentences before ("640 people ... Of these, 210 women")."""
    if not quantities:
        return {}
    marks = list(markers.finditer(text, start, end))
    depth = [_depth(text, start, q.start) for q in quantities]
    # A bracketed figure after its noun ("women (48)") belongs to the level of its noun.
    level = [d - 1 if q.parenthesised and d else d for q, d in zip(quantities, depth)]
    parts: dict[int, int] = {}
    for mark in marks:
        mark_depth = _depth(text, start, mark.start())
        totals = [i for i, q in enumerate(quantities) if q.end <= mark.start() and q.kind == "count"]
        opens = text[start:mark.start()].strip(" \t\n\"“") == ""
        if mark.group()[:1].isupper() and not opens:
            continue  # "... Congress 99\nIncluding the final table": a line that opens a sentence of its own
        if totals:
            total = totals[-1]
        elif opens:
            total = PREVIOUS
        else:
            continue
        previous_end = mark.end()
        for i, q in enumerate(quantities):
            if q.start < mark.end() or i in parts or i == total:
                continue
            between = text[mark.end():q.start]
            if (";" in between or level[i] < mark_depth or between.count(")") > between.count("(")
                    or breaks.search(text, previous_end, q.start)):
                break
            if level[i] == mark_depth and q.kind == "count":
                parts[i] = total
                previous_end = q.end
    for i, q in enumerate(quantities):
        if q.kind != "count" or i == len(quantities) - 1:
            continue
        nxt = quantities[i + 1]
        gap = text[q.end:nxt.start]
        bracket = gap.find("(")
        # A bracket closed before the next figure ("... Lives (MENAFN) Iran's ministry said 224") lists
        # no parts.
        if bracket < 0 or bracket > _PAREN_GAP or nxt.parenthesised or any(c in gap[:bracket] for c in ".;:,") \
                or ")" in gap[bracket:]:
            continue
        close = text.find(")", nxt.start, end)
        for j in range(i + 1, len(quantities)):
            inner = quantities[j]
            if close >= 0 and inner.start > close:
                break
            if inner.kind == "count" and not inner.parenthesised and j not in parts:
                parts[j] = i
    return parts
