"""Numbers that are not claims, each a named filter with its own tests.

Span filters run once over the whole text (dates, times, phone numbers, addresses, year ranges) and
mark character ranges no figure may overlap; the others look at one number and its neighbours.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import SPACE, PhraseTable, Tail, initials, load_language, phrases, word_set


@dataclass(frozen=True)
class ExclusionPatterns:
    spans: dict[str, re.Pattern]      # filter name -> pattern whose matches are no figures
    year_before: PhraseTable          # "in 2019", "since 2018"
    year_verbs: PhraseTable           # "ended 2023 with": a year unless a counted noun follows
    identifier_before: PhraseTable    # "resolution 2396", "Article 5", "Day 1", "No. 7", "#3"
    ordinal_words: re.Pattern
    one_not_after: frozenset[str]
    one_not_before: frozenset[str]
    one_word: str
    anaphoric_determiners: frozenset[str]  # "the two generals": a small number word after these refers back
    anaphoric_largest: float
    anaphoric_kept_before: frozenset[str]  # "the five new fatalities" counts
    era_before: PhraseTable           # "A.D. 800"
    era_after: re.Pattern             # "500 BC"
    earliest_year: int
    year_span: tuple[int, int]        # a bare year outside a range: first and last
    modern_years: tuple[int, int]     # a year unless a plural noun follows: first and last
    name_not: frozenset[str]          # capitalised words that do not name a thing ("Over 300")
    name_stops: frozenset[str]        # words after "Game 7" that keep it a name ("of", "in")
    year_determiners: frozenset[str]  # "their 2025 budgets": a year, not a count
    relative_after: frozenset[str]    # "3 days ago": a duration that dates, not a claim
    window_before: frozenset[str]     # "the past 24 hours": a window of time, not a claim
    name_list: re.Pattern             # "Gauteng: ANC 28, DA 22, EFF 11": names, each with its figure
    elided_name: re.Pattern           # "... and the Congress 99": a name after "and", before its figure


@lru_cache(maxsize=8)
def exclusion_patterns(code: str = "en") -> ExclusionPatterns:
    lang = load_language(code)
    dates = lang["dates"]
    # Month names are proper nouns in English: capitalised only, so the verb "may" stays a verb.
    month_names = [m.capitalize() for m in dates["months"]] + [m.capitalize() for m in dates["month_abbreviations"]]
    month = rf"(?:{phrases(month_names)})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    day_range = rf"{day}(?:{SPACE}?(?:[-–]|and|to){SPACE}?{day})?"
    year = r"(?:1[89]|20|21)\d{2}"
    # "9.9 Trillion Naira", "3.88 Percent" opening a line are amounts, not the numbers of headings.
    amount_words = [*lang["numbers"]["scales"], *lang["percent"]["after"]]
    not_amount = rf"(?!(?i:{phrases(amount_words)})(?![\w]))"
    spans = {
        # Anchored at word starts, so a long word is not rescanned from each of its letters.
        # Possessive: a word not followed by "@" or "[at]" is not retried from each shorter prefix.
        "address": re.compile(r"(?<![\w.+-])(?:https?://\S+|www\.\S+|[\w.+-]++(?:@[\w-]+(?:\.[\w-]+)+|[ \t]*\[at\][ \t]*\S*))"),
        # +996775987817 (eight digits or more: "+1000.00" is a signed amount), (+998 93) 505-05-58, 0800 123 4567, and any run of three or more
        # hyphenated digit groups (06-80-204-264, an ISBN). Each form opens with "+", "(" or a digit:
        # the lookahead skips every other position at once.
        "phone": re.compile(r"(?=[+(\d])(?:\+[ \t]*(?=(?:[ \t().-]*\d){8})\d[\d \t().-]{5,}\d|\(\+?\d{1,4}[ \t\d]*\)[ \t]*\d[\d \t-]{4,}\d"
                            r"|(?<![\d,.])0\d{2,4}(?:[ \t]\d{2,4}){2,}(?![\d,])"
                            r"|(?<![\d,.-])\d+(?:-\d+){2,}(?![\d-]))"),
        # "10,5821", "312,0047": a group of four digits or more after a comma is a typing slip, no
        # figure (nor two): no grouping has one. ("22,24,26,31" stays a list of numbers.)
        "malformed": re.compile(r"(?<![\w.,])\d+(?:,\d+)*,\d{4,}(?:,\d+)*"),
        # Dates and times open with a digit or a month: the lookaheads skip other positions at once.
        "date": re.compile(
            rf"(?=[\d{initials(month_names)}])(?<![\w-])(?:{day_range}(?:{SPACE}of)?{SPACE}{month}(?:,?{SPACE}{year})?"
            rf"|{month}{SPACE}{day_range}(?![\d,.]\d)(?:,?{SPACE}{year})?"
            rf"|{month},?{SPACE}{year}"
            rf"|{year}-\d{{2}}(?:-\d{{2}})?"
            rf"|\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})"
            # "21 03 2019", "2019 03 21": a day, a two-digit month and a year set apart by spaces
            rf"|(?:[0-2]?\d|3[01])[ \t](?:0[1-9]|1[0-2])[ \t]{year}"
            rf"|{year}[ \t](?:0[1-9]|1[0-2])[ \t](?:[0-2]\d|3[01]))(?![\w])"
        ),
        # "12 W 45th St", "221 Baker Street": a street address.
        "street": re.compile(
            rf"(?<![\w.,])\d+(?:[ \t]+[NSEW]\.?)?(?:[ \t]+(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)){{1,3}}[ \t]+"
            rf"(?:{phrases([w.capitalize() for w in lang['identifiers']['street_types']])})(?![\w])"
        ),
        # "1730 GMT", "0600 hrs": a four-digit clock time.
        "clock": re.compile(rf"(?<![\w.,])(?:[01]\d|2[0-3])[0-5]\d[ \t]*(?i:{phrases(dates['clock_after'])})(?![\w])"),
        "year_range": re.compile(rf"(?<![\w.,-]){year}[ \t]*[-–/][ \t]*(?:{year}|\d{{2}})(?![\w,.]?\d)"),
        # A dotted time needs a time word after it ("10.30 am"), so "3.45" stays a decimal.
        "time": re.compile(
            rf"(?=\d)(?:(?<![\w.])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![\d])"
            rf"|(?<![\w.])\d{{1,2}}(?:[.:]\d{{2}})?[ \t]*(?i:{phrases(dates['time_after'])})(?![\w]))"
        ),
        # "1." or "(2)" opening a line, "3.2 Results" numbering a heading; the named group is the number.
        # "[1]", "[23]": a citation mark.
        "citation": re.compile(r"\[\d{1,3}\]"),
        "list_number": re.compile(
            r"^[ \t]*(?:[-*•][ \t]+)?(?:(?P<x>\d{1,3}(?:\.\d{1,3})*)[.)]|\((?P<y>\d{1,3})\))[ \t]"
            r"|^[ \t]*#*[ \t]*(?P<z>\d{1,2}(?:\.\d{1,2})+)[ \t]+(?=[A-Z])" + not_amount,
            re.M,
        ),
    }
    ids = lang["identifiers"]["before"]
    # A list item is a capitalised name of up to three words ("VF+", "JD(U)", "Freedom Front Plus") and
    # a bare integer, after a space or glued by a hyphen ("ANC-159"); two or more items joined by commas,
    # semicolons or the language's joins, or three or more by spaces alone ("NDA 292 INDIA 234 Other 17").
    name = r"[A-Z][\w&+'’().-]*(?:[ \t][A-Z][\w&+'’().-]*){0,2}"
    item = rf"{name}(?:[ \t]+|-)\d{{1,7}}(?![\d.,]?\d)"
    join = rf"(?:[ \t]*[,;][ \t]*(?:(?:{phrases(lang['identifiers']['name_list_joins'])})[ \t]+)?" \
           rf"|[ \t]+(?:{phrases(lang['identifiers']['name_list_joins'])})[ \t]+)"
    name_list = re.compile(rf"(?<![\w-])(?:{item}(?:{join}{item})+|{item}(?:[ \t]+{item}){{2,}})(?=[ \t]*(?:[,;.)]|$))",
                           re.M)
    elided_name = re.compile(rf"(?<![\w-])(?:{phrases(lang['identifiers']['name_list_joins'])})[ \t]+"
                             rf"(?:(?:{phrases(lang['entity']['articles'])})[ \t]+)?{name}[ \t]+")
    nums = lang["numbers"]
    return ExclusionPatterns(
        spans=spans,
        year_before=PhraseTable.of(dates["year_before"]),
        year_verbs=PhraseTable.of(dates["year_verbs"]),
        identifier_before=PhraseTable.of(ids),
        ordinal_words=re.compile(rf"(?i:{phrases(nums['ordinal_words'])}|\w+th)$"),
        one_not_after=word_set(nums["one_not_after"]),
        one_not_before=word_set(nums["one_not_before"]),
        one_word=nums["one_word"],
        anaphoric_determiners=word_set(nums["anaphoric_determiners"]),
        anaphoric_largest=float(nums["anaphoric_largest"]),
        anaphoric_kept_before=word_set(nums["anaphoric_kept_before"]),
        era_before=PhraseTable.of(dates["era_before"]),
        era_after=re.compile(rf"(?i:[ \t]*(?:{phrases(dates['era_after'])})(?![\w]))"),
        earliest_year=int(dates["earliest_year"]),
        year_span=(int(dates["year_span"][0]), int(dates["year_span"][1])),
        modern_years=(int(dates["modern_years"][0]), int(dates["modern_years"][1])),
        name_not=word_set(lang["identifiers"]["name_not"]),
        name_stops=word_set(lang["text"]["noun_stops"]),
        year_determiners=word_set(dates["year_determiners"]),
        relative_after=word_set(dates["relative_after"]),
        window_before=word_set(dates["window_before"]),
        name_list=name_list,
        elided_name=elided_name,
    )


_ADDRESS_MARKS = ("@", "://", "www.", "[at]")  # no address without one of these: skip the pass


def _span(match: re.Match) -> tuple[int, int]:
    """The excluded part of a match: its named group when it has one (the number of "1. Item")."""
    return match.span(match.lastgroup) if match.lastgroup else match.span()


class Spans:
    """Sorted, non-overlapping excluded ranges of one text, with the filter that excluded each."""

    def __init__(self, text: str, patterns: ExclusionPatterns):
        found = sorted(
            (*_span(m), name)
            for name, pattern in patterns.spans.items()
            if name != "address" or any(mark in text for mark in _ADDRESS_MARKS)
            for m in pattern.finditer(text)
        )
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.names: list[str] = []
        for start, end, name in found:
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
                continue
            self.starts.append(start)
            self.ends.append(end)
            self.names.append(name)

    def covering(self, start: int, end: int) -> str:
        """The name of the filter whose span overlaps [start, end), or ""."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return self.names[i]
        if i + 1 < len(self.starts) and self.starts[i + 1] < end:
            return self.names[i + 1]
        return ""


