"""Numbers as written: digit forms, number words, scale words, fractions and signs, read into one value.

`read_number(text, pos)` reads the number starting at pos: digits with separators (1,500 · 1 500 ·
12,34,567 · .08), vulgar and slash fractions (¾, 3/4, 2 1/4), scale words and abbreviations (1.2 billion,
5m, 13 lakh, 3 dozen, 10 bln), number words with their scales (one hundred and six, three lakh crore),
word fractions (two-thirds, one and a half, half a million, a dozen). The value of each single number
word comes from text2num, a kept library; the words, scales and denominators come from the language file.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from figcheck.claims.extraction.language import initials, load_language, phrases, word_set
from figcheck.claims.extraction.units import Currencies, currency_forms

# 1,500 · 1 500 (space, no-break space, narrow no-break space) · 12,34,567 (Indian grouping) · 1500 ·
# 1500.5 · .08; not followed by another separator and digit (a code such as 1.2.3 is no number).
# A comma before one or two digits and a percent sign is a decimal comma ("41,96%", also typed with a
# space before two digits, "12, 57%"): a thousands group has three digits. A grouped number whose later
# groups are written after a comma and a space, two or more of them ("4,102, 376, 915, 240"), is one
# number typed loosely.
# One thousands group set off by a comma and a space, before a word: "250, 000 voters". Not in a
# list ("rooms 101, 102, 103"): no such group before or after it.
_LOOSE_GROUPS = r"(?<![\d][,][ \t])\d{1,3},[ \t]\d{3}(?![\d,.])(?=[ \t]+[^\W\d_])"
_DECIMAL_COMMA_BODY = r"\d{1,3},(?:\d{1,2}|[ \t]\d{2})"  # "41,96%"; typed loosely, "12, 57%"
DECIMAL_COMMA = rf"{_DECIMAL_COMMA_BODY}(?=[ \t]?%)"
_DECIMAL_COMMA_WRITTEN = re.compile(_DECIMAL_COMMA_BODY)
DIGITS = (rf"(?:{DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?:,[ \t]\d{{3}}){{2,}}(?![\d,])|{_LOOSE_GROUPS}|\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?!\d)|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,])|\d+(?!\d))"
          r"(?:\.\d+(?!\d))?(?!\.\d)(?!,\d{3}(?!\d))|\.\d+(?![.,]?\d)")
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
SIGNS = "-+−"
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
# The largest denominator a slash fraction may have: 3/4 and 7/10 are fractions, 9/11 and 24/7 are names.
MAX_SLASH_DENOMINATOR = 10
_SLASH = re.compile(r"/(\d{1,2})(?![\d/])")
_MIXED = re.compile(rf"[ \t]+(\d)/(\d{{1,2}})(?![\d/])|[ \t]*([{VULGAR}])")


@dataclass(frozen=True)
class NumberPatterns:
    number: re.Pattern        # the master pattern: groups pre, cur, sign, d (digits), w (words)
    second: re.Pattern        # the same without the look behind: the figure after "-" or "to"
    words: dict               # number word -> value, from text2num
    scales: dict              # scale word or abbreviation (casefolded) -> factor
    cased_scales: dict        # abbreviations that count in this exact case only (MM)
    scale: re.Pattern         # a scale right after digits: " billion", "bn", " k"
    spaced_decimal: re.Pattern  # ". 4" before a spaced scale word: "$3. 4 billion" typed for "$3.4 billion"
    denominators: dict        # "third" -> 3
    articles: frozenset[str]
    half_not_after: frozenset[str]
    metre_after: re.Pattern
    percent: re.Pattern
    percent_before: re.Pattern  # "per cent of " before its figure
    range_join: re.Pattern    # " to ", "-", "~", " through " after a number
    between_join: re.Pattern  # " and " after "between 8,000"
    range_open: frozenset[str]
    range_open_phrase: re.Pattern  # "between the ages of " ending right before the figure
    change_before: frozenset[str]
    change_openers: frozenset[str]  # "from", "by": the first figure of a change ("rose by 10 to 30")
    letter_currencies: frozenset[str]  # "N", "R": currencies of one letter, read only before a written amount
    ratio_join: re.Pattern    # " in ", " out of " between two figures of a share
    exchange_join: re.Pattern  # " to the ", " per " and the words of a currency's name after it
    exchange_before: re.Pattern  # "an exchange rate of " ending right before a figure
    part_whole_joins: frozenset[str]  # "out of" also joins a part to its whole: "22 out of 26 provinces"
    multiplier: re.Pattern    # "fold", "-fold" right after a number
    negative: frozenset[str]
    positive: frozenset[str]
    glued_word: re.Pattern    # stuck to the digits: letters (2nd, 10km, 4G) or a degree sign (38°C)
    hyphen_word: re.Pattern   # "-day" in "3-day", "-first" in "twenty-first"
    zero_words: frozenset[str]  # "nought": zero, beside "zero" itself
    zero_not_after: frozenset[str]  # "came to naught": an idiom
    decimal_points: frozenset[str]  # "point" of "two point five"
    decimal_not_after: re.Pattern  # "at one " ending right before "point": a moment, no decimal
    power: re.Pattern         # "e6", "x10^-4" (group ten) or "^23" (group power) right after digits
    division: re.Pattern      # " over " between a number and its divisor


@dataclass(slots=True)
class Reading:
    """One number as read: its span, its value, and how it was written."""
    start: int
    end: int
    value: float
    scaled: float = 1.0       # the scale word's factor, 1 without one (for a scale shared by a range)
    fraction: bool = False    # a fraction or a share written as one (two-thirds, 3/4)
    digits: bool = True


@lru_cache(maxsize=32)
def number_patterns(code: str = "en", currencies: Currencies = ()) -> NumberPatterns:
    """The compiled number grammar of a language, with a workspace's own currency forms as prefixes."""
    lang = load_language(code)
    nums = lang["numbers"]
    scales = {k.casefold(): float(v) for k, v in nums["scales"].items()}
    cased = {k: float(v) for k, v in nums["cased_scales"].items()}
    denominators = {k.casefold(): float(v) for k, v in nums["denominators"].items()}
    articles = word_set(nums["article"])
    spoken = nums["words"] + nums["zero_words"] + ["half", "quarter"]  # words a figure may open with
    word = f"(?:{phrases(spoken)})"
    article = rf"(?:{phrases(nums['article'])})[ \t]+(?=(?:{phrases(list(scales) + list(denominators))})\b)"
    money = currency_forms(code, currencies)
    prefixes = money.prefixes
    # A figure opens with a digit, a dot, a sign, a currency or a number word's letter: the lookahead
    # skips every other position at once.
    opening = re.escape("".join(sorted({p[0] for p in prefixes} | set(SIGNS) | set(VULGAR) | {"."})))
    core = (rf"(?:(?P<pre>(?i:{phrases(nums['lt_prefixes'])}))-)?"
            rf"(?:(?=[^\s\d]{{1,5}}[ \t]?[-+−]?\.?\d)(?P<cur>{'|'.join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))})[ \t]?)?"
            rf"(?:(?P<sign>[{SIGNS}])[ \t]?)?(?:(?P<d>{DIGITS}|[{VULGAR}])|(?P<w>(?i:\b(?:{article}|{word}\b)))"
            rf"|(?P<fold>(?i:\b(?:{phrases(nums['words'])})(?=(?:{phrases(nums['multiplier_suffixes'])})\b))))")
    # Not glued to a word, a decimal point, a separator, a slash or a sign before it (Soyuz-2, v1.2, +44...);
    # a comma list of numbers ("22,24,26") may follow a comma.
    number = re.compile(
        rf"(?=[\d{opening}]|\b(?i:[{initials(spoken + nums['article'] + nums['lt_prefixes'])}]))"
        rf"(?<![\w./@#\\+\-−])(?<![\d ],(?=\d{{3}}(?!\d)))(?<![^\d],){core}"
    )
    long_scales = [k for k in scales if len(k) > 2]
    short_scales = [k for k in scales if len(k) <= 2]
    glued_only = [k for k in short_scales if k in word_set(nums["glued_scales"])]
    spaced_short = [k for k in short_scales if k not in glued_only]
    scale = re.compile(
        rf"(?P<cased>[ \t]?(?:{phrases(cased)}))(?![\w])"
        rf"|(?i:(?:[ \t]*|-)(?:{phrases(long_scales)})\b|[ \t]*(?:{phrases(spaced_short)})(?![\w])|(?:{phrases(glued_only)})(?![\w]))"
    )
    pct = lang["percent"]
    spelled = [w for w in pct["after"] if w != "%"]
    ranges = lang["ranges"]
    marks, times = phrases(nums["power_marks"]), phrases(nums["times_signs"])
    return NumberPatterns(
        number=number,
        second=re.compile(core),
        words={w.casefold(): float(text2num(w, code)) for w in nums["words"] if w.casefold() not in scales}
        | dict.fromkeys(word_set(nums["zero_words"]), 0.0),
        scales=scales,
        cased_scales=cased,
        scale=scale,
        spaced_decimal=re.compile(rf"\.[ \t](\d{{1,2}})(?=(?i:[ \t]+(?:{phrases(long_scales)})\b))"),
        denominators=denominators,
        articles=articles,
        half_not_after=word_set(nums["half_not_after"]),
        metre_after=re.compile(rf"(?i:[ \t]*(?:\(|(?:{phrases(nums['metre_after'])})\b))"),
        # "%" and "pc" may follow the digits directly; other spelled forms need a space, or the hyphen of
        # a compound modifier: "60 per cent", "a 60-per cent rise".
        percent=re.compile(rf"(?i:(?P<p>[ \t]*%|[ \t]*(?:pc|pct)\b|(?:[ \t]+|-)(?:{phrases(spelled)})\b))"),
        percent_before=re.compile(rf"(?i:(?<![\w%])(?:{phrases(pct['before'])})[ \t]+)$"),
        range_join=re.compile(rf"(?i:[ \t]*(?:[-–—~]|(?<=[ \t])(?:{phrases(w for w in ranges['joins'] if w[0].isalpha())})\b)[ \t]*)"),
        between_join=re.compile(rf"(?i:[ \t]+(?:{phrases(ranges['join'])})[ \t]+)"),
        range_open=word_set(ranges["open"]),
        range_open_phrase=re.compile(rf"(?i:(?<![\w-])(?:{phrases(ranges['open_phrases'])})[ \t]+)$"),
        change_before=word_set(ranges["change_before"]),
        change_openers=word_set(ranges["change_openers"]),
        letter_currencies=money.letters,
        ratio_join=re.compile(rf"(?i:[ \t]+(?:{phrases(nums['ratio_joins'])})[ \t]+)"),
        exchange_join=re.compile(rf"(?i:[ \t]+(?:{phrases(nums['exchange_joins'])})[ \t]+)"
                                 rf"(?P<name>[\w.]+(?:[ \t]+[\w.]+)?)"),
        exchange_before=re.compile(rf"(?i:(?<![\w])(?:{phrases(nums['exchange_before'])})[ \t]+)$"),
        part_whole_joins=word_set(nums["part_whole_joins"]),
        multiplier=re.compile(rf"(?i:-?(?:{phrases(nums['multiplier_suffixes'])})\b)"),
        negative=word_set(nums["negative"]),
        positive=word_set(nums["positive"]),
        glued_word=re.compile(r"°?[A-Za-z]+(?:/[A-Za-z]+)?|°"),
        hyphen_word=re.compile(r"-(?P<word>[A-Za-z]+)"),
        zero_words=word_set(nums["zero_words"]),
        zero_not_after=word_set(nums["zero_not_after"]),
        decimal_points=word_set(nums["decimal_points"]),
        decimal_not_after=re.compile(rf"(?i:(?<![\w])(?:{phrases(nums['decimal_point_not_after'])})[ \t]+)$"),
        # One or two digits of exponent: any quantity a text states; a longer run is a code.
        power=re.compile(rf"(?:(?P<ten>(?i:{phrases(nums['exponent_marks'])})|[ \t]?(?:{times})[ \t]?10(?:{marks}))"
                         rf"|(?P<power>{marks}))(?P<exp>[+-]?\d{{1,2}})(?![\w^]|\.\d)"),
        division=re.compile(rf"(?i:[ \t]+(?:{phrases(nums['division_words'])})[ \t]+)"),
    )


