"""Who a figure is about: a gazetteer built from figcheck.toml, and the context it falls back on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from figcheck.claims.config import Config
from figcheck.claims.extraction.language import phrases

# What joins the members of a listed set: "Chad, Mali, Niger, and Sudan".
_LIST_JOIN = re.compile(r"^(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+|[ \t]*&[ \t]*|,?[ \t]+as well as[ \t]+)$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    codes: frozenset[str]

    @property
    def entity(self) -> str:
        return "+".join(sorted(self.codes))


@dataclass(frozen=True)
class Gazetteer:
    pattern: re.Pattern | None
    codes: dict[str, frozenset[str]]   # form as written -> member codes (one for a country)

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Entity mentions in [start, end), with listed sets merged into one group mention."""
        if self.pattern is None:
            return []
        found: list[Mention] = []
        for m in self.pattern.finditer(text, start, end):
            codes = self.codes[" ".join(m.group().split())]  # a form may wrap across a line
            if found and _LIST_JOIN.match(text[found[-1].end:m.start()]):
                last = found.pop()
                found.append(Mention(last.start, m.end(), last.codes | codes))
                continue
            found.append(Mention(m.start(), m.end(), codes))
        return found


def build_gazetteer(config: Config) -> Gazetteer:
    codes: dict[str, frozenset[str]] = {}
    for code, entity in config.entities.items():
        for form in [entity["name"], *entity["forms"]]:
            codes.setdefault(" ".join(form.split()), frozenset([code]))
    for group in config.groups.values():
        for form in group["forms"]:
            codes.setdefault(" ".join(form.split()), frozenset(group["members"]))
    if not codes:
        return Gazetteer(None, {})
    # Proper names: matched as written, whole words only ("Sudan" inside "South Sudanese" is not a match).
    return Gazetteer(re.compile(rf"(?<![\w-])(?:{phrases(codes)})(?![\w])"), codes)


def nearest(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention closest to a figure at [start, end); one before it wins a tie."""
    best, best_distance = None, None
    for m in mentions:
        distance = start - m.end if m.end <= start else m.start - end
        if distance < 0:
            distance = 0
        if best_distance is None or distance < best_distance:
            best, best_distance = m, distance
    return best
