"""`figcheck vocab`: counted nouns listed, metric blocks proposed from breakdowns, figcheck.toml untouched."""

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.checks.validate import InputError
from figcheck.checks.workspace import load_workspace
from figcheck.claims.atomic import write_atomic
from figcheck.claims.extraction.inflection import predicate_forms
from figcheck.claims.config import Metric, parse_config
from figcheck.cli import main
from figcheck.vocabulary import language_words, proposal_path, propose, render_proposal

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "central-asia"
REALWORLD = Path(__file__).resolve().parent / "data" / "realworld"
WORDS = language_words("en")


def fresh_workspace(tmp_path: Path) -> Path:
    """The bundled dossier's sources in a workspace made by `figcheck init`: no vocabulary at all."""
    root = tmp_path / "dossier"
    assert main(["init", str(root)]) == 0
    shutil.copytree(EXAMPLE / "sources", root / "sources", dirs_exist_ok=True)
    shutil.copy(EXAMPLE / "sources.csv", root / "sources.csv")
    return root


def test_proposes_the_returnees_family_with_its_parts_from_a_workspace_without_vocabulary(tmp_path, capsys):
    root = fresh_workspace(tmp_path)
    template = (root / "figcheck.toml").read_text(encoding="utf-8")
    assert main(["vocab", str(root)]) == 0
    assert "child" in capsys.readouterr().out  # "children", or its lemma where the parser is installed
    proposal = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    assert (root / "figcheck.toml").read_text(encoding="utf-8") == template
    metrics = parse_config(template + "\n" + proposal).metrics  # merges as it stands
    by_word = {w: m for m in metrics.values() for w in m.words}
    total = by_word["citizens"]
    assert by_word["individuals"] is total  # two nouns heading the same breakdown: one metric
    by_hand = parse_config((EXAMPLE / "figcheck.toml").read_text(encoding="utf-8")).metrics
    # the verbs of the family, as written, meet those a person wrote for the same metric
    returnees = next(m.part_of for m in by_hand.values() if "children" in m.words)  # the total of the children
    assert set(total.predicates) & set(by_hand[returnees].predicates)
    for part in ("women", "children", "men"):
        assert by_word[part].part_of == total.name
    assert by_word["orphans"].subset_of == by_word["children"].name  # seen alone under children
    assert by_word["male"].part_of == by_word["female"].part_of == by_word["participants"].name
    assert "operations" in by_word


def test_never_writes_figcheck_toml_nor_replaces_an_edited_proposal(tmp_path, capsys):
    root = fresh_workspace(tmp_path)
    config = root / "figcheck.toml"
    before = config.read_bytes()
    assert main(["vocab", str(root), "--output", str(config)]) == 2
    assert config.read_bytes() == before
    proposal = root / "figcheck.vocab.toml"
    proposal.write_text("# my edits\n", encoding="utf-8")
    assert main(["vocab", str(root)]) == 2
    assert "exists" in capsys.readouterr().err
    assert proposal.read_text(encoding="utf-8") == "# my edits\n"
    assert main(["vocab", str(root), "--force"]) == 0
    assert proposal.read_text(encoding="utf-8") != "# my edits\n"


def test_nouns_the_workspace_already_configures_are_not_proposed_again(tmp_path):
    root = tmp_path / "dossier"
    shutil.copytree(EXAMPLE, root)
    assert main(["vocab", str(root)]) == 0
    text = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    config = parse_config((root / "figcheck.toml").read_text(encoding="utf-8") + "\n" + text)
    proposed = [m for name, m in config.metrics.items() if name in text]
    assert not any({"children", "women", "participants"} & set(m.words) for m in proposed)


# ---- a real-world workspace whose hand-written metrics are replaced by the proposal ---------------

