"""Every figure in a plain text, with no workspace vocabulary: the layer under claim extraction.

`find_quantities(text)` returns one dict per figure (QUANTITY_KEYS): where it is, its value, qualifier and
interval (lower, upper and whether each end is open), its unit as written with pint's unit_code, its
ISO 4217 currency, and its kind. Dates, times, phone numbers, addresses, identifiers, names with
numerals, scores, ordinals and list numbers are left out by the named filters of
`figcheck.claims.extraction.exclusions`. Spans index the text as given; `text[char_start:char_end]` is
always the figure's `text`. The number grammar is in `numbers`, the qualifiers in `qualifiers`.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, takewhile

from figcheck.claims.extraction import exclusions as ex
from figcheck.claims.extraction.language import PhraseTable, Tail, load_language, phrases, title_cased, word_set
from figcheck.claims.extraction.numbers import Reading, number_patterns, read_number, times
from figcheck.claims.extraction.qualifiers import (
    LOWER_BOUNDS, UPPER_BOUNDS, closed, interval, qualifier_across_article, qualifier_after, qualifier_before,
    qualifier_patterns, tail_before,
)
from figcheck.claims.extraction.units import PERCENT, Currencies, currency_code, currency_forms, is_unit, unit_code

QUANTITY_KEYS = ("line", "char_start", "char_end", "text", "value", "qualifier", "lower", "upper", "lower_open",
                 "upper_open", "unit", "unit_code", "currency", "kind")
DEFAULT_TOLERANCE = 0.05
_CONTEXT = 48  # characters looked at before a figure: enough for "an estimated", "resolution No."
_PUNCTUATION = ".,;:!?\"'”’)]"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
_PARAGRAPH_END = re.compile(r"\n[ \t\r]*(?:\n|\|)|\|")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    qualifier: str
    lower: float
    upper: float
    unit: str
    kind: str
    line: int
    lower_open: bool
    upper_open: bool
    unit_code: str
    currency: str
    noun_start: int      # the counted noun phrase as written (after the figure, or before "(156)")
    noun_end: int
    parenthesised: bool  # "women (156)": the figure stands in brackets after its noun

    def as_dict(self) -> dict:
        return {
            "line": self.line, "char_start": self.start, "char_end": self.end, "text": self.text,
            "value": self.value, "qualifier": self.qualifier, "lower": self.lower, "upper": self.upper,
            "lower_open": self.lower_open, "upper_open": self.upper_open, "unit": self.unit,
            "unit_code": self.unit_code, "currency": self.currency, "kind": self.kind,
        }


@dataclass(frozen=True)
class UnitPatterns:
    money_before: PhraseTable
    money_after: frozenset[str]
    minor_after: frozenset[str]
    age_before: PhraseTable
    age_after: re.Pattern
    durations: frozenset[str]
    measures: frozenset[str]
    noun_stops: frozenset[str]
    copulas: frozenset[str]
    irregular_plurals: frozenset[str]
    verbs_like_plurals: frozenset[str]  # "we hope 2031 brings calm": a verb, no plural noun


@lru_cache(maxsize=32)
def unit_patterns(code: str = "en", currencies: Currencies = ()) -> UnitPatterns:
    lang = load_language(code)
    money = currency_forms(code, currencies)
    return UnitPatterns(
        money_before=PhraseTable.of(money.spaced_before),
        money_after=money.words,
        minor_after=frozenset(lang["money"]["minor_after"]),
        age_before=PhraseTable.of(lang["ages"]["before"]),
        age_after=re.compile(rf"(?i:[ \t]*(?:{phrases(lang['ages']['after'])})(?![\w]))"),
        durations=word_set(lang["durations"]["units"]),
        measures=word_set(lang["measures"]["units"]),
        noun_stops=word_set(lang["text"]["noun_stops"]),
        copulas=word_set(lang["text"]["copulas"]),
        irregular_plurals=word_set(lang["identifiers"]["irregular_plurals"]),
        verbs_like_plurals=word_set(lang["identifiers"]["verbs_like_plurals"]),
    )


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


_NEW_LINE_OF_ITS_OWN = re.compile(r"\n[ \t]*(?=[A-Z0-9])")


def _words_after(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to eight tokens after pos in the same paragraph: words, or single punctuation characters. A line
    that opens with a capital or a digit is a line of its own ("34.34%\nDA - 27.91%"), not a wrapped one."""
    window = text[pos:pos + 80]
    cut = _PARAGRAPH_END.search(window) or _NEW_LINE_OF_ITS_OWN.search(window)
    if cut:
        window = window[:cut.start()]
    return [(m.group(), pos + m.start(), pos + m.end()) for m in islice(_TOKEN.finditer(window), 8)]