def digit_value(written: str) -> float:
    if len(written) == 1 and written in VULGAR:
        return unicodedata.numeric(written)
    if _DECIMAL_COMMA_WRITTEN.fullmatch(written):
        return float(written.replace(",", ".").replace(" ", "").replace("\t", ""))
    return float(_SEPARATORS.sub("", written))


def _fraction_after_digits(text: str, pos: int, whole: float) -> tuple[float, int, bool]:
    """"3/4", "2 1/4", "2½": the fraction written after digits, as (value, end, is a fraction)."""
    following = text[pos:pos + 1]
    if following != "/" and following != " " and following != "\t" and following not in VULGAR:
        return whole, pos, False
    slash = _SLASH.match(text, pos)
    if slash and whole.is_integer():
        below = int(slash.group(1))
        if 0 < whole < below <= MAX_SLASH_DENOMINATOR:
            return whole / below, slash.end(), True
        return whole, pos, False
    mixed = _MIXED.match(text, pos)
    if mixed and whole.is_integer():
        if mixed.group(3):
            return whole + unicodedata.numeric(mixed.group(3)), mixed.end(), True
        top, below = int(mixed.group(1)), int(mixed.group(2))
        if 0 < top < below <= MAX_SLASH_DENOMINATOR:
            return whole + top / below, mixed.end(), True
    return whole, pos, False


