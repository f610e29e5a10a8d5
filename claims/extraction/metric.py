"""What a figure counts: the metric whose words name its noun, decided between rivals by the predicate.

"400 people ... evacuated" and "900 people who fled" share nouns; the clause's verb
(configured `predicates` and `excluded_predicates`, inherited from the metric a part belongs to)
decides which metric it is, and an excluded predicate nearer than any supporting one rules a metric out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.config import Config
from figcheck.claims.model import AUTOMATIC_METRIC as AUTOMATIC
from figcheck.claims.extraction.inflection import nominalised_verbs
from figcheck.claims.extraction.language import Tail, fold, load_language, phrases, word_set
from figcheck.claims.extraction.qualifiers import qualifier_before, qualifier_patterns
from figcheck.claims.extraction.vocabulary import MetricVocabulary, content_forms, direction_words, word_direction
from figcheck.claims.quantities import Quantity

_WINDOW_END = re.compile(r"[.;:()\[\]|]|,(?!\d{3})|\n[ \t\r]*\n")
WINDOW = 70  # characters after a figure searched for its noun: "10 psycho-social and action-oriented support mini-grants"


def figure_kind(q: Quantity) -> str:
    """The kind of metric a figure can be a value of: any percentage fits a percent metric, a change of
    211.4 % too, though a share above 100 % is no share."""
    return "percent" if q.unit_code == "percent" else q.kind


def _of_kind(names, config: Config, kind: str) -> tuple[str, ...]:
    """The metrics among `names` whose configured kind is `kind`, in order."""
    return tuple(n for n in names if config.metrics[n].kind == kind)


def _named(vocab: MetricVocabulary, match: re.Match, config: Config, kind: str) -> tuple[str, ...]:
    """The metrics of `kind` a vocabulary word names, else the longest word of that kind the match opens
    with: "Anies Baswedan" is a word of a share only, "Anies" one of a count too."""
    words = fold(match.group().casefold()).split()
    for end in range(len(words), 0, -1):
        names = _of_kind(vocab.by_word.get(" ".join(words[:end]), ()), config, kind)
        if names:
            return names
    return ()


def _nearest_of_kind(vocab: MetricVocabulary, config: Config, text: str, start: int, end: int,
                     q: Quantity, kind: str) -> tuple[str, ...]:
    """Metrics of `kind` named anywhere in [start, end), nearest to the figure first."""
    best, best_distance = (), None
    for m in vocab.words.finditer(text, start, end):
        names = _named(vocab, m, config, kind)
        distance = abs(m.start() - q.start)
        if names and (best_distance is None or distance < best_distance):
            best, best_distance = names, distance
    return best


def candidates(q: Quantity, text: str, sentence_start: int, sentence_end: int,
               vocab: MetricVocabulary, config: Config, anchored: bool = False, phrase_end: int = -1,
               next_figure: int = -1) -> list[str]:
    """Metrics of the figure's kind named by the words after it ("250 elderly residents"), or by its
    noun before a bracket ("women (48)"); else by its unit ("$"); for a bare bracketed figure the
    nearest noun before it; for a share without a noun ("29% in Bulgaria") the sentence's percentage
    metric, unless the figure belongs to someone the clause names (`anchored`); for a count without a
    noun of its own (no `phrase_end`: "1,900 have since gone home") the metrics whose own predicates
    follow it. No window reaches past `next_figure`, where the next figure starts."""
    if vocab.words is None:
        return []
    kind = figure_kind(q)

    def named(start: int, end: int, last: bool = False) -> tuple[str, ...]:
        return named_between(text, start, end, vocab, config, kind, last)

    if q.parenthesised and q.noun_start >= 0:
        names = named(q.noun_start, q.noun_end)
    else:
        # A figure with a noun of its own looks no further than that noun's phrase ("23 patients in
        # critical condition"): "25 schools are used by displaced people" does not count people.
        # Nor past the next figure, whose words are its own: "224 have been killed and 1,277 others wounded".
        limit = min(sentence_end, q.end + WINDOW, phrase_end if phrase_end > q.end else len(text),
                    next_figure if next_figure > q.end else len(text))
        stop = _WINDOW_END.search(text, q.end, limit)
        # An age or a duration may name itself before or inside the figure: "aged 81", "57 years old".
        begin = max(sentence_start, q.start - 12) if q.kind in ("age", "duration") else q.end
        names = named(begin, stop.start() if stop else limit)
    if not names:
        names = _of_kind(vocab.by_word.get(q.unit.casefold(), ()), config, kind)
    if not names and (q.parenthesised or _bracketed(text, q)):
        names = named(sentence_start, q.start, last=True)  # "votes (21.81 percent)": the words before it
    if not names and (item := _labelled_item(text, q, sentence_start, sentence_end)):
        names = named(*item, last=True)  # "are capital expenditure, $8.7 billion; staff costs: $2.1 billion"
    if not names and kind == "percent" and not anchored:
        names = _nearest_of_kind(vocab, config, text, sentence_start, sentence_end, q, "percent")
    if not names and q.kind == "count" and not q.unit and phrase_end < 0:
        limit = min(sentence_end, q.end + WINDOW)
        names = tuple(n for n, p in vocab.own_predicates.items() if p is not None and p.search(text, q.end, limit))
    return list(names)


def named_between(text: str, start: int, end: int, vocab: MetricVocabulary, config: Config, kind: str,
                  last: bool = False) -> tuple[str, ...]:
    """The metrics of `kind` the first (or `last`) of the vocabulary's words in text[start:end] names."""
    found: tuple[str, ...] = ()
    if vocab.words is None:
        return found
    for m in vocab.words.finditer(text, start, end):
        names = _named(vocab, m, config, kind)
        if names and not last:
            return names
        found = names or found
    return found