def _noun_phrase(tokens, units: UnitPatterns) -> tuple[int, int, str]:
    """The counted noun after a figure: among the words up to a stop word, a verb form or punctuation,
    the first plural ("110 participants came"), else the last ("640 elderly people")."""
    start = end = -1
    head = ""
    original = tokens
    if len(tokens) > 1 and tokens[0][0].casefold() in units.copulas:
        tokens = tokens[1:]  # "32 are orphans": the noun follows the verb
    for i, (word, s, e) in enumerate(tokens):
        low = word.casefold()
        if not word[0].isalpha() or low in units.noun_stops:
            break
        if (i > 0 or tokens is not original) and (low.endswith("ing") or low.endswith("ed")):
            break
        if start < 0:
            start = s
        end, head = e, word
        if (low in units.durations or low in units.measures or low in units.money_after or _plural(low)
                or low in units.irregular_plurals):
            break
    return start, end, head


def _noun_before_bracket(before: str) -> str:
    """"women" of "women (": the word a bracketed figure follows, or ""."""
    stripped = before.rstrip()
    if not stripped.endswith("("):
        return ""
    words = stripped[:-1].split()
    word = words[-1].lstrip("([{\"'“‘") if words else ""  # "(schools (8), wells (10))"
    return word if word[:1].isalpha() and word.replace("-", "").replace("'", "").replace("’", "").isalnum() else ""


def _counts_a_noun(tokens, units: UnitPatterns) -> bool:
    """A plural noun follows the figure ("300 children", "2 men")."""
    _, _, head = _noun_phrase(tokens, units)
    return bool(head) and _plural_word(head, units)


def _plural_word(word: str, units: UnitPatterns) -> bool:
    low = word.casefold()
    return (_plural(low) and low not in units.verbs_like_plurals) or low in units.irregular_plurals


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def before_word(text: str, pos: int) -> str:
    """The word right before pos, casefolded ("" at a line start)."""
    words = text[max(0, pos - 24):pos].split()
    return words[-1].casefold() if words and text[pos - 1:pos].isspace() else ""


def _sign(tail: Tail, numbers) -> tuple[int, int]:
    """(-1, 1) for "minus"/"negative", (1, 1) for "plus", (0, 0) without a sign word; the second is the
    number of words the sign takes."""
    word = tail.words[-1] if tail.words else ""
    if word in numbers.negative:
        return -1, 1
    if word in numbers.positive:
        return 1, 1
    return 0, 0


_CLAUSE_START = re.compile(r"[.!?](?=\s)|[;\n]")  # a sentence end, not the point of "1.2"


def _ordinal_before_noun(text: str, reading: Reading, numbers, units: UnitPatterns) -> bool:
    """"a third term", "one fifth place": a singular ordinal before a noun ranks, it is no fraction
    ("a third of homes", "two-thirds majority" and "half an hour" are)."""
    last = text[reading.start:reading.end].split()[-1].split("-")[-1].casefold()
    if numbers.denominators.get(last, 0) in (0, 2, 4) or last.endswith("s"):
        return False
    tokens = _words_after(text, reading.end)
    word = tokens[0][0] if tokens else ""
    return word[:1].islower() and word.isalpha() and word.casefold() not in units.noun_stops


def _titled(before: str, excl) -> bool:
    """A capitalised word right before the figure ("Bill 2019 seeks", "Census 2021 results"), not a word
    of quantity ("Some 2000 people"): a year then belongs to a title, whatever follows."""
    words = before.split()
    last = words[-1] if words and before[-1:].isspace() else ""
    return last[:1].isupper() and last.isalpha() and last.casefold() not in excl.name_not


def _amount_written(text: str, m: re.Match, numbers, code: str, currencies: Currencies) -> bool:
    """A one-letter currency ("N27.5 trillion", "R1,200") counts only before an amount written as one:
    with a separator, a decimal point or a scale word, or as an exchange rate ("N500 to the dollar", "an
    exchange rate of N410")."""
    digits = m.group("d")
    if "," in digits or "." in digits or numbers.scale.match(text, m.end("d")) is not None \
            or numbers.spaced_decimal.match(text, m.end("d")):
        return True
    if numbers.exchange_before.search(text[max(0, m.start() - 40):m.start()]):
        return True
    rate = numbers.exchange_join.match(text, m.end("d"))
    if not rate:
        return False
    words = rate.group("name").replace(".", "").split()  # "U.S. Dollar" is "US Dollar"
    return any(currency_code(" ".join(words[:n]), code, currencies) for n in range(len(words), 0, -1))


