"""What a figure counts: the metric whose words name its noun, decided between rivals by the predicate.

"531 individuals ... brought back" and "1500 citizens who travelled" share nouns; the clause's verb
(configured `predicates` and `excluded_predicates`, inherited from the metric a part belongs to)
decides which metric it is, and an excluded predicate nearer than any supporting one rules a metric out.
"""

from __future__ import annotations

import re

from claims.config import Config
from claims.extraction.vocabulary import MetricVocabulary
from claims.quantities import Quantity

_WINDOW_END = re.compile(r"[.;:()\[\]\n|]|,(?!\d{3})")
WINDOW = 70  # characters after a figure searched for its noun: "10 psycho-social and action-oriented support mini-grants"


def _names(vocab: MetricVocabulary, match: re.Match) -> tuple[str, ...]:
    return vocab.by_word.get(" ".join(match.group().casefold().split()), ())


def candidates(q: Quantity, text: str, sentence_start: int, vocab: MetricVocabulary, config: Config) -> list[str]:
    """Metrics whose words name the figure's noun (or, for a bare bracketed figure, the nearest noun before)."""
    if vocab.words is None:
        return []
    names: tuple[str, ...] = vocab.by_word.get(q.unit.casefold(), ())
    if not names:
        if q.parenthesised and q.noun_start >= 0:
            m = vocab.words.search(text, q.noun_start, q.noun_end)
        else:
            limit = min(len(text), q.end + WINDOW)
            stop = _WINDOW_END.search(text, q.end, limit)
            m = vocab.words.search(text, q.end, stop.start() if stop else limit)
            if m is None and q.kind in ("age", "duration"):
                m = vocab.words.search(text, max(sentence_start, q.start - 12), q.start)
        if m is None and q.parenthesised:
            before = list(vocab.words.finditer(text, sentence_start, q.start))
            m = before[-1] if before else None
        names = _names(vocab, m) if m else ()
    return [n for n in names if config.metrics[n].kind == q.kind]


def _distance(pattern: re.Pattern | None, text: str, start: int, end: int, q: Quantity) -> int | None:
    if pattern is None:
        return None
    best = None
    for m in pattern.finditer(text, start, end):
        d = q.start - m.end() if m.end() <= q.start else m.start() - q.end
        d = max(d, 0)
        if best is None or d < best:
            best = d
    return best


def descends(vocab: MetricVocabulary, name: str, ancestor: str) -> bool:
    seen = set()
    while name and name not in seen:
        seen.add(name)
        name = vocab.parent.get(name, "")
        if name == ancestor:
            return True
    return False


def choose(names: list[str], q: Quantity, text: str, start: int, end: int,
           vocab: MetricVocabulary, total_metric: str = "") -> str:
    """One metric for the figure in the sentence [start, end), or "" when the clause rules them all out."""
    if total_metric:
        parts = [n for n in names if descends(vocab, n, total_metric)]
        names = parts or names
    supported: list[tuple[int, int, str]] = []
    neutral: list[str] = []
    unsupported: list[str] = []
    vetoed = False
    for order, name in enumerate(names):
        pos = _distance(vocab.predicates[name], text, start, end, q)
        neg = _distance(vocab.excluded[name], text, start, end, q)
        if neg is not None and (pos is None or neg < pos):
            vetoed = True
        elif pos is not None:
            supported.append((pos, order, name))
        elif vocab.predicates[name] is None:
            neutral.append(name)
        else:
            unsupported.append(name)
    if supported:
        return min(supported)[2]
    if neutral:
        return neutral[0]
    if unsupported and not vetoed:
        return unsupported[0]
    return ""