def _labelled_item(text: str, q: Quantity, sentence_start: int, sentence_end: int) -> tuple[int, int] | None:
    """The label of a figure that is the value of a list item, "label, value" or "label: value", the
    items set apart by semicolons: the item's text before the figure, or None."""
    if not _LABEL_VALUE.search(text, sentence_start, q.start) or not _ITEM_END.match(text, q.end, sentence_end) \
            or text.find(";", sentence_start, sentence_end) < 0:
        return None
    return max(sentence_start, text.rfind(";", sentence_start, q.start) + 1), q.start


_ITEM_END = re.compile(r"[ \t]*(?:[;.]|\Z)")  # the value ends its item, or the sentence
_LABEL_VALUE = re.compile(r"[^\W\d][ \t]*[,:][ \t]*\S{0,3}$")  # after a word; a currency may open the value


def _bracketed(text: str, q: Quantity) -> bool:
    """A figure alone in brackets with its unit: "the MK party (14.58 percent)"."""
    return text[max(0, q.start - 2):q.start].rstrip().endswith("(") and text[q.end:q.end + 2].lstrip().startswith(")")


def _matches(pattern: re.Pattern | None, text: str, spans) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [m.span() for start, end in spans for m in pattern.finditer(text, start, end)]


def _distance(matches: list[tuple[int, int]], q: Quantity) -> int | None:
    """Characters between the figure and the nearest of the matches."""
    return min((max(q.start - e if e <= q.start else s - q.end, 0) for s, e in matches), default=None)


def headed_by(config: Config, name: str, noun: str) -> bool:
    """Whether one of the metric's words ends in the noun as written: "valid votes" ends in "votes"."""
    metric = config.metrics.get(name)
    return metric is not None and any(w.casefold().split()[-1:] == [noun] for w in metric.words)


def owners_family(vocab: MetricVocabulary, config: Config, names, head: str) -> str:
    """The metric among `names`, or headed by the noun `head`, whose parts are owners named by proper
    names ("votes.anc" with the word "ANC"): a figure of an owner it does not list is a part of its own,
    not the whole. "" when there is none."""
    for parent in dict.fromkeys(vocab.parent.values()):
        if not parent or not (parent in names or (head and headed_by(config, parent, head))):
            continue
        parts = [config.metrics[n] for n, p in vocab.parent.items() if p == parent]
        if parts and all(m.words and sum(map(_proper, m.words)) * 2 >= len(m.words) for m in parts):
            return parent
    return ""


def unlisted_part(family: str, owner: str) -> str:
    """The automatic metric of an owner's part the vocabulary does not list: "auto:votes.inkatha-freedom-party-ifp"."""
    return f"{AUTOMATIC}{family}.{_SLUG.sub('-', owner.casefold()).strip('-')}"


def group_part(name: str, noun_text: str, vocab: MetricVocabulary, config: Config, words: "AutomaticWords") -> str:
    """"1,545 civilian deaths", "killed at least 24 civilians": a group of people the counted noun names
    (`[automatic_metrics.groups]`) that no word of the metric, of its wholes or of its declared parts
    ends in is an unlisted part of it ("auto:killed.civilians"); "" otherwise."""
    return _unlisted_kind(name, noun_text.casefold().split(), words.groups, vocab, config, last_word=True)


