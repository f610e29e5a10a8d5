"""Language data (claims/lang/<code>.toml) turned into compiled patterns, once per language."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claims.errors import FigcheckError

SPACE = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # blanks, or one line break of hard-wrapped text
LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


def phrases(words) -> str:
    """A regex alternation of phrases, longest first so "more than" wins over "more"; spaces match any run."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def word_set(words) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


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