_LONGEST_NAME = 4  # words in the longest currency name read after a figure ("East Caribbean dollars")


def _currency_name(text: str, tokens, code: str, currencies: Currencies) -> tuple[str, tuple | None]:
    """(ISO code, last word's token) of a currency's full name right after a figure ("Canadian dollars",
    "Falkland Islands pounds", "Brazilian reals"), where its last word alone would mean the language's
    default, another currency or another word; ("", None) without one. Names open with a capital."""
    if not tokens or not tokens[0][0][:1].isupper():
        return "", None
    words = list(takewhile(lambda token: token[0][0].isalpha(), tokens[:_LONGEST_NAME]))
    for n in range(len(words), 1, -1):
        iso = currency_code(text[words[0][1]:words[n - 1][2]], code, currencies)
        if iso:
            return iso, words[n - 1]
    return "", None


def _change_before(text: str, pos: int, numbers) -> bool:
    """A change word ("rose", "a rise") earlier in the sentence of a "from X to Y": two figures, not a range."""
    start = max(0, pos - 120)
    window = text[start:pos]
    opening = None
    for opening in _CLAUSE_START.finditer(window):
        pass
    words = (window[opening.end():] if opening else window).casefold().split()
    return any(w.strip(_PUNCTUATION) in numbers.change_before for w in words)


def _part_and_whole(part: float, whole: float, join: str, numbers) -> bool:
    """ "22 out of 26 provinces" (a whole in digits) counts a part and its whole; "one out of five", "two out
    of three" and "nine out of 10" are shares: the part is one, the whole at most ten or a power of ten."""
    if " ".join(join.casefold().split()) not in numbers.part_whole_joins or part == 1 or whole <= 10:
        return False
    return 10 ** round(math.log10(whole)) != whole


def _second(text: str, pos: int, numbers) -> Reading | None:
    """The figure after a range or ratio word: digits (a currency before them allowed) or words."""
    m = numbers.second.match(text, pos)
    if not m or m.group("pre"):
        return None
    if m.group("d"):
        reading = read_number(text, m.start("d"), m.end("d"), numbers)
    else:
        reading = read_number(text, m.start("w"), None, numbers, half_alone=False)
    if reading is not None and m.group("sign") in ("-", "−"):
        reading.value = -reading.value
    return reading


def _after_unit(text: str, end: int, numbers, units: UnitPatterns, code: str,
                separated: bool = False) -> tuple[str, str, str, int]:
    """A unit glued to the digits ("512GB", "15pc", "212p", "6-fold"): (unit, kind, unit_code, end);
    kind "skip" when the letters make the figure a name or an ordinal (4G, 2nd). After digits with a
    thousands separator a lowercase word is the counted noun, its space lost ("12,000people")."""
    fold = numbers.multiplier.match(text, end)
    if fold:
        return fold.group().lstrip("-"), "multiplier", "", fold.end()
    if numbers.percent.match(text, end):
        return "", "", "", end  # "15pc": read as a percentage next
    glued = numbers.glued_word.match(text, end)
    if not glued:
        return "", "", "", end
    suffix = glued.group()
    if suffix in units.minor_after:
        return suffix, "money", "", glued.end()
    if is_unit(suffix, code, glued=True):
        return suffix, "other", unit_code(suffix, code), glued.end()
    if separated and suffix.isalpha() and suffix.islower() and len(suffix) >= _LOST_SPACE_WORD:
        return "", "", "", end
    return "", "skip", "", end


_LOST_SPACE_WORD = 4  # letters of the shortest word read as a noun glued to its figure ("12,000people")


_TITLE_SHARE, _TITLE_WORDS = 0.8, 3  # a headline: four-fifths of its longer words, three or more, capitalised


def _title_cased(text: str, pos: int, lines: list[int], titles: dict[int, bool]) -> bool:
    """Whether the line at pos is written in title case ("Storm Kills 12 in Coastal Towns, Officials
    Say"), each line judged once."""
    line = bisect.bisect_right(lines, pos)
    if line not in titles:
        end = text.find("\n", pos)
        titles[line] = title_cased(text[lines[line - 1]:end if end >= 0 else len(text)], _TITLE_SHARE, _TITLE_WORDS)
    return titles[line]


