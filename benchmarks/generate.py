"""Deterministic synthetic workspaces of any size, for measuring figcheck's speed and correctness.

    python benchmarks/generate.py OUT --claims 10000 --seed 1

writes into OUT:
- `figcheck.toml`: an invented vocabulary (countries, regional groups, metric families with their
  breakdowns) and the reconciliation rules;
- `sources.csv` and `sources/`: documents written from varied English sentence templates and
  Markdown tables, with distractor numbers (years, dates, decree numbers, phone numbers, list
  numbering) that are not claims;
- `gold.claims.csv`: every figure written, in the format of `tests/data/gold/seeds.claims.csv`;
- `contradictions.csv`: the planted contradictions, each with the source, line, span and value
  written and the true value.

`claims_table(n, seed)` returns the claims table of such a workspace directly (a frame with
`figcheck.claims.model.CLAIM_COLUMNS`, valid against `figcheck.checks.schemas.Claim`), its sources and its `Config`,
without writing documents: the check benchmark uses it at 10^4 to 10^6 claims.

The same seed gives byte-identical output: all randomness comes from one `random.Random(seed)` and
nothing depends on hash order. The world behind the documents is consistent (cumulative series
never shrink, parts add up, groups sum their members); only the planted figures break it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from figcheck.claims.atomic import write_atomic
from figcheck.claims.config import Config, parse_config
from figcheck.claims.ids import claim_id, normalise_quote
from figcheck.claims.model import CLAIM_COLUMNS, SOURCE_COLUMNS

GOLD_COLUMNS = ["source_id", "line", "surface", "value", "qualifier", "entity", "metric", "scope",
                "period_start", "period_end", "required", "note"]
MANIFEST_COLUMNS = ["contradiction_id", "kind", "source_id", "file", "line", "char_start", "char_end",
                    "text", "value", "true_value", "entity", "metric", "scope", "period_start",
                    "period_end", "claim_id"]
APPROX_TOLERANCE = 0.05
CHECKPOINT_MONTHS = 3  # the world's series advance by quarters

# ---------------------------------------------------------------------------------------------
# Vocabulary: invented countries and groups, and a fixed set of metric families.

_ROOTS = ["Vel", "Mar", "Tor", "Kes", "Bran", "Dul", "Ost", "Fen", "Gar", "Hal", "Isk", "Jor", "Lun",
          "Nev", "Pol", "Quar", "Rav", "Sol", "Tam", "Ulm", "Var", "Wen", "Yar", "Zel", "Cor", "Ald"]
_LINKS = ["", "a", "o", "e", "i", "an", "or", "el", "ur", "in"]
_ENDINGS = [("ia", "ian"), ("ova", "ovan"), ("istan", "istani"), ("esh", "eshi"), ("and", "andic"),
            ("ora", "oran")]
_CITY_ENDINGS = ["grad", "port", "holm", "ford", "abad", "mouth"]
_GROUP_WORDS = ["Amber", "Cobalt", "Juniper", "Saffron", "Basalt", "Heron", "Granite", "Willow",
                "Falcon", "Coral", "Ember", "Lantern"]
_PUBLISHERS = [("Relief Monitor", 1.0), ("Harbour Wire", 0.8), ("Field Bulletin", 0.9),
               ("Open Ledger Institute", 1.2)]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


@dataclass(frozen=True)
class Entity:
    code: str
    name: str
    adjective: str
    city: str

    @property
    def forms(self) -> list[str]:
        return [self.name, self.adjective, self.adjective + "s"]


@dataclass(frozen=True)
class Group:
    key: str
    word: str
    members: tuple[str, ...]  # entity codes, sorted

    @property
    def entity(self) -> str:
        return "+".join(self.members)

    @property
    def forms(self) -> list[str]:
        return [f"{self.word} Compact states", f"{self.word} Compact countries"]


@dataclass(frozen=True)
class Family:
    """A cumulative metric whose parts add up to it (and optionally a subset of one part)."""

    name: str
    nouns: tuple[str, ...]         # words for the total
    verbs: tuple[str, ...]         # past participles: the predicate that says what was counted
    parts: tuple[str, ...]         # part nouns; metric names are f"{name}.{noun}"
    rel: str                       # "of whom" for people, "of which" for things
    step: tuple[int, int]          # range of a part's increase per quarter
    subset: tuple[str, str] = ("", "")  # (subset noun, the part noun it is a subset of)


FAMILIES = (
    Family("evacuees", ("evacuees", "people", "persons"), ("evacuated", "relocated"),
           ("women", "men", "children"), "of whom", (0, 140), ("infants", "children")),
    Family("facilities", ("facilities", "sites"), ("built", "rebuilt", "opened"),
           ("clinics", "schools", "wells"), "of which", (0, 9)),
    Family("trainees", ("trainees", "professionals"), ("trained", "certified"),
           ("nurses", "teachers", "volunteers"), "of whom", (0, 60)),
    Family("livestock", ("animals", "head of livestock"), ("vaccinated", "treated"),
           ("cattle", "sheep", "goats"), "of which", (20, 900)),
)
MISSIONS = "missions"          # a cumulative count that also keys the cohort rule
ATTENDEES = "attendees"        # an event metric with a female/male split
COVERAGE = "coverage_pct"      # a percentage snapshot
_EVENTS = ["workshop", "conference", "round table", "training session", "donor meeting"]


def _metric(family: Family, noun: str = "") -> str:
    return f"{family.name}.{noun}" if noun else family.name


def _invent_entities(rng: random.Random, count: int) -> list[Entity]:
    names = [(r, link, end) for r in _ROOTS for link in _LINKS for end in _ENDINGS]
    rng.shuffle(names)
    used_forms: set[str] = set()
    used_codes: set[str] = set()
    entities = []
    for root, link, (ending, adj_ending) in names:
        if len(entities) == count:
            break
        stem = root + link
        name, adjective = stem + ending, stem + adj_ending
        forms = {name, adjective, adjective + "s"}
        if forms & used_forms:
            continue
        letters = [c for c in name.upper() if c.isalpha()]
        candidates = [letters[0] + c for c in letters[1:]] + [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                              for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        code = next(c for c in candidates if c not in used_codes)
        used_codes.add(code)
        used_forms |= forms
        entities.append(Entity(code, name, adjective, root + rng.choice(_CITY_ENDINGS)))
    if len(entities) < count:
        raise ValueError(f"the name generator runs out at {len(entities)} entities")
    return entities


# ---------------------------------------------------------------------------------------------
# The world: the true figures behind every document.

@dataclass
class Checkpoint:
    total: int
    parts: tuple[int, ...]
    subset: int


@dataclass
class Event:
    date: tuple[int, int, int]
    kind: str
    female: int
    male: int


def _month_add(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


class World:
    """Entities, groups and, per entity, a quarterly cumulative series per family."""

    def __init__(self, n_claims: int, rng: random.Random):
        n_entities = min(600, max(6, round(math.sqrt(n_claims) / 1.7)))
        self.n_checkpoints = min(48, max(4, math.ceil(n_claims / (60 * n_entities))))
        self.entities = _invent_entities(rng, n_entities)
        self.by_code = {e.code: e for e in self.entities}
        self.groups = self._make_groups(rng)
        self.group_of = {code: g for g in self.groups for code in g.members}
        # Each family's programme starts in its own month; checkpoints are shared by all entities,
        # so a group's figure at a checkpoint is the sum of its members'.
        self.start = {f.name: _month_add(2015, 1, 2 * i) for i, f in enumerate(FAMILIES)}
        self.start[MISSIONS] = self.start[FAMILIES[0].name]
        self.series: dict[tuple[str, str], list[Checkpoint]] = {}
        self.missions: dict[str, list[int]] = {}
        self.coverage: dict[str, list[float]] = {}
        self.events: dict[str, list[Event]] = {}
        for entity in self.entities:
            for family in FAMILIES:
                self.series[entity.code, family.name] = self._series(rng, family)
            count, self.missions[entity.code] = 0, []
            for _ in range(self.n_checkpoints):
                count += rng.randint(1, 2)  # strictly increasing: one count names one cohort
                self.missions[entity.code].append(count)
            level, self.coverage[entity.code] = rng.uniform(10, 40), []
            for _ in range(self.n_checkpoints):
                level = min(99.5, level + rng.uniform(0, 4))
                self.coverage[entity.code].append(round(level, 1))
            self.events[entity.code] = [
                Event(self._day(rng), rng.choice(_EVENTS), rng.randint(5, 160), rng.randint(5, 160))
                for _ in range(max(2, self.n_checkpoints // 2))
            ]

    def _make_groups(self, rng: random.Random) -> list[Group]:
        codes = [e.code for e in self.entities]
        groups, i = [], 0
        while len(codes) - i >= 3:
            size = min(rng.randint(3, 5), len(codes) - i)
            if len(codes) - i - size < 3:
                size = len(codes) - i
            word = _GROUP_WORDS[len(groups) % len(_GROUP_WORDS)]
            if len(groups) >= len(_GROUP_WORDS):
                word += f" {len(groups) // len(_GROUP_WORDS) + 1}"
            groups.append(Group(f"compact-{len(groups) + 1}", word, tuple(sorted(codes[i:i + size]))))
            i += size
        return groups

    def _series(self, rng: random.Random, family: Family) -> list[Checkpoint]:
        parts = [0] * len(family.parts)
        subset = 0
        out = []
        sub_index = family.parts.index(family.subset[1]) if family.subset[0] else -1
        for _ in range(self.n_checkpoints):
            steps = [rng.randint(*family.step) for _ in parts]
            parts = [p + s for p, s in zip(parts, steps)]
            if sub_index >= 0:
                subset += rng.randint(0, steps[sub_index] // 3)
            out.append(Checkpoint(sum(parts), tuple(parts), subset))
        return out

    def _day(self, rng: random.Random) -> tuple[int, int, int]:
        year, month = _month_add(*self.start[FAMILIES[0].name], rng.randrange(self.n_checkpoints * 3))
        return year, month, rng.randint(1, 28)

    def period_end(self, family: str, k: int) -> tuple[int, int]:
        return _month_add(*self.start[family], CHECKPOINT_MONTHS * (k + 1))


# ---------------------------------------------------------------------------------------------
# Figures and text: a sentence is a list of segments, plain strings and Figs.

@dataclass
class Fig:
    text: str            # the figure as written
    value: float         # the value written (a planted figure differs from the truth)
    true_value: float
    qualifier: str
    surface: str         # the figure with its noun, as a reader would quote it
    entity: str
    metric: str
    scope: str
    period_start: str
    period_end: str
    kind: str = "count"
    unit: str = ""
    total: Fig | None = None  # the total this figure is a part of
    planted: str = ""         # kind of planted contradiction, or ""
    note: str = ""


@dataclass
class Placed:
    fig: Fig
    line: int
    char_start: int
    char_end: int
    quote: str


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")


def _digits(rng: random.Random, n: int) -> str:
    text = f"{n:,}"
    if n >= 10000 and rng.random() < 0.15:
        text = text.replace(",", " ")
    return text


def _month(ym: tuple[int, int]) -> str:
    return f"{_MONTHS[ym[1] - 1]} {ym[0]}"


def _iso(ym: tuple[int, ...]) -> str:
    return "-".join([f"{ym[0]:04d}"] + [f"{x:02d}" for x in ym[1:]])


def _compose(*segments) -> list:
    """Join segments, merging adjacent strings; a sentence-initial number word is capitalised."""
    out: list = []
    for seg in segments:
        if isinstance(seg, list):
            out.extend(seg)
        elif seg != "":
            out.append(seg)
    if out and isinstance(out[0], Fig) and out[0].text[:1].isalpha():
        out[0].text = out[0].text[:1].upper() + out[0].text[1:]
        out[0].surface = out[0].surface[:1].upper() + out[0].surface[1:]
    return out


class Writer:
    """Renders the statements of one source and tracks where every figure lands."""

    def __init__(self, world: World, rng: random.Random):
        self.world = world
        self.rng = rng

    # -- numbers ------------------------------------------------------------------------------
    def count(self, value: int, noun: str, *, entity: str, metric: str, scope: str, start: str,
              end: str, qualify: bool = False, words: bool = True, noun_after: bool = True,
              note: str = "") -> tuple[Fig, list]:
        """A count with its noun; `qualify` lets it be stated as a bound or an approximation."""
        rng = self.rng
        qualifier, stated, lead = "eq", value, ""
        if qualify and value >= 30 and rng.random() < 0.45:
            choice = rng.random()
            magnitude = 10 ** max(1, len(str(value)) - 2)
            if choice < 0.4:
                stated, qualifier = (value - 1) // magnitude * magnitude, "gt"
                lead = rng.choice(["more than ", "over "])
            elif choice < 0.6:
                stated, qualifier = value // magnitude * magnitude, "ge"
                lead = "at least "
            else:
                stated = round(value / magnitude) * magnitude
                if abs(stated - value) <= APPROX_TOLERANCE * stated:
                    qualifier = "approx"
                    lead = rng.choice(["about ", "around ", "approximately ", "some ", "an estimated "])
                else:
                    stated = value
        if words and 1 < value < 100 and qualifier == "eq" and rng.random() < 0.2:
            text = number_words(value)
        elif qualifier == "ge" and rng.random() < 0.5:
            text, lead = _digits(rng, stated) + "+", ""
        else:
            text = _digits(rng, stated)
        fig = Fig(text, float(stated), float(stated), qualifier, "", entity, metric, scope, start, end,
                  unit=noun, note=note)
        if noun_after:
            fig.surface = f"{lead}{text} {noun}"
            return fig, [lead, fig, f" {noun}"]
        fig.surface = f"{noun} ({text})"
        return fig, [f"{noun} (", fig, ")"]

    # -- statements ---------------------------------------------------------------------------
    def breakdown(self, entity: Entity, family: Family, k: int, plant: str = "") -> tuple[list, list[Fig]]:
        """A total with all its parts in one sentence (a planted figure breaks the sum)."""
        rng, w = self.rng, self.world
        point = w.series[entity.code, family.name][k]
        start, end = w.start[family.name], w.period_end(family.name, k)
        iso = dict(entity=entity.code, scope="cumulative", start=_iso(start), end=_iso(end))
        noun = rng.choice(family.nouns)
        total, total_segs = self.count(point.total, noun, metric=family.name, words=False, **iso,
                                       note="breakdown total")
        parts, part_segs = [], []
        parenthesised = rng.random() < 0.3
        order = list(range(len(family.parts)))
        rng.shuffle(order)
        for i in order:
            fig, segs = self.count(point.parts[i], family.parts[i], metric=_metric(family, family.parts[i]),
                                   noun_after=not parenthesised, words=not parenthesised, **iso,
                                   note="breakdown part")
            fig.total = total
            parts.append(fig)
            part_segs.append(segs)
        if plant == "total":
            _perturb(rng, total, "total")
        elif plant == "parts":
            _perturb(rng, rng.choice(parts), "parts")
        listing = []
        for i, segs in enumerate(part_segs):
            sep = "" if i == 0 else (" and " if i == len(part_segs) - 1 else ", ")
            listing += [sep] + segs
        verb = rng.choice(family.verbs)
        name = entity.name
        missions = None
        template = rng.randrange(6)
        if template == 0:
            sentence = _compose(f"Between {_month(start)} and {_month(end)}, {name} {verb} ", total_segs,
                                f", {family.rel} ", listing, ".")
        elif template == 1:
            sentence = _compose(f"As of {_month(end)}, ", total_segs, f" had been {verb} in {name} since "
                                f"{_month(start)}: ", listing, ".")
        elif template == 2:
            sentence = _compose(f"{entity.adjective} officials said that ", total_segs,
                                f" have been {verb} since {_month(start)}, including ", listing,
                                f", according to figures for the period ending {_month(end)}.")
        elif template == 3:
            sentence = _compose(f"From {_month(start)} to the end of {_month(end)}, a total of ", total_segs,
                                f" were {verb} in {name} (", listing, ").")
        elif template == 4 and family is FAMILIES[0]:
            missions, m_segs = self.count(w.missions[entity.code][k], rng.choice(["missions", "convoys"]),
                                          metric=MISSIONS, **iso, note="missions")
            sentence = _compose("In ", m_segs, f" carried out between {_month(start)} and {_month(end)}, "
                                f"{name} {verb} ", total_segs, f", {family.rel} ", listing, ".")
        else:
            sentence = _compose(f"The {entity.adjective} programme had {verb} ", total_segs, " by ",
                                _month(end), f" since it began in {_month(start)}. Of these, ", listing,
                                ".")
        figs = [total] + parts + ([missions] if missions else [])
        return sentence, figs

    def single(self, entity: Entity, family: Family, k: int, noun_index: int = -1) -> tuple[list, list[Fig]]:
        """One figure of a series (the total or one part), often qualified."""
        rng, w = self.rng, self.world
        point = w.series[entity.code, family.name][k]
        start, end = w.start[family.name], w.period_end(family.name, k)
        if noun_index < 0:
            value, noun, metric = point.total, rng.choice(family.nouns), family.name
        else:
            value, noun = point.parts[noun_index], family.parts[noun_index]
            metric = _metric(family, noun)
        fig, segs = self.count(value, noun, entity=entity.code, metric=metric, scope="cumulative",
                               start=_iso(start), end=_iso(end), qualify=True, note="single")
        verb = rng.choice(family.verbs)
        template = rng.randrange(4)
        if template == 0:
            sentence = _compose(f"By {_month(end)}, {entity.name} had {verb} ", segs, f" since {_month(start)}.")
        elif template == 1:
            sentence = _compose(f"Since {_month(start)}, ", segs, f" have been {verb} in {entity.name}, "
                                f"the figures for {_month(end)} show.")
        elif template == 2:
            sentence = _compose(f"The number of {noun} {verb} in {entity.name} since {_month(start)} reached ",
                                segs, f" as of {_month(end)}.")
        else:
            sentence = _compose(f"According to the {entity.adjective} ministry, ", segs,
                                f" were {verb} between {_month(start)} and {_month(end)}.")
        return sentence, [fig]

    def trend(self, entity: Entity, family: Family, k1: int, k2: int, plant: bool) -> tuple[list, list[Fig]]:
        """Two checkpoints of one series in one paragraph; a planted one shrinks."""
        rng, w = self.rng, self.world
        series = w.series[entity.code, family.name]
        start = w.start[family.name]
        noun = rng.choice(family.nouns)
        verb = rng.choice(family.verbs)
        common = dict(entity=entity.code, metric=family.name, scope="cumulative", start=_iso(start))
        first, segs1 = self.count(series[k1].total, noun, end=_iso(w.period_end(family.name, k1)),
                                  words=False, **common, note="trend")
        second, segs2 = self.count(series[k2].total, noun, end=_iso(w.period_end(family.name, k2)),
                                   words=False, **common, note="trend")
        if plant and first.value >= 1:
            drop = max(1, round(first.value * rng.uniform(0.05, 0.2)))
            _restate(rng, second, first.value - drop, "cumulative")
        elif plant:  # nothing to shrink from: state the earlier figure above the later one instead
            _restate(rng, first, second.value + max(1, round(second.value * 0.1)), "cumulative")
        sentence = _compose(f"By {_month(w.period_end(family.name, k1))}, {entity.name} had {verb} ", segs1,
                            f" since {_month(start)}. By {_month(w.period_end(family.name, k2))}, the number "
                            f"of {noun} {verb} since {_month(start)} stood at ", segs2, ".")
        return sentence, [first, second]

    def subset(self, entity: Entity, family: Family, k: int) -> tuple[list, list[Fig]]:
        rng, w = self.rng, self.world
        point = w.series[entity.code, family.name][k]
        sub_noun, of_noun = family.subset
        i = family.parts.index(of_noun)
        start, end = w.start[family.name], w.period_end(family.name, k)
        common = dict(entity=entity.code, scope="cumulative", start=_iso(start), end=_iso(end), note="subset")
        whole, segs1 = self.count(point.parts[i], of_noun, metric=_metric(family, of_noun), **common)
        part, segs2 = self.count(point.subset, sub_noun, metric=_metric(family, sub_noun), **common)
        sentence = _compose("Among the ", segs1, f" {rng.choice(family.verbs)} in {entity.name} between "
                            f"{_month(start)} and {_month(end)}, ", segs2, " were registered.")
        return sentence, [whole, part]

    def group(self, group: Group, family: Family, k: int) -> tuple[list, list[Fig]]:
        rng, w = self.rng, self.world
        value = sum(w.series[code, family.name][k].total for code in group.members)
        start, end = w.start[family.name], w.period_end(family.name, k)
        noun = rng.choice(family.nouns)
        fig, segs = self.count(value, noun, entity=group.entity, metric=family.name, scope="cumulative",
                               start=_iso(start), end=_iso(end), qualify=True, note="group")
        sentence = _compose(f"Together, the {rng.choice(group.forms)} have {rng.choice(family.verbs)} ", segs,
                            f" between {_month(start)} and {_month(end)}.")
        return sentence, [fig]

    def event(self, entity: Entity, event: Event, plant: bool) -> tuple[list, list[Fig]]:
        rng = self.rng
        y, m, d = event.date
        date = _iso(event.date)
        common = dict(entity=entity.code, scope="event", start=date, end=date)
        noun = rng.choice(["participants", "attendees", "delegates"])
        when = rng.choice([f"{d} {_MONTHS[m - 1]} {y}", f"{_MONTHS[m - 1]} {d}, {y}"])
        total, segs = self.count(event.female + event.male, noun, metric=ATTENDEES, words=False, **common,
                                 note="event")
        if rng.random() < 0.5 and not plant:
            sentence = _compose(f"On {when}, ", segs, f" took part in a {event.kind} in {entity.city}, "
                                f"{entity.name}.")
            return sentence, [total]
        female, f_segs = self.count(event.female, "women", metric=f"{ATTENDEES}.female", **common,
                                    note="event part")
        male, m_segs = self.count(event.male, "men", metric=f"{ATTENDEES}.male", **common, note="event part")
        female.total = male.total = total
        if plant:
            _perturb(rng, rng.choice([female, male]), "parts")
        sentence = _compose(f"The {event.kind} held in {entity.city}, {entity.name}, on {when} brought "
                            "together ", segs, ": ", f_segs, " and ", m_segs, ".")
        return sentence, [total, female, male]

    def coverage(self, entity: Entity, k: int) -> tuple[list, list[Fig]]:
        rng, w = self.rng, self.world
        end = w.period_end(FAMILIES[0].name, k)
        value = w.coverage[entity.code][k]
        text = f"{value:g}%" if rng.random() < 0.7 else f"{value:g} per cent"
        fig = Fig(text, value, value, "eq", text, entity.code, COVERAGE, "snapshot", "",
                  _iso(end), kind="percent", unit="%", note="percent")
        sentence = _compose(f"By {_month(end)}, coverage of the {entity.adjective} programme had reached ", fig,
                            ".")
        return sentence, [fig]

    def table(self, group: Group, family: Family, k: int, number: int) -> tuple[list[list], list[Fig]]:
        """A Markdown table: one row per member, part columns and a Total column, maybe a Total row."""
        rng, w = self.rng, self.world
        start, end = w.start[family.name], w.period_end(family.name, k)
        verb = rng.choice(family.verbs)
        caption = [f"Table {number}. {family.nouns[0].capitalize()} {verb} by country, "
                   f"{_month(start)} to {_month(end)}"]
        header = ["Country"] + [p.capitalize() for p in family.parts] + ["Total"]
        lines = [caption, [""], ["| " + " | ".join(header) + " |"],
                 ["|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]]
        iso = dict(scope="cumulative", start=_iso(start), end=_iso(end), note="table")
        figs = []
        rows = [(w.by_code[c].name, c, w.series[c, family.name][k]) for c in group.members]
        if rng.random() < 0.5:
            sums = [sum(r[2].parts[i] for r in rows) for i in range(len(family.parts))]
            rows.append(("Total", group.entity, Checkpoint(sum(sums), tuple(sums), 0)))
        for label, entity, point in rows:
            total = self._cell(point.total, family.nouns[0], entity, family.name, iso)
            cells = [self._cell(v, noun, entity, _metric(family, noun), iso)
                     for v, noun in zip(point.parts, family.parts)]
            for cell in cells:
                cell.total = total
            row: list = ["| ", label]
            for cell in cells + [total]:
                row += [" | ", cell]
            lines.append(row + [" |"])
            figs += cells + [total]
        return lines, figs

    def _cell(self, value: int, noun: str, entity: str, metric: str, iso: dict) -> Fig:
        text = _digits(self.rng, value)
        return Fig(text, float(value), float(value), "eq", text, entity, metric, iso["scope"], iso["start"],
                   iso["end"], unit=noun, note=iso["note"])


def _perturb(rng: random.Random, fig: Fig, kind: str) -> None:
    delta = max(1, round(fig.true_value * rng.uniform(0.08, 0.3)))
    new = fig.true_value - delta if fig.true_value - delta >= 0 and rng.random() < 0.5 else fig.true_value + delta
    _restate(rng, fig, new, kind)


def _restate(rng: random.Random, fig: Fig, value: float, kind: str) -> None:
    """Write a different value in the figure's place and remember the truth."""
    old_text = fig.text
    fig.text = _digits(rng, int(value)) + ("+" if old_text.endswith("+") else "")
    fig.surface = fig.surface.replace(old_text, fig.text, 1)
    fig.value = float(value)
    fig.planted = kind
    fig.note += "; planted"