_TOKEN = re.compile(rf"[ \t]*(?:(?P<and>and)\b|(?P<hyphen>-)[ \t]*|(?P<digits>{DIGITS})|(?P<word>[A-Za-z]+)\b)", re.I)
# "two crore, sixty-two lakh, six thousand": after a scale word, a comma before a number word joins as
# "and" does, so a group a following scale would not fit still ends the number ("three thousand, four thousand").
_SCALE_COMMA = re.compile(r",[ \t]+(?=[A-Za-z])")
# Enough for a legal text's amount in words down to the unit ("twenty-seven trillion, five hundred and
# three billion, …, eight hundred and sixty-one": 28 tokens); a bound on the work per figure.
_MAX_TOKENS = 48


@dataclass(slots=True)
class _Token:
    kind: str     # number, digits, scale, denominator, article, and, hyphen, of, point
    value: float
    end: int
    plural: bool = False


def _tokens(text: str, pos: int, p: NumberPatterns, first: _Token | None = None) -> list[_Token]:
    """The number-like tokens from pos on, stopping at the first other word."""
    found = [first] if first else []
    while len(found) < _MAX_TOKENS:
        m = _TOKEN.match(text, pos)
        if not m and found and found[-1].kind == "scale" and (comma := _SCALE_COMMA.match(text, pos)):
            m = _TOKEN.match(text, comma.end())
            if not m or not m.group("word") or m.group("word").casefold() not in p.words:
                break
            found.append(_Token("and", 0, comma.end()))
        if not m:
            break
        if m.group("and"):
            found.append(_Token("and", 0, m.end()))
        elif m.group("hyphen"):
            found.append(_Token("hyphen", 0, m.end()))
        elif m.group("digits"):
            found.append(_Token("digits", digit_value(m.group("digits")), m.end()))
        else:
            low = m.group("word").casefold()
            if low in p.words and p.words[low] < 100:
                found.append(_Token("number", p.words[low], m.end()))
            elif low in p.scales and len(low) > 2:
                found.append(_Token("scale", p.scales[low], m.end()))
            elif low in p.denominators:
                found.append(_Token("denominator", p.denominators[low], m.end(), plural=low.endswith("s")))
            elif low in p.articles:
                found.append(_Token("article", 1.0, m.end()))
            elif low == "of":
                found.append(_Token("of", 0, m.end()))
            elif low in p.decimal_points and not p.decimal_not_after.search(text, max(0, pos - 16), m.start("word")):
                found.append(_Token("point", 0, m.end()))
            else:
                break
        pos = m.end()
    return found


