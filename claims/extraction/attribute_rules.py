"""spaCy's attribute ruler, with its rules found by look-up instead of by its `Matcher`.

The English pipeline's `attribute_ruler` gives each token its part of speech and morphology from its
fine tag and corrects a few words and phrases ("gets" -> get, "gon na"): 179 rules. spaCy's `Matcher`
tries every rule at every token, most rules test sets (`"LOWER": {"IN": [...]}`) through Python
callbacks, and on the sentences extraction parses that took a fifth of `extract_source`'s time.

Whether a token meets one token's part of a rule depends only on the few attributes the rules read
(here the lower-case form, the tag, the dependency and whether it is a space), so the parts a token
meets are worked out once per combination of those values and remembered; a rule of several tokens
matches where each token meets its part. Rules this module cannot read (operators such as
`"OP": "+"`, extension attributes, comparisons) are left to a `Matcher`. The matches are those spaCy's
`Matcher` returns (one per rule and span), applied as spaCy applies them (sorted by rule, later rules
win), so every token gets the same part of speech, morphology and lemma; tests/test_attribute_rules.py
compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Token attributes a rule may test: strings, and flags. Like spaCy's Matcher, values are compared as
# they are stored, strings by their hash in the string store ("" is 0: not set), flags as 0 or 1.
_STRINGS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE"})
_FLAGS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_LOWER", "IS_UPPER", "LIKE_NUM"})
_MEMORY = 200_000  # combinations of values remembered before the memory starts afresh

# One token's part of a rule: (attribute, operator, operand) triples, all of which must hold.
Part = tuple[tuple[str, str, object], ...]


class IndexedMatch:
    """A drop-in for `AttributeRuler.match`: the same (rule, key, start, end) matches, in the same order."""

    def __init__(self, ruler):
        from spacy.matcher import Matcher  # imported here: only extraction loads spaCy
        from spacy.strings import get_string_id

        self.strings = ruler.vocab.strings
        self.rest = Matcher(ruler.vocab)
        parts: dict[Part, int] = {}                      # each distinct part, numbered
        self.rules: list[tuple[int, int, tuple[int, ...]]] = []  # (rule, key, its parts in order)
        for rule, entry in enumerate(ruler.patterns):
            key = self.strings[str(rule)]
            unread = []
            for pattern in entry["patterns"]:
                read = [_part(spec) for spec in pattern]
                if not read or any(part is None for part in read):
                    unread.append(pattern)
                    continue
                self.rules.append((rule, key, tuple(parts.setdefault(part, len(parts)) for part in read)))
            if unread:
                self.rest.add(key, unread)
        self.names = sorted({name for part in parts for name, _, _ in part})
        position = {name: i for i, name in enumerate(self.names)}
        self.parts = [tuple(_test(position[name], operator, operand, get_string_id, self.strings)
                            for name, operator, operand in part) for part in parts]
        # A part that requires one of a few values of an attribute is tried only on tokens with one of them.
        self.filed: dict[int, dict[object, list[int]]] = {}  # position of the attribute -> value -> parts
        self.unfiled: list[int] = []
        for number, part in enumerate(parts):
            anchor = _anchor(part)
            if anchor is None:
                self.unfiled.append(number)
                continue
            table = self.filed.setdefault(position[anchor[0]], {})
            for value in anchor[1]:
                table.setdefault(get_string_id(value), []).append(number)
        self.starting: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}  # first part -> rules
        for entry in self.rules:
            self.starting.setdefault(entry[2][0], []).append(entry)
        self.memory: dict[tuple, tuple[frozenset[int], tuple]] = {}

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = set()
        if len(self.rest):
            found.update((int(self.strings[key]), key, start, end)
                         for key, start, end in self.rest(doc, allow_missing=True, as_spans=False))
        rows = doc.to_array(self.names).tolist() if self.names else [[]] * len(doc)
        met = [self._met(tuple(values)) for values in rows]
        n = len(met)
        for i, (_, rules) in enumerate(met):
            for rule, key, sequence in rules:
                end = i + len(sequence)
                if end <= n and all(sequence[k] in met[i + k][0] for k in range(1, len(sequence))):
                    found.add((rule, key, i, end))
        return sorted(found)

    def _met(self, values: tuple) -> tuple[frozenset[int], tuple]:
        """The parts a token with these values meets, and the rules that can start at it."""
        known = self.memory.get(values)
        if known is None:
            candidates = self.unfiled + [n for i, table in self.filed.items() for n in table.get(values[i], ())]
            met = frozenset(n for n in candidates if all(test(values) for test in self.parts[n]))
            known = (met, tuple(rule for i in sorted(met) for rule in self.starting.get(i, ())))
            if len(self.memory) >= _MEMORY:
                self.memory.clear()
            self.memory[values] = known
        return known


def _part(spec: dict) -> Part | None:
    """One token's tests as (attribute, operator, operand), or None when it uses anything this module
    does not read (an operator, an extension, a comparison, a hash instead of a string)."""
    tests = []
    for name, value in spec.items():
        if not isinstance(name, str):
            return None
        name = "ORTH" if name.upper() == "TEXT" else name.upper()
        if name not in _STRINGS and name not in _FLAGS:
            return None
        flag = name in _FLAGS
        if isinstance(value, bool) and flag or isinstance(value, str) and not flag:
            tests.append((name, "==", value))
        elif isinstance(value, dict) and value and not flag:
            for operator, operand in value.items():
                operator = operator.upper()
                if operator in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
                    tests.append((name, operator, frozenset(operand)))
                elif operator == "REGEX" and isinstance(operand, str):
                    tests.append((name, operator, operand))
                else:
                    return None
        else:
            return None
    return tuple(sorted(tests, key=lambda t: (t[0], t[1], repr(t[2]))))


def _anchor(part: Part) -> tuple[str, tuple] | None:
    """An attribute the part requires one of a few values of, and those values (an equality rather
    than a set), or None."""
    choices = [(name, (operand,) if operator == "==" else tuple(operand))
               for name, operator, operand in part if operator in ("==", "IN")]
    return min(choices, key=lambda choice: len(choice[1])) if choices else None


def _test(i: int, operator: str, operand, string_id: Callable, strings) -> Callable[[tuple], bool]:
    """A test of the value at position i of a token's values."""
    if operator == "==":
        wanted = int(operand) if isinstance(operand, bool) else string_id(operand)
        return lambda values: values[i] == wanted
    if operator in ("IN", "NOT_IN"):
        ids = frozenset(string_id(v) for v in operand)
        if operator == "IN":
            return lambda values: values[i] in ids
        return lambda values: values[i] not in ids
    pattern = re.compile(operand)  # REGEX: searched in the attribute's text, as the Matcher does
    return lambda values: pattern.search(strings[values[i]]) is not None


def index_attribute_rules(nlp) -> None:
    """Make the pipeline's attribute ruler, if it has one, find its rules by look-up."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = IndexedMatch(ruler)
