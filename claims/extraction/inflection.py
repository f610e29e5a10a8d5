"""Every written form of a predicate's verb, so "called for" in figcheck.toml also finds "calls for" and
"calling for". The language file names the inflector (`[predicates] inflector`); English uses
lemminflect's lexicon rather than hand-written suffix rules, which get "sought" or "fled" wrong."""

from __future__ import annotations

from functools import lru_cache

from figcheck.claims.extraction.language import load_language


def _inflected(code: str) -> bool:
    return load_language(code).data.get("predicates", {}).get("inflector") == "lemminflect"


def predicate_forms(phrase: str, code: str = "en") -> tuple[str, ...]:
    """The phrase as written, then with each other form of its opening verb, if it opens with one."""
    words = phrase.split()
    if not words or not _inflected(code):
        return (phrase,)
    rest = words[1:]
    return tuple(dict.fromkeys([phrase, *(" ".join([form, *rest]) for form in _verb_forms(words[0].casefold()))]))


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas  # imported here: only extraction pays for it

    return tuple(getAllLemmas(word).get("VERB", ()))


@lru_cache(maxsize=4096)
def base_forms(word: str, code: str = "en") -> frozenset[str]:
    """The word, casefolded, and its lemmas as any part of speech ("fell": fall, "higher": high)."""
    word = word.casefold()
    if not _inflected(code):
        return frozenset((word,))
    from lemminflect import getAllLemmas

    return frozenset((word, *(lemma for lemmas in getAllLemmas(word).values() for lemma in lemmas)))


@lru_cache(maxsize=4096)
def _verb_forms(word: str) -> tuple[str, ...]:
    from lemminflect import getAllInflections

    forms: list[str] = []
    for lemma in _lemmas(word):
        for tag, group in getAllInflections(lemma, upos="VERB").items():
            # The bare form only where it was written: "recorded" must not find the noun in "Record 19 die".
            if tag not in _BARE or word == lemma:
                forms += group
    return tuple(dict.fromkeys(forms))


_BARE = frozenset({"VB", "VBP"})


def verb_lemmas(phrase: str, code: str = "en") -> frozenset[str]:
    """The lemmas of a predicate's opening verb ("fled the country": flee), or the word itself; none for a
    verb that says nothing alone (`[predicates] light_verbs`: "made the crossing")."""
    words = phrase.casefold().split()
    if not words:
        return frozenset()
    lemmas = frozenset(_lemmas(words[0]) if _inflected(code) else ()) or frozenset(words[:1])
    data = load_language(code).data.get("predicates", {})
    # "appealed for" is asked for too: the verbs of the language that say the same act
    akin = frozenset().union(*(group for group in map(frozenset, data.get("synonyms", ())) if group & lemmas))
    return (lemmas | akin) - frozenset(data.get("light_verbs", ()))


def nominalised_verbs(word: str, code: str = "en") -> frozenset[str]:
    """The verbs a noun is made from by the language's endings (`[predicates] nominal_endings`):
    "requirements" -> require, "arrivals" -> arrive; none for a noun that is no such derivation."""
    data = load_language(code).data.get("predicates", {})
    if not _inflected(code):
        return frozenset()
    word = word.casefold()
    stems = {word[:-len(ending)] + replacement for ending, replacement in data.get("nominal_endings", ())
             if word.endswith(ending) and len(word) > len(ending) + 2}
    return frozenset(stem for stem in stems if stem in _lemmas(stem))