def condition_part(name: str, after: str, vocab: MetricVocabulary, config: Config, words: "AutomaticWords") -> str:
    """"30 with moderate injuries", "five in serious condition", "12 suffered minor wounds": a condition the
    words after the figure name (`[automatic_metrics.conditions]`) that no word of the metric, of its
    wholes or of its declared parts holds makes the figure an unlisted part ("auto:injured.moderate")."""
    said = re.findall(r"[^\W\d_]+", after.casefold())
    # A condition word qualifies a word of harm beside it ("minor injuries", "moderately injured"), not
    # anything else ("severe hunger").
    said = [w for i, w in enumerate(said) if words.harm.intersection(said[max(0, i - 1):i] + said[i + 1:i + 2])]
    return _unlisted_kind(name, said, words.conditions, vocab, config)


def _unlisted_kind(name: str, said: list[str], table: Mapping[str, frozenset[str]], vocab: MetricVocabulary,
                   config: Config, last_word: bool = False) -> str:
    """The unlisted part of `name` that one of `table`'s kinds (group -> its words) said names, unless a
    word of the metric, of its wholes or of its declared parts already has that kind's word (its last
    word only, with `last_word`)."""
    kind = next((k for k, forms in table.items() if forms.intersection(said)), "")
    if not kind:
        return ""
    near = [name, *_wholes(vocab, name), *(n for n, whole in vocab.parent.items() if whole == name)]
    if any(table[kind].intersection(w.casefold().split()[-1:] if last_word else w.casefold().split())
           for n in near for w in config.metrics[n].words):
        return ""
    return unlisted_part(name, kind)


def whole_of_unlisted(name: str) -> str:
    """The metric an unlisted part ("auto:votes.inkatha-freedom-party-ifp") is a part of, else ""."""
    return name[len(AUTOMATIC):].rpartition(".")[0] if name.startswith(AUTOMATIC) else ""


def _proper(word: str) -> bool:
    """A name rather than a noun: every word of it has a capital ("ANC", "uMkhonto weSizwe")."""
    return all(any(c.isupper() for c in w) for w in word.split())


def descends(vocab: MetricVocabulary, name: str, ancestor: str) -> bool:
    return ancestor in _wholes(vocab, name)


def choose(names: list[str], q: Quantity, text: str, reaches, vocab: MetricVocabulary,
           total_metric: str = "", named: bool = False, paragraph: tuple[int, int] = (-1, -1),
           verb: str = "", topic: Callable[[tuple[int, int] | None], Mapping[str, int]] | None = None,
           code: str = "en") -> str:
    """One metric for the figure, or "" when its predicates rule them all out.

    `reaches` are the texts that may decide, narrowest first, each as spans: the participle describing
    the figure ("5,332 others injured"), its own clause ("1,150 households were flooded, and 38 homes
    have been declared uninhabitable"), then the whole sentence ("700 people, of whom 300 children":
    the children's verb is the total's). The first that holds a predicate of any candidate decides.
    `named`: the figure's own noun named `names`; `paragraph`: the text up to the figure's sentence's end,
    whose predicates say which measure a part of several measures belongs to; `verb`: the lemma of the
    clause's verb, which picks among candidates none of whose predicates is written as configured;
    `topic`: how often a span of the document (None: all of it) uses each metric's predicates, which
    orders the rest by the paragraph's use, else the document's."""
    if total_metric:
        # A part of a known total is a part of that metric, or of nothing the vocabulary names, unless
        # its own noun names a whole measure outright: "12,569 cases, including 581 deaths" (but "40
        # participants, including 25 women" are no women of another measure).
        within = [n for n in names if descends(vocab, n, total_metric)]
        names = within or ([n for n in names if not vocab.parent.get(n)] if named else [])
    for spans in reaches:
        decided = _choose_within(names, q, text, spans, vocab)
        if decided is not None:
            return decided
    # No predicate either way: a metric that needs none, else the first named; but a name that is a
    # part of several measures is no measure by itself.
    neutral = [n for n in names if vocab.predicates[n] is None]
    pool = neutral or names
    akin = [n for n in pool if verb in vocab.verbs.get(n, ())] if verb and len(pool) > 1 else []
    if len(akin) > 1 and reaches:
        # "have fled to neighbouring countries" for the metric of "fled into neighbouring countries", not
        # of "fled their homes": of the metrics of the clause's verb, those whose predicates share most
        # words with the figure's own clause
        said = content_forms(" ".join(text[s:e] for s, e in reaches[0]), code)
        shared = {n: len(vocab.complements[n] & said) for n in akin}
        most = max(shared.values())
        akin = [n for n in akin if shared[n] == most]
    pool = akin or pool  # "have fled into Ethiopia" for the metric of "fled the country"
    if len(pool) > 1 and topic is not None:
        near = topic(paragraph) if paragraph[0] >= 0 else {}
        pool = by_topic(pool, near if any(near.get(n) for n in pool) else topic(None))
    families = list(dict.fromkeys(_family(vocab, n) for n in pool))
    if len(pool) > 1 and all(vocab.parent.get(n) for n in pool) and len(families) > 1:
        # A part of several measures ("N8.7 trillion for capital expenditure": of the budget proposed or
        # the one passed?) is the part of the measure whose predicates its clause, sentence or paragraph uses.
        for spans in (*reaches, (paragraph,) if paragraph[0] >= 0 else ()):
            decided = _choose_within(families, q, text, spans, vocab) if spans else None
            if decided:
                return next(n for n in pool if _family(vocab, n) == decided)
        # ... else of the one measure the document's predicates speak of most ("passed the budget" two
        # paragraphs up: "it includes $8.7 billion for capital expenditure")
        counts = topic(None) if topic is not None else {}
        ranked = by_topic(families, counts)
        members = [n for n in pool if _family(vocab, n) == ranked[0]]
        if counts.get(ranked[0], 0) > counts.get(ranked[1], 0) and len(members) == 1:
            return members[0]
        return ""  # "ANC 28": the party's votes or its seats? Where nothing says, no guess.
    return (pool or [""])[0]


