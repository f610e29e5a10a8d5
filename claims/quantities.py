"""Every figure in a plain text, with no workspace vocabulary: the layer under claim extraction.

`find_quantities(text)` returns one dict per figure (line, char_start, char_end, text, value,
qualifier, lower, upper, unit, kind). Dates, times, phone numbers, addresses, identifiers,
ordinals and list numbers are left out by the named filters of `figcheck.claims.extraction.exclusions`.
Spans index the text as given; `text[char_start:char_end]` is always the figure's `text`.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from figcheck.claims.extraction import exclusions as ex
from figcheck.claims.extraction.language import PhraseTable, Tail, load_language, phrases, word_set
from figcheck.claims.extraction.numbers import digit_value, number_patterns, word_value
from figcheck.claims.extraction.qualifiers import interval, qualifier_after, qualifier_before, qualifier_patterns

QUANTITY_KEYS = ("line", "char_start", "char_end", "text", "value", "qualifier", "lower", "upper", "unit", "kind")
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
    noun_start: int      # the counted noun phrase as written (after the figure, or before "(156)")
    noun_end: int
    parenthesised: bool  # "women (156)": the figure stands in brackets after its noun

    def as_dict(self) -> dict:
        return {
            "line": self.line, "char_start": self.start, "char_end": self.end, "text": self.text,
            "value": self.value, "qualifier": self.qualifier, "lower": self.lower, "upper": self.upper,
            "unit": self.unit, "kind": self.kind,
        }


@dataclass(frozen=True)
class UnitPatterns:
    money_before: PhraseTable
    money_after: frozenset[str]
    age_before: PhraseTable
    age_after: re.Pattern
    durations: frozenset[str]
    measures: frozenset[str]
    noun_stops: frozenset[str]
    copulas: frozenset[str]


@lru_cache(maxsize=8)
def unit_patterns(code: str = "en") -> UnitPatterns:
    lang = load_language(code)
    return UnitPatterns(
        money_before=PhraseTable.of(lang["money"]["before"]),
        money_after=word_set(lang["money"]["after"]),
        age_before=PhraseTable.of(lang["ages"]["before"]),
        age_after=re.compile(rf"(?i:[ \t]*(?:{phrases(lang['ages']['after'])})(?![\w]))"),
        durations=word_set(lang["durations"]["units"]),
        measures=word_set(lang["measures"]["units"]),
        noun_stops=word_set(lang["text"]["noun_stops"]),
        copulas=word_set(lang["text"]["copulas"]),
    )


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _words_after(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to eight tokens after pos in the same paragraph: words, or single punctuation characters."""
    window = text[pos:pos + 80]
    cut = _PARAGRAPH_END.search(window)
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
        if low in units.durations or low in units.measures or low in units.money_after or _plural(low):
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


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def scan(text: str, code: str = "en", tolerance: float = DEFAULT_TOLERANCE) -> list[Quantity]:
    """Every figure of `text` in order, with the spans and context the claim extractor builds on."""
    numbers = number_patterns(code)
    excl = ex.exclusion_patterns(code)
    quals = qualifier_patterns(code)
    units = unit_patterns(code)
    spans = ex.Spans(text, excl)
    lines = line_starts(text)
    found: list[Quantity] = []
    for m in numbers.number.finditer(text):
        digits = m.group("d")
        written = digits or m.group("w")
        start, end = m.span("d" if digits else "w")
        if spans.covering(start, end) or (found and start < found[-1].end):
            continue  # excluded, or the upper end of the range just read
        before = text[max(0, start - _CONTEXT):start]
        if "\n" in before:  # a qualifier or a label never reaches over a blank line
            before = _BLANK_LINE.split(before)[-1]
        tail = Tail.of(before)
        previous_word = tail.words[-1].rstrip(_PUNCTUATION) if tail.words and before[-1:].isspace() else ""
        unit, kind = "", ""
        if digits:
            value = digit_value(digits)
            glued = numbers.glued_word.match(text, end)
            scale = numbers.scale.match(text, end)
            if scale:
                value *= numbers.scales[scale.group().strip().casefold()]
                end = scale.end()
            elif glued:
                suffix = glued.group()
                if ex.is_ordinal(suffix, excl) or suffix.casefold() not in units.measures:
                    continue  # 2nd, 16th; 4G, 3D: a name, not a figure
                unit, kind = suffix, "other"
        else:
            value = word_value(written, code)
            tokens, tokens_at = _words_after(text, end), end
            next_word = tokens[0][0] if tokens else ""
            hyphen = numbers.hyphen_word.match(text, end)
            if (value is None or ex.is_lone_scale_word(written, excl)
                    or ex.is_pronoun_one(written, previous_word, next_word, excl)
                    or ex.is_word_ordinal_or_fraction(hyphen.group("word") if hyphen else "", next_word, excl)):
                continue
        if (tail.words and ex.is_identifier(tail, excl)) or ex.is_slash_code(text, end):
            continue
        upper_end = None
        pct = numbers.percent.match(text, end)
        if pct and not unit:
            unit, kind, end = pct.group().strip(), "percent", pct.end()
        elif digits:
            rng = numbers.range_tail.match(text, end)
            if not rng and previous_word in numbers.range_open:
                rng = numbers.between_tail.match(text, end)
            if rng and not spans.covering(rng.start("hi"), rng.end("hi")):
                upper_end = digit_value(rng.group("hi"))
                end = rng.end()
        after_qualifier, end = qualifier_after(text, end, quals)
        if digits or end != tokens_at:
            tokens = _words_after(text, end)
        next_word = tokens[0][0] if tokens else ""
        if digits and not kind and not upper_end and not after_qualifier and ex.is_year(
                value, digits, tail, next_word, excl):
            continue
        qualifier = qualifier_before(tail, quals)
        money = units.money_before.ending(tail)
        if money and not kind:
            kind = "money"
            unit = before.rstrip()[-len(money[0]):]  # the currency as written
            qualifier = qualifier_before(tail.without_last(money[1]), quals)
        if after_qualifier:
            qualifier = after_qualifier
        noun_start, noun_end, parenthesised = -1, -1, False
        noun = _noun_before_bracket(before)
        if noun and text[end:end + 1] in (")", ",", ";") and not kind:
            parenthesised = True
            noun_start = start - len(before) + before.rindex(noun)
            noun_end = noun_start + len(noun)
            unit = noun
        elif not kind or kind == "percent":
            hyphen = numbers.hyphen_word.match(text, end)
            age_after = units.age_after.match(text, end)
            if units.age_before.ending(tail) or age_after:
                kind = "age"
                if age_after:
                    end = age_after.end()
            elif hyphen and hyphen.group("word").casefold() in units.durations:
                unit, kind = hyphen.group("word"), "duration"
            else:
                noun_start, noun_end, head = _noun_phrase(tokens, units)
                low = head.casefold()
                if kind == "percent":
                    pass
                elif low in units.durations:
                    unit, kind = head, "duration"
                elif low in units.money_after:
                    unit, kind = head, "money"
                elif low in units.measures:
                    unit, kind = head, "other"
                else:
                    unit = head
        if not kind:
            kind = "count"
        if kind == "count" and value % 1:
            kind = "other"
        if kind == "percent" and value > 100:
            kind = "other"  # "a 150% rise" is a ratio, not a share
        lower, upper = interval(value, qualifier, tolerance)
        if upper_end is not None:
            qualifier, lower, upper = ("ge" if qualifier == "eq" else qualifier), value, max(upper_end, value)
            if math.isinf(upper):
                upper = max(upper_end, value)
        found.append(Quantity(
            start=start, end=end, text=text[start:end], value=value, qualifier=qualifier,
            lower=lower, upper=upper, unit=unit, kind=kind, line=bisect.bisect_right(lines, start),
            noun_start=noun_start, noun_end=noun_end, parenthesised=parenthesised,
        ))
    return found


def find_quantities(text: str, language: str = "en", tolerance: float = DEFAULT_TOLERANCE) -> list[dict]:
    """Every figure in `text`: dicts with keys QUANTITY_KEYS, in text order."""
    return [q.as_dict() for q in scan(text, language, tolerance)]