def is_year(value: float, written: str, before: Tail, after_word: str, patterns: ExclusionPatterns,
            in_range: bool = False, counted: bool = True, plural_next: bool = True) -> bool:
    """A bare four-digit number within the language's `year_span` (1800 to 2199) after a date word,
    followed by no noun, or naming a thing rather than counting it: before a noun that is not a plural
    ("the 2024 budget"), or after a determiner ("their 2025 budgets"); one within `modern_years` (1900
    to 2099) unless a plural noun follows right away (`plural_next`: "2000 people"). In a range
    ("between 1600 and 1750") any number from the earliest year on followed by no noun."""
    earliest = patterns.earliest_year if in_range else patterns.year_span[0]
    if not (len(written) == 4 and written.isdigit() and earliest <= value <= patterns.year_span[1]):
        return False
    no_noun = not after_word or not after_word[0].islower()
    if in_range:  # "between 1600 and 1750 the": a stop word is no counted noun either
        return no_noun or after_word.casefold() in patterns.name_stops
    if patterns.modern_years[0] <= value <= patterns.modern_years[1] and not plural_next:
        return True  # "elections 2024 was", "2021's total", "2023 asylum figures": a count this size has a comma
    named = after_word.isalpha() and after_word.casefold() not in patterns.name_stops and (
        not counted or before.words[-1:] and before.words[-1] in patterns.year_determiners)
    return (no_noun or named or patterns.year_before.ending(before) is not None
            or (not counted and patterns.year_verbs.ending(before) is not None))


