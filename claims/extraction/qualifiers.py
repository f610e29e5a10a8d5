"""Qualifiers ("more than", "about", a trailing "+") and the interval each one implies."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import PhraseTable, Tail, load_language, phrases

BEFORE = ("gt", "ge", "lt", "le", "approx")


@dataclass(frozen=True)
class QualifierPatterns:
    before: PhraseTable  # phrase -> qualifier, for the words right before a figure
    after: re.Pattern    # anchored at the end of a figure; the group name is the qualifier


@lru_cache(maxsize=8)
def qualifier_patterns(code: str = "en") -> QualifierPatterns:
    q = load_language(code)["qualifiers"]
    after = f"(?P<ge>{phrases(q['ge_after'])})|(?P<le>{phrases(q['le_after'])})"
    return QualifierPatterns(
        before=PhraseTable({phrase: name for name in BEFORE for phrase in q[name]}),
        after=re.compile(rf"(?i:[ \t]*(?:{after})(?![\w]))"),
    )


def qualifier_before(tail: Tail, patterns: QualifierPatterns) -> str:
    """The qualifier the words before a figure end with ("more than", "~"), or "eq"."""
    found = patterns.before.ending(tail)
    return found[0] if found else "eq"


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