@dataclass(slots=True)
class _Parse:
    value: float
    next: int           # index of the first token not used
    scale: float = 1.0  # the last scale word applied
    fraction: bool = False


def _integer(toks: list[_Token], i: int) -> _Parse | None:
    """Units, tens, hundreds and scales from toks[i]: "one hundred and six", "4 thousand 3 hundred and 21",
    "three lakh crore". Stops before an "and" that opens a fraction, and never lets "and" join a group
    that a following scale would not fit ("3 hundred and 2 hundred" is two numbers)."""
    total = current = 0.0
    small = 0.0          # the units-and-tens just read, for "twenty one" and "two dozens"
    prev = ""            # kind of the previous token
    last_scale = last_big = 0.0
    best: _Parse | None = None
    before_and: _Parse | None = None  # the reading before the last "and", for a rollback
    scales_seen = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.kind in ("number", "digits"):
            v = t.value
            if prev in ("number", "hyphen"):
                if not (t.kind == "number" and small >= 20 and small % 10 == 0 and small < 100 and 0 < v < 10):
                    break
                small += v
            elif prev == "digits" or (prev and v == 0) or (prev == "and" and current % 100):
                break
            elif prev == "scale" and current and (t.kind == "digits" or current % 100):
                break
            elif prev == "scale" and t.kind == "digits" and (total % 1 or i + 1 >= n or toks[i + 1].kind != "scale"):
                break  # "N27.5 trillion 2024 budget" is two numbers; "2 million 500 thousand" is one
            else:
                small = v
            current += v
            prev = t.kind
        elif t.kind == "article":
            if prev or i + 1 >= n or toks[i + 1].kind != "scale":
                break
            current, small, prev = 1.0, 1.0, "number"
            i += 1
            continue
        elif t.kind == "hyphen":
            if prev != "number" or not (small >= 20 and small % 10 == 0):
                break
            prev = "hyphen"
            i += 1
            continue
        elif t.kind == "scale":
            f = t.value
            lone = prev == "" and i + 1 < n and toks[i + 1].kind == "scale"  # "hundred thousand"
            if (prev not in ("number", "digits", "scale") and not lone) or (prev == "scale" and f <= last_scale):
                break
            if lone:
                current = small = 1.0
            if f < 100:  # a dozen multiplies the small number before it
                if prev == "scale":
                    break
                current += small * (f - 1)
            elif f == 100:
                if current >= 100 and (prev != "digits" or current != small):
                    if before_and:
                        return before_and
                    break
                current *= 100
            elif prev == "scale" and last_scale > 100:  # "three lakh crore"
                total, current = (total + current) * f, 0.0
            else:
                if total and f >= last_big:  # "one thousand two thousand" is two numbers
                    if before_and:
                        return before_and
                    break
                total, current, last_big = total + times(current, f), 0.0, f
            last_scale = f
            scales_seen += 1
            prev = "scale"
        elif t.kind == "and":
            if not (prev == "scale" or (prev == "number" and last_scale)):
                break  # "and" joins a group to a scale: "one hundred and six", never "8,000 and 10,000"
            if _fraction(toks, i + 1) is not None:
                break
            before_and = best
            prev = "and"
            i += 1
            continue
        else:
            break
        i += 1
        if prev in ("number", "digits", "scale"):
            best = _Parse(total + current, i, last_scale or 1.0)
    if best is not None and toks[0].kind == "scale" and scales_seen < 2:
        return None  # a lone scale word ("hundred", "thousand") is not a figure
    return best


