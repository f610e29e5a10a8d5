"""Whether a figure is a running total, one event or a state at one time: the metric's kind, then cues."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import load_language, phrases
from figcheck.claims.model import SCOPES


@dataclass(frozen=True)
class ScopeCues:
    cues: dict[str, re.Pattern]   # scope -> its cue words


@lru_cache(maxsize=8)
def scope_cues(code: str = "en") -> ScopeCues:
    scope = load_language(code)["scope"]
    return ScopeCues({name: re.compile(rf"(?i:(?<![\w-])(?:{phrases(scope[name])})(?![\w-]))")
                      for name in SCOPES})


class CueIndex:
    """Where each scope's cues occur in a text, found once, looked up per sentence."""

    def __init__(self, text: str, cues: ScopeCues):
        self.starts = {name: [m.start() for m in pattern.finditer(text)] for name, pattern in cues.cues.items()}

    def within(self, start: int, end: int) -> frozenset[str]:
        found = []
        for name, starts in self.starts.items():
            i = bisect.bisect_left(starts, start)
            if i < len(starts) and starts[i] < end:
                found.append(name)
        return frozenset(found)


def decide(metric_scope: str, cues: frozenset[str]) -> str:
    """A cumulative metric counted for one operation is an event; otherwise the metric's own scope
    holds, and a figure of no configured scope takes the sentence's cue (running total first)."""
    if metric_scope == "cumulative" and "event" in cues and "cumulative" not in cues:
        return "event"
    if metric_scope:
        return metric_scope
    for name in SCOPES:
        if name in cues:
            return name
    return ""