def _elided(text: str, start: int, end: int, found: list, excl) -> bool:
    """"The BJP won 240 seats and the Congress 99.": a name and a bare figure closing a clause joined to
    an earlier figure of its line repeat that figure's noun and verb, left out."""
    if not found or "\n" in text[found[-1].end:start]:
        return False
    m = excl.elided_name.search(text, found[-1].end, start)
    return m is not None and m.end() == start and re.match(r"[ \t]*(?:[.,;)]|$)", text[end:end + 2]) is not None


def _dash_not_sign(text: str, m: re.Match, lines: list[int]) -> bool:
    """A dash with a space after it is no sign after a label ("DA - 87 seats"), nor as a bullet of a list
    whose next or previous line opens with the same dash ("- 87 seats"); alone it is one ("- 10 k")."""
    at = m.start("sign")
    if not text[at + 1:at + 2].isspace():
        return False
    line = bisect.bisect_right(lines, at) - 1
    if text[lines[line]:at].strip():
        return True
    for i in (line - 1, line + 1):
        bullet = _BULLET.match(text, lines[i]) if 0 <= i < len(lines) else None
        if bullet and bullet.group(1) == text[at]:
            return True
    return False


_BULLET = re.compile(r"[ \t]*(\S)[ \t]")


_GLUED_ITEM = re.compile(r"(?<=[^\W\d_)+])-(?=\d)")


