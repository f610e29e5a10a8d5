"""Everything compiled from one Config (gazetteer, metric words, predicates), built once per Config object."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.config import Config, Metric
from figcheck.claims.extraction.entity import Gazetteer, build_gazetteer
from figcheck.claims.extraction.inflection import base_forms, nominalised_verbs, predicate_forms, verb_lemmas
from figcheck.claims.extraction.language import fold, load_language, phrases, word_set


@dataclass(frozen=True)
class MetricVocabulary:
    words: re.Pattern | None                  # any metric word, case-insensitive, whole words
    by_word: dict[str, tuple[str, ...]]       # casefolded word -> metric names, in config order
    predicates: dict[str, re.Pattern | None]  # metric -> its predicates (inherited from what it is part of)
    own_predicates: dict[str, re.Pattern | None]  # metric -> the predicates figcheck.toml gives it
    excluded: dict[str, re.Pattern | None]
    parent: dict[str, str]                    # metric -> the metric it is a part or subset of
    # metric -> {scope: the one other metric of its kind, with that configured scope, that names the same
    # head noun}: "cases" (a running total) and "new cases" (one report's) count the same thing
    siblings: dict[str, dict[str, str]]
    verbs: dict[str, frozenset[str]]          # metric -> the lemmas of its predicates' opening verbs and
                                              # the verbs its words are made from
    acts: dict[str, frozenset[str]]           # metric -> the lemmas of its predicates' opening verbs only
    # metric -> the base forms of the words after the opening verbs of its own predicates ("crossed into
    # neighbouring countries": neighbour, country), stop words left out
    complements: dict[str, frozenset[str]]
    places: dict[str, str]                    # metric -> the entity it is about (inherited), or ""
    part_parent: dict[str, str]               # metric -> the metric it is declared a part of (`part_of`), or ""
    wholes: frozenset[str]                    # the metrics some metric is declared a part of
    directions: dict[str, str]                # metric -> "rising" or "falling" where it goes one way, else ""
    unit_named: frozenset[str]                # metrics whose only words are their kind's units ("%")
    # metric -> {span: the metric of its kind and head noun measured over that span}: "inflation" (annual)
    # and "monthly inflation" are one rate over a year and over a month (language file, `[spans]`)
    spans: dict[str, dict[str, str]]
    span_words: re.Pattern | None             # any span's word, case-insensitive, whole words


@dataclass(frozen=True)
class DirectionWords:
    rising: frozenset[str]
    falling: frozenset[str]
    after_only: frozenset[str]      # comparatives, a qualifier before a figure: "more than 20%"
    skipped_before: frozenset[str]  # "fell by 5%", "a drop of 3%"
    reach_before: int               # words read back past a skipped one: "cut spending by 5%"


@lru_cache(maxsize=8)
def direction_words(code: str = "en") -> DirectionWords:
    data = load_language(code)["direction"]
    return DirectionWords(word_set(data["rising"]), word_set(data["falling"]), word_set(data["after_only"]),
                          word_set(data["skipped_before"]), int(data["reach_before"]))


def word_direction(word: str, code: str = "en") -> str:
    """"rising" or "falling" for a word of one direction ("fell", "higher"), else ""."""
    words, forms = direction_words(code), base_forms(word, code)
    up, down = bool(forms & words.rising), bool(forms & words.falling)
    return "rising" if up and not down else "falling" if down and not up else ""


def _metric_direction(name: str, metric: Metric, code: str) -> str:
    """The way a metric goes by its name's words, its predicates' and its one-word words ("increase_pct",
    "fell"); a comparative inside a longer phrase ("more than in the previous year") says nothing."""
    after_only = direction_words(code).after_only
    phrases_ = [name.replace("_", " ").replace(".", " "), *metric.predicates,
                *(w for w in metric.words if len(w.split()) == 1)]
    found = {word_direction(token, code) for phrase in phrases_ for token in re.findall(r"[^\W\d_]+", phrase)
             if len(phrase.split()) == 1 or token.casefold() not in after_only} - {""}
    return found.pop() if len(found) == 1 else ""


@dataclass(frozen=True)
class Vocabulary:
    gazetteer: Gazetteer
    metrics: MetricVocabulary


def _inherited(metrics: dict[str, Metric], name: str, attribute: str):
    """The metric's setting, else that of the metric it is a part or subset of, and so on; else ()."""
    seen = set()
    while name and name not in seen:
        seen.add(name)
        values = getattr(metrics[name], attribute)
        if values:
            return values
        metric = metrics[name]
        name = metric.part_of or metric.subset_of
    return ()