def narrower(name: str, q: Quantity, text: str, spans, vocab: MetricVocabulary, config: Config,
             rivals: tuple[int, ...] = (), qualifying=(), code: str = "en") -> str:
    """The one declared part of `name` that a word of the figure's clause names and no other measure
    shares ("The Humanitarian Response Plan seeks $2.7 billion": that plan's part of the appeal), else
    `name`. `rivals`: where the sentence's other figures of its kind start; `qualifying`: the parse's
    words qualifying another noun than the figure's."""
    if not name or vocab.words is None:
        return name
    kind = figure_kind(q)
    own = _matches(vocab.predicates.get(name), text, spans)
    parts = set()
    for start, end in spans:
        for m in vocab.words.finditer(text, start, end):
            if _speaks_for_another(m, q, text, own, rivals, qualifying, code):
                continue
            named = _named(vocab, m, config, kind)
            if named and all(_part_of(vocab, n, name) for n in named):
                parts.update(named)
    # The deepest one, when the parts named lie on one line of descent.
    deepest = [n for n in parts if not any(_part_of(vocab, other, n) for other in parts if other != n)]
    return deepest[0] if len(deepest) == 1 else name


def _speaks_for_another(m: re.Match, q: Quantity, text: str, own, rivals, qualifying, code: str) -> bool:
    """Whether a word of the figure's clause names something else than a part of what it counts: one of
    the measure's own predicates (`own` spans: "were killed"); a word nearer another figure ("a total of
    188,967 applications, of which 175,272 first-time applications"); one qualifying another noun ("the
    party's candidate", "after the party split"); one past a word opening another clause ("while",
    `[breakdowns] list_breaks`); a part joined to others or included ("applications and follow-up
    applications", "including follow-up applications"): one of what the figure counts together."""
    joined, breaks = _joined(code), _clause_breaks(code)
    return (any(s < m.end() and m.start() < e for s, e in own)
            or any(abs(m.start() - r) < abs(m.start() - q.start) for r in rivals)
            or any(e == m.end() for _, e in qualifying)
            or bool(joined[0].search(text, max(0, m.start() - 30), m.start()) or joined[1].match(text, m.end()))
            or bool(breaks.search(text, min(m.end(), q.end), max(m.start(), q.start))))


@lru_cache(maxsize=8)
def _joined(code: str) -> tuple[re.Pattern, re.Pattern]:
    """Text ending in a list join or a breakdown marker and maybe an article (`[entity] list_joins`,
    `articles`, `[breakdowns] markers`: "and the", "including"), and text opening with a list join."""
    data = load_language(code)
    joins = phrases(data["entity"]["list_joins"])
    before = phrases([*data["entity"]["list_joins"], *data["breakdowns"]["markers"]])
    return (re.compile(rf"(?i:\b(?:{before})(?:\s+(?:{phrases(data['entity']['articles'])}))?)\s*$"),
            re.compile(rf"(?i:\s*(?:{joins})(?!\w))"))


@lru_cache(maxsize=8)
def _clause_breaks(code: str) -> re.Pattern:
    return re.compile(rf"(?i:\b(?:{phrases(load_language(code)['breakdowns']['list_breaks'])})\b)")


def _part_of(vocab: MetricVocabulary, name: str, whole: str) -> bool:
    """Whether `name` is declared a part (`part_of`), or a part of a part, of `whole`."""
    return whole in _chain(vocab.part_parent, name)