def is_era_year(text: str, end: int, before: Tail, patterns: ExclusionPatterns) -> bool:
    """"A.D. 800", "500 BC": an era word makes any number a year."""
    return patterns.era_before.ending(before) is not None or patterns.era_after.match(text, end) is not None


def is_identifier(before: Tail, patterns: ExclusionPatterns) -> bool:
    """resolution 2396, Article 5, page 12, Day 1, No. 7, Law No. 45, #3."""
    if patterns.identifier_before.ending(before) is not None:
        return True
    return before.words[-1:] in (["no."], ["no"]) and patterns.identifier_before.ending(before.without_last(1)) is not None


_SENTENCE_END = re.compile(r"(?:^|[.!?:;|\n(\[\"“]|\n)[ \t]*$")


def name_before(before: str, written: str, next_word: str, patterns: ExclusionPatterns) -> str:
    """Whether a bare integer follows a name: "always" after a word with inner capitals or "&" ("S&P 500",
    "iPhone 15 sales", "FTSE 100 companies"); "unless counted" after a capitalised word that does not open
    its sentence and is followed by no lowercase word but a stop word or a past tense ("Boeing 737
    crashed", "Game 7 of"), where a counted noun after the number still makes it a figure ("Chad
    80 nurses"); else "". A number with separators or decimals is never part of a name."""
    if not written.isdigit() or not before.endswith(" ") or before.endswith("  "):
        return ""
    stripped = before.rstrip()
    word = stripped.rsplit(None, 1)[-1] if stripped else ""
    if not word or not word[0].isalpha() or word[-1] in "-–—" or word.casefold() in patterns.name_not:
        return ""  # "DA- 87 seats": a label's dash, not a name's
    core = word.replace("&", "").replace("-", "")
    if not core.isalnum():
        return ""
    if (any(c.isupper() for c in word[1:]) or "&" in word) and len(core) > 1:
        return "always"
    if not word[0].isupper() or _SENTENCE_END.search(stripped[:len(stripped) - len(word)]):
        return ""
    low = next_word.casefold()
    return "unless counted" if not next_word[:1].islower() or low in patterns.name_stops or low.endswith("ed") else ""