def _unglue(text: str, name_lists: list[tuple[int, int]]) -> str:
    """The text with the hyphen of each listed "ANC-159" read as a space: a name and its figure, not a
    code like "COVID-19". Offsets are kept."""
    if not name_lists:
        return text
    pieces, done = [], 0
    for start, end in name_lists:
        pieces += [text[done:start], _GLUED_ITEM.sub(" ", text[start:end])]
        done = end
    return "".join(pieces) + text[done:]


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether a position falls inside one of the sorted, disjoint spans."""
    at = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def _number_matches(pattern: re.Pattern, text: str, spans: ex.Spans):
    """The number pattern's matches in order. A number whose groups are set off by a comma and a space
    that an excluded span overlaps ("On May 3, 512 people": a date) is read again from its next group."""
    pos = 0
    while m := pattern.search(text, pos):
        digits = m.group("d") or ""
        loose = digits.find(", ")
        if loose > 0 and spans.covering(m.start("d"), m.end("d")):
            pos = m.start("d") + loose + 2
            continue
        yield m
        pos = m.end()


def scan(text: str, code: str = "en", tolerance: float = DEFAULT_TOLERANCE,
         currencies: Currencies = ()) -> list[Quantity]:
    """Every figure of `text` in order, with the spans and context the claim extractor builds on;
    `currencies` are the workspace's own currency forms ((ISO code, forms) pairs, figcheck.toml)."""
    numbers = number_patterns(code, currencies)
    excl = ex.exclusion_patterns(code)
    quals = qualifier_patterns(code)
    units = unit_patterns(code, currencies)
    spans = ex.Spans(text, excl)
    name_lists = [m.span() for m in excl.name_list.finditer(text)]
    text = _unglue(text, name_lists)
    lines = line_starts(text)
    found: list[Quantity] = []
    titles: dict[int, bool] = {}  # line -> whether it is written in title case
    skip_to = 0  # the end of the last figure read, or of the second number of a score
    for m in _number_matches(numbers.number, text, spans):
        digits = m.group("d")
        start = m.start("d") if digits else m.start("w") if m.group("w") else m.start("fold")
        if start < skip_to or spans.covering(start, m.end()):
            continue  # excluded, or part of the figure just read
        if m.group("cur") and not digits:
            continue
        if m.group("cur") in numbers.letter_currencies and not _amount_written(text, m, numbers, code, currencies):
            continue  # "N95", "R2": a code, not naira or rand
        if m.group("fold"):  # "sixfold": the number word glued to its suffix
            low = m.group("fold").casefold()
            reading = Reading(start, m.end("fold"), numbers.words[low] if low in numbers.words else numbers.scales[low],
                              digits=False)
        else:
            half_alone = not before_word(text, start) in numbers.half_not_after  # not "the first half"
            reading = (read_number(text, start, m.end("d"), numbers) if digits
                       else read_number(text, start, None, numbers, half_alone))
        if reading is None and m.group("w") and m.group("w").casefold() in numbers.scales:
            if numbers.percent.match(text, m.end("w")):  # "the hundred per cent increase"
                reading = Reading(start, m.end("w"), numbers.scales[m.group("w").casefold()], digits=False)
        if reading is None or (reading.fraction and not digits and _ordinal_before_noun(text, reading, numbers, units)):
            continue
        end = reading.end
        if spans.covering(start, end):
            continue
        sign_mark = m.group("sign") if m.group("sign") and not _dash_not_sign(text, m, lines) else ""
        if sign_mark:
            start = m.start("sign")  # "-2.1%": the sign is part of the figure as written
        # The words before the figure end before its prefix: the currency of "$3bn", the "sub-" of "sub-5".
        lead = start if m.group("sign") and not sign_mark else m.start()
        before = text[max(0, lead - _CONTEXT):lead]
        if "\n" in before:  # a qualifier or a label never reaches over a blank line
            before = _BLANK_LINE.split(before)[-1]
        tail = tail_before(before)
        previous_word = tail.words[-1].rstrip(_PUNCTUATION) if tail.words and before[-1:].isspace() else ""
        sign, sign_words = _sign(tail, numbers)
        if sign_mark:
            sign = -1 if sign_mark in "-−" else 1
        value = reading.value * (-1 if sign < 0 else 1)
        unit, kind, code_of_unit, currency = "", "", "", ""
        tokens, tokens_at = _words_after(text, end), end
        next_word = tokens[0][0] if tokens else ""
        written = text[start:end]
        if digits and not reading.fraction and reading.scaled == 1.0:
            unit, kind, code_of_unit, end = _after_unit(text, end, numbers, units, code, "," in digits)
            if kind == "skip":
                continue  # 2nd, 16th; 4G, 3D: an ordinal or a name, not a figure
        elif digits and reading.scaled == 1e6 and text[end - 1:end] == "m" and numbers.metre_after.match(text, end):
            value /= 1e6  # "12m (39ft)", "a 12m wall": metres, not millions
            unit, kind, code_of_unit = "m", "other", unit_code("m", code)
        if not digits:
            hyphen = numbers.hyphen_word.match(text, end)
            ratio_next = numbers.ratio_join.match(text, end)
            if ((not sign_words and not ratio_next and ex.is_pronoun_one(written, previous_word, next_word, excl))
                    or (written.casefold() in numbers.zero_words and previous_word.casefold() in numbers.zero_not_after)
                    or ex.is_word_ordinal(hyphen.group("word") if hyphen else "", excl)
                    or (not hyphen and next_word.casefold() not in units.durations  # "over the three days" lasts
                        and ex.is_anaphoric(written, value, previous_word, next_word, excl))):
                continue
            fold = numbers.multiplier.match(text, end)
            if fold:
                unit, kind, end = fold.group().lstrip("-"), "multiplier", fold.end()
        # An identifier is a bare number: "target 2.3 million" and "case 1,200" count.
        bare = reading.scaled == 1.0 and not (digits and "," in digits)
        if (bare and tail.words and ex.is_identifier(tail, excl)) or (
                not reading.fraction and ex.is_slash_code(text, end)) or (bare and digits and ex.is_zero_led(digits)):
            continue
        # A percent after the number makes it a share, never part of a name: "BP 18%", "GL 40 per cent".
        named_ok = digits and not (m.group("cur") or sign_mark or numbers.percent.match(text, end))
        name = ex.name_before(before, digits, next_word, excl) if named_ok else ""
        if name and text[end:end + 3].strip().startswith("|"):
            # A lone "|" in prose is a mark, not the end of the name's phrase: "Chadian 2 | people" as without it.
            past = _words_after(text, text.index("|", end) + 1)
            name = ex.name_before(before, digits, past[0][0] if past else "", excl)
        if name == "unless counted" and _title_cased(text, start, lines, titles):
            name = ""  # "Police Say 40 Hurt": in a headline every word is capitalised, names or not
        if name and (name == "always" or not _counts_a_noun(tokens, units)) and not _within(name_lists, start) \
                and not _elided(text, start, end, found, excl):
            continue  # "Boeing 737", but not "ANC 28, DA 22": a list gives each name its figure
        if ex.is_era_year(text, end, tail, excl):
            continue
        upper_value = None
        upper_open = False
        pct = numbers.percent.match(text, end)
        if pct and kind not in ("multiplier", "money") and not unit:
            unit, kind, code_of_unit, end = pct.group().strip(" \t-"), "percent", PERCENT, pct.end()
        elif not kind and "per" in before.casefold() and numbers.percent_before.search(before):
            kind, code_of_unit = "percent", PERCENT
            unit = numbers.percent_before.search(before).group().strip()
        ratio = numbers.ratio_join.match(text, end) if not kind else None
        if ratio:
            below = _second(text, ratio.end(), numbers)
            year = below is not None and ex.is_year(below.value, text[below.start:below.end], Tail([]), "", excl)
            if (below is not None and 0 < value < below.value and not below.fraction and not year  # not "1,705 in 2023"
                    and not (below.digits and _part_and_whole(value, below.value, ratio.group(), numbers))):
                value, kind, end = value / below.value, "ratio", below.end
                reading.fraction = True
        join = None
        if kind in ("", "percent", "other") and not reading.fraction:
            join = numbers.range_join.match(text, end)
            if (join and "to" in join.group().casefold() and previous_word.casefold() in numbers.change_openers
                    and _change_before(text, m.start(), numbers)):
                join = None  # "rose from 20 to 30", "rose by 10 to 30", "a marked rise ...: from 10.5 million to 13.2 million"
            opening = tail.without_last(sign_words).words[-1:] if sign_words else [previous_word.casefold()]
            opened = (opening and opening[0] in numbers.range_open) or numbers.range_open_phrase.search(before)
            if not join and opened:
                join = numbers.between_join.match(text, end)
        if join:
            hi = _second(text, join.end(), numbers)
            if hi is not None and hi.digits != reading.digits and join.group().strip() in ("-", "–", "—"):
                hi = None  # "7-Eleven": a hyphenated range is written in one form
            if hi is not None and not spans.covering(hi.start, hi.end):
                hyphen = join.group().strip() in ("-", "–", "—")
                if ex.is_score(value, hi.value, hyphen and digits is not None and hi.digits):
                    skip_to = hi.end
                    continue
                hi_value = hi.value
                if reading.scaled == 1.0 and hi.scaled > 1.0 and times(value, hi.scaled) <= hi_value:
                    value = times(value, hi.scaled)  # "$10 to $15 billion", "four to five thousand": a shared scale
                lo_text = text[reading.start:reading.end]
                hi_text = text[hi.start:hi.end]
                if ex.is_year(reading.value, lo_text, tail, "to", excl) and not (hi_text.isdigit() and len(hi_text) == 4):
                    hi_value = value  # "in 2023 to 25,330": a year, then a figure of its own
                if hi_value > value:
                    if (ex.is_year(reading.value, lo_text, tail, "", excl, in_range=True)
                            and ex.is_year(hi_value, text[hi.start:hi.end], tail, _next_word(text, hi.end), excl,
                                           in_range=True)):
                        skip_to = hi.end
                        continue  # "between 1600 and 1750", "from 2019 to 2021": years
                    upper_value, end = hi_value, hi.end
                    pct = numbers.percent.match(text, end)
                    if pct and kind in ("", "percent"):  # "2-3%", "between 10% and 20%"
                        unit, kind, code_of_unit, end = pct.group().strip(" \t-"), "percent", PERCENT, pct.end()
                    elif not unit and digits:
                        glued_unit, glued_kind, glued_code, glued_end = _after_unit(text, end, numbers, units, code)
                        if glued_kind in ("other", "money"):
                            unit, kind, code_of_unit, end = glued_unit, glued_kind, glued_code, glued_end
        after_qualifier, end = qualifier_after(text, end, quals)
        if end != tokens_at:
            tokens = _words_after(text, end)
        next_word = tokens[0][0] if tokens else ""
        bounding = tail.without_last(sign_words) if sign_words else tail
        qualifier, taken = qualifier_before(bounding, quals)
        if qualifier == "eq" and not taken:
            qualifier = qualifier_across_article(tail, [t[0] for t in tokens if t[0] != "-"], quals) or qualifier
        # "more than 2000" is a figure, not a year; "past 2023" may be either
        temporal = bool(taken) and bounding.endings[taken - 1] in quals.temporal
        bounded = qualifier in LOWER_BOUNDS + UPPER_BOUNDS and not temporal
        if (digits and not kind and upper_value is None and not after_qualifier and not sign_mark
                and not bounded and ex.is_year(value, digits, tail, next_word, excl, counted=_counts_a_noun(tokens, units),
                                               plural_next=bool(m.group("cur")) or (_plural_word(next_word, units)
                                                                                    and not _titled(before, excl)))
                and not (next_word and is_unit(next_word, code))):  # "1800 GB" is a size
            continue
        if taken == 0 and m.group("pre"):
            qualifier = "lt"  # "sub-5"
        money = m.group("cur") or ""
        if not money:
            spaced = units.money_before.ending(tail)
            if spaced and not kind:
                money = before.rstrip()[-len(spaced[0]):]  # the currency as written
                qualifier, taken = qualifier_before(tail.without_last(spaced[1]), quals)
        if money and kind not in ("percent", "multiplier"):
            kind, unit, currency = "money", money, currency_code(money, code, currencies)
            code_of_unit = currency
        if qualifier == "eq" and found and _converts(found[-1], text, start, end):
            qualifier = found[-1].qualifier  # "under 150 hp (112 kW)": the conversion is under 112 kW
        elif qualifier == "eq" and found and found[-1].qualifier == "approx" and \
                quals.bound_join.fullmatch(text, found[-1].end, start) and not text[found[-1].end:start].strip() == ",":
            qualifier = "approx"  # "about 25 per cent and 17 per cent": "about" reaches both
        if after_qualifier == "closed":
            qualifier = closed(qualifier)
        elif after_qualifier:
            qualifier = after_qualifier
        noun_start, noun_end, parenthesised = -1, -1, False
        noun = _noun_before_bracket(before)
        if noun and text[end:end + 1] in (")", ",", ";") and not kind:
            parenthesised = True
            noun_start = start - len(before) + before.rindex(noun)
            noun_end = noun_start + len(noun)
            unit = noun
        elif not kind or kind in ("percent", "ratio", "multiplier"):
            hyphen = numbers.hyphen_word.match(text, end)
            age_after = units.age_after.match(text, end)
            if not kind and (units.age_before.ending(tail) or age_after):
                kind = "age"
                if age_after:
                    end = age_after.end()
            elif not kind and hyphen and hyphen.group("word").casefold() in units.durations:
                unit, kind = hyphen.group("word"), "duration"
                code_of_unit = unit_code(unit, code)
            elif not kind and hyphen and hyphen.group("word").casefold() in units.money_after:
                unit, kind = hyphen.group("word"), "money"  # "a 2.7-billion-dollar plan"
                currency = code_of_unit = currency_code(unit, code, currencies)
            else:
                noun_start, noun_end, head = _noun_phrase(tokens, units)
                named, last = _currency_name(text, tokens, code, currencies) if not kind else ("", None)
                if last:
                    head, noun_end = last[0], last[2]
                low = head.casefold()
                if kind:
                    unit = head if kind == "ratio" else unit  # "one in three children"
                elif low in units.durations:
                    unit, kind, code_of_unit = head, "duration", unit_code(head, code)
                elif named or low in units.money_after or (head.isupper() and currency_code(head, code, currencies)):
                    unit, kind, currency = head, "money", named or currency_code(head, code, currencies)
                    code_of_unit = currency
                elif is_unit(head, code):
                    unit, kind, code_of_unit = head, "other", unit_code(head, code)
                else:
                    unit = head
        if not kind:
            kind = "ratio" if reading.fraction and abs(value) < 1 else "count"
        if kind == "count" and (value % 1 or value < 0):
            kind = "other"
        if kind == "percent" and not 0 <= value <= 100:
            kind = "other"  # "a 150% rise" is a ratio, not a share; "-2.1%" a change
        if kind == "duration" and (noun_end > 0 and _next_word(text, noun_end).casefold() in excl.relative_after
                                   or previous_word.casefold() in excl.window_before):
            skip_to = end  # nor is any part of it: "the last three and a half years"
            continue  # "3 days ago", "two weeks later", "the past 24 hours": a date or a window, not a claim
        bounds = interval(value, qualifier, tolerance)
        lower, upper, lower_open, upper_open = bounds.lower, bounds.upper, bounds.lower_open, bounds.upper_open
        if upper_value is not None:  # a range: closed at both ends unless a bound says otherwise below
            if qualifier in UPPER_BOUNDS or qualifier == "eq":
                qualifier = "ge"  # as the shared gold writes an age range; its upper end is stored
            lower, upper, upper_open = value, upper_value, False
            if qualifier in LOWER_BOUNDS:
                lower_open = qualifier == "gt"
        q = Quantity(
            start=start, end=end, text=text[start:end], value=value, qualifier=qualifier,
            lower=lower, upper=upper, unit=unit, kind=kind, line=bisect.bisect_right(lines, start),
            noun_start=noun_start, noun_end=noun_end, parenthesised=parenthesised,
            lower_open=lower_open, upper_open=upper_open, unit_code=code_of_unit, currency=currency,
        )
        if found and not unit and noun_start < 0 and kind in ("count", "other") and 0 <= value <= 100 \
                and _elided_percent(found[-1], text, start, end, code):
            q = replace(q, unit=found[-1].unit, kind="percent", unit_code=PERCENT)
        if found and _joins_bounds(found[-1], q, text, quals, taken, before):
            found[-1] = _two_bounds(found[-1], q, text)
        else:
            found.append(q)
        skip_to = end
    return found


