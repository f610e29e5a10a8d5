"""Language data (claims/lang/<code>.toml) turned into compiled patterns, once per language."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from figcheck.claims.errors import FigcheckError

SPACE = r"(?:[ \t\r]*\n[ \t]*|[ \t]+)"  # blanks, or one line break of hard-wrapped text
LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


# Typographic forms a text may use for one character of a phrase: "Ukraine’s" for "Ukraine's",
# "out‑of‑school" with non-breaking hyphens.
_SAME_CHARACTER = {"'": "'", "’": "'", "ʼ": "'", "‘": "'", "-": "-", "‐": "-", "‑": "-"}
_CHARACTER_CLASS = {plain: "[" + "".join(c for c, p in _SAME_CHARACTER.items() if p == plain) + "]"
                    for plain in set(_SAME_CHARACTER.values())}
_PLAIN = str.maketrans({c: p for c, p in _SAME_CHARACTER.items() if c != p})


def fold(text: str) -> str:
    """The text with its typographic apostrophes and hyphens made plain, as `phrases` matches them."""
    return text.translate(_PLAIN)


def _phrase_part(part: str) -> str:
    return "".join(_CHARACTER_CLASS.get(_SAME_CHARACTER.get(c, ""), "") or re.escape(c) for c in part)


def phrases(words, typographic: bool = False) -> str:
    """A regex alternation of phrases, longest first so "more than" wins over "more"; spaces match any
    run; with `typographic`, an apostrophe or a hyphen any of its typographic forms (`fold` them to
    look a match up)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    escape = _phrase_part if typographic else re.escape
    alternation = "|".join(r"\s+".join(escape(part) for part in w.split()) for w in ordered)
    if not all(w.strip() for w in ordered) or not any(w.strip()[0].isalpha() for w in ordered):
        return alternation  # phrases opening with punctuation: the regex engine already skips to those
    # A lookahead for the possible first letters lets a search reject most positions at once instead
    # of trying every phrase there (many times faster under IGNORECASE).
    return f"(?=[{initials(ordered)}])(?:{alternation})"


def initials(words) -> str:
    """The characters the phrases open with, escaped for a character class."""
    return "".join(sorted({re.escape(w.strip()[0]) for w in words if w.strip()}))


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def title_cased(line: str, share: float, least: int) -> bool:
    """Whether at least `share` of the line's words of four letters or more, and `least` of them or more,
    open with a capital ("Storm Kills 12 in Coastal Towns, Officials Say")."""
    words = _LONG_WORD.findall(line)
    return len(words) >= least and sum(w[0].isupper() for w in words) >= share * len(words)


def word_set(words) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


_OPENERS = "([{\"'“‘"


class Tail:
    """The last words of the text before a figure, casefolded, opening brackets and quotes dropped
    (a symbol glued to the figure, "$" of "$5", is a word of its own), and their joined endings."""

    __slots__ = ("words", "endings")

    def __init__(self, words: list[str]):
        self.words = words
        # endings[n - 1] is the last n words joined: every phrase table probes these, so join once.
        self.endings = [" ".join(words[-n:]) for n in range(1, len(words) + 1)]

    @classmethod
    def of(cls, before: str, count: int = 6) -> "Tail":
        return cls([w.lstrip(_OPENERS) for w in before.casefold().split()[-count:]])

    def without_last(self, n: int) -> "Tail":
        return Tail(self.words[:-n])


class PhraseTable:
    """Phrases looked up as the last words before a figure: a dictionary probe per length, no scan."""

    def __init__(self, entries: dict[str, str]):
        self.entries = {" ".join(k.casefold().split()): v for k, v in entries.items()}
        self.longest = max((k.count(" ") + 1 for k in self.entries), default=0)

    @classmethod
    def of(cls, words, value: str = "") -> "PhraseTable":
        return cls({w: value or w for w in words})

    def ending(self, tail: Tail) -> tuple[str, int] | None:
        """(value, how many words) of the longest phrase the tail ends with, or None."""
        endings = tail.endings
        for n in range(min(self.longest, len(endings)), 0, -1):
            value = self.entries.get(endings[n - 1])
            if value is not None:
                return value, n
        return None


@dataclass(frozen=True)
class Language:
    code: str
    data: dict

    def __getitem__(self, key: str) -> dict:
        return self.data[key]


@lru_cache(maxsize=8)
def load_language(code: str = "en") -> Language:
    path = LANG_DIR / f"{code}.toml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in LANG_DIR.glob("*.toml")))
        raise FigcheckError(f"no language data for '{code}' (known: {known}); set workspace.language")
    return Language(code=code, data=tomllib.loads(path.read_text(encoding="utf-8")))