_DISTRACTORS = [
    lambda r, y: f"The programme was launched in {y} under Decree No. {r.randint(100, 999)}.",
    lambda r, y: f"For more information, call +{r.randint(30, 99)} {r.randint(10, 99)} {r.randint(100, 999)} "
                 f"{r.randint(1000, 9999)} or write to info{r.randint(1, 9)}@example.org.",
    lambda r, y: f"Phase {r.randint(2, 4)} of the {y}-{y + 5} Plan begins on {r.randint(1, 28)} "
                 f"{r.choice(_MONTHS)} {y + 1}.",
    lambda r, y: f"Article {r.randint(2, 40)} of the agreement sets out the reporting duties.",
    lambda r, y: f"The {r.choice(['second', 'third', '4th', '12th'])} review meeting took place on "
                 f"{r.randint(1, 28)} {r.choice(_MONTHS)} {y}.",
    lambda r, y: f"Details are given on page {r.randint(3, 90)} of the annex and at https://example.org/r/"
                 f"{r.randint(1000, 9999)}.",
    lambda r, y: f"The session opened at {r.randint(8, 11)}:{r.choice(['00', '15', '30'])} with a minute "
                 "of silence.",
]


# ---------------------------------------------------------------------------------------------
# Sources: which statements each document holds.

