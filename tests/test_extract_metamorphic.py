"""Metamorphic tests of extraction (hypothesis): changes a reader would call irrelevant leave the
claims' structure unchanged; swapping "since" for "on" changes the scope as it should."""

from hypothesis import given, settings, strategies as st

from figcheck.claims import extract
from figcheck.claims.config import parse_config
from figcheck.claims.extract import extract_source

CONFIG = parse_config("""
[entities.AA]
name = "Aland"
[entities.BB]
name = "Borduria"
[entities.CC]
name = "Carpania"
[entities.DD]
name = "Dravonia"
[metrics.arrivals]
words = ["arrivals", "people"]
scope = "cumulative"
[metrics.shelters]
words = ["shelters"]
scope = "snapshot"
""")
SOURCE = {"source_id": "m1", "published": "2024-06-30"}
NAMES = {"AA": "Aland", "BB": "Borduria", "CC": "Carpania", "DD": "Dravonia"}
# Independent sentences: each names its own place, figure and date.
TEMPLATES = [
    "In {p}, officials registered {n} arrivals since 3 May 2024.",
    "{p} opened {n} shelters in June 2024.",
    "Authorities in {p} counted {n} people by 20 June 2024.",
]
SETTINGS = settings(max_examples=12, deadline=None)


def structure(text):
    frame = extract_source(text, SOURCE, CONFIG)
    return [(r.entity, r.metric, r.scope, r.period_start, r.period_end, r.part_of != "")
            for r in frame.itertuples()]


def document(places, numbers, order):
    sentences = [TEMPLATES[i].format(p=NAMES[places[i]], n=f"{numbers[i]:,}") for i in range(len(TEMPLATES))]
    return " ".join(sentences[i] for i in order)


places = st.lists(st.sampled_from(sorted(NAMES)), min_size=3, max_size=3)
numbers = st.lists(st.integers(12, 90_000), min_size=3, max_size=3)


@SETTINGS
@given(places, places, numbers)
def test_renaming_entities_renames_only_the_entities(first, second, values):
    before = structure(document(first, values, [0, 1, 2]))
    after = structure(document(second, values, [0, 1, 2]))
    assert [row[0] for row in before] == list(first)
    assert [row[0] for row in after] == list(second)
    assert [row[1:] for row in before] == [row[1:] for row in after]


@SETTINGS
@given(places, numbers, st.integers(2, 9))
def test_scaling_the_numbers_keeps_the_structure(where, values, factor):
    assert structure(document(where, values, [0, 1, 2])) == structure(
        document(where, [v * factor for v in values], [0, 1, 2]))


@SETTINGS
@given(places, numbers, st.permutations([0, 1, 2]))
def test_reordering_independent_sentences_reorders_the_claims(where, values, order):
    base = structure(document(where, values, [0, 1, 2]))
    assert structure(document(where, values, order)) == [base[i] for i in order]


@SETTINGS
@given(st.sampled_from(sorted(NAMES)), st.integers(12, 90_000))
def test_moving_a_clause_keeps_the_claim(place, value):
    front = f"Since 3 May 2024, {NAMES[place]} has registered {value:,} arrivals."
    back = f"{NAMES[place]} has registered {value:,} arrivals since 3 May 2024."
    assert structure(front) == structure(back) == [(place, "arrivals", "cumulative", "2024-05-03", "2024-06-30", False)]


@SETTINGS
@given(st.sampled_from(sorted(NAMES)), st.integers(12, 90_000))
def test_since_a_day_is_a_running_total_on_a_day_an_event(place, value):
    since = structure(f"{NAMES[place]} registered {value:,} arrivals since 3 May 2024.")
    on = structure(f"{NAMES[place]} registered {value:,} arrivals on 3 May 2024.")
    assert since[0][2] == "cumulative" and since[0][4] == "2024-06-30"
    assert on[0][2] == "event" and on[0][3:5] == ("2024-05-03", "2024-05-03")


class _CountingList(list):
    """A list that counts how many of its items are read."""
    reads = 0

    def __getitem__(self, index):
        result = super().__getitem__(index)
        _CountingList.reads += len(result) if isinstance(index, slice) else 1
        return result

    def __iter__(self):
        for item in super().__iter__():
            _CountingList.reads += 1
            yield item


def _context_reads(monkeypatch, sentences: int) -> int:
    original = extract._Document.__init__

    def counting(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.found = _CountingList()
    monkeypatch.setattr(extract._Document, "__init__", counting)
    _CountingList.reads = 0
    # One paragraph: every sentence after the first has earlier ones to draw context from.
    paragraph = " ".join(f"Aland registered {100 + i} arrivals. Of these, {i + 1} people were children."
                         for i in range(sentences))
    extract._run(paragraph, SOURCE, CONFIG)
    monkeypatch.setattr(extract._Document, "__init__", original)
    return _CountingList.reads


def test_paragraph_context_costs_the_same_per_sentence_wherever_it_stands(monkeypatch):
    # Work on earlier figures must grow with the sentences, not with their square.
    small, large = _context_reads(monkeypatch, 20), _context_reads(monkeypatch, 80)
    assert large <= 4 * small + 8
