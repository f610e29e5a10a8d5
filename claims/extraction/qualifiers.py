"""Qualifiers ("more than", "about", ">=", a trailing "+") and the interval each one implies."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import PhraseTable, Tail, load_language, phrases

BEFORE = ("gt", "ge", "lt", "le", "approx", "eq")
LOWER_BOUNDS = ("gt", "ge")
UPPER_BOUNDS = ("lt", "le")
# A comparison sign glued to the word before it ("x>10"): split off so it reads as a word of its own.
_GLUED_SIGN = re.compile(r"(?<=\w)(?=[<>≤≥]=?[ \t]*$)")


@dataclass(frozen=True)
class QualifierPatterns:
    before: PhraseTable  # phrase -> qualifier, for the words right before a figure
    after: re.Pattern    # anchored at the end of a figure; the group name is the qualifier
    bound_join: re.Pattern  # "and", ",", "but" between the two bounds of one interval
    temporal: frozenset[str]  # bounds that are prepositions of time too: "past 2023" may be the year
    marks: frozenset[str]  # nouns that make a figure a mark: "the 100,000 mark"
    mark_articles: frozenset[str]  # the articles a bound reaches a mark across: "passed the"


@lru_cache(maxsize=8)
def qualifier_patterns(code: str = "en") -> QualifierPatterns:
    lang = load_language(code)
    q = lang["qualifiers"]
    nums = lang["numbers"]
    after = (f"(?P<ge>{phrases(q['ge_after'])})|(?P<le>{phrases(q['le_after'])})"
             f"|(?P<closed>{phrases(q['closed_after'])})")
    # Not when a figure follows: "200 or greater than 190" bounds the 190, not the 200.
    figure_next = rf"[ \t]*(?:[-+−]?[\d.]|(?i:(?:{phrases(nums['words'] + nums['article'])})\b))"
    return QualifierPatterns(
        before=PhraseTable({phrase: name for name in BEFORE for phrase in q[name]}),
        after=re.compile(rf"(?i:[ \t]*(?:{after})(?![\w])(?![ \t]*(?:than|to)?{figure_next}))"),
        bound_join=re.compile(rf"(?i:[ \t]*(?:{phrases(q['bound_joins'])})[ \t]*)"),
        temporal=frozenset(w.casefold() for w in q["temporal"]),
        marks=frozenset(w.casefold() for w in q["marks"]),
        mark_articles=frozenset(w.casefold() for w in q["mark_articles"]),
    )


def tail_before(before: str) -> Tail:
    """The words before a figure, a glued comparison sign split off ("x>" -> "x", ">")."""
    return Tail.of(_GLUED_SIGN.sub(" ", before))


def qualifier_before(tail: Tail, patterns: QualifierPatterns) -> tuple[str, int]:
    """The qualifier the words before a figure end with ("more than", "~", ">=") and how many words
    it takes, or ("eq", 0)."""
    found = patterns.before.ending(tail)
    return found if found else ("eq", 0)


def qualifier_across_article(tail: Tail, after: list[str], patterns: QualifierPatterns) -> str | None:
    """The bound written before the article of a mark ("passed the 100,000 mark", "under the crucial 2%
    threshold"): `after` are the words after the figure, one of the first two a mark noun; None elsewhere."""
    if not any(w.casefold() in patterns.marks for w in after[:2]):
        return None
    for n in range(1, min(3, len(tail.words)) + 1):  # the article and up to two words after it
        if tail.words[-n] in patterns.mark_articles:
            found = patterns.before.ending(tail.without_last(n))
            return found[0] if found and found[0] != "eq" else None
    return None


def qualifier_after(text: str, end: int, patterns: QualifierPatterns) -> tuple[str, int]:
    """A qualifier written right after a figure ("300 +", "50 or more", "or equal to") and where it ends;
    "closed" closes the bound written before the figure ("more than 5000 or equal to")."""
    m = patterns.after.match(text, end)
    if not m:
        return "", end
    return m.lastgroup, m.end()


def closed(qualifier: str) -> str:
    """"more than 5000 or equal to" is ge: the bound with its end included."""
    return {"gt": "ge", "lt": "le"}.get(qualifier, qualifier)


@dataclass(frozen=True, slots=True)
class Interval:
    lower: float
    upper: float
    lower_open: bool
    upper_open: bool


def interval(value: float, qualifier: str, tolerance: float) -> Interval:
    """The values a figure allows: gt 300 -> (300, inf); approx v -> v ± tolerance·|v|; eq -> [v, v].

    A below-bound of a positive figure starts at 0: the counts and amounts it bounds are not negative.
    """
    if qualifier in LOWER_BOUNDS:
        return Interval(value, math.inf, qualifier == "gt", True)
    if qualifier in UPPER_BOUNDS:
        return Interval(0.0 if value > 0 else -math.inf, value, value <= 0, qualifier == "lt")
    if qualifier == "approx":
        spread = tolerance * abs(value)
        return Interval(value - spread, value + spread, False, False)
    return Interval(value, value, False, False)
