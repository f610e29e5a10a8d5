"""The time of day a figure is stated for, when its sentence gives one: "by 6 pm" -> 18:00,
"at 14:00 GMT" -> 14:00, "on Friday night" -> 22:00 (parts of the day stand for the hour
`claims/lang/<code>.toml [clock]` gives them). The time nearest the figure wins; zones are dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import load_language, phrases


@dataclass(frozen=True)
class ClockPatterns:
    clock: re.Pattern
    named: re.Pattern
    parts: dict[str, str]
    hours: dict[str, str]


@lru_cache(maxsize=8)
def clock_patterns(code: str = "en") -> ClockPatterns:
    data = load_language(code)["clock"]
    am, pm, zones = phrases(data["am"]), phrases(data["pm"]), phrases(data["zones"])
    clock = re.compile(
        rf"(?<![\w.:,])(?:(?P<h>1[0-2]|0?\d)(?:[:.](?P<m>[0-5]\d))?[ \t]*(?:(?P<am>{am})|(?P<pm>{pm}))(?![\w])"
        rf"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d])"
        rf"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)[ \t]*(?:{zones})(?![\w]))",
        re.IGNORECASE)
    parts = {k.casefold(): v for k, v in data["parts"].items()}
    hours = {k.casefold(): v for k, v in data["hours"].items()}
    named = re.compile(rf"\b(?:(?:{phrases(data['day_words'])})\s+(?P<part>{phrases(parts)})|(?P<hour>{phrases(hours)}))\b",
                       re.IGNORECASE)
    return ClockPatterns(clock, named, parts, hours)


def _hhmm(match: re.Match, patterns: ClockPatterns) -> str:
    if match.re is patterns.named:
        part = match.group("part")
        return patterns.parts[part.casefold()] if part else patterns.hours[match.group("hour").casefold()]
    if match.group("h24"):
        return f"{int(match.group('h24')):02d}:{match.group('m24')}"
    if match.group("h4"):
        return f"{match.group('h4')}:{match.group('m4')}"
    hour = int(match.group("h")) % 12 + (12 if match.group("pm") else 0)
    return f"{hour:02d}:{match.group('m') or '00'}"


def time_of_day(text: str, start: int, end: int, figure_start: int, figure_end: int, code: str = "en") -> str:
    """"HH:MM" of the time expression in text[start:end] nearest the figure at
    [figure_start, figure_end), or "" when the sentence states none. The figure itself is never its time."""
    patterns = clock_patterns(code)
    best, distance = "", None
    for pattern in (patterns.clock, patterns.named):
        for match in pattern.finditer(text, start, end):
            if match.start() < figure_end and figure_start < match.end():
                continue
            gap = figure_start - match.end() if match.end() <= figure_start else match.start() - figure_end
            if distance is None or gap < distance:
                best, distance = _hhmm(match, patterns), gap
    return best
