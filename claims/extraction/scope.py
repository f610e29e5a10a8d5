"""Whether a figure is a running total, one event or a state at one time (its own clause's cues, then
the metric's configured scope), and whether it covers only part of its entity."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.extraction.language import load_language, phrases


@dataclass(frozen=True)
class ScopeCues:
    cues: dict[str, re.Pattern]   # scope -> its cue words; "previous" -> words standing for a time named
                                  # before ("during the same period")


@lru_cache(maxsize=8)
def scope_cues(code: str = "en", extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> ScopeCues:
    """The language's cues for each scope, with the workspace's own (`[scope]` of figcheck.toml) added."""
    scope = load_language(code)["scope"]
    added = dict(extra)
    cues = {name: rf"(?<![\w-])(?:{phrases([*scope[name], *added.get(name, ())])})(?![\w-])"
            for name in ("cumulative", "event", "snapshot", "total")}
    act = (rf"(?<![\w-])(?:{phrases(scope['event_act_articles'])})\s+(?:[\w-]+\s+){{0,3}}?"
           rf"(?:{phrases(scope['event_acts'])})(?![\w-])")
    cues["event"] = f"{cues['event']}|{act}"
    cues["act"] = act  # one act of force alone: it makes a sentence's running measures its own
    cues["previous"] = rf"(?<![\w-])(?:{phrases(scope['previous'])})(?![\w-])"
    return ScopeCues({name: re.compile(f"(?i:{pattern})") for name, pattern in cues.items()})


class CueIndex:
    """Where each scope's cues occur in a text, found once, looked up per sentence."""

    def __init__(self, text: str, cues: ScopeCues):
        self.starts = {name: [m.start() for m in pattern.finditer(text)] for name, pattern in cues.cues.items()}

    def last_before(self, pos: int, reach: int) -> frozenset[str]:
        """The scope cue nearest before pos, no further back than `reach` characters ("previous" aside)."""
        best, at = "", pos - reach
        for name, starts in self.starts.items():
            i = bisect.bisect_left(starts, pos) - 1
            if name not in ("previous", "act") and i >= 0 and starts[i] >= at:
                best, at = name, starts[i]
        return frozenset({best}) if best else frozenset()

    def within(self, start: int, end: int) -> frozenset[str]:
        found = []
        for name, starts in self.starts.items():
            i = bisect.bisect_left(starts, start)
            if i < len(starts) and starts[i] < end:
                found.append(name)
        return frozenset(found)


def decide(metric_scope: str, own: frozenset[str], sentence: frozenset[str] = frozenset()) -> str:
    """The scope the figure's own clause says ("a single flight": event; "since": cumulative;
    "remain": snapshot), else the metric's configured scope, else the rest of the sentence's cue.
    Where cues disagree, a running total wins over an event, an event over a snapshot. Words of
    summing ("in total", "a total of") say a running total only where nothing else decides:
    "90 delegates in total" sums one meeting's delegates."""
    for cues in (own - {"total"}, frozenset({metric_scope}) if metric_scope else frozenset(), sentence):
        for name in ("cumulative", "event", "snapshot"):
            if name in cues:
                return name
    return "cumulative" if "total" in own | sentence else ""


@dataclass(frozen=True)
class IncrementCues:
    before: re.Pattern  # ends right before the figure
    after: re.Pattern   # a word of the figure's noun phrase
    next_word: re.Pattern  # the word right after the figure: "six more people"
    lead: re.Pattern       # earlier in the sentence: "the distribution of new infections: ..."


@lru_cache(maxsize=8)
def increment_cues(code: str = "en") -> IncrementCues:
    scope = load_language(code)["scope"]
    after = phrases(scope["increment_after"])
    return IncrementCues(re.compile(rf"(?i:(?<![\w-])(?:{phrases(scope['increment_before'])})\s+$)"),
                         re.compile(rf"(?i:(?<![\w-])(?:{after})(?![\w-]))"),
                         re.compile(rf"(?i:\s+(?:{after})(?![\w-]))"),
                         re.compile(rf"(?i:(?<![\w-])(?:{phrases(scope['increment_lead'])})(?![\w-]))"))


def is_increment(text: str, start: int, end: int, noun_end: int, cues: IncrementCues, lead_from: int = -1) -> bool:
    """Whether the figure at [start, end), whose noun phrase ends at `noun_end` (or -1), is an increment:
    "another 1,424", "399 new cases", "six more people"; or, with `lead_from` (where its sentence
    starts), a figure after an increment word of its sentence ("Of the new hospitalisations, 741 ...")."""
    if 0 <= lead_from < start and cues.lead.search(text, lead_from, start):
        return True
    if cues.before.search(text, max(0, start - 24), start):
        return True
    if cues.next_word.match(text, end):
        return True
    return noun_end > end and cues.after.search(text, end, noun_end) is not None


@lru_cache(maxsize=8)
def coverage_pattern(code: str = "en") -> re.Pattern:
    """"in camps", "in government-held areas", "in seven districts": a figure for part of its entity."""
    data = load_language(code)["coverage"]
    return re.compile(rf"(?i:(?<![\w-])(?:{phrases(data['prepositions'])})(?:\s+[\w-]+){{0,{int(data['reach'])}}}?"
                      rf"\s+(?:{phrases(data['nouns'])})(?![\w-]))")


def partial_coverage(text: str, runs, pattern: re.Pattern) -> str:
    """The phrase that makes the figure cover part of its entity in its own clause, or ""."""
    for start, end in runs:
        m = pattern.search(text, start, end)
        if m:
            return " ".join(m.group().split())
    return ""