def is_zero_led(digits: str) -> bool:
    """"0800 123456", "0047": a whole number of three or more digits written with a leading zero is a
    code (a telephone number, a reference), no quantity; "0.5" and "0,5" are fractions, "000" is zero."""
    return len(digits) >= 3 and digits[0] == "0" and digits.isdigit() and digits.strip("0") != ""


def is_slash_code(text: str, end: int) -> bool:
    """112/2024, 7/2024, 24/7: a number followed by a slash and digits is a code or a ratio."""
    return text[end:end + 1] == "/" and text[end + 1:end + 2].isdigit()


def is_word_ordinal(hyphen_word: str, patterns: ExclusionPatterns) -> bool:
    """twenty-first, thirty-fifth."""
    return bool(hyphen_word) and patterns.ordinal_words.search(hyphen_word) is not None


def is_pronoun_one(written: str, previous_word: str, next_word: str, patterns: ExclusionPatterns) -> bool:
    """"no one", "one of", "one another": the word one as a pronoun, not a count."""
    if written.casefold() != patterns.one_word:
        return False
    return (previous_word.casefold() in patterns.one_not_after or not next_word
            or not next_word[0].isalpha() or next_word.casefold() in patterns.one_not_before)


def is_anaphoric(written: str, value: float, previous_word: str, next_word: str, patterns: ExclusionPatterns) -> bool:
    """"the two generals", "these three states": a small number in one word after a definite determiner
    refers back to things already named and counts nothing; "the five new fatalities" still counts."""
    return (written.isalpha() and 1 < value <= patterns.anaphoric_largest
            and previous_word.casefold() in patterns.anaphoric_determiners
            and next_word.casefold() not in patterns.anaphoric_kept_before)


def is_score(lower: float, upper: float, joined_by_hyphen: bool) -> bool:
    """"won 3-1", "102-99": two whole numbers joined by a hyphen, the second not above the first."""
    return joined_by_hyphen and upper <= lower and lower.is_integer() and upper.is_integer()