_NUMERATOR = frozenset({"number", "article", "scale", "hyphen", "and"})  # token kinds a numerator in words has
_TENS = frozenset(float(n) for n in range(20, 100, 10))


def _fraction(toks: list[_Token], i: int) -> _Parse | None:
    """"a third", "two-thirds", "one - fourth", "twenty-three fifths", "a hundred trillionths": a numerator in
    words and a denominator that agrees with it in number ("two millionth" is no fraction). A tens word
    right before a units ordinal joins it when a whole numerator is left before them: "one twenty-fifth" is
    1/25 and "one hundred thirty fifths" 100/35, but "twenty fifths" is 20/5 and "one hundred and thirty
    fifths" 130/5 (no numerator ends on "and")."""
    d = i
    while d < len(toks) and toks[d].kind in _NUMERATOR:
        d += 1
    if d == i or d >= len(toks) or toks[d].kind != "denominator":
        return None
    below = toks[d]
    t = d - 1 if toks[d - 1].kind == "hyphen" else d  # the numerator's words end at t
    if t - 1 > i and below.value < 10 and toks[t - 1].kind == "number" and toks[t - 1].value in _TENS:
        compound = _over_ordinal(toks, i, t - 1, toks[t - 1].value + below.value, d)
        if compound is not None:
            return compound
    return _over_ordinal(toks, i, t, below.value, d)


