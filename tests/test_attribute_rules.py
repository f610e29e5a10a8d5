"""The attribute ruler found by look-up gives every token what spaCy's own matching gives it."""

import csv
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings, strategies as st
from spacy.tokens import Doc

from figcheck.claims.extraction import syntax
from figcheck.claims.extraction.attribute_rules import IndexedMatch

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def pipelines():
    """spaCy's English pipeline as shipped, and as extraction loads it."""
    stock = spacy.load(syntax.syntax_words().models[-1], exclude=["ner"])
    return stock, syntax.load_parser()


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_extraction_uses_the_indexed_ruler(pipelines):
    _, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler").match, IndexedMatch)


def dev_sources() -> list:
    """The real-world corpus's development texts: the holdout is read only when it is scored."""
    found = []
    for registry in sorted(DATA.glob("realworld/*/sources.csv")):
        with registry.open(encoding="utf-8", newline="") as handle:
            found += [registry.parent / "sources" / row["file"] for row in csv.DictReader(handle) if row["split"] == "dev"]
    return found


def test_real_text_is_annotated_as_spacy_annotates_it(pipelines):
    stock, fast = pipelines
    paragraphs = [p for path in dev_sources() + sorted(DATA.glob("extraction/**/*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    assert len(paragraphs) > 500
    for ours, theirs in zip(fast.pipe(paragraphs), stock.pipe(paragraphs)):
        assert annotations(ours) == annotations(theirs)


# Words the English rules single out (contractions, object pronouns, "there is", auxiliaries,
# determiners, spaces), mixed with ordinary words and figures.
WORDS = ["I", "you", "it", "me", "gon", "na", "got", "ta", "let", "'s", "y'", "all", "ai", "n't", "not",
         "nothin'", "c'm", "on", "There", "is", "are", "was", "'re", "do", "does", "did", "have", "had", "'ve",
         "that", "which", "those", "the", "a", "gets", "got", "cases", "rose", "to", "1,200", "in", "Chad",
         "while", "97", "were", "confirmed", ".", ",", "  ", "\n"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_any_word_sequence_is_annotated_as_spacy_annotates_it(pipelines, words):
    stock, fast = pipelines
    text = " ".join(words)
    ours, theirs = fast(text), stock(text)
    assert annotations(ours) == annotations(theirs)


# Hand-made rules that use every kind of test the look-up reads, and one (an operator) it leaves to
# spaCy's Matcher.
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "run", "TAG": {"IN": ["VB", "VBP"]}}]], "attrs": {"LEMMA": "run"}},
    {"patterns": [[{"TEXT": "Run"}], [{"ORTH": "RUN"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"POS": "PRON"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "going"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN"}, {}]], "attrs": {"POS": "PROPN"}, "index": 1},
    {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X"}},  # a later rule wins
]
TOKENS = [("run", "VB", "ROOT"), ("Run", "VBP", "ROOT"), ("RUN", "NN", "nsubj"), ("that", "DT", "det"),
          ("that", "WDT", "nsubj"), ("y'", "PRP", "nsubj"), ("y", "PRP", "nsubj"), ("all", "DT", "det"),
          ("gon", "VBG", "aux"), ("na", "TO", "aux"), (" ", "_SP", "dep"), ("very", "RB", "advmod"),
          ("big", "JJ", "amod"), ("case", "NN", "dobj")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12))
def test_hand_made_rules_match_and_apply_as_spacys(tokens):
    def run(indexed):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add_patterns(RULES)
        if indexed:
            ruler.match = IndexedMatch(ruler)
        words, tags, deps = zip(*tokens)
        doc = Doc(nlp.vocab, words=list(words), spaces=[True] * len(words), tags=list(tags), deps=list(deps),
                  heads=[0] * len(words))
        return ruler.match(doc), annotations(ruler(doc))

    assert run(indexed=True) == run(indexed=False)
