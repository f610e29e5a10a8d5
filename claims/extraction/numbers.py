"""Numbers as written: digit forms (separators, decimals, scale words, ranges) and number words.

Number words are recognised by the language's word list and valued by text2num, a kept library,
rather than by a table of our own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from figcheck.claims.extraction.language import initials, load_language, phrases

# 1,500 · 1 500 (space, no-break space, narrow no-break space) · 1500 · 1500.5; not glued to a word,
# a decimal point or a sign (Mehr-2, v1.2, +996...).
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?(?![.,]\d)"
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NumberPatterns:
    number: re.Pattern        # the master pattern: group "d" digits, group "w" number words
    scale: re.Pattern         # " billion", "bn" right after digits
    scales: dict
    percent: re.Pattern
    range_tail: re.Pattern    # "-18" or "–18" after a number: the upper end of a range
    between_tail: re.Pattern  # " and 10,000" after "between 8,000": the upper end of a range
    range_open: frozenset[str]
    glued_word: re.Pattern   # stuck to the digits: letters (2nd, 10km, 4G) or a degree sign (38°C)
    hyphen_word: re.Pattern   # "-day" in "3-day", "-first" in "twenty-first"


@lru_cache(maxsize=8)
def number_patterns(code: str = "en") -> NumberPatterns:
    lang = load_language(code)
    nums = lang["numbers"]
    word = f"(?:{phrases(nums['words'])})"
    words = rf"\b{word}(?:(?:[ \t]+and[ \t]+|[ \t]*-[ \t]*|[ \t]+){word})*\b"
    # A figure opens with a digit or a number word's letter: the lookahead skips other positions at once.
    number = re.compile(rf"(?=\d|\b(?i:[{initials(nums['words'])}]))(?:(?<![\w.,/@#\\+-])(?P<d>{DIGITS})|(?P<w>(?i:{words})))")
    scales = {k.casefold(): float(v) for k, v in nums["scales"].items()}
    long_scales = [k for k in scales if len(k) > 2]
    short_scales = [k for k in scales if len(k) <= 2]
    scale = re.compile(rf"(?i:[ \t]*(?:{phrases(long_scales)})\b|(?:{phrases(short_scales)})(?![\w]))")
    # "%" may follow the digits directly; spelled forms need a space: "60 per cent".
    percent = re.compile(rf"(?i:(?P<p>[ \t]*%|[ \t]+(?:{phrases(w for w in lang['percent']['after'] if w != '%')})\b))")
    return NumberPatterns(
        number=number,
        scale=scale,
        scales=scales,
        percent=percent,
        range_tail=re.compile(rf"[ \t]?[-–][ \t]?(?P<hi>{DIGITS})(?![\w-])"),
        between_tail=re.compile(rf"(?i:[ \t]+(?:{phrases(lang['ranges']['join'])})[ \t]+)(?P<hi>{DIGITS})(?![\w-])"),
        range_open=frozenset(w.casefold() for w in lang["ranges"]["open"]),
        glued_word=re.compile(r"°?[A-Za-z]+|°"),
        hyphen_word=re.compile(r"-(?P<word>[A-Za-z]+)"),
    )


def digit_value(written: str) -> float:
    return float(_SEPARATORS.sub("", written))


def word_value(written: str, code: str = "en") -> float | None:
    """The value of a number in words, or None when the words do not make one number."""
    try:
        return float(text2num(_SPACES.sub(" ", written.casefold()), code))
    except ValueError:
        return None