def without_metrics(config: str) -> str:
    """figcheck.toml with every [metrics.*] table dropped, the rest (places, rules) kept as written."""
    kept, dropping = [], False
    for line in config.splitlines(keepends=True):
        if line.startswith("["):
            dropping = line.strip() == "[metrics]" or line.startswith("[metrics.")
        if not dropping:
            kept.append(line)
    return "".join(kept)


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """The conflict workspace with its metrics removed, the proposal merged in as proposed, extracted."""
    root = tmp_path_factory.mktemp("vocab") / "conflict"
    shutil.copytree(REALWORLD / "conflict", root)
    registry = pd.read_csv(root / "sources.csv", dtype=str, keep_default_na=False)
    registry.loc[registry["split"] == "dev"].to_csv(root / "sources.csv", index=False)  # the holdout stays unread
    config = root / "figcheck.toml"
    config.write_text(without_metrics(config.read_text(encoding="utf-8")), encoding="utf-8")
    assert "[metrics" not in config.read_text(encoding="utf-8")
    assert main(["vocab", str(root)]) == 0
    proposal = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8") + "\n" + proposal, encoding="utf-8")
    assert main(["extract", str(root), "--quiet"]) == 0
    return root, parse_config(proposal).metrics


def test_a_merged_proposal_gives_most_counted_figures_a_metric(merged):
    root, proposed = merged
    claims = load_workspace(root).claims
    gold = pd.read_csv(root / "gold" / "claims.csv", dtype=str, keep_default_na=False)
    gold = gold.loc[gold["required"] == "1"].astype({"line": int, "value": float})
    pairs = gold.merge(claims[["source_id", "line", "value", "metric", "kind"]], on=["source_id", "line", "value"],
                       suffixes=("_gold", ""))
    pairs = pairs.loc[pairs["kind"] == "count"].drop_duplicates(["source_id", "line", "value", "surface"])
    assert len(pairs) >= 40
    assert (pairs["metric"] != "").mean() >= 0.90  # automatic or configured, as issue 15 asks
    assert pairs["metric"].isin(proposed).any()


def test_predicates_tell_apart_the_metrics_that_share_a_noun(merged):
    root, proposed = merged
    claims = load_workspace(root).claims
    sharing: dict[str, list[str]] = {}
    for name, metric in proposed.items():
        for word in metric.words:
            sharing.setdefault(word.casefold(), []).append(name)
    # where the sentence holds one figure: in "the death toll has risen to 822, with 3,215 others
    # wounded" each figure's verb is in its own clause, which the whole quote does not show
    alone = claims.groupby(["source_id", "quote"])["text"].transform("size") == 1
    separated = []
    for word, names in sharing.items():
        split = [name for name in names if proposed[name].predicates]
        if len(split) < 2:
            continue
        # a part listed under a stated total ("1,190, which includes: 436 civilians") takes its metric
        # from the total's family, whatever verb the sentence uses elsewhere
        mentions = claims.loc[claims["metric"].isin(split) & (claims["part_of"] == "") & alone
                              & claims["quote"].str.contains(rf"\b{re.escape(word)}\b", case=False)]
        def states(name: str, quote: str) -> bool:
            return any(re.search(rf"\b{re.escape(form)}\b", quote, re.I)
                       for p in proposed[name].predicates for form in predicate_forms(p))
        for metric, quote in zip(mentions["metric"], mentions["quote"]):
            # a figure whose sentence states the predicate of one of them, in some form of its verb, went
            # to a metric whose predicate it states (where none is stated, nothing tells them apart)
            if any(states(name, quote) for name in split):
                assert states(metric, quote), (metric, quote)
        if mentions["metric"].nunique() >= 2:
            separated.append(word)
    assert separated