def _over_ordinal(toks: list[_Token], i: int, end: int, value: float, d: int) -> _Parse | None:
    """toks[i:end] read as one whole numerator over the ordinal toks[d], worth `value`. A units word after
    "and" is a fraction of its own: "one hundred and three quarters" is 100.75, "two million and three
    fifths" 2.6 million."""
    words, below = toks[i:end], toks[d]
    if len(words) > 1 and words[-2].kind == "and" and words[-1].value < 10:
        return None
    if len(words) == 1 and words[0].kind == "article":
        if below.plural:
            return None  # "a thirds"
        top = 1.0
    else:
        whole = _integer(words, 0)
        if whole is None or whole.next != len(words):
            return None
        top = whole.value
    if top <= 0 or (top == 1) == below.plural and below.value not in (2, 4):
        return None
    return _Parse(top / value, d + 1, fraction=True)


def _scaled_fraction(toks: list[_Token], part: _Parse) -> _Parse:
    """"half a million", "quarter million", "two thirds of a million", "half a dozen": a fraction of a scale."""
    j = part.next
    if j < len(toks) and toks[j].kind == "of":
        j += 1
    if j < len(toks) and toks[j].kind == "article":
        j += 1
    if j < len(toks) and toks[j].kind == "scale" and j > part.next or (j < len(toks) and toks[j].kind == "scale"):
        return _Parse(times(part.value, toks[j].value), j + 1, toks[j].value, fraction=False)
    return part


def _spoken_decimals(toks: list[_Token], i: int) -> tuple[str, int]:
    """The digits read aloud after a decimal point, from toks[i], and the index after them: one word a
    digit ("zero three" is 03), or one number under a hundred ("seventy-one" is 71, "eleven" 11)."""
    digits = ""
    while i < len(toks) and toks[i].kind == "number":
        v = int(toks[i].value)
        if v < 10:
            digits += str(v)
            i += 1
            continue
        if digits:
            break
        j = i + 1 + (i + 1 < len(toks) and toks[i + 1].kind == "hyphen")
        if v >= 20 and v % 10 == 0 and j < len(toks) and toks[j].kind == "number" and 0 < toks[j].value < 10:
            return str(v + int(toks[j].value)), j + 1
        return str(v), i + 1
    return digits, i


def _parse(toks: list[_Token], half_alone: bool, decimals: bool = False) -> _Parse | None:
    """The longest number the tokens open with; with `decimals`, a decimal point read aloud may follow
    the whole number ("two hundred point zero three")."""
    if not toks:
        return None
    first = toks[0]
    fraction = _fraction(toks, 0)
    if fraction is not None:
        return _scaled_fraction(toks, fraction)
    if first.kind == "denominator" and first.value in (2, 4) and not first.plural:
        # "half million", "quarter million"; a lone "half" ("more than half")
        scaled = _scaled_fraction(toks, _Parse(1 / first.value, 1, fraction=True))
        if scaled.fraction and not (half_alone and first.value == 2):
            return None
        return scaled
    whole = _integer(toks, 0)
    if whole is None:
        return None
    j = whole.next
    if decimals and j < len(toks) and toks[j].kind == "point":
        digits, k = _spoken_decimals(toks, j + 1)
        if digits:
            value = float(f"{int(whole.value)}.{digits}")
            if k < len(toks) and toks[k].kind == "scale" and toks[k].value >= 1000 and whole.value < 1000:
                return _Parse(times(value, toks[k].value), k + 1, toks[k].value)  # "four point five million"
            return _Parse(value, k)
    if j < len(toks) and toks[j].kind == "and":
        part = _fraction(toks, j + 1)
        if part is not None:
            k = part.next
            if whole.scale >= 1000:  # "three million and a half" is three and a half million ...
                if k < len(toks) and toks[k].kind == "scale" and toks[k].value < whole.scale:
                    # ... and "one billion and a half million" one billion and half a million
                    return _Parse(whole.value + times(part.value, toks[k].value), k + 1, whole.scale)
                return _Parse(whole.value + times(part.value, whole.scale), k, whole.scale)
            mixed = _Parse(whole.value + part.value, k, fraction=True)
            if whole.scale == 1.0 and k < len(toks) and toks[k].kind == "scale" and toks[k].value >= 1000:
                return _Parse(times(mixed.value, toks[k].value), k + 1, toks[k].value)  # "five and a half million"
            return mixed
    return whole


