"""Numeric claims of one source: `extract_source(text, source, config)` -> a DataFrame of CLAIM_COLUMNS.

The passes live in `figcheck.claims.extraction` (segmentation, exclusions, qualifiers, entity, metric, scope,
time, breakdowns, tables); this module runs them over a document and assembles the rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from figcheck.claims.config import Config
from figcheck.claims.extraction import breakdowns, clock, metric as metrics, scope as scopes, time as times
from figcheck.claims.extraction.entity import nearest
from figcheck.claims.extraction.language import load_language
from figcheck.claims.extraction.segmentation import Block, clause_break_pattern, segment
from figcheck.claims.extraction.tables import read_table
from figcheck.claims.extraction.vocabulary import Vocabulary, vocabulary
from figcheck.claims.ids import claim_id
from figcheck.claims.model import CLAIM_COLUMNS
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


class _Document:
    def __init__(self, text: str, source: Mapping[str, str], config: Config):
        self.text = text
        self.config = config
        self.code = config.language or "en"
        self.vocab: Vocabulary = vocabulary(config)
        self.quantities = scan(text, self.code, config.approx_tolerance)
        self.starts = [q.start for q in self.quantities]
        self.published = _field(source, "published")
        self.registry = times.Period(_field(source, "period_start"), _field(source, "period_end"))
        self.time = times.time_patterns(self.code)
        self.times = times.TimeIndex(text, self.time)
        self.cues = scopes.CueIndex(text, scopes.scope_cues(self.code))
        self.markers = breakdowns.marker_pattern(self.code)
        self.breaks = breakdowns.list_break_pattern(self.code)
        self.clause_breaks = [m.start() for m in clause_break_pattern(self.code).finditer(text)]
        self.found: list[Found] = []
        self.skipped: dict[int, str] = {}  # line -> why none of its figures is a claim

    def span(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def clause(self, q: Quantity, start: int, end: int) -> tuple[int, int]:
        """The clause of the sentence [start, end) that holds the figure."""
        i = bisect.bisect_right(self.clause_breaks, q.start) - 1
        j = bisect.bisect_left(self.clause_breaks, q.end)
        begin = self.clause_breaks[i] if i >= 0 else start
        finish = self.clause_breaks[j] if j < len(self.clause_breaks) else end
        return max(begin, start), min(finish, end)

    def default_period(self, scope: str) -> times.Period:
        if scope == "cumulative":  # a running total stands as of publication
            return times.Period("", self.published or self.registry.end)
        return self.registry

    def metric_scope(self, name: str) -> str:
        return self.config.metrics[name].scope if name else ""


def _field(source: Mapping[str, str], key: str) -> str:
    value = source.get(key, "")
    return value if isinstance(value, str) else ""


def _prose(doc: _Document, block: Block, context_entity: str) -> str:
    """Claims of a heading or paragraph; returns the last entity the block names, or ""."""
    text, vocab = doc.text, doc.vocab
    para_entity, para_period = "", None
    first_in_block = len(doc.found)
    for start, end in block.sentences:
        mentions = vocab.gazetteer.mentions(text, start, end)
        period = doc.times.period(start, end, doc.published)
        lo, hi = doc.span(start, end)
        quantities = doc.quantities[lo:hi]
        cues = doc.cues.within(start, end)
        parts = breakdowns.link_parts(text, start, end, quantities, doc.markers, doc.breaks)
        base = len(doc.found)
        earlier = [j for j in range(first_in_block, base) if doc.found[j].q.kind == "count"]
        for i, q in enumerate(quantities):
            mention = nearest(mentions, q.start, q.end)
            entity = mention.entity if mention else (para_entity or context_entity)
            total = parts.get(i)
            if total is None:
                total = -1
            elif total == breakdowns.PREVIOUS:
                total = earlier[-1] if earlier else -1
            else:
                total += base
            total_metric = doc.found[total].metric if total >= 0 else ""
            names = metrics.candidates(q, text, start, end, vocab.metrics, doc.config)
            name = metrics.choose(names, q, text, (start, end), doc.clause(q, start, end), vocab.metrics, total_metric)
            scope = scopes.decide(doc.metric_scope(name), cues)
            stated = period or para_period
            doc.found.append(Found(q, start, end, entity, name, scope, stated or doc.default_period(scope),
                                   stated is not None, total))
        if mentions:
            para_entity = mentions[-1].entity
        if period:
            para_period = period
    _link_declared_parts(doc, first_in_block)
    return para_entity


def _link_declared_parts(doc: _Document, first: int) -> None:
    """A figure whose metric figcheck.toml declares part of another is part of the nearest earlier
    figure of that metric in the same paragraph, same entity and, where both state one, period
    ("599 people ... 126 women")."""
    for i in range(first, len(doc.found)):
        f = doc.found[i]
        parent = doc.config.metrics[f.metric].part_of if f.metric else ""
        if f.total >= 0 or not parent:
            continue
        for j in range(i - 1, first - 1, -1):
            g = doc.found[j]
            if g.metric == parent and g.entity == f.entity and (
                    g.period == f.period or not (g.stated and f.stated)):
                f.total = j
                break


def _table(doc: _Document, block: Block, context_entity: str, context_period: times.Period | None) -> None:
    lo, hi = doc.span(block.start, block.end + 1)
    table = read_table(block, doc.quantities, lo, hi, doc.code)
    doc.skipped.update(table.skipped.values())
    vocab = doc.vocab.metrics
    gazetteer = doc.vocab.gazetteer
    kinds = {fig.column: doc.quantities[fig.index].kind for fig in table.figures}
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
        name = columns.get(fig.column, "") or metrics.from_label(label, vocab, q.kind, doc.config)
        if fig.row in table.total_rows:
            entity = "+".join(members) if members else context_entity
            dates = sorted(d for r, d in row_dates.items() if r not in table.total_rows)
            period = times.Period(dates[0], dates[-1]) if dates else None
        else:
            if label and fig.row not in row_entities and fig.row not in row_dates and not metrics.from_label(
                    label, vocab, q.kind, doc.config):
                name = ""  # a row for a unit finer than the vocabulary (a county, a camp): not the whole's figure
            entity = row_entities.get(fig.row) or column_entities.get(fig.column, context_entity)
            date = row_dates.get(fig.row) or times.label_date(table.header[fig.column], doc.published, doc.time)
            period = times.Period(date, date) if date else None
        scope = doc.metric_scope(name)
        start, end = table.lines[fig.row]
        cell_index[(fig.row, fig.column)] = len(doc.found)
        stated = period or context_period
        doc.found.append(Found(q, start, end, entity, name, scope, stated or doc.default_period(scope),
                               stated is not None))
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
    paragraph, then in the paragraphs since the last heading, then by that heading, then the subject.
    """
    doc = _Document(text, source, config)
    gazetteer = doc.vocab.gazetteer
    heading_entity = section_entity = ""
    context_period = None
    for block in segment(text, load_language(doc.code)):
        context_entity = section_entity or heading_entity or config.subject
        if block.kind == "table":
            _table(doc, block, context_entity, context_period)
            context_period = None
            continue
        named = _prose(doc, block, context_entity)
        if block.kind == "heading":
            entities = {m.entity for m in gazetteer.mentions(text, block.start, block.end)}
            if len(entities) == 1:
                heading_entity = entities.pop()
            # A heading right above a table is often its caption: "Table 5. Trainees, May 2015 to November 2015".
            section_entity, context_period = "", doc.times.period(block.start, block.end, doc.published)
        else:
            section_entity = named or section_entity
            context_period = doc.times.period(block.start, block.end, doc.published)
    return _frame(doc, _field(source, "source_id"))


_INTEGERS = ("line", "char_start", "char_end")
_TEXT = pd.Series([""]).dtype  # what pandas makes of a column of text: str since pandas 3, object before


def _frame(doc: _Document, source_id: str) -> pd.DataFrame:
    text, found = doc.text, doc.found
    quotes = [quote_window(text, f.quote_start, f.quote_end, f.q.start, f.q.end) for f in found]
    seen: dict[tuple[str, str], int] = {}
    ids = []
    for f, quote in zip(found, quotes):
        key = (" ".join(quote.split()).casefold(), f.q.text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        ids.append(claim_id(source_id, quote, f.q.text, occurrence))
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
        "note": [""] * n, "source_sha256": [""] * n, "auto_digest": [""] * n,
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