def _family(vocab: MetricVocabulary, name: str) -> str:
    """The metric at the top of a name's `part_of` chain: "votes.anc" -> "votes"."""
    return (_chain(vocab.parent, name) or [name])[-1]


_WORD_AFTER = re.compile(r"^[^\w%$]*([^\W\d_]+)")
_PUNCTUATION = ".,;:!?()[]\"'“”‘’"
_WORDS_BEFORE = 12  # enough for a qualifier, "by" or "of", and the words read past it


def figure_direction(q: Quantity, text: str, change: str, code: str = "en") -> str:
    """Which way the change a figure states goes: by its sign ("+30%"), the word right after it ("12%
    lower", "a 10% increase"), else the words before it past its qualifier and "by" or "of" ("down 12%",
    "fell by 5%", "cut spending by 5%"), else the word the parse found making it a change; "" for a
    figure that states no change."""
    words = direction_words(code)
    if q.value < 0 or "+" in text[max(0, q.start - 1):q.start + 1]:
        return "falling" if q.value < 0 else "rising"
    after = _WORD_AFTER.match(text[q.end:q.end + 30])
    if after and (found := word_direction(after.group(1), code)):
        return found
    tail = Tail.of(text[max(0, q.start - 120):q.start], _WORDS_BEFORE)
    _, taken = qualifier_before(tail, qualifier_patterns(code))  # "a jump of over 45%": past "over"
    skipped, read = False, 0
    for word in reversed(tail.words[:len(tail.words) - taken]):
        word = word.strip(_PUNCTUATION)
        if word in words.skipped_before and not skipped:
            skipped = True
            continue
        if word not in words.after_only and (found := word_direction(word, code)):
            return found
        read += 1
        if read > (words.reach_before if skipped else 0):
            break
    return word_direction(change, code) if change else ""


def by_direction(names: list[str], direction: str, clause: tuple[int, int], text: str,
                 vocab: MetricVocabulary) -> list[str]:
    """The candidates that fit the way the figure's change goes: between metrics going opposite ways
    ("increase_pct", "decrease_pct") the figure's direction chooses; a figure that states no change is
    no metric of one direction that only its unit named ("70% of members" for "increase_pct", whose
    words are "%"), unless the metric's predicates stand in its clause."""
    if direction:
        opposite = "falling" if direction == "rising" else "rising"
        if any(vocab.directions.get(n) == direction for n in names):
            return [n for n in names if vocab.directions.get(n) != opposite]
        return names
    return [n for n in names if not (vocab.directions.get(n) and n in vocab.unit_named
                                     and not _matches(vocab.predicates[n], text, (clause,)))]


def _choose_within(names: list[str], q: Quantity, text: str, spans, vocab: MetricVocabulary) -> str | None:
    """The choice the predicates within the spans of text make, or None when they say nothing."""
    supported: list[tuple[int, int, int, str]] = []
    vetoed = False
    for order, name in enumerate(names):
        supporting = _matches(vocab.predicates[name], text, spans)
        # A ruling-out verb inside a supporting phrase is part of it: "not enrolled in" against "enrolled
        # in"; so it is inside a phrase of the measure the metric is a part of, whose own predicates
        # ("primary level") leave the whole's unsaid.
        ruling_out = _matches(vocab.excluded[name], text, spans)
        if ruling_out:
            phrases_for = supporting + [m for whole in _wholes(vocab, name)
                                        for m in _matches(vocab.predicates[whole], text, spans)]
            ruling_out = [(s, e) for s, e in ruling_out if not any(s < e2 and s2 < e for s2, e2 in phrases_for)]
        pos, neg = _distance(supporting, q), _distance(ruling_out, q)
        if neg is not None and (pos is None or neg < pos):
            vetoed = True
        elif pos is not None:
            # At one distance the longer phrase is the more specific: "displaced within" over "displaced".
            longest = max(e - s for s, e in supporting if _distance([(s, e)], q) == pos)
            supported.append((pos, -longest, order, name))
    if supported:
        best = min(supported)
        # A part equally supported is more specific than the metric it belongs to.
        tied = [s[3] for s in supported if s[:2] == best[:2]]
        return next((n for n in tied if any(descends(vocab, n, other) for other in tied if other != n)), best[3])
    if vetoed:  # only a metric that needs no predicate survives a ruling-out verb
        return next((n for n in names if vocab.predicates[n] is None), "")
    return None


def _wholes(vocab: MetricVocabulary, name: str) -> list[str]:
    """The metrics `name` is a part or subset of, nearest first."""
    return _chain(vocab.parent, name)