def _percent_units(code: str) -> tuple[str, ...]:
    """The language's percent units written as words ("per cent"), longest first."""
    return tuple(sorted((u.casefold() for u in load_language(code)["percent"]["after"] if u[:1].isalpha()),
                        key=len, reverse=True))


def _words_pattern(words) -> re.Pattern | None:
    words = [w for w in words if w.strip()]
    return re.compile(rf"(?i:(?<![\w-])(?:{phrases(words, typographic=True)})(?![\w-]))") if words else None


def _predicates(phrases_: tuple[str, ...], code: str) -> re.Pattern | None:
    """A pattern of the predicates in every form of their verbs ("called for", "calls for")."""
    return _words_pattern([form for phrase in phrases_ for form in predicate_forms(phrase, code)])


def build_metric_vocabulary(config: Config) -> MetricVocabulary:
    code = config.language or "en"
    by_word: dict[str, list[str]] = {}
    units = _percent_units(code)
    all_units = {" ".join(u.casefold().split()) for u in load_language(code)["percent"]["after"]}
    for name, metric in config.metrics.items():
        for word in metric.words:
            key = " ".join(fold(word.casefold()).split())
            by_word.setdefault(key, []).append(name)
            # "per cent of the population" is met after a figure that carries its unit ("40% of the population")
            unit = next((u for u in units if key.startswith(u + " ")), "") if metric.kind == "percent" else ""
            rest = key[len(unit):].strip()
            if unit and len(rest.split()) > 1 and name not in by_word.setdefault(rest, []):  # not a bare "funded"
                by_word[rest].append(name)
    spans = {span: tuple(words) for span, words in load_language(code)["spans"].items()}
    acts = {n: frozenset().union(*(verb_lemmas(p, code) for p in _inherited(config.metrics, n, "predicates")))
            for n in config.metrics}
    return MetricVocabulary(
        words=_words_pattern(by_word),
        by_word={w: tuple(names) for w, names in by_word.items()},
        predicates={n: _predicates(_inherited(config.metrics, n, "predicates"), code) for n in config.metrics},
        own_predicates={n: _predicates(m.predicates, code) for n, m in config.metrics.items()},
        excluded={n: _predicates(_inherited(config.metrics, n, "excluded_predicates"), code) for n in config.metrics},
        parent={n: _parent(m) for n, m in config.metrics.items()},
        siblings=_scope_siblings(config.metrics, _generic_nouns(config.language or "en")),
        verbs={n: acts[n].union(*(nominalised_verbs(w.split()[-1], code) for w in m.words if w.split()))
               for n, m in config.metrics.items()},
        acts=acts,
        complements={n: content_forms(" ".join(p.split(None, 1)[1] for p in m.predicates if " " in p), code)
                     for n, m in config.metrics.items()},
        places={n: _inherited(config.metrics, n, "entity") or "" for n in config.metrics},
        part_parent={n: m.part_of for n, m in config.metrics.items()},
        wholes=frozenset(m.part_of for m in config.metrics.values() if m.part_of),
        directions={n: _metric_direction(n, m, code) for n, m in config.metrics.items()},
        unit_named=frozenset(n for n, m in config.metrics.items() if m.kind == "percent" and m.words
                             and all(" ".join(fold(w.casefold()).split()) in all_units for w in m.words)),
        spans=_span_rivals(config.metrics, spans),
        span_words=_words_pattern([w for words in spans.values() for w in words]),
    )