@dataclass
class SourceDoc:
    source_id: str
    file: str
    title: str
    publisher: str
    published: str
    period_start: str
    period_end: str
    text: str
    placed: list[Placed] = field(default_factory=list)


def _layout(blocks: list[list[list]]) -> tuple[str, list[Placed]]:
    """Blocks of lines of segments -> the text and every figure's line, span and quote."""
    out, placed, offset, line = [], [], 0, 1
    for b, block in enumerate(blocks):
        if b:
            out.append("\n")
            offset += 1
            line += 1
        for segments in block:
            quote = "".join(s if isinstance(s, str) else s.text for s in segments)
            pos = offset
            for seg in segments:
                if isinstance(seg, Fig):
                    placed.append(Placed(seg, line, pos, pos + len(seg.text), quote))
                    pos += len(seg.text)
                else:
                    pos += len(seg)
            out.append(quote + "\n")
            offset += len(quote) + 1
            line += 1
    return "".join(out), placed


class Generator:
    """Documents until `n_claims` figures are written, or exactly `n_sources` documents if given."""

    def __init__(self, n_claims: int, seed: int = 0, per_source: int = 12, contradiction_rate: float = 0.05,
                 n_sources: int | None = None):
        if n_sources is not None:
            n_claims = n_sources * per_source
        self.n_claims = n_claims
        self.n_sources = n_sources
        self.per_source = per_source
        self.rate = contradiction_rate
        self.rng = random.Random(seed)
        self.world = World(n_claims, self.rng)
        self.writer = Writer(self.world, self.rng)

    def sources(self):
        written, index = 0, 0
        while index < self.n_sources if self.n_sources is not None else written < self.n_claims:
            doc = self._source(index)
            written += len(doc.placed)
            index += 1
            yield doc

    def _source(self, index: int) -> SourceDoc:
        rng, w, wr = self.rng, self.world, self.writer
        entity = rng.choice(w.entities)
        group = w.group_of.get(entity.code)
        k = rng.randrange(w.n_checkpoints)
        publisher = rng.choice(_PUBLISHERS)[0]
        plant = ""
        if rng.random() < self.rate:
            plant = rng.choice(["total", "parts", "cumulative", "event"])
        paragraphs: list[list] = []   # each paragraph: a list of sentences (segment lists)
        figs_count = 0
        has_table = False
        if plant == "cumulative" and k == 0:
            k = rng.randrange(1, w.n_checkpoints)
        while figs_count < self.per_source or plant:
            family = rng.choice(FAMILIES)
            choice = rng.random()
            if plant in ("total", "parts"):
                sentence, figs = wr.breakdown(entity, family, k, plant)
            elif plant == "cumulative":
                k1 = rng.randrange(k)
                sentence, figs = wr.trend(entity, FAMILIES[0], k1, k, plant=True)
            elif plant == "event":
                sentence, figs = wr.event(entity, rng.choice(w.events[entity.code]), plant=True)
            elif choice < 0.3:
                sentence, figs = wr.breakdown(entity, family, k)
            elif choice < 0.5:
                part = rng.randrange(-1, len(family.parts))
                sentence, figs = wr.single(entity, family, rng.randrange(k + 1), part)
            elif choice < 0.58 and k > 0:
                sentence, figs = wr.trend(entity, family, rng.randrange(k), k, plant=False)
            elif choice < 0.64 and family.subset[0]:
                sentence, figs = wr.subset(entity, family, k)
            elif choice < 0.72:
                sentence, figs = wr.event(entity, rng.choice(w.events[entity.code]), plant=False)
            elif choice < 0.78:
                sentence, figs = wr.coverage(entity, k)
            elif choice < 0.84 and group:
                sentence, figs = wr.group(group, family, k)
            elif choice < 0.9 and group and not has_table and self.per_source - figs_count >= 8:
                lines, figs = wr.table(group, family, k, rng.randint(1, 6))
                paragraphs.append(("table", lines))
                has_table = True
                figs_count += len(figs)
                continue
            else:
                year = w.start[family.name][0] + rng.randrange(w.n_checkpoints // 4 + 1)
                sentence, figs = [_DISTRACTORS[rng.randrange(len(_DISTRACTORS))](rng, year)], []
            plant = ""
            if paragraphs and paragraphs[-1][0] == "prose" and rng.random() < 0.5:
                paragraphs[-1][1].append(sentence)
            else:
                paragraphs.append(("prose", [sentence]))
            figs_count += len(figs)
        return self._assemble(index, entity, k, publisher, paragraphs, has_table)

    def _assemble(self, index, entity, k, publisher, paragraphs, has_table) -> SourceDoc:
        rng, w = self.rng, self.world
        source_id = f"s{index:06d}"
        title = f"{rng.choice(['Update', 'Progress report', 'Statement', 'Briefing'])} on the " \
                f"{entity.adjective} relief programme"
        # Published a few months after the latest figure it states.
        latest = max([w.period_end(FAMILIES[-1].name, k)] + [
            (int(f.period_end[:4]), int(f.period_end[5:7])) for _, body in paragraphs
            for line in body for f in line if isinstance(f, Fig) and f.period_end])
        year, month = _month_add(*latest, rng.randint(1, 4))
        day = rng.randint(1, 28)
        blocks: list[list[list]] = [[[("# " if has_table else "") + title]],
                                    [[f"{entity.city}, {day} {_MONTHS[month - 1]} {year}"]]]
        for style, body in paragraphs:
            if style == "table":
                blocks.append(body)
            else:
                sentences: list = []
                for i, sentence in enumerate(body):
                    sentences += ([" "] if i else []) + sentence
                blocks.append([sentences])
        if rng.random() < 0.3:
            blocks.append([[f"{i}. {step}"] for i, step in
                           enumerate(rng.sample(["Coordination", "Monitoring", "Outreach", "Follow-up"], 3), 1)])
        text, placed = _layout(blocks)
        ends = [p.fig.period_end for p in placed if p.fig.period_end] or [_iso(latest)]
        starts = [p.fig.period_start for p in placed if p.fig.period_start] or [min(ends)]
        return SourceDoc(source_id, f"{source_id}.{'md' if has_table else 'txt'}", title, publisher,
                         _iso((year, month, day)), min(starts)[:7], max(ends)[:7], text, placed)


# ---------------------------------------------------------------------------------------------
# Outputs.

def config_toml(world: World) -> str:
    """The workspace's figcheck.toml, for the invented vocabulary."""
    q = _toml_str
    lines = ["# Synthetic figcheck workspace written by benchmarks/generate.py: every name is invented.", "",
             "[workspace]", 'registry = "sources.csv"', 'sources_dir = "sources"', 'claims_dir = "claims"',
             'reports_dir = "reports"', 'language = "en"', "",
             "[tolerance]", f"approx = {APPROX_TOLERANCE}", "exact = 0.0", "",
             "[reliability]", "default = 1.0", "", "[reliability.publishers]"]
    lines += [f"{q(name)} = {weight}" for name, weight in _PUBLISHERS]
    lines += ["", "[solver]", "time_limit = 5.0", "max_ties = 20", ""]
    for e in world.entities:
        lines += [f"[entities.{e.code}]", f"name = {q(e.name)}", f"forms = {_toml_list(e.forms)}", ""]
    for g in world.groups:
        lines += [f"[groups.{g.key}]", f"members = {_toml_list(g.members)}", f"forms = {_toml_list(g.forms)}", ""]
    for f in FAMILIES:
        lines += [f"[metrics.{f.name}]", f"words = {_toml_list(f.nouns)}", f"predicates = {_toml_list(f.verbs)}",
                  'scope = "cumulative"', ""]
        for noun in f.parts:
            lines += [f"[metrics.{q(_metric(f, noun))}]", f"words = {_toml_list([noun])}",
                      'scope = "cumulative"', f"part_of = {q(f.name)}", ""]
        if f.subset[0]:
            lines += [f"[metrics.{q(_metric(f, f.subset[0]))}]", f"words = {_toml_list([f.subset[0]])}",
                      'scope = "cumulative"', f"subset_of = {q(_metric(f, f.subset[1]))}", ""]
    lines += [f"[metrics.{MISSIONS}]", 'words = ["missions", "convoys"]', 'scope = "cumulative"', "",
              f"[metrics.{ATTENDEES}]", 'words = ["participants", "attendees", "delegates"]', 'scope = "event"', "",
              f'[metrics."{ATTENDEES}.female"]', 'words = ["women"]', 'scope = "event"', f'part_of = "{ATTENDEES}"', "",
              f'[metrics."{ATTENDEES}.male"]', 'words = ["men"]', 'scope = "event"', f'part_of = "{ATTENDEES}"', "",
              f"[metrics.{COVERAGE}]", 'kind = "percent"', 'words = ["coverage"]', 'scope = "snapshot"', ""]
    lines += ["[rules.agreement]", 'severity = "error"', "", "[rules.parts]", 'severity = "error"', "",
              "[rules.subset]", 'severity = "error"', "", "[rules.cumulative]", 'severity = "error"', "",
              "[rules.cohort]", 'severity = "error"', f'key = ["entity", "period_start", "{MISSIONS}"]', "",
              "[rules.groups]", 'severity = "warning"', "tolerance = 0.05", ""]
    return "\n".join(lines)


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(items) -> str:
    return "[" + ", ".join(_toml_str(i) for i in items) + "]"


def _csv_text(columns: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(columns)
    out.writerows(rows)
    return buffer.getvalue()


def _value_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _bounds(fig: Fig) -> tuple[float, float]:
    v = fig.value
    if fig.qualifier in ("gt", "ge"):
        return v, math.inf
    if fig.qualifier in ("lt", "le"):
        return 0.0, v
    if fig.qualifier == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    return v, v


def _claim_ids(doc: SourceDoc) -> list[str]:
    """The ids the store gives these figures (occurrence counts repeats of quote and text)."""
    seen: dict[tuple[str, str], int] = {}
    ids = []
    for p in doc.placed:
        key = (normalise_quote(p.quote), p.fig.text)
        ids.append(claim_id(doc.source_id, p.quote, p.fig.text, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return ids


def _records(doc: SourceDoc, status_rng: random.Random, manifest: list[list]) -> list[tuple]:
    """The document's claims as store rows (CLAIM_COLUMNS order), as a reviewer would keep them;
    its planted figures are appended to `manifest`. About one claim in ten is confirmed."""
    sha = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    ids = _claim_ids(doc)
    id_of = {id(p.fig): cid for p, cid in zip(doc.placed, ids)}
    rows = []
    for p, cid in zip(doc.placed, ids):
        f = p.fig
        lower, upper = _bounds(f)
        rows.append((cid, doc.source_id, p.line, p.char_start, p.char_end, f.text, p.quote, f.value, f.qualifier,
                     lower, upper, f.unit, f.kind, f.entity, f.metric, f.scope, f.period_start, f.period_end, "",
                     id_of[id(f.total)] if f.total else "", "auto",
                     "confirmed" if status_rng.random() < 0.1 else "candidate", "", sha, ""))
        if f.planted:
            manifest.append([f"c{len(manifest) + 1:05d}", f.planted, doc.source_id, doc.file, p.line,
                             p.char_start, p.char_end, f.text, _value_text(f.value), _value_text(f.true_value),
                             f.entity, f.metric, f.scope, f.period_start, f.period_end, cid])
    return rows


def _frame(rows: list[tuple]) -> pd.DataFrame:
    table = pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS)
    for column in ("line", "char_start", "char_end"):
        table[column] = table[column].astype("Int64")
    for column in ("value", "lower", "upper"):
        table[column] = table[column].astype(float)
    return table


def _registry_row(doc: SourceDoc) -> list[str]:
    return [doc.source_id, doc.file, doc.title, doc.publisher, doc.published, doc.period_start, doc.period_end,
            "en", f"https://example.org/{doc.source_id}"]


@dataclass
class Summary:
    sources: int = 0
    claims: int = 0
    contradictions: int = 0
    characters: int = 0


def generate_workspace(out: Path, claims: int, seed: int = 0, per_source: int = 12,
                       contradiction_rate: float = 0.05, sources: int | None = None,
                       store: bool = False) -> Summary:
    """Write a workspace of at least `claims` figures (or exactly `sources` documents) into `out`.

    With `store`, also its claim store (`claims/<source_id>.csv`): every figure, as reviewed.
    """
    from figcheck.claims.store import store_text

    out = Path(out)
    gen = Generator(claims, seed, per_source, contradiction_rate, sources)
    registry, gold, manifest = [], [], []
    status_rng = random.Random(seed + 1)
    summary = Summary()
    for doc in gen.sources():
        write_atomic(out / "sources" / doc.file, doc.text)
        registry.append(_registry_row(doc))
        rows = _records(doc, status_rng, manifest)
        if store:
            write_atomic(out / "claims" / f"{doc.source_id}.csv", store_text(_frame(rows)))
        for p in doc.placed:
            f = p.fig
            gold.append([doc.source_id, p.line, f.surface, _value_text(f.value), f.qualifier, f.entity, f.metric,
                         f.scope, f.period_start, f.period_end, 1, f.note])
        summary.sources += 1
        summary.claims += len(doc.placed)
        summary.characters += len(doc.text)
    summary.contradictions = len(manifest)
    write_atomic(out / "figcheck.toml", config_toml(gen.world))
    write_atomic(out / "sources.csv", _csv_text(SOURCE_COLUMNS, registry))
    write_atomic(out / "gold.claims.csv", _csv_text(GOLD_COLUMNS, gold))
    write_atomic(out / "contradictions.csv", _csv_text(MANIFEST_COLUMNS, manifest))
    return summary


class Table(NamedTuple):
    claims: pd.DataFrame    # CLAIM_COLUMNS, valid against checks.schemas.Claim
    sources: pd.DataFrame   # SOURCE_COLUMNS + sha256
    config: Config
    planted: pd.DataFrame   # MANIFEST_COLUMNS
    texts: dict[str, str]   # source_id -> document text


def claims_table(claims: int, seed: int = 0, per_source: int = 12, contradiction_rate: float = 0.05) -> Table:
    """The claims of a generated workspace as `generate_workspace(store=True)` writes them, in memory."""
    gen = Generator(claims, seed, per_source, contradiction_rate)
    rows, registry, manifest, texts = [], [], [], {}
    status_rng = random.Random(seed + 1)
    for doc in gen.sources():
        registry.append(_registry_row(doc) + [hashlib.sha256(doc.text.encode("utf-8")).hexdigest()])
        rows += _records(doc, status_rng, manifest)
        texts[doc.source_id] = doc.text
    sources = pd.DataFrame(registry, columns=SOURCE_COLUMNS + ["sha256"])
    config = parse_config(config_toml(gen.world), "generated figcheck.toml")
    planted = pd.DataFrame(manifest, columns=MANIFEST_COLUMNS)
    planted[["value", "true_value"]] = planted[["value", "true_value"]].astype(float)
    return Table(_frame(rows), sources, config, planted, texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic synthetic figcheck workspace.")
    parser.add_argument("out", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--claims", type=int, default=1000, help="write at least this many figures (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed gives the same bytes")
    parser.add_argument("--sources", type=int, default=None,
                        help="write exactly this many documents instead (overrides --claims)")
    parser.add_argument("--per-source", type=int, default=12, help="figures per document, about (default 12)")
    parser.add_argument("--store", action="store_true",
                        help="also write the claim store (claims/<source_id>.csv) with every figure")
    parser.add_argument("--contradictions", type=float, default=0.05,
                        help="share of documents with one planted contradiction (default 0.05)")
    args = parser.parse_args(argv)
    if args.claims < 1 or args.per_source < 1 or (args.sources or 1) < 1 or not 0 <= args.contradictions <= 1:
        parser.error("--claims, --sources and --per-source must be positive, --contradictions within 0..1")
    s = generate_workspace(args.out, args.claims, args.seed, args.per_source, args.contradictions, args.sources,
                           args.store)
    print(f"{args.out}: {s.sources} sources, {s.claims} claims, {s.characters} characters, "
          f"{s.contradictions} planted contradictions (contradictions.csv), gold in gold.claims.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