def _chain(parents: Mapping[str, str], name: str) -> list[str]:
    """The metrics above `name` by the links in `parents` (metric -> the one it belongs to), nearest first."""
    chain: list[str] = []
    while parents.get(name) and parents[name] not in chain:
        name = parents[name]
        chain.append(name)
    return chain


def from_label(label: str, vocab: MetricVocabulary, kind: str, config: Config) -> str:
    """The metric a table header names: by its words and its predicates ("People sheltered",
    "Displaced"); a predicate a metric excludes rules it out."""
    words = [n for m in vocab.words.finditer(label) for n in _named(vocab, m, config, kind)] if vocab.words else []
    own = [n for n, p in vocab.own_predicates.items() if p is not None and p.search(label)
           and config.metrics[n].kind == kind]

    def allowed(name: str) -> bool:
        excluded = vocab.excluded[name]
        return excluded is None or not excluded.search(label)
    for group in ([n for n in words if n in own], own, words):
        for name in group:
            if allowed(name):
                return name
    return ""


def in_phrase(q: Quantity, text: str, vocab: MetricVocabulary, config: Config) -> list[str]:
    """Metrics of the figure's kind named by the scanner's noun phrase right after it, longest first."""
    if q.noun_start < 0 or q.parenthesised:
        return []
    return list(named_between(text, q.noun_start, q.noun_end, vocab, config, figure_kind(q)))


def by_predicate(runs, q: Quantity, text: str, vocab: MetricVocabulary, config: Config) -> list[str]:
    """Metrics of the figure's kind whose own predicates the figure's clause (`runs` of text) holds: "OCHA
    seeks to raise $2.7 billion" names its metric by the verb alone."""
    return [n for n, p in vocab.own_predicates.items() if p is not None and config.metrics[n].kind == figure_kind(q)
            and any(p.search(text, s, e) for s, e in runs)]


def by_topic(names, counts: Mapping[str, int]) -> list[str]:
    """`names` ordered by how often the text uses each one's predicates (`counts`); a stable sort, so the
    configuration's order breaks ties."""
    return sorted(names, key=lambda n: -counts.get(n, 0))


def predicate_positions(text: str, vocab: MetricVocabulary) -> dict[str, list[int]]:
    """{metric: where `text` uses one of its own predicates, in order}."""
    return {n: [m.start() for m in p.finditer(text)] for n, p in vocab.own_predicates.items() if p is not None}


def by_verb(lemma: str, q: Quantity, vocab: MetricVocabulary, config: Config) -> list[str]:
    """Metrics of the figure's kind one of whose predicates opens with the verb `lemma`, in order; not a
    part that has the verb from the metric it belongs to, which the verb names no more than the whole."""
    return [n for n, lemmas in vocab.verbs.items() if lemma in lemmas and config.metrics[n].kind == figure_kind(q)
            and lemma not in vocab.verbs.get(vocab.parent.get(n, ""), ())]


def first_owner(text: str, start: int, end: int, q: Quantity, vocab: MetricVocabulary, config: Config) -> list[str]:
    """The parts of a measure the first vocabulary word in text[start:end] naming any names: the owner
    a description ("the party") stands for, named first in its sentence or the one before (the subject)."""
    for m in vocab.words.finditer(text, start, end) if vocab.words is not None else ():
        parts = [n for n in _named(vocab, m, config, figure_kind(q)) if vocab.parent.get(n)]
        if parts:
            return parts
    return []


def held(spans, q: Quantity, text: str, vocab: MetricVocabulary, config: Config) -> list[str]:
    """Metrics of the figure's kind named by who it belongs to (spans of text: the clause's holder, the
    name its list item opens with), in order."""
    if vocab.words is None:
        return []
    kind, found = figure_kind(q), []
    for start, end in spans:
        for m in vocab.words.finditer(text, start, end):
            found += [n for n in _named(vocab, m, config, kind) if n not in found]
    return found


@lru_cache(maxsize=8)
def item_pattern(code: str = "en") -> re.Pattern:
    """A list item's opening name right before its figure: after a comma, semicolon, colon or "and",
    a name of up to 40 characters, then one of the language's `[syntax] item_prepositions`."""
    words = load_language(code)["syntax"]["item_prepositions"]
    return re.compile(rf"(?:^|[,;:]\s*|\band\s+)(?P<name>[^\W\d][^,;:()\d]{{0,40}}?)\s+(?i:{phrases(words)})\s*$")