def _elided_percent(previous: Quantity, text: str, start: int, end: int, code: str) -> bool:
    """"A recorded 55.5 per cent; B 60.7; and C 63.0": a bare figure a list item sets after a percentage
    of the same list (a comma, semicolon or list word between them, no sentence end) is one too."""
    gap, whole = _list_gap(code)
    return previous.kind == "percent" and gap.fullmatch(text, previous.end, start) is not None \
        and not whole.match(text, end)


@lru_cache(maxsize=4)
def _list_gap(code: str) -> tuple[re.Pattern, re.Pattern]:
    """The text between two items of a list, and the opening of a whole after a part ("70 of its seats")."""
    entity = load_language(code)["entity"]
    words = phrases([j for j in entity["list_joins"] if j[:1].isalnum()])
    free = rf"[^\d.!?\n]{{0,{_LIST_GAP}}}"
    return (re.compile(rf"{free}(?:[,;]|(?<![\w-])(?:{words})(?![\w-])){free}"),
            re.compile(rf"(?i:[ \t]+(?:{phrases(entity['possessors'])})(?![\w-]))"))


_LIST_GAP = 40  # characters of a list item's name and joins around it


_CONVERSION_OPEN = re.compile(r"[ \t]*[^\W\d_]{0,12}[.°/]*[ \t]*\($")
_CONVERSION_CLOSE = re.compile(r"[ \t]*[^\W\d_]{0,12}[.°/]*[ \t]*\)")


