"""Numeric claims of one source: `extract_source(text, source, config)` -> a DataFrame of CLAIM_COLUMNS.

The passes live in `figcheck.claims.extraction` (segmentation, exclusions, qualifiers, entity, metric, scope,
time, breakdowns, tables); this module runs them over a document and assembles the rows.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from figcheck.claims.config import Config
from figcheck.claims.extraction import (breakdowns, clock, exclusions, metric as metrics, scope as scopes, syntax,
                                        time as times)
from figcheck.claims.extraction.entity import (Mention, currency_country, exemplified, item_place, nearest,
                                               trailing_place, originated, armed, leading_item_place,
                                               sourced_item_place, respective, set_aside, acting, located,
                                               destined, went_to, whole_country_pattern, coordinated,
                                               says_respectively)
from figcheck.claims.extraction.language import load_language, phrases
from figcheck.claims.extraction.segmentation import LIST_MARKER, Block, list_item, segment
from figcheck.claims.extraction.tables import read_table
from figcheck.claims.extraction.units import currency_code
from figcheck.claims.extraction.vocabulary import Vocabulary, vocabulary
from figcheck.claims.gazetteer import subdivision_type
from figcheck.claims.ids import claim_id
from figcheck.claims.model import AUTOMATIC_METRIC, CLAIM_COLUMNS
from figcheck.claims.quantities import Quantity, scan
from figcheck.claims.sources import quote_window


@dataclass(slots=True)
class Found:
    """One figure with what the passes decided about it; `total` indexes the Found it is part of."""
    q: Quantity
    quote_start: int
    quote_end: int
    entity: str
    metric: str
    scope: str
    period: times.Period
    stated: bool = True   # the period comes from the text, not from the registry
    total: int = -1
    reading: syntax.Reading = syntax.NO_READING
    note: str = ""


class _Document:
    def __init__(self, text: str, source: Mapping[str, str], config: Config):
        self.text = text
        self.config = config
        self.code = config.language or "en"
        self.vocab: Vocabulary = vocabulary(config)
        # A share written in words ("over half of the population", "one in three people") counts nothing
        # and has no figure to compare: a proportion in prose, not a claim.
        self.quantities = [q for q in scan(text, self.code, config.approx_tolerance, currencies=config.currencies)
                           if not (q.kind == "ratio" and not any(c.isdigit() for c in q.text))]
        self.starts = [q.start for q in self.quantities]
        self.published = _field(source, "published")
        self.registry = times.Period(_field(source, "period_start"), _field(source, "period_end"))
        self.time = times.time_patterns(self.code)
        self.times = times.TimeIndex(text, self.time)
        self.cues = scopes.CueIndex(text, scopes.scope_cues(self.code, config.scope_cues))
        self.markers = breakdowns.marker_pattern(self.code)
        self.breaks = breakdowns.list_break_pattern(self.code)
        self.coverage = scopes.coverage_pattern(self.code)
        self.increments = scopes.increment_cues(self.code)
        self.items = metrics.item_pattern(self.code)
        self.roles = metrics.role_pattern(self.code)
        self.shares = metrics.share_pattern(self.code)
        self.kind_scopes = _shared_scopes(config)
        self.nationwide = whole_country_pattern(self.code)
        kinds = Counter(metric.kind for metric in config.metrics.values())
        self.only_of_kind = {m.kind: name for name, m in config.metrics.items() if kinds[m.kind] == 1}
        self.automatic = metrics.automatic_words(self.code)
        words = syntax.syntax_words(self.code)
        self.place_nouns, self.containers = words.place_nouns, words.containers
        # "the province": the place noun a definite article opens, which refers back to the last part of a
        # country the text named or called one (`last_part`: noun -> entity)
        self.definite_place = re.compile(rf"(?i)\bthe\s+({phrases(sorted(self.place_nouns))})\b(?!\s+of\b)")
        self.last_part: dict[str, str] = {}
        self.owner_descriptions, self.referring_pronouns = words.owner_descriptions, words.referring_pronouns
        self.level_verbs = words.level_verbs
        # lemmas that name no measure: an automatic metric of one would say nothing
        self.unnamed = words.level_verbs | words.containers | self.automatic.unnamed
        self.set_openers = breakdowns.set_opener_pattern(self.code)
        joins = load_language(self.code)["text"]["figure_joins"]
        self.figure_joins = re.compile(rf"\s*(?:,\s*)?(?i:{phrases(joins)})\s+|\s*[-–]\s*")
        self.found: list[Found] = []
        # configured metric -> how many count figures so far have it, kept as figures are added or renamed,
        # so that what an unnamed count counts costs no pass over the document's figures
        self.counted: Counter[str] = Counter()
        self.named_most = ""  # the place the document names most (_most_named)
        self.last_named: dict[str, str] = {}  # kind -> the configured metric of the last figure of that kind
        self.skipped: dict[int, str] = {}  # line -> why none of its figures is a claim
        self.readings: dict[int, list[syntax.Reading]] = {}  # sentence start -> one per figure
        # The last prose sentence read: what "the toll stood at 1,408" refers to across a paragraph break.
        self.last_sentence: tuple[int, int] = (-1, -1)

    def add(self, found: Found) -> None:
        self.found.append(found)
        self._count(found, 1)

    def rename(self, found: Found, metric: str) -> None:
        """Give a figure already added another metric."""
        self._count(found, -1)
        found.metric = metric
        self._count(found, 1)

    def _count(self, found: Found, step: int) -> None:
        if found.metric in self.config.metrics and found.q.kind == "count":
            self.counted[found.metric] += step

    def parse(self, blocks: list[Block]) -> None:
        """Parse, in one batch, every prose sentence (as punctuation splits them) that holds a figure,
        and split it again where the parse ends a sentence inside it; a figure never straddles two."""
        wanted = [(block, k, s, e) for block in blocks if block.kind != "table"
                  for k, (s, e) in enumerate(block.sentences) if self.holds_figure(s, e)]
        if not wanted:
            return
        words = syntax.syntax_words(self.code)
        docs = syntax.parse_sentences([self.text[s:e] for _, _, s, e in wanted], self.code)
        pieces: dict[int, dict[int, list[tuple[int, int]]]] = {}  # id(block) -> sentence index -> its parts
        for (block, k, start, end), parsed in zip(wanted, docs):
            if parsed is None:
                continue
            lo, hi = self.span(start, end)
            figures = [(q.start - start, q.end - start) for q in self.quantities[lo:hi]]
            parts = pieces.setdefault(id(block), {}).setdefault(k, [])
            for sent in syntax.sentence_spans(parsed, figures):
                inside = [i for i, (s, _) in enumerate(figures) if sent.start_char <= s < sent.end_char]
                parts.append((start + sent.start_char, start + sent.end_char))
                if inside:
                    self.readings[start + sent.start_char] = syntax.read_sentence(
                        sent, [(figures[i][0] - sent.start_char, figures[i][1] - sent.start_char) for i in inside],
                        start, words, [_currency(self.quantities[lo + i]) for i in inside])
        for block in blocks:
            split = pieces.get(id(block))
            if split:
                block.sentences = [p for k, sentence in enumerate(block.sentences) for p in split.get(k, [sentence])]

    @functools.cached_property
    def _predicate_positions(self) -> dict[str, list[int]]:
        return metrics.predicate_positions(self.text, self.vocab.metrics)

    def topic(self, span: tuple[int, int] | None = None) -> dict[str, int]:
        """How often the text, or its span, uses each metric's own predicates: what the document is about,
        which decides between measures a figure's noun names equally ("686 people" in a report of crossings)."""
        positions = self._predicate_positions
        if span is None:
            return {n: len(found) for n, found in positions.items()}
        return {n: bisect.bisect_left(found, span[1]) - bisect.bisect_left(found, span[0])
                for n, found in positions.items()}

    def holds_figure(self, start: int, end: int) -> bool:
        lo, hi = self.span(start, end)
        return hi > lo

    def span(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def period(self, start: int, end: int) -> times.Period | None:
        """The period [start, end) states; a running total "so far" stands where the source's data ends."""
        return self.times.period(start, end, self.published, self.registry.end)

    def default_period(self, scope: str) -> times.Period:
        if scope == "cumulative":  # a running total stands where the source's data ends, else at publication
            return times.Period("", self.now)
        if scope == "snapshot" and not self.ahead:  # a state stands when it is reported
            return times.Period(self.now, self.now)
        return self.registry

    @property
    def ahead(self) -> bool:
        """The source's period starts after its publication: a budget or plan for a coming year, whose
        states ("the allocation is 7% of the budget") are that period's."""
        return _before(self.published, self.registry.start)

    @property
    def now(self) -> str:
        """The date the source's figures stand at: where its data ends, but never after publication
        (a report on a year's appeal, published in February, counts in February)."""
        end, published = self.registry.end, self.published
        return published if _before(published, end) else end or published

    def metric_scope(self, name: str, kind: str = "") -> str:
        """The configured scope of the metric; for a figure no configured metric names, the scope every
        configured metric of its kind shares, if they do (vote shares that are all snapshots)."""
        metric = self.config.metrics.get(name) or self.config.metrics.get(metrics.whole_of_unlisted(name))
        if metric:  # an unlisted part ("auto:killed.civilians") counts as its whole does
            return metric.scope
        return self.kind_scopes.get(kind, "")


def _share_scope(doc: _Document, q: Quantity, reading: syntax.Reading) -> str:
    """A share of a counted set or an amount ("63% of cases", "62% of the deaths", "7% of the budget")
    has the scope of the metrics the set's noun names, where they agree; else ""."""
    if metrics.figure_kind(q) != "percent" or not reading.noun:
        return ""
    named = [n for kind in ("count", "money") for n in metrics.from_noun(
        reading.noun_text, reading.noun, kind, doc.vocab.metrics, doc.config, doc.automatic.plurals)]
    found = {doc.config.metrics[n].scope for n in named}
    if len(found) > 1 and not doc.increments.after.search(reading.noun_text):
        # "62% of the deaths": of the running total, not of one report's deaths (which "new" would say)
        found.discard("event")
    return found.pop() if len(found) == 1 else ""


def _named_scope(doc: _Document, start: int, end: int) -> str:
    """The scope the count metrics named in the sentence [start, end) agree on ("among the casualties were
    34 students": the casualties'); else ""."""
    if doc.vocab.metrics.words is None:
        return ""
    found = {doc.config.metrics[n].scope for m in doc.vocab.metrics.words.finditer(doc.text, start, end)
             for n in doc.vocab.metrics.by_word.get(m.group().casefold(), ()) if doc.config.metrics[n].kind == "count"}
    return found.pop() if len(found) == 1 else ""


def _shared_scopes(config: Config) -> dict[str, str]:
    """{kind: scope} for the kinds whose configured metrics, two or more, all have one scope."""
    scopes_of: dict[str, list[str]] = {}
    for metric in config.metrics.values():
        scopes_of.setdefault(metric.kind, []).append(metric.scope)
    return {kind: found[0] for kind, found in scopes_of.items() if len(found) > 1 and len(set(found)) == 1}


def _currency(q: Quantity) -> str:
    """A money figure's currency as written ("naira"), which is no counted noun; "" for other figures."""
    return q.unit if q.kind == "money" else ""


def _field(source: Mapping[str, str], key: str) -> str:
    value = source.get(key, "")
    return value if isinstance(value, str) else ""


class _Context:
    """What a paragraph's earlier sentences leave to later ones, kept incrementally so that the work
    per sentence does not grow with its position: the last entity and period named, the last count,
    and for each (metric, entity) the last figure, for declared parts to find their total."""

    def __init__(self):
        self.entity = ""
        self.period: times.Period | None = None
        self.last_count = -1
        self.previous = (-1, -1)  # the sentence before, for "the number has risen to ..." to look back on
        self.implied: dict[str, str] = {}  # kind -> metric of the last figure with a noun of its own
        self.lead = ""  # the configured metric of the sentence before's first count with a noun of its own
        self.last_of: dict[tuple[str, str], int] = {}           # (metric, entity) -> index
        self.last_stated: dict[tuple[str, str, times.Period], int] = {}
        self.last_unstated: dict[tuple[str, str], int] = {}

    def add(self, index: int, f: Found) -> None:
        if f.q.kind == "count":
            self.last_count = index
        key = (f.metric, f.entity)
        self.last_of[key] = index
        if f.stated:
            self.last_stated[(f.metric, f.entity, f.period)] = index
        else:
            self.last_unstated[key] = index

    def declared_total(self, f: Found, parent: str) -> int:
        """The nearest earlier figure of `parent` with the same entity and, where both state one, period."""
        if not f.stated:
            return self.last_of.get((parent, f.entity), -1)
        return max(self.last_stated.get((parent, f.entity, f.period), -1),
                   self.last_unstated.get((parent, f.entity), -1))


def _in_runs(mentions: list[Mention], runs) -> list[Mention]:
    return [m for m in mentions if any(s <= m.start and m.end <= e for s, e in runs)]


_NESTED_PLACE_GAP = 4  # characters between two places named together: "A's B", "B, A", "B in A"


def _named_together(text: str, one: Mention, other: Mention) -> bool:
    """Whether two places are named as one ("A's B", "B, A"), not as a list's lead and member ("A: B, C")."""
    gap = text[min(one.end, other.end):max(one.start, other.start)]
    return len(gap) <= _NESTED_PLACE_GAP and not any(mark in gap for mark in ":;()")


def _entity(text: str, mentions: list[Mention], q: Quantity, reading: syntax.Reading, fallback: str,
            heading: bool = False, actors: list[Mention] | None = None, places: list[Mention] | None = None) -> str:
    """The place that holds the figure (the subject of its verb, a possessor: "A hit back with 22
    waves"), unless its own noun phrase names one ("A killed 40 Bs": the Bs'); else the nearest place
    the figure's own clause names, else the nearest its governing clauses name ("..., while 97 were
    confirmed" is about the place of the clause it hangs on), else the nearest a
    clause describing a noun of its own names ("4,000 doses allocated to clinics in X"), else `fallback`.
    A place that qualifies another noun ("Israeli strikes killed 224 Iranians") counts only where the
    clause names no other, and never in a heading ("Valley Floods: 300 Dead" is about the floods'
    whole area). An actor (`actors`: "attacks by A") never does: the context says where. A place a
    word of location opens (`places`: "children in A") in the counted noun's own phrase comes first.
    Without a parse: the nearest place of the sentence."""
    places = places or []
    aside = set(actors or ())
    counted = _in_runs(mentions, [(q.start, reading.phrase_end)])
    holders = [m for m in _in_runs(mentions, [reading.holder]) if not _inside(m, reading.attributive)]
    if holders and not counted:
        return holders[0].entity
    own = [m for m in counted if not _inside(m, reading.attributive) and not _in_runs([m], reading.noun_clauses)
           and m in places]
    if own:  # "Islamabad: 26.2 million children in Pakistan are out of school": the noun's own place
        return nearest(own, q.start, q.end).entity
    for runs in reading.clauses or (None,):
        # a place qualifying an act of force ("after the Iranian missile attack") acted: the clauses
        # governing this one may say where the figure stands ("Israel's ministry said ...")
        within = [m for m in (mentions if runs is None else _in_runs(mentions, runs)) if not _inside(m, reading.acting)]
        plain = [m for m in within if not _inside(m, reading.attributive) and m not in aside]
        # else a place qualifying another noun ("Iran's government ... its war with Israel"), never an actor
        qualifying = [m for m in within if m not in aside]
        mention = nearest(plain if plain or heading else qualifying, q.start, q.end)
        if mention:
            # "killed in a village in A's B province", "in B province, A": the narrower place named with
            # the nearest one
            narrower = {m.entity for m in plain
                        if _contains(mention.entity, m.entity) and _named_together(text, m, mention)}
            return narrower.pop() if len(narrower) == 1 else mention.entity
    mention = nearest([m for m in _in_runs(mentions, reading.noun_clauses)
                       if not _inside(m, reading.attributive) and m not in aside], q.start, q.end)
    if mention:
        return mention.entity
    return fallback


def _note_parts(doc: _Document, mentions: list[Mention]) -> None:
    """Remember each part of a country the sentence names under the noun of its kind (ISO 3166-2's
    type) and the place noun written right after it ("the Eastshire province")."""
    for m in mentions:
        if len(m.codes) == 1 and _country(m.entity) != m.entity:
            after = re.match(r"\s+(\w+)", doc.text[m.end:m.end + 30])
            for noun in (subdivision_type(m.entity).split()[-1:] + ([after.group(1).casefold()] if after else [])):
                if noun in doc.place_nouns:
                    doc.last_part[noun] = m.entity


def _referred_part(doc: _Document, clause) -> str:
    """The part of a country "the province" or "the state" in the figure's own clause refers to: the last
    one the text named of that kind ("all 40 clinics in the province"), else ""."""
    for s, e in clause:
        for m in doc.definite_place.finditer(doc.text, s, e):
            part = doc.last_part.get(m.group(1).casefold(), "")
            if part:
                return part
    return ""


def _placed_by_measure(measure_place: str, context: str) -> str:
    """Where a figure's sentence names no place: the place its measure is about (configured) before the
    places earlier sentences named ("our French partners" does not place crossings to the UK), unless
    the context is a part of it (a paragraph on one province's results of a national election)."""
    if measure_place and not (context and (context == measure_place or _contains(measure_place, context))):
        return measure_place
    return context


def _country(code: str) -> str:
    """The ISO 3166-1 country of an entity code: "SD-KA" -> "SD"; a country or other code is its own."""
    return code.split("-")[0]


def _below(doc: _Document, entity: str, noun: str, start: int, end: int) -> bool:
    """Whether the places a figure stands in (`entity`) hold the places it counts (`noun`, a lemma):
    they are no `noun` by ISO 3166-2, nor does its sentence call a place one before the figure ("the
    province of Kassala ... across five provinces")."""
    of_kind = all(subdivision_type(code).split()[-1:] == [noun] for code in entity.split("+"))
    return not of_kind and re.search(rf"(?i)\b{re.escape(noun)}\b", doc.text[start:end]) is None


def _whole(entity: str) -> str:
    """The country a subdivision, or a set of subdivisions of one country, belongs to; else the entity."""
    countries = {_country(code) for code in entity.split("+")} if entity else set()
    return countries.pop() if len(countries) == 1 else entity


def _handed_on(mentions: list[Mention]) -> str:
    """The place a sentence hands on to the next ones: the one it names, or the last of a place and
    a part of it ("Sudan ... in the River Nile state"), or the whole of several parts; a sentence that
    compares or lists places of one level ("Assam led with 81.56%, followed by Andhra Pradesh") hands
    on none of them."""
    named = list(dict.fromkeys(m.entity for m in mentions))
    if len(named) == 1:
        return named[0]
    wholes = [e for e in named if all(_contains(e, other) for other in named if other != e)]
    if not wholes:
        return ""
    return mentions[-1].entity if len(named) == 2 else wholes[0]


def _contains(whole: str, part: str) -> bool:
    """Whether the place `whole` (a country or a group of them) strictly contains `part` (a subdivision
    of a member, or fewer of its countries)."""
    members = set(whole.split("+"))
    codes = part.split("+")
    if not all(code in members or _country(code) in members for code in codes):
        return False
    return any(_country(code) != code for code in codes) or len(codes) < len(members)


def _inside(mention: Mention, spans) -> bool:
    return any(s <= mention.start and mention.end <= e or mention.start <= s and e <= mention.end
               for s, e in spans)


def _period(doc: _Document, q: Quantity, reading: syntax.Reading, start: int, end: int,
            records: list[tuple[int, int]], clauses) -> times.Period | None:
    """The period the figure's own clause states, else the nearest governing clause's, else a range a
    clause describing its noun states ("5 operations, carried out between May 2019 and August 2021"),
    else the sentence's. A count that stands "by Friday" with a date elsewhere in the sentence ("the
    outbreak declared on 3 March") runs from that date to Friday. A date right after another figure
    is that figure's (`_dates_for`). `records`: the sentence's phrases of a record apart from the figure
    (`_records_apart`), whose time phrase dates the record, not the figure ("420 crossed on Monday, the
    second highest total to date"); `clauses`: the figure's clauses without them."""
    keep, governing = _dates_for(doc, q, start, end), _dates_for(doc, q, start, end, True)
    bracket = _open_bracket(doc, q, start)
    if bracket >= 0 and not doc.text[bracket + 1:q.start].strip() and not _restates(doc, q, start):
        # "7% above this time last year (18,512)": a bracketed figure right after a time stands at it
        point = doc.times.point_before(bracket, doc.published, doc.now)
        if point:
            return point
    base = doc.times.base_before(q.start, doc.published, _NEAR_WORDS)
    if base and not any(base[0] <= o.start < q.start for o in doc.quantities[slice(*doc.span(start, end))]):
        return times.Period(base[1], base[1])  # "compared to 2019 with 4,100"
    own = clauses[0] if clauses else ()
    opener = doc.text[own[0][0]:own[0][1]].split(maxsplit=1)[:1] if own else []
    if opener and (opener[0].casefold() in doc.time.when or opener[0].casefold() in doc.time.which
                   and not reading.perfect):
        date = doc.times.date_before(own[0][0], doc.published)  # "since June 15, when there were 224 deaths"
        if date:
            return times.Period(date, date)
    # "compared with 860 recorded in May 2021": the participle describing the figure dates it first
    # (up to another figure: "4,500 held, compared to 2,800 in 2019" is not dated 2019)
    for s, e in _describing(reading):
        e = min([e] + [f.start for f in doc.quantities[slice(*doc.span(start, end))] if q.end <= f.start < e])
        if reading.participle[0] < e and (period := doc.times.period(s, e, doc.published, doc.registry.end, keep)):
            return period
    for level, runs in enumerate(clauses):
        # the run holding the figure first: "In 2022 there were 670, compared with 510 in 2021" dates 510 by 2021
        for s, e in sorted(runs, key=lambda run: not run[0] <= q.start < run[1]):
            period = doc.times.period(s, e, doc.published, doc.registry.end, governing if level else keep)
            if period:
                if not period.start and level == 0:
                    period = times.Period(_event_date(doc, runs, start, end), period.end)
                return period
    for s, e in reading.noun_clauses:
        period = doc.period(s, e)
        if period and period.start != period.end:
            return period
    for s, e in _cut(((start, end),), records):
        period = doc.times.period(s, e, doc.published, doc.registry.end, keep)
        if period:
            return period
    return None


def _restates(doc: _Document, q: Quantity, start: int) -> bool:
    """Whether the figure before q in its sentence is one of its kind whose bounds hold q: "More than
    2,000 have crossed since May 22 (2,431)" states the same count twice."""
    lo, _ = doc.span(start, q.start)
    i = doc.span(q.start, q.end)[0] - 1
    other = doc.quantities[i] if i >= lo else None
    return other is not None and other.kind == q.kind and other.value != q.value and \
        other.lower <= q.value <= other.upper


def _describing(reading: syntax.Reading) -> tuple[tuple[int, int], ...]:
    """The clauses describing the figure itself: the noun clause its participle stands in ("5,332 others
    injured on Friday")."""
    return tuple(c for c in reading.noun_clauses if c[0] <= reading.participle[0] < c[1])


def _records_apart(reading: syntax.Reading, q: Quantity) -> list[tuple[int, int]]:
    """The phrases of a record in the figure's sentence that do not hold the figure."""
    return [r for r in reading.records if not r[0] <= q.start < r[1]]


def _dates_for(doc: _Document, q: Quantity, start: int, end: int, governing: bool = False):
    """Which dates of one point in the sentence [start, end) may date the figure q: not one written
    right after another figure ("566 cases in January, 166 in February"; no punctuation between),
    unless that figure follows q joined by no comparison ("1,500 cases and 20 deaths in May" share
    May; "61% , lower than the 66% in 2019" does not), or stands before q in a clause governing q's
    ("$1.7 billion in 2023, which was 8% of the budget": the clause describes that figure). A date
    right after q itself comes first ("537 crossed on Saturday, and a further 28 on Sunday"): rank 0,
    other dates rank 1, those it may not take None."""
    lo, hi = doc.span(start, end)
    figures, text, comparisons = doc.quantities[lo:hi], doc.text, doc.time.comparisons

    def compared(s: int, e: int) -> bool:
        return bool(comparisons.intersection(text[s:e].casefold().split()))

    def keep(m) -> int | None:
        if m.re is doc.time.same_point:
            return _same_point_dates(doc, q, m, figures, start)
        i = bisect.bisect_right([g.end for g in figures], m.start()) - 1
        attached = i >= 0 and not _BREAK.search(text, figures[i].end, m.start())
        if attached and compared(figures[i].end, m.start()):
            return None  # "rose by 80% compared to the same period last year": the base's date
        if not attached or figures[i] is q:
            # right after q: no more than its noun's few words between ("549 crossings on Sunday")
            return 0 if attached and len(text[q.end:m.start()].split()) <= _NEAR_WORDS else 1
        other = figures[i]
        if other.start < q.start:
            return 1 if governing else None
        return None if compared(q.end, other.start) else 1
    return keep


_BREAK = re.compile(r"[,;:()\[\]—–]")
_NEAR_WORDS = 3  # "1,234 confirmed cholera cases in May"


def _same_point_dates(doc: _Document, q: Quantity, m: re.Match, figures: list[Quantity], start: int) -> int | None:
    """Whether "this time last year" (m) dates the figure q: the figure right before it with nothing
    comparing them ("26,501 recorded this time last year", not "15% below the same point last year"),
    else the figure right after it ("At this point in 2022, 9,296 had crossed"), unless the point opens
    as a comparison's base ("compared to the same period of the previous year, an increase of 80.3%")
    with no "when" clause after it ("20% down on this time last year, when 25,000 had crossed")."""
    bases, text = doc.time.same_point_bases, doc.text
    before = [f for f in figures if f.end <= m.start()]
    owner = before[-1] if before and not bases.intersection(text[before[-1].end:m.start()].casefold().split()) else None
    if owner is not None or m.end() > q.start:
        return 0 if owner is q else None
    if any(m.end() <= f.start < q.start for f in figures):
        return None
    follows = text[m.end():q.start].replace(",", " ").split()
    opening = text[max(start, m.start() - 20):m.start()].casefold().split()
    return 0 if follows[:1] and follows[0].casefold() in doc.time.when or not bases.intersection(opening[-2:]) else None


def _ongoing(doc: _Document, period: times.Period | None, projected: bool) -> times.Period | None:
    """A count "in 2023" or "this month" written while that year or month runs stands at the date the
    source's data runs to, not at the period's end: what has not happened yet is not counted. A plan
    or forecast keeps the period it names. In a source about a coming period, a day before it is
    when something was done about the figure (proposed, passed), not when it stands."""
    now = doc.now
    if period is not None and doc.ahead and period.start == period.end and len(period.end) == 10 \
            and period.end < doc.registry.start:
        return None  # "passed on Saturday the N28 trillion budget" for next year: the day of an act on it
    if period is None or projected or not period.end or len(period.end) >= len(now) or not now.startswith(period.end):
        return period
    return times.Period(period.start, now)


_FOUR_DIGITS = re.compile(r"(?<![\d,.])\d{4}(?![\d,.]\d)")


def _respective_years(doc: _Document, start: int, end: int, quantities: list[Quantity]) -> dict[int, times.Period]:
    """{figure index: its year} for a sentence that says "respectively": coordinated figures ("410 and 365
    seats") take, in order, the years of the nearest list of as many ("won in 2010 and 2005,
    respectively"; "at 1,250 and 3,400, respectively, in 2016 and 2017")."""
    if not says_respectively(doc.text, start, end, doc.code):
        return {}
    figures = [(q.start, q.end) for q in quantities]
    first, last = exclusions.exclusion_patterns(doc.code).year_span
    years = [m.span() for m in _FOUR_DIGITS.finditer(doc.text, start, end) if first <= int(m.group()) <= last
             and not any(s <= m.start() < e for s, e in figures)]
    lists = [[years[i] for i in run] for run in coordinated(doc.text, years, doc.code)]
    found: dict[int, times.Period] = {}
    for run in coordinated(doc.text, figures, doc.code):
        fitting = [spans for spans in lists if len(spans) == len(run)]
        if fitting:
            here = (figures[run[0]][0] + figures[run[-1]][1]) / 2
            spans = min(fitting, key=lambda spans: abs((spans[0][0] + spans[-1][1]) / 2 - here))
            found.update((i, times.Period(doc.text[s:e], doc.text[s:e])) for i, (s, e) in zip(run, spans))
    return found


def _event_date(doc: _Document, own, start: int, end: int) -> str:
    """The date of a point in the sentence [start, end) outside the figure's own clause (`own`, its
    runs): when what is counted began."""
    edges = [start, *(x for run in sorted(own) for x in run), end]
    for s, e in zip(edges[::2], edges[1::2]):
        period = doc.period(s, e) if e > s else None
        if period and period.start and period.start == period.end:
            return period.start
    return ""


def _day_cue(doc: _Document, clauses, predicate: str = "") -> frozenset[str]:
    """A figure whose own clause states one day ("707 people crossed on Sunday", "on 3 May",
    "yesterday") or a few ("over the weekend of 17 and 18 June") counts one event; so does one whose
    clause opens with "when" (`[time] when`) after a clause stating the day, if its verb (`predicate`)
    is an act ("The busiest day came on June 11, when 549 people crossed"), not a level ("since June
    15, when there were 224 deaths"; `[syntax] level_verbs`). A day elsewhere in the sentence ("...,
    a group said on Friday") is the report's."""
    own = clauses[0] if clauses else ()
    opener = doc.text[own[0][0]:own[0][1]].split(maxsplit=1)[:1] if own else []
    if opener and opener[0].casefold() in doc.time.when and len(clauses) > 1 and predicate and \
            predicate not in doc.level_verbs:
        own = (*own, *clauses[1])
    for s, e in own:
        relatives = [m for m in doc.times.relatives(s, e) if doc.times.from_publication(m)]
        days = [doc.period(s, e)] + [doc.times.relative_period(m, doc.published) for m in relatives]
        if any(period is not None and _days(period) <= EVENT_DAYS for period in days):
            return frozenset({"event"})
        if any(m.group("pub") for m in relatives):  # "yesterday" is one day, though a source dated by month
            return frozenset({"event"})              # cannot say which

    return frozenset()


EVENT_DAYS = 7  # a count over at most this many days ("over the weekend of 17 and 18 June") is one event's


def _days(period: times.Period) -> float:
    """How many days a period of whole dates spans, both ends counted; infinite for anything vaguer."""
    if len(period.start) != 10 or len(period.end) != 10:
        return float("inf")
    return (date.fromisoformat(period.end) - date.fromisoformat(period.start)).days + 1


def _only_in(opened: list[Mention], mentions: list[Mention], entity: str) -> bool:
    """Whether the sentence names the entity, and only after the words that opened `opened`."""
    naming = [m for m in mentions if m.entity == entity]
    return bool(naming) and all(m in opened for m in naming)


def _cut(runs, spans) -> tuple[tuple[int, int], ...]:
    """The runs without the spans."""
    for s, e in spans:
        runs = tuple(piece for a, b in runs for piece in ((a, min(b, s)), (max(a, e), b)) if piece[0] < piece[1])
    return tuple(runs)


def _cues(doc: _Document, runs) -> frozenset[str]:
    """The scope cues of runs of text; words standing for a time named before ("90 died in 24 hours. ...
    3,000 were admitted during the same period") say what the nearest cue before them says."""
    found = frozenset().union(*(doc.cues.within(s, e) for s, e in runs)) if runs else frozenset()
    if "previous" in found:
        found = found - {"previous"} | doc.cues.last_before(runs[0][0], _ANAPHOR_REACH)
    return found


_ANAPHOR_REACH = 600  # characters: about three sentences back


def _metric(doc: _Document, q: Quantity, reading: syntax.Reading, start: int, end: int, total_metric: str,
            implied: str, stated_scope: str = "", item: tuple[int, int] | None = None, paragraph: int = -1,
            nested: bool = False, drawn_from: str = "") -> str:
    """The configured metric the parsed counted noun (else the words after the figure) names, chosen
    by the predicates of the figure's own clause; else the metric of an earlier figure of the sentence
    or paragraph whose noun this one leaves implied ("812 cases in Chad, while 97 ..."); else an
    automatic one. `item` is the name the figure's list item opens with (metric.list_item), if any;
    `paragraph` where the figure's paragraph starts; `nested`: the figure stands in another figure's
    phrase ("3,100 of the 12,000 residents"), whose words its clause's are; `drawn_from`: the metric of
    the set the sentence opens with ("Among the new deaths, 13 were ..."), which names what a figure
    without a noun of its own counts before any word near it."""
    vocab, config = doc.vocab.metrics, doc.config
    if reading.absolute and reading.clauses:  # "With 63% of the districts reported, the Blue Party leads"
        start, end = min(s for s, _ in reading.clauses[0]), max(e for _, e in reading.clauses[0])
    rate = metrics.per_unit(q, doc.text, vocab, config, doc.automatic)
    if rate is not None:
        return rate  # "54 people per boat" counts no people
    # The scanner's noun right after the figure ("six more people") is the longest phrase written;
    # the parse finds the noun elsewhere ("the tally of cases climbed to 4,210").
    # A noun before the figure ("the total budget of N21.83 trillion for the sector") says what it is;
    # else a phrase after it may ("N8.7 trillion as recurrent expenditure").
    names = metrics.in_phrase(q, doc.text, vocab, config) or (
        [] if reading.noun and reading.noun_at < q.start and reading.noun not in doc.containers
        else metrics.in_role(q, doc.text, vocab, config, doc.roles))  # "the sum of N8.7 trillion is for ..."
    placed_item = bool(item) and _names_place(doc, *item)
    if placed_item:
        item = None  # "followed by Westshire at 56.9%": a place names where, not what, a figure counts
    # A noun before the figure's list item is another item's: "A was at 3%, B at 2%".
    if not names and reading.noun and not (item and reading.noun_at < item[0]):
        names = metrics.from_noun(reading.noun_text, reading.noun, metrics.figure_kind(q), vocab, config,
                                  doc.automatic.plurals, doc.automatic.same)
    if names and reading.undergoes and q.kind == "count" and reading.noun in doc.automatic.roles:
        # "ten dengue patients died": what befell people named by a role is what is counted, where the
        # verb's measures are none of the noun's, nor parts or wholes of them.
        befell = metrics.by_verb(reading.predicate, q, vocab, config)
        if befell and not any(b == n or metrics.descends(vocab, b, n) or metrics.descends(vocab, n, b)
                              for b in befell for n in names):
            names = befell
    if not names and q.kind == "count" and _word_of(doc, reading.noun, doc.place_nouns) and not reading.projected:
        # "in 12 out of 20 provinces": places no metric names count places, not what the sentence counts
        return metrics.automatic(reading.noun, reading.predicate, False, doc.automatic)
    # "14.6 million Ukrainians require assistance": a place's people are people, whom the verb counts.
    generic = reading.noun in doc.automatic.generic or _people_of_place(doc, reading)
    named = bool(names) and not generic
    # Who the figure belongs to ("The ANC won 159 seats", "PA at 2.04%") names the part of the noun's
    # metric it counts, or, without a noun, its metric.
    # Without a noun of its own, the verb names what a figure counts: "seeks to raise $2.7 billion"; so
    # does a noun that is one of a metric's predicates ("spending"). Any other noun counts something
    # the vocabulary does not name.
    noun = reading.noun_text
    # "the number", "the 20 million figure": a bare container says what is counted no more than "people".
    bare = reading.noun in doc.containers or reading.refers
    nounless = not reading.noun or bare or generic or bool(
        metrics.by_predicate(((0, len(noun)),), q, noun, vocab, config))
    # A list item's own name is nearer than its clause's holder, even one the vocabulary lacks:
    # "GL was at 31.5%, the Red Union at 4.1%".
    holder = reading.holder if reading.holder[0] >= 0 and not _generic_span(doc, reading.holder) else None
    owners = [item] if item else [holder] if holder else []
    # "followed by the Blue Party (1,902,416 votes, 24.7%)": the name right before the figure's bracket
    bracketed = _bracket_name(doc, q, start)
    if not item and bracketed[0] >= 0 and metrics.held([bracketed], q, doc.text, vocab, config):
        owners = [bracketed]
    # "Patriotic Alliance (PA): 2.11% (298,614 votes)": a label names whose figures follow it.
    label = _label(doc, q)
    owners = owners or ([label] if label[0] >= 0 else [])
    owned = metrics.held(owners, q, doc.text, vocab, config)
    if not owned and holder and _description(doc, holder):
        # "The EFF have not been lucky, the party obtained 9.51%": the owner its sentence named before it,
        # else the subject of the sentence before ("The Congress doubled its tally. The party had won 52")
        previous = doc.last_sentence[0] if doc.last_sentence[0] >= paragraph else start  # within the paragraph
        owned = metrics.first_owner(doc.text, start, holder[0], q, vocab, config) or metrics.first_owner(
            doc.text, previous, start, q, vocab, config)
    owner = owners[0] if owners else (-1, -1)
    if names and not owned and q.kind == "count" and _unlisted_name(doc, owner, start):
        # "Inkatha Freedom Party (IFP): 3.86% (545,754 votes)": a party the vocabulary does not list has a
        # part of the votes, never all of them.
        head = reading.noun_text.casefold().split()[-1:] if reading.noun else []
        family = metrics.owners_family(vocab, config, names, head[0] if head else "")
        if family:
            return metrics.unlisted_part(family, doc.text[owner[0]:owner[1]])
    if names:
        # The holder's part of what the noun counts: of a metric the noun named, or of one whose words
        # end in the same noun ("The ANC has obtained 6,444,202 votes": its part of "valid votes").
        head = (reading.noun_text or reading.noun).casefold().split()[-1:] if reading.noun else []
        names = [n for n in owned if any(metrics.descends(vocab, n, m) for m in names)
                 or (head and metrics.headed_by(config, vocab.parent.get(n, ""), head[0]))] or names
    else:
        names = owned
    if not names and reading.refers and implied:
        return implied  # "the number has risen to 18.3 million": what the number is of, not the verb
    verb = reading.predicate
    place_states = _stated_by_place(doc, reading, placed_item)
    if not names and metrics.figure_kind(q) == "percent" and reading.clauses:
        # "With 97% of the vote counted, the ANC leads": a share's own clause's predicate, or the participle
        # describing its noun ("with 18% of votes counted"), names it before the sentence's other words
        runs = (*reading.clauses[0], reading.participle) if reading.participle[0] >= 0 else reading.clauses[0]
        names = _unless_stated(metrics.by_predicate(runs, q, doc.text, vocab, config), verb, place_states, vocab)
    # The verbs of the figure's clause and of the participle describing it ("the N27.5 trillion presented").
    own_runs = reading.clauses[0] if reading.clauses else ()
    verbs_at = (*own_runs, reading.participle) if reading.participle[0] >= 0 else own_runs
    if not names and not reading.noun and drawn_from:
        names = [drawn_from]
    if not names:
        if label[0] >= 0:  # "PA - 7.9%\nEFF - 5.26%": a labelled line's words are its own
            line_end = doc.text.find("\n", q.end)
            start, end = max(start, doc.text.rfind("\n", 0, q.start) + 1), min(end, line_end if line_end >= 0 else end)
        names = metrics.candidates(q, doc.text, start, end, vocab, config, item is not None,
                                   -1 if nounless else reading.phrase_end, _next_figure(doc, q))
    if not names and metrics.figure_kind(q) == "percent" and item is None:
        names = metrics.share_of_count(doc.text, start, end, vocab, config, doc.shares, doc.automatic.generic)
    if not names and reading.noun and not nounless:
        names = metrics.made_from_verbs(reading.noun_text, metrics.figure_kind(q), vocab, config)
    if not names and reading.clauses and nounless:
        names = _unless_stated(metrics.by_predicate(verbs_at, q, doc.text, vocab, config), verb, place_states, vocab)
    if not names and nounless and reading.predicate:
        # "calling on Monday for $4.2 billion": the verb of a predicate whose words the text parts.
        names = _unless_stated(metrics.by_verb(verb, q, vocab, config), verb, place_states, vocab)
    # Each candidate as the sibling of the scope the clause states, before the predicates choose: a
    # verb that rules out the running total ("new") does not rule out its one-report sibling.
    siblings = vocab.siblings
    names = list(dict.fromkeys(siblings.get(n, {}).get(stated_scope, n) for n in names))
    own = reading.clauses[0] if reading.clauses else ((start, end),)
    clause = next(((s, e) for s, e in own if s <= q.start and q.end <= e), (start, end))
    if any(vocab.directions.get(n) for n in names):  # only a metric going one way asks where the figure goes
        change = doc.text[reading.change[0]:reading.change[1]] if reading.change[0] >= 0 else ""
        names = metrics.by_direction(names, metrics.figure_direction(q, doc.text, change, doc.code),
                                     clause, doc.text, vocab)
    reaches = ((reading.participle,), (clause,), ((start, end),))
    reaches = reaches if reading.participle[0] >= 0 else reaches[1:]
    name = metrics.choose(names, q, doc.text, reaches, vocab, total_metric, named, (paragraph, end),
                          reading.predicate, doc.topic, doc.code)
    if not name and nounless and reading.clauses:
        # The words near a figure without a noun named metrics its verbs rule out ("224 have been killed":
        # "killed" is a word of the dead identified by name, not their verb); its clause's verbs may name another.
        others = [n for n in _unless_stated(metrics.by_predicate(verbs_at, q, doc.text, vocab, config), verb, place_states, vocab)
                  if n not in names]
        name = metrics.choose(others, q, doc.text, reaches, vocab, total_metric) if others else ""
    # A plan or forecast of a count of what happened ("expected to exceed 5,000 cases") is not that
    # count; a metric of needs or targets is about plans already, and keeps its figures.
    if reading.projected and (not name or doc.metric_scope(name) in ("cumulative", "event")):
        return metrics.automatic(reading.noun, reading.predicate, True, doc.automatic)
    if not nested and name in vocab.wholes:  # only a measure with declared parts can narrow
        lo, hi = doc.span(start, end)
        kind = metrics.figure_kind(q)
        rivals = tuple(o.start for o in doc.quantities[lo:hi] if o is not q and metrics.figure_kind(o) == kind)
        # The clause whole, not its runs: "casualties, both dead and wounded" names both parts.
        hull = ((min(s for s, _ in own), max(e for _, e in own)),)
        name = metrics.narrower(name, q, doc.text, hull, vocab, config, rivals, reading.attributive, doc.code)
    change = reading.change[0] >= 0 and q.kind in ("count", "money")
    if change:
        return _changed(doc, q, reading, name)
    if not name and (not reading.noun or bare) and implied and reading.predicate not in doc.automatic.same:
        name = implied  # unless its verb names what it counts: "412 dead and 1,300 injured"
    if name:
        # An implied unlisted part ("60 with minor injuries, four in moderate condition") is its whole's.
        whole = name if name in config.metrics else metrics.whole_of_unlisted(name)
        part = (metrics.group_part(whole, reading.noun_text, vocab, config, doc.automatic)
                or metrics.condition_part(whole, _after_in_clause(doc, q, reading), vocab, config, doc.automatic)) \
            if q.kind == "count" and whole in config.metrics else ""
        return part or name
    if (placed_item or place_states or label[0] >= 0 and _names_place(doc, *label)) and (not reading.noun or bare):
        # "Eastshire: 61.2%" on lines below a paragraph about turnout, "..., followed by Westshire at 58.1%":
        # a list of places, each with a value of what the document last measured of the figure's kind
        last = doc.last_named.get(metrics.figure_kind(q), "")
        if last:
            return last
    if (not reading.noun or bare) and q.kind == "count" and not total_metric:
        # "a marked rise of children not attending school: from 10.5 million to 13.2 million": the
        # nearest noun of its own clause before the figure that names a metric, if its verbs allow it;
        # not a label's ("Votes: 3,439,761" under a party's name), which says whose the figure is.
        runs = [(s, min(e, q.start)) for s, e in (reading.clauses[0] if reading.clauses else ()) if s < q.start]
        before: tuple[str, ...] = ()
        for s, e in runs:
            before = metrics.named_between(doc.text, s, e, vocab, config, "count", last=True) or before
        labelled = doc.text[start:q.start].rstrip().endswith(":")
        name = metrics.choose(list(before), q, doc.text, reaches, vocab) if before and not labelled else ""
        if name:
            return name
    if q.kind == "count" and not total_metric:
        automatic = metrics.automatic(reading.noun, reading.predicate, False, doc.automatic)
        if automatic.removeprefix(metrics.AUTOMATIC) in doc.unnamed:
            # "The total was 412", "The states include Eastshire (48,210)": a verb or container that names
            # nothing counts what the document has counted most so far
            counted = +doc.counted  # the metrics some figure still has
            if counted:
                return counted.most_common(1)[0][0]
        return automatic
    # An age or a duration says by its unit what it measures: the workspace's one metric of its kind.
    return doc.only_of_kind.get(q.kind, "") if q.kind in ("age", "duration") else ""


# How long an ISO date's precision is: "2024" a year, "2024-03" a month.
_SPAN_OF_PRECISION = {4: "year", 7: "month"}


def _spanned(doc: _Document, name: str, period: times.Period | None, clause, noun: str) -> str:
    """"Inflation was 2.5% in March": a rate its words leave without a span is the metric of its head noun
    measured over the span its period is stated at, unless its clause or its noun says the span ("annual
    inflation hit 30% in March", "the annual rate, which reached 30% in March")."""
    rivals = doc.vocab.metrics.spans.get(name)
    if not rivals or period is None or period.start != period.end:
        return name
    words = doc.vocab.metrics.span_words
    if words is not None and (words.search(noun) or any(words.search(doc.text, s, e) for s, e in clause)):
        return name
    return rivals.get(_SPAN_OF_PRECISION.get(len(period.end), ""), name)


def _changed(doc: _Document, q: Quantity, reading: syntax.Reading, level: str) -> str:
    """The metric of a change of `level` ("the ANC lost 79 seats", "increased by N1.2 trillion"): the
    level's one-report sibling where a running total has one ("rose by 399": new cases), a metric the
    change word itself names (its word or predicate), else an automatic change metric; a change is no
    level, so comparing it with one would raise false alarms."""
    vocab = doc.vocab.metrics
    sibling = vocab.siblings.get(level, {}).get("event") if level else None
    if sibling:
        return sibling
    # A predicate may run from the change word to the figure ("increasing by 20,000"); a word must be the
    # change word itself ("increased"), not the level's noun between them ("increased the budget by").
    span = (reading.change[0], max(reading.change[1], q.start))
    named = metrics.by_predicate((span,), q, doc.text, vocab, doc.config) or list(
        metrics.named_between(doc.text, *reading.change, vocab, doc.config, metrics.figure_kind(q)))
    if named:
        return named[0]
    if q.kind != "count" and not level:
        return ""  # an amount the vocabulary names nothing of has no automatic metric either
    automatic = metrics.automatic(reading.noun, reading.predicate, False, doc.automatic)
    return f"{automatic}:change" if automatic else ""


def _description(doc: _Document, span: tuple[int, int]) -> bool:
    """Whether a holder stands for an owner named elsewhere: "the" and a noun of `[syntax]
    owner_descriptions` ("the party"), or a pronoun its own sentence does not resolve ("It has obtained")."""
    words = doc.text[max(0, span[0] - 4):span[1]].casefold().split()
    return words[-2:-1] == ["the"] and _word_of(doc, words[-1], doc.owner_descriptions) or (
        doc.text[span[0]:span[1]].casefold() in doc.referring_pronouns)


def _generic_span(doc: _Document, span: tuple[int, int]) -> bool:
    """Whether a holder is a general noun ("people die each month, with 19,000 such deaths"): nobody whose
    part of a measure the figure would be."""
    words = doc.text[span[0]:span[1]].casefold().split()
    return bool(words) and _word_of(doc, words[-1], doc.automatic.generic)


def _word_of(doc: _Document, word: str, words: frozenset[str]) -> bool:
    """Whether `word` (casefolded), or its singular by the language's plural endings, is one of `words`."""
    return word in words or any(word.endswith(e) and word[:-len(e)] in words for e in doc.automatic.plurals)


_LABEL = re.compile(rf"[ \t]*(?:{LIST_MARKER}[ \t]+)?(?P<name>[A-Z][^:.!?\n]{{0,60}}?)(?:[ \t]*:|[ \t]*[-–—])[ \t]")


def _open_bracket(doc: _Document, q: Quantity, start: int) -> int:
    """Where the bracket the figure stands in opens, within its sentence from `start`; else -1."""
    bracket = doc.text.rfind("(", start, q.start)
    return bracket if bracket >= 0 and ")" not in doc.text[bracket:q.start] else -1


def _bracket_name(doc: _Document, q: Quantity, start: int) -> tuple[int, int]:
    """The name right before the bracket the figure stands in ("the Blue Party (1,902,416 votes, 24.7%)",
    "Eastshire (12 seats)"), from the last comma, semicolon, colon or bracket; else (-1, -1)."""
    bracket = _open_bracket(doc, q, start)
    m = _BRACKET_NAME.search(doc.text, start, bracket) if bracket >= 0 else None
    return m.span("name") if m else (-1, -1)


_BRACKET_NAME = re.compile(r"(?:^|[,;:()]\s*)(?P<name>[^\W\d][^,;:()\d]{0,60}?)\s*$")


def _label(doc: _Document, q: Quantity) -> tuple[int, int]:
    """The name the figure's line opens with as its label: "Patriotic Alliance (PA): 2.11% (298,614 votes)",
    "ANC - 34.34%" (a parse may end a sentence after the label); else (-1, -1)."""
    m = _LABEL.match(doc.text, doc.text.rfind("\n", 0, q.start) + 1, q.start)
    return m.span("name") if m else (-1, -1)


def _unlisted_name(doc: _Document, span: tuple[int, int], sentence_start: int) -> bool:
    """Whether the span is a proper name that is no place: an owner of a figure. Its last word, the head
    of the name, is capitalised, and not only for opening the sentence ("Inkatha Freedom Party (IFP)";
    not "New kid", "Officials", "the BJP-led alliance")."""
    words = doc.text[span[0]:span[1]].replace("(", " ").replace(")", " ").split() if span[0] >= 0 else []
    if not words or not words[-1][:1].isupper():
        return False
    opens = len(words) == 1 and not doc.text[sentence_start:span[0]].strip(" \t\n\"“'‘")
    if opens and not any(c.isupper() for c in words[-1][1:]):
        return False  # "Officials counted ...": a capital only for opening the sentence
    place = _word_of(doc, words[-1].casefold(), doc.place_nouns) or doc.vocab.gazetteer.mentions(doc.text, *span)
    return not place


def _after_in_clause(doc: _Document, q: Quantity, reading: syntax.Reading) -> str:
    """The words of the figure's own clause after it, up to the next figure or punctuation: "30 with
    moderate injuries", not "70 injured, including a man in serious condition"."""
    limit = _next_figure(doc, q)
    limit = limit if limit > q.end else len(doc.text)
    stop = _BREAK.search(doc.text, q.end, limit)
    limit = stop.start() if stop else limit
    runs = reading.clauses[0] if reading.clauses else ()
    return " ".join(doc.text[max(s, q.end):min(e, limit)] for s, e in runs if max(s, q.end) < min(e, limit))


def _people_of_place(doc: _Document, reading: syntax.Reading) -> bool:
    """Whether the counted noun is a place's people ("Ukrainians", "Afghans", "Malians", "Chinese"): it ends
    in the gazetteer's form of a plural or of a demonym; not the place itself ("five of Mali's regions")."""
    end = reading.noun_at + len(reading.noun_text)
    if reading.noun_at < 0:
        return False
    gazetteer, plural = doc.vocab.gazetteer, doc.text.endswith("s", reading.noun_at, end)
    return any(m.end == end and (plural or gazetteer.adjective(doc.text, m))
               for m in gazetteer.mentions(doc.text, reading.noun_at, end))


def _stated_by_place(doc: _Document, reading: syntax.Reading, placed_item: bool) -> bool:
    """Whether a place states the figure with a verb of stating, as the verb's subject or its list item's
    name: "Delhi recorded 58.7 per cent and Goa 61.2" says what each place's figure is, not that it is a
    share of votes recorded ("had 99% of votes recorded")."""
    return reading.predicate in doc.automatic.neutral and reading.participle[0] < 0 and (
        placed_item or reading.holder[0] >= 0 and _names_place(doc, *reading.holder))


def _unless_stated(names: list[str], verb: str, place_states: bool, vocab) -> list[str]:
    """`names` without those the verb of stating names (`place_states`: _stated_by_place)."""
    return [n for n in names if verb not in vocab.verbs.get(n, ())] if place_states else names


def _names_place(doc: _Document, start: int, end: int) -> bool:
    """Whether the list item's name [start, end) ends in the name of a place ("followed by Niger")."""
    found = doc.vocab.gazetteer.mentions(doc.text, start, end)
    return bool(found) and not doc.text[found[-1].end:end].strip()


def _next_figure(doc: _Document, q: Quantity) -> int:
    """Where the next figure not joined to this one starts ("N and M votes" share their noun), or -1."""
    after = bisect.bisect_right(doc.starts, q.start)
    previous = q
    for nxt in doc.quantities[after:]:
        if not doc.figure_joins.fullmatch(doc.text, previous.end, nxt.start):
            return nxt.start
        previous = nxt
    return -1


def _prose(doc: _Document, block: Block, context_entity: str) -> str:
    """Claims of a heading or paragraph; returns the last entity the block names, or ""."""
    text, vocab = doc.text, doc.vocab
    context = _Context()
    for start, end in block.sentences:
        if start > block.start and not text[text.rfind("\n", block.start, start) + 1:start].strip():
            # A sentence opening a line opens a paragraph, as a blank line does: a part the one before
            # names hands on only its whole (see _run), unless the document is about that part.
            if context.entity != doc.named_most:
                context.entity = _whole(context.entity)
        mentions = set_aside(text, start, vocab.gazetteer.mentions(text, start, end), doc.code)
        lo, hi = doc.span(start, end)
        quantities = doc.quantities[lo:hi]
        readings = doc.readings.get(start) or [syntax.NO_READING] * len(quantities)
        sentence_cues = _cues(doc, ((start, end),))
        parts = breakdowns.link_parts(text, start, end, quantities, doc.markers, doc.breaks)
        base = len(doc.found)
        previous_count = context.last_count  # "Of these, ...": the last count before this sentence
        # A share's implied noun is an earlier clause's of the same sentence; a count's may stand in an
        # earlier sentence ("Of the new hospitalisations, 741 ... and 683 ...").
        context.implied = {k: v for k, v in context.implied.items() if k == "count"}
        named_set = breakdowns.set_opener(text, start, end, doc.set_openers)
        set_metric = metrics.from_label(text[named_set[0]:named_set[1]], doc.vocab.metrics, "count",
                                        doc.config) if named_set else ""
        if set_metric:
            # "40 new cases on Tuesday. Of the cases, 25 were in the north": the set is the last figure of its
            # measure, stated in the sentence before, and its figures are that figure's kind (one day's)
            family = {set_metric, *vocab.metrics.siblings.get(set_metric, {}).values()}
            set_metric = next((f.metric for f in reversed(doc.found) if f.metric in family
                               and f.q.start >= doc.last_sentence[0]), set_metric)
        if named_set:  # "Of the deaths, 99 have been logged ...": the set names what its figures count
            context.implied["count"] = set_metric or context.implied.get("count", "")
        # ... before the words near a figure without a noun, unless it names people by a role, who are
        # counted by what befalls them: "Of the patients, 8 died".
        drawn = set_metric if named_set and not _word_of(
            doc, text[named_set[0]:named_set[1]].split()[-1].casefold(), doc.automatic.roles) else ""
        later = []    # (part, total) where the total follows its part
        lead = ""  # the configured metric of this sentence's first count with a noun of its own
        paired = respective(text, start, end, [(q.start, q.end) for q in quantities], mentions, doc.code)
        years = _respective_years(doc, start, end, quantities)
        examples = exemplified(text, start, mentions, doc.code)
        # where people who moved went, in a workspace counting them where they came from: not a figure's
        # place; there, no destination is what the sentence hands on either
        went = went_to(text, start, end, mentions, doc.code) if doc.config.movement == "origin" else []
        destinations = destined(text, start, mentions, doc.code) + went
        origins = originated(text, start, mentions, doc.code)
        named_scope = None  # worked out once per sentence, where a figure needs it
        actors = acting(text, start, mentions, doc.code)
        locations = located(text, start, mentions, doc.code)
        # "A recorded 58.7 per cent and B 54.0": the place opening a later figure's list item is that figure's
        leads = [leading_item_place(text, start, q.start, mentions, doc.code) for q in quantities]
        for i, (q, reading) in enumerate(zip(quantities, readings)):
            # "1.3 million people fled to neighbouring countries, including Chad": not Chad's figure
            own = [m for m in mentions if (m.start < q.end or m not in examples) and m not in destinations
                   and not any(lead is m for j, lead in enumerate(leads) if j != i)]
            item = metrics.list_item(text, start, q, doc.items)  # "..., followed by Chad with 45,086"
            # the name the item opens with
            named = next(iter(_in_runs(own, [item])), None) if item else item_place(text, q.start, own, doc.code)
            bracketed = _bracket_name(doc, q, start)  # "Eastshire (12 seats), Westshire (9)"
            named = named or next((m for m in own if m.end == bracketed[1]), None)
            named = named or leads[i]
            named = named or trailing_place(text, q.end, [m for m in own if not _inside(m, reading.attributive)
                                                          and not doc.vocab.gazetteer.adjective(text, m)], doc.code)
            named = named or (sourced_item_place(text, q.end, own, doc.code) if q.noun_start < 0 else None)
            placed = paired.get(i) or (named.entity if named else _entity(
                text, own, q, reading, "", block.kind == "heading", actors, locations))
            # "138 new cases, including two deaths, bringing the total to 30,880": a total, no part
            total = None if reading.running else parts.get(i)
            if total is None:
                total = -1
                if reading.part_of_index > i:  # "3,100 of the 12,000 residents": tied once the total is read
                    later.append((base + i, base + reading.part_of_index))
                elif reading.part_of_index >= 0:
                    total = base + reading.part_of_index
            elif total == breakdowns.PREVIOUS:
                total = previous_count
            else:
                total += base
            total_metric = doc.found[total].metric if total >= 0 else ""
            own = reading.clauses[0] if reading.clauses else ()
            # "971 hospitalised in 24 hours": the participle describing the figure dates its act. Only a
            # window counts: "displaced since April", "counted thus far" say how a state came about.
            described = _describing(reading)
            # "five people were killed and 92 wounded on Monday in the strikes": the day and the act the
            # verb coordinated after the figure's own states are the figure's too, in a sentence that
            # states no running total ("Since the war began 212 have been killed, and 40 ... on Monday")
            shared = (_cues(doc, reading.coordinated) | _day_cue(doc, (reading.coordinated,))) & {"event"} \
                if reading.coordinated and "cumulative" not in sentence_cues else frozenset()
            clause_cues = _cues(doc, own) | (_cues(doc, described) & {"event"}) | shared
            if not clause_cues and "cumulative" not in sentence_cues and not any(doc.period(s, e) for s, e in own) \
                    and any(r.clauses and "event" in _cues(doc, r.clauses[0]) for r in readings[i + 1:]):
                # "9 patients die, 120 admitted in 24 hours": a later figure's window, where the figure's
                # own clause states no time and the sentence no running total, is the figure's too
                clause_cues = frozenset({"event"})
            if "cumulative" in clause_cues and reading.records and "cumulative" not in _cues(
                    doc, _cut(own, [r for r in reading.records if not r[0] <= q.start < r[1]])):
                clause_cues -= {"cumulative"}  # "800 crossed on Saturday, the highest number so far this year"
            if reading.progressive and q.kind == "count" and not clause_cues - {"total"}:
                clause_cues |= {"snapshot"}  # "the hospitals were treating 4,069 patients"
            said = clause_cues
            kind = metrics.figure_kind(q)
            # The scope the clause's words state picks, among metrics of one noun, the one of that scope:
            # "399 new cases", "six more deaths" are one report's, not the running total's.
            # "138 new cases, bringing the total to 30,880 cases, including 887 deaths": the running
            # total and its parts
            if reading.running or 0 <= total < len(doc.found) and doc.found[total].reading.running:
                said = said | {"cumulative"}
            elif scopes.is_increment(text, q.start, q.end, q.noun_end, doc.increments, -1 if said else start):
                said = said | {"event"}
            stated_scope = scopes.decide("", said - {"total"})
            implied = context.implied.get(kind, "")
            if reading.running and reading.refers and kind == "count":
                # "312 people came ashore in seven boats, taking the total to 9,876": a running total adds up
                # what the sentence's lead count counts, else the sentence before's, not the last noun's
                implied = lead or context.lead or implied
            previous = context.previous if context.previous[0] >= 0 else doc.last_sentence
            if not implied and reading.refers and previous[0] >= 0:
                # "The number of children out of school rose. UNICEF said the number has reached 18.3
                # million": a bare container counts what the sentence before named.
                named = metrics.named_between(text, *previous, doc.vocab.metrics, doc.config, kind)
                # of the measures its words name, the one the document is about
                implied = next(iter(metrics.by_topic(named, doc.topic())), "")
            # "3,100 of the 12,000 residents", "$4.9 billion of the budget of $21.8 billion for capital
            # expenditure": the clause's words are those of the figure whose phrase holds this one
            nested = any(r.part_of_index == i or (j != i and quantities[j].end <= r.noun_at <= q.start < r.phrase_end)
                         for j, r in enumerate(readings))
            drawn_from = drawn if drawn and q.start > named_set[1] and kind == "count" else ""
            # "..., Jammu and Kashmir 54.67%, Bihar 52.60%": a place opening the item is its name too
            opened = item or ((leads[i].start, leads[i].end) if leads[i] else None)
            name = _metric(doc, q, reading, start, end, total_metric, implied, stated_scope, opened, block.start,
                           nested, drawn_from)
            name = doc.vocab.metrics.siblings.get(name, {}).get(stated_scope, name)
            measure_place = doc.vocab.metrics.places.get(name, "")
            if placed and measure_place and placed != measure_place and _only_in(origins, mentions, placed):
                placed = ""  # "crossed the Channel from France": where they came from, not the crossings' place
            placed = placed or _referred_part(doc, own)
            entity = placed or _placed_by_measure(measure_place, context.entity or context_entity)
            if entity and any(doc.nationwide.search(text, s, e) for s, e in own):
                entity = _whole(entity)  # "9.4% of the votes nationally" in a paragraph about a province
            if reading.noun in doc.place_nouns and not (entity and _below(doc, entity, reading.noun, start, q.start)):
                # "three states had the highest rates: A state, B state" counts the country's states; "615
                # voting districts" in a province are the province's
                entity = _whole(entity)
            # A state on a day ("3,630 people were still in shelters on 18 May") is a snapshot of that day.
            # A measure of a state stays one on the day it is stated ("the ANC received 40.18 percent in
            # Wednesday's election").
            records = _records_apart(reading, q)
            dated = tuple(_cut(runs, records) for runs in reading.clauses)
            own_cues = clause_cues | (_day_cue(doc, dated, reading.predicate) if "snapshot" not in clause_cues
                                      and doc.metric_scope(name, kind) != "snapshot" else frozenset())
            if reading.running:
                own_cues |= {"cumulative"}
            period = years.get(i) or _ongoing(doc, _period(doc, q, reading, start, end, records, dated),
                                              reading.projected)
            name = _spanned(doc, name, period, own or ((start, end),), reading.noun_text)
            if reading.noun and name:
                context.implied[kind] = name
                if not lead and kind == "count" and name in doc.config.metrics:
                    lead = name
            configured = doc.metric_scope(name, kind) or _share_scope(doc, q, reading)
            if not configured and q.kind == "count":
                # A part without a scope of its own counts as its total does ("605 killed, including 38
                # children"); another count, as the measures its sentence names ("among the casualties").
                if name not in doc.config.metrics and _word_of(doc, reading.noun, doc.place_nouns) \
                        and not reading.perfect and "cumulative" not in sentence_cues:
                    # "10 states reporting cases": how many places something touches is a state, unless a
                    # perfect verb or a cue counts them up ("has spread to 54 localities", "to date")
                    configured = "snapshot"
                elif 0 <= total < len(doc.found):
                    configured = doc.found[total].scope
                else:
                    if named_scope is None:
                        named_scope = _named_scope(doc, start, end)
                    configured = named_scope
            if configured == "snapshot" and not reading.running:
                own_cues -= {"cumulative"}  # "13 million have fled their homes since April": the stock now
            if configured == "cumulative" and "act" in sentence_cues and "cumulative" not in sentence_cues \
                    and not own_cues - {"total"} and not reading.running:
                # "After the attack on the port, officials said five people had been killed": a running
                # measure counted in a sentence about one act of force, with no cue of a running total, is
                # that act's
                configured = "event"
            scope = scopes.decide(configured, own_cues, sentence_cues | ({"snapshot"} if reading.state else set()))
            if not scope and kind == "percent" and name not in doc.config.metrics:
                # a share no configured metric names and nothing else scopes is the state of its set ("44% of
                # children are out of school"); a change ("rose by 25%") happened between two reports. A
                # configured metric left without a scope stays so: its user chose not to compare by scope.
                scope = "event" if reading.change[0] >= 0 else "snapshot"
            if not scope and q.kind == "count" and reading.perfect and not reading.state:
                # "seven hospitals have been damaged", "has risen to 1,062": acts counted up to now
                scope = "cumulative"
            undated_scope = scope  # what dates a figure whose clause states no time
            if not scope and kind == "money" and name not in doc.config.metrics and reading.change[0] < 0:
                # a sum no configured metric names ("a kilo cost 1,214 pesos") is a state, and where its
                # clause gives no time, it stands for the source's period, not only its publication day
                scope = "snapshot"
            stated = period or context.period
            note = scopes.partial_coverage(text, own, doc.coverage)
            # "4,000 have fled to A": the part of those who left that reached one country
            reached = [m for m in _in_runs(went, own or ((start, end),)) if "+" not in m.entity]
            note = note or (text[reached[0].start:reached[0].end] if reached else "")
            found = Found(q, start, end, entity, name, scope, stated or doc.default_period(undated_scope),
                          stated is not None, total, reading, f"part: {note}" if note else "")
            parent = doc.config.metrics[name].part_of if name in doc.config.metrics else ""
            if found.total < 0 and parent:
                found.total = context.declared_total(found, parent)
            if period is None and 0 <= found.total < len(doc.found) and doc.found[found.total].stated:
                found.period, found.stated = doc.found[found.total].period, True  # a part stands when its total does
            doc.add(found)
            context.add(len(doc.found) - 1, found)
            if name in doc.config.metrics:
                doc.last_named[kind] = name
        for part, total in later:
            doc.found[part].total = total
            whole = doc.found[total]
            if whole.metric == doc.found[part].metric and whole.reading.noun in doc.place_nouns:
                # "cases in 25 of the 26 provinces": the places there are, not the ones the measure reached;
                # how many there are is a state
                doc.rename(whole, metrics.automatic(whole.reading.noun, "", False, doc.automatic))
                whole.scope = "snapshot"
        # Where the workspace declares places, another place is context for its own sentence only (nearest).
        subjects = [m for m in mentions if m.declared or not vocab.gazetteer.declared]
        attributive = readings[0].attributive if readings else ()
        # (a sentence without figures is not parsed: a country's adjective there qualifies a noun,
        # "Kenyan troops shelled a village in Uganda")
        # nor does a place after "by" or "against" (`actors`): who acted is not where later figures stand
        plain = [m for m in subjects if not _inside(m, attributive) and m not in actors
                 and (m not in destinations or doc.config.movement != "origin")
                 and (readings or not vocab.gazetteer.adjective(text, m))]
        taken = {f.entity for f in doc.found[base:]}
        if subjects and not plain:
            # Places that all qualify another noun ("during A's bombing", "the A coastguard said") hand on
            # the place the sentence's figures took, if they agree on one.
            if len(taken) == 1:
                context.entity = next(iter(taken))
        elif plain:
            handed = _handed_on(plain)
            # A place none of the sentence's figures is about, where they all agree on another ("three
            # states had the highest rates: Khartoum state, ..." counts the country's), hands on theirs.
            if len(taken) == 1 and handed not in taken and all(_contains(next(iter(taken)), e) for e in
                                                                   {m.entity for m in subjects}):
                handed = next(iter(taken))
            context.entity = handed
        _note_parts(doc, mentions)
        context.previous = doc.last_sentence = (start, end)
        context.lead = lead
        period = _latest(doc.found[base:]) or doc.period(start, end)
        if period and period.start != period.end and not _before(period.end, doc.registry.start):
            # A range or a running total carries on to the next sentences; the date of one event
            # ("the war began in June") does not, nor a look back before the source's own period.
            context.period = period
    return context.entity


def _table(doc: _Document, block: Block, context_entity: str, context_period: times.Period | None) -> None:
    lo, hi = doc.span(block.start, block.end + 1)
    table = read_table(block, doc.quantities, lo, hi, doc.code)
    doc.skipped.update(table.skipped.values())
    vocab = doc.vocab.metrics
    gazetteer = doc.vocab.gazetteer
    kinds = {fig.column: metrics.figure_kind(doc.quantities[fig.index]) for fig in table.figures}
    columns = {c: metrics.from_label(header, vocab, kinds.get(c, "count"), doc.config)
               for c, header in enumerate(table.header)}
    # "of which children": the column is a breakdown of the column before it.
    breakdown = {c for c, header in enumerate(table.header) if c > 1 and doc.markers.search(header)}
    for c in breakdown:
        if columns[c] and columns[c - 1] and not metrics.descends(vocab, columns[c], columns[c - 1]):
            columns[c] = ""
    parents = {vocab.parent.get(n, "") for c, n in columns.items() if c and c not in table.total_columns and n}
    for c in table.total_columns:
        if not columns[c] and len(parents) == 1:
            columns[c] = parents.pop()
    row_entities, row_dates = _label_entities(table.labels, gazetteer), {}
    for r, label in enumerate(table.labels):
        date = times.label_date(label, doc.published, doc.time)
        if date:
            row_dates[r] = date
    column_entities = _label_entities(table.header, gazetteer)
    members = sorted({code for r, e in row_entities.items() if r not in table.total_rows for code in e.split("+")})
    cell_index: dict[tuple[int, int], int] = {}
    for fig in table.figures:
        q = doc.quantities[fig.index]
        label = table.labels[fig.row]
        name = columns.get(fig.column, "") or metrics.from_label(label, vocab, metrics.figure_kind(q), doc.config)
        if fig.row in table.total_rows:
            entity = "+".join(members) if members else context_entity
            dates = sorted(d for r, d in row_dates.items() if r not in table.total_rows)
            period = times.Period(dates[0], dates[-1]) if dates else None
        else:
            if label and fig.row not in row_entities and fig.row not in row_dates and not metrics.from_label(
                    label, vocab, metrics.figure_kind(q), doc.config):
                name = ""  # a row for a unit finer than the vocabulary (a county, a camp): not the whole's figure
            entity = row_entities.get(fig.row) or column_entities.get(fig.column) or vocab.places.get(
                name, "") or context_entity
            date = row_dates.get(fig.row) or times.label_date(table.header[fig.column], doc.published, doc.time)
            period = times.Period(date, date) if date else None
        scope = doc.metric_scope(name, metrics.figure_kind(q))
        start, end = table.lines[fig.row]
        cell_index[(fig.row, fig.column)] = len(doc.found)
        stated = period or context_period
        doc.add(Found(q, start, end, entity, name, scope, stated or doc.default_period(scope), stated is not None))
    for fig in table.figures:
        f = doc.found[cell_index[(fig.row, fig.column)]]
        parent = vocab.parent.get(f.metric, "")
        if fig.column in breakdown:
            # "of which children" is a subset of the cell before it: linked to it only where that cell
            # has no other parts (no total row summing the rows), else to its own column's total.
            keys = [] if table.total_rows else [(fig.row, fig.column - 1)]
        else:
            keys = []
        if fig.column not in table.total_columns and fig.column not in breakdown:
            keys += [(fig.row, c) for c in sorted(table.total_columns)]
        if fig.row not in table.total_rows:
            keys += [(r, fig.column) for r in sorted(table.total_rows) if r > fig.row][:1]
        if not table.total_rows:  # else the parent's cell already totals the rows: one breakdown per total
            keys += [(fig.row, c) for c, n in columns.items() if parent and n == parent and c != fig.column]
        for key in keys:
            if key in cell_index:
                f.total = cell_index[key]
                break


def _label_entities(labels: list[str], gazetteer) -> dict[int, str]:
    """{index: entity} for the table labels (row or column) that name one."""
    found = {}
    for i, label in enumerate(labels):
        mentions = gazetteer.mentions(label, 0, len(label))
        if mentions:
            found[i] = mentions[0].entity
    return found


def extract_source(text: str, source: Mapping[str, str], config: Config) -> pd.DataFrame:
    """Every numeric claim of one source document, one row each, columns `CLAIM_COLUMNS`.

    A figure's entity is the nearest one its sentence names, else the last one named earlier in its
    paragraph, then in an earlier paragraph since the last heading where the document names that place
    most or the paragraph is a list's item, then by that heading, then the subject.
    """
    doc = _run(text, source, config)
    return _frame(doc, _field(source, "source_id"))


def _run(text: str, source: Mapping[str, str], config: Config) -> _Document:
    doc = _Document(text, source, config)
    gazetteer = doc.vocab.gazetteer
    heading_entity = section_entity = ""
    context_period = None
    blocks = segment(text, load_language(doc.code))
    doc.parse(blocks)
    named_most, by_name = _most_named(doc, blocks)
    doc.named_most = named_most
    # A document that names that place only by adjectives ("talks with the Dutch"), or not at all (the
    # country of its currency), is placed by its measures where they declare a place, before by it
    document_entity = config.subject or (named_most if by_name else "")
    label = None  # the heading right above, for a value set under its label ("Capital\n9.9 Trillion Naira")
    headline: list[int] = []  # the figures of headings, by index into doc.found
    for block in blocks:
        # A place an earlier paragraph named carries on into the items of a list, and where the document
        # names it most; else a paragraph that names none stands where the document does ("off the
        # coast of northern France" two paragraphs up does not place the next day's crossings).
        carried = section_entity if list_item(text, block) or section_entity == named_most else ""
        context_entity = carried or heading_entity or document_entity
        if block.kind == "table":
            _table(doc, block, context_entity, context_period)
            context_period, label = None, None
            continue
        first = len(doc.found)
        named = _prose(doc, block, context_entity)
        if label is not None and block.kind == "paragraph" and text[label.end:block.start].count("\n") == 1:
            _label_values(doc, label, doc.found[first:])
        label = block if block.kind == "heading" else None
        if block.kind == "heading":
            headline += range(first, len(doc.found))
            entities = {m.entity for m in gazetteer.mentions(text, block.start, block.end)}
            if len(entities) == 1:
                heading_entity = entities.pop()
            # A heading right above a table is often its caption: "Table 2. Vaccinations, March 2023 to June 2023".
            section_entity, context_period = "", doc.period(block.start, block.end)
        else:
            section_entity = _whole(named) or section_entity
            context_period = doc.period(block.start, block.end)
    if not document_entity:
        _place_the_unplaced(doc)
        for f in doc.found:
            f.entity = f.entity or named_most
    _name_the_repeated(doc)
    _measured_as_in_the_body(doc, headline)
    _relative_dates(doc)
    return doc


def _measured_as_in_the_body(doc: _Document, headline: list[int]) -> None:
    """A headline's running total the body states as one report's, under the event measure of its noun
    ("2,956 hospitalised" over "2,956 patients were hospitalised in 24 hours": a day's new cases) is
    that report's: a headline leaves out the words that set the scope."""
    heads = set(headline)
    body: dict[tuple, set[str]] = {}
    for i, f in enumerate(doc.found):
        if i not in heads and f.metric:
            body.setdefault(_restated(f.q), set()).add(f.metric)
    siblings = doc.vocab.metrics.siblings
    for i in headline:
        f = doc.found[i]
        stated = body.get(_restated(f.q), set())
        event = siblings.get(f.metric, {}).get("event", "")
        if f.scope == "cumulative" and event in stated and f.metric not in stated:
            doc.rename(f, event)
            f.scope = "event"


def _place_the_unplaced(doc: _Document) -> None:
    """In a document that names no place of its own, figures nothing placed stand in the one country
    the measures of its other figures are declared about (`[metrics.<name>] entity`), where there is
    one: a results page that names only parties the workspace places ("Blue Party 38.5%") is about
    their country, its turnout included."""
    places = doc.vocab.metrics.places
    countries = {_whole(f.entity) for f in doc.found if f.entity and f.entity == places.get(f.metric)}
    if len(countries) == 1 and "+" not in (country := countries.pop()):
        for f in doc.found:
            if not f.entity:
                f.entity = country


# Smaller counts, and shares, recur by chance in one document ("1 seat", "30%"): only a larger figure
# stated twice is one figure.
_DISTINCT = 1000


def _restated(q: Quantity) -> tuple:
    """What makes two mentions one figure: the value, the kind and a sum's currency (a count's noun
    may be left out the second time: "2,500 cases" and "the 2,500")."""
    return q.value, q.kind, _currency(q)


def _name_the_repeated(doc: _Document) -> None:
    """A figure nothing named, or only its verb did (an automatic metric without a counted noun: "the
    report includes 2,500"), that the document states again where its measure is named takes that
    measure: the headline's "$2bn" and the body's "an appeal of $2bn" are one figure."""
    named: dict[tuple, set[str]] = {}
    for f in doc.found:
        if f.metric in doc.config.metrics and f.q.kind != "percent" and abs(f.q.value) >= _DISTINCT:
            named.setdefault(_restated(f.q), set()).add(f.metric)
    for f in doc.found:
        unnamed = not f.metric or f.metric.startswith(AUTOMATIC_METRIC) and not f.reading.noun
        if unnamed and len(measures := named.get(_restated(f.q), set())) == 1:
            doc.rename(f, next(iter(measures)))


def _before(date: str, other: str) -> bool:
    """Whether the ISO date `date` ends before `other` starts, compared at the coarser precision."""
    n = min(len(date), len(other))
    return bool(date and other) and date[:n] < other[:n]


def _latest(found: list[Found]) -> times.Period | None:
    """Of a sentence's figures the text dates over a stretch of time, the period of the one ending
    latest: what the next sentences speak of ("from 31% in 2014-15 to 27% in 2019-20" hands on
    2019-20, not the first date written). A forecast's period is none."""
    stated = [f.period for f in found if f.stated and f.period.start != f.period.end and not f.reading.projected]
    return max(stated, key=lambda p: p.end) if stated else None


def _label_values(doc: _Document, label: Block, found: list[Found]) -> None:
    """A line holding only a figure, set right under a label ("Capital" / "9.9 Trillion Naira"), counts
    what the label names, as a table row does."""
    if len(found) != 1 or doc.config.metrics.get(found[0].metric):
        return
    q = found[0].q
    line_start = doc.text.rfind("\n", 0, q.start) + 1
    line_end = doc.text.find("\n", q.end)
    rest = doc.text[line_start:q.start] + doc.text[q.end:line_end if line_end >= 0 else len(doc.text)]
    if len(rest.split()) > 2:  # more than a currency or unit word: a sentence of its own
        return
    name = metrics.from_label(doc.text[label.start:label.end], doc.vocab.metrics, metrics.figure_kind(q), doc.config)
    if name:
        doc.rename(found[0], name)
        found[0].scope = found[0].scope or doc.metric_scope(name)


def _relative_dates(doc: _Document) -> None:
    """Figures dated relative to another date. "1,234 cases by 3 May, against 1,178 a week earlier":
    the figure right before the phrase (else the first after it) stands a week before 3 May; "600
    people returned yesterday": every figure of the phrase's clause stands on the day before
    publication. A figure takes the phrase only when the phrase is in its own or a governing clause
    and no date stands between the two (time.TimeIndex.relative_period)."""
    by_sentence: dict[tuple[int, int], list[Found]] = {}
    for found in doc.found:
        by_sentence.setdefault((found.quote_start, found.quote_end), []).append(found)
    for (start, end), figures in by_sentence.items():
        for m in doc.times.relatives(start, end):
            takers = [f for f in figures if _in_clauses(f, m.start(), m.end()) and not _dated_apart(doc, f, m)]
            if not doc.times.from_publication(m):
                before = [f for f in takers if f.q.end <= m.start()]
                after = [f for f in takers if f.q.start >= m.end()]
                takers = before[-1:] or after[:1]
            period = doc.times.relative_period(m, doc.published) if takers else None
            for figure in takers if period else ():
                figure.period, figure.stated = period, True


def _in_clauses(found: Found, start: int, end: int) -> bool:
    """[start, end) lies in the figure's own clause or one governing it (anywhere without a parse)."""
    clauses = found.reading.clauses
    return not clauses or any(s <= start and end <= e for runs in clauses for s, e in runs)


def _dated_apart(doc: _Document, found: Found, m) -> bool:
    """A date stands between the figure and the phrase, or the figure is part of the phrase ("two weeks")."""
    if found.q.end <= m.start():
        return doc.times.dated_between(found.q.end, m.start())
    if found.q.start >= m.end():
        return doc.times.dated_between(m.end(), found.q.start)
    return True


def _most_named(doc: _Document, blocks: list[Block]) -> tuple[str, bool]:
    """The place the document is about (`_named_most_in`), and whether a mention other than an
    adjective names it."""
    mentions = [m for block in blocks if block.kind != "table"
                for m in doc.vocab.gazetteer.mentions(doc.text, block.start, block.end)]
    entity = _named_most_in(doc, blocks, mentions)
    return entity, not all(doc.vocab.gazetteer.adjective(doc.text, m) for m in mentions if m.entity == entity)


def _named_most_in(doc: _Document, blocks: list[Block], mentions: list[Mention]) -> str:
    """The entity the document names most often (ties: the first named), for figures no sentence,
    paragraph or heading places: a headline above the first mention, a report about one country.
    Where the workspace declares entities, only its declared places count, as in `nearest`: a place
    named in passing ("its Rwanda deal") is not what a report on the workspace's subjects is about;
    a country's adjective ("French patrols") counts half a name."""
    counts: dict[str, float] = {}
    counted = [m for m in mentions if m.declared]
    currency = _currency_country(doc)
    if not counted and doc.vocab.gazetteer.declared and currency in doc.config.entities:
        # naming none of the workspace's places, its sums in a declared country's currency: a place named
        # in passing (a firm named after a town, a name cut short where an excerpt ends) is not where it stands
        return currency
    counted = counted or mentions
    lead_end = next((b.end for b in blocks if b.kind == "paragraph"), len(doc.text))
    if len(counted) == 1 and counted[0].start > lead_end and _whole(counted[0].entity) != counted[0].entity:
        # A part of a country named once, after the lead, and nothing else ("a former Mopti governor",
        # "the Rift Valley leg of the tour") is named in passing: the report is about its country.
        return _whole(counted[0].entity)
    # A place named as where the counted came from ("40 people made the crossing from A") is less where a
    # report stands than where they are counted.
    origins = originated(doc.text, 0, counted, doc.code)
    if len(counted) == 1 and counted[0].start > lead_end and origins:
        counted = []
    # Who acted ("attacks by A", "A's missile strikes") is named in a report of what befell others.
    actors = set(acting(doc.text, 0, counted, doc.code) + armed(doc.text, counted, doc.code))
    for m in counted:
        # An adjective ("French authorities") qualifies an actor more often than it places a report.
        weight = 0.1 if m in actors else 0.5 if doc.vocab.gazetteer.adjective(doc.text, m) or m in origins else 1.0
        # A province's mention is its country's too: a report on a country's provinces is about it.
        for entity in dict.fromkeys([m.entity, *(_country(c) for c in sorted(m.codes) if _country(c) != c)]):
            counts[entity] = counts.get(entity, 0) + weight
    if counts:
        return max(counts, key=counts.get)
    # A document that names no place, its sums mostly in one national currency ("N28.7 trillion", beside
    # a "US$77.96 oil price" no one country's currency places): that country's.
    if currency:
        return currency
    # Else the one country a workspace declares (with its parts), where it declares one.
    declared = {_country(code) for code in doc.config.entities}
    return declared.pop() if len(declared) == 1 else ""


def _currency_country(doc: _Document) -> str:
    """The country whose national currency most of the document's sums are in, or ""."""
    countries = Counter(currency_country(currency_code(q.unit, doc.code, doc.config.currencies))
                        for q in doc.quantities if q.kind == "money")
    countries.pop("", None)
    return countries.most_common(1)[0][0] if countries else ""


def counted_words(text: str, source: Mapping[str, str], config: Config) -> pd.DataFrame:
    """Per claim `extract_source` gives (same order, same claim_id): the lemma of its counted noun and
    of its governing predicate as the parse reads them, and whether it is a projection. Columns
    claim_id, noun, predicate, projected; empty strings where the parse says nothing."""
    doc = _run(text, source, config)
    ids = _claim_ids(doc, _field(source, "source_id"), _quotes(doc))
    return pd.DataFrame({"claim_id": ids, "noun": [f.reading.noun for f in doc.found],
                         "predicate": [f.reading.predicate for f in doc.found],
                         "projected": [f.reading.projected for f in doc.found]})


_INTEGERS = ("line", "char_start", "char_end")
_TEXT = pd.Series([""]).dtype  # what pandas makes of a column of text: str since pandas 3, object before


def _quotes(doc: _Document) -> list[str]:
    """Each figure's sentence, cut to a bounded window around the figure (a store cell stays readable),
    and never short of the figure: "$3. 4 billion" read as one runs past the sentence end after "$3."."""
    return [quote_window(doc.text, min(f.quote_start, f.q.start), max(f.quote_end, f.q.end), f.q.start, f.q.end)
            for f in doc.found]


def _claim_ids(doc: _Document, source_id: str, quotes: list[str]) -> list[str]:
    seen: dict[tuple[str, str], int] = {}
    ids = []
    for f, quote in zip(doc.found, quotes):
        key = (" ".join(quote.split()).casefold(), f.q.text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        ids.append(claim_id(source_id, quote, f.q.text, occurrence))
    return ids


def _frame(doc: _Document, source_id: str) -> pd.DataFrame:
    text, found = doc.text, doc.found
    quotes = _quotes(doc)
    ids = _claim_ids(doc, source_id, quotes)
    n = len(found)
    qs = [f.q for f in found]
    strings = {
        "claim_id": ids, "source_id": [source_id] * n, "text": [q.text for q in qs], "quote": quotes,
        "qualifier": [q.qualifier for q in qs], "unit": [q.unit for q in qs], "kind": [q.kind for q in qs],
        "entity": [f.entity for f in found], "metric": [f.metric for f in found], "scope": [f.scope for f in found],
        "period_start": [f.period.start for f in found], "period_end": [f.period.end for f in found],
        "time": [clock.time_of_day(text, f.quote_start, f.quote_end, f.q.start, f.q.end, doc.code) for f in found],
        "part_of": [ids[f.total] if f.total >= 0 else "" for f in found],
        "method": ["auto"] * n, "status": ["candidate"] * n,
        "note": [f.note for f in found], "source_sha256": [""] * n, "auto_digest": [""] * n,
    }
    numbers = {
        "line": [q.line for q in qs], "char_start": [q.start for q in qs], "char_end": [q.end for q in qs],
        "value": [q.value for q in qs], "lower": [q.lower for q in qs], "upper": [q.upper for q in qs],
    }
    # One string array for all text columns, a slice each, and the columns handed over in their
    # final types and order: pandas then neither converts nor reorders them.
    flat = pd.array([value for values in strings.values() for value in values], dtype=_TEXT)
    columns = {name: flat[i * n:(i + 1) * n] for i, name in enumerate(strings)}
    for name, values in numbers.items():
        columns[name] = (pd.arrays.IntegerArray(np.array(values, dtype=np.int64), np.zeros(n, dtype=bool))
                         if name in _INTEGERS else np.array(values, dtype=float))
    frame = pd.DataFrame({name: columns[name] for name in CLAIM_COLUMNS}, copy=False)
    frame.attrs["skipped"] = sorted(doc.skipped.items())  # (line, why): said by `figcheck extract`
    return frame