@lru_cache(maxsize=8)
def role_pattern(code: str = "en") -> re.Pattern:
    """After a figure, the opening of the phrase that says what it is, up to the phrase's end: "as
    recurrent expenditure", "is for capital projects" (`[syntax] role_openers`)."""
    words = load_language(code)["syntax"]["role_openers"]
    return re.compile(rf"[ \t]+(?i:{phrases(words)})[ \t]+(?P<phrase>[^,;:.\n]{{1,60}})")


@lru_cache(maxsize=8)
def share_pattern(code: str = "en") -> re.Pattern:
    """"the percentage of out-of-school children": a word of a share and the counted phrase after it
    (`[automatic_metrics] share_containers`)."""
    words = load_language(code)["automatic_metrics"]["share_containers"]
    return re.compile(rf"(?i:(?<![\w-])(?:{phrases(words)})[ \t]+(?P<phrase>[^,;:.()\n]{{1,60}}))")


def share_of_count(text: str, start: int, end: int, vocab: MetricVocabulary, config: Config,
                   pattern: re.Pattern, generic: frozenset[str]) -> list[str]:
    """The one share metric whose words have a word, other than a generic noun, in common with those of
    the count metric that "the percentage of ..." names in [start, end): "a decrease in the percentage of
    out-of-school children from 44% to 39%" is the out-of-school rate; none where that is not one."""
    for m in pattern.finditer(text, start, end):
        counts = named_between(text, m.start("phrase"), m.end("phrase"), vocab, config, "count")
        said = {w for name in counts for w in _word_tokens(config.metrics[name].words)} - generic
        shares = [name for name, metric in config.metrics.items()
                  if metric.kind == "percent" and said & _word_tokens(metric.words)]
        if len(shares) == 1:
            return shares
    return []


def _word_tokens(words) -> set[str]:
    """The words of a metric's phrases, casefolded: "out-of-school rate" gives out-of-school and rate."""
    return {token for phrase in words for token in fold(phrase.casefold()).split() if len(token) > 3}


def in_role(q: Quantity, text: str, vocab: MetricVocabulary, config: Config, pattern: re.Pattern) -> list[str]:
    """Metrics of the figure's kind that the phrase right after a nounless figure names: "N8.7 trillion as
    recurrent expenditure", "N1.7 trillion is for statutory transfers"."""
    role = pattern.match(text, q.end) if q.noun_start < 0 else None
    if role is None:
        return []
    return list(named_between(text, role.start("phrase"), role.end("phrase"), vocab, config, figure_kind(q)))


def list_item(text: str, sentence_start: int, q: Quantity, pattern: re.Pattern) -> tuple[int, int] | None:
    """The name a list item opens with, before its figure: "PA at 2.04%", "Eastshire with 31 per cent"."""
    begin = max(sentence_start, q.start - WINDOW)
    m = pattern.search(text, begin, q.start)
    return (m.start("name"), m.end("name")) if m else None


def from_noun(noun_text: str, noun: str, kind: str, vocab: MetricVocabulary, config: Config,
              plurals: tuple[str, ...] = (), same: Mapping[str, str] | None = None) -> list[str]:
    """Metrics of the figure's kind whose words name its parsed counted noun, as written or without its
    first words ("total debt service": "debt service"), as lemma or as the lemma's plural (`plurals`: the
    language's endings): "the death toll" is counted in "deaths"; else as the lemma that counts the same
    thing (`same`: "9 die", a headline's verb parsed as the noun, is counted in "deaths")."""
    words = fold(noun_text.casefold()).split()

    def named(key: str) -> tuple[str, ...]:
        return _of_kind(vocab.by_word.get(key, ()), config, kind)

    for i in range(len(words)):
        names = named(" ".join(words[i:]))
        if names:
            # A modifier the suffix leaves out may name the measure more narrowly: "education budget".
            narrower = next((n for n in (named(" ".join(words[j:i])) for j in range(i)) if n), ())
            return list(narrower or names)
    for lemma in dict.fromkeys((noun, (same or {}).get(noun.casefold(), noun))):
        for key in (lemma, *(lemma + suffix for suffix in plurals)):
            names = named(key.casefold())
            if names:
                return list(names)
    return []


def made_from_verbs(noun_text: str, kind: str, vocab: MetricVocabulary, config: Config) -> list[str]:
    """Metrics of `kind` one of whose predicates' verbs the counted noun is made from: "crossings" counts
    what "crossed the Channel" does."""
    words = noun_text.casefold().split()
    verbs = nominalised_verbs(words[-1], config.language) if words else frozenset()
    return [n for n, acts in vocab.acts.items() if acts & verbs and config.metrics[n].kind == kind] if verbs else []