def content_forms(text: str, code: str = "en") -> frozenset[str]:
    """The base forms of a text's words that are not the language's stop words (`[text] noun_stops`)."""
    stops = _stop_words(code)
    return frozenset().union(*(base_forms(w, code) for w in _WORD.findall(text) if w.casefold() not in stops))


@lru_cache(maxsize=8)
def _stop_words(code: str) -> frozenset[str]:  # read once: content_forms runs for figures' clauses
    return word_set(load_language(code)["text"]["noun_stops"])


_WORD = re.compile(r"[^\W\d_]{2,}")


def _generic_nouns(code: str) -> frozenset[str]:
    """The language's nouns too general to name what is counted, as lemmas and plurals ("residents")."""
    data = load_language(code)["automatic_metrics"]
    lemmas = word_set(data["generic_nouns"])
    return lemmas | {lemma + ending for lemma in lemmas for ending in data["plural_endings"]}


def _scope_siblings(metrics: dict[str, Metric], generic: frozenset[str]) -> dict[str, dict[str, str]]:
    """For each metric, the metrics of its kind with another configured scope whose words end in one of
    its head nouns ("cases" / "new cases"), where exactly one such metric has that scope. A noun too
    general to name what is counted ("people") ties nothing, and siblings are parts of the same
    metric, or of none: "men" among returnees and "men" among participants count different people."""
    heads = {n: {w.casefold().split()[-1] for w in m.words if w.split()} - generic for n, m in metrics.items()}
    by_head: dict[tuple[str, str], set[str]] = {}
    for name, metric in metrics.items():
        if metric.scope:
            for head in heads[name]:
                by_head.setdefault((metric.kind, head), set()).add(name)
    siblings: dict[str, dict[str, str]] = {}
    for name, metric in metrics.items():
        found: dict[str, set[str]] = {}
        for head in heads[name]:
            for other in by_head.get((metric.kind, head), ()):
                if other != name and metrics[other].scope != metric.scope and _parent(metrics[other]) == _parent(metric):
                    found.setdefault(metrics[other].scope, set()).add(other)
        unique = {scope: names.pop() for scope, names in found.items() if len(names) == 1}
        if unique:
            siblings[name] = unique
    return siblings


def _span_rivals(metrics: dict[str, Metric], spans: dict[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    """For each metric, {span: the one metric of its kind, parent and head noun whose words put it over
    that span}. The head noun is a word's last with the span's words left out ("monthly inflation":
    inflation); a metric that needs predicates (a forecast's) pairs only with another that does."""
    patterns = {span: _words_pattern(words) for span, words in spans.items()}

    def span_of(metric: Metric) -> str:
        found = {span for span, pattern in patterns.items() for w in metric.words if pattern and pattern.search(w)}
        return found.pop() if len(found) == 1 else ""

    def heads(metric: Metric) -> set[str]:
        stripped = list(metric.words)
        for pattern in patterns.values():
            stripped = [pattern.sub(" ", w) if pattern else w for w in stripped]
        return {w.casefold().split()[-1] for w in stripped if w.split()}

    spanned = {n: span_of(m) for n, m in metrics.items()}
    by_key: dict[tuple, dict[str, set[str]]] = {}
    for name, metric in metrics.items():
        if spanned[name]:
            for head in heads(metric):
                key = (metric.kind, _parent(metric), bool(metric.predicates), head)
                by_key.setdefault(key, {}).setdefault(spanned[name], set()).add(name)
    rivals: dict[str, dict[str, str]] = {}
    for name, metric in metrics.items():
        found: dict[str, set[str]] = {}
        for head in heads(metric):
            for span, names in by_key.get((metric.kind, _parent(metric), bool(metric.predicates), head), {}).items():
                found.setdefault(span, set()).update(names)
        unique = {span: names.pop() for span, names in found.items() if len(names) == 1}
        if any(other != name for other in unique.values()):
            rivals[name] = unique
    return rivals


def _parent(metric: Metric) -> str:
    return metric.part_of or metric.subset_of


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