def test_the_listing_counts_nouns_and_predicates_in_a_stable_order(tmp_path, capsys):
    root = fresh_workspace(tmp_path)
    capsys.readouterr()
    assert main(["vocab", str(root)]) == 0
    first = capsys.readouterr().out
    first_file = (root / "figcheck.vocab.toml").read_bytes()
    assert main(["vocab", str(root), "--force"]) == 0
    assert capsys.readouterr().out == first  # same sources, same listing
    assert (root / "figcheck.vocab.toml").read_bytes() == first_file  # and the same bytes
    rows = [line.split() for line in first.splitlines()[2:] if line.strip() and not line.startswith(("...", "\n"))]
    figures = [int(row[1]) for row in rows if len(row) > 1 and row[1].isdigit()]
    assert figures == sorted(figures, reverse=True) and figures[0] > 1
    assert re.search(r"\b[a-z]+ \(\d+\)", first)  # a predicate lemma with its count


def test_untrusted_words_reach_the_terminal_inert(tmp_path, capsys):
    root = tmp_path / "ws"
    assert main(["init", str(root)]) == 0
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "a.txt").write_text("Officials said 12 wid\u202egets\x1b[31m were delivered.\n"
                                          "Later 30 wid\u202egets\x1b[31m were delivered.\n", encoding="utf-8")
    (root / "sources.csv").write_text("source_id,file,title,publisher,published,period_start,period_end,language,url\n"
                                      "001,a.txt,A,P,2024-01-01,,,en,\n", encoding="utf-8")
    assert main(["vocab", str(root)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    proposal = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    assert "\x1b" not in proposal and "\u202e" not in proposal  # escaped in the file too, and still the word:
    assert any("\u202e" in word for m in parse_config(proposal).metrics.values() for word in m.words)


def test_a_merged_proposal_tells_people_who_fled_from_people_evacuated(tmp_path):
    root = tmp_path / "ws"
    assert main(["init", str(root)]) == 0
    (root / "sources" / "a.txt").write_text(
        "On Monday about 400 people fled the town of Arden.\n\n"
        "Officials said 250 people were evacuated from the valley on Tuesday.\n\n"
        "Three days later 120 more people fled across the river.\n\n"
        "Another 90 people were evacuated by boat on Friday.\n\n"
        "Rescuers said 3 people drowned in the flood.\n", encoding="utf-8")
    (root / "sources.csv").write_text("source_id,file,title,publisher,published,period_start,period_end,language,url\n"
                                      "001,a.txt,A,P,2024-05-10,,,en,\n", encoding="utf-8")
    assert main(["vocab", str(root)]) == 0
    proposal = (root / "figcheck.vocab.toml").read_text(encoding="utf-8")
    config = root / "figcheck.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + proposal, encoding="utf-8")
    assert main(["extract", str(root), "--quiet"]) == 0
    claims = load_workspace(root).claims.query("kind == 'count'").set_index("value")
    fled, evacuated = claims.loc[400.0, "metric"], claims.loc[250.0, "metric"]
    assert fled != evacuated and not fled.startswith("auto:") and not evacuated.startswith("auto:")
    assert claims.loc[120.0, "metric"] == fled and claims.loc[90.0, "metric"] == evacuated
    assert claims.loc[3.0, "metric"] not in (fled, evacuated)  # seen once: neither metric takes it


# ---- proposals from arbitrary breakdowns and words ----------------------------------------------

NOUNS = ["people", "citizens", "women", "men", "children", "orphans", "boys", "girls", "flights", "camps"]
VERBS = ["flee", "evacuate", "return", "kill", "be", ""]


def frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    return frame.assign(source_id="s1", kind="count", unit=frame["noun"], form=frame["noun"], scope="",
                        quote="", projected=False)


@st.composite
def breakdowns(draw, nouns=st.sampled_from(NOUNS), verbs=st.sampled_from(VERBS)):
    """Count claims in sources, some totals split into parts, a few parts split again, each with a
    predicate as the parse read it and the forms its quote shows."""
    rows, n = [], 0

    def row(noun: str, part_of: str) -> dict:
        verb = draw(verbs)
        forms = tuple(sorted(set(draw(st.lists(st.sampled_from([verb, verb + "d", verb + "ed"]), max_size=2))))) if verb else ()
        return {"claim_id": f"c{n}", "noun": noun, "part_of": part_of, "predicate": verb, "predicate_forms": forms}

    for _ in range(draw(st.integers(1, 8))):
        total = f"c{n}"
        rows.append(row(draw(nouns), ""))
        n += 1
        for noun in draw(st.lists(nouns, max_size=3, unique=True)):
            rows.append(row(noun, draw(st.sampled_from([total, f"c{n - 1}"]))))
            n += 1
    return frame(rows)


def inherited_predicates(metrics: dict[str, Metric], name: str) -> tuple[str, ...]:
    while name in metrics and not metrics[name].predicates:
        name = metrics[name].part_of or metrics[name].subset_of
    return metrics[name].predicates if name in metrics else ()


def configured_metrics(nouns) -> dict[str, Metric]:
    return {f"mine_{i}": Metric(name=f"mine_{i}", words=(noun,)) for i, noun in enumerate(sorted(nouns))}


def existing_config(metrics: dict[str, Metric]) -> str:
    return "".join(f'[metrics.{name}]\nwords = ["{m.words[0]}"]\n' for name, m in metrics.items())


@settings(max_examples=200, deadline=None)
@given(breakdowns(), st.sets(st.sampled_from(NOUNS), max_size=3), st.integers(1, 3))
def test_every_proposal_merges_into_a_valid_configuration(terms, configured_nouns, min_count):
    configured = configured_metrics(configured_nouns)
    proposals = propose(terms, configured, min_count, WORDS)
    config = parse_config(existing_config(configured) + render_proposal(proposals, "test"))
    for p in proposals:  # as proposed, word for word
        metric = config.metrics[p["name"]]
        assert (list(metric.words), list(metric.predicates)) == (p["words"], p["predicates"])
        assert not set(metric.predicates) & set(metric.excluded_predicates)
    # A noun is proposed for one metric, but for a general noun whose metrics its predicates (own or
    # inherited from the total) tell apart: at most one of them needs none.
    owners: dict[str, list[str]] = {}
    for p in proposals:
        for word in p["words"]:
            owners.setdefault(word, []).append(p["name"])
    for word, names in owners.items():
        assert len(names) == 1 or word in WORDS.generic, word
        predicates = [inherited_predicates(config.metrics, name) for name in names]
        assert len(set(predicates)) == len(predicates) and predicates.count(()) <= 1, (word, predicates)
    if min_count == 1:  # every noun placed, a general one where it has a verb or a breakdown holds it
        placed = set(owners) | configured_nouns
        assert set(terms.loc[~terms["noun"].isin(WORDS.generic), "noun"]) <= placed
    assert all(m.part_of != name and m.subset_of != name for name, m in config.metrics.items())
    assert not any(set(p["predicates"]) & {"be", "is", "was"} for p in proposals)  # a neutral verb names nothing


@settings(max_examples=60, deadline=None)
@given(breakdowns(), st.randoms(use_true_random=False))
def test_proposals_do_not_depend_on_the_order_figures_come_in(terms, random):
    order = list(terms.index)
    random.shuffle(order)
    shuffled = terms.loc[order].reset_index(drop=True)
    assert render_proposal(propose(shuffled, {}, 1, WORDS), "t") == render_proposal(propose(terms, {}, 1, WORDS), "t")


def test_planned_figures_are_not_mixed_into_the_counted_metric():
    rows = [{"claim_id": f"c{i}", "noun": "people", "part_of": "", "predicate": "evacuate",
             "predicate_forms": ("evacuated",)} for i in range(4)]
    terms = frame(rows)
    terms.loc[terms.index[:2], ["projected", "predicate_forms"]] = [True, ("evacuate",)]
    (proposal,) = propose(terms, {}, 2, WORDS)
    assert proposal["figures"] == 2 and proposal["predicates"] == ["evacuated"]
    assert propose(terms, {}, 3, WORDS) == []  # the two plans do not make up the count


def test_a_general_noun_gives_one_metric_per_predicate_named_by_what_it_counts():
    rows = [{"claim_id": f"c{i}", "noun": "people", "part_of": "", "predicate": verb, "predicate_forms": (form,)}
            for i, (verb, form) in enumerate([("flee", "fled"), ("flee", "fleeing"), ("evacuate", "evacuated"),
                                             ("evacuate", "evacuated"), ("kill", "killed"), ("drown", "drowned")])]
    proposals = {p["name"]: p for p in propose(frame(rows), {}, 2, WORDS)}
    assert set(proposals) == {"fled", "evacuated"}  # one drowning is no metric; one killing is no metric
    assert proposals["fled"]["words"] == ["people"] and proposals["fled"]["predicates"] == ["fled", "fleeing"]
    assert "drowned" in proposals["fled"]["excluded_predicates"]  # nor is it taken by the first "people" metric
    config = parse_config(render_proposal(list(proposals.values()), "t"))
    assert config.metrics["evacuated"].predicates == ("evacuated",)
    # a metric figcheck.toml has with the noun and one of the predicates covers the proposal
    mine = {"mine": Metric(name="mine", words=("people",), predicates=("fled",))}
    assert {p["name"] for p in propose(frame(rows), mine, 2, WORDS)} == {"evacuated"}


TEXT = st.text(min_size=1, max_size=12)


@st.composite
def arbitrary_terms(draw):
    """Figures whose nouns, forms and predicates are arbitrary text, as a hostile source could hold."""
    nouns = draw(st.lists(TEXT, min_size=1, max_size=4, unique=True))
    verbs = draw(st.lists(TEXT, min_size=1, max_size=3, unique=True))
    rows = [{"claim_id": f"c{i}", "noun": draw(st.sampled_from(nouns + ["people"])), "part_of": "",
             "predicate": (verb := draw(st.sampled_from(verbs))),
             "predicate_forms": tuple(draw(st.lists(TEXT, max_size=2)) + [verb])} for i in range(draw(st.integers(1, 12)))]
    for row in rows[1:]:
        row["part_of"] = draw(st.sampled_from(["", "c0"]))
    return frame(rows).assign(form=lambda f: f["noun"].map(lambda n: draw(st.sampled_from([n, n.upper(), ""]))))


@settings(max_examples=80, deadline=None)
@given(arbitrary_terms(), st.sampled_from(["figcheck.toml", "./figcheck.toml", "sub/../figcheck.toml", "link.toml",
                                           "figcheck.vocab.toml", "mine.toml"]), st.booleans())
def test_the_proposal_writer_keeps_any_words_and_never_touches_figcheck_toml(tmp_path_factory, terms, spelling, force):
    root = tmp_path_factory.mktemp("ws")
    (root / "sub").mkdir()
    (root / "figcheck.toml").write_text("# reviewed\n", encoding="utf-8")
    (root / "link.toml").symlink_to(root / "figcheck.toml")
    proposals = propose(terms, {}, 1, WORDS)
    text = render_proposal(proposals, "ws\n\x1b]0;evil\x07")
    config = parse_config(text)  # valid TOML figcheck loads, whatever the sources wrote
    for p in proposals:
        metric = config.metrics[p["name"]]
        assert (list(metric.words), list(metric.predicates), list(metric.excluded_predicates)) == \
            (p["words"], p["predicates"], p["excluded_predicates"])
    assert render_proposal(propose(terms.copy(), {}, 1, WORDS), "ws\n\x1b]0;evil\x07") == text  # same input, same bytes
    try:
        output = proposal_path(root, root / spelling, force)
    except InputError:
        output = None
    if output is not None:
        write_atomic(output, text)
        assert output.read_text(encoding="utf-8") == text
    assert (root / "figcheck.toml").read_text(encoding="utf-8") == "# reviewed\n"
    assert output is not None or spelling in ("figcheck.toml", "./figcheck.toml", "sub/../figcheck.toml", "link.toml")
