"""Everything compiled from one Config (gazetteer, metric words, predicates), built once per Config object."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from figcheck.claims.config import Config, Metric
from figcheck.claims.extraction.entity import Gazetteer, build_gazetteer
from figcheck.claims.extraction.language import phrases


@dataclass(frozen=True)
class MetricVocabulary:
    words: re.Pattern | None                  # any metric word, case-insensitive, whole words
    by_word: dict[str, tuple[str, ...]]       # casefolded word -> metric names, in config order
    predicates: dict[str, re.Pattern | None]  # metric -> its predicates (inherited from what it is part of)
    own_predicates: dict[str, re.Pattern | None]  # metric -> the predicates figcheck.toml gives it
    excluded: dict[str, re.Pattern | None]
    parent: dict[str, str]                    # metric -> the metric it is a part or subset of


@dataclass(frozen=True)
class Vocabulary:
    gazetteer: Gazetteer
    metrics: MetricVocabulary


def _inherited(metrics: dict[str, Metric], name: str, attribute: str) -> tuple[str, ...]:
    seen = set()
    while name and name not in seen:
        seen.add(name)
        values = getattr(metrics[name], attribute)
        if values:
            return values
        metric = metrics[name]
        name = metric.part_of or metric.subset_of
    return ()


def _words_pattern(words) -> re.Pattern | None:
    words = [w for w in words if w.strip()]
    return re.compile(rf"(?i:(?<![\w-])(?:{phrases(words)})(?![\w-]))") if words else None


def build_metric_vocabulary(config: Config) -> MetricVocabulary:
    by_word: dict[str, list[str]] = {}
    for name, metric in config.metrics.items():
        for word in metric.words:
            by_word.setdefault(" ".join(word.casefold().split()), []).append(name)
    return MetricVocabulary(
        words=_words_pattern(by_word),
        by_word={w: tuple(names) for w, names in by_word.items()},
        predicates={n: _words_pattern(_inherited(config.metrics, n, "predicates")) for n in config.metrics},
        own_predicates={n: _words_pattern(m.predicates) for n, m in config.metrics.items()},
        excluded={n: _words_pattern(_inherited(config.metrics, n, "excluded_predicates")) for n in config.metrics},
        parent={n: m.part_of or m.subset_of for n, m in config.metrics.items()},
    )


_CACHE: dict[int, tuple[weakref.ref, Vocabulary]] = {}


def vocabulary(config: Config) -> Vocabulary:
    """The compiled vocabulary of `config`, cached for as long as that Config object lives."""
    key = id(config)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is config:
        return hit[1]
    built = Vocabulary(gazetteer=build_gazetteer(config), metrics=build_metric_vocabulary(config))
    _CACHE[key] = (weakref.ref(config, lambda _ref, key=key: _CACHE.pop(key, None)), built)
    return built
