"""Who a figure is about: the gazetteer's forms as one pattern, and the context a figure falls back on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.config import Config
from figcheck.claims.extraction.language import load_language, phrases
from figcheck.claims.gazetteer import places

# What joins the members of a listed set: "Chad, Mali, Niger, and Sudan".
# A member may keep its abbreviation in brackets and the next open with "the": "Chad, the Central
# African Republic (CAR) and Egypt".
_LIST_JOIN = re.compile(r"^(?:[ \t]*\([A-Z.]{2,8}\))?(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+"
                        r"|[ \t]*&[ \t]*|,?[ \t]+as well as[ \t]+)(?:the[ \t]+)?$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    codes: frozenset[str]
    declared: bool = True  # a place figcheck.toml names, not only the built-in gazetteer
    listed: tuple[str, ...] = ()  # a listed set's members in the order written: "Chad and Mali" -> TD, ML

    @property
    def entity(self) -> str:
        return "+".join(sorted(self.codes))


@dataclass(frozen=True)
class Gazetteer:
    pattern: re.Pattern | None
    codes: dict[str, frozenset[str]]   # form as written -> member codes (one for a country)
    declared: frozenset[str] = frozenset()  # the forms figcheck.toml gives
    # "the province of X": a built-in country's name there names a part of another country (the
    # province of Équateur is no Ecuador). "X state" is not tested: "Iranian territory" is Iran's.
    before_part: re.Pattern | None = None

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Entity mentions in [start, end), with listed sets merged into one group mention."""
        if self.pattern is None:
            return []
        found: list[Mention] = []
        for m in self.pattern.finditer(text, start, end):
            form = " ".join(m.group().split())  # a form may wrap across a line
            codes, declared = self.codes[form], form in self.declared
            if not declared and self._names_a_part(text, m.start()):
                continue
            if found and _LIST_JOIN.match(text[found[-1].end:m.start()]):
                last = found.pop()
                found.append(Mention(last.start, m.end(), last.codes | codes, last.declared or declared,
                                     (*last.listed, "+".join(sorted(codes)))))
                continue
            found.append(Mention(m.start(), m.end(), codes, declared, ("+".join(sorted(codes)),)))
        return found


    def _names_a_part(self, text: str, start: int) -> bool:
        return bool(self.before_part and self.before_part.search(text, max(0, start - 40), start))


def build_gazetteer(config: Config) -> Gazetteer:
    """The workspace's places (figcheck.claims.gazetteer: built-in countries and regions, its own
    entities and groups first) as one pattern."""
    known = places(config)
    if not known.forms:
        return Gazetteer(None, {})
    parts = phrases(load_language(config.language or "en")["syntax"]["place_nouns"])
    # Proper names: matched as written, whole words only ("Niger" inside "Nigeria" is not a match).
    return Gazetteer(re.compile(rf"(?<![\w-])(?:{phrases(known.forms)})(?![\w])"), known.forms, known.declared,
                     re.compile(rf"(?i:(?<![\w-])(?:{parts})\s+of\s+(?:the\s+)?$)"))


def respective(text: str, start: int, end: int, figures: list[tuple[int, int]], mentions: list[Mention],
               code: str = "en") -> dict[int, str]:
    """{figure index: place} for a sentence [start, end) that says "respectively": coordinated figures
    ("16 and 12 seats", "80% and 84%") take, in order, the members of the listed set of as many places
    nearest to them ("won 16 and 12 seats in Chad and Mali, respectively")."""
    found: dict[int, str] = {}
    if not _respectively(code).search(text, start, end):
        return found
    run = [0]
    for i in range(1, len(figures) + 1):
        if i < len(figures) and _LIST_JOIN.match(text[figures[i - 1][1]:figures[i][0]]):
            run.append(i)
            continue
        sets = [m for m in mentions if len(m.listed) == len(run)] if len(run) > 1 else []
        chosen = nearest(sets, figures[run[0]][0], figures[run[-1]][1])
        if chosen:
            found.update(zip(run, chosen.listed))
        run = [i]
    return found


def exemplified(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions that a word such as "including" or "such as" opens, possibly after a preposition
    and "the" ("..., including to Egypt, Chad"): examples of a noun before them."""
    pattern = _examples(code)
    return [m for m in mentions if pattern.search(text, max(start, m.start - 40), m.start)]


@lru_cache(maxsize=4)
def _examples(code: str) -> re.Pattern:
    words = phrases(load_language(code)["entity"]["examples"])
    return re.compile(rf"(?i)(?<!\w)(?:{words})\s+(?:(?:in|into|to)\s+)?(?:the\s+)?$")


@lru_cache(maxsize=4)
def _respectively(code: str) -> re.Pattern:
    return re.compile(rf"(?i)(?<!\w)(?:{phrases(load_language(code)['syntax']['respectively'])})(?!\w)")


def nearest(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention closest to a figure at [start, end); one before it wins a tie. Where a workspace
    declares entities, the places it declares are its subjects: another place named beside one
    ("returned from Syria") is context, and counts only in sentences that name none of them."""
    best, best_distance = None, None
    for m in [m for m in mentions if m.declared] or mentions:
        distance = start - m.end if m.end <= start else m.start - end
        if distance < 0:
            distance = 0
        if best_distance is None or distance < best_distance:
            best, best_distance = m, distance
    return best


def currency_country(iso: str) -> str:
    """The one country a currency (ISO 4217) is legal tender in today, by Babel's CLDR data: "NGN" ->
    "NG"; "" for a currency several territories use ("USD", "EUR", "XOF")."""
    return _national_currencies().get(iso, "")


@lru_cache(maxsize=1)
def _national_currencies() -> dict[str, str]:
    from babel.core import get_global

    users: dict[str, set[str]] = {}
    for territory, used in get_global("territory_currencies").items():
        for iso, _, until, tender in used:
            if until is None and tender:
                users.setdefault(iso, set()).add(territory)
    return {iso: territories.pop() for iso, territories in users.items() if len(territories) == 1}