@dataclass(frozen=True)
class AutomaticWords:
    generic: frozenset[str]   # "people": too general to name a metric, the predicate does
    same: dict[str, str]      # lemma -> the lemma it counts the same thing as
    plurals: tuple[str, ...]  # endings that make a noun's plural: a lemma meets its metric's plural word
    rate: re.Pattern          # a rate marker and the unit it counts per, after a noun: " per boat"
    groups: dict[str, frozenset[str]]  # group of people -> its forms: "civilians" -> civilian, civilians
    time_units: frozenset[str]  # "day", "weeks": a rate per one of these is a rate in time
    conditions: dict[str, frozenset[str]]  # condition of the counted -> its words: "serious" -> critical, ...
    harm: frozenset[str]      # the words a condition qualifies: "injuries", "wounded", "condition"
    roles: frozenset[str]     # people named by a role, whose verb says what befell them: "patients died"
    unnamed: frozenset[str]   # verbs that name no measure, besides those of a level: "the states include"
    neutral: frozenset[str]   # verbs that say a figure was stated, not what it counts: "report", "record"


@lru_cache(maxsize=8)
def automatic_words(code: str = "en") -> AutomaticWords:
    data = load_language(code)["automatic_metrics"]
    return AutomaticWords(word_set(data["generic_nouns"]), {k.casefold(): v for k, v in data["same"].items()},
                          tuple(data["plural_endings"]),
                          re.compile(rf"(?i:\s+(?:{phrases(data['rate_markers'])})\s+(\w[\w-]*))"),
                          {group: word_set(forms) for group, forms in data["groups"].items()},
                          word_set(load_language(code)["durations"]["units"]),
                          {kind: word_set(forms) for kind, forms in data["conditions"].items()},
                          word_set(data["harm_words"]), word_set(data["role_nouns"]),
                          word_set(data["unnamed_predicates"]),
                          word_set(load_language(code)["vocabulary"]["neutral_predicates"]))


def per_unit(q: Quantity, text: str, vocab: MetricVocabulary, config: Config, words: AutomaticWords) -> str | None:
    """The metric of a figure counted per something ("54 people per boat"): the configured metric whose
    words say the rate, else an automatic one of the noun and its unit; None for a figure that is no rate."""
    if q.kind not in ("count", "money"):
        return None
    start = q.noun_start if q.noun_start >= 0 else q.end
    at = q.noun_end if q.noun_start >= 0 else q.end
    marker = words.rate.match(text, at)
    if marker is None:
        return None
    for m in vocab.words.finditer(text, start, marker.end()) if vocab.words is not None else ():
        names = _named(vocab, m, config, figure_kind(q))
        if names and m.end() > at:  # the words name the rate itself: "people per boat"
            return names[0]
    # "56 people per vessel", "58 people in each one": the one configured rate of that noun (or of a noun
    # one measure's words share with it: "migrants", "people"), per whatever thing it is written ("131
    # people per day" is a rate in time, another measure)
    counted = text[start:at].casefold().split()[-1:] if marker.group(1).casefold() not in words.time_units else []

    def same_noun(noun: str) -> bool:
        shared = set(vocab.by_word.get(noun, ())) & set(vocab.by_word.get(fold(counted[0]), ()))
        return noun == counted[0] or any(config.metrics[m].kind == "count" for m in shared)

    def numerator(word: str) -> str | None:  # "people" of "people per boat"; None for no rate
        rate = words.rate.search(" " + word.casefold())
        return " ".join(word.casefold()[:rate.start()].split()[-1:]) if rate else None

    rates = [n for n, metric in config.metrics.items() if metric.kind == figure_kind(q) and counted and any(
        (noun := numerator(w)) is not None and same_noun(noun) for w in metric.words)]
    if len(rates) == 1:
        return rates[0]
    return automatic(f"{text[start:at]} per {marker.group(1)}".strip(), "", False, words)


def automatic(noun: str, predicate: str, projected: bool, words: AutomaticWords) -> str:
    """The automatic metric of a figure no configured metric names: `auto:` and the lemma of its
    counted noun ("deaths", "dead" -> auto:death), or of its predicate where the noun is too general
    ("people killed" -> auto:death); a plan or forecast is a metric of its own (`auto:case:projected`)."""
    lemma = noun
    if (not lemma or lemma in words.generic) and predicate:
        lemma = predicate
    lemma = words.same.get(lemma, lemma)
    lemma = _SLUG.sub("-", lemma.casefold()).strip("-")
    if not lemma:
        return ""
    return f"{AUTOMATIC}{lemma}:projected" if projected else f"{AUTOMATIC}{lemma}"


_SLUG = re.compile(r"[^\w.-]+")