def times(value: float, factor: float) -> float:
    """`value` times `factor` in decimal, as written: 8.7 trillion is 8,700,000,000,000, not the binary
    product's 8,699,999,999,999.999."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _powered(value: float, power: re.Match) -> float | None:
    """"1.3e6", "6.23x10^-4": the value times a power of ten; "2.5^-1": the value to a power."""
    exponent, base = int(power.group("exp")), Decimal(repr(value))
    if power.group("ten"):
        return float(base.scaleb(exponent))
    powered = float(base ** exponent) if base else math.inf
    return powered if math.isfinite(powered) else None  # "0^-1", "999999^99": no number


# The end of a clause after a divisor: "one over three." is a fraction, "1,000 over 3 years" two figures.
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)\]\"”’\n]|\Z)")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _divisor(text: str, pos: int, patterns: NumberPatterns) -> tuple[float, int] | None:
    """"over three" after a number at pos, ending its clause: the divisor and its end. A divisor of four
    bare digits is a year ("in 2023 over 2022")."""
    over = patterns.division.match(text, pos)
    if not over:
        return None
    toks = _tokens(text, over.end(), patterns)
    below = _parse(toks, half_alone=False)
    if below is None or below.fraction or below.value <= 0:
        return None
    end = toks[below.next - 1].end
    if _FOUR_DIGITS.fullmatch(text, over.end(), end) or not _CLAUSE_END.match(text, end):
        return None
    return below.value, end


def read_number(text: str, start: int, digits_end: int | None, patterns: NumberPatterns,
                half_alone: bool = True) -> Reading | None:
    """The number that opens at start: digits ending at digits_end, or words when digits_end is None."""
    if digits_end is not None:
        written = text[start:digits_end]
        value = digit_value(written)
        power = patterns.power.match(text, digits_end)
        powered = _powered(value, power) if power else None
        if powered is not None:
            return Reading(start, power.end(), powered)
        spaced = patterns.spaced_decimal.match(text, digits_end) if written.isdigit() and len(written) <= 3 else None
        if spaced:  # a decimal point typed with a space after it, before a scale word: "$3. 4 billion"
            value, digits_end = float(f"{written}.{spaced.group(1)}"), spaced.end()
        value, end, fraction = _fraction_after_digits(text, digits_end, value)
        reading = Reading(start, end, value, fraction=fraction or written in VULGAR)
        if reading.fraction:
            return reading
        scale = patterns.scale.match(text, end)
        written_scale = scale.group().strip() if scale else ""
        # An abbreviation ends the number ("5m", "2.33 k", "1MM"), and so does a hyphenated scale word
        # ("a 2.7-billion-dollar plan"); a spaced scale word may go on ("4 thousand 3 hundred").
        if scale and (scale.group("cased") or len(written_scale) <= 3 or written_scale.startswith("-")):
            factor = (patterns.cased_scales[written_scale] if scale.group("cased")
                      else patterns.scales[written_scale.lstrip("-").casefold()])
            reading.value = times(reading.value, factor)
            reading.scaled, reading.end = factor, scale.end()
            return reading
        toks = _tokens(text, end, patterns, _Token("digits", value, end))
    else:
        toks = _tokens(text, start, patterns)
    parsed = _parse(toks, half_alone, decimals=digits_end is None)
    if parsed is None:
        return None
    end = toks[parsed.next - 1].end
    divisor = None if parsed.fraction else _divisor(text, end, patterns)
    if divisor:  # "one over three", "2000 over 3"
        return Reading(start, divisor[1], parsed.value / divisor[0], fraction=True, digits=digits_end is not None)
    return Reading(start, end, parsed.value, parsed.scale, parsed.fraction and parsed.value < 1,
                   digits=digits_end is not None)

