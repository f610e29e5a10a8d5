"""Qualifiers ("more than", "about", a trailing "+") and the interval each one implies."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from claims.extraction.language import load_language, phrases

BEFORE = ("gt", "ge", "lt", "le", "approx")


@dataclass(frozen=True)
class QualifierPatterns:
    before: re.Pattern   # anchored at the end of the text before a figure; the group name is the qualifier
    after: re.Pattern    # anchored at the end of a figure


@lru_cache(maxsize=8)
def qualifier_patterns(code: str = "en") -> QualifierPatterns:
    q = load_language(code)["qualifiers"]
    before = "|".join(f"(?P<{name}>{phrases(q[name])})" for name in BEFORE)
    after = f"(?P<ge>{phrases(q['ge_after'])})|(?P<le>{phrases(q['le_after'])})"
    return QualifierPatterns(
        # Word qualifiers must start a word; "~" may touch the figure.
        before=re.compile(rf"(?i:(?:(?<![\w])(?:{before}))[ \t]*$)"),
        after=re.compile(rf"(?i:[ \t]*(?:{after})(?![\w]))"),
    )


def qualifier_before(before: str, patterns: QualifierPatterns) -> tuple[str, int]:
    """The qualifier ending right before a figure and how many characters it takes, or ("eq", 0)."""
    m = patterns.before.search(before)
    if not m:
        return "eq", 0
    return m.lastgroup, len(before) - m.start()


def qualifier_after(text: str, end: int, patterns: QualifierPatterns) -> tuple[str, int]:
    """A qualifier written right after a figure ("1500 +", "50 or more") and where it ends."""
    m = patterns.after.match(text, end)
    if not m:
        return "", end
    return m.lastgroup, m.end()


def interval(value: float, qualifier: str, tolerance: float) -> tuple[float, float]:
    """The values a figure allows: gt 2100 -> (2100, inf); approx v -> v ± tolerance·v; eq -> (v, v).

    Figures are never negative here (a minus sign is not read), so below-bounds start at 0.
    """
    if qualifier in ("gt", "ge"):
        return value, math.inf
    if qualifier in ("lt", "le"):
        return 0.0, value
    if qualifier == "approx":
        return value - tolerance * value, value + tolerance * value
    return value, value