def _converts(previous: Quantity, text: str, start: int, end: int) -> bool:
    """"150 hp (112 kW)": a bracketed figure right after a measured one restates it in another unit."""
    return (previous.kind in ("other", "money") and previous.unit != ""
            and _CONVERSION_CLOSE.match(text, end) is not None
            and _CONVERSION_OPEN.match(text[previous.end:start]) is not None)


def _next_word(text: str, pos: int) -> str:
    tokens = _words_after(text, pos)
    return tokens[0][0] if tokens else ""


def _joins_bounds(first: Quantity, second: Quantity, text: str, quals, taken: int, before: str) -> bool:
    """"above 1000 and below 1500", "at most 100 and at least 20": two bounds of one interval, written
    one after the other with only "and", "," or "but" and the second's qualifier between them."""
    if taken == 0 or first.kind != second.kind or (first.unit and second.unit and first.unit != second.unit):
        return False
    pair = (first.qualifier, second.qualifier)
    if not ((pair[0] in LOWER_BOUNDS and pair[1] in UPPER_BOUNDS) or (pair[0] in UPPER_BOUNDS and pair[1] in LOWER_BOUNDS)):
        return False
    if not (math.isinf(first.upper) or first.lower in (0.0, -math.inf)):
        return False  # the first is already a two-sided interval
    lower, upper = (first, second) if pair[0] in LOWER_BOUNDS else (second, first)
    if lower.value >= upper.value:
        return False  # "more than 40 and less than 10" are two statements
    words = tail_before(before).words
    qualifier_text = " ".join(words[-taken:])
    gap = text[first.end:second.start]
    at = gap.casefold().rfind(qualifier_text.casefold()) if qualifier_text else -1
    if at < 0:
        return False
    return bool(gap[:at].strip()) and quals.bound_join.fullmatch(gap[:at]) is not None


def _two_bounds(first: Quantity, second: Quantity, text: str) -> Quantity:
    lower, upper = (first, second) if first.qualifier in LOWER_BOUNDS else (second, first)
    first.end = second.end
    first.text = text[first.start:first.end]
    first.value = lower.value
    first.qualifier = lower.qualifier
    first.lower, first.lower_open = lower.lower, lower.lower_open
    first.upper, first.upper_open = upper.upper, upper.upper_open
    if not first.unit:
        first.unit, first.unit_code, first.currency = second.unit, second.unit_code, second.currency
    return first


def find_quantities(text: str, language: str = "en", tolerance: float = DEFAULT_TOLERANCE,
                    currencies: Currencies = ()) -> list[dict]:
    """Every figure in `text`: dicts with keys QUANTITY_KEYS, in text order."""
    return [q.as_dict() for q in scan(text, language, tolerance, currencies)]
